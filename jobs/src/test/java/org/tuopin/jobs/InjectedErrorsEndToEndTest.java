package org.tuopin.jobs;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.conform.Rule;
import org.tuopin.common.conform.Rules;
import org.tuopin.common.conform.Severity;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.generate.ErrorKind;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.InjectedErrors;
import org.tuopin.common.schema.IngestedFiles;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.Quarantine;
import org.tuopin.common.schema.Schemas;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.test.SharedSpark;

/**
 * Every fault of {@code tuopin generate --inject-errors} through ingest and conform: each injected
 * line must end in quarantine with the rule the fault breaks, at its own file and line; every other
 * quarantined line must be a documented consequence of an injected one (docs/rules.md); nothing is
 * lost (per batch, silver = delivered - quarantined); no raw resident ID reaches a table or the log.
 *
 * <p>The data is {@link InjectedLanding}: about 1,000 lines, every kind in every file it applies to.
 */
@ExtendWith(SharedSpark.class)
class InjectedErrorsEndToEndTest {
  /**
   * The rule each fault must be quarantined with, read off Rules and docs/rules.md (not off
   * ErrorKind, whose own ids this checks): the ID faults are what ingest finds when it validates the
   * ID; a year after the batch's year is YEAR_FUTURE; an unknown county is COUNTY_UNKNOWN; an
   * EXITED status without exit year breaks EXIT_YEAR_LOGIC; a negative income is out of INCOME_RANGE.
   */
  static final Map<ErrorKind, String> EXPECTED_RULE = new EnumMap<>(ErrorKind.class);

  static {
    EXPECTED_RULE.put(ErrorKind.BAD_CHECK_CHARACTER, "ID_CHECK_CHARACTER");
    EXPECTED_RULE.put(ErrorKind.LEGACY_15_DIGIT_ID, "ID_LEGACY_15");
    EXPECTED_RULE.put(ErrorKind.IMPOSSIBLE_BIRTH_DATE, "ID_BIRTH_DATE");
    EXPECTED_RULE.put(ErrorKind.NON_NUMERIC_INCOME, "INCOME_NUMERIC");
    EXPECTED_RULE.put(ErrorKind.NEGATIVE_INCOME, "INCOME_RANGE");
    EXPECTED_RULE.put(ErrorKind.UNKNOWN_ATTRIBUTE, "ENUM_ATTRIBUTE");
    EXPECTED_RULE.put(ErrorKind.FUTURE_YEAR, "YEAR_FUTURE");
    EXPECTED_RULE.put(ErrorKind.VILLAGE_OUTSIDE_COUNTY, "COUNTY_UNKNOWN");
    EXPECTED_RULE.put(ErrorKind.EXITED_WITHOUT_EXIT_YEAR, "EXIT_YEAR_LOGIC");
    EXPECTED_RULE.put(ErrorKind.MONTHS_WORKED_OUT_OF_RANGE, "MONTHS_WORKED_RANGE");
    EXPECTED_RULE.put(ErrorKind.ORPHAN_MEMBER, "ORPHAN_MEMBER");
    EXPECTED_RULE.put(ErrorKind.DUPLICATE_LINE, "DUPLICATE_LINE");
    EXPECTED_RULE.put(ErrorKind.MISSING_REQUIRED_FIELD, "REQUIRED_FIELD");
  }

  /**
   * What a line that was not corrupted may be quarantined for (docs/rules.md, household-level
   * consequences): the members of a quarantined household follow it; a household that an orphaned
   * member left is short of a member, and of its head when the head left.
   */
  static final List<String> COLLATERAL = List.of(Rules.HOUSEHOLD_QUARANTINED, Rules.HOUSEHOLD_SIZE_MISMATCH, Rules.HEAD_COUNT);

  private static final String FILE = "_file";
  private static final String KIND = "_kind";
  private static final String RULE = "_rule";
  private static final String BATCH = "_batch";
  private static final String DELIVERED = "_delivered";
  private static final String QUARANTINED = "_quarantined";
  private static final String SILVER = "_silver";

  @Test
  void everyInjectedLineEndsInQuarantineWithItsRuleAndEveryCleanLineInSilver() throws Exception {
    SparkSession spark = SharedSpark.spark();
    Path landing = InjectedLanding.path();
    InjectedLanding.CleanRun run = InjectedLanding.clean();
    TuopinConfig config = run.config();
    Catalog catalog = run.catalog();
    IngestJob.Result ingest = run.ingest();
    StageResult conform = run.conform();
    // No injected fault refuses a batch: the manifests match the corrupted files.
    assertEquals(ExitStatus.OK, ingest.stage().outcome(), ingest.stage().message());
    assertEquals(InjectedLanding.batchFolders(), ingest.loadedBatches(), "register and cooperation batches");
    assertEquals(ExitStatus.OK, conform.outcome(), conform.message());

    Dataset<Row> injected =
        spark.read().option("header", "true").schema(Schemas.allStrings(InjectedErrors.COLUMNS))
            .csv(landing.resolve("_generator").resolve(InjectedErrors.FILE).toString())
            // The register's files; the cooperation files' injected line has its own test (AssessJobTest).
            .filter(col(InjectedErrors.FILE_NAME).isin(LandingHouseholds.FILE, LandingMembers.FILE))
            .select(
                concat_ws("/", col(InjectedErrors.PROVINCE_CODE), col(InjectedErrors.BATCH_ID), col(InjectedErrors.FILE_NAME)).as(Lineage.SOURCE_FILE),
                col(InjectedErrors.LINE).cast("long").as(Lineage.LINE),
                col(InjectedErrors.FILE_NAME).as(FILE),
                col(InjectedErrors.KIND).as(KIND),
                col(InjectedErrors.EXPECTED_OUTCOME))
            .cache();

    // Every kind occurs in every file it applies to, and the generator promises our rule for it.
    assertEmpty(kindsByFile(spark).except(injected.select(col(FILE), col(KIND))), "(file, kind) never injected");
    Dataset<Row> expected = spark.createDataFrame(expectedRules(), new StructType().add(KIND, DataTypes.StringType).add(RULE, DataTypes.StringType));
    Dataset<Row> withRule = injected.join(expected, KIND).cache();
    assertEquals(injected.count(), withRule.count(), "every injected kind has an expected rule");
    assertEmpty(withRule.filter(col(InjectedErrors.EXPECTED_OUTCOME).notEqual(col(RULE))), "injected_errors.csv promises another rule");

    Dataset<Row> quarantine =
        lineage(catalog.read(spark, Table.QUARANTINE_HOUSEHOLDS)).unionByName(lineage(catalog.read(spark, Table.QUARANTINE_MEMBERS))).cache();
    assertEquals(quarantine.count(), quarantine.select(Lineage.SOURCE_FILE, Lineage.LINE).distinct().count(), "one quarantine row per line");

    // Each injected line is quarantined with its rule, at its own file and line.
    Dataset<Row> outcome = withRule.join(quarantine, scala(Lineage.SOURCE_FILE, Lineage.LINE), "left");
    assertEmpty(
        outcome.filter(col(Quarantine.RULE_IDS).isNull().or(array_contains(col(Quarantine.RULE_IDS), col(RULE)).unary_$bang())),
        "injected lines not quarantined with their rule");

    // Every other quarantined line is a documented consequence of an injected one.
    List<Column> allowed = new ArrayList<>();
    for (String r : COLLATERAL) {
      allowed.add(lit(r));
    }
    for (Rule r : Rules.all(config.conform())) {
      if (r.severity() == Severity.WARN) {
        allowed.add(lit(r.id()));
      }
    }
    Dataset<Row> collateral = quarantine.join(injected, scala(Lineage.SOURCE_FILE, Lineage.LINE), "left_anti");
    assertEmpty(
        collateral.filter(size(array_except(col(Quarantine.RULE_IDS), array(allowed.toArray(new Column[0])))).gt(0)),
        "clean lines quarantined for their own reasons");
    // A household goes to silver whole or not at all.
    Dataset<Row> silverHh = catalog.read(spark, Table.SILVER_HOUSEHOLDS);
    Dataset<Row> silverMembers = catalog.read(spark, Table.SILVER_MEMBERS);
    assertEmpty(
        silverMembers.join(silverHh, scala(SilverMembers.HOUSEHOLD_ID, SilverMembers.REPORTING_YEAR), "left_anti")
            .select(SilverMembers.HOUSEHOLD_ID, Lineage.SOURCE_FILE, Lineage.LINE),
        "silver members without their household in silver");

    // Nothing lost: per batch and table, delivered = ops.ingested_files rows = quarantined + silver,
    // and no silver or quarantine row of a batch that bronze does not hold.
    long delivered = 0;
    long quarantined = 0;
    for (Table[] t : new Table[][] {
      {Table.BRONZE_HOUSEHOLDS, Table.QUARANTINE_HOUSEHOLDS, Table.SILVER_HOUSEHOLDS},
      {Table.BRONZE_MEMBERS, Table.QUARANTINE_MEMBERS, Table.SILVER_MEMBERS},
      {Table.BRONZE_POPULATION, Table.QUARANTINE_POPULATION, Table.SILVER_POPULATION}
    }) {
      Dataset<Row> counts =
          perBatch(catalog.read(spark, t[0]), DELIVERED)
              .join(perBatch(catalog.read(spark, t[1]), QUARANTINED), scala(BATCH, FILE), "left")
              .join(perBatch(catalog.read(spark, t[2]), SILVER), scala(BATCH, FILE), "left")
              .join(
                  catalog.read(spark, Table.OPS_INGESTED_FILES)
                      .filter(col(IngestedFiles.STATUS).equalTo(IngestedFiles.STATUS_LOADED))
                      .select(col(IngestedFiles.BATCH_ID).as(BATCH), col(IngestedFiles.FILE).as(FILE), col(IngestedFiles.ROWS)),
                  scala(BATCH, FILE),
                  "left")
              .na().fill(0L)
              .cache();
      assertEquals(InjectedLanding.PROVINCES.size(), counts.count(), t[0] + ": one row per batch");
      assertEmpty(
          counts.filter(
              col(DELIVERED).notEqual(col(IngestedFiles.ROWS)).or(col(DELIVERED).notEqual(col(QUARANTINED).plus(col(SILVER))))),
          t[0] + ": delivered lines neither in silver nor in quarantine (or in both)");
      Row total = counts.agg(sum(col(DELIVERED)), sum(col(QUARANTINED)), sum(col(SILVER))).first();
      assertTrue(total.getLong(2) > 0, t[2] + " has rows");
      assertEquals(catalog.read(spark, t[1]).count(), total.getLong(1), t[1] + ": rows of batches not in bronze");
      assertEquals(catalog.read(spark, t[2]).count(), total.getLong(2), t[2] + ": rows of batches not in bronze");
      delivered += total.getLong(0);
      quarantined += total.getLong(1);
      counts.unpersist();
    }
    // The register's lines: the run also loaded the helpers' cooperation batches and the surveys.
    long registerLines =
        ingest.batches().stream()
            .filter(b -> !b.batchId().endsWith(org.tuopin.common.generate.LandingLayout.COOPERATION_SEQUENCE))
            .filter(b -> !b.batchId().endsWith(org.tuopin.common.generate.LandingLayout.SURVEY_SEQUENCE))
            .mapToLong(IngestJob.BatchOutcome::rows)
            .sum();
    assertEquals(delivered, registerLines);
    assertEquals(quarantined, conform.rowsQuarantined());
    assertTrue(quarantined > injected.count(), "collateral lines too: " + quarantined + " quarantined, " + injected.count() + " injected");

    // Privacy: no raw resident ID (as delivered, corrupted or not) in any table or in the log.
    Dataset<Row> rawIds = landingIds(spark, landing).cache();
    assertTrue(rawIds.count() > InjectedLanding.HOUSEHOLDS * 2, "IDs read from the landing files");
    for (Table t : List.of(
        Table.BRONZE_HOUSEHOLDS, Table.BRONZE_MEMBERS, Table.QUARANTINE_HOUSEHOLDS, Table.QUARANTINE_MEMBERS,
        Table.SILVER_HOUSEHOLDS, Table.SILVER_MEMBERS, Table.OPS_INGESTED_FILES, Table.OPS_QUALITY_METRICS,
        Table.OPS_CONFORMED_BATCHES, Table.OPS_RUNS)) {
      PrivacyScan.assertNoRawIds(catalog.read(spark, t), rawIds, t.qualifiedName());
    }
    String logged = run.log();
    assertTrue(logged.contains("conform finished"), "the capture saw the run's log");
    PrivacyScan.assertNoRawIds(PrivacyScan.lines(spark, logged), rawIds, "the log");
    rawIds.unpersist();
    withRule.unpersist();
    quarantine.unpersist();
    injected.unpersist();
    spark.sparkContext().setJobDescription(null);
  }

  /** Fails with the first offending rows when there are any. */
  private static void assertEmpty(Dataset<Row> rows, String what) {
    List<Row> first = rows.limit(20).collectAsList();
    assertEquals(List.of(), first, what);
  }

  private static List<Row> expectedRules() {
    List<Row> rows = new ArrayList<>();
    EXPECTED_RULE.forEach((k, r) -> rows.add(RowFactory.create(k.name(), r)));
    return rows;
  }

  private static Dataset<Row> kindsByFile(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (String file : List.of(LandingHouseholds.FILE, LandingMembers.FILE)) {
      for (ErrorKind k : ErrorKind.forFile(file)) {
        rows.add(RowFactory.create(file, k.name()));
      }
    }
    return spark.createDataFrame(rows, new StructType().add(FILE, DataTypes.StringType).add(KIND, DataTypes.StringType));
  }

  private static Dataset<Row> lineage(Dataset<Row> quarantine) {
    return quarantine.select(col(Lineage.SOURCE_FILE), col(Lineage.LINE), col(Quarantine.RULE_IDS));
  }

  /** Lines per batch and file name of a bronze, quarantine or silver table (all carry the lineage). */
  private static Dataset<Row> perBatch(Dataset<Row> table, String as) {
    return table
        .groupBy(col(Lineage.BATCH_ID).as(BATCH), substring_index(col(Lineage.SOURCE_FILE), "/", -1).as(FILE))
        .agg(count(lit(1)).as(as));
  }

  /** Every resident ID as written in the landing files, read with each batch's declared encoding. */
  private static Dataset<Row> landingIds(SparkSession spark, Path landing) throws java.io.IOException {
    Dataset<Row> all = null;
    for (Path batch : GeneratorFixture.batches(landing)) {
      String encoding = GeneratorFixture.charset(batch).name();
      for (String[] f : new String[][] {
        {LandingHouseholds.FILE, LandingHouseholds.HEAD_RESIDENT_ID}, {LandingMembers.FILE, LandingMembers.RESIDENT_ID}
      }) {
        List<String> columns = f[0].equals(LandingHouseholds.FILE) ? LandingHouseholds.COLUMNS : LandingMembers.COLUMNS;
        Dataset<Row> ids =
            spark.read().option("header", "true").option("encoding", encoding).schema(Schemas.allStrings(columns))
                .csv(batch.resolve(f[0]).toString())
                .select(col(f[1]).as(PrivacyScan.ID))
                .filter(col(PrivacyScan.ID).isNotNull());
        all = all == null ? ids : all.union(ids);
      }
    }
    return all.distinct();
  }

  private static scala.collection.immutable.Seq<String> scala(String... columns) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(columns)).toList();
  }
}
