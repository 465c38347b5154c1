package org.tuopin.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tuopin.common.id.ResidentId;
import org.tuopin.common.privacy.Pseudonymizer;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.Lineage;

class LandingFileParserTest {
  private static final byte[] KEY = "k".repeat(40).getBytes(StandardCharsets.UTF_8);
  private static final String HEADER = String.join(",", LandingMembers.COLUMNS);

  static String id(String first17) {
    return first17 + ResidentId.checkCharacter(first17);
  }

  private static String member(String residentId, String householdId) {
    return residentId + "," + householdId + ",2016,户主,男,1980-01-01,普通劳动力,非在校生,否,健康,是,否,,0";
  }

  private record Parsed(List<Row> rows, FileSummary summary) {}

  private static Parsed parse(String text, Charset cs, String encoding) {
    FileTask task =
        new FileTask(
            LandingTable.MEMBERS, "/x/members.csv", "520000/B1/members.csv", encoding, "520000", "B1", 2016, "FULL",
            Timestamp.valueOf("2026-01-01 00:00:00"), "run-1");
    AtomicReference<FileSummary> summary = new AtomicReference<>();
    List<Row> rows = new ArrayList<>();
    LandingFileParser.rows(task, new ByteArrayInputStream(text.getBytes(cs)), new Pseudonymizer(KEY), summary::set)
        .forEachRemaining(rows::add);
    return new Parsed(rows, summary.get());
  }

  private static Object value(Row r, String column) {
    return r.get(Bronze.MEMBERS.fieldIndex(column));
  }

  @Test
  void membersArePseudonymisedAndKeepWhatStatisticsNeed() throws Exception {
    String good = id("52010219800101001");
    String text = HEADER + "\n" + member(good, "5201020010010001") + "\n" + member("520102800101001", "5201020010010001") + "\n";
    Parsed p = parse(text, StandardCharsets.UTF_8, "UTF-8");
    assertEquals(2, p.rows().size());
    Row r = p.rows().get(0);
    assertEquals(Bronze.MEMBERS.size(), r.size());
    assertEquals(new Pseudonymizer(KEY).personKey(good), value(r, Bronze.PERSON_KEY));
    assertNull(value(r, Bronze.ID_PROBLEM));
    assertEquals("1980-01-01", value(r, Bronze.ID_BIRTH_DATE));
    assertEquals("MALE", value(r, Bronze.ID_SEX));
    assertEquals("520102", value(r, Bronze.ID_AREA_CODE));
    assertNull(value(r, LandingMembers.WORK_PROVINCE));
    assertEquals(2L, value(r, Lineage.LINE));
    assertEquals("520000/B1/members.csv", value(r, Lineage.SOURCE_FILE));
    assertEquals(2016, value(r, Bronze.BATCH_YEAR));
    Row legacy = p.rows().get(1);
    assertEquals(ResidentId.Problem.LEGACY_15_DIGITS.name(), value(legacy, Bronze.ID_PROBLEM));
    assertNull(value(legacy, Bronze.ID_BIRTH_DATE));
    for (Row row : p.rows()) {
      assertFalse(row.mkString("|").contains(good), "raw ID in a bronze row");
      assertFalse(row.mkString("|").contains("520102800101001"), "raw legacy ID in a bronze row");
    }
    FileSummary s = p.summary();
    assertEquals(2, s.records());
    assertEquals(2, s.idsChecked());
    assertEquals(1, s.idsInvalid());
    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, s.bytes());
    assertEquals(
        HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))),
        s.sha256());
  }

  @Test
  void wrongFieldCountBecomesANullRowWithItsReason() {
    String text = HEADER + "\n" + member(id("52010219800101001"), "5201020010010001") + ",extra\n";
    Row r = parse(text, StandardCharsets.UTF_8, "UTF-8").rows().get(0);
    assertEquals("expected 14 fields, found 15", value(r, Bronze.PARSE_ERROR));
    assertNull(value(r, Bronze.PERSON_KEY));
    assertNull(value(r, LandingMembers.HOUSEHOLD_ID));
    assertEquals(2L, value(r, Lineage.LINE));
  }

  @Test
  void foreignRecordsAreCountedWithTheFirstLineAndCounty() {
    String text =
        HEADER + "\n" + member(id("52010219800101001"), "5201020010010001") + "\n"
            + member(id("53010219800101001"), "5301020010010001") + "\n" + member(id("53010219800101002"), "5301020010010001") + "\n";
    FileSummary s = parse(text, StandardCharsets.UTF_8, "UTF-8").summary();
    assertEquals(2, s.foreignRecords());
    assertEquals(3, s.firstForeignLine());
    assertEquals("530102", s.firstForeignCounty());
  }

  @Test
  void headerProblemsStopTheFile() {
    FileSummary noHeaderLine = parse(member(id("52010219800101001"), "5201020010010001") + "\n", StandardCharsets.UTF_8, "UTF-8").summary();
    assertEquals(RefusalRule.HEADER_EXTRA_COLUMN.name(), noHeaderLine.problemRule());
    // The first field of a missing header is a resident ID: the message must not show it.
    assertEquals("header field 1 is not a column name of the contract (is the header line missing?)", noHeaderLine.problem());
    FileSummary semicolons = parse(HEADER.replace(',', ';') + "\n", StandardCharsets.UTF_8, "UTF-8").summary();
    assertEquals("the header is a single field separated by semicolons instead of commas", semicolons.problem());
    FileSummary gbAsUtf8 = parse(HEADER + "\n" + member(id("52010219800101001"), "5201020010010001") + "\n", Charset.forName("GB18030"), "UTF-8").summary();
    assertEquals(RefusalRule.ENCODING_INVALID.name(), gbAsUtf8.problemRule());
    assertEquals(2, gbAsUtf8.problemLine());
    assertEquals("the bytes are not valid UTF-8, the encoding the manifest declares", gbAsUtf8.problem());
  }
}
