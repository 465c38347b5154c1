package org.tuopin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuopin.common.test.BronzeFixtures.household;
import static org.tuopin.common.test.BronzeFixtures.member;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.conform.Rules;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.ConformedBatches;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.QualityMetrics;
import org.tuopin.common.schema.Quarantine;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.test.BronzeFixtures;
import org.tuopin.common.test.BronzeFixtures.Batch;
import org.tuopin.common.test.BronzeFixtures.Line;
import org.tuopin.common.test.SharedSpark;

/**
 * ConformJob end to end on Delta tables: the record-level bad-input kinds (exact rule ids in
 * quarantine, every good line in silver), idempotence, a refused batch, FULL replace and CHANGES
 * upsert.
 */
@ExtendWith(SharedSpark.class)
class ConformJobTest {
  static final Batch GZ = new Batch("gz-2019-full-1", BronzeFixtures.GUIZHOU, 2019, "FULL");
  static final Batch YN = new Batch("yn-2019-full-1", BronzeFixtures.YUNNAN, 2019, "FULL");
  static final Batch UNKNOWN = new Batch("xx-2019-full-1", "990000", 2019, "FULL");

  static ConformWarehouse wh;
  static StageResult first;
  /** Expected rule ids per quarantined line, "table/batch/line" -> ids. */
  static final Map<String, List<String>> EXPECTED = new TreeMap<>();
  static final List<String> GOOD_HOUSEHOLDS = new ArrayList<>();
  static final List<String> GOOD_MEMBERS = new ArrayList<>();

  static long line = 2;

  /** A household of `size` members (member 1 the head), all valid; returns household then members. */
  static List<Line> household(Batch b, int n, int size, List<Line> hh, List<Line> mem) {
    List<Line> out = new ArrayList<>();
    Line h = BronzeFixtures.household(b, n, line++).set(LandingHouseholds.HOUSEHOLD_SIZE, String.valueOf(size));
    hh.add(h);
    out.add(h);
    for (int m = 1; m <= size; m++) {
      Line l = member(b, n, m, line++);
      mem.add(l);
      out.add(l);
    }
    return out;
  }

  static void expect(String table, Line l, String... ids) {
    EXPECTED.put(table + "/" + l.batch() + "/" + l.line(), List.of(ids));
  }

  @BeforeAll
  static void conformBadInputs() {
    wh = new ConformWarehouse("conform-bad-inputs");
    List<Line> hh = new ArrayList<>();
    List<Line> mem = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      household(GZ, n, 2, hh, mem);
    }
    List<Line> p;
    p = household(GZ, 10, 1, hh, mem);
    p.get(0).set(LandingHouseholds.PER_CAPITA_INCOME, "N/A");
    expect("households", p.get(0), Rules.INCOME_NUMERIC);
    expect("members", p.get(1), Rules.HOUSEHOLD_QUARANTINED);
    p = household(GZ, 11, 1, hh, mem);
    p.get(0).set(LandingHouseholds.PER_CAPITA_INCOME, "-120.5");
    expect("households", p.get(0), Rules.INCOME_RANGE);
    expect("members", p.get(1), Rules.HOUSEHOLD_QUARANTINED);
    p = household(GZ, 12, 1, hh, mem);
    p.get(0).set(LandingHouseholds.IDENTIFIED_YEAR, "2021");
    expect("households", p.get(0), Rules.YEAR_FUTURE, Rules.IDENTIFIED_YEAR_LOGIC);
    expect("members", p.get(1), Rules.HOUSEHOLD_QUARANTINED);
    p = household(GZ, 13, 2, hh, mem);
    p.get(2).set(Bronze.ID_PROBLEM, "CHECK_CHARACTER").set(Bronze.ID_BIRTH_DATE, null).set(Bronze.ID_SEX, null);
    expect("members", p.get(2), "ID_CHECK_CHARACTER");
    p = household(GZ, 14, 2, hh, mem);
    p.get(2).set(Bronze.ID_PROBLEM, "LEGACY_15_DIGITS").set(Bronze.ID_BIRTH_DATE, null).set(Bronze.ID_SEX, null);
    expect("members", p.get(2), "ID_LEGACY_15");
    p = household(GZ, 15, 2, hh, mem);
    p.get(2).set(Bronze.ID_PROBLEM, "BIRTH_DATE").set(Bronze.ID_BIRTH_DATE, null).set(Bronze.ID_SEX, null);
    expect("members", p.get(2), "ID_BIRTH_DATE");
    p = household(GZ, 16, 1, hh, mem);
    p.get(0).set(LandingHouseholds.MAIN_CAUSE, "因懒");
    expect("households", p.get(0), Rules.ENUM_CAUSE);
    expect("members", p.get(1), Rules.HOUSEHOLD_QUARANTINED);
    p = household(GZ, 17, 2, hh, mem);
    p.get(2).set(LandingMembers.RELATION, "户主");
    expect("households", p.get(0), Rules.HEAD_COUNT);
    expect("members", p.get(1), Rules.HEAD_COUNT, Rules.HOUSEHOLD_QUARANTINED);
    expect("members", p.get(2), Rules.HEAD_COUNT, Rules.HOUSEHOLD_QUARANTINED);
    p = household(GZ, 18, 1, hh, mem);
    p.get(1).set(LandingMembers.RELATION, "配偶");
    expect("households", p.get(0), Rules.HEAD_COUNT);
    expect("members", p.get(1), Rules.HEAD_COUNT, Rules.HOUSEHOLD_QUARANTINED);
    Line orphan = member(GZ, 19, 1, line++);
    mem.add(orphan);
    expect("members", orphan, Rules.ORPHAN_MEMBER);
    p = household(GZ, 20, 2, hh, mem);
    Line twinGz = p.get(2);
    expect("members", twinGz, Rules.PERSON_IN_TWO_HOUSEHOLDS);
    p = household(GZ, 21, 1, hh, mem);
    Line dup = p.get(0).copy().set(Lineage.LINE, line++);
    hh.add(dup);
    expect("households", dup, Rules.DUPLICATE_LINE);
    Line dupMember = p.get(1).copy().set(Lineage.LINE, line++);
    mem.add(dupMember);
    expect("members", dupMember, Rules.DUPLICATE_LINE);

    p = household(YN, 1, 2, hh, mem);
    p.get(2).set(Bronze.PERSON_KEY, twinGz.get(Bronze.PERSON_KEY));
    expect("members", p.get(2), Rules.PERSON_IN_TWO_HOUSEHOLDS);
    // A batch of a province that does not exist: refused whole, so none of it is expected anywhere.
    List<Line> refusedHh = new ArrayList<>();
    List<Line> refusedMem = new ArrayList<>();
    household(UNKNOWN, 1, 1, refusedHh, refusedMem);

    for (Line l : hh) {
      if (!EXPECTED.containsKey("households/" + l.batch() + "/" + l.line())) {
        GOOD_HOUSEHOLDS.add((String) l.get(LandingHouseholds.HOUSEHOLD_ID));
      }
    }
    for (Line l : mem) {
      if (!EXPECTED.containsKey("members/" + l.batch() + "/" + l.line())) {
        GOOD_MEMBERS.add(l.get(Bronze.PERSON_KEY) + "@" + l.get(LandingMembers.HOUSEHOLD_ID));
      }
    }
    hh.addAll(refusedHh);
    mem.addAll(refusedMem);
    wh.bronze(hh, mem, List.of());
    first = wh.conform(false);
  }

  static Map<String, List<String>> quarantined() {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table : List.of("households", "members")) {
      Table t = table.equals("households") ? Table.QUARANTINE_HOUSEHOLDS : Table.QUARANTINE_MEMBERS;
      for (Row r : wh.read(t).select(Lineage.BATCH_ID, Lineage.LINE, Quarantine.RULE_IDS).collectAsList()) {
        out.put(table + "/" + r.getString(0) + "/" + r.getLong(1), r.getList(2));
      }
    }
    return out;
  }

  @Test
  void quarantineHoldsEveryBadLineWithItsExactRules() {
    assertEquals(EXPECTED, quarantined());
  }

  @Test
  void everyGoodLineReachedSilver() {
    List<String> households = new ArrayList<>();
    for (Row r : wh.read(Table.SILVER_HOUSEHOLDS).select(SilverHouseholds.HOUSEHOLD_ID).collectAsList()) {
      households.add(r.getString(0));
    }
    households.sort(String::compareTo);
    List<String> expected = new ArrayList<>(GOOD_HOUSEHOLDS);
    expected.sort(String::compareTo);
    assertEquals(expected, households);
    List<String> members = wh.rows(Table.SILVER_MEMBERS, "concat(person_key, '@', household_id)");
    List<String> expectedMembers = new ArrayList<>();
    GOOD_MEMBERS.forEach(m -> expectedMembers.add("[" + m + "]"));
    expectedMembers.sort(String::compareTo);
    assertEquals(expectedMembers, members);
  }

  @Test
  void resultCountsLinesInOutAndQuarantined() {
    long refusedLines = 2;
    long in = GOOD_HOUSEHOLDS.size() + GOOD_MEMBERS.size() + EXPECTED.size() + refusedLines;
    assertEquals(in, first.rowsIn());
    assertEquals(EXPECTED.size(), first.rowsQuarantined());
    assertEquals(GOOD_HOUSEHOLDS.size() + GOOD_MEMBERS.size(), first.rowsOut());
    assertEquals(
        "2 batch(es) conformed, 1 refused (xx-2019-full-1: PROVINCE_UNKNOWN); " + in + " lines in, "
            + first.rowsOut() + " to silver, " + EXPECTED.size() + " quarantined",
        first.message());
  }

  @Test
  void aBatchOfAnUnknownProvinceIsRefusedWholeAndTheOthersConform() {
    assertEquals(ExitStatus.INPUT_REJECTED, first.outcome());
    // (A later test conforms everything again: the same rows appear once more, hence the set.)
    assertEquals(
        new java.util.TreeSet<>(
            List.of("[" + GZ.id() + ",CONFORMED,[]]", "[" + UNKNOWN.id() + ",REFUSED,[PROVINCE_UNKNOWN]]",
                "[" + YN.id() + ",CONFORMED,[]]")),
        new java.util.TreeSet<>(
            wh.rows(Table.OPS_CONFORMED_BATCHES, ConformedBatches.BATCH_ID, ConformedBatches.OUTCOME,
                "cast(" + ConformedBatches.REFUSED_BY + " as string)")));
    // Nothing of the refused batch in silver or quarantine (the other assertions list every row).
    assertEquals(0, wh.read(Table.SILVER_HOUSEHOLDS).where("_batch_id = '" + UNKNOWN.id() + "'").count());
    assertEquals(0, wh.read(Table.QUARANTINE_MEMBERS).where("_batch_id = '" + UNKNOWN.id() + "'").count());
  }

  @Test
  void silverIsTypedWithDivisionsAndAge() {
    Row r =
        wh.read(Table.SILVER_MEMBERS)
            .where(SilverMembers.PERSON_KEY + " = '" + BronzeFixtures.personKey(GZ, 1, 1) + "'")
            .select(SilverMembers.PROVINCE_CODE, SilverMembers.COUNTY_CODE, SilverMembers.VILLAGE_CODE, SilverMembers.AGE,
                SilverMembers.RELATION, SilverMembers.SEX, SilverMembers.MONTHS_WORKED, SilverMembers.WORKS_AWAY)
            .first();
    assertEquals("[520000,520102,520102001001,39,HEAD,MALE,8,true]", r.toString());
    Row h =
        wh.read(Table.SILVER_HOUSEHOLDS)
            .where(SilverHouseholds.HOUSEHOLD_ID + " = '" + GZ.household(1) + "'")
            .select(SilverHouseholds.PREFECTURE_CODE, SilverHouseholds.ATTRIBUTE, SilverHouseholds.MAIN_CAUSE,
                SilverHouseholds.STATUS, SilverHouseholds.PER_CAPITA_INCOME, SilverHouseholds.SAFE_HOUSING)
            .first();
    assertEquals("[520100,GENERAL,ILLNESS,POOR,3200.5,false]", h.toString());
  }

  @Test
  void silverTablesArePartitionedWithChangeFeedAndDeletionVectors() {
    Row d =
        SharedSpark.spark()
            .sql("DESCRIBE DETAIL delta.`" + wh.catalog.path(Table.SILVER_MEMBERS) + "`")
            .select("partitionColumns", "properties")
            .first();
    assertEquals(List.of(SilverMembers.REPORTING_YEAR, SilverMembers.PROVINCE_CODE), d.getList(0));
    Map<String, String> props = d.getJavaMap(1);
    assertEquals("true", props.get("delta.enableChangeDataFeed"));
    assertEquals("true", props.get("delta.enableDeletionVectors"));
  }

  @Test
  void qualityMetricsCountEveryRulePerBatch() {
    String firstRun =
        wh.read(Table.OPS_QUALITY_METRICS).selectExpr("min(" + QualityMetrics.RUN_ID + ")").first().getString(0);
    List<String> rows = new ArrayList<>();
    for (Row r :
        wh.read(Table.OPS_QUALITY_METRICS)
            .where(QualityMetrics.RUN_ID + " = '" + firstRun + "'")
            .select(QualityMetrics.TABLE_NAME, QualityMetrics.RULE_ID, QualityMetrics.BATCH_ID, QualityMetrics.ROWS_CHECKED,
                QualityMetrics.ROWS_FAILED, QualityMetrics.SEVERITY)
            .collectAsList()) {
      rows.add(r.toString());
    }
    assertTrue(rows.contains("[bronze.households,HEAD_COUNT," + GZ.id() + ",15,2,QUARANTINE]"), rows.toString());
    assertTrue(rows.contains("[bronze.members,PERSON_IN_TWO_HOUSEHOLDS," + YN.id() + ",2,1,QUARANTINE]"), rows.toString());
    assertTrue(rows.contains("[bronze.members,WORK_PROVINCE_UNKNOWN," + GZ.id() + ",24,0,WARN]"), rows.toString());
    assertTrue(rows.contains("[bronze.households,PROVINCE_UNKNOWN," + UNKNOWN.id() + ",1,1,FAIL_BATCH]"), rows.toString());
    // Every rule of every table, for each of the three batches (population has no lines: no rows).
    long perBatch = Rules.households(wh.config.conform()).size() + Rules.members(wh.config.conform()).size();
    assertEquals(3 * perBatch, rows.size());
  }

  @Test
  void conformingTheSameBronzeAgainChangesNothing() {
    List<String> silverBefore = wh.rows(Table.SILVER_MEMBERS, "*");
    List<String> householdsBefore = wh.rows(Table.SILVER_HOUSEHOLDS, "*");
    List<String> quarantineBefore = wh.rows(Table.QUARANTINE_MEMBERS, "*");
    long versionBefore = DeltaTables.latestVersion(SharedSpark.spark(), wh.catalog.path(Table.SILVER_MEMBERS));

    StageResult nothing = wh.conform(false);
    assertEquals(0, nothing.rowsIn());
    StageResult again = wh.conform(true);
    assertEquals(first.rowsIn(), again.rowsIn());
    assertEquals(first.rowsQuarantined(), again.rowsQuarantined());
    assertEquals(first.message(), again.message());

    assertEquals(silverBefore, wh.rows(Table.SILVER_MEMBERS, "*"));
    assertEquals(householdsBefore, wh.rows(Table.SILVER_HOUSEHOLDS, "*"));
    assertEquals(quarantineBefore, wh.rows(Table.QUARANTINE_MEMBERS, "*"));
    assertEquals(EXPECTED, quarantined());
    // The MERGE found nothing to change: no commit, or one without a row in the change feed.
    long versionAfter = DeltaTables.latestVersion(SharedSpark.spark(), wh.catalog.path(Table.SILVER_MEMBERS));
    long changes =
        versionAfter == versionBefore
            ? 0
            : SharedSpark.spark().read().format("delta").option("readChangeFeed", "true")
                .option("startingVersion", versionBefore + 1)
                .load(wh.catalog.path(Table.SILVER_MEMBERS))
                .count();
    assertEquals(0, changes);
  }

  @Test
  void withoutBronzeConformSaysToRunIngest() {
    ConformWarehouse empty = new ConformWarehouse("conform-no-bronze");
    org.tuopin.common.error.TuopinException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.tuopin.common.error.TuopinException.class, () -> empty.conform(false));
    assertEquals(
        "table bronze.households (" + empty.catalog.path(Table.BRONZE_HOUSEHOLDS) + ") does not exist; run 'tuopin ingest' first",
        e.getMessage());
    assertEquals(ExitStatus.FAILURE, e.status());
  }

  @Test
  void fullReplacesItsProvinceYearSliceAndChangesUpsert() {
    ConformWarehouse w = new ConformWarehouse("conform-full-changes");
    Timestamp t0 = Timestamp.valueOf("2026-11-20 01:00:00");
    Batch full1 = new Batch("gz-full-1", BronzeFixtures.GUIZHOU, 2019, "FULL").ingestedAt(t0);
    Batch yn = new Batch("yn-full-1", BronzeFixtures.YUNNAN, 2019, "FULL").ingestedAt(t0);
    List<Line> hh = new ArrayList<>();
    List<Line> mem = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      household(full1, n, 1, hh, mem);
    }
    household(yn, 1, 1, hh, mem);
    w.bronze(hh, mem, List.of());
    w.conform(false);
    assertEquals(
        List.of("[" + full1.household(1) + "]", "[" + full1.household(2) + "]", "[" + full1.household(3) + "]",
            "[" + yn.household(1) + "]"),
        w.rows(Table.SILVER_HOUSEHOLDS, SilverHouseholds.HOUSEHOLD_ID));

    // CHANGES: household 2 gets a new income, household 4 is new; 1 and 3 are untouched.
    Batch changes = new Batch("gz-changes-1", BronzeFixtures.GUIZHOU, 2019, "CHANGES")
        .ingestedAt(Timestamp.valueOf("2026-11-21 01:00:00"));
    hh.clear();
    mem.clear();
    household(changes, 2, 1, hh, mem).get(0).set(LandingHouseholds.PER_CAPITA_INCOME, "5000");
    household(changes, 4, 1, hh, mem);
    w.bronze(hh, mem, List.of());
    w.conform(false);
    assertEquals(
        List.of("[" + full1.household(1) + ",3200.5," + full1.id() + "]",
            "[" + full1.household(2) + ",5000.0," + changes.id() + "]",
            "[" + full1.household(3) + ",3200.5," + full1.id() + "]",
            "[" + full1.household(4) + ",3200.5," + changes.id() + "]",
            "[" + yn.household(1) + ",3200.5," + yn.id() + "]"),
        w.rows(Table.SILVER_HOUSEHOLDS, SilverHouseholds.HOUSEHOLD_ID, SilverHouseholds.PER_CAPITA_INCOME, Lineage.BATCH_ID));

    // A new FULL batch of households 1 and 4, then a CHANGES batch after it in the same run (two
    // rounds): 2 and 3 leave the Guizhou 2019 slice, 5 joins, Yunnan is untouched.
    Batch full2 = new Batch("gz-full-2", BronzeFixtures.GUIZHOU, 2019, "FULL")
        .ingestedAt(Timestamp.valueOf("2026-11-22 01:00:00"));
    Batch changes2 = new Batch("gz-changes-2", BronzeFixtures.GUIZHOU, 2019, "CHANGES")
        .ingestedAt(Timestamp.valueOf("2026-11-22 02:00:00"));
    hh.clear();
    mem.clear();
    household(full2, 1, 1, hh, mem);
    household(full2, 4, 1, hh, mem);
    household(changes2, 5, 1, hh, mem);
    w.bronze(hh, mem, List.of());
    StageResult r = w.conform(false);
    assertEquals(ExitStatus.OK, r.outcome());
    assertEquals(
        List.of("[" + full1.household(1) + "]", "[" + full1.household(4) + "]", "[" + full1.household(5) + "]",
            "[" + yn.household(1) + "]"),
        w.rows(Table.SILVER_HOUSEHOLDS, SilverHouseholds.HOUSEHOLD_ID));
    assertEquals(
        List.of("[" + BronzeFixtures.personKey(full1, 1, 1) + "]", "[" + BronzeFixtures.personKey(full1, 4, 1) + "]",
            "[" + BronzeFixtures.personKey(full1, 5, 1) + "]", "[" + BronzeFixtures.personKey(yn, 1, 1) + "]"),
        w.rows(Table.SILVER_MEMBERS, SilverMembers.PERSON_KEY));
    // Three runs without a bad line: nothing to quarantine and none to replace, so no commit after
    // the tables' creation.
    for (Table q : List.of(Table.QUARANTINE_HOUSEHOLDS, Table.QUARANTINE_MEMBERS)) {
      assertEquals(0L, DeltaTables.latestVersion(SharedSpark.spark(), w.catalog.path(q)), q.qualifiedName());
      assertEquals(0, w.read(q).count());
    }
  }

  @Test
  void aBatchIngestHasNotMarkedLoadedIsNotConformed() {
    ConformWarehouse w = new ConformWarehouse("conform-half-loaded");
    Batch loaded = new Batch("gz-loaded", BronzeFixtures.GUIZHOU, 2019, "FULL");
    Batch half = new Batch("yn-half", BronzeFixtures.YUNNAN, 2019, "FULL");
    List<Line> hh = new ArrayList<>();
    List<Line> mem = new ArrayList<>();
    household(loaded, 1, 1, hh, mem);
    w.bronze(hh, mem, List.of());
    hh.clear();
    mem.clear();
    household(half, 1, 1, hh, mem);
    // Bronze rows of a batch whose ingest stopped before its ops.ingested_files write.
    w.unrecordedBronze(hh, mem, List.of());
    StageResult r = w.conform(false);
    assertEquals(ExitStatus.OK, r.outcome());
    assertEquals(List.of("[" + loaded.household(1) + "]"), w.rows(Table.SILVER_HOUSEHOLDS, SilverHouseholds.HOUSEHOLD_ID));
    assertEquals(List.of("[" + loaded.id() + "]"), w.rows(Table.OPS_CONFORMED_BATCHES, ConformedBatches.BATCH_ID));
  }
}
