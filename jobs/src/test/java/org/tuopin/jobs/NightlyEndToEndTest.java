package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.cooperation.Grade;
import org.tuopin.common.cooperation.Indicator;
import org.tuopin.common.curated.Level;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.curated.AreaStatus;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedCooperationIndicators;
import org.tuopin.common.schema.CuratedCooperationRoster;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.ExpectedCountyYear;
import org.tuopin.common.schema.Manifest;
import org.tuopin.common.test.SharedSpark;

/**
 * Generated data through the whole nightly run, once for the class (Qinghai and Ningxia, three
 * years; Ningxia delivered in GB18030), then read by each check in turn:
 * <ol>
 *   <li>every county-year count of curated.incidence and curated.exits, and the survey's missed and
 *       approval rates in curated.county_status, equal the figures the generator computed from its own
 *       model before writing any file;
 *   <li>the assessment that ends the nightly: one row per pairing, side and year, graded, and the
 *       cooperation files through bronze, quarantine and silver (Qinghai is helped by Jiangsu in
 *       西宁 and 海东, Ningxia by Fujian);
 *   <li>last, as it changes the warehouse: a CHANGES night, whose incremental nightly must equal a
 *       full rebuild.
 * </ol>
 */
@ExtendWith(SharedSpark.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyEndToEndTest {
  private static final List<String> PROVINCES = List.of("630000", "640000");
  private static final int FIRST_YEAR = 2016;
  private static final int LAST_YEAR = 2018;
  private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;
  /** Every pairing of ref.pairings is assessed, whether or not its areas delivered anything. */
  private static final int PAIRINGS = 32;
  /** The pairings with generated data: 江苏→西宁, 江苏→海东, 福建→宁夏. */
  private static final int PAIRINGS_WITH_DATA = 3;

  private static Path landing;
  private static JobContext ctx;
  private static byte[] key;

  @BeforeAll
  static void fullNightly() throws Exception {
    landing =
        GeneratorFixture.generate(
            "e2e-landing", PROVINCES, 400, 7L, FIRST_YEAR, LAST_YEAR, 0.0, "tuopin.generator.gb18030-provinces = [64]");
    Path warehouse = SharedSpark.tempDir("e2e-wh");
    TuopinConfig config =
        TuopinConfig.load(
            null,
            Map.of(
                "paths.reference", GeneratorFixture.REFERENCE,
                "paths.warehouse", warehouse.toString(),
                "paths.landing", landing.toString()));
    ctx = JobContext.create(SharedSpark.spark(), config);
    key = new byte[32];
    Arrays.fill(key, (byte) 7);
    NightlyJob.Result r = new NightlyJob(ctx, new NightlyJob.Options(null, true, false), key).execute();
    assertEquals(ExitStatus.OK, r.outcome(), r.stages().toString());
    assertEquals(
        List.of("reference", "ingest", "conform", "conform-cooperation", "conform-survey", "aggregate", "assess"),
        r.stages().stream().map(s -> s.stage()).toList());
  }

  @Test
  @Order(1)
  void curatedCountsEqualTheGeneratorsExpectedFigures() throws Exception {
    // Ningxia's files came in GB18030, Qinghai's in UTF-8: both decode to the same figures.
    for (Path batch : GeneratorFixture.batches(landing)) {
      String manifest = java.nio.file.Files.readString(batch.resolve(Manifest.FILE));
      String encoding = batch.getFileName().toString().startsWith("64") ? Manifest.ENCODING_GB18030 : Manifest.ENCODING_UTF8;
      assertTrue(manifest.contains("\"" + encoding + "\""), batch + ": " + manifest);
    }
    Dataset<Row> expected =
        expectedFigures(landing)
            .select(
                col(ExpectedCountyYear.COUNTY_CODE).as("county_code"),
                col(ExpectedCountyYear.REPORTING_YEAR).cast("int").as("reporting_year"),
                col(ExpectedCountyYear.POOR_PERSONS).cast("long").as("poor_persons"),
                col(ExpectedCountyYear.POOR_HOUSEHOLDS).cast("long").as("poor_households"),
                col(ExpectedCountyYear.RURAL_POPULATION).cast("long").as("rural_population"),
                col(ExpectedCountyYear.EXITED_PERSONS).cast("long").as("exited_persons"),
                col(ExpectedCountyYear.EXITED_HOUSEHOLDS).cast("long").as("exited_households"),
                col(ExpectedCountyYear.NEW_PERSONS).cast("long").as("new_persons"),
                col(ExpectedCountyYear.RETURNED_PERSONS).cast("long").as("returned_persons"),
                col(ExpectedCountyYear.REMOVED_PERSONS).cast("long").as("removed_persons"));
    Dataset<Row> inc =
        ctx.catalog().read(ctx.spark(), Table.CURATED_INCIDENCE).where(col(CuratedIncidence.LEVEL).equalTo(Level.COUNTY.name()));
    Dataset<Row> ex =
        ctx.catalog().read(ctx.spark(), Table.CURATED_EXITS).where(col(CuratedExits.LEVEL).equalTo(Level.COUNTY.name()));
    Dataset<Row> actual =
        inc.select(
                col(CuratedIncidence.AREA_CODE).as("county_code"),
                col(CuratedIncidence.REPORTING_YEAR).as("reporting_year"),
                col(CuratedIncidence.POOR_PERSONS).as("poor_persons"),
                col(CuratedIncidence.POOR_HOUSEHOLDS).as("poor_households"),
                col(CuratedIncidence.RURAL_POPULATION).as("rural_population"))
            .join(
                ex.select(
                    col(CuratedExits.AREA_CODE).as("county_code"),
                    col(CuratedExits.REPORTING_YEAR).as("reporting_year"),
                    col(CuratedExits.EXITED_PERSONS).as("exited_persons"),
                    col(CuratedExits.EXITED_HOUSEHOLDS).as("exited_households"),
                    col(CuratedExits.NEW_PERSONS).as("new_persons"),
                    col(CuratedExits.RETURNED_PERSONS).as("returned_persons"),
                    col(CuratedExits.REMOVED_PERSONS).as("removed_persons")),
                scala.collection.JavaConverters.asScalaBuffer(List.of("county_code", "reporting_year")).toSeq())
            .select(expected.columns()[0], java.util.Arrays.copyOfRange(expected.columns(), 1, expected.columns().length));
    // Both ways, so that a missing or an extra county-year fails as surely as a wrong count.
    assertEquals(0, expected.exceptAll(actual).count(), "expected rows missing from curated");
    assertEquals(0, actual.exceptAll(expected).count(), "curated rows the generator did not expect");
    assertEquals(expected.count(), actual.count());
    assertSurveyRatesAsGenerated(ctx, landing);
  }

  @Test
  @Order(2)
  void theNightlyAssessesEveryPairingSideAndYear() {
    for (Cooperation.File f : Cooperation.File.values()) {
      assertEquals(PAIRINGS_WITH_DATA * YEARS, ctx.catalog().read(ctx.spark(), f.silver()).count(), f.silver().qualifiedName());
    }
    Dataset<Row> a = ctx.catalog().read(ctx.spark(), Table.CURATED_COOPERATION_ASSESSMENT);
    assertEquals(PAIRINGS * 2 * YEARS, a.count());
    assertEquals(
        PAIRINGS * 2 * YEARS,
        a.select(
                col(CuratedCooperationAssessment.HELPER_CODE), col(CuratedCooperationAssessment.HELPED_CODE),
                col(CuratedCooperationAssessment.SIDE), col(CuratedCooperationAssessment.REPORTING_YEAR))
            .distinct()
            .count(),
        "one row per pairing, side and year");
    // Pairings whose helped area has no register data (29 of 32: no poor base) cannot be assessed:
    // no total, grade or rank. The three with data are graded every year and side, ranked among themselves.
    List<String> labels = Arrays.stream(Grade.values()).map(Grade::label).toList();
    Column total = col(CuratedCooperationAssessment.TOTAL);
    Dataset<Row> graded = a.where(total.isNotNull());
    assertEquals(PAIRINGS_WITH_DATA * 2 * YEARS, graded.count());
    assertEquals(0, graded.where(col(CuratedCooperationAssessment.GRADE).isNull().or(col(CuratedCooperationAssessment.GRADE).isin(labels.toArray()).unary_$bang())).count());
    assertEquals(0, graded.where(col(CuratedCooperationAssessment.RANK).gt(PAIRINGS_WITH_DATA)).count());
    assertEquals(
        0,
        a.where(total.isNull().and(col(CuratedCooperationAssessment.GRADE).isNotNull().or(col(CuratedCooperationAssessment.RANK).isNotNull())))
            .count());
    assertEquals(0, a.where(col(CuratedCooperationAssessment.HELPED_CODE).equalTo("150000").and(total.isNotNull())).count());
    // Ningxia (a whole helped province) has register data and cooperation files: it scores on
    // funding, both sides, every year. The first year has no year before: no poverty-reduction score
    // for anyone; the later years have one.
    Dataset<Row> ningxia = a.where(col(CuratedCooperationAssessment.HELPED_CODE).equalTo("640000"));
    assertEquals(2L * YEARS, ningxia.where(col(CuratedCooperationAssessment.SCORE_FUNDING).gt(0)).count());
    assertEquals(0, graded.where(col(CuratedCooperationAssessment.REPORTING_YEAR).equalTo(FIRST_YEAR)
        .and(col(CuratedCooperationAssessment.SCORE_POVERTY_REDUCTION).isNotNull())).count());
    assertEquals(PAIRINGS_WITH_DATA * 2 * (YEARS - 1), graded.where(col(CuratedCooperationAssessment.REPORTING_YEAR).gt(FIRST_YEAR)
        .and(col(CuratedCooperationAssessment.SCORE_POVERTY_REDUCTION).isNotNull())).count());

    Dataset<Row> ind = ctx.catalog().read(ctx.spark(), Table.CURATED_COOPERATION_INDICATORS);
    assertEquals((long) PAIRINGS * 2 * YEARS * Indicator.values().length, ind.count());
    // Members of the helped areas work in the helper's province (the generator's model): the
    // register's view of labour cooperation is not empty.
    assertTrue(
        ind.where(col(CuratedCooperationIndicators.INDICATOR).equalTo(Indicator.REGISTERED_WORKERS_IN_HELPER.key())
                .and(col(CuratedCooperationIndicators.RAW_VALUE).gt(0)))
            .count() > 0);
    // Traceability: every total is the sum of its indicators' contributions.
    Dataset<Row> sums =
        ind.groupBy(
                col(CuratedCooperationIndicators.HELPER_CODE), col(CuratedCooperationIndicators.HELPED_CODE),
                col(CuratedCooperationIndicators.SIDE), col(CuratedCooperationIndicators.REPORTING_YEAR))
            .agg(org.apache.spark.sql.functions.sum(col(CuratedCooperationIndicators.CONTRIBUTION)).as("_sum"));
    Dataset<Row> off =
        a.join(sums, scala.collection.JavaConverters.asScalaBuffer(CuratedCooperationAssessment.KEY).toSeq())
            .where(org.apache.spark.sql.functions.abs(col("_sum").minus(col(CuratedCooperationAssessment.TOTAL))).gt(1e-9));
    assertEquals(0, off.count());

    Dataset<Row> roster = ctx.catalog().read(ctx.spark(), Table.CURATED_COOPERATION_ROSTER);
    int rotation = ctx.config().cooperation().rosterOrder().size();
    assertEquals((long) rotation * YEARS, roster.count());
    assertEquals(0, roster.where(col(CuratedCooperationRoster.ASSESSOR_CODE).equalTo(col(CuratedCooperationRoster.ASSESSED_CODE))).count());

    // Assessing the last year again replaces that year only and gives the same grades, ranks and totals
    // (to 1e-9: sums of doubles may add up in another order).
    org.apache.spark.sql.Column[] stable = {
      col(CuratedCooperationAssessment.HELPER_CODE), col(CuratedCooperationAssessment.HELPED_CODE),
      col(CuratedCooperationAssessment.SIDE), col(CuratedCooperationAssessment.GRADE), col(CuratedCooperationAssessment.RANK),
      org.apache.spark.sql.functions.round(col(CuratedCooperationAssessment.TOTAL), 9)
    };
    Dataset<Row> before = a.where(col(CuratedCooperationAssessment.REPORTING_YEAR).equalTo(LAST_YEAR)).select(stable).localCheckpoint();
    assertEquals(ExitStatus.OK, new AssessJob(ctx, LAST_YEAR, null).execute().outcome());
    Dataset<Row> after = ctx.catalog().read(ctx.spark(), Table.CURATED_COOPERATION_ASSESSMENT);
    assertEquals(PAIRINGS * 2 * YEARS, after.count());
    assertEquals(0, before.exceptAll(after.where(col(CuratedCooperationAssessment.REPORTING_YEAR).equalTo(LAST_YEAR)).select(stable)).count());
  }

  @Test
  @Order(3)
  void anIncrementalNightAfterAChangesBatchEqualsAFullRebuild() throws Exception {
    // A CHANGES night: 5 % of both provinces' 2018 households get a corrected income.
    List<ChangesJob.Written> changes =
        new ChangesJob(ctx, new ChangesJob.Request(landing.toString(), PROVINCES, LAST_YEAR, 0.05, 7L, 2, 400)).execute();
    assertEquals(2, changes.size());
    assertTrue(changes.get(0).households() > 0 && changes.get(1).households() > 0, changes.toString());
    long surveyVersion = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_SURVEY));
    NightlyJob.Result night = new NightlyJob(ctx, new NightlyJob.Options(null, false, false), key).execute();
    assertEquals(ExitStatus.OK, night.outcome(), night.stages().toString());
    // No survey batch that night: silver.survey keeps its version, so the aggregate stays incremental.
    assertEquals(surveyVersion, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_SURVEY)));
    StageResult aggregate = night.stages().stream().filter(st -> st.stage().equals(AggregateJob.STAGE)).findFirst().orElseThrow();
    assertTrue(
        aggregate.message().startsWith("curated rows from " + LAST_YEAR + " on replaced; household facts recomputed for 2 province-years"),
        aggregate.message());
    // No cooperation file came: conform-cooperation writes nothing; the assessment redoes 2018 only.
    StageResult coop = night.stages().stream().filter(st -> st.stage().equals(CooperationConformJob.STAGE)).findFirst().orElseThrow();
    assertTrue(coop.message().startsWith("nothing delivered since the last conform-cooperation"), coop.message());
    StageResult assess = night.stages().stream().filter(st -> st.stage().equals(AssessJob.STAGE)).findFirst().orElseThrow();
    assertTrue(assess.message().endsWith("for 1 year(s) [" + LAST_YEAR + "]"), assess.message());
    Map<Table, Long> incremental = new java.util.LinkedHashMap<>();
    for (Table t : CURATED) {
      incremental.put(t, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(t)));
    }
    // What --full does to the curated tables (nothing is left to ingest or conform): rebuild them all.
    StageResult rebuilt = new AggregateJob(ctx, null, true).execute();
    assertEquals(ExitStatus.OK, rebuilt.outcome(), rebuilt.message());
    StageResult reassessed = new AssessJob(ctx, null, null).execute();
    assertTrue(reassessed.message().endsWith("for 3 year(s) [2016, 2017, 2018]"), reassessed.message());
    for (Table t : CURATED) {
      SharedSpark.assertSameRows(
          ctx.catalog().read(ctx.spark(), t),
          ctx.spark().read().format("delta").option("versionAsOf", incremental.get(t)).load(ctx.catalog().path(t)));
    }
  }

  /** The generator's expected_county_year.csv, every column a string. */
  private static Dataset<Row> expectedFigures(Path landing) {
    return SharedSpark.spark()
        .read()
        .option("header", "true")
        .option("inferSchema", "false")
        .csv(landing.resolve("_generator").resolve(ExpectedCountyYear.FILE).toString());
  }

  /**
   * curated.county_status carries the generator's survey rates for every county-year it surveyed
   * (exactly: both sides divide the same whole numbers) and null rates with the NO_SURVEY flag
   * everywhere else; the surveyed counties are not pending a survey any more.
   */
  private static void assertSurveyRatesAsGenerated(JobContext ctx, Path landing) {
    Dataset<Row> expected =
        expectedFigures(landing)
            .select(
                col(ExpectedCountyYear.COUNTY_CODE).as("county_code"),
                col(ExpectedCountyYear.REPORTING_YEAR).cast("int").as("reporting_year"),
                col(ExpectedCountyYear.MISSED_RATE).cast("double").as("missed_rate"),
                col(ExpectedCountyYear.APPROVAL_RATE).cast("double").as("approval_rate"));
    Dataset<Row> status = ctx.catalog().read(ctx.spark(), Table.CURATED_COUNTY_STATUS);
    Dataset<Row> actual =
        status.select(
            col(CuratedCountyStatus.AREA_CODE).as("county_code"),
            col(CuratedCountyStatus.REPORTING_YEAR).as("reporting_year"),
            col(CuratedCountyStatus.MISSED_RATE).as("missed_rate"),
            col(CuratedCountyStatus.APPROVAL_RATE).as("approval_rate"));
    long surveyed = expected.where(col("missed_rate").isNotNull()).count();
    assertTrue(surveyed >= 5, "surveyed county-years generated: " + surveyed);
    // county_status holds the national poor counties only, which are the ones the generator surveys.
    Dataset<Row> poor = expected.join(actual.select("county_code", "reporting_year"), scala.collection.JavaConverters.asScalaBuffer(List.of("county_code", "reporting_year")).toSeq(), "left_semi");
    assertEquals(surveyed, poor.where(col("missed_rate").isNotNull()).count(), "every surveyed county-year has a county_status row");
    assertEquals(0, poor.exceptAll(actual).count(), "survey rates of the generator missing from curated.county_status");
    assertEquals(0, actual.exceptAll(poor).count(), "survey rates in curated.county_status the generator did not deliver");
    Column noSurvey = org.apache.spark.sql.functions.array_contains(col(CuratedCountyStatus.FLAGS), AreaStatus.Flag.NO_SURVEY.name());
    assertEquals(surveyed, status.where(col(CuratedCountyStatus.MISSED_RATE).isNotNull().and(org.apache.spark.sql.functions.not(noSurvey))).count());
    assertEquals(
        0,
        status.where(
                col(CuratedCountyStatus.MISSED_RATE).isNotNull()
                    .and(col(CuratedCountyStatus.STATUS).equalTo(AreaStatus.Status.ELIGIBLE_PENDING_SURVEY.name())))
            .count());
  }

  private static final List<Table> CURATED =
      List.of(
          Table.CURATED_INCIDENCE, Table.CURATED_EXITS, Table.CURATED_COUNTY_STATUS, Table.CURATED_VILLAGE_STATUS,
          Table.CURATED_EXIT_QUALITY, Table.CURATED_POVERTY_MEASURES, Table.CURATED_HOUSEHOLD_FACTS,
          Table.CURATED_VILLAGE_BASE, Table.CURATED_COOPERATION_INDICATORS, Table.CURATED_COOPERATION_ASSESSMENT, Table.CURATED_COOPERATION_ROSTER);
}
