package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.privacy.PseudonymKey;
import org.tuopin.common.privacy.Pseudonymizer;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.IngestedFiles;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.test.SharedSpark;

@ExtendWith(SharedSpark.class)
class IngestJobTest {
  private static final String KEY = "test-pseudonym-key-0123456789abcdef0123456789";
  private static final String P = "520000";

  /** A test warehouse, landing and key file, and a way to run ingest on them. */
  private static final class Setup {
    final Path dir = SharedSpark.tempDir("ingest");
    final LandingFixture landing = new LandingFixture(dir.resolve("landing"));
    final Catalog catalog = new Catalog(dir.resolve("warehouse").toString());

    Setup() {
      try {
        Files.createDirectories(dir.resolve("landing"));
        Files.writeString(dir.resolve("key"), KEY + "\n");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    IngestJob.Result ingest(boolean force) {
      TuopinConfig config =
          TuopinConfig.load(
              null,
              Map.of(
                  "paths.warehouse", catalog.warehouse(),
                  "paths.landing", landing.root.toString(),
                  "privacy.pseudonym-key-file", dir.resolve("key").toString(),
                  "privacy.pseudonym-key-env", "TUOPIN_TEST_VARIABLE_NEVER_SET"));
      JobContext ctx = new JobContext(SharedSpark.spark(), config, catalog, JobContext.newRunId());
      return new IngestJob(ctx, new IngestJob.Options(null, force), PseudonymKey.resolve(config)).execute();
    }

    Dataset<Row> table(Table t) {
      return catalog.read(SharedSpark.spark(), t);
    }
  }

  private static Map<String, String> refusals(IngestJob.Result r) {
    return r.batches().stream()
        .filter(IngestJob.BatchOutcome::refused)
        .collect(Collectors.toMap(b -> b.province() + "/" + b.batchId(), IngestJob.BatchOutcome::reason, (a, b) -> a, TreeMap::new));
  }

  private static List<String> loaded(IngestJob.Result r) {
    return r.batches().stream().filter(b -> !b.refused()).map(IngestJob.BatchOutcome::batchId).sorted().toList();
  }

  private static String refused(String province, String batch, String where, String problem, String rule, String fix) {
    return "province " + province + " batch " + batch + " refused: " + where + problem + " [" + rule + "]; " + fix;
  }

  @Test
  void badInputSuiteRefusesEachBadBatchWithItsReasonAndLoadsEveryGoodOne() throws IOException {
    Setup s = new Setup();
    LandingFixture f = s.landing;

    // Good batches, each exercising one reader case.
    LandingFixture.Batch good = f.batch(P, "p-good").households(2).population();
    good.write();
    LandingFixture.Batch bom = f.batch(P, "p-bom2").households(2);
    bom.bom = "\uFEFF";
    bom.write();
    LandingFixture.Batch gb = f.batch(P, "p-gb18030").households(2);
    gb.encoding = "GB18030";
    gb.write();
    LandingFixture.Batch crlf = f.batch(P, "p-crlf").households(2);
    crlf.text.put(LandingMembers.FILE, crlf.content(LandingMembers.FILE, crlf.membersHeader, crlf.members).replace("\n", "\r\n"));
    crlf.write();
    LandingFixture.Batch newline = f.batch(P, "p-newline").households(2);
    newline.members.set(0, newline.members.get(0).replace(",健康,", ",\"健康\n良好\","));
    newline.write();
    LandingFixture.Batch big = f.batch(P, "p-1mb").households(2);
    String megabyte = "因".repeat(1 << 20);
    big.households.set(0, big.households.get(0).replace(",因病,", ",\"" + megabyte + "\","));
    big.write();
    LandingFixture.Batch fields = f.batch(P, "p-fieldcount").households(2);
    fields.members.set(1, fields.members.get(1) + ",surplus");
    fields.write();
    LandingFixture.Batch ids = f.batch(P, "p-badids").households(2);
    String badCheck = ids.memberIds.get(0).substring(0, 17) + (ids.memberIds.get(0).charAt(17) == '0' ? "1" : "0");
    String legacy = ids.memberIds.get(1).substring(0, 6) + ids.memberIds.get(1).substring(8, 17);
    f.rawIds.add(badCheck);
    f.rawIds.add(legacy);
    ids.members.set(0, ids.members.get(0).replace(ids.memberIds.get(0), badCheck));
    ids.members.set(1, ids.members.get(1).replace(ids.memberIds.get(1), legacy));
    ids.write();

    // Bad batches, one problem each.
    LandingFixture.Batch empty = f.batch(P, "r-empty").households(2);
    empty.text.put(LandingMembers.FILE, "");
    empty.rows.put(LandingMembers.FILE, 0L);
    empty.write();
    LandingFixture.Batch headerOnly = f.batch(P, "r-headeronly").households(2);
    headerOnly.text.put(LandingMembers.FILE, LandingFixture.membersHeader() + "\n");
    headerOnly.rows.put(LandingMembers.FILE, 0L);
    headerOnly.write();
    LandingFixture.Batch missingColumn = f.batch(P, "r-missingcol").households(2);
    missingColumn.householdsHeader = missingColumn.householdsHeader.replace(",relocated", "");
    missingColumn.households.replaceAll(h -> h.substring(0, h.lastIndexOf(',')));
    missingColumn.write();
    LandingFixture.Batch extraColumn = f.batch(P, "r-extracol").households(2);
    extraColumn.householdsHeader = extraColumn.householdsHeader + ",remarks";
    extraColumn.households.replaceAll(h -> h + ",none");
    extraColumn.write();
    LandingFixture.Batch delimiter = f.batch(P, "r-delimiter").households(2);
    delimiter.householdsHeader = delimiter.householdsHeader.replace(',', ';');
    delimiter.households.replaceAll(h -> h.replace(',', ';'));
    delimiter.write();
    LandingFixture.Batch unclosed = f.batch(P, "r-unclosed").households(3);
    unclosed.members.set(1, unclosed.members.get(1).replace(",健康,", ",\"健康,"));
    unclosed.write();
    LandingFixture.Batch gbAsUtf8 = f.batch(P, "r-gb-as-utf8").households(2);
    gbAsUtf8.fileEncoding = "GB18030";
    gbAsUtf8.write();
    LandingFixture.Batch rowCount = f.batch(P, "r-rowcount").households(2);
    rowCount.rows.put(LandingMembers.FILE, 3L);
    rowCount.write();
    LandingFixture.Batch checksum = f.batch(P, "r-checksum").households(2);
    checksum.sha.put(LandingHouseholds.FILE, "0".repeat(64));
    checksum.write();
    LandingFixture.Batch noManifest = f.batch(P, "r-nomanifest").households(2);
    noManifest.noManifest = true;
    noManifest.write();
    LandingFixture.Batch badJson = f.batch(P, "r-badjson").households(2);
    badJson.manifestText = "{\"province_code\": \"520000\",";
    badJson.write();
    LandingFixture.Batch noKind = f.batch(P, "r-nokind").households(2);
    noKind.manifestEdit = m -> m.replace("\"kind\":\"FULL\",", "");
    noKind.write();
    LandingFixture.Batch otherProvince = f.batch(P, "r-province").households(2);
    otherProvince.manifestEdit = m -> m.replace("\"province_code\":\"520000\"", "\"province_code\":\"530000\"");
    otherProvince.write();
    LandingFixture.Batch foreign = f.batch(P, "r-foreign").households(1).households(1, "530102001001");
    foreign.write();
    LandingFixture.Batch fileMissing = f.batch(P, "r-filemissing").households(2).population();
    Files.delete(fileMissing.write().resolve("population.csv"));
    LandingFixture.Batch unlisted = f.batch(P, "r-unlisted").households(2);
    unlisted.extraFiles.put("notes.csv", "a,b\n1,2\n");
    unlisted.write();
    LandingFixture.Batch duplicateContent = f.batch(P, "r-samecontent");
    duplicateContent.text.put(LandingHouseholds.FILE, good.content(LandingHouseholds.FILE, good.householdsHeader, good.households));
    duplicateContent.text.put(LandingMembers.FILE, good.content(LandingMembers.FILE, good.membersHeader, good.members));
    duplicateContent.rows.put(LandingHouseholds.FILE, 2L);
    duplicateContent.rows.put(LandingMembers.FILE, 2L);
    duplicateContent.write();
    f.batch("530000", "p-good").households(2).write();
    // The size rule: a FULL batch 40 % smaller than the province's previous FULL batch.
    f.batch("610000", "s-2016").households(5).write();
    LandingFixture.Batch smaller = f.batch("610000", "s-2017").households(3);
    smaller.year = 2017;
    smaller.snapshotDate = "2017-12-31";
    smaller.write();

    StringWriter log = new StringWriter();
    IngestJob.Result r;
    try (PrivacyScan.LogCapture capture = new PrivacyScan.LogCapture(log)) {
      r = s.ingest(false);
    }

    assertEquals(ExitStatus.INPUT_REJECTED, r.stage().outcome());
    assertEquals(List.of("p-1mb", "p-badids", "p-bom2", "p-crlf", "p-fieldcount", "p-gb18030", "p-good", "p-newline", "s-2016"), loaded(r));
    String contract = "correct the manifest (see docs/ingest.md, landing contract)";
    Map<String, String> expected = new TreeMap<>();
    expected.put(P + "/r-empty", refused(P, "r-empty", "members.csv: ", "the file is empty (no header line)", "ingest.empty-file", "deliver the file with its header line and records"));
    expected.put(P + "/r-headeronly", refused(P, "r-headeronly", "members.csv: ", "the file has a header but no records", "ingest.header-only", "deliver the records, or omit an unchanged file in a CHANGES batch"));
    expected.put(P + "/r-missingcol", refused(P, "r-missingcol", "households.csv line 1: ", "the header lacks column 'relocated'", "ingest.header-missing-column", "deliver every column of the contract"));
    expected.put(P + "/r-extracol", refused(P, "r-extracol", "households.csv line 1: ", "the header has column 'remarks', which the contract does not define", "ingest.header-extra-column", "deliver only the columns of the contract"));
    expected.put(P + "/r-delimiter", refused(P, "r-delimiter", "households.csv line 1: ", "the header is a single field separated by semicolons instead of commas", "ingest.header-delimiter", "separate columns with commas"));
    expected.put(P + "/r-unclosed", refused(P, "r-unclosed", "members.csv line 3: ", "the file has 2 records but the manifest says 3; the quote opened on line 3 is never closed and swallows the lines after it", "ingest.row-count-mismatch", "deliver the file the manifest describes, or correct its row count"));
    expected.put(P + "/r-gb-as-utf8", refused(P, "r-gb-as-utf8", "households.csv line 2: ", "the bytes are not valid UTF-8, the encoding the manifest declares", "ingest.encoding-invalid", "declare the file's real encoding (UTF-8 or GB18030) in the manifest"));
    expected.put(P + "/r-rowcount", refused(P, "r-rowcount", "members.csv: ", "the file has 2 records but the manifest says 3", "ingest.row-count-mismatch", "deliver the file the manifest describes, or correct its row count"));
    String realSha = LandingFixture.sha256(Files.readAllBytes(f.root.resolve(P + "/r-checksum/households.csv")));
    expected.put(P + "/r-checksum", refused(P, "r-checksum", "households.csv: ", "the file's SHA-256 starts " + realSha.substring(0, 12) + " but the manifest's starts 000000000000", "ingest.checksum-mismatch", "deliver the file the manifest describes, or correct its sha256"));
    expected.put(P + "/r-nomanifest", refused(P, "r-nomanifest", "manifest.json: ", "the batch folder has no manifest.json", "ingest.manifest-missing", "deliver manifest.json with the batch"));
    expected.put(P + "/r-badjson", refused(P, "r-badjson", "manifest.json: ", "manifest.json is not valid JSON (line 1, column 28)", "ingest.manifest-malformed", "deliver a manifest.json that is valid JSON"));
    expected.put(P + "/r-nokind", refused(P, "r-nokind", "manifest.json: ", "field 'kind' is missing", "ingest.manifest-field", contract));
    expected.put(P + "/r-province", refused(P, "r-province", "manifest.json: ", "manifest.json names province 530000 but the batch lies in folder 520000", "ingest.province-mismatch", "deliver the batch under its own province's folder"));
    expected.put(P + "/r-foreign", refused(P, "r-foreign", "households.csv line 3: ", "county 530102 is not in province 520000 (1 record of other provinces)", "ingest.foreign-county", "deliver only records of the province's own counties"));
    expected.put(P + "/r-filemissing", refused(P, "r-filemissing", "population.csv: ", "the manifest lists this file but the batch folder does not hold it", "ingest.file-missing", "deliver every file the manifest lists"));
    expected.put(P + "/r-unlisted", refused(P, "r-unlisted", "notes.csv: ", "the batch folder holds this file but the manifest does not list it", "ingest.file-unlisted", "list the file in the manifest or remove it from the batch"));
    expected.put(P + "/r-samecontent", refused(P, "r-samecontent", "", "households.csv and members.csv are identical to those of batch p-good", "ingest.duplicate-content", "do not deliver the same files twice under different batch ids"));
    expected.put("530000/p-good", refused("530000", "p-good", "", "province 520000 delivers a batch with the same id in this landing", "ingest.duplicate-batch", "deliver new data under a new batch id"));
    expected.put("610000/s-2017", refused("610000", "s-2017", "", "6 household and member records are 40.0 % fewer than the 10 of the previous FULL batch s-2016, more than the 20.0 % allowed by tuopin.ingest.max-row-drop-share", "ingest.row-count-drop", "check the extract; if the drop is real, rerun with --force"));
    assertEquals(expected, refusals(r));

    SparkSession spark = SharedSpark.spark();
    Dataset<Row> members = s.table(Table.BRONZE_MEMBERS);
    Dataset<Row> households = s.table(Table.BRONZE_HOUSEHOLDS);
    // Only loaded batches in bronze: 9 batches, 2 records per file (5 in s-2016).
    assertEquals(8 * 2 + 5, members.count());
    assertEquals(8 * 2 + 5, households.count());
    assertEquals(2, s.table(Table.BRONZE_POPULATION).count());
    assertEquals(0, members.filter(col(Lineage.BATCH_ID).startsWith("r-").or(col(Lineage.BATCH_ID).equalTo("s-2017"))).count());

    // Line numbers follow physical lines; the embedded line break is kept.
    Dataset<Row> nl = members.filter(col(Lineage.BATCH_ID).equalTo("p-newline"));
    assertEquals(1, nl.filter(col(Lineage.LINE).equalTo(2).and(col(LandingMembers.HEALTH).equalTo("健康\n良好"))).count());
    assertEquals(1, nl.filter(col(Lineage.LINE).equalTo(4).and(col(LandingMembers.HEALTH).equalTo("健康"))).count());
    assertEquals(1, members.filter(col(Lineage.BATCH_ID).equalTo("p-crlf").and(col(Lineage.LINE).equalTo(3))).count());
    assertEquals(2, members.filter(col(Lineage.BATCH_ID).equalTo("p-crlf").and(col(LandingMembers.MONTHS_WORKED).equalTo("0"))).count());
    // BOM and GB18030: the first column name and the Chinese labels arrive intact.
    assertEquals(4, households.filter(col(Lineage.BATCH_ID).isin("p-bom2", "p-gb18030").and(col(LandingHouseholds.ATTRIBUTE).equalTo("一般贫困户"))).count());
    assertEquals(0, households.filter(col(LandingHouseholds.HOUSEHOLD_ID).isNull().and(col(Bronze.PARSE_ERROR).isNull())).count());
    assertEquals(1, households.filter(length(col(LandingHouseholds.MAIN_CAUSE)).equalTo(1 << 20)).count());
    // A record with a wrong field count is kept, empty, with its reason.
    List<Row> bad = members.filter(col(Bronze.PARSE_ERROR).isNotNull()).select(col(Lineage.BATCH_ID), col(Lineage.LINE), col(Bronze.PARSE_ERROR), col(Bronze.PERSON_KEY)).collectAsList();
    assertEquals(List.of(org.apache.spark.sql.RowFactory.create("p-fieldcount", 3L, "expected 14 fields, found 15", null)), bad);
    // IDs: validated, pseudonymised with the key, problems named.
    Pseudonymizer pz = new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, members.filter(col(Bronze.PERSON_KEY).equalTo(pz.personKey(good.memberIds.get(0))).and(col(Bronze.ID_PROBLEM).isNull())).count());
    assertEquals(1, members.filter(col(Bronze.PERSON_KEY).equalTo(pz.personKey(badCheck)).and(col(Bronze.ID_PROBLEM).equalTo("CHECK_CHARACTER"))).count());
    assertEquals(1, members.filter(col(Bronze.PERSON_KEY).equalTo(pz.personKey(legacy)).and(col(Bronze.ID_PROBLEM).equalTo("LEGACY_15_DIGITS"))).count());
    assertEquals(1, households.filter(col(Bronze.HEAD_PERSON_KEY).equalTo(pz.personKey(good.memberIds.get(0)))).count());

    // ops tables: one row per file of each decided batch; the run row.
    Dataset<Row> files = s.table(Table.OPS_INGESTED_FILES);
    assertEquals(3 + 2 * 8, files.filter(col(IngestedFiles.STATUS).equalTo(IngestedFiles.STATUS_LOADED)).count());
    assertEquals(1, files.filter(col(IngestedFiles.BATCH_ID).equalTo("r-nomanifest")).count());
    assertEquals(expected.get("610000/s-2017"),
        files.filter(col(IngestedFiles.BATCH_ID).equalTo("s-2017").and(col(IngestedFiles.FILE).equalTo(LandingMembers.FILE))).select(IngestedFiles.REASON).first().getString(0));
    Row run = s.table(Table.OPS_RUNS).first();
    assertEquals("ingest", run.getAs("stage"));
    assertEquals("INPUT_REJECTED", run.getAs("outcome"));
    assertTrue(s.table(Table.OPS_QUALITY_METRICS).filter(col("rule_id").equalTo("ingest.row-count-drop").and(col("batch_id").equalTo("s-2017")).and(col("rows_failed").equalTo(4L))).count() == 1);

    // Privacy: no raw resident ID in any table or in the log.
    Dataset<Row> rawIds = PrivacyScan.ids(spark, f.rawIds);
    for (Table t : List.of(Table.BRONZE_HOUSEHOLDS, Table.BRONZE_MEMBERS, Table.BRONZE_POPULATION, Table.OPS_INGESTED_FILES, Table.OPS_QUALITY_METRICS, Table.OPS_RUNS)) {
      PrivacyScan.assertNoRawIds(s.table(t), rawIds, t.qualifiedName());
    }
    String logged = log.toString();
    assertTrue(logged.contains("ingest run"), "the capture saw the run's log");
    PrivacyScan.assertNoRawIds(PrivacyScan.lines(spark, logged), rawIds, "the log");

    // A forced run loads the batch the size rule refused; everything else is as before.
    IngestJob.Result forced = s.ingest(true);
    assertEquals(List.of("s-2017"), loaded(forced));
    assertEquals(9, forced.alreadyLoaded());
    expected.remove("610000/s-2017");
    // Now 520000's p-good is loaded, so the other province's p-good meets a loaded batch id.
    expected.put("530000/p-good", refused("530000", "p-good", "", "this batch id was loaded before with other files", "ingest.duplicate-batch", "deliver new data under a new batch id"));
    assertEquals(expected, refusals(forced));
    assertEquals(8 * 2 + 5 + 3, s.table(Table.BRONZE_MEMBERS).count());
    spark.sparkContext().setJobDescription(null);
  }

  @Test
  void secondRunLoadsNothingAndAnInterruptedLoadConverges() {
    Setup s = new Setup();
    s.landing.batch(P, "a-2016").households(3).population().write();
    LandingFixture.Batch later = s.landing.batch(P, "b-2017").households(3);
    later.year = 2017;
    later.write();

    IngestJob.Result first = s.ingest(false);
    assertEquals(ExitStatus.OK, first.stage().outcome());
    assertEquals(List.of("a-2016", "b-2017"), loaded(first));
    Dataset<Row> clean = bronzeContent(s, Table.BRONZE_MEMBERS).cache();
    long cleanCount = clean.count();
    long version = DeltaTables.latestVersion(SharedSpark.spark(), s.catalog.path(Table.BRONZE_MEMBERS));

    IngestJob.Result second = s.ingest(false);
    assertEquals(ExitStatus.OK, second.stage().outcome());
    assertEquals(List.of(), second.batches());
    assertEquals(2, second.alreadyLoaded());
    assertEquals(version, DeltaTables.latestVersion(SharedSpark.spark(), s.catalog.path(Table.BRONZE_MEMBERS)));

    // A run killed after its bronze writes and before recording the batch: its LOADED rows are gone,
    // and its bronze rows were written (again) after the last ops.ingested_files commit.
    DeltaTable.forPath(SharedSpark.spark(), s.catalog.path(Table.OPS_INGESTED_FILES)).delete(col(IngestedFiles.BATCH_ID).equalTo("b-2017"));
    s.table(Table.BRONZE_MEMBERS).filter(col(Lineage.BATCH_ID).equalTo("b-2017")).write().format("delta").mode("append").save(s.catalog.path(Table.BRONZE_MEMBERS));
    assertEquals(cleanCount + 3, s.table(Table.BRONZE_MEMBERS).count());
    IngestJob.Result third = s.ingest(false);
    assertEquals(List.of("b-2017"), loaded(third));
    assertEquals(cleanCount, s.table(Table.BRONZE_MEMBERS).count());
    // SharedSpark.assertSameRows needs JUnit 4's Assert, which the build excludes: compare both ways instead.
    Dataset<Row> after = bronzeContent(s, Table.BRONZE_MEMBERS);
    assertEquals(0, clean.exceptAll(after).count());
    assertEquals(0, after.exceptAll(clean).count());
    clean.unpersist();
  }

  /** A bronze table without the columns that differ from run to run. */
  private static Dataset<Row> bronzeContent(Setup s, Table t) {
    return s.table(t).drop(Lineage.RUN_ID, Lineage.INGESTED_AT);
  }
}
