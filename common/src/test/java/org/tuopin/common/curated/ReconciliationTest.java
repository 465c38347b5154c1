package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.error.Errors;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.QualityMetrics;
import org.tuopin.common.test.SharedSpark;

/** The nightly reconciliation on {@link CuratedFixture}, intact and broken. */
@ExtendWith(SharedSpark.class)
class ReconciliationTest {
  private static final Timestamp AT = Timestamp.valueOf("2026-11-22 03:00:00");

  static Map<ReconcileRule, Severity> defaults() {
    Map<ReconcileRule, Severity> m = new EnumMap<>(ReconcileRule.class);
    m.put(ReconcileRule.ROLLUP, Severity.FAIL);
    m.put(ReconcileRule.HOUSEHOLD_STOCK, Severity.FAIL);
    m.put(ReconcileRule.PERSON_STOCK, Severity.WARN);
    m.put(ReconcileRule.DELISTED, Severity.WARN);
    return m;
  }

  private static Row metric(Dataset<Row> metrics, String rule) {
    return metrics.filter(col(QualityMetrics.RULE_ID).equalTo(rule)).first();
  }

  private static Dataset<Row> check(CuratedStatistics.Result r, Dataset<Row> incidence) {
    return Reconciliation.check(incidence, r.exits(), r.countyStatus(), defaults(), "run-1", "aggregate", AT).cache();
  }

  @Test
  void theFixtureReconcilesAndTheDelistingDisagreementsAreWarnings() {
    CuratedStatistics.Result r = CuratedStatistics.compute(CuratedFixture.inputs(SharedSpark.spark()), CuratedFixture.params());
    Dataset<Row> metrics = check(r, r.incidence());
    assertEquals(13, metrics.count());
    assertEquals(0L, metrics.filter(col(QualityMetrics.RULE_ID).startsWith("rollup.").and(col(QualityMetrics.ROWS_FAILED).gt(0))).count());
    Row villages = metric(metrics, "rollup.village_to_county");
    assertEquals("curated.incidence", villages.getAs(QualityMetrics.TABLE_NAME));
    assertEquals(6L, villages.<Long>getAs(QualityMetrics.ROWS_CHECKED), "3 counties x 2 years");
    Row stock = metric(metrics, "household-stock.county");
    assertEquals(3L, stock.<Long>getAs(QualityMetrics.ROWS_CHECKED), "3 counties with a previous year");
    assertEquals(0L, stock.<Long>getAs(QualityMetrics.ROWS_FAILED));
    Row delisted = metric(metrics, "delisted.cohort_year");
    assertEquals(2L, delisted.<Long>getAs(QualityMetrics.ROWS_CHECKED));
    assertEquals(2L, delisted.<Long>getAs(QualityMetrics.ROWS_FAILED));
    assertEquals("WARN", delisted.getAs(QualityMetrics.SEVERITY));
    assertEquals("run-1", delisted.getAs(QualityMetrics.RUN_ID));
    assertEquals(Optional.empty(), Reconciliation.firstFailure(metrics));
  }

  @Test
  void aHouseholdFromNowhereBreaksTheStockIdentity() {
    SparkSession spark = SharedSpark.spark();
    List<CuratedFixture.H> registry = new ArrayList<>(CuratedFixture.registry());
    // Poor in 2019, identified in 2014, but absent from 2018: neither new nor returned.
    registry.add(CuratedFixture.h("H9", 2019, CuratedFixture.V4, "POOR", 2014, null, 2000.0, true, true, true, true, true, 2));
    CuratedStatistics.Result r =
        CuratedStatistics.compute(
            CuratedFixture.inputs(spark, registry, CuratedFixture.thresholds(spark), null), CuratedFixture.params());
    Dataset<Row> metrics = check(r, r.incidence());
    Row stock = metric(metrics, "household-stock.county");
    assertEquals(1L, stock.<Long>getAs(QualityMetrics.ROWS_FAILED));
    assertEquals(1L, metric(metrics, "person-stock.county").<Long>getAs(QualityMetrics.ROWS_FAILED));
    Reconciliation.Failure f = Reconciliation.firstFailure(metrics).orElseThrow();
    assertEquals(new Reconciliation.Failure("household-stock.county", "curated.exits", 1, 3), f);
    assertEquals(
        "reconciliation rule household-stock.county failed on curated.exits: 1 of 3 rows do not reconcile,"
            + " curated tables left unchanged; see ops.quality_metrics, fix the silver data or set"
            + " tuopin.curated.reconcile.household-stock = warn",
        Errors.reconciliationFailed(f.ruleId(), f.table(), f.rowsFailed(), f.rowsChecked(), f.configKey()).getMessage());
  }

  @Test
  void aVillageThatDoesNotAddUpBreaksTheRollUp() {
    CuratedStatistics.Result r = CuratedStatistics.compute(CuratedFixture.inputs(SharedSpark.spark()), CuratedFixture.params());
    Column tampered =
        when(
                col(CuratedIncidence.AREA_CODE).equalTo(CuratedFixture.V1).and(col(CuratedIncidence.REPORTING_YEAR).equalTo(2018)),
                lit(99L))
            .otherwise(col(CuratedIncidence.POOR_PERSONS));
    Dataset<Row> metrics = check(r, r.incidence().withColumn(CuratedIncidence.POOR_PERSONS, tampered));
    Row villages = metric(metrics, "rollup.village_to_county");
    assertEquals(1L, villages.<Long>getAs(QualityMetrics.ROWS_FAILED));
    assertEquals(0L, metric(metrics, "rollup.county_to_prefecture").<Long>getAs(QualityMetrics.ROWS_FAILED));
    assertTrue(Reconciliation.firstFailure(metrics).isPresent());
  }

  @Test
  void aMissingLevelFailsBothOfItsPairsAndTheOthersStillPass() {
    CuratedStatistics.Result r = CuratedStatistics.compute(CuratedFixture.inputs(SharedSpark.spark()), CuratedFixture.params());
    long regions = r.incidence().filter(col(CuratedIncidence.LEVEL).equalTo(Level.REGION.name())).count();
    assertTrue(regions > 0);
    Dataset<Row> metrics = check(r, r.incidence().filter(col(CuratedIncidence.LEVEL).notEqual(Level.REGION.name())));
    assertEquals(13, metrics.count(), "one row per rule, checked or not");
    Row provinces = metric(metrics, "rollup.province_to_region");
    assertEquals(regions, provinces.<Long>getAs(QualityMetrics.ROWS_CHECKED), "the region codes the provinces name");
    assertEquals(regions, provinces.<Long>getAs(QualityMetrics.ROWS_FAILED));
    Row nation = metric(metrics, "rollup.region_to_nation");
    assertEquals(2L, nation.<Long>getAs(QualityMetrics.ROWS_CHECKED), "the nation in 2 years");
    assertEquals(2L, nation.<Long>getAs(QualityMetrics.ROWS_FAILED));
    assertEquals(0L, metric(metrics, "rollup.prefecture_to_province").<Long>getAs(QualityMetrics.ROWS_FAILED));
    assertEquals(0L, metric(metrics, "rollup.village_to_county").<Long>getAs(QualityMetrics.ROWS_FAILED));
  }
}
