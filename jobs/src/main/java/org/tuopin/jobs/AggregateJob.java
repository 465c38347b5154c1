package org.tuopin.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.curated.CuratedParams;
import org.tuopin.common.curated.CuratedStatistics;
import org.tuopin.common.curated.CuratedWriter;
import org.tuopin.common.curated.Reconciliation;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.error.TuopinException;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.reference.ReferenceData.PoorCounties;
import org.tuopin.common.reference.ReferenceData.PovertyLines;
import org.tuopin.common.reference.ReferenceData.Thresholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.SilverPopulation;
import org.tuopin.common.schema.SilverSurvey;

/**
 * {@code tuopin aggregate}: silver and ref in, the six curated tables out, reconciled first.
 *
 * <p>Order of work: the household facts (the one pass over members) are cached, the all-level
 * totals (small) are cached, every table is derived from them, the reconciliation is written to
 * ops.quality_metrics, and only when no FAIL rule broke are the curated tables replaced, each in one
 * Delta transaction. A failed run therefore leaves the curated tables as they were.
 */
public final class AggregateJob {
  private static final Logger LOG = LoggerFactory.getLogger(AggregateJob.class);
  public static final String STAGE = "aggregate";

  private final JobContext ctx;
  private final String batchDate;

  /** @param batchDate recorded in ops.runs; may be null */
  public AggregateJob(JobContext ctx, String batchDate) {
    this.ctx = ctx;
    this.batchDate = batchDate;
  }

  public StageResult execute() {
    Instant start = Instant.now();
    Catalog catalog = ctx.catalog();
    CuratedParams params = CuratedParams.from(ctx.config());
    ctx.describe("aggregate: read silver and ref");
    CuratedStatistics.Inputs in = readInputs();

    Dataset<Row> facts = null;
    Dataset<Row> totals = null;
    Dataset<Row> masked = null;
    Dataset<Row> metrics = null;
    try {
      ctx.describe("aggregate: household facts (members counted per household)");
      long t0 = System.nanoTime();
      facts = CuratedStatistics.materialise(CuratedStatistics.facts(in, params));
      long households = facts.count();
      LOG.info("aggregate: {} household-years with member counts in {} ms", households, ms(t0));

      ctx.describe("aggregate: area totals (village base, counties, roll-up)");
      t0 = System.nanoTime();
      totals = CuratedStatistics.materialise(CuratedStatistics.totals(facts, in));
      long areas = totals.count();
      LOG.info("aggregate: {} area-years over all levels in {} ms", areas, ms(t0));

      ctx.describe("aggregate: suppression");
      masked = CuratedStatistics.materialise(CuratedStatistics.masked(totals, params));
      CuratedStatistics.Result r = CuratedStatistics.derive(facts, totals, masked, in, params);

      ctx.describe("aggregate: reconcile");
      t0 = System.nanoTime();
      metrics =
          Reconciliation.check(
                  r.incidence(), r.exits(), r.countyStatus(), ctx.config().curated().severities(), ctx.runId(), STAGE,
                  Timestamp.from(Instant.now()))
              .persist(StorageLevel.MEMORY_AND_DISK());
      metrics.coalesce(1).write().format("delta").mode("append").save(catalog.path(Table.OPS_QUALITY_METRICS));
      Optional<Reconciliation.Failure> failure = Reconciliation.firstFailure(metrics);
      LOG.info("aggregate: reconciliation written to {} in {} ms", Table.OPS_QUALITY_METRICS, ms(t0));
      if (failure.isPresent()) {
        Reconciliation.Failure f = failure.get();
        TuopinException e = Errors.reconciliationFailed(f.ruleId(), f.table(), f.rowsFailed(), f.rowsChecked(), f.configKey());
        RunLog.append(
            ctx.spark(), catalog, ctx.runId(), batchDate,
            new StageResult(STAGE, ExitStatus.FAILURE, start, Instant.now(), households, 0, 0, Map.of(), e.getMessage()));
        throw e;
      }

      Map<String, Long> versions = new LinkedHashMap<>();
      long rowsOut = 0;
      rowsOut += write(CuratedWriter.INCIDENCE, r.incidence(), versions);
      rowsOut += write(CuratedWriter.EXITS, r.exits(), versions);
      rowsOut += write(CuratedWriter.COUNTY_STATUS, r.countyStatus(), versions);
      rowsOut += write(CuratedWriter.VILLAGE_STATUS, r.villageStatus(), versions);
      rowsOut += write(CuratedWriter.EXIT_QUALITY, r.exitQuality(), versions);
      rowsOut += write(CuratedWriter.POVERTY_MEASURES, r.povertyMeasures(), versions);
      for (Table t : List.of(Table.OPS_QUALITY_METRICS, Table.OPS_RUNS)) {
        catalog.register(ctx.spark(), t);
      }
      StageResult result =
          new StageResult(
              STAGE, ExitStatus.OK, start, Instant.now(), households, rowsOut, 0, versions,
              "curated tables replaced from " + households + " household-years");
      RunLog.append(ctx.spark(), catalog, ctx.runId(), batchDate, result);
      catalog.register(ctx.spark(), Table.OPS_RUNS);
      return result;
    } finally {
      for (Dataset<Row> d : java.util.Arrays.asList(metrics, masked, totals, facts)) {
        if (d != null) {
          d.unpersist();
        }
      }
    }
  }

  private long write(CuratedWriter.Layout layout, Dataset<Row> rows, Map<String, Long> versions) {
    Table t = layout.table();
    ctx.describe("aggregate: write " + t.qualifiedName());
    long t0 = System.nanoTime();
    CuratedWriter.overwrite(ctx.spark(), ctx.catalog(), layout, rows, null);
    String path = ctx.catalog().path(t);
    long n = ctx.spark().read().format("delta").load(path).count();
    long v = DeltaTables.latestVersion(ctx.spark(), path);
    versions.put(t.qualifiedName(), v);
    ctx.catalog().register(ctx.spark(), t);
    LOG.info("aggregate: {} {} rows (version {}) in {} ms", t.qualifiedName(), n, v, ms(t0));
    return n;
  }

  private CuratedStatistics.Inputs readInputs() {
    Catalog c = ctx.catalog();
    Dataset<Row> households = checked(Table.SILVER_HOUSEHOLDS, CuratedStatistics.HOUSEHOLD_COLUMNS);
    Dataset<Row> members = checked(Table.SILVER_MEMBERS, List.of(SilverMembers.HOUSEHOLD_ID, SilverMembers.REPORTING_YEAR));
    Dataset<Row> population =
        checked(
            Table.SILVER_POPULATION,
            List.of(
                SilverPopulation.VILLAGE_CODE, SilverPopulation.REPORTING_YEAR, SilverPopulation.COUNTY_CODE,
                SilverPopulation.RURAL_POPULATION));
    Dataset<Row> survey = null;
    if (c.exists(ctx.spark(), Table.SILVER_SURVEY)) {
      survey =
          checked(
              Table.SILVER_SURVEY,
              List.of(SilverSurvey.COUNTY_CODE, SilverSurvey.REPORTING_YEAR, SilverSurvey.MISSED_RATE, SilverSurvey.APPROVAL_RATE));
    } else {
      LOG.info("aggregate: {} does not exist; missed and approval rates stay null (flag NO_SURVEY)", Table.SILVER_SURVEY);
    }
    Dataset<Row> divisions =
        checked(
            Table.REF_DIVISIONS,
            List.of(Divisions.CODE, Divisions.LEVEL, Divisions.PREFECTURE_CODE, Divisions.PROVINCE_CODE, Divisions.REGION, Divisions.IS_WEST12));
    Dataset<Row> lines = checked(Table.REF_POVERTY_LINES, List.of(PovertyLines.YEAR, PovertyLines.LINE_YUAN));
    Dataset<Row> thresholds =
        checked(
            Table.REF_THRESHOLDS,
            List.of(Thresholds.SCOPE, Thresholds.AREA_CODE, Thresholds.METRIC, Thresholds.COMPARISON, Thresholds.VALUE));
    Dataset<Row> poor = checked(Table.REF_POOR_COUNTIES, List.of(PoorCounties.COUNTY_CODE, PoorCounties.DELISTED_YEAR));
    return new CuratedStatistics.Inputs(households, members, population, survey, divisions, lines, thresholds, poor);
  }

  /** Reads a table and verifies that it has the columns this stage reads. */
  private Dataset<Row> checked(Table t, List<String> columns) {
    Dataset<Row> df = ctx.catalog().read(ctx.spark(), t);
    StructType schema = df.schema();
    for (String c : columns) {
      if (schema.getFieldIndex(c).isEmpty()) {
        throw Errors.inputSchema(t.qualifiedName(), c, "rerun the stage that writes it with this version of tuopin");
      }
    }
    return df;
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
