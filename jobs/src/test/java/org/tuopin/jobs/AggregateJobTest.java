package org.tuopin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    assertEquals(6, r.tableVersions().size());
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

    // A second run replaces the tables rather than adding to them.
    new AggregateJob(ctx, "2026-11-22").execute();
    assertEquals(28L, read(ctx, Table.CURATED_INCIDENCE).count());
    assertEquals(26L, read(ctx, Table.OPS_QUALITY_METRICS).count());
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
