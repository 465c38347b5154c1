package org.tuopin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.curated.CuratedFixture;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.error.TuopinException;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.test.SharedSpark;

/** The aggregate job end to end on the hand-computed registry, written as silver and ref tables. */
@ExtendWith(SharedSpark.class)
class AggregateJobTest {

  private static JobContext context(String name, List<CuratedFixture.H> registry) {
    SparkSession spark = SharedSpark.spark();
    String warehouse = SharedSpark.tempDir(name).toString();
    TuopinConfig config = TuopinConfig.load(null, Map.of("paths.warehouse", warehouse));
    Catalog catalog = new Catalog(warehouse);
    write(catalog, Table.SILVER_HOUSEHOLDS, CuratedFixture.households(spark, registry));
    write(catalog, Table.SILVER_MEMBERS, CuratedFixture.members(spark, registry));
    write(catalog, Table.SILVER_POPULATION, CuratedFixture.population(spark));
    write(catalog, Table.REF_DIVISIONS, CuratedFixture.divisions(spark));
    write(catalog, Table.REF_POVERTY_LINES, CuratedFixture.povertyLines(spark));
    write(catalog, Table.REF_THRESHOLDS, CuratedFixture.thresholds(spark));
    write(catalog, Table.REF_POOR_COUNTIES, CuratedFixture.poorCounties(spark));
    return new JobContext(spark, config, catalog, "test-run-" + name);
  }

  private static void write(Catalog catalog, Table t, Dataset<Row> df) {
    df.write().format("delta").mode("overwrite").save(catalog.path(t));
  }

  private static Dataset<Row> read(JobContext ctx, Table t) {
    return ctx.catalog().read(ctx.spark(), t);
  }

  @Test
  void writesEveryCuratedTableTheMetricsAndTheRunRow() {
    JobContext ctx = context("aggregate-ok", CuratedFixture.registry());
    StageResult r = new AggregateJob(ctx, "2026-11-21").execute();

    assertEquals(ExitStatus.OK, r.outcome());
    assertEquals(16L, r.rowsIn(), "household-years");
    assertEquals(
        8 + 8 + 1, r.tableVersions().size(),
        "6 curated tables, the facts and the village base written; 7 tables read and the rules; the first year replaced");
    assertEquals(0L, r.tableVersions().get(AggregateJob.REPLACED_FROM_KEY), "a first run rebuilds: every year replaced");
    assertEquals(28L, read(ctx, Table.CURATED_INCIDENCE).count(), "14 areas x 2 years");
    assertEquals(28L, read(ctx, Table.CURATED_EXITS).count());
    assertEquals(28L, read(ctx, Table.CURATED_POVERTY_MEASURES).count());
    assertEquals(6L, read(ctx, Table.CURATED_COUNTY_STATUS).count());
    assertEquals(8L, read(ctx, Table.CURATED_VILLAGE_STATUS).count());
    assertEquals(2L, read(ctx, Table.CURATED_EXIT_QUALITY).count());
    assertEquals(28L + 28 + 28 + 6 + 8 + 2, r.rowsOut());
    Row nation = read(ctx, Table.CURATED_INCIDENCE).filter("level = 'NATION' AND reporting_year = 2018").first();
    assertEquals(13L, nation.<Long>getAs(CuratedIncidence.POOR_PERSONS));
    assertEquals(13L, read(ctx, Table.OPS_QUALITY_METRICS).count());
    Row run = read(ctx, Table.OPS_RUNS).first();
    assertEquals("OK", run.getAs(RunLog.OUTCOME));
    assertEquals("aggregate", run.getAs(RunLog.STAGE));

    // A second, full run replaces the tables rather than adding to them.
    new AggregateJob(ctx, "2026-11-22", true).execute();
    assertEquals(28L, read(ctx, Table.CURATED_INCIDENCE).count());
    assertEquals(26L, read(ctx, Table.OPS_QUALITY_METRICS).count());
  }

  private static final List<Table> CURATED =
      List.of(
          Table.CURATED_INCIDENCE, Table.CURATED_EXITS, Table.CURATED_COUNTY_STATUS, Table.CURATED_VILLAGE_STATUS,
          Table.CURATED_EXIT_QUALITY, Table.CURATED_POVERTY_MEASURES, Table.CURATED_HOUSEHOLD_FACTS,
          Table.CURATED_VILLAGE_BASE);

  @Test
  void anIncrementalRunAfterACorrectionEqualsAFullRebuild() {
    JobContext ctx = context("aggregate-incremental", CuratedFixture.registry());
    SparkSession spark = ctx.spark();
    for (Table t : List.of(Table.SILVER_HOUSEHOLDS, Table.SILVER_MEMBERS, Table.SILVER_POPULATION)) {
      spark.sql("ALTER TABLE delta.`" + ctx.catalog().path(t) + "` SET TBLPROPERTIES (delta.enableChangeDataFeed = true)");
    }
    StageResult first = new AggregateJob(ctx, "2026-11-20").execute();
    assertTrue(first.message().startsWith("curated tables rebuilt from 16 household-years"), first.message());

    StageResult idle = new AggregateJob(ctx, "2026-11-21").execute();
    assertEquals("curated tables kept: silver unchanged since the last successful aggregate", idle.message());
    assertEquals(0L, idle.rowsOut());

    // A correction in Henan 2018: H8's income falls, and H6 gets a third member.
    io.delta.tables.DeltaTable.forPath(spark, ctx.catalog().path(Table.SILVER_HOUSEHOLDS))
        .updateExpr("household_id = 'H8' AND reporting_year = 2018", Map.of("per_capita_income", "900.0"));
    spark.sql("SELECT 'H6-2-2018' AS person_key, 'H6' AS household_id, 2018 AS reporting_year, '410000' AS province_code")
        .write().format("delta").mode("append").save(ctx.catalog().path(Table.SILVER_MEMBERS));

    StageResult incremental = new AggregateJob(ctx, "2026-11-22").execute();
    assertEquals(
        "curated rows from 2018 on replaced; household facts recomputed for 2 province-years (6 household-years):"
            + " changed province-years: households [410000/2018], members [410000/2018], population []",
        incremental.message());
    assertEquals(rowsFrom(ctx, 2018), incremental.rowsOut(), "rows out: the rows of the replaced years, as the commits wrote them");
    Map<Table, Long> afterIncremental = curatedVersions(ctx);
    Row henan = read(ctx, Table.CURATED_INCIDENCE).filter("area_code = '410000' AND reporting_year = 2018").first();
    assertEquals(5L, henan.<Long>getAs(CuratedIncidence.POOR_PERSONS), "H6 with 3 persons, H8 and H7 with 1");
    assertEqualsFullRebuild(ctx, afterIncremental);

    // A population correction alone (Guizhou 2019): no household fact changes, the village base does.
    io.delta.tables.DeltaTable.forPath(spark, ctx.catalog().path(Table.SILVER_POPULATION))
        .updateExpr("village_code = '" + CuratedFixture.V1 + "' AND reporting_year = 2019", Map.of("rural_population", "120"));
    StageResult population = new AggregateJob(ctx, "2026-11-23").execute();
    assertEquals(
        "curated rows from 2019 on replaced; household facts recomputed for 0 province-years (0 household-years):"
            + " changed province-years: households [], members [], population [520000/2019]",
        population.message());
    Map<Table, Long> afterPopulation = curatedVersions(ctx);
    Row village =
        read(ctx, Table.CURATED_INCIDENCE).filter("area_code = '" + CuratedFixture.V1 + "' AND reporting_year = 2019").first();
    assertEquals(120L, village.<Long>getAs(CuratedIncidence.RURAL_POPULATION));
    assertEqualsFullRebuild(ctx, afterPopulation);
  }

  /** The rows of the six published curated tables from a reporting year on. */
  private static long rowsFrom(JobContext ctx, int year) {
    long n = 0;
    for (Table t : CURATED.subList(0, 6)) {
      n += read(ctx, t).where("reporting_year >= " + year).count();
    }
    return n;
  }

  private static Map<Table, Long> curatedVersions(JobContext ctx) {
    Map<Table, Long> out = new java.util.LinkedHashMap<>();
    for (Table t : CURATED) {
      out.put(t, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(t)));
    }
    return out;
  }

  /** Rebuilds everything and compares each curated table with its version after the incremental run. */
  private static void assertEqualsFullRebuild(JobContext ctx, Map<Table, Long> afterIncremental) {
    SparkSession spark = ctx.spark();
    StageResult full = new AggregateJob(ctx, "2026-11-22", true).execute();
    assertTrue(full.message().startsWith("curated tables rebuilt"), full.message());
    for (Table t : CURATED) {
      Dataset<Row> incrementalRows =
          spark.read().format("delta").option("versionAsOf", afterIncremental.get(t)).load(ctx.catalog().path(t));
      SharedSpark.assertSameRows(read(ctx, t), incrementalRows);
    }
  }

  @Test
  void aBrokenStockIdentityFailsTheStageAndPublishesNothing() {
    List<CuratedFixture.H> registry = new ArrayList<>(CuratedFixture.registry());
    registry.add(CuratedFixture.h("H9", 2019, CuratedFixture.V4, "POOR", 2014, null, 2000.0, true, true, true, true, true, 2));
    JobContext ctx = context("aggregate-broken", registry);

    TuopinException e = assertThrows(TuopinException.class, () -> new AggregateJob(ctx, null).execute());
    assertEquals(ExitStatus.FAILURE, e.status());
    assertEquals(
        "reconciliation rule household-stock.county failed on curated.exits: 1 of 3 rows do not reconcile,"
            + " curated tables left unchanged; see ops.quality_metrics, fix the silver data or set"
            + " tuopin.curated.reconcile.household-stock = warn",
        e.getMessage());
    assertFalse(ctx.catalog().exists(ctx.spark(), Table.CURATED_INCIDENCE));
    assertEquals(13L, read(ctx, Table.OPS_QUALITY_METRICS).count());
    assertEquals("FAILURE", read(ctx, Table.OPS_RUNS).first().getAs(RunLog.OUTCOME));
  }

  @Test
  void aMissingSilverTableIsAClearError() {
    SparkSession spark = SharedSpark.spark();
    String warehouse = SharedSpark.tempDir("aggregate-empty").toString();
    TuopinConfig config = TuopinConfig.load(null, Map.of("paths.warehouse", warehouse));
    JobContext ctx = new JobContext(spark, config, new Catalog(warehouse), "test-run-empty");
    TuopinException e = assertThrows(TuopinException.class, () -> new AggregateJob(ctx, null).execute());
    assertEquals(
        "table silver.households (" + warehouse + "/silver/households) does not exist; run the stage that writes it first",
        e.getMessage());
  }
}
