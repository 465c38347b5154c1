package org.tuopin.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.privacy.PseudonymKey;
import org.tuopin.jobs.AggregateJob;
import org.tuopin.jobs.AssessJob;
import org.tuopin.jobs.ChangesJob;
import org.tuopin.jobs.ConformJob;
import org.tuopin.jobs.CooperationConformJob;
import org.tuopin.jobs.SurveyConformJob;
import org.tuopin.jobs.DeltaTables;
import org.tuopin.jobs.GenerateJob;
import org.tuopin.jobs.IngestJob;
import org.tuopin.jobs.JobContext;
import org.tuopin.jobs.ReferenceJob;
import org.tuopin.jobs.YearEndJob;
import org.tuopin.jobs.bench.DuckDbCheck;
import org.tuopin.jobs.bench.StageMeter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin bench}: the figures of a run at a given size, measured, printed and written as JSON. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a registry of about N person records (if not there yet), run every stage of the full",
      "nightly and the last year's year-end on a fresh warehouse, and report per stage wall time,",
      "persons per second and peak heap (sampled heap in use); then recompute the",
      "county figures with DuckDB over a Parquet export of the same silver snapshot and compare; then an",
      "incremental night (a CHANGES batch for a share of two provinces' last year) against a full rebuild.",
      "N counts member records over all years: households = N / (3.2 x years).",
    })
public final class BenchCommand extends JobCommand {
  @Option(names = "--persons", paramLabel = "N", description = "Person records to benchmark (default: ${DEFAULT-VALUE}).")
  long persons = 1_000_000;

  @Option(names = "--dir", paramLabel = "DIR", description = "Working folder (default: ./bench/<N>); landing is kept between runs.")
  File dir;

  @Option(names = "--regenerate", description = "Generate the landing data again even when it exists.")
  boolean regenerate;

  @Option(
      names = "--change-provinces",
      paramLabel = "LIST",
      split = ",",
      description = "Provinces whose last year changes in the incremental night (default: ${DEFAULT-VALUE}).")
  List<String> changeProvinces = List.of("510000", "520000");

  @Option(names = "--change-share", paramLabel = "SHARE", description = "Share of their households that changes (default: ${DEFAULT-VALUE}).")
  double changeShare = 0.01;

  /** One measured step of the benchmark. */
  record Step(
      String name, double seconds, long rowsIn, long persons, double personsPerSecond, double peakHeapMiB, double peakLiveHeapMiB,
      String outcome) {}

  @Override
  protected ExitStatus run(TuopinConfig base) throws Exception {
    if (persons < 1000) {
      throw Errors.usage("--persons", "is " + persons, "benchmark at least 1000 person records");
    }
    Path work = (dir != null ? dir.toPath() : Path.of("bench", String.valueOf(persons))).toAbsolutePath();
    Files.createDirectories(work);
    String landing = work.resolve("landing").toString();
    String warehouse = work.resolve("warehouse").toString();
    TuopinConfig.Paths paths = new TuopinConfig.Paths(warehouse, landing, work.resolve("reports").toString(), base.paths().reference());
    TuopinConfig config =
        new TuopinConfig(base.environment(), base.spark(), paths, base.privacy(), base.ingest(), base.generator(), base.conform(), base.curated(), base.cooperation());
    int years = config.generator().lastYear() - config.generator().firstYear() + 1;
    long households = Math.max(1, Math.round(persons / (3.2 * years)));
    PrintWriter out = spec.commandLine().getOut();
    return withSpark(config, ctx -> {
      List<Step> steps = new ArrayList<>();
      boolean haveLanding = Files.exists(work.resolve("landing").resolve("_generator"));
      if (regenerate || !haveLanding) {
        var gen = StageMeter.measure(() -> new GenerateJob(ctx, new GenerateJob.Request(
            landing, List.of(), households, config.generator().seed(), config.generator().firstYear(), config.generator().lastYear(), 0.0)).execute());
        steps.add(new Step("generate", gen.seconds(), 0, gen.result().memberRows(), gen.result().memberRows() / gen.seconds(), gen.peakHeapMiB(), gen.peakLiveHeapMiB(), "OK"));
      }
      deleteTree(work.resolve("warehouse"));
      removeChangesBatches(work.resolve("landing"));
      byte[] key = PseudonymKey.resolve(config);
      JobContext fresh = JobContext.create(ctx.spark(), config);
      var ref = StageMeter.measure(() -> new ReferenceJob(fresh).execute());
      steps.add(step(ref, ref.result(), 0));
      var ingest = StageMeter.measure(() -> new IngestJob(fresh, new IngestJob.Options(null, true), key).execute());
      long personRows = memberRows(fresh.spark(), fresh);
      steps.add(step(ingest, ingest.result().stage(), personRows));
      var conform = StageMeter.measure(() -> new ConformJob(fresh, false).execute());
      steps.add(step(conform, conform.result(), personRows));
      var cooperation = StageMeter.measure(() -> new CooperationConformJob(fresh).execute());
      steps.add(step(cooperation, cooperation.result(), 0));
      var survey = StageMeter.measure(() -> new SurveyConformJob(fresh).execute());
      steps.add(step(survey, survey.result(), 0));
      var aggregate = StageMeter.measure(() -> new AggregateJob(fresh, null, true).execute());
      steps.add(step(aggregate, aggregate.result(), personRows));
      var assess = StageMeter.measure(() -> new AssessJob(fresh, null, null).execute());
      steps.add(step(assess, assess.result(), 0));
      int lastYear = config.generator().lastYear();
      var yearEnd = StageMeter.measure(() -> new YearEndJob(fresh, new YearEndJob.Options(lastYear, false, null, "bench")).execute());
      steps.add(step(yearEnd, yearEnd.result().stage(), 0));
      var duck = StageMeter.measure(() -> new DuckDbCheck(fresh, work.toString()).execute());
      double ingestConform = ingest.seconds() + conform.seconds();
      // What `tuopin nightly --full` runs after the reference stage.
      double fullNight = ingest.seconds() + conform.seconds() + cooperation.seconds() + survey.seconds() + aggregate.seconds() + assess.seconds();

      // The incremental night: a CHANGES batch for a share of two provinces' last-year households.
      var changes = StageMeter.measure(() -> new ChangesJob(fresh, new ChangesJob.Request(
          landing, changeProvinces, lastYear, changeShare, config.generator().seed(), 2, 37)).execute());
      long changedHouseholds = changes.result().stream().mapToLong(ChangesJob.Written::households).sum();
      var ingest2 = StageMeter.measure(() -> new IngestJob(fresh, new IngestJob.Options(null, false), key).execute());
      var conform2 = StageMeter.measure(() -> new ConformJob(fresh, false).execute());
      var cooperation2 = StageMeter.measure(() -> new CooperationConformJob(fresh).execute());
      var survey2 = StageMeter.measure(() -> new SurveyConformJob(fresh).execute());
      var aggregate2 = StageMeter.measure(() -> new AggregateJob(fresh, null, false).execute());
      var assess2 = StageMeter.measure(() -> new AssessJob(fresh, null, null, true).execute());
      List<Step> night = new ArrayList<>();
      night.add(step(ingest2, ingest2.result().stage(), 0));
      night.add(step(conform2, conform2.result(), 0));
      night.add(step(cooperation2, cooperation2.result(), 0));
      night.add(step(survey2, survey2.result(), 0));
      night.add(step(aggregate2, aggregate2.result(), 0));
      night.add(step(assess2, assess2.result(), 0));
      double incrementalNight =
          ingest2.seconds() + conform2.seconds() + cooperation2.seconds() + survey2.seconds() + aggregate2.seconds() + assess2.seconds();
      // The same curated tables rebuilt from scratch must be identical to the incremental ones.
      Map<String, Long> incrementalVersions = curatedVersions(fresh);
      var rebuild = StageMeter.measure(() -> new AggregateJob(fresh, null, true).execute());
      long differing = differingRows(fresh, incrementalVersions);

      Map<String, Object> report = new LinkedHashMap<>();
      report.put("persons_requested", persons);
      report.put("households_generated", households);
      report.put("member_records_loaded", personRows);
      report.put("cores", Runtime.getRuntime().availableProcessors());
      report.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
      report.put("steps", steps);
      report.put("ingest_plus_conform_seconds", ingestConform);
      report.put("ingest_plus_conform_persons_per_second", personRows / ingestConform);
      report.put("full_nightly_seconds", fullNight);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("export_seconds", duck.result().exportSeconds());
      d.put("duckdb_seconds", duck.result().duckSeconds());
      d.put("aggregate_to_duckdb_ratio", aggregate.seconds() / duck.result().duckSeconds());
      d.put("county_years_compared", duck.result().countyYears());
      d.put("mismatching_county_years", duck.result().mismatches());
      d.put("equal", duck.result().equal());
      report.put("duckdb_check", d);
      Map<String, Object> inc = new LinkedHashMap<>();
      inc.put("changed_provinces", changeProvinces);
      inc.put("changed_households", changedHouseholds);
      inc.put("steps", night);
      inc.put("incremental_night_seconds", incrementalNight);
      inc.put("share_of_full_nightly", incrementalNight / fullNight);
      inc.put("incremental_aggregate_seconds", aggregate2.seconds());
      inc.put("full_aggregate_rebuild_seconds", rebuild.seconds());
      inc.put("curated_rows_differing_from_rebuild", differing);
      report.put("incremental_night", inc);
      Path json = work.resolve("bench.json");
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
      out.printf(Locale.ROOT, "bench: %,d person records (%,d households generated) on %d cores, heap limit %,d MiB%n",
          personRows, households, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
      out.printf(Locale.ROOT, "%-20s %9s %12s %12s %10s %10s  %s%n", "stage", "seconds", "rows in", "persons/s", "heap MiB", "live MiB", "outcome");
      for (Step s : steps) {
        out.printf(Locale.ROOT, "%-20s %9.1f %,12d %,12.0f %,10.0f %,10.0f  %s%n",
            s.name(), s.seconds(), s.rowsIn(), s.personsPerSecond(), s.peakHeapMiB(), s.peakLiveHeapMiB(), s.outcome());
      }
      out.println("heap: the peak in use, garbage included; live: the peak left after a garbage collection");
      out.printf(Locale.ROOT, "ingest + conform: %.1f s, %,.0f persons/s%n", ingestConform, personRows / ingestConform);
      out.printf(Locale.ROOT, "DuckDB: export %.1f s, county figures %.2f s (aggregate / DuckDB = %.1fx); %,d county-years compared, %,d differ: %s%n",
          duck.result().exportSeconds(), duck.result().duckSeconds(), aggregate.seconds() / duck.result().duckSeconds(),
          duck.result().countyYears(), duck.result().mismatches(), duck.result().equal() ? "EQUAL" : "DIFFERENT");
      out.printf(Locale.ROOT, "full nightly (ingest + conform + conform-cooperation + conform-survey + aggregate + assess): %.1f s%n", fullNight);
      out.printf(Locale.ROOT, "incremental night (%,d households of %s changed): ingest %.1f s, conform %.1f s, conform-cooperation %.1f s,"
          + " conform-survey %.1f s, aggregate %.1f s, assess %.1f s = %.1f s, %.1f %% of the full nightly; a full aggregate rebuild took %.1f s;"
          + " %,d curated rows differ from it: %s%n",
          changedHouseholds, String.join(",", changeProvinces), ingest2.seconds(), conform2.seconds(), cooperation2.seconds(),
          survey2.seconds(), aggregate2.seconds(), assess2.seconds(), incrementalNight, 100 * incrementalNight / fullNight, rebuild.seconds(), differing, differing == 0 ? "EQUAL" : "DIFFERENT");
      out.println("written: " + json);
      out.flush();
      return duck.result().equal() && differing == 0 ? ExitStatus.OK : ExitStatus.FAILURE;
    });
  }

  private static Step step(StageMeter.Measured<?> m, StageResult r, long personRows) {
    return new Step(r.stage(), m.seconds(), r.rowsIn(), personRows, personRows == 0 ? 0 : personRows / m.seconds(), m.peakHeapMiB(), m.peakLiveHeapMiB(), r.outcome().name());
  }

  private static final List<Table> CURATED =
      List.of(
          Table.CURATED_INCIDENCE, Table.CURATED_EXITS, Table.CURATED_COUNTY_STATUS, Table.CURATED_VILLAGE_STATUS,
          Table.CURATED_EXIT_QUALITY, Table.CURATED_POVERTY_MEASURES);

  private static Map<String, Long> curatedVersions(JobContext ctx) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Table t : CURATED) {
      m.put(t.qualifiedName(), DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(t)));
    }
    return m;
  }

  /** Rows of the current curated tables not in the given versions, and the other way round. */
  private static long differingRows(JobContext ctx, Map<String, Long> versions) {
    long n = 0;
    for (Table t : CURATED) {
      var now = ctx.catalog().read(ctx.spark(), t);
      var then = ctx.spark().read().format("delta").option("versionAsOf", versions.get(t.qualifiedName())).load(ctx.catalog().path(t));
      n += now.exceptAll(then).count() + then.exceptAll(now).count();
    }
    return n;
  }

  /** CHANGES batches of an earlier bench run would otherwise be loaded with the FULL ones. */
  private static void removeChangesBatches(Path landing) throws java.io.IOException {
    if (!Files.isDirectory(landing)) {
      return;
    }
    try (var provinces = Files.list(landing)) {
      for (Path p : provinces.toList()) {
        if (!Files.isDirectory(p)) {
          continue;
        }
        try (var batches = Files.list(p)) {
          for (Path b : batches.toList()) {
            if (b.getFileName().toString().contains("-" + org.tuopin.common.schema.Manifest.KIND_CHANGES + "-")) {
              deleteTree(b);
            }
          }
        }
      }
    }
  }

  private static long memberRows(SparkSession spark, JobContext ctx) {
    return ctx.catalog().read(spark, org.tuopin.common.catalog.Table.BRONZE_MEMBERS).count();
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
