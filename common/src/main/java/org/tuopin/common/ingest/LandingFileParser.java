package org.tuopin.common.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.tuopin.common.id.ResidentId;
import org.tuopin.common.privacy.Pseudonymizer;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.Lineage;

/**
 * Reads one landing file into bronze rows, on an executor: header check, strict decoding, record
 * splitting with exact line numbers ({@link CsvRecordReader}), and pseudonymisation at the door.
 * The raw resident ID exists only in a local variable here: the row gets its {@code person_key}
 * and what statistics need of it (problem, birth date, sex, area code).
 *
 * <p>A record that cannot be split into the declared columns becomes a row whose data columns are
 * all null and whose {@link Bronze#PARSE_ERROR} says why (its text is not kept: it may hold IDs).
 * Empty fields are null. When the file is fully read, {@code onEnd} receives its
 * {@link FileSummary}; a file that is unusable as a whole stops at the problem.
 */
public final class LandingFileParser {
  private LandingFileParser() {}

  /** The delimiters a wrong-delimiter header is recognised by. */
  private static final String OTHER_DELIMITERS = ";\t|";

  /** Rows of a file, lazily; the stream is closed when the iterator ends. */
  public static Iterator<Row> rows(FileTask task, InputStream raw, Pseudonymizer pseudonymizer, Consumer<FileSummary> onEnd) {
    return new Rows(task, raw, pseudonymizer, onEnd);
  }

  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static final class Rows implements Iterator<Row> {
    private final FileTask task;
    private final Pseudonymizer pseudonymizer;
    private final Consumer<FileSummary> onEnd;
    private final long startNanos = System.nanoTime();
    private final MessageDigest sha;
    private final Counting counting;
    private final CsvRecordReader reader;
    private final String provincePrefix;
    private final int width;
    /** For each bronze column: the landing header index it comes from, or a negative marker. */
    private int[] source;
    private int idIndex = -1;
    private int villageIndex = -1;
    private int headerSize;

    private Row next;
    private boolean done;
    private long records;
    private long parseErrors;
    private long unclosedQuoteLine;
    private long foreign;
    private long firstForeignLine;
    private String firstForeignCounty;
    private long idsChecked;
    private long idsInvalid;

    private static final int PERSON_KEY = -2;
    private static final int ID_PROBLEM = -3;
    private static final int ID_BIRTH_DATE = -4;
    private static final int ID_SEX = -5;
    private static final int ID_AREA_CODE = -6;
    private static final int PARSE_ERROR = -7;
    private static final int META_PROVINCE = -10;
    private static final int META_BATCH_ID = -11;
    private static final int META_BATCH_YEAR = -12;
    private static final int META_BATCH_KIND = -13;
    private static final int META_SOURCE_FILE = -14;
    private static final int META_LINE = -15;
    private static final int META_INGESTED_AT = -16;
    private static final int META_RUN_ID = -17;

    Rows(FileTask task, InputStream raw, Pseudonymizer pseudonymizer, Consumer<FileSummary> onEnd) {
      this.task = task;
      this.pseudonymizer = pseudonymizer;
      this.onEnd = onEnd;
      try {
        this.sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is not available in this JVM", e);
      }
      this.counting = new Counting(new DigestInputStream(raw, sha));
      this.reader = new CsvRecordReader(counting, Charset.forName(task.encoding()));
      this.provincePrefix = task.province().substring(0, 2);
      this.width = task.table().bronzeSchema().size();
      try {
        readHeader();
      } catch (IOException e) {
        fail(e);
      }
    }

    private void readHeader() throws IOException {
      CsvRecordReader.Record header;
      try {
        header = reader.next();
      } catch (CsvRecordReader.EncodingException e) {
        finish(RefusalRule.ENCODING_INVALID, e.line(), encodingProblem());
        return;
      }
      if (header == null) {
        finish(RefusalRule.EMPTY_FILE, 0, "the file is empty (no header line)");
        return;
      }
      List<String> names = new ArrayList<>();
      for (String f : header.fields()) {
        names.add(f.trim());
      }
      List<String> expected = task.table().columns();
      if (names.size() == 1 && expected.size() > 1) {
        for (char d : OTHER_DELIMITERS.toCharArray()) {
          if (names.get(0).indexOf(d) >= 0) {
            finish(
                RefusalRule.HEADER_DELIMITER,
                1,
                "the header is a single field separated by " + describe(d) + " instead of commas");
            return;
          }
        }
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        if (!expected.contains(n)) {
          finish(RefusalRule.HEADER_EXTRA_COLUMN, 1, unknownColumn(n, i + 1));
          return;
        }
        if (!seen.add(n)) {
          finish(RefusalRule.HEADER_EXTRA_COLUMN, 1, "the header repeats column '" + n + "'");
          return;
        }
      }
      for (String e : expected) {
        if (!names.contains(e)) {
          finish(RefusalRule.HEADER_MISSING_COLUMN, 1, "the header lacks column '" + e + "'");
          return;
        }
      }
      headerSize = names.size();
      List<StructField> fields = List.of(task.table().bronzeSchema().fields());
      source = new int[width];
      for (int i = 0; i < width; i++) {
        source[i] = marker(fields.get(i).name(), names);
      }
      if (task.table().idColumn() != null) {
        idIndex = names.indexOf(task.table().idColumn());
      }
      villageIndex = names.indexOf(task.table().villageColumn());
    }

    private int marker(String column, List<String> header) {
      LandingTable t = task.table();
      if (column.equals(t.personKeyColumn())) {
        return PERSON_KEY;
      }
      if (column.equals(t.idProblemColumn())) {
        return ID_PROBLEM;
      }
      switch (column) {
        case Bronze.ID_BIRTH_DATE:
          return ID_BIRTH_DATE;
        case Bronze.ID_SEX:
          return ID_SEX;
        case Bronze.ID_AREA_CODE:
          return ID_AREA_CODE;
        case Bronze.PARSE_ERROR:
          return PARSE_ERROR;
        case Lineage.PROVINCE:
          return META_PROVINCE;
        case Lineage.BATCH_ID:
          return META_BATCH_ID;
        case Bronze.BATCH_YEAR:
          return META_BATCH_YEAR;
        case Bronze.BATCH_KIND:
          return META_BATCH_KIND;
        case Lineage.SOURCE_FILE:
          return META_SOURCE_FILE;
        case Lineage.LINE:
          return META_LINE;
        case Lineage.INGESTED_AT:
          return META_INGESTED_AT;
        case Lineage.RUN_ID:
          return META_RUN_ID;
        default:
          int i = header.indexOf(column);
          if (i < 0) {
            throw new IllegalStateException("bronze column " + column + " has no landing source");
          }
          return i;
      }
    }

    private String encodingProblem() {
      return "the bytes are not valid " + task.encoding() + ", the encoding the manifest declares";
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        CsvRecordReader.Record r;
        try {
          r = reader.next();
        } catch (CsvRecordReader.EncodingException e) {
          finish(RefusalRule.ENCODING_INVALID, e.line(), encodingProblem());
          return false;
        }
        if (r == null) {
          finish(null, 0, null);
          return false;
        }
        next = toRow(r);
        return true;
      } catch (IOException e) {
        fail(e);
        return false;
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    private Row toRow(CsvRecordReader.Record r) {
      records++;
      String parseError = r.error();
      if (parseError == null && r.fields().size() != headerSize) {
        parseError = "expected " + headerSize + " fields, found " + r.fields().size();
      }
      if (CsvRecordReader.UNCLOSED_QUOTE.equals(r.error())) {
        unclosedQuoteLine = r.line();
      }
      List<String> f = parseError == null ? r.fields() : null;
      if (parseError != null) {
        parseErrors++;
      } else {
        checkVillage(r.line(), f);
      }
      String personKey = null;
      String problem = null;
      String birth = null;
      String sex = null;
      String area = null;
      if (f != null && idIndex >= 0) {
        String id = emptyToNull(f.get(idIndex));
        idsChecked++;
        Optional<ResidentId.Problem> p = ResidentId.validate(id);
        if (id != null) {
          personKey = pseudonymizer.personKey(id);
        }
        if (p.isPresent()) {
          idsInvalid++;
          problem = p.get().name();
        } else {
          String n = Pseudonymizer.normalise(id);
          birth = ResidentId.birthDate(n).orElseThrow().toString();
          sex = ResidentId.isMale(n) ? "MALE" : "FEMALE";
          area = n.substring(0, 6);
        }
      }
      Object[] values = new Object[width];
      for (int i = 0; i < width; i++) {
        int s = source[i];
        if (s >= 0) {
          values[i] = f == null ? null : emptyToNull(f.get(s));
          continue;
        }
        switch (s) {
          case PERSON_KEY -> values[i] = personKey;
          case ID_PROBLEM -> values[i] = problem;
          case ID_BIRTH_DATE -> values[i] = birth;
          case ID_SEX -> values[i] = sex;
          case ID_AREA_CODE -> values[i] = area;
          case PARSE_ERROR -> values[i] = parseError;
          case META_PROVINCE -> values[i] = task.province();
          case META_BATCH_ID -> values[i] = task.batchId();
          case META_BATCH_YEAR -> values[i] = task.batchYear();
          case META_BATCH_KIND -> values[i] = task.batchKind();
          case META_SOURCE_FILE -> values[i] = task.sourceFile();
          case META_LINE -> values[i] = r.line();
          case META_INGESTED_AT -> values[i] = task.ingestedAt();
          case META_RUN_ID -> values[i] = task.runId();
          default -> throw new IllegalStateException("unknown column marker " + s);
        }
      }
      return RowFactory.create(values);
    }

    private void checkVillage(long line, List<String> f) {
      String v = f.get(villageIndex).trim();
      if (v.length() >= 2
          && Character.isDigit(v.charAt(0))
          && Character.isDigit(v.charAt(1))
          && !v.startsWith(provincePrefix)) {
        foreign++;
        if (firstForeignLine == 0) {
          firstForeignLine = line;
          firstForeignCounty = v.length() >= 6 ? v.substring(0, 6) : v;
        }
      }
    }

    private void finish(RefusalRule rule, long line, String problem) {
      done = true;
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      onEnd.accept(
          new FileSummary(
              task.province(),
              task.batchId(),
              task.table().fileName(),
              counting.count,
              HexFormat.of().formatHex(sha.digest()),
              records,
              parseErrors,
              unclosedQuoteLine,
              foreign,
              firstForeignLine,
              firstForeignCounty,
              idsChecked,
              idsInvalid,
              rule == null ? null : rule.name(),
              line,
              problem,
              (System.nanoTime() - startNanos) / 1_000_000));
    }

    private void fail(IOException e) {
      done = true;
      try {
        reader.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("reading " + task.sourceFile() + " failed", e);
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String describe(char d) {
    return switch (d) {
      case ';' -> "semicolons";
      case '\t' -> "tabs";
      default -> "'" + d + "'";
    };
  }

  /**
   * Names an unknown header column only when it looks like a column name: a file delivered without
   * its header line has a record there, whose first field may be a resident ID.
   */
  private static String unknownColumn(String name, int position) {
    if (IDENTIFIER.matcher(name).matches()) {
      return "the header has column '" + name + "', which the contract does not define";
    }
    return "header field " + position + " is not a column name of the contract (is the header line missing?)";
  }

  private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_ ]{0,39}");
}
