package org.tuopin.jobs.cli;

import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.jobs.AssessJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin assess}: the East-West cooperation assessment of a year. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "The East-West cooperation assessment (docs/cooperation.md): per pairing of ref.pairings, side (HELPER, HELPED)"
          + " and year, five aspect scores, a weighted total, a grade (好 较好 一般 较差) and a rank, in"
          + " curated.cooperation_assessment; every indicator value behind them in curated.cooperation_indicators;"
          + " the cross-assessment rotation in curated.cooperation_roster.",
      "Reads curated.incidence and curated.exits: run it after aggregate. Weights and cut-offs: tuopin.cooperation."
    })
public final class AssessCommand extends JobCommand {
  @Option(names = "--year", paramLabel = "YEAR", description = "Reporting year to assess (default: every year of curated.incidence).")
  Integer year;

  @Option(names = "--batch-date", paramLabel = "DATE", description = "Batch date recorded in ops.runs (e.g. 2026-11-21).")
  String batchDate;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    return withSpark(
        config,
        ctx -> {
          StageResult r = new AssessJob(ctx, year, batchDate).execute();
          spec.commandLine().getOut().println("assess: " + r.message());
          spec.commandLine().getOut().flush();
          return r.outcome();
        });
  }
}
