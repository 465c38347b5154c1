package org.tuopin.common.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader (comma, double quotes, {@code ""} inside quotes) that knows the
 * physical line on which each record starts: the one thing Spark's CSV source and the usual parsers
 * cannot tell reliably once quoted fields contain line breaks. Lines end with LF, CRLF or CR; a BOM
 * at the start is skipped; empty physical lines between records are not records. Decoding is strict:
 * bytes that are not valid in the declared charset raise {@link EncodingException} naming the line.
 *
 * <p>A record whose quote is never closed runs to the end of the file and is returned with
 * {@link Record#error()} set, as is one with text after a closing quote; field values are never put
 * in an error (they may hold resident IDs).
 */
public final class CsvRecordReader implements Closeable {
  /** One record: the physical line it starts on (1-based), its fields, and why it is malformed (or null). */
  public record Record(long line, List<String> fields, String error) {}

  /** The input is not valid in its declared encoding. */
  public static final class EncodingException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    EncodingException(long line, CharacterCodingException cause) {
      super("invalid bytes on line " + line, cause);
      this.line = line;
    }

    public long line() {
      return line;
    }
  }

  /** Why a record is malformed: a quoted field reaches the end of the file. */
  public static final String UNCLOSED_QUOTE = "a quoted field is never closed (it runs to the end of the file)";
  /** Why a record is malformed: text follows a closing quote inside a field. */
  public static final String TEXT_AFTER_QUOTE = "text follows the closing quote of a field";

  private static final int EOF = -1;
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final char[] buf = new char[1 << 16];
  private final CharBuffer chars = CharBuffer.wrap(buf);
  private boolean endOfBytes;
  private boolean flushed;
  /** A decoding error found after the characters before it were handed out: raised at the next fill. */
  private CharacterCodingException pending;
  private int pos;
  private int len;
  private long line = 1;
  private boolean started;

  public CsvRecordReader(InputStream bytes, Charset charset) {
    this.in = bytes;
    this.decoder =
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The physical line the reader is on (1-based). */
  public long line() {
    return line;
  }

  /** The next record, or null at the end of the input. */
  public Record next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
      }
    }
    int c;
    // Empty lines are not records.
    while ((c = peek()) == '\n' || c == '\r') {
      endOfLine(read());
    }
    if (c == EOF) {
      return null;
    }
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    String error = null;
    while (true) {
      c = read();
      if (c == '"' && sb.length() == 0) {
        boolean closed = false;
        while (true) {
          c = read();
          if (c == EOF) {
            break;
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
              sb.append('"');
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n' || c == '\r') {
            endOfLine(c);
            sb.append('\n');
            continue;
          }
          sb.append((char) c);
        }
        if (!closed) {
          fields.add(sb.toString());
          return new Record(start, fields, UNCLOSED_QUOTE);
        }
        c = read();
        if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          error = TEXT_AFTER_QUOTE;
          while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            c = read();
          }
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          sb.append((char) c);
          c = read();
        }
      }
      fields.add(sb.toString());
      sb.setLength(0);
      if (c == ',') {
        continue;
      }
      if (c != EOF) {
        endOfLine(c);
      }
      return new Record(start, fields, error);
    }
  }

  private void endOfLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) {
      return EOF;
    }
    return buf[pos];
  }

  private int read() throws IOException {
    if (pos == len && !fill()) {
      return EOF;
    }
    return buf[pos++];
  }

  /**
   * Decodes the next characters. Decoding is done here rather than by an InputStreamReader so that
   * an invalid byte is reported only after every character before it was consumed: the line
   * number in the error is then the line of the invalid byte.
   */
  private boolean fill() throws IOException {
    if (pending != null) {
      throw new EncodingException(line, pending);
    }
    if (flushed) {
      return false;
    }
    chars.clear();
    while (true) {
      CoderResult cr = decoder.decode(bytes, chars, endOfBytes);
      if (cr.isError()) {
        pending = new CharacterCodingException();
        if (chars.position() == 0) {
          throw new EncodingException(line, pending);
        }
        break;
      }
      if (cr.isOverflow() || chars.position() > 0) {
        break;
      }
      if (endOfBytes) {
        if (!flushed) {
          flushed = true;
          decoder.flush(chars);
        }
        break;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfBytes = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    pos = 0;
    len = chars.position();
    return len > 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
