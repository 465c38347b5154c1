package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.conform.Preparation;
import org.tuopin.common.conform.Rule;
import org.tuopin.common.conform.RuleEvaluator;
import org.tuopin.common.conform.Rules;
import org.tuopin.common.conform.Silver;
import org.tuopin.common.cooperation.CooperationInputs;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.LandingSurvey;

/**
 * {@code conform} of the third-party survey (stage {@value #STAGE}): bronze.survey to silver.survey
 * and quarantine.survey with the survey rules of docs/rules.md, the figures per rule and batch to
 * ops.quality_metrics. The survey batches in force are the latest of each province and year, as for
 * the cooperation files ({@link CooperationInputs#inForce}); silver and quarantine are replaced
 * whole, one Delta commit each.
 *
 * <p>The aggregate stage rebuilds every curated table whenever silver.survey's version moves, so
 * this stage writes only when bronze.survey changed since the last run that wrote: the bronze
 * version it read is recorded in its ops.runs row ({@link #READ_KEY}), and a night without a new
 * survey batch leaves silver.survey's version where it was.
 */
public final class SurveyConformJob {
  private static final Logger LOG = LoggerFactory.getLogger(SurveyConformJob.class);
  public static final String STAGE = "conform-survey";
  /** The table_versions key of ops.runs that records the bronze.survey version this stage conformed. */
  public static final String READ_KEY = ReadVersions.key(Table.BRONZE_SURVEY);

  private final JobContext ctx;

  public SurveyConformJob(JobContext ctx) {
    this.ctx = ctx;
  }

  public StageResult execute() {
    Instant start = Instant.now();
    Catalog catalog = ctx.catalog();
    if (!catalog.exists(ctx.spark(), Table.BRONZE_SURVEY)) {
      return finish(new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), 0, 0, 0, Map.of(), "no survey file delivered yet"));
    }
    ctx.describe("conform-survey: compare bronze.survey with the last conformed version");
    long bronzeVersion = DeltaTables.latestVersion(ctx.spark(), catalog.path(Table.BRONZE_SURVEY));
    Long conformed = lastConformedVersion();
    if (conformed != null && conformed == bronzeVersion && catalog.exists(ctx.spark(), Table.SILVER_SURVEY)) {
      String message = "bronze.survey unchanged since version " + bronzeVersion + ": silver.survey kept";
      return finish(new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), 0, 0, 0, Map.of(READ_KEY, bronzeVersion), message));
    }
    return finish(conform(start, bronzeVersion));
  }

  private StageResult conform(Instant start, long bronzeVersion) {
    Catalog catalog = ctx.catalog();
    ctx.describe("conform-survey: validate " + Table.BRONZE_SURVEY);
    List<Rule> rules = Rules.survey(ctx.config().conform());
    Dataset<Row> bronze =
        ctx.spark().read().format("delta").option("versionAsOf", bronzeVersion).load(catalog.path(Table.BRONZE_SURVEY));
    Dataset<Row> divisions = catalog.read(ctx.spark(), Table.REF_DIVISIONS);
    Dataset<Row> judged =
        CooperationInputs.withBatchVerdict(
                RuleEvaluator.evaluate(Preparation.survey(CooperationInputs.inForce(bronze), divisions, ctx.config().conform()), rules))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      CooperationInputs.Counts counts = CooperationInputs.counts(judged);
      long lines = counts.lines();
      long out = counts.valid();
      long quarantined = counts.quarantined();
      long refused = counts.refused();
      ctx.describe("conform-survey: write " + Table.SILVER_SURVEY + " and " + Table.QUARANTINE_SURVEY);
      // mergeSchema: a silver.survey of the four columns the aggregate reads gains the counts and lineage.
      Silver.survey(CooperationInputs.valid(judged)).coalesce(1).write().format("delta").mode("overwrite")
          .option("mergeSchema", "true").save(catalog.path(Table.SILVER_SURVEY));
      Silver.quarantine(CooperationInputs.quarantined(judged), LandingSurvey.QUARANTINE).coalesce(1).write().format("delta")
          .mode("overwrite").save(catalog.path(Table.QUARANTINE_SURVEY));
      ctx.describe("conform-survey: ops.quality_metrics");
      RuleEvaluator.metrics(RuleEvaluator.perBatch(judged, rules), rules, Table.BRONZE_SURVEY, STAGE, ctx.runId(), Timestamp.from(start))
          .coalesce(1).write().format("delta").mode("append").save(catalog.path(Table.OPS_QUALITY_METRICS));
      Map<String, Long> versions = new LinkedHashMap<>();
      versions.put(READ_KEY, bronzeVersion);
      for (Table t : List.of(Table.SILVER_SURVEY, Table.QUARANTINE_SURVEY, Table.OPS_QUALITY_METRICS)) {
        versions.put(t.qualifiedName(), DeltaTables.latestVersion(ctx.spark(), catalog.path(t)));
      }
      for (Table t : List.of(Table.BRONZE_SURVEY, Table.SILVER_SURVEY, Table.QUARANTINE_SURVEY)) {
        catalog.register(ctx.spark(), t);
      }
      String message =
          String.format(
              Locale.ROOT, "bronze.survey version %d: %d lines in force, %d to silver, %d quarantined, %d in refused batches",
              bronzeVersion, lines, out, quarantined, refused);
      ExitStatus outcome = refused > 0 ? ExitStatus.INPUT_REJECTED : ExitStatus.OK;
      return new StageResult(STAGE, outcome, start, Instant.now(), lines, out, quarantined, versions, message);
    } finally {
      judged.unpersist();
    }
  }

  /**
   * The bronze.survey version conformed by the latest run of this stage that wrote silver.survey,
   * or null when there is none. One aggregate row of run metadata.
   */
  private Long lastConformedVersion() {
    if (!ctx.catalog().exists(ctx.spark(), Table.OPS_RUNS)) {
      return null;
    }
    Row last =
        ctx.catalog().read(ctx.spark(), Table.OPS_RUNS)
            .where(col(RunLog.STAGE).equalTo(STAGE).and(col(RunLog.OUTCOME).notEqual(ExitStatus.FAILURE.name())))
            .select(element_at(col(RunLog.TABLE_VERSIONS), lit(READ_KEY)).as("_v"), col(RunLog.ENDED_AT))
            .where(col("_v").isNotNull())
            .agg(max_by(col("_v"), col(RunLog.ENDED_AT)))
            .first();
    return last.isNullAt(0) ? null : last.getLong(0);
  }

  private StageResult finish(StageResult r) {
    RunLog.append(ctx.spark(), ctx.catalog(), ctx.runId(), null, r);
    LOG.info("conform-survey: {} in {} s", r.message(), r.elapsed().toMillis() / 1000.0);
    return r;
  }
}
