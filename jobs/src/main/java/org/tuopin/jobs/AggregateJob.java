package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.curated.CuratedParams;
import org.tuopin.common.curated.CuratedStatistics;
import org.tuopin.common.curated.CuratedWriter;
import org.tuopin.common.curated.IncrementalScope;
import org.tuopin.common.curated.Reconciliation;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.error.TuopinException;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.reference.ReferenceData.PoorCounties;
import org.tuopin.common.reference.ReferenceData.PovertyLines;
import org.tuopin.common.reference.ReferenceData.Thresholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.SilverPopulation;
import org.tuopin.common.schema.SilverSurvey;

/**
 * {@code tuopin aggregate}: silver and ref in, the six curated tables out, reconciled first.
 *
 * <p>Order of work: the household facts (the one pass over members) are written to
 * curated.household_facts, the all-level totals (small) are derived from that table and cached,
 * every curated table is derived from them, the reconciliation is written to ops.quality_metrics,
 * and only when no FAIL rule broke are the curated tables replaced, each in one Delta transaction.
 * A failed run therefore leaves the curated tables as they were.
 *
 * <p>Incremental by default (docs/statistics.md, "Incremental nights"): the silver and ref versions
 * and the rule fingerprint this stage read are recorded in its ops.runs row ({@link ReadVersions}
 * keys of table_versions). The next run reads silver's change data feed since those versions,
 * recomputes the household facts of the changed province-years only ({@link IncrementalScope}),
 * derives the totals of every level from the stored facts, and replaces the curated rows from the
 * first changed year on. Anything it cannot follow (no earlier run, ref or rules changed, a table
 * without its change feed, history vacuumed) makes it rebuild everything, and it says why.
 */
public final class AggregateJob {
  private static final Logger LOG = LoggerFactory.getLogger(AggregateJob.class);
  public static final String STAGE = "aggregate";
  private static final String READ_PREFIX = ReadVersions.PREFIX;
  private static final String RULES_KEY = ReadVersions.RULES_KEY;
  /**
   * The table_versions key of the first reporting year whose curated rows a successful run replaced
   * (0: every year, a rebuild). The assessment reads it to redo only the years that changed.
   */
  public static final String REPLACED_FROM_KEY = "replaced:from_year";

  private static final List<Table> SILVER_INPUTS =
      List.of(Table.SILVER_HOUSEHOLDS, Table.SILVER_MEMBERS, Table.SILVER_POPULATION, Table.SILVER_SURVEY);
  private static final List<Table> REF_INPUTS =
      List.of(Table.REF_DIVISIONS, Table.REF_POVERTY_LINES, Table.REF_THRESHOLDS, Table.REF_POOR_COUNTIES);

  private final JobContext ctx;
  private final String batchDate;
  private final boolean full;

  /** An incremental run (a full one when there is nothing to be incremental from). */
  public AggregateJob(JobContext ctx, String batchDate) {
    this(ctx, batchDate, false);
  }

  /**
   * @param batchDate recorded in ops.runs; may be null
   * @param full rebuild every curated table from all of silver
   */
  public AggregateJob(JobContext ctx, String batchDate, boolean full) {
    this.ctx = ctx;
    this.batchDate = batchDate;
    this.full = full;
  }

  /**
   * What this run recomputes.
   *
   * @param facts household-fact slices to recompute (ignored when rebuilding)
   * @param population province-years whose silver.population changed (ignored when rebuilding)
   * @param fromYear curated rows from this year on are replaced (null: nothing changed)
   * @param why the reason for a full rebuild, or the summary of the changes
   * @param changedRows the silver change-feed rows behind the plan (a rebuild: Long.MAX_VALUE)
   */
  record Plan(
      boolean rebuild, Set<IncrementalScope.Slice> facts, Set<IncrementalScope.Slice> population, Integer fromYear, String why,
      long changedRows) {
    static Plan rebuild(String why) {
      return new Plan(true, Set.of(), Set.of(), null, why, Long.MAX_VALUE);
    }

    /** The village-base slices to recompute: those of the changed facts and of the changed population. */
    Set<IncrementalScope.Slice> villageSlices() {
      Set<IncrementalScope.Slice> s = new java.util.TreeSet<>(facts);
      s.addAll(population);
      return s;
    }

    boolean nothingChanged() {
      return !rebuild && fromYear == null;
    }
  }

  public StageResult execute() {
    Instant start = Instant.now();
    Catalog catalog = ctx.catalog();
    CuratedParams params = CuratedParams.from(ctx.config());
    ctx.describe("aggregate: read silver and ref");
    CuratedStatistics.Inputs in = readInputs();
    Map<String, Long> read = readVersions();
    Plan plan = full ? Plan.rebuild("a full rebuild was asked for") : plan(read);
    LOG.info("aggregate: {}: {}", plan.rebuild() ? "full rebuild" : "incremental", plan.why());
    if (plan.nothingChanged()) {
      StageResult result =
          new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), 0, 0, 0, read, "curated tables kept: " + plan.why());
      RunLog.append(ctx.spark(), catalog, ctx.runId(), batchDate, result);
      catalog.register(ctx.spark(), Table.OPS_RUNS);
      return result;
    }

    Dataset<Row> villageBase = null;
    Dataset<Row> totals = null;
    Dataset<Row> masked = null;
    Dataset<Row> metrics = null;
    // Frames materialised along the way, released at the end (with the four above).
    List<Dataset<Row>> materialised = new ArrayList<>();
    // An incremental night's few changed rows: the small-work settings (a rebuild never has them).
    try (SmallWork small = SmallWork.apply(ctx, STAGE, plan.changedRows())) {
      long t0 = System.nanoTime();
      long households = writeFacts(in, params, plan);
      Dataset<Row> facts = catalog.read(ctx.spark(), Table.CURATED_HOUSEHOLD_FACTS);
      LOG.info("aggregate: {} household-years recomputed in {} ms", households, ms(t0));

      t0 = System.nanoTime();
      long villages = writeVillageBase(facts, in, plan);
      LOG.info("aggregate: {} village-years recomputed in {} ms", villages, ms(t0));

      ctx.describe("aggregate: area totals (roll-up of the village base)");
      t0 = System.nanoTime();
      // The village base is read once (a few thousand rows a year, in one file per province-year):
      // every level of the roll-up reads it, and would otherwise scan its files again.
      villageBase = CuratedStatistics.materialise(catalog.read(ctx.spark(), Table.CURATED_VILLAGE_BASE));
      totals = CuratedStatistics.materialise(CuratedStatistics.totalsFromBase(villageBase, in));
      long areas = totals.count();
      LOG.info("aggregate: {} area-years over all levels in {} ms", areas, ms(t0));

      ctx.describe("aggregate: suppression");
      masked = CuratedStatistics.materialise(CuratedStatistics.masked(totals, params));
      CuratedStatistics.Result r = CuratedStatistics.derive(facts, totals, masked, in, params);

      ctx.describe("aggregate: reconcile");
      t0 = System.nanoTime();
      // The three reconciled tables are computed once: the reconciliation reads each of them several
      // times, and the writes below read them again.
      Dataset<Row> incidence = CuratedStatistics.materialise(r.incidence());
      Dataset<Row> exits = CuratedStatistics.materialise(r.exits());
      Dataset<Row> countyStatus = CuratedStatistics.materialise(r.countyStatus());
      materialised.addAll(List.of(incidence, exits, countyStatus));
      metrics =
          Reconciliation.check(
                  incidence, exits, countyStatus, ctx.config().curated().severities(), ctx.runId(), STAGE,
                  Timestamp.from(Instant.now()))
              .persist(StorageLevel.MEMORY_AND_DISK());
      metrics.coalesce(1).write().format("delta").mode("append").save(catalog.path(Table.OPS_QUALITY_METRICS));
      Optional<Reconciliation.Failure> failure = Reconciliation.firstFailure(metrics);
      LOG.info("aggregate: reconciliation written to {} in {} ms", Table.OPS_QUALITY_METRICS, ms(t0));
      if (failure.isPresent()) {
        Reconciliation.Failure f = failure.get();
        TuopinException e = Errors.reconciliationFailed(f.ruleId(), f.table(), f.rowsFailed(), f.rowsChecked(), f.configKey());
        RunLog.append(
            ctx.spark(), catalog, ctx.runId(), batchDate,
            new StageResult(STAGE, ExitStatus.FAILURE, start, Instant.now(), households, 0, 0, Map.of(), e.getMessage()));
        throw e;
      }

      Map<String, Long> versions = new LinkedHashMap<>();
      Integer from = plan.rebuild() ? null : plan.fromYear();
      long rowsOut = 0;
      Map<CuratedWriter.Layout, Dataset<Row>> outputs = new LinkedHashMap<>();
      outputs.put(CuratedWriter.INCIDENCE, incidence);
      outputs.put(CuratedWriter.EXITS, exits);
      outputs.put(CuratedWriter.COUNTY_STATUS, countyStatus);
      outputs.put(CuratedWriter.VILLAGE_STATUS, r.villageStatus());
      outputs.put(CuratedWriter.EXIT_QUALITY, r.exitQuality());
      outputs.put(CuratedWriter.POVERTY_MEASURES, r.povertyMeasures());
      rowsOut += writeAll(outputs, from, versions);
      for (Table t : List.of(Table.CURATED_HOUSEHOLD_FACTS, Table.CURATED_VILLAGE_BASE)) {
        versions.put(t.qualifiedName(), DeltaTables.latestVersion(ctx.spark(), catalog.path(t)));
      }
      versions.putAll(read);
      versions.put(REPLACED_FROM_KEY, from == null ? 0L : from.longValue());
      for (Table t : List.of(Table.OPS_QUALITY_METRICS, Table.OPS_RUNS, Table.CURATED_HOUSEHOLD_FACTS, Table.CURATED_VILLAGE_BASE)) {
        catalog.register(ctx.spark(), t);
      }
      String what =
          plan.rebuild()
              ? "curated tables rebuilt from " + households + " household-years"
              : "curated rows from " + from + " on replaced; household facts recomputed for " + plan.facts().size()
                  + " province-years (" + households + " household-years): " + plan.why();
      StageResult result = new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), households, rowsOut, 0, versions, what);
      RunLog.append(ctx.spark(), catalog, ctx.runId(), batchDate, result);
      catalog.register(ctx.spark(), Table.OPS_RUNS);
      return result;
    } finally {
      materialised.addAll(java.util.Arrays.asList(metrics, masked, totals, villageBase));
      for (Dataset<Row> d : materialised) {
        if (d != null) {
          d.unpersist();
        }
      }
    }
  }

  /** Writes the household facts (all, or the plan's slices); returns the household-years written. */
  private long writeFacts(CuratedStatistics.Inputs in, CuratedParams params, Plan plan) {
    Catalog catalog = ctx.catalog();
    if (plan.rebuild() || plan.facts().isEmpty()) {
      if (plan.rebuild()) {
        ctx.describe("aggregate: household facts (members counted per household), all province-years");
        CuratedWriter.overwrite(ctx.spark(), catalog, CuratedWriter.HOUSEHOLD_FACTS, CuratedStatistics.facts(in, params), null);
        return DeltaTables.lastCommit(ctx, Table.CURATED_HOUSEHOLD_FACTS).rowsWritten();
      }
      return 0;
    }
    Set<IncrementalScope.Slice> slices = plan.facts();
    ctx.describe("aggregate: household facts of " + slices.size() + " changed province-years");
    CuratedStatistics.Inputs narrowed =
        in.withPersonLevel(
            in.households().where(IncrementalScope.in(IncrementalScope.householdInputs(slices))),
            in.members().where(IncrementalScope.in(slices)));
    Column inSlices = IncrementalScope.in(slices);
    CuratedWriter.overwrite(
        ctx.spark(), catalog, CuratedWriter.HOUSEHOLD_FACTS, CuratedStatistics.facts(narrowed, params).where(inSlices),
        inSlices.expr().sql());
    return DeltaTables.lastCommit(ctx, Table.CURATED_HOUSEHOLD_FACTS).rowsWritten();
  }

  /**
   * Writes the village-year base (all of it, or the plan's village slices) from the household facts
   * and silver.population; returns the village-years written. The roll-up then reads the whole
   * table: the unchanged province-years as stored, which is what a rebuild would compute again.
   */
  private long writeVillageBase(Dataset<Row> facts, CuratedStatistics.Inputs in, Plan plan) {
    Catalog catalog = ctx.catalog();
    if (plan.rebuild()) {
      ctx.describe("aggregate: village base, all province-years");
      CuratedWriter.overwrite(ctx.spark(), catalog, CuratedWriter.VILLAGE_BASE, CuratedStatistics.villageBase(facts, in), null);
      return DeltaTables.lastCommit(ctx, Table.CURATED_VILLAGE_BASE).rowsWritten();
    }
    Set<IncrementalScope.Slice> slices = plan.villageSlices();
    if (slices.isEmpty()) {
      return 0;
    }
    ctx.describe("aggregate: village base of " + slices.size() + " changed province-years");
    Column inSlices = IncrementalScope.in(slices);
    CuratedWriter.overwrite(
        ctx.spark(), catalog, CuratedWriter.VILLAGE_BASE,
        CuratedStatistics.villageBase(facts.where(inSlices), in.withPopulation(in.population().where(inSlices))),
        inSlices.expr().sql());
    return DeltaTables.lastCommit(ctx, Table.CURATED_VILLAGE_BASE).rowsWritten();
  }

  /** The versions of every input table as it is now, and the rule fingerprint (code, curated settings, small cells). */
  private Map<String, Long> readVersions() {
    List<Table> inputs = new ArrayList<>(SILVER_INPUTS);
    inputs.addAll(REF_INPUTS);
    return ReadVersions.now(ctx, inputs, ctx.config().curated(), ctx.config().privacy().smallCellThreshold());
  }

  /** Decides between nothing, the changed province-years, and a full rebuild. */
  private Plan plan(Map<String, Long> now) {
    Catalog catalog = ctx.catalog();
    if (!catalog.exists(ctx.spark(), Table.CURATED_HOUSEHOLD_FACTS)
        || !catalog.exists(ctx.spark(), Table.CURATED_VILLAGE_BASE)
        || !catalog.exists(ctx.spark(), Table.CURATED_INCIDENCE)) {
      return Plan.rebuild("no household facts, village base or curated tables yet");
    }
    Map<String, Long> before = lastSuccessfulRead();
    if (before.isEmpty()) {
      return Plan.rebuild("no earlier successful aggregate recorded what it read");
    }
    if (!before.get(RULES_KEY).equals(now.get(RULES_KEY))) {
      return Plan.rebuild("the code version or the curated configuration changed");
    }
    for (Table t : REF_INPUTS) {
      String k = READ_PREFIX + t.qualifiedName();
      if (!now.get(k).equals(before.get(k))) {
        return Plan.rebuild(t.qualifiedName() + " changed (version " + before.get(k) + " -> " + now.get(k) + ")");
      }
    }
    Map<Table, Set<IncrementalScope.Slice>> changed = new LinkedHashMap<>();
    long changedRows = 0;
    for (Table t : SILVER_INPUTS) {
      String k = READ_PREFIX + t.qualifiedName();
      Long was = before.get(k);
      Long is = now.get(k);
      if (java.util.Objects.equals(was, is)) {
        changed.put(t, Set.of());
        continue;
      }
      if (was == null || is == null || is < was || t == Table.SILVER_SURVEY) {
        return Plan.rebuild(t.qualifiedName() + " changed in a way the change feed does not follow (version " + was + " -> " + is + ")");
      }
      Optional<IncrementalScope.Changes> changes = changedSlices(t, was + 1, is);
      if (changes.isEmpty()) {
        return Plan.rebuild("the change data feed of " + t.qualifiedName() + " from version " + (was + 1) + " is not available");
      }
      changed.put(t, changes.get().slices());
      changedRows += changes.get().rows();
    }
    Integer lastYear = ctx.catalog().read(ctx.spark(), Table.CURATED_INCIDENCE)
        .agg(org.apache.spark.sql.functions.max(col(org.tuopin.common.schema.CuratedIncidence.REPORTING_YEAR))).first().getInt(0);
    Set<IncrementalScope.Slice> hh = changed.get(Table.SILVER_HOUSEHOLDS);
    Set<IncrementalScope.Slice> members = changed.get(Table.SILVER_MEMBERS);
    Set<IncrementalScope.Slice> population = changed.get(Table.SILVER_POPULATION);
    int last = Math.max(lastYear, IncrementalScope.firstYear(List.of(hh, members)) == null ? lastYear : maxYear(hh, members));
    Set<IncrementalScope.Slice> facts = IncrementalScope.factSlices(hh, members, last);
    Integer from = IncrementalScope.firstYear(List.of(facts, population));
    String why =
        from == null
            ? "silver unchanged since the last successful aggregate"
            : String.format(
                java.util.Locale.ROOT, "changed province-years: households %s, members %s, population %s",
                hh, members, population);
    return new Plan(false, facts, population, from, why, changedRows);
  }

  private static int maxYear(Set<IncrementalScope.Slice> a, Set<IncrementalScope.Slice> b) {
    int m = Integer.MIN_VALUE;
    for (Set<IncrementalScope.Slice> s : List.of(a, b)) {
      for (IncrementalScope.Slice x : s) {
        m = Math.max(m, x.year());
      }
    }
    return m;
  }

  /** The province-years and rows of a silver table's change feed between two versions; empty when it cannot be read. */
  private Optional<IncrementalScope.Changes> changedSlices(Table t, long fromVersion, long toVersion) {
    String path = ctx.catalog().path(t);
    try {
      Dataset<Row> changes =
          ctx.spark().read().format("delta")
              .option("readChangeFeed", "true")
              .option("startingVersion", fromVersion)
              .option("endingVersion", toVersion)
              .load(path);
      ctx.describe("aggregate: changes of " + t.qualifiedName() + " since version " + fromVersion);
      IncrementalScope.Changes c = IncrementalScope.changesOf(changes);
      LOG.info(
          "aggregate: {} versions {}..{} changed {} province-years ({} change-feed rows)",
          t.qualifiedName(), fromVersion, toVersion, c.slices().size(), c.rows());
      return Optional.of(c);
    } catch (Exception e) {
      // No change feed on the table, or its history was vacuumed: say so and rebuild.
      LOG.warn("aggregate: cannot read the change feed of {} from version {}: {}", t.qualifiedName(), fromVersion, firstLine(e));
      return Optional.empty();
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The read versions recorded by the latest successful aggregate run; empty when there is none. */
  private Map<String, Long> lastSuccessfulRead() {
    return ReadVersions.lastSuccessful(ctx, STAGE);
  }

  /** Curated tables written at the same time: they share the cached totals, and each commit is mostly driver work. */
  private static final int PARALLEL_WRITES = 3;

  /** Writes the curated tables (each its own Delta commit), records their versions in order; returns the rows written. */
  private long writeAll(Map<CuratedWriter.Layout, Dataset<Row>> outputs, Integer fromYear, Map<String, Long> versions) {
    List<CuratedWriter.Layout> order = new ArrayList<>(outputs.keySet());
    List<Callable<long[]>> writes = new ArrayList<>();
    for (CuratedWriter.Layout layout : order) {
      writes.add(() -> write(layout, outputs.get(layout), fromYear));
    }
    List<long[]> written = Concurrently.run(writes, PARALLEL_WRITES, "writing the curated tables");
    long rows = 0;
    for (int i = 0; i < order.size(); i++) {
      Table t = order.get(i).table();
      versions.put(t.qualifiedName(), written.get(i)[1]);
      ctx.catalog().register(ctx.spark(), t);
      rows += written.get(i)[0];
    }
    return rows;
  }

  /** Replaces one curated table (or its years from fromYear on); returns its row count and Delta version. */
  private long[] write(CuratedWriter.Layout layout, Dataset<Row> rows, Integer fromYear) {
    Table t = layout.table();
    ctx.describe("aggregate: write " + t.qualifiedName());
    long t0 = System.nanoTime();
    String year = org.tuopin.common.schema.CuratedIncidence.REPORTING_YEAR;
    if (fromYear == null) {
      CuratedWriter.overwrite(ctx.spark(), ctx.catalog(), layout, rows, null);
    } else {
      CuratedWriter.overwrite(
          ctx.spark(), ctx.catalog(), layout, rows.where(col(year).geq(fromYear)), col(year).geq(fromYear).expr().sql());
    }
    // The commit says how many rows it wrote: no second read of the table to count them.
    DeltaTables.Commit c = DeltaTables.lastCommit(ctx, t);
    LOG.info("aggregate: {} {} rows written (version {}) in {} ms", t.qualifiedName(), c.rowsWritten(), c.version(), ms(t0));
    return new long[] {c.rowsWritten(), c.version()};
  }

  private CuratedStatistics.Inputs readInputs() {
    Catalog c = ctx.catalog();
    Dataset<Row> households = checked(Table.SILVER_HOUSEHOLDS, CuratedStatistics.HOUSEHOLD_COLUMNS);
    Dataset<Row> members = checked(Table.SILVER_MEMBERS, List.of(SilverMembers.HOUSEHOLD_ID, SilverMembers.REPORTING_YEAR));
    Dataset<Row> population =
        checked(
            Table.SILVER_POPULATION,
            List.of(
                SilverPopulation.VILLAGE_CODE, SilverPopulation.REPORTING_YEAR, SilverPopulation.PROVINCE_CODE,
                SilverPopulation.COUNTY_CODE, SilverPopulation.RURAL_POPULATION));
    Dataset<Row> survey = null;
    if (c.exists(ctx.spark(), Table.SILVER_SURVEY)) {
      survey =
          checked(
              Table.SILVER_SURVEY,
              List.of(SilverSurvey.COUNTY_CODE, SilverSurvey.REPORTING_YEAR, SilverSurvey.MISSED_RATE, SilverSurvey.APPROVAL_RATE));
    } else {
      LOG.info("aggregate: {} does not exist; missed and approval rates stay null (flag NO_SURVEY)", Table.SILVER_SURVEY);
    }
    Dataset<Row> divisions =
        checked(
            Table.REF_DIVISIONS,
            List.of(Divisions.CODE, Divisions.LEVEL, Divisions.PREFECTURE_CODE, Divisions.PROVINCE_CODE, Divisions.REGION, Divisions.IS_WEST12));
    Dataset<Row> lines = checked(Table.REF_POVERTY_LINES, List.of(PovertyLines.YEAR, PovertyLines.LINE_YUAN));
    Dataset<Row> thresholds =
        checked(
            Table.REF_THRESHOLDS,
            List.of(Thresholds.SCOPE, Thresholds.AREA_CODE, Thresholds.METRIC, Thresholds.COMPARISON, Thresholds.VALUE));
    Dataset<Row> poor = checked(Table.REF_POOR_COUNTIES, List.of(PoorCounties.COUNTY_CODE, PoorCounties.DELISTED_YEAR));
    return new CuratedStatistics.Inputs(households, members, population, survey, divisions, lines, thresholds, poor);
  }

  /** Reads a table and verifies that it has the columns this stage reads. */
  private Dataset<Row> checked(Table t, List<String> columns) {
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
