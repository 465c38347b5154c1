package org.tuopin.jobs.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.jobs.AggregateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin aggregate}: silver to the curated statistics, reconciled. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the curated statistics (incidence, exits, county and village status, exit quality, poverty measures)"
          + " from silver.* and ref.*, reconcile them into ops.quality_metrics, and replace the curated.* tables.",
      "A reconciliation rule of severity fail that breaks stops the stage (exit 1) before any curated table changes.",
      "Incremental by default: only the province-years whose silver rows changed since the last successful run are",
      "recomputed (from the change data feed), and the curated rows from the first changed year on are replaced."
    })
public final class AggregateCommand extends JobCommand {
  private static final Logger LOG = LoggerFactory.getLogger(AggregateCommand.class);

  @Option(names = "--batch-date", paramLabel = "DATE", description = "Batch date recorded in ops.runs (e.g. 2026-11-21).")
  String batchDate;

  @Option(names = "--full", description = "Rebuild every curated table from all of silver.")
  boolean full;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    return withSpark(
        config,
        ctx -> {
          StageResult r = new AggregateJob(ctx, batchDate, full).execute();
          LOG.info(
              "aggregate: {} household-years in, {} curated rows out, {} s ({} household-years/s); {}",
              r.rowsIn(), r.rowsOut(), r.elapsed().toMillis() / 1000.0, Math.round(r.rowsPerSecond()), r.message());
          return r.outcome();
        });
  }
}
