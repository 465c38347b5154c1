package org.tuopin.jobs.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.privacy.PseudonymKey;
import org.tuopin.jobs.IngestJob;
import org.tuopin.jobs.NightlyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin nightly}: the scheduled run. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "The nightly run: reference (when its files changed) -> ingest -> conform -> aggregate -> assess.",
      "One ops.runs row per stage. A failed stage stops the run (exit 1); run it again to resume:",
      "every stage is idempotent. Refused batches give exit 2 after the rest was carried through.",
    })
public final class NightlyCommand extends JobCommand {
  @Option(
      names = "--batch-date",
      paramLabel = "YYYY-MM-DD",
      description = "The night this run is for (recorded in ops.runs); batches with a later snapshot date wait.")
  LocalDate batchDate;

  @Option(names = "--full", description = "Reload the reference data and rebuild every curated table, not only what changed.")
  boolean full;

  @Option(names = "--force", description = "Load batches even when their size dropped by more than tuopin.ingest.max-row-drop-share.")
  boolean force;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    // Before the session starts: a production run without its key stops here, with exit code 3.
    byte[] key = PseudonymKey.resolve(config);
    return withSpark(
        config,
        ctx -> {
          NightlyJob.Result r = new NightlyJob(ctx, new NightlyJob.Options(batchDate, full, force), key).execute();
          PrintWriter out = spec.commandLine().getOut();
          for (StageResult s : r.stages()) {
            out.printf(Locale.ROOT, "%-10s %-15s %7.1f s  in %,d  out %,d  quarantined %,d%n",
                s.stage(), s.outcome(), s.elapsed().toMillis() / 1000.0, s.rowsIn(), s.rowsOut(), s.rowsQuarantined());
          }
          for (IngestJob.BatchOutcome b : r.ingest().batches()) {
            if (b.refused()) {
              out.println("  refused: " + b.reason());
            }
          }
          out.println("nightly " + ctx.runId() + ": " + r.outcome());
          out.flush();
          return r.outcome();
        });
  }
}
