package org.tuopin.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.privacy.PseudonymKey;
import org.tuopin.jobs.GenerateJob;
import org.tuopin.jobs.JobContext;
import org.tuopin.jobs.NightlyJob;
import org.tuopin.jobs.YearEndJob;
import org.tuopin.jobs.bench.StageMeter;
import org.tuopin.jobs.sql.ResultPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin demo}: the newcomer's door. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a small synthetic national registry, load the reference data, run the nightly pipeline",
      "on the embedded local Spark and print what was done, how long it took and where to look.",
      "Starts from an empty ./landing and ./warehouse (the configured local paths); local environment only.",
    })
public final class DemoCommand extends JobCommand {
  @Option(names = "--households", paramLabel = "N", description = "Households to generate (default: tuopin.generator.households).")
  Long households;

  @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default: tuopin.generator.seed).")
  Long seed;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    if (config.environment() != TuopinConfig.Environment.LOCAL) {
      throw Errors.config("tuopin.environment", "is production", "the demo deletes and rewrites its landing and warehouse folders, so it runs only with environment = local");
    }
    long n = households != null ? households : config.generator().households();
    long s = seed != null ? seed : config.generator().seed();
    PrintWriter out = spec.commandLine().getOut();
    return withSpark(config, ctx -> {
      List<String> timings = new ArrayList<>();
      clean(ctx, config.paths().landing());
      clean(ctx, config.paths().warehouse());
      // After the clean: in the local environment the key file under the warehouse is created anew.
      byte[] key = PseudonymKey.resolve(config);
      var gen =
          StageMeter.measure(
              () ->
                  new GenerateJob(
                          ctx,
                          new GenerateJob.Request(
                              config.paths().landing(), List.of(), n, s, config.generator().firstYear(), config.generator().lastYear(), 0.0))
                      .execute());
      timings.add(String.format(Locale.ROOT, "%-20s %7.1f s  %,d households, %,d member rows in %d batches (%s)",
          "generate", gen.seconds(), gen.result().householdRows(), gen.result().memberRows(), gen.result().batches(), config.paths().landing()));
      var night = StageMeter.measure(() -> new NightlyJob(ctx, new NightlyJob.Options(null, true, false), key).execute());
      for (StageResult r : night.result().stages()) {
        timings.add(String.format(Locale.ROOT, "%-20s %7.1f s  rows in %,d, out %,d, quarantined %,d%s",
            r.stage(), r.elapsed().toMillis() / 1000.0, r.rowsIn(), r.rowsOut(), r.rowsQuarantined(), r.outcome() == ExitStatus.OK ? "" : " (" + r.outcome() + ": " + r.message() + ")"));
      }
      out.println();
      out.println("Tuopin demo: what was done");
      timings.forEach(t -> out.println("  " + t));
      out.printf(Locale.ROOT, "  batches loaded %d, refused %d; peak heap %.0f MiB%n",
          night.result().ingest().loadedBatches(), night.result().ingest().refusedBatches(), Math.max(gen.peakHeapMiB(), night.peakHeapMiB()));
      if (night.result().outcome() != ExitStatus.FAILURE) {
        out.println();
        out.println("The nation, year by year (curated.incidence, curated.exits, curated.county_status):");
        ctx.catalog().registerAll(ctx.spark());
        new ResultPrinter(ResultPrinter.Format.TABLE, 50).print(ctx.spark().sql(NATIONAL_TABLE), out);
        int lastYear = config.generator().lastYear();
        var yearEnd = StageMeter.measure(() -> new YearEndJob(ctx, new YearEndJob.Options(lastYear, false, null, "demo data")).execute());
        out.printf(Locale.ROOT, "%n  %-20s %7.1f s  release %s%n", "year-end", yearEnd.seconds(), yearEnd.result().releaseId());
        YearEndCommand.print(out, lastYear, yearEnd.result());
      }
      out.println();
      out.println("Where to look:");
      out.println("  tables     " + ctx.catalog().warehouse() + "  (ref, bronze, silver, quarantine, curated, ops)");
      out.println("  SQL        ./tuopin sql \"SELECT * FROM curated.incidence WHERE level = 'PROVINCE' AND reporting_year = 2018\"");
      out.println("  run log    ./tuopin sql \"SELECT stage, outcome, rows_in, rows_out, rows_quarantined FROM ops.runs ORDER BY started_at\"");
      out.println("  JDBC       ./tuopin sql-server   (jdbc:hive2://127.0.0.1:10000/default)");
      out.println("  notebooks  notebooks/run.sh      (executed copies with charts in notebooks/executed/)");
      out.flush();
      return night.result().outcome();
    });
  }

  /**
   * The nation by year, and the poor counties by year: de-listings announced (reference data) next
   * to the first year each county is eligible by the rules computed from the registry.
   */
  static final String NATIONAL_TABLE =
      "WITH first_eligible AS (SELECT area_code, MIN(reporting_year) AS y FROM curated.county_status WHERE eligible GROUP BY area_code),"
          + " fe AS (SELECT y AS reporting_year, COUNT(*) AS n FROM first_eligible GROUP BY y),"
          + " ann AS (SELECT announced_delisted_year AS reporting_year, COUNT(DISTINCT area_code) AS n FROM curated.county_status GROUP BY 1)"
          + " SELECT i.reporting_year AS year, i.poor_persons, i.poor_households,"
          + " format_number(i.incidence_rate * 100, 2) AS incidence_pct, e.exited_persons, e.returned_persons,"
          + " COALESCE(ann.n, 0) AS counties_delisted_announced, COALESCE(fe.n, 0) AS counties_first_eligible"
          + " FROM curated.incidence i"
          + " JOIN curated.exits e ON e.level = i.level AND e.area_code = i.area_code AND e.reporting_year = i.reporting_year"
          + " LEFT JOIN ann ON ann.reporting_year = i.reporting_year LEFT JOIN fe ON fe.reporting_year = i.reporting_year"
          + " WHERE i.level = 'NATION' ORDER BY year";

  private static void clean(JobContext ctx, String dir) throws java.io.IOException {
    Path p = new Path(dir);
    FileSystem fs = p.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
    if (fs.exists(p)) {
      fs.delete(p, true);
    }
  }
}
