package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.curated.Level;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.reference.ReferenceFingerprint;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.schema.CuratedExitQuality;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.CuratedPovertyMeasures;
import org.tuopin.common.schema.Releases;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.YearEndChanges;
import org.tuopin.common.schema.YearEndReleases;
import org.tuopin.common.schema.YearEndSummary;
import org.tuopin.common.yearend.ReleaseChanges;
import org.tuopin.common.yearend.RuleVersion;
import org.tuopin.common.yearend.YearEndFigures;
import org.tuopin.common.yearend.export.CsvExport;
import org.tuopin.common.yearend.export.HtmlExport;
import org.tuopin.common.yearend.export.ReleaseInfo;
import org.tuopin.common.yearend.export.ReportTable;
import org.tuopin.common.yearend.export.WorkbookExport;
import org.tuopin.common.yearend.export.YearEndReport;
import scala.collection.JavaConverters;

/**
 * {@code tuopin year-end --year Y}: the national office's release of a year (docs/year-end.md).
 *
 * <p>The first run for a year makes release {@code Y-r1}: it reads every input table at its
 * current Delta version (recorded), computes the summary, pins the figures in
 * curated.year_end_releases, replaces the year in curated.year_end_summary, records the release
 * in ops.releases (last: the release exists from that commit on) and writes the exports from the
 * pinned rows. Later runs re-export the latest release of the year from its pinned rows, whatever
 * happened to the curated tables since; {@code --revise} makes a new release and a per-county
 * report of what changed and why. {@code --release ID} re-exports a given release.
 */
public final class YearEndJob {
  private static final Logger LOG = LoggerFactory.getLogger(YearEndJob.class);
  public static final String STAGE = "year-end";
  public static final String WORKBOOK = "summary.xlsx";
  public static final String PAGE = "summary.html";

  /**
   * @param year the reporting year to release
   * @param revise make a new release even when the year has one
   * @param releaseId re-export this release instead (null for the latest)
   * @param note recorded with a new release and printed on the cover
   */
  public record Options(int year, boolean revise, String releaseId, String note) {}

  /**
   * What the run did.
   *
   * @param created whether a new release was made (false: an existing one was re-exported)
   * @param countiesChanged counties in the change report (null for a first release or a re-export)
   * @param files every export file written, the workbook and the page first
   */
  public record Result(
      String releaseId, boolean created, Long countiesChanged, String reportsDir, String workbook, String page,
      List<String> files, StageResult stage) {
    public Result {
      files = List.copyOf(files);
    }
  }

  private final JobContext ctx;
  private final Options options;

  public YearEndJob(JobContext ctx, Options options) {
    this.ctx = ctx;
    this.options = options;
  }

  public Result execute() {
    Instant start = Instant.now();
    int year = options.year();
    List<Row> releases = releasesOf(year);
    Row release;
    boolean created = false;
    Map<String, Long> versions = new LinkedHashMap<>();
    long pinnedRows = 0;
    if (options.releaseId() != null) {
      release = releases.stream().filter(r -> options.releaseId().equals(r.getAs(Releases.RELEASE_ID))).findFirst()
          .orElseThrow(() -> Errors.unknownRelease(options.releaseId(), year, known(releases)));
      LOG.info("year-end {}: re-exporting release {}", year, options.releaseId());
    } else if (!releases.isEmpty() && !options.revise()) {
      release = releases.get(releases.size() - 1);
      LOG.info("year-end {}: release {} exists; re-exporting its pinned figures (use --revise for a new release)", year, release.<String>getAs(Releases.RELEASE_ID));
    } else {
      Row previous = releases.isEmpty() ? null : releases.get(releases.size() - 1);
      release = newRelease(year, previous, versions);
      pinnedRows = release.<Long>getAs(Releases.PINNED_ROWS);
      created = true;
    }
    Result r = export(release, created, start, versions, pinnedRows);
    RunLog.append(ctx.spark(), ctx.catalog(), ctx.runId(), null, r.stage());
    ctx.catalog().register(ctx.spark(), Table.OPS_RUNS);
    return r;
  }

  /** Computes, pins and records a new release; returns its ops.releases row. */
  private Row newRelease(int year, Row previous, Map<String, Long> versions) {
    Catalog c = ctx.catalog();
    int revision = previous == null ? 1 : previous.<Integer>getAs(Releases.REVISION) + 1;
    String id = year + "-r" + revision;
    LOG.info("year-end {}: making release {}", year, id);
    ctx.describe("year-end " + year + ": read the curated tables at their current versions");
    YearEndFigures.Inputs in =
        new YearEndFigures.Inputs(
            pinnedRead(Table.CURATED_INCIDENCE, versions, CuratedIncidence.LEVEL, CuratedIncidence.POOR_PERSONS, CuratedIncidence.SUPPRESSED),
            pinnedRead(Table.CURATED_EXITS, versions, CuratedExits.EXITED_PERSONS, CuratedExits.RETURNED_PERSONS),
            pinnedRead(Table.CURATED_COUNTY_STATUS, versions, CuratedCountyStatus.ELIGIBLE, CuratedCountyStatus.FLAGS),
            pinnedRead(Table.CURATED_VILLAGE_STATUS, versions, CuratedCountyStatus.ELIGIBLE, CuratedCountyStatus.COUNTY_CODE),
            pinnedRead(Table.CURATED_EXIT_QUALITY, versions, CuratedExitQuality.COUNTY_CODE, CuratedExitQuality.PERSONS),
            pinnedRead(Table.CURATED_POVERTY_MEASURES, versions, CuratedPovertyMeasures.FGT0, CuratedPovertyMeasures.AF_M0),
            c.exists(ctx.spark(), Table.CURATED_COOPERATION_ASSESSMENT)
                ? pinnedRead(Table.CURATED_COOPERATION_ASSESSMENT, versions, CuratedCooperationAssessment.SIDE, CuratedCooperationAssessment.GRADE)
                : null,
            pinnedRead(Table.REF_DIVISIONS, versions, Divisions.CODE, Divisions.NAME, Divisions.REGION));
    if (in.cooperation() == null) {
      LOG.info("year-end {}: {} does not exist; cooperation figures are 'not assessed'", year, Table.CURATED_COOPERATION_ASSESSMENT);
    }
    requireYear(in.incidence(), year);
    Dataset<Row> households = pinnedRead(Table.SILVER_HOUSEHOLDS, versions, SilverHouseholds.COUNTY_CODE, SilverHouseholds.HOUSEHOLD_ID);
    Dataset<Row> members = pinnedRead(Table.SILVER_MEMBERS, versions, SilverMembers.PERSON_KEY, SilverMembers.HOUSEHOLD_ID);

    ctx.describe("year-end " + year + ": summary and county fingerprints of release " + id);
    long t0 = System.nanoTime();
    Dataset<Row> pinned =
        YearEndFigures.pinned(YearEndFigures.rows(in, year), YearEndFigures.fingerprints(households, members, year), id, year);
    writeReplacing(Table.CURATED_YEAR_END_RELEASES, pinned, YearEndReleases.RELEASE_ID + " = '" + id + "'", YearEndReleases.PARTITION_BY);
    Dataset<Row> stored = pinnedRows(id);
    long rows = stored.count();
    LOG.info("year-end {}: {} rows pinned in {} as release {} ({} ms)", year, rows, Table.CURATED_YEAR_END_RELEASES, id, ms(t0));

    String ruleText = RuleVersion.text(ctx.config(), referenceFingerprint());
    String ruleVersion = RuleVersion.hash(ruleText);
    Long changed = null;
    String previousId = previous == null ? null : previous.getAs(Releases.RELEASE_ID);
    if (previous != null) {
      ctx.describe("year-end " + year + ": what changed since " + previousId);
      boolean rulesChanged = !ruleVersion.equals(previous.getAs(Releases.RULE_VERSION));
      Dataset<Row> changes = ReleaseChanges.compare(pinnedRows(previousId), stored, previousId, id, year, rulesChanged);
      writeReplacing(Table.CURATED_YEAR_END_CHANGES, changes, YearEndChanges.RELEASE_ID + " = '" + id + "'", List.of());
      changed = ctx.catalog().read(ctx.spark(), Table.CURATED_YEAR_END_CHANGES).filter(col(YearEndChanges.RELEASE_ID).equalTo(id)).count();
      LOG.info("year-end {}: {} counties changed since {} (rules {})", year, changed, previousId, rulesChanged ? "changed" : "unchanged");
    }

    ctx.describe("year-end " + year + ": replace the year in " + Table.CURATED_YEAR_END_SUMMARY);
    writeReplacing(
        Table.CURATED_YEAR_END_SUMMARY, YearEndFigures.summaryOfYear(stored, year), YearEndSummary.REPORTING_YEAR + " = " + year,
        YearEndSummary.PARTITION_BY);

    Row row =
        RowFactory.create(
            id, year, revision, previousId, Timestamp.from(Instant.now()), ctx.runId(),
            JavaConverters.mapAsScalaMapConverter(versions).asScala(), CodeVersion.current(), ruleVersion, ruleText, rows, changed,
            options.note() != null ? options.note() : revision == 1 ? "first release of " + year : "revision of " + previousId);
    // The commit point: a release exists once this row does.
    ctx.spark().createDataFrame(List.of(row), Releases.SCHEMA).coalesce(1).write().format("delta").mode("append")
        .save(ctx.catalog().path(Table.OPS_RELEASES));
    for (Table t : List.of(Table.OPS_RELEASES, Table.CURATED_YEAR_END_RELEASES, Table.CURATED_YEAR_END_SUMMARY, Table.CURATED_YEAR_END_CHANGES)) {
      ctx.catalog().register(ctx.spark(), t);
    }
    return releasesOf(year).stream().filter(r -> id.equals(r.getAs(Releases.RELEASE_ID))).findFirst().orElseThrow();
  }

  /** Writes the exports of a release from its pinned rows only. */
  private Result export(Row release, boolean created, Instant start, Map<String, Long> readVersions, long pinnedRows) {
    String id = release.getAs(Releases.RELEASE_ID);
    int year = release.getAs(Releases.REPORTING_YEAR);
    ctx.describe("year-end " + year + ": exports of release " + id);
    long t0 = System.nanoTime();
    Dataset<Row> pinned = pinnedRows(id);
    List<String> top = List.of(Level.NATION.name(), Level.REGION.name(), Level.PROVINCE.name());
    // The exports are small aggregates: the release's NATION/REGION/PROVINCE rows of the year (a few
    // dozen), the NATION/REGION series (a few per year) and the changed counties. Bringing them to
    // the driver to write a workbook is the one place where rows are collected; no household or
    // member row is ever read here.
    List<Row> yearRows =
        pinned.filter(col(YearEndSummary.LEVEL).isin(top.toArray()).and(col(YearEndSummary.REPORTING_YEAR).equalTo(year))).collectAsList();
    List<Row> series =
        pinned.filter(col(YearEndSummary.LEVEL).isin(Level.NATION.name(), Level.REGION.name())).collectAsList();
    List<Row> changes =
        ctx.catalog().exists(ctx.spark(), Table.CURATED_YEAR_END_CHANGES)
            ? ctx.catalog().read(ctx.spark(), Table.CURATED_YEAR_END_CHANGES).filter(col(YearEndChanges.RELEASE_ID).equalTo(id)).collectAsList()
            : List.of();
    Map<String, Long> tableVersions = JavaConverters.mapAsJavaMapConverter(release.<scala.collection.Map<String, Long>>getAs(Releases.TABLE_VERSIONS)).asJava();
    ReleaseInfo info =
        new ReleaseInfo(
            id, year, release.getAs(Releases.REVISION), release.getAs(Releases.PREVIOUS_RELEASE_ID),
            release.<Timestamp>getAs(Releases.RELEASED_AT).toInstant(), release.getAs(Releases.CODE_VERSION),
            release.getAs(Releases.RULE_VERSION), release.getAs(Releases.NOTE), tableVersions);
    YearEndReport report = YearEndReport.of(info, yearRows, series, changes, ctx.config().privacy().smallCellThreshold());

    String dir = JobContext.qualified(ctx.spark(), ctx.config().paths().reports() + "/" + year);
    List<String> files = new ArrayList<>();
    // A private FileSystem instance: the exports are for people, so no hidden .crc file beside each of
    // them on a local disk, without switching checksums off for the session's shared instance.
    try (FileSystem fs = FileSystem.newInstance(new Path(dir).toUri(), ctx.spark().sparkContext().hadoopConfiguration())) {
      fs.setWriteChecksum(false);
      fs.mkdirs(new Path(dir));
      Path workbook = new Path(dir, WORKBOOK);
      try (OutputStream out = fs.create(workbook, true)) {
        WorkbookExport.write(report, out);
      }
      files.add(workbook.toString());
      Path page = new Path(dir, PAGE);
      try (Writer w = new OutputStreamWriter(fs.create(page, true), StandardCharsets.UTF_8)) {
        HtmlExport.write(report, w);
      }
      files.add(page.toString());
      for (ReportTable t : report.tables()) {
        Path csv = new Path(dir, t.file());
        try (Writer w = new OutputStreamWriter(fs.create(csv, true), StandardCharsets.UTF_8)) {
          CsvExport.write(t, w);
        }
        files.add(csv.toString());
      }
    } catch (IOException e) {
      throw Errors.failure("writing the year-end exports to " + dir, e);
    }
    LOG.info("year-end {}: release {} exported to {} ({} files, {} ms)", year, id, dir, files.size(), ms(t0));
    Long changed = created ? release.getAs(Releases.COUNTIES_CHANGED) : null;
    StageResult stage =
        new StageResult(
            STAGE, ExitStatus.OK, start, Instant.now(), yearRows.size() + series.size(), created ? pinnedRows : 0, 0,
            created ? readVersions : Map.of(),
            (created ? "release " + id + " made" : "release " + id + " re-exported") + " to " + dir);
    return new Result(id, created, changed, dir, files.get(0), files.get(1), files, stage);
  }

  /** The releases of a year in revision order (a handful of ops rows). */
  private List<Row> releasesOf(int year) {
    if (!ctx.catalog().exists(ctx.spark(), Table.OPS_RELEASES)) {
      return List.of();
    }
    return ctx.catalog().read(ctx.spark(), Table.OPS_RELEASES)
        .filter(col(Releases.REPORTING_YEAR).equalTo(year))
        .orderBy(col(Releases.REVISION))
        .collectAsList();
  }

  private Dataset<Row> pinnedRows(String releaseId) {
    return ctx.catalog().read(ctx.spark(), Table.CURATED_YEAR_END_RELEASES).filter(col(YearEndReleases.RELEASE_ID).equalTo(releaseId));
  }

  /** Reads a table at its current version, records the version, and checks the columns this job reads. */
  private Dataset<Row> pinnedRead(Table t, Map<String, Long> versions, String... columns) {
    Catalog c = ctx.catalog();
    if (!c.exists(ctx.spark(), t)) {
      throw Errors.missingInput("table " + t.qualifiedName() + " (" + c.path(t) + ")", "run the nightly (or aggregate) before the year-end");
    }
    long v = DeltaTables.latestVersion(ctx.spark(), c.path(t));
    versions.put(t.qualifiedName(), v);
    Dataset<Row> df = ctx.spark().read().format("delta").option("versionAsOf", v).load(c.path(t));
    StructType schema = df.schema();
    for (String col : columns) {
      if (schema.getFieldIndex(col).isEmpty()) {
        throw Errors.inputSchema(t.qualifiedName(), col, "rerun the stage that writes it with this version of tuopin");
      }
    }
    return df;
  }

  private void requireYear(Dataset<Row> incidence, int year) {
    Dataset<Row> years =
        incidence.filter(col(CuratedIncidence.LEVEL).equalTo(Level.NATION.name())).select(col(CuratedIncidence.REPORTING_YEAR)).distinct();
    if (years.filter(col(CuratedIncidence.REPORTING_YEAR).equalTo(year)).isEmpty()) {
      // A handful of distinct years.
      TreeSet<Integer> have = new TreeSet<>(years.as(Encoders.INT()).collectAsList());
      throw Errors.noFiguresForYear(year, have.isEmpty() ? "none" : have.first() + "–" + have.last());
    }
  }

  private String referenceFingerprint() {
    if (!ctx.catalog().exists(ctx.spark(), Table.REF_PROVINCES)) {
      return null;
    }
    return ctx.catalog().properties(ctx.spark(), Table.REF_PROVINCES).get(ReferenceFingerprint.PROPERTY);
  }

  /**
   * Writes rows replacing exactly those matching {@code where} in one Delta commit, so that a
   * re-run after a killed run replaces its leftovers instead of duplicating them.
   */
  private void writeReplacing(Table t, Dataset<Row> rows, String where, List<String> partitionBy) {
    String path = ctx.catalog().path(t);
    var w = rows.coalesce(1).write().format("delta");
    if (!ctx.catalog().exists(ctx.spark(), t)) {
      w.mode("append").partitionBy(partitionBy.toArray(new String[0])).save(path);
    } else {
      w.mode("overwrite").option("replaceWhere", where).save(path);
    }
  }

  private static String known(List<Row> releases) {
    List<String> ids = new ArrayList<>();
    releases.forEach(r -> ids.add(r.getAs(Releases.RELEASE_ID)));
    return ids.isEmpty() ? "(none)" : String.join(", ", ids);
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static {
    // The exports draw charts; AWT must never try to open a display on a server.
    System.setProperty("java.awt.headless", "true");
  }
}
