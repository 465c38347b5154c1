package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.CooperationSettings;
import org.tuopin.common.cooperation.CooperationAssessment;
import org.tuopin.common.cooperation.CooperationRoster;
import org.tuopin.common.cooperation.CooperationTables;
import org.tuopin.common.curated.CuratedWriter;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.reference.ReferenceData.Pairings;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;

/**
 * {@code tuopin assess}: the East-West cooperation assessment (docs/cooperation.md). Reads
 * ref.pairings, curated.incidence and curated.exits (the aggregate stage's output), silver.members
 * and silver.households (labour cooperation seen in the register) and the silver.cooperation_*
 * inputs; replaces the assessed years of curated.cooperation_indicators,
 * curated.cooperation_assessment and curated.cooperation_roster, each in one Delta transaction.
 *
 * <p>A year's assessment reads that year and the year before only, and the peers of a row are the
 * pairings of the same year, so years can be assessed apart. Incremental (the nightly): when the
 * rules, ref.pairings and the cooperation inputs are as the last successful assessment read them,
 * only the years from the first one the aggregate replaced since then are assessed again, and
 * none when the curated tables did not change; anything else assesses every year.
 */
public final class AssessJob {
  private static final Logger LOG = LoggerFactory.getLogger(AssessJob.class);
  public static final String STAGE = "assess";

  private final JobContext ctx;
  private final Integer year;
  private final String batchDate;
  private final boolean incremental;

  /**
   * @param year the reporting year to assess, or null for every year of curated.incidence
   * @param batchDate recorded in ops.runs; may be null
   */
  public AssessJob(JobContext ctx, Integer year, String batchDate) {
    this(ctx, year, batchDate, false);
  }

  /**
   * @param incremental assess only the years whose inputs changed since the last successful run
   *     (class comment); ignored when a year is given
   */
  public AssessJob(JobContext ctx, Integer year, String batchDate, boolean incremental) {
    this.ctx = ctx;
    this.year = year;
    this.batchDate = batchDate;
    this.incremental = incremental && year == null;
  }

  public StageResult execute() {
    Instant start = Instant.now();
    Catalog catalog = ctx.catalog();
    CooperationSettings settings = ctx.config().cooperation();
    ctx.describe("assess: read ref, curated and silver");
    Dataset<Row> pairings =
        checked(Table.REF_PAIRINGS, List.of(Pairings.HELPER_CODE, Pairings.HELPED_CODE, Pairings.HELPER_PROVINCE_CODE));
    Dataset<Row> incidence =
        checked(
            Table.CURATED_INCIDENCE,
            List.of(CuratedIncidence.LEVEL, CuratedIncidence.AREA_CODE, CuratedIncidence.REPORTING_YEAR,
                CuratedIncidence.POOR_PERSONS, CuratedIncidence.INCIDENCE_RATE));
    Dataset<Row> exits =
        checked(
            Table.CURATED_EXITS,
            List.of(CuratedExits.LEVEL, CuratedExits.AREA_CODE, CuratedExits.REPORTING_YEAR, CuratedExits.EXITED_PERSONS));
    Dataset<Row> members =
        checked(
            Table.SILVER_MEMBERS,
            List.of(SilverMembers.HOUSEHOLD_ID, SilverMembers.REPORTING_YEAR, SilverMembers.PROVINCE_CODE,
                SilverMembers.COUNTY_CODE, SilverMembers.WORKS_AWAY, SilverMembers.WORK_PROVINCE));
    Dataset<Row> households =
        checked(Table.SILVER_HOUSEHOLDS, List.of(SilverHouseholds.HOUSEHOLD_ID, SilverHouseholds.REPORTING_YEAR, SilverHouseholds.STATUS));
    Map<Cooperation.File, Dataset<Row>> inputs = new EnumMap<>(Cooperation.File.class);
    for (Cooperation.File f : Cooperation.File.values()) {
      if (catalog.exists(ctx.spark(), f.silver())) {
        inputs.put(f, checked(f.silver(), f.columns()));
      } else {
        LOG.warn("assess: {} does not exist (no cooperation file delivered yet); its indicators stay empty and score 0", f.silver());
        inputs.put(f, ctx.spark().createDataFrame(List.of(), f.silverSchema()));
      }
    }

    List<Table> inputTables = new ArrayList<>(List.of(Table.REF_PAIRINGS, Table.CURATED_INCIDENCE, Table.CURATED_EXITS));
    for (Cooperation.File f : Cooperation.File.values()) {
      inputTables.add(f.silver());
    }
    Map<String, Long> read = ReadVersions.now(ctx, inputTables, settings);
    Integer from = incremental ? changedFrom(read) : null;
    if (from != null && from == Integer.MAX_VALUE) {
      StageResult r =
          new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), 0, 0, 0, read,
              "nothing changed since the last assessment (curated, cooperation inputs, pairings and rules); tables kept");
      RunLog.append(ctx.spark(), catalog, ctx.runId(), batchDate, r);
      LOG.info("assess: {}", r.message());
      return r;
    }
    List<Integer> years = years(incidence, from);
    if (years.isEmpty()) {
      throw Errors.missingInput(
          "a reporting year in " + Table.CURATED_INCIDENCE.qualifiedName() + (year == null ? "" : " for " + year),
          "run 'tuopin aggregate' first (or assess a year the register holds)");
    }
    LOG.info("assess: reporting years {}", years);
    Dataset<Row> yearFrame =
        ctx.spark()
            .createDataFrame(
                years.stream().map(y -> RowFactory.create(y)).toList(),
                new StructType().add(CuratedCooperationAssessment.REPORTING_YEAR, DataTypes.IntegerType, false));

    ctx.describe("assess: indicators of " + years.size() + " year(s)");
    long t0 = System.nanoTime();
    Dataset<Row> scored =
        CooperationAssessment.score(
                CooperationAssessment.indicatorValues(
                    new CooperationAssessment.Inputs(
                        pairings, incidence, exits, inputs,
                        // Only the register's years being assessed (silver is partitioned by year).
                        members.where(col(SilverMembers.REPORTING_YEAR).isin(years.toArray())),
                        households.where(col(SilverHouseholds.REPORTING_YEAR).isin(years.toArray()))),
                    yearFrame),
                settings)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long indicatorRows = scored.count();
      LOG.info("assess: {} indicator values in {} ms", indicatorRows, ms(t0));
      Dataset<Row> assessment = CooperationAssessment.assess(scored, settings);
      Dataset<Row> roster =
          CooperationRoster.roster(ctx.spark(), settings.rosterOrder(), settings.rosterBaseYear(), years, pairings);

      String where =
          CuratedCooperationAssessment.REPORTING_YEAR + " IN ("
              + years.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
      Map<String, Long> versions = new LinkedHashMap<>(read);
      // Three tables, written at the same time: each commit is mostly driver work.
      List<CuratedWriter.Layout> layouts = List.of(CooperationTables.INDICATORS, CooperationTables.ASSESSMENT, CooperationTables.ROSTER);
      List<Dataset<Row>> contents = List.of(scored, assessment, roster);
      List<Callable<long[]>> writes = new ArrayList<>();
      for (int i = 0; i < layouts.size(); i++) {
        CuratedWriter.Layout layout = layouts.get(i);
        Dataset<Row> content = contents.get(i);
        writes.add(() -> write(layout, content, where));
      }
      List<long[]> written = Concurrently.run(writes, layouts.size(), "writing the assessment tables");
      for (int i = 0; i < layouts.size(); i++) {
        Table t = layouts.get(i).table();
        versions.put(t.qualifiedName(), written.get(i)[1]);
        catalog.register(ctx.spark(), t);
      }
      long rows = written.get(1)[0];
      String message = rows + " assessment rows (pairing x side) for " + years.size() + " year(s) " + years;
      StageResult r = new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), indicatorRows, rows, 0, versions, message);
      RunLog.append(ctx.spark(), catalog, ctx.runId(), batchDate, r);
      catalog.register(ctx.spark(), Table.OPS_RUNS);
      LOG.info("assess: {} in {} s", message, r.elapsed().toMillis() / 1000.0);
      return r;
    } finally {
      scored.unpersist();
    }
  }

  /**
   * For an incremental run: {@code Integer.MAX_VALUE} when nothing the assessment reads changed
   * since the last successful run; the first year to assess again when only the curated tables
   * changed (the earliest year any successful aggregate replaced since the curated version that run
   * read); null (every year) otherwise.
   */
  private Integer changedFrom(Map<String, Long> now) {
    Map<String, Long> last = ReadVersions.lastSuccessful(ctx, STAGE);
    for (CuratedWriter.Layout l : List.of(CooperationTables.INDICATORS, CooperationTables.ASSESSMENT, CooperationTables.ROSTER)) {
      if (!ctx.catalog().exists(ctx.spark(), l.table())) {
        return null;
      }
    }
    String incidenceKey = ReadVersions.key(Table.CURATED_INCIDENCE);
    String exitsKey = ReadVersions.key(Table.CURATED_EXITS);
    Map<String, Long> others = new LinkedHashMap<>(now);
    Map<String, Long> lastOthers = new LinkedHashMap<>(last);
    for (String k : List.of(incidenceKey, exitsKey)) {
      others.remove(k);
      lastOthers.remove(k);
    }
    if (last.isEmpty() || !others.equals(lastOthers) || !last.containsKey(incidenceKey)) {
      LOG.info("assess: every year (no earlier assessment, or its rules, ref.pairings or cooperation inputs changed)");
      return null;
    }
    if (now.get(incidenceKey).equals(last.get(incidenceKey)) && now.get(exitsKey).equals(last.get(exitsKey))) {
      return Integer.MAX_VALUE;
    }
    // The aggregate runs that wrote a curated.incidence the last assessment has not read.
    Row r =
        ctx.catalog().read(ctx.spark(), Table.OPS_RUNS)
            .where(col(RunLog.STAGE).equalTo(AggregateJob.STAGE).and(col(RunLog.OUTCOME).equalTo(ExitStatus.OK.name()))
                .and(col(RunLog.TABLE_VERSIONS).getItem(Table.CURATED_INCIDENCE.qualifiedName()).gt(last.get(incidenceKey))))
            .agg(
                min(col(RunLog.TABLE_VERSIONS).getItem(AggregateJob.REPLACED_FROM_KEY)),
                count(col(RunLog.TABLE_VERSIONS).getItem(AggregateJob.REPLACED_FROM_KEY)),
                count(lit(1)))
            .first();
    if (r.isNullAt(0) || r.getLong(1) != r.getLong(2)) {
      LOG.info("assess: every year (an aggregate since the last assessment did not record the years it replaced)");
      return null;
    }
    long from = r.getLong(0);
    LOG.info("assess: the curated tables changed from {} on since the last assessment", from == 0 ? "the first year" : from);
    return from == 0 ? null : (int) from;
  }

  /** The years to assess: the one asked for, or every year of curated.incidence from {@code from} on (one aggregate row). */
  private List<Integer> years(Dataset<Row> incidence, Integer from) {
    Dataset<Row> y = incidence.select(col(CuratedIncidence.REPORTING_YEAR));
    if (year != null) {
      y = y.where(col(CuratedIncidence.REPORTING_YEAR).equalTo(year));
    }
    if (from != null) {
      y = y.where(col(CuratedIncidence.REPORTING_YEAR).geq(from));
    }
    List<Integer> out = new ArrayList<>(y.agg(collect_set(col(CuratedIncidence.REPORTING_YEAR))).first().<Integer>getList(0));
    out.sort(Integer::compareTo);
    return out;
  }

  /** Replaces the assessed years of one table; returns its rows for those years and its Delta version. */
  private long[] write(CuratedWriter.Layout layout, Dataset<Row> rows, String replaceWhere) {
    Table t = layout.table();
    ctx.describe("assess: write " + t.qualifiedName());
    long t0 = System.nanoTime();
    CooperationTables.ensure(ctx.spark(), ctx.catalog(), layout);
    CuratedWriter.overwrite(ctx.spark(), ctx.catalog(), layout, rows, replaceWhere);
    // The commit says how many rows it wrote (the assessed years' rows): no second read of the table.
    DeltaTables.Commit c = DeltaTables.lastCommit(ctx, t);
    LOG.info("assess: {} {} rows for the assessed years (version {}) in {} ms", t.qualifiedName(), c.rowsWritten(), c.version(), ms(t0));
    return new long[] {c.rowsWritten(), c.version()};
  }

  /** Reads a table and verifies that it has the columns this stage reads. */
  private Dataset<Row> checked(Table t, List<String> columns) {
    if (!ctx.catalog().exists(ctx.spark(), t)) {
      throw Errors.missingInput("table " + t.qualifiedName() + " (" + ctx.catalog().path(t) + ")", "run the nightly (or reference, ingest, conform, aggregate) first");
    }
    Dataset<Row> df = ctx.catalog().read(ctx.spark(), t);
    StructType schema = df.schema();
    for (String c : columns) {
      if (schema.getFieldIndex(c).isEmpty()) {
        throw Errors.inputSchema(t.qualifiedName(), c, "rerun the stage that writes it with this version of tuopin");
      }
    }
    return df;
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
