package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.curated.Level;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.curated.AreaStatus;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.ExpectedCountyYear;
import org.tuopin.common.test.SharedSpark;

/**
 * Generated data through the whole nightly run: every county-year count of curated.incidence and
 * curated.exits, and the survey's missed and approval rates in curated.county_status, equal the
 * figures the generator computed from its own model before writing any file. Two provinces (one
 * delivered in GB18030), three years.
 */
@ExtendWith(SharedSpark.class)
class NightlyEndToEndTest {
  @Test
  void curatedCountsEqualTheGeneratorsExpectedFiguresAndAnIncrementalNightEqualsAFullRebuild() throws Exception {
    Path landing = GeneratorFixture.generate("e2e-landing", List.of("520000", "430000"), 400, 7L, 2016, 2018, 0.0);
    Path warehouse = SharedSpark.tempDir("e2e-wh");
    TuopinConfig config =
        TuopinConfig.load(
            null,
            Map.of(
                "paths.reference", GeneratorFixture.REFERENCE,
                "paths.warehouse", warehouse.toString(),
                "paths.landing", landing.toString()));
    JobContext ctx = JobContext.create(SharedSpark.spark(), config);
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) 7);
    NightlyJob.Result r = new NightlyJob(ctx, new NightlyJob.Options(null, true, false), key).execute();
    assertEquals(ExitStatus.OK, r.outcome(), r.stages().toString());
    assertEquals(
        List.of("reference", "ingest", "conform", "conform-cooperation", "conform-survey", "aggregate", "assess"),
        r.stages().stream().map(s -> s.stage()).toList());

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

    // A CHANGES night: 5 % of both provinces' 2018 households get a corrected income.
    List<ChangesJob.Written> changes =
        new ChangesJob(ctx, new ChangesJob.Request(landing.toString(), List.of("520000", "430000"), 2018, 0.05, 7L, 2, 400)).execute();
    assertEquals(2, changes.size());
    assertTrue(changes.get(0).households() > 0 && changes.get(1).households() > 0, changes.toString());
    long surveyVersion = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_SURVEY));
    NightlyJob.Result night = new NightlyJob(ctx, new NightlyJob.Options(null, false, false), key).execute();
    assertEquals(ExitStatus.OK, night.outcome(), night.stages().toString());
    // No survey batch that night: silver.survey keeps its version, so the aggregate stays incremental.
    assertEquals(surveyVersion, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_SURVEY)));
    StageResult aggregate = night.stages().stream().filter(st -> st.stage().equals(AggregateJob.STAGE)).findFirst().orElseThrow();
    assertTrue(
        aggregate.message().startsWith("curated rows from 2018 on replaced; household facts recomputed for 2 province-years"),
        aggregate.message());
    // No cooperation file came: conform-cooperation writes nothing; the assessment redoes 2018 only.
    StageResult coop = night.stages().stream().filter(st -> st.stage().equals(CooperationConformJob.STAGE)).findFirst().orElseThrow();
    assertTrue(coop.message().startsWith("nothing delivered since the last conform-cooperation"), coop.message());
    StageResult assess = night.stages().stream().filter(st -> st.stage().equals(AssessJob.STAGE)).findFirst().orElseThrow();
    assertTrue(assess.message().endsWith("for 1 year(s) [2018]"), assess.message());
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
          Table.CURATED_COOPERATION_INDICATORS, Table.CURATED_COOPERATION_ASSESSMENT, Table.CURATED_COOPERATION_ROSTER);
}
