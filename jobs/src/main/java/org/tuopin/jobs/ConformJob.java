package org.tuopin.jobs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.curated.IncrementalScope;
import org.tuopin.common.conform.Preparation;
import org.tuopin.common.conform.Rule;
import org.tuopin.common.conform.RuleEvaluator;
import org.tuopin.common.conform.Rules;
import org.tuopin.common.conform.Silver;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.ConformedBatches;
import org.tuopin.common.schema.IngestedFiles;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.QualityMetrics;
import org.tuopin.common.schema.Quarantine;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.SilverPopulation;
import org.tuopin.common.schema.Manifest;

/**
 * {@code conform}: bronze to silver and quarantine for every batch not yet conformed (docs/conform.md).
 *
 * <p>Order of writes, each one Delta commit: quarantine (replaced per batch), silver (one MERGE per
 * table and round), ops.quality_metrics, then ops.conformed_batches. A run killed before the last
 * leaves its batches pending; the next run redoes them, and every earlier write converges because it
 * is keyed (quarantine by batch, silver by row key with a change-only update).
 */
public final class ConformJob {
  private static final Logger LOG = LoggerFactory.getLogger(ConformJob.class);
  public static final String STAGE = "conform";

  private static final String ROUND = "_round";
  private static final String FIRST_INGESTED = "_first_ingested";
  private static final String LINES = "_lines";
  private static final String TARGET = "t";
  private static final String SOURCE = "s";

  private final JobContext ctx;
  private final boolean reconformAll;

  /**
   * @param reconformAll true to conform every bronze batch again, not only the pending ones
   */
  public ConformJob(JobContext ctx, boolean reconformAll) {
    this.ctx = ctx;
    this.reconformAll = reconformAll;
  }

  /** One pending batch: metadata only, never data. */
  private record Batch(String id, String province, int year, String kind, int round, long lines) {}

  public StageResult execute() {
    Instant start = Instant.now();
    SparkSession spark = ctx.spark();
    Catalog catalog = ctx.catalog();
    TuopinConfig.Conform limits = ctx.config().conform();
    LOG.info("conform started (run {}){}", ctx.runId(), reconformAll ? ", all batches" : "");

    ctx.describe("conform: read bronze and find pending batches");
    Dataset<Row> bronzeHh = readBronze(Table.BRONZE_HOUSEHOLDS, Bronze.HOUSEHOLDS, true);
    Dataset<Row> bronzeMembers = readBronze(Table.BRONZE_MEMBERS, Bronze.MEMBERS, true);
    Dataset<Row> bronzePop = readBronze(Table.BRONZE_POPULATION, Bronze.POPULATION, false);
    Dataset<Row> divisions = catalog.read(spark, Table.REF_DIVISIONS);
    createTables();

    Dataset<Row> pending = pendingBatches();
    List<Batch> batches = batchList(pending);
    if (batches.isEmpty()) {
      LOG.info("conform: no pending batch");
      StageResult r =
          new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), 0, 0, 0, Map.of(), "no batch to conform");
      RunLog.append(spark, catalog, ctx.runId(), null, r);
      return r;
    }
    long lines = batches.stream().mapToLong(Batch::lines).sum();
    LOG.info("conform: {} pending batch(es) of {} lines in {} round(s)", batches.size(), lines, rounds(batches));
    try (SmallWork small = SmallWork.apply(ctx, STAGE, lines)) {
      return conform(start, pending, batches, bronzeHh, bronzeMembers, bronzePop, divisions, small);
    }
  }

  /** Validates the pending batches' lines, writes quarantine and silver, and records the run. */
  private StageResult conform(
      Instant start, Dataset<Row> pending, List<Batch> batches, Dataset<Row> bronzeHh, Dataset<Row> bronzeMembers,
      Dataset<Row> bronzePop, Dataset<Row> divisions, SmallWork small) {
    SparkSession spark = ctx.spark();
    Catalog catalog = ctx.catalog();
    TuopinConfig.Conform limits = ctx.config().conform();
    Dataset<Row> hhIn = rowsOf(bronzeHh, batches);
    Dataset<Row> membersIn = rowsOf(bronzeMembers, batches);
    Dataset<Row> popIn = rowsOf(bronzePop, batches);

    List<Rule> hhRules = Rules.households(limits);
    List<Rule> memberRules = Rules.members(limits);
    List<Rule> popRules = Rules.population(limits);

    ctx.describe("conform: member facts (duplicates, household counts)");
    // Bronze members are read twice on purpose: once narrow for the facts (cached), once whole for
    // the rules. A second Parquet scan costs less than caching or sorting the whole lines.
    Dataset<Row> memberFacts = Preparation.memberFacts(membersIn).persist(StorageLevel.MEMORY_AND_DISK());
    ctx.describe("conform: validate households");
    Dataset<Row> hhEval =
        Silver.kept(
                RuleEvaluator.evaluate(
                    Preparation.households(hhIn, Preparation.householdCounts(memberFacts), divisions, limits), hhRules),
                Quarantine.HOUSEHOLDS, Silver.HOUSEHOLD_INPUTS, hhRules.size())
            .persist(StorageLevel.MEMORY_AND_DISK());
    long hhRows = hhEval.count();
    // Cached by the households' validation above: counted without reading bronze again.
    long incomingMembers = memberFacts.count();
    ctx.describe("conform: validate members (households, persons in two households)");
    Dataset<Row> touched =
        pending.select(
            col(Bronze.BATCH_YEAR).as(SilverMembers.REPORTING_YEAR), col(Lineage.PROVINCE).as(SilverMembers.PROVINCE_CODE))
            .distinct();
    // Local checkpoints, not caches: these plans read silver.members, and Spark re-computes every
    // cached plan that reads a table after a write to it, so a cache would be rebuilt from scratch
    // after the members MERGE. The checkpoint cuts the plan from silver. (The member lines are kept
    // as rows: building a columnar cache of them measured slower.)
    // The check reads the whole year of silver.members, however few the new lines: compiled even
    // when the rest of a small conform runs interpreted.
    Dataset<Row> conflicts =
        small.withSessionSettings(
            "conform: persons in two households (a year of silver.members)",
            () ->
                Preparation.personConflicts(
                        memberFacts, catalog.read(spark, Table.SILVER_MEMBERS), touched, incomingMembers <= broadcastRows(spark))
                    .localCheckpoint(true));
    long conflictRows = conflicts.count();
    LOG.info("conform: {} person-years found in two households", conflictRows);
    // Small (the usual case: a handful or none): broadcast, so the member lines are not shuffled
    // to meet it. Within the session's broadcast threshold at about 128 bytes a row.
    Dataset<Row> conflictsToJoin = conflictRows <= broadcastRows(spark) ? broadcast(conflicts) : conflicts;
    Dataset<Row> memberEval =
        Silver.kept(
                RuleEvaluator.evaluate(
                    Preparation.members(membersIn, memberFacts, hhEval, conflictsToJoin, divisions, limits), memberRules),
                Quarantine.MEMBERS, Silver.MEMBER_INPUTS, memberRules.size())
            .localCheckpoint(true);
    // Counted from the per-batch aggregate the metrics read anyway: a count of its own would read the
    // checkpointed lines once more (some 9 GB at 10 M persons).
    Dataset<Row> memberBatches = RuleEvaluator.perBatch(memberEval, memberRules).persist(StorageLevel.MEMORY_ONLY());
    long memberRows = RuleEvaluator.rows(memberBatches);
    memberFacts.unpersist();
    ctx.describe("conform: validate population");
    Dataset<Row> popEval =
        RuleEvaluator.evaluate(Preparation.population(popIn, divisions, limits), popRules)
            .persist(StorageLevel.MEMORY_AND_DISK());
    long popRows = popEval.count();
    boolean anyPopulation = popRows > 0;
    long rowsIn = hhRows + memberRows + popRows;
    LOG.info("conform: validated {} household, {} member, {} population lines", hhRows, memberRows, popRows);

    ctx.describe("conform: quality metrics and refused batches");
    Timestamp measuredAt = Timestamp.from(Instant.now());
    Dataset<Row> hhBatches = RuleEvaluator.perBatch(hhEval, hhRules).persist(StorageLevel.MEMORY_ONLY());
    Dataset<Row> popBatches = RuleEvaluator.perBatch(popEval, popRules).persist(StorageLevel.MEMORY_ONLY());
    Dataset<Row> metrics =
        RuleEvaluator.metrics(hhBatches, hhRules, Table.BRONZE_HOUSEHOLDS, STAGE, ctx.runId(), measuredAt)
            .unionByName(RuleEvaluator.metrics(memberBatches, memberRules, Table.BRONZE_MEMBERS, STAGE, ctx.runId(), measuredAt))
            .unionByName(RuleEvaluator.metrics(popBatches, popRules, Table.BRONZE_POPULATION, STAGE, ctx.runId(), measuredAt))
            .persist(StorageLevel.MEMORY_ONLY());
    Map<String, List<String>> refused = refusedBatches(metrics);
    for (Map.Entry<String, List<String>> e : refused.entrySet()) {
      LOG.warn("conform: batch {} refused by {}", e.getKey(), e.getValue());
    }
    Column accepted = not(col(Lineage.BATCH_ID).isin(refused.keySet().toArray()));
    List<String> allIds = batches.stream().map(Batch::id).toList();

    Map<String, Long> versions = new LinkedHashMap<>();
    ctx.describe("conform: write quarantine");
    long quarantined = 0;
    quarantined += writeQuarantine(Table.QUARANTINE_HOUSEHOLDS, hhEval, hhBatches, accepted, Quarantine.HOUSEHOLDS, allIds, versions);
    quarantined += writeQuarantine(Table.QUARANTINE_MEMBERS, memberEval, memberBatches, accepted, Quarantine.MEMBERS, allIds, versions);
    if (anyPopulation) {
      // Bronze is append-only: batches without population lines never had any quarantined.
      quarantined += writeQuarantine(Table.QUARANTINE_POPULATION, popEval, popBatches, accepted, Quarantine.POPULATION, allIds, versions);
    }

    long rowsOut = 0;
    List<Batch> conformed = batches.stream().filter(b -> !refused.containsKey(b.id())).toList();
    Column valid = accepted.and(not(col(RuleEvaluator.QUARANTINED)));
    rowsOut += mergeSilver(Table.SILVER_HOUSEHOLDS, Silver.households(hhEval.where(valid)), SilverHouseholds.SCHEMA,
        SilverHouseholds.KEY, SilverHouseholds.PARTITION_BY, conformed, versions);
    rowsOut += mergeSilver(Table.SILVER_MEMBERS, Silver.members(memberEval.where(valid)), SilverMembers.SCHEMA,
        SilverMembers.KEY, SilverMembers.PARTITION_BY, conformed, versions);
    if (anyPopulation) {
      // A batch without population lines leaves the population slice as it is, even when FULL:
      // population.csv is optional in a delivery.
      Set<String> withPopulation =
          new TreeSet<>(popBatches.agg(collect_set(col(Lineage.BATCH_ID))).first().<String>getList(0));
      List<Batch> deliveredPopulation = conformed.stream().filter(b -> withPopulation.contains(b.id())).toList();
      rowsOut += mergeSilver(Table.SILVER_POPULATION, Silver.population(popEval.where(valid)), SilverPopulation.SCHEMA,
          SilverPopulation.KEY, SilverPopulation.PARTITION_BY, deliveredPopulation, versions);
    }

    ctx.describe("conform: ops.quality_metrics");
    metrics.coalesce(1).write().format("delta").mode("append").save(catalog.path(Table.OPS_QUALITY_METRICS));
    versions.put(Table.OPS_QUALITY_METRICS.qualifiedName(), DeltaTables.latestVersion(spark, catalog.path(Table.OPS_QUALITY_METRICS)));

    ctx.describe("conform: ops.conformed_batches");
    writeConformedBatches(pending, refused, hhBatches, memberBatches, popBatches);
    versions.put(Table.OPS_CONFORMED_BATCHES.qualifiedName(), DeltaTables.latestVersion(spark, catalog.path(Table.OPS_CONFORMED_BATCHES)));

    metrics.unpersist();
    hhBatches.unpersist();
    memberBatches.unpersist();
    popBatches.unpersist();
    hhEval.unpersist();
    memberEval.unpersist();
    popEval.unpersist();

    Instant end = Instant.now();
    ExitStatus outcome = refused.isEmpty() ? ExitStatus.OK : ExitStatus.INPUT_REJECTED;
    String message =
        String.format(
            java.util.Locale.ROOT,
            "%d batch(es) conformed, %d refused%s; %d lines in, %d to silver, %d quarantined",
            conformed.size(), refused.size(), refused.isEmpty() ? "" : " (" + describeRefused(refused) + ")",
            rowsIn, rowsOut, quarantined);
    StageResult r = new StageResult(STAGE, outcome, start, end, rowsIn, rowsOut, quarantined, versions, message);
    RunLog.append(spark, catalog, ctx.runId(), null, r);
    LOG.info(
        "conform finished: {} in {} s ({} lines/s)",
        message, r.elapsed().toMillis() / 1000.0, Math.round(r.rowsPerSecond()));
    return r;
  }

  // ------------------------------------------------------------------ inputs

  private Dataset<Row> readBronze(Table t, StructType contract, boolean required) {
    SparkSession spark = ctx.spark();
    if (!ctx.catalog().exists(spark, t)) {
      if (required) {
        throw Errors.missingInput("table " + t.qualifiedName() + " (" + ctx.catalog().path(t) + ")", "run 'tuopin ingest' first");
      }
      return spark.createDataFrame(List.of(), contract);
    }
    Dataset<Row> df = ctx.catalog().read(spark, t);
    Set<String> have = new TreeSet<>(List.of(df.columns()));
    for (StructField f : contract.fields()) {
      if (!have.contains(f.name())) {
        throw Errors.schemaMismatch(
            t.qualifiedName(), f.name(), "bronze must follow org.tuopin.common.schema.Bronze; re-run ingest with this version");
      }
    }
    List<Column> cols = new ArrayList<>();
    for (StructField f : contract.fields()) {
      cols.add(col(f.name()).cast(f.dataType()));
    }
    return df.select(cols.toArray(new Column[0]));
  }

  /**
   * The batches to conform, from ops.ingested_files (never from bronze's rows): every register
   * batch ingest marked LOADED with at least one line of households, members or population, less
   * those already conformed (unless all are asked for). Ingest marks a batch LOADED after all its
   * bronze rows, so rows of a batch without that mark (an interrupted ingest) are never conformed.
   */
  private Dataset<Row> pendingBatches() {
    Dataset<Row> files =
        ctx.catalog().exists(ctx.spark(), Table.OPS_INGESTED_FILES)
            ? ctx.catalog().read(ctx.spark(), Table.OPS_INGESTED_FILES)
            : ctx.spark().createDataFrame(List.of(), IngestedFiles.SCHEMA);
    Dataset<Row> all =
        files
            .where(
                col(IngestedFiles.STATUS).equalTo(IngestedFiles.STATUS_LOADED)
                    .and(col(IngestedFiles.FILE).isin(LandingHouseholds.FILE, LandingMembers.FILE, LandingPopulation.FILE))
                    .and(col(IngestedFiles.ROWS).gt(0)))
            .groupBy(col(IngestedFiles.BATCH_ID).as(Lineage.BATCH_ID))
            .agg(
                first(col(IngestedFiles.PROVINCE_CODE)).as(Lineage.PROVINCE),
                first(col(IngestedFiles.REPORTING_YEAR)).as(Bronze.BATCH_YEAR),
                first(col(IngestedFiles.KIND)).as(Bronze.BATCH_KIND),
                min(col(IngestedFiles.INGESTED_AT)).as(FIRST_INGESTED),
                sum(col(IngestedFiles.ROWS)).as(LINES));
    if (!reconformAll) {
      Dataset<Row> done =
          ctx.catalog().read(ctx.spark(), Table.OPS_CONFORMED_BATCHES).select(col(ConformedBatches.BATCH_ID).as(Lineage.BATCH_ID));
      all = all.join(done, Lineage.BATCH_ID, "left_anti");
    }
    // Batches of one province and year are applied in delivery order, one MERGE round each.
    return all.withColumn(
            ROUND,
            row_number()
                .over(
                    Window.partitionBy(col(Lineage.PROVINCE), col(Bronze.BATCH_YEAR))
                        .orderBy(col(FIRST_INGESTED), col(Lineage.BATCH_ID))))
        .persist(StorageLevel.MEMORY_ONLY());
  }

  /**
   * The bronze rows of the pending batches: a predicate on bronze's partition columns (year,
   * province) prunes the other slices' files, and the batch ids the other batches of the slices.
   */
  private static Dataset<Row> rowsOf(Dataset<Row> bronze, List<Batch> batches) {
    return bronze
        .where(IncrementalScope.in(slices(batches), col(Bronze.BATCH_YEAR), col(Lineage.PROVINCE)))
        .where(col(Lineage.BATCH_ID).isin(batches.stream().map(Batch::id).toArray()));
  }

  /** The pending batches' metadata on the driver, as one aggregate row (a few hundred ids at most). */
  private static List<Batch> batchList(Dataset<Row> pending) {
    Row agg =
        pending
            .agg(
                collect_list(
                    struct(
                        col(Lineage.BATCH_ID), col(Lineage.PROVINCE), col(Bronze.BATCH_YEAR), col(Bronze.BATCH_KIND), col(ROUND),
                        col(LINES))))
            .first();
    List<Batch> out = new ArrayList<>();
    for (Row b : agg.<Row>getList(0)) {
      out.add(new Batch(b.getString(0), b.getString(1), b.getInt(2), b.getString(3), b.getInt(4), b.getLong(5)));
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return out;
  }

  private static int rounds(List<Batch> batches) {
    return batches.stream().mapToInt(Batch::round).max().orElse(0);
  }

  /** Rows of a small two-column frame that fit the session's broadcast threshold (about 128 bytes each). */
  private static long broadcastRows(SparkSession spark) {
    long bytes = spark.sessionState().conf().autoBroadcastJoinThreshold();
    return bytes <= 0 ? 0 : bytes / 128;
  }

  /** Batch id to the FAIL_BATCH rule ids it broke, from the metrics (one aggregate row). */
  private static Map<String, List<String>> refusedBatches(Dataset<Row> metrics) {
    Row agg =
        metrics
            .where(col(QualityMetrics.SEVERITY).equalTo("FAIL_BATCH").and(col(QualityMetrics.ROWS_FAILED).gt(0)))
            .groupBy(col(QualityMetrics.BATCH_ID))
            .agg(collect_set(col(QualityMetrics.RULE_ID)).as("_rules"))
            .agg(collect_list(struct(col(QualityMetrics.BATCH_ID), col("_rules"))))
            .first();
    Map<String, List<String>> out = new java.util.TreeMap<>();
    for (Row r : agg.<Row>getList(0)) {
      List<String> rules = new ArrayList<>(r.<String>getList(1));
      rules.sort(String::compareTo);
      out.put(r.getString(0), rules);
    }
    return out;
  }

  private static String describeRefused(Map<String, List<String>> refused) {
    List<String> parts = new ArrayList<>();
    refused.forEach((id, rules) -> parts.add(id + ": " + String.join(", ", rules)));
    return String.join("; ", parts);
  }

  // ------------------------------------------------------------------ writes

  private void createTables() {
    createIfMissing(Table.SILVER_HOUSEHOLDS, SilverHouseholds.SCHEMA, SilverHouseholds.PARTITION_BY, true);
    createIfMissing(Table.SILVER_MEMBERS, SilverMembers.SCHEMA, SilverMembers.PARTITION_BY, true);
    createIfMissing(Table.SILVER_POPULATION, SilverPopulation.SCHEMA, SilverPopulation.PARTITION_BY, true);
    createIfMissing(Table.QUARANTINE_HOUSEHOLDS, Quarantine.HOUSEHOLDS, List.of(), false);
    createIfMissing(Table.QUARANTINE_MEMBERS, Quarantine.MEMBERS, List.of(), false);
    createIfMissing(Table.QUARANTINE_POPULATION, Quarantine.POPULATION, List.of(), false);
    createIfMissing(Table.OPS_QUALITY_METRICS, QualityMetrics.SCHEMA, List.of(), false);
    createIfMissing(Table.OPS_CONFORMED_BATCHES, ConformedBatches.SCHEMA, List.of(), false);
  }

  private void createIfMissing(Table t, StructType schema, List<String> partitionBy, boolean changeFeed) {
    if (ctx.catalog().exists(ctx.spark(), t)) {
      return;
    }
    io.delta.tables.DeltaTableBuilder b =
        DeltaTable.createIfNotExists(ctx.spark())
            .location(ctx.catalog().path(t))
            .addColumns(schema)
            // Deletion vectors let MERGE and replaceWhere mark rows deleted instead of rewriting files.
            .property("delta.enableDeletionVectors", "true");
    if (changeFeed) {
      // The curated stage reads silver's changes incrementally.
      b = b.property("delta.enableChangeDataFeed", "true");
    }
    if (!partitionBy.isEmpty()) {
      b = b.partitionedBy(partitionBy.toArray(new String[0]));
    }
    b.execute();
    LOG.info("created {} at {}", t.qualifiedName(), ctx.catalog().path(t));
  }

  /**
   * Replaces the quarantine rows of every batch of this run in one commit (replaceWhere on
   * _batch_id): a batch conformed twice has the rows of its latest conform, never twice. When the
   * run quarantines nothing and the table holds no row of its batches (the usual night), there is
   * nothing to replace and no commit is made.
   *
   * @param perBatch the {@link RuleEvaluator#perBatch} counts of the evaluated lines
   */
  private long writeQuarantine(
      Table t, Dataset<Row> evaluated, Dataset<Row> perBatch, Column accepted, StructType schema, List<String> batchIds,
      Map<String, Long> versions) {
    ctx.describe("conform: write " + t.qualifiedName());
    Column ofThisRun = col(Lineage.BATCH_ID).isin(batchIds.toArray());
    Row q = perBatch.where(accepted).agg(sum(col(RuleEvaluator.ROWS_QUARANTINED))).first();
    long toWrite = q.isNullAt(0) ? 0L : q.getLong(0);
    if (toWrite == 0 && ctx.catalog().read(ctx.spark(), t).where(ofThisRun).limit(1).count() == 0) {
      long v = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(t));
      versions.put(t.qualifiedName(), v);
      LOG.info("{}: 0 lines quarantined, none to replace (version {} kept)", t.qualifiedName(), v);
      return 0;
    }
    Dataset<Row> rows = Silver.quarantine(evaluated.where(accepted.and(col(RuleEvaluator.QUARANTINED))), schema);
    String where = ofThisRun.expr().sql();
    rows.write().format("delta").mode("overwrite").option("replaceWhere", where).save(ctx.catalog().path(t));
    DeltaTables.Commit c = DeltaTables.lastCommit(ctx, t);
    versions.put(t.qualifiedName(), c.version());
    long n = c.rowsWritten();
    LOG.info("{}: {} lines quarantined (version {})", t.qualifiedName(), n, c.version());
    return n;
  }

  /**
   * One MERGE per round: rows matched on key and partition are updated only when their content
   * changed, new keys inserted, and for FULL batches the rows of their province-year slice that the
   * batch no longer contains are deleted (WHEN NOT MATCHED BY SOURCE). Every condition names the
   * partition columns, so only the slices of the round are read.
   */
  private long mergeSilver(
      Table t, Dataset<Row> silverRows, StructType schema, List<String> key, List<String> partitionBy,
      List<Batch> conformed, Map<String, Long> versions) {
    long written = 0;
    String yearCol = partitionBy.get(0);
    String provinceCol = partitionBy.get(1);
    for (int round = 1; round <= rounds(conformed); round++) {
      int thisRound = round;
      List<Batch> inRound = conformed.stream().filter(b -> b.round() == thisRound).toList();
      if (inRound.isEmpty()) {
        continue;
      }
      ctx.describe("conform: merge " + t.qualifiedName() + " round " + round + " (" + inRound.size() + " batches)");
      LOG.info("merging {} round {}: {} batch(es)", t.qualifiedName(), round, inRound.size());
      Dataset<Row> source =
          silverRows.where(col(Lineage.BATCH_ID).isin(inRound.stream().map(Batch::id).toArray()));
      Column slices = lit(false);
      Column fullSlices = lit(false);
      for (Batch b : inRound) {
        Column slice =
            col(TARGET + "." + yearCol).equalTo(lit(b.year())).and(col(TARGET + "." + provinceCol).equalTo(lit(b.province())));
        slices = slices.or(slice);
        if (Manifest.KIND_FULL.equals(b.kind())) {
          fullSlices = fullSlices.or(slice);
        }
      }
      if (freshSlices(t, inRound)) {
        // No silver row of these province-years yet: the MERGE would only insert, so append instead
        // (the same rows and change-feed inserts, without joining the source to the table).
        // One task per province-year slice writes its files: a few large files per partition
        // folder rather than one small file per task and folder.
        source.repartition(col(yearCol), col(provinceCol)).write().format("delta").mode("append").save(ctx.catalog().path(t));
        DeltaTables.Commit c = DeltaTables.lastCommit(ctx, t);
        long lines = c.rowsWritten();
        written += lines;
        versions.put(t.qualifiedName(), c.version());
        LOG.info("{} round {}: {} lines appended to new province-years (version {})", t.qualifiedName(), round, lines, c.version());
        continue;
      }
      Column on = slices;
      for (String k : key) {
        on = on.and(col(TARGET + "." + k).equalTo(col(SOURCE + "." + k)));
      }
      for (String p : partitionBy) {
        if (!key.contains(p)) {
          on = on.and(col(TARGET + "." + p).equalTo(col(SOURCE + "." + p)));
        }
      }
      Column same = lit(true);
      for (StructField f : schema.fields()) {
        if (!isLineage(f.name())) {
          same = same.and(col(TARGET + "." + f.name()).eqNullSafe(col(SOURCE + "." + f.name())));
        }
      }
      DeltaMergeBuilder merge =
          DeltaTable.forPath(ctx.spark(), ctx.catalog().path(t))
              .as(TARGET)
              .merge(source.as(SOURCE), on)
              // Unchanged rows keep their lineage and produce no change-feed entry.
              .whenMatched(not(same))
              .updateAll()
              .whenNotMatched()
              .insertAll();
      if (inRound.stream().anyMatch(b -> Manifest.KIND_FULL.equals(b.kind()))) {
        merge = merge.whenNotMatchedBySource(fullSlices).delete();
      }
      long before = DeltaTables.lastCommit(ctx, t).version();
      merge.execute();
      DeltaTables.Commit c = DeltaTables.lastCommit(ctx, t);
      // A MERGE that changes nothing may commit nothing: then the latest commit is an older one.
      boolean committed = c.version() > before;
      long inserted = committed ? c.metric("numTargetRowsInserted") : 0;
      long updated = committed ? c.metric("numTargetRowsUpdated") : 0;
      long deleted = committed ? c.metric("numTargetRowsDeleted") : 0;
      long lines = committed ? c.metric("numSourceRows") : source.count();
      written += lines;
      versions.put(t.qualifiedName(), c.version());
      LOG.info(
          "{} round {}: {} lines, {} inserted, {} updated, {} unchanged, {} deleted (version {})",
          t.qualifiedName(), round, lines, inserted, updated, lines - inserted - updated, deleted, c.version());
    }
    return written;
  }

  /** True when the table has no row in any province-year of the round (a partition-pruned probe). */
  private boolean freshSlices(Table t, List<Batch> inRound) {
    // IncrementalScope.in: one IN list over the silver tables' partition columns (year, province).
    return ctx.catalog().read(ctx.spark(), t).where(IncrementalScope.in(slices(inRound))).limit(1).count() == 0;
  }

  /** The (year, province) slices the batches deliver. */
  private static Set<IncrementalScope.Slice> slices(List<Batch> batches) {
    return batches.stream().map(b -> new IncrementalScope.Slice(b.year(), b.province())).collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean isLineage(String column) {
    return column.equals(Lineage.BATCH_ID) || column.equals(Lineage.SOURCE_FILE) || column.equals(Lineage.LINE);
  }

  /** Settles the run's batches: appended last, so a killed run leaves them pending. */
  private void writeConformedBatches(
      Dataset<Row> pending, Map<String, List<String>> refused, Dataset<Row>... perBatch) {
    Dataset<Row> counts = null;
    for (Dataset<Row> e : perBatch) {
      Dataset<Row> c = RuleEvaluator.batchCounts(e);
      counts = counts == null ? c : counts.unionByName(c);
    }
    counts =
        counts.groupBy(col(Lineage.BATCH_ID))
            .agg(
                sum(col(RuleEvaluator.ROWS)).as(RuleEvaluator.ROWS),
                sum(col(RuleEvaluator.ROWS_QUARANTINED)).as(RuleEvaluator.ROWS_QUARANTINED));
    List<Row> refusedRows = new ArrayList<>();
    refused.forEach((id, rules) -> refusedRows.add(org.apache.spark.sql.RowFactory.create(id, rules.toArray(new String[0]))));
    StructType refusedSchema =
        new StructType()
            .add("_rid", org.apache.spark.sql.types.DataTypes.StringType, false)
            .add("_rules", org.apache.spark.sql.types.DataTypes.createArrayType(org.apache.spark.sql.types.DataTypes.StringType, true), false);
    Dataset<Row> refusedDf = ctx.spark().createDataFrame(refusedRows, refusedSchema);
    Column isRefused = col("_rid").isNotNull();
    Dataset<Row> rows =
        pending
            .join(counts, Lineage.BATCH_ID, "left")
            .join(refusedDf, col(Lineage.BATCH_ID).equalTo(col("_rid")), "left")
            .select(
                col(Lineage.BATCH_ID).as(ConformedBatches.BATCH_ID),
                col(Lineage.PROVINCE).as(ConformedBatches.PROVINCE),
                col(Bronze.BATCH_YEAR).as(ConformedBatches.REPORTING_YEAR),
                col(Bronze.BATCH_KIND).as(ConformedBatches.KIND),
                lit(ctx.runId()).as(ConformedBatches.RUN_ID),
                org.apache.spark.sql.functions.when(isRefused, lit(ConformedBatches.OUTCOME_REFUSED))
                    .otherwise(lit(ConformedBatches.OUTCOME_CONFORMED)).as(ConformedBatches.OUTCOME),
                org.apache.spark.sql.functions.coalesce(col("_rules"), org.apache.spark.sql.functions.array().cast("array<string>"))
                    .as(ConformedBatches.REFUSED_BY),
                org.apache.spark.sql.functions.coalesce(col(RuleEvaluator.ROWS), lit(0L)).as(ConformedBatches.ROWS_IN),
                org.apache.spark.sql.functions.when(isRefused, lit(0L))
                    .otherwise(org.apache.spark.sql.functions.coalesce(col(RuleEvaluator.ROWS_QUARANTINED), lit(0L)))
                    .as(ConformedBatches.ROWS_QUARANTINED),
                lit(Timestamp.from(Instant.now())).as(ConformedBatches.CONFORMED_AT));
    List<Column> typed = new ArrayList<>();
    for (StructField f : ConformedBatches.SCHEMA.fields()) {
      typed.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    rows.select(typed.toArray(new Column[0]))
        .coalesce(1)
        .write()
        .format("delta")
        .mode("append")
        .save(ctx.catalog().path(Table.OPS_CONFORMED_BATCHES));
  }
}
