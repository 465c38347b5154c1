package org.tuopin.jobs.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.privacy.PseudonymKey;
import org.tuopin.jobs.IngestJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin ingest}: loads new landing batches into the bronze tables. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Load new landing batches into the bronze tables, resident IDs replaced by keyed pseudonyms.",
      "Every batch not yet loaded goes to bronze.households, bronze.members and bronze.population; a batch",
      "that fails a check is refused whole (exit code 2) and the others still load. See docs/ingest.md."
    })
public final class IngestCommand extends JobCommand {
  private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

  @Option(
      names = "--batch-date",
      paramLabel = "YYYY-MM-DD",
      description = "The nightly date of this run (recorded in ops.runs); batches with a later snapshot date wait for a later run.")
  LocalDate batchDate;

  @Option(names = "--force", description = "Load batches even when their size dropped by more than tuopin.ingest.max-row-drop-share.")
  boolean force;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    // Before the session starts: a production run without its key stops here, with exit code 3.
    byte[] key = PseudonymKey.resolve(config);
    return withSpark(
        config,
        ctx -> {
          IngestJob.Result r = new IngestJob(ctx, new IngestJob.Options(batchDate, force), key).execute();
          PrintWriter out = spec.commandLine().getOut();
          out.printf(
              "ingest: %d batches loaded (%d rows), %d refused, %d loaded before; %.1f s%n",
              r.loadedBatches(), r.stage().rowsOut(), r.refusedBatches(), r.alreadyLoaded(), r.stage().elapsed().toMillis() / 1000.0);
          for (IngestJob.BatchOutcome b : r.batches()) {
            if (b.refused()) {
              out.println("  " + b.reason());
            }
          }
          out.flush();
          LOG.debug("ingest outcome {}", r.stage().outcome());
          return r.stage().outcome();
        });
  }
}
