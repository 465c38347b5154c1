package org.tuopin.jobs.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.jobs.ConformJob;
import org.tuopin.jobs.CooperationConformJob;
import org.tuopin.jobs.SurveyConformJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin conform}: bronze to silver and quarantine for every batch not yet conformed. */
@Command(
    name = "conform",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the bronze lines of every batch not yet conformed and write silver.households, silver.members,",
      "silver.population (Delta MERGE: a FULL batch replaces its province-year slice, a CHANGES batch upserts),",
      "quarantine.* (each rejected line with every rule it broke) and ops.quality_metrics. Rules: docs/rules.md.",
      "Exit code 2 when a batch was refused by a FAIL_BATCH rule (the other batches were conformed).",
      "Then the helper provinces' cooperation files: silver.cooperation_* and quarantine.cooperation_* (docs/cooperation.md),",
      "and the third-party survey: silver.survey and quarantine.survey, rewritten only when bronze.survey changed (docs/survey.md)."
    })
public final class ConformCommand extends JobCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ConformCommand.class);

  @Option(
      names = "--all",
      description = "Conform every bronze batch again, not only the pending ones (the result is the same as the first time).")
  boolean all;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    return withSpark(
        config,
        ctx -> {
          StageResult r = new ConformJob(ctx, all).execute();
          spec.commandLine().getOut().println("conform: " + r.message());
          LOG.info("conform: {} s, {} lines/s", r.elapsed().toMillis() / 1000.0, Math.round(r.rowsPerSecond()));
          // The cooperation files are small and rebuilt whole each time, so --all changes nothing for them.
          StageResult c = new CooperationConformJob(ctx).execute();
          spec.commandLine().getOut().println("conform-cooperation: " + c.message());
          StageResult s = new SurveyConformJob(ctx).execute();
          spec.commandLine().getOut().println("conform-survey: " + s.message());
          spec.commandLine().getOut().flush();
          return r.outcome().worst(c.outcome()).worst(s.outcome());
        });
  }
}
