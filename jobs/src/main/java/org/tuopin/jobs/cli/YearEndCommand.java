package org.tuopin.jobs.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.jobs.YearEndJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin year-end --year Y}: the national office's release of a year and its exports. */
@Command(
    name = "year-end",
    mixinStandardHelpOptions = true,
    description = {
      "Release the year's summary (curated.year_end_summary, pinned in curated.year_end_releases, recorded in ops.releases)",
      "and write reports/<year>/summary.xlsx, summary.html and CSV files. A year that has a release is re-exported",
      "from its pinned figures, unchanged; --revise makes a new release with a per-county report of what changed and why."
    })
public final class YearEndCommand extends JobCommand {
  private static final Logger LOG = LoggerFactory.getLogger(YearEndCommand.class);

  @Option(names = "--year", required = true, paramLabel = "Y", description = "Reporting year to release (e.g. 2020).")
  int year;

  @Option(names = "--revise", description = "Make a new release of a year that has one, with a report of what changed per county.")
  boolean revise;

  @Option(names = "--release", paramLabel = "ID", description = "Re-export this release of the year (e.g. 2020-r1) instead of the latest.")
  String releaseId;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why this release is made; recorded in ops.releases and printed on the cover.")
  String note;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    if (revise && releaseId != null) {
      throw Errors.usage("--release", "cannot be combined with --revise", "re-export a release or make a new one, not both");
    }
    if (year < config.conform().minYear() || year > config.conform().maxYear()) {
      throw Errors.usage("--year", "is " + year + ", outside " + config.conform().minYear() + ".." + config.conform().maxYear(),
          "give a reporting year the registry can hold");
    }
    PrintWriter out = spec.commandLine().getOut();
    return withSpark(
        config,
        ctx -> {
          YearEndJob.Result r = new YearEndJob(ctx, new YearEndJob.Options(year, revise, releaseId, note)).execute();
          LOG.info("year-end: {} in {} s", r.stage().message(), r.stage().elapsed().toMillis() / 1000.0);
          print(out, year, r);
          return r.stage().outcome();
        });
  }

  /** The lines a person reads: which release, and where the workbook and the page are. */
  static void print(PrintWriter out, int year, YearEndJob.Result r) {
    out.println();
    out.println("Year-end " + year + ": release " + r.releaseId() + (r.created() ? " made" : " re-exported (pinned figures, unchanged)")
        + (r.countiesChanged() == null ? "" : "; " + r.countiesChanged() + " counties changed (curated.year_end_changes)"));
    out.println("  workbook   " + r.workbook());
    out.println("  page       " + r.page());
    out.println("  CSV files  " + r.reportsDir() + "/t*.csv");
    out.flush();
  }
}
