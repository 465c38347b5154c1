package org.tuopin.jobs;


import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
import org.tuopin.common.schema.Cooperation;

/**
 * {@code conform} of the cooperation files (stage {@value #STAGE}): bronze.cooperation_* to
 * silver.cooperation_* and quarantine.cooperation_* with the rules of docs/rules.md, the figures
 * per rule and batch to ops.quality_metrics. For each file, the batches in force
 * ({@link CooperationInputs#inForce}) are validated again and silver and quarantine are replaced
 * whole, one Delta commit each: the same bronze always gives the same tables. When nothing was
 * delivered since the last successful run (the bronze and ref versions it read, and its rules, are
 * unchanged), silver is already what a run would write: the stage says so and writes nothing, so
 * that a night without cooperation files costs no rewrite.
 */
public final class CooperationConformJob {
  private static final Logger LOG = LoggerFactory.getLogger(CooperationConformJob.class);
  public static final String STAGE = "conform-cooperation";

  private final JobContext ctx;
  private final boolean force;

  public CooperationConformJob(JobContext ctx) {
    this(ctx, false);
  }

  /** @param force conform again even when nothing changed since the last successful run ({@code nightly --full}) */
  public CooperationConformJob(JobContext ctx, boolean force) {
    this.ctx = ctx;
    this.force = force;
  }

  /** Cooperation file tables conformed at the same time (small tables: mostly Delta commits on the driver). */
  private static final int PARALLEL_FILES = 3;

  /** What one file's conform wrote. */
  private record Figures(
      Cooperation.File file, long lines, long out, long quarantined, long refused, Map<String, Long> versions, Dataset<Row> metrics) {}

  public StageResult execute() {
    Instant start = Instant.now();
    Catalog catalog = ctx.catalog();
    Map<String, Long> versions = new LinkedHashMap<>();
    long rowsIn = 0;
    long rowsOut = 0;
    long quarantined = 0;
    long refusedLines = 0;
    Timestamp measuredAt = Timestamp.from(start);
    ctx.describe("conform-cooperation: compare bronze, ref and rules with the last conform-cooperation");
    List<Cooperation.File> delivered = new ArrayList<>();
    for (Cooperation.File f : Cooperation.File.values()) {
      if (catalog.exists(ctx.spark(), f.bronze())) {
        delivered.add(f);
      }
    }
    List<Table> inputs = new ArrayList<>();
    boolean silverComplete = true;
    for (Cooperation.File f : delivered) {
      inputs.add(f.bronze());
      silverComplete &= catalog.exists(ctx.spark(), f.silver()) && catalog.exists(ctx.spark(), f.quarantine());
    }
    inputs.add(Table.REF_DIVISIONS);
    inputs.add(Table.REF_PAIRINGS);
    Map<String, Long> read = ReadVersions.now(ctx, inputs, ctx.config().conform());
    versions.putAll(read);
    if (!force && !delivered.isEmpty() && silverComplete && read.equals(ReadVersions.lastSuccessful(ctx, STAGE))) {
      StageResult r =
          new StageResult(
              STAGE, ExitStatus.OK, start, Instant.now(), 0, 0, 0, versions,
              "nothing delivered since the last conform-cooperation (bronze, ref and rules unchanged); silver kept");
      RunLog.append(ctx.spark(), catalog, ctx.runId(), null, r);
      LOG.info("conform-cooperation: {}", r.message());
      return r;
    }
    if (!delivered.isEmpty()) {
      // Read only when a helper delivered something: a register-only warehouse needs no ref.pairings here.
      Dataset<Row> divisions = catalog.read(ctx.spark(), Table.REF_DIVISIONS);
      Dataset<Row> pairings = catalog.read(ctx.spark(), Table.REF_PAIRINGS);
      // The files are independent tables (bronze, silver and quarantine of their own); their figures for
      // ops.quality_metrics are appended afterwards in one commit.
      Dataset<Row> allMetrics = null;
      List<Callable<Figures>> conforms = new ArrayList<>();
      for (Cooperation.File f : delivered) {
        conforms.add(() -> conformFile(f, divisions, pairings, measuredAt));
      }
      for (Figures fig : Concurrently.run(conforms, PARALLEL_FILES, "conforming the cooperation files")) {
        rowsIn += fig.lines();
        rowsOut += fig.out();
        quarantined += fig.quarantined();
        refusedLines += fig.refused();
        versions.putAll(fig.versions());
        allMetrics = allMetrics == null ? fig.metrics() : allMetrics.unionByName(fig.metrics());
        for (Table t : List.of(fig.file().bronze(), fig.file().silver(), fig.file().quarantine())) {
          catalog.register(ctx.spark(), t);
        }
        LOG.info("conform-cooperation: {} lines in force, {} to {}, {} quarantined, {} in refused batches",
            fig.lines(), fig.out(), fig.file().silver(), fig.quarantined(), fig.refused());
      }
      ctx.describe("conform-cooperation: ops.quality_metrics");
      allMetrics.coalesce(1).write().format("delta").mode("append").save(catalog.path(Table.OPS_QUALITY_METRICS));
    }
    int files = delivered.size();
    if (files > 0) {
      versions.put(Table.OPS_QUALITY_METRICS.qualifiedName(), DeltaTables.latestVersion(ctx.spark(), catalog.path(Table.OPS_QUALITY_METRICS)));
    }
    ExitStatus outcome = refusedLines > 0 ? ExitStatus.INPUT_REJECTED : ExitStatus.OK;
    String message =
        files == 0
            ? "no cooperation file delivered yet"
            : String.format(
                java.util.Locale.ROOT, "%d cooperation file table(s): %d lines in force, %d to silver, %d quarantined, %d in refused batches",
                files, rowsIn, rowsOut, quarantined, refusedLines);
    StageResult r = new StageResult(STAGE, outcome, start, Instant.now(), rowsIn, rowsOut, quarantined, versions, message);
    RunLog.append(ctx.spark(), catalog, ctx.runId(), null, r);
    LOG.info("conform-cooperation: {} in {} s", message, r.elapsed().toMillis() / 1000.0);
    return r;
  }

  private Figures conformFile(Cooperation.File f, Dataset<Row> divisions, Dataset<Row> pairings, Timestamp measuredAt) {
    Catalog catalog = ctx.catalog();
    ctx.describe("conform-cooperation: validate " + f.bronze());
    List<Rule> rules = Rules.cooperation(ctx.config().conform(), f);
    Dataset<Row> bronze = CooperationInputs.inForce(catalog.read(ctx.spark(), f.bronze()));
    Dataset<Row> judged =
        CooperationInputs.withBatchVerdict(
                RuleEvaluator.evaluate(Preparation.cooperation(bronze, f, divisions, pairings, ctx.config().conform()), rules))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // One pass for the figures, instead of re-reading the tables written.
      CooperationInputs.Counts counts = CooperationInputs.counts(judged);
      ctx.describe("conform-cooperation: write " + f.silver() + " and " + f.quarantine());
      Dataset<Row> silver = Silver.cooperation(CooperationInputs.valid(judged), f);
      silver.coalesce(1).write().format("delta").mode("overwrite").option("overwriteSchema", "false")
          .partitionBy(Cooperation.PARTITION_BY.toArray(new String[0])).save(catalog.path(f.silver()));
      Dataset<Row> bad = Silver.quarantine(CooperationInputs.quarantined(judged), f.quarantineSchema());
      bad.coalesce(1).write().format("delta").mode("overwrite").save(catalog.path(f.quarantine()));
      // Checkpointed (a few rows per rule and batch): the figures outlive the cached lines they count.
      Dataset<Row> metrics =
          RuleEvaluator.metrics(RuleEvaluator.perBatch(judged, rules), rules, f.bronze(), STAGE, ctx.runId(), measuredAt)
              .localCheckpoint(true);
      Map<String, Long> versions = new LinkedHashMap<>();
      for (Table t : List.of(f.silver(), f.quarantine())) {
        versions.put(t.qualifiedName(), DeltaTables.latestVersion(ctx.spark(), catalog.path(t)));
      }
      return new Figures(f, counts.lines(), counts.valid(), counts.quarantined(), counts.refused(), versions, metrics);
    } finally {
      judged.unpersist();
    }
  }

}
