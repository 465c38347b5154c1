package org.tuopin.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private static List<CsvRecordReader.Record> read(byte[] bytes, Charset cs) throws IOException {
    List<CsvRecordReader.Record> out = new ArrayList<>();
    try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(bytes), cs)) {
      CsvRecordReader.Record rec;
      while ((rec = r.next()) != null) {
        out.add(rec);
      }
    }
    return out;
  }

  private static List<CsvRecordReader.Record> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  @Test
  void plainRecordsCarryTheirLineNumbers() throws IOException {
    List<CsvRecordReader.Record> r = read("a,b,c\n1,2,3\n4,,6\n");
    assertEquals(3, r.size());
    assertEquals(new CsvRecordReader.Record(1, List.of("a", "b", "c"), null), r.get(0));
    assertEquals(new CsvRecordReader.Record(3, List.of("4", "", "6"), null), r.get(2));
  }

  @Test
  void quotedFieldsKeepCommasAndDoubledQuotes() throws IOException {
    List<CsvRecordReader.Record> r = read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");
    assertEquals(List.of("x, y", "say \"hi\""), r.get(1).fields());
  }

  @Test
  void embeddedNewlineKeepsTheStartLineAndShiftsTheNext() throws IOException {
    List<CsvRecordReader.Record> r = read("a,b\n\"two\nlines\",1\r\n\"three\r\nphysical\nlines\",2\nlast,3");
    assertEquals(2, r.get(1).line());
    assertEquals("two\nlines", r.get(1).fields().get(0));
    assertEquals(4, r.get(2).line());
    assertEquals("three\nphysical\nlines", r.get(2).fields().get(0));
    assertEquals(new CsvRecordReader.Record(7, List.of("last", "3"), null), r.get(3));
  }

  @Test
  void crlfAndEmptyLinesAreNotRecords() throws IOException {
    List<CsvRecordReader.Record> r = read("a,b\r\n\r\n1,2\r\n\r\n");
    assertEquals(2, r.size());
    assertEquals(3, r.get(1).line());
  }

  @Test
  void utf8BomIsSkipped() throws IOException {
    List<CsvRecordReader.Record> r = read("\uFEFFa,b\n1,2\n");
    assertEquals(List.of("a", "b"), r.get(0).fields());
  }

  @Test
  void gb18030DecodesChineseLabelsAndItsBom() throws IOException {
    byte[] bytes = "\uFEFFa,b\n一般贫困户,因病\n".getBytes(GB18030);
    List<CsvRecordReader.Record> r = read(bytes, GB18030);
    assertEquals(List.of("a", "b"), r.get(0).fields());
    assertEquals(List.of("一般贫困户", "因病"), r.get(1).fields());
  }

  @Test
  void gb18030BytesDeclaredUtf8FailOnTheirLine() {
    byte[] bytes = "a,b\n1,2\n3,一般贫困户\n".getBytes(GB18030);
    CsvRecordReader.EncodingException e =
        assertThrows(CsvRecordReader.EncodingException.class, () -> read(bytes, StandardCharsets.UTF_8));
    assertEquals(3, e.line());
  }

  @Test
  void oneMegabyteLineIsOneRecord() throws IOException {
    String big = "x".repeat(1 << 20);
    List<CsvRecordReader.Record> r = read("a,b\n\"" + big + "\",1\n" + big + ",2\nz,3\n");
    assertEquals(1 << 20, r.get(1).fields().get(0).length());
    assertEquals(1 << 20, r.get(2).fields().get(0).length());
    assertEquals(new CsvRecordReader.Record(4, List.of("z", "3"), null), r.get(3));
  }

  @Test
  void unclosedQuoteRunsToTheEndAndIsMarked() throws IOException {
    List<CsvRecordReader.Record> r = read("a,b\n1,\"open\n2,3\n4,5\n");
    assertEquals(2, r.size());
    assertEquals(2, r.get(1).line());
    assertEquals(CsvRecordReader.UNCLOSED_QUOTE, r.get(1).error());
  }

  @Test
  void textAfterAClosingQuoteIsMarked() throws IOException {
    List<CsvRecordReader.Record> r = read("a,b\n\"x\"y,1\n2,3\n");
    assertEquals(CsvRecordReader.TEXT_AFTER_QUOTE, r.get(1).error());
    assertNull(r.get(2).error());
    assertEquals(3, r.get(2).line());
  }

  @Test
  void emptyInputHasNoRecords() throws IOException {
    assertEquals(0, read("").size());
    assertEquals(0, read("\uFEFF").size());
  }
}
