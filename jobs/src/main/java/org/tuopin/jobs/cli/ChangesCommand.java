package org.tuopin.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.jobs.ChangesJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin changes}: CHANGES batches that correct a share of a year's households. */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "Write a CHANGES batch beside the FULL batch of each named province and year: the per-capita income",
      "of a deterministic share of its households is corrected (with their member lines, unchanged).",
      "The next nightly run loads it, and the aggregate recomputes only those province-years.",
    })
public final class ChangesCommand extends JobCommand {
  @Option(names = "--provinces", paramLabel = "LIST", required = true, description = "Comma-separated 6-digit province codes, e.g. 510000,520000.")
  String provinces;

  @Option(names = "--year", paramLabel = "YEAR", description = "Reporting year to correct (default: tuopin.generator.last-year).")
  Integer year;

  @Option(names = "--share", paramLabel = "SHARE", description = "Share of the batch's households to correct, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double share = 0.01;

  @Option(names = "--sequence", paramLabel = "N", description = "Batch sequence, 1 to 999; a later correction needs a higher one (default: ${DEFAULT-VALUE}).")
  int sequence = 2;

  @Option(names = "--raise", paramLabel = "YUAN", description = "Yuan added to each corrected per-capita income (default: ${DEFAULT-VALUE}).")
  long raise = 37;

  @Option(names = "--landing", paramLabel = "DIR", description = "Landing root (default: tuopin.paths.landing).")
  String landing;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    ChangesJob.Request request = request(config);
    return withSpark(
        config,
        ctx -> {
          PrintWriter out = spec.commandLine().getOut();
          for (ChangesJob.Written w : new ChangesJob(ctx, request).execute()) {
            out.printf("%s: %d households corrected, %d member lines%n", w.batchId(), w.households(), w.members());
          }
          out.flush();
          return ExitStatus.OK;
        });
  }

  ChangesJob.Request request(TuopinConfig config) {
    List<String> codes = new ArrayList<>();
    for (String raw : provinces.split(",", -1)) {
      String s = raw.trim();
      if (!s.matches("\\d{2}0000")) {
        throw Errors.usage("--provinces", "has '" + s + "', not a 6-digit province code", "use codes such as 510000,520000");
      }
      codes.add(s);
    }
    if (Double.isNaN(share) || share <= 0 || share > 1) {
      throw Errors.usage("--share", "is " + share, "give a share above 0 and at most 1, such as 0.01");
    }
    if (sequence < 1 || sequence > 999) {
      throw Errors.usage("--sequence", "is " + sequence, "give a number from 1 to 999");
    }
    int y = year == null ? config.generator().lastYear() : year;
    return new ChangesJob.Request(
        landing == null ? config.paths().landing() : landing, codes, y, share, config.generator().seed(), sequence, raise);
  }
}
