package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ingest.BatchChecks;
import org.tuopin.common.ingest.BatchManifest;
import org.tuopin.common.ingest.BatchRefusal;
import org.tuopin.common.ingest.BronzeReader;
import org.tuopin.common.ingest.DeltaCommits;
import org.tuopin.common.ingest.FileSummary;
import org.tuopin.common.ingest.FileTask;
import org.tuopin.common.ingest.IngestHistory;
import org.tuopin.common.ingest.LandingBatch;
import org.tuopin.common.ingest.LandingScanner;
import org.tuopin.common.ingest.LandingTable;
import org.tuopin.common.ingest.RefusalRule;
import org.tuopin.common.ops.PausePoint;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.privacy.PseudonymKey;
import org.tuopin.common.privacy.Pseudonymizer;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.IngestedFiles;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.Manifest;
import org.tuopin.common.schema.QualityMetrics;

/**
 * {@code tuopin ingest}: landing batches not yet loaded become rows of {@code bronze.households},
 * {@code bronze.members} and {@code bronze.population}, pseudonymised at the door; every decided
 * batch is recorded in {@code ops.ingested_files}, its figures in {@code ops.quality_metrics}, the
 * stage in {@code ops.runs}.
 *
 * <p>Order of writes, for a run that may be killed at any moment: bronze rows first (all candidate
 * batches, one append per table), then the deletion of refused batches' rows, then
 * ops.quality_metrics, then the ops.ingested_files rows that mark batches LOADED, then ops.runs. A batch counts as loaded only through that
 * last write, and each run starts by deleting bronze rows of batches without a LOADED record, so
 * an interrupted run converges to the clean result on the next one.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
  public static final String STAGE = "ingest";
  /** The quality-metrics table name of figures about a batch as a whole. */
  /** Local column naming the table of a leftover row. */
  private static final String LEFTOVER_TABLE = "table";
  static final String BATCH_TABLES = Table.BRONZE_HOUSEHOLDS.qualifiedName() + "+" + Table.BRONZE_MEMBERS.qualifiedName();

  /**
   * How the run was asked for.
   *
   * @param batchDate the nightly date; batches with a later snapshot date wait for a later run (null: no limit)
   * @param force load batches despite the batch-size rule
   */
  public record Options(LocalDate batchDate, boolean force) {}

  /** What happened to one batch folder. */
  public record BatchOutcome(String province, String batchId, String status, String reason, long rows) {
    public boolean refused() {
      return IngestedFiles.STATUS_REFUSED.equals(status);
    }
  }

  /** The stage's row of ops.runs and each decided batch. */
  public record Result(StageResult stage, List<BatchOutcome> batches, int alreadyLoaded) {
    public Result {
      batches = List.copyOf(batches);
    }

    public long loadedBatches() {
      return batches.stream().filter(b -> !b.refused()).count();
    }

    public long refusedBatches() {
      return batches.stream().filter(BatchOutcome::refused).count();
    }
  }

  private final JobContext ctx;
  private final Options options;
  private final byte[] pseudonymKey;

  /**
   * @param pseudonymKey the key of the resident-ID pseudonyms ({@link PseudonymKey#resolve}), found
   *     by the caller before the session starts so that a missing key stops the run at once
   */
  public IngestJob(JobContext ctx, Options options, byte[] pseudonymKey) {
    this.ctx = ctx;
    this.options = options;
    this.pseudonymKey = pseudonymKey.clone();
  }

  public Result execute() {
    Instant start = Instant.now();
    SparkSession spark = ctx.spark();
    Catalog catalog = ctx.catalog();
    Pseudonymizer pseudonymizer = new Pseudonymizer(pseudonymKey);
    Timestamp ingestedAt = Timestamp.from(start);
    String landing = ctx.config().paths().landing();
    LOG.info("ingest run {} starts: landing {}, warehouse {}{}", ctx.runId(), landing, catalog.warehouse(), options.force() ? ", forced" : "");

    long t0 = System.nanoTime();
    removeLeftovers();
    LOG.info("checked bronze for interrupted loads in {} ms", (System.nanoTime() - t0) / 1_000_000);

    ctx.describe("ingest: scan landing " + landing);
    List<LandingBatch> scanned = new ArrayList<>();
    for (LandingBatch b : LandingScanner.scan(spark.sparkContext().hadoopConfiguration(), landing)) {
      if (options.batchDate() != null && b.manifest() != null && LocalDate.parse(b.manifest().snapshotDate()).isAfter(options.batchDate())) {
        LOG.info("province {} batch {}: snapshot {} is after the batch date {}, left for a later run", b.province(), b.batchId(), b.manifest().snapshotDate(), options.batchDate());
        continue;
      }
      scanned.add(b);
    }
    t0 = System.nanoTime();
    IngestHistory history = history(scanned);
    LOG.info("read the ingest history in {} ms", (System.nanoTime() - t0) / 1_000_000);

    // Decisions that need no data: duplicates of earlier runs and within this run.
    List<LandingBatch> decided = new ArrayList<>();
    List<LandingBatch> candidates = new ArrayList<>();
    Map<String, String> provinceOfId = new HashMap<>();
    Map<String, String> batchOfContent = new HashMap<>();
    int alreadyLoaded = 0;
    for (LandingBatch b : scanned) {
      if (b.refused()) {
        decided.add(b);
        continue;
      }
      String content = IngestHistory.contentKey(b.manifest());
      String loadedContent = history.loadedContent(b.batchId());
      if (content.equals(loadedContent)) {
        alreadyLoaded++;
        LOG.debug("province {} batch {} was loaded before", b.province(), b.batchId());
        continue;
      }
      Optional<BatchRefusal> why = Optional.empty();
      if (loadedContent != null) {
        why = Optional.of(new BatchRefusal(RefusalRule.DUPLICATE_BATCH, null, 0, "this batch id was loaded before with other files"));
      } else if (provinceOfId.containsKey(b.batchId())) {
        why = Optional.of(new BatchRefusal(RefusalRule.DUPLICATE_BATCH, null, 0, "province " + provinceOfId.get(b.batchId()) + " delivers a batch with the same id in this landing"));
      } else {
        String other = Optional.ofNullable(history.batchWithContent(content)).orElse(batchOfContent.get(content));
        if (other != null) {
          why = Optional.of(new BatchRefusal(RefusalRule.DUPLICATE_CONTENT, null, 0, "households.csv and members.csv are identical to those of batch " + other));
        }
      }
      provinceOfId.putIfAbsent(b.batchId(), b.province());
      if (why.isPresent()) {
        decided.add(b.refuse(why.get()));
        continue;
      }
      batchOfContent.put(content, b.batchId());
      candidates.add(b);
    }
    LOG.info("{} batch folders: {} to read, {} refused before reading, {} loaded before", scanned.size(), candidates.size(), decided.size(), alreadyLoaded);

    Map<String, Map<String, FileSummary>> summaries = readToBronze(candidates, pseudonymizer, ingestedAt);

    // Decisions on the content, in batch order so the size rule compares with the batch before.
    Map<String, BatchChecks.Previous> previous = history.previousByProvinceAndKind();
    List<Row> metrics = new ArrayList<>();
    for (LandingBatch b : candidates) {
      Map<String, FileSummary> files = summaries.getOrDefault(b.key(), Map.of());
      long rows = BatchChecks.sizeRows(files);
      String key = IngestHistory.previousKey(b.province(), b.manifest().kind());
      BatchChecks.Previous before = previous.get(key);
      Optional<BatchRefusal> why = BatchChecks.afterRead(b, files);
      // The size rule compares register batches; a batch of cooperation files or a survey only has none.
      boolean register = b.manifest().file(LandingTable.HOUSEHOLDS) != null;
      if (why.isEmpty() && register) {
        Optional<BatchRefusal> drop = BatchChecks.sizeDrop(rows, before, b.manifest().kind(), ctx.config().ingest().maxRowDropShare());
        if (drop.isPresent() && options.force()) {
          LOG.warn("province {} batch {}: loaded despite the size rule (--force): {}", b.province(), b.batchId(), drop.get().problem());
        } else {
          why = drop;
        }
      }
      metrics.addAll(batchMetrics(b, files, rows, before, why.orElse(null), ingestedAt));
      if (why.isPresent()) {
        decided.add(b.refuse(why.get()));
      } else {
        if (register) {
          previous.put(key, new BatchChecks.Previous(b.batchId(), rows));
        }
        decided.add(b);
        logLoaded(b, files);
      }
    }
    decided.sort(LandingBatch.ORDER);

    removeRefusedRows(decided, summaries);
    Map<String, Long> versions = new LinkedHashMap<>();
    for (LandingTable t : LandingTable.values()) {
      // Only the tables this run wrote: each version lookup is a Spark job.
      boolean written = candidates.stream().anyMatch(b -> b.manifest().file(t) != null);
      if (written && catalog.exists(spark, t.bronze())) {
        versions.put(t.bronze().qualifiedName(), DeltaTables.latestVersion(spark, catalog.path(t.bronze())));
      }
    }

    List<BatchOutcome> outcomes = new ArrayList<>();
    List<Row> fileRows = new ArrayList<>();
    long rowsIn = 0;
    long rowsOut = 0;
    for (LandingBatch b : decided) {
      Map<String, FileSummary> files = summaries.getOrDefault(b.key(), Map.of());
      long rows = files.values().stream().mapToLong(FileSummary::records).sum();
      rowsIn += rows;
      if (!b.refused()) {
        rowsOut += rows;
      } else {
        LOG.warn("{}", b.reason());
      }
      outcomes.add(new BatchOutcome(b.province(), b.batchId(), b.refused() ? IngestedFiles.STATUS_REFUSED : IngestedFiles.STATUS_LOADED, b.reason(), rows));
      fileRows.addAll(fileRows(b, files, ingestedAt));
    }
    // Metrics before the record that settles the batches: a run killed in between is redone, and
    // its metrics are written again, instead of never (the next run sees the batches as loaded).
    if (!metrics.isEmpty()) {
      ctx.describe("ingest: quality metrics");
      append(Table.OPS_QUALITY_METRICS, spark.createDataFrame(metrics, QualityMetrics.SCHEMA));
    }
    PausePoint.reach("ingest:before " + Table.OPS_INGESTED_FILES.qualifiedName());
    if (!fileRows.isEmpty()) {
      ctx.describe("ingest: record " + decided.size() + " batches in " + Table.OPS_INGESTED_FILES);
      append(Table.OPS_INGESTED_FILES, spark.createDataFrame(fileRows, IngestedFiles.SCHEMA));
      versions.put(Table.OPS_INGESTED_FILES.qualifiedName(), DeltaTables.latestVersion(spark, catalog.path(Table.OPS_INGESTED_FILES)));
    }
    PausePoint.reach("ingest:after " + Table.OPS_INGESTED_FILES.qualifiedName());

    long refused = outcomes.stream().filter(BatchOutcome::refused).count();
    ExitStatus outcome = refused > 0 ? ExitStatus.INPUT_REJECTED : ExitStatus.OK;
    String message =
        String.format(
            java.util.Locale.ROOT,
            "%d batches loaded (%d rows), %d refused, %d loaded before%s",
            outcomes.size() - refused,
            rowsOut,
            refused,
            alreadyLoaded,
            refused > 0 ? "; first refusal: " + outcomes.stream().filter(BatchOutcome::refused).findFirst().get().reason() : "");
    StageResult stage = new StageResult(STAGE, outcome, start, Instant.now(), rowsIn, rowsOut, 0, versions, message);
    ctx.describe("ingest: run log");
    RunLog.append(spark, catalog, ctx.runId(), options.batchDate() == null ? null : options.batchDate().toString(), stage);
    for (Table t : List.of(Table.BRONZE_HOUSEHOLDS, Table.BRONZE_MEMBERS, Table.BRONZE_POPULATION, Table.OPS_INGESTED_FILES, Table.OPS_QUALITY_METRICS, Table.OPS_RUNS)) {
      catalog.register(spark, t);
    }
    LOG.info("ingest run {} ends in {} s: {} ({} rows/s)", ctx.runId(), stage.elapsed().toMillis() / 1000.0, message, Math.round(stage.rowsPerSecond()));
    return new Result(stage, outcomes, alreadyLoaded);
  }

  private IngestHistory history(List<LandingBatch> scanned) {
    Catalog catalog = ctx.catalog();
    if (!catalog.exists(ctx.spark(), Table.OPS_INGESTED_FILES)) {
      return IngestHistory.empty();
    }
    ctx.describe("ingest: read " + Table.OPS_INGESTED_FILES);
    Set<String> ids = new LinkedHashSet<>();
    Set<String> contents = new LinkedHashSet<>();
    for (LandingBatch b : scanned) {
      if (!b.refused()) {
        ids.add(b.batchId());
        contents.add(IngestHistory.contentKey(b.manifest()));
      }
    }
    return IngestHistory.of(catalog.read(ctx.spark(), Table.OPS_INGESTED_FILES), ids, contents);
  }

  /** Deletes bronze rows of batches that no LOADED record covers (an interrupted earlier run). */
  private void removeLeftovers() {
    SparkSession spark = ctx.spark();
    Catalog catalog = ctx.catalog();
    // Bronze rows are written before the ops.ingested_files commit that records them: when no bronze
    // commit is newer than that table's last commit, no run stopped in between and the scan is skipped.
    long recorded = DeltaCommits.latestCommitMillis(spark.sparkContext().hadoopConfiguration(), catalog.path(Table.OPS_INGESTED_FILES));
    boolean newer = false;
    for (LandingTable t : LandingTable.values()) {
      long written = DeltaCommits.latestCommitMillis(spark.sparkContext().hadoopConfiguration(), catalog.path(t.bronze()));
      newer |= written >= 0 && written >= recorded;
    }
    if (!newer) {
      return;
    }
    Dataset<Row> ingested =
        recorded >= 0 ? catalog.read(spark, Table.OPS_INGESTED_FILES) : spark.createDataFrame(List.of(), IngestedFiles.SCHEMA);
    Dataset<Row> all = null;
    for (LandingTable t : LandingTable.values()) {
      if (catalog.exists(spark, t.bronze())) {
        Dataset<Row> left = IngestHistory.leftovers(catalog.read(spark, t.bronze()), ingested).withColumn(LEFTOVER_TABLE, lit(t.name()));
        all = all == null ? left : all.unionByName(left);
      }
    }
    if (all == null) {
      return;
    }
    ctx.describe("ingest: look for interrupted loads in bronze");
    // One query for the three tables; a handful of (year, province, batch) rows at most: batches, not records.
    List<Row> left = all.collectAsList();
    for (LandingTable t : LandingTable.values()) {
      Column leftover = lit(false);
      List<String> names = new ArrayList<>();
      for (Row r : left) {
        if (!r.getString(3).equals(t.name())) {
          continue;
        }
        // The year first: it is the outer partition column, so the delete touches only its folders.
        leftover =
            leftover.or(
                col(Bronze.BATCH_YEAR).equalTo(r.getInt(0))
                    .and(col(Lineage.PROVINCE).equalTo(r.getString(1)))
                    .and(col(Lineage.BATCH_ID).equalTo(r.getString(2))));
        names.add(r.getString(1) + "/" + r.getString(2));
      }
      if (names.isEmpty()) {
        continue;
      }
      LOG.warn("{}: removing rows of {} batches that an interrupted run left unrecorded: {}", t.bronze(), names.size(), names);
      ctx.describe("ingest: remove interrupted loads from " + t.bronze());
      DeltaTable.forPath(spark, catalog.path(t.bronze())).delete(leftover);
    }
  }

  /** Reads every candidate file into bronze, one append per table; returns the file summaries by batch and file. */
  private Map<String, Map<String, FileSummary>> readToBronze(List<LandingBatch> candidates, Pseudonymizer pseudonymizer, Timestamp ingestedAt) {
    Map<String, Map<String, FileSummary>> out = new HashMap<>();
    if (candidates.isEmpty()) {
      return out;
    }
    SparkSession spark = ctx.spark();
    CollectionAccumulator<FileSummary> acc = spark.sparkContext().collectionAccumulator("ingest file summaries");
    for (LandingTable t : LandingTable.values()) {
      List<FileTask> tasks = new ArrayList<>();
      Set<String> provinces = new LinkedHashSet<>();
      for (LandingBatch b : candidates) {
        BatchManifest m = b.manifest();
        if (m.file(t) != null) {
          tasks.add(
              new FileTask(
                  t, b.path(t.fileName()), b.relativeDir() + "/" + t.fileName(), m.encoding(), b.province(), b.batchId(),
                  m.reportingYear(), m.kind(), ingestedAt, ctx.runId()));
          provinces.add(b.province());
        }
      }
      if (tasks.isEmpty()) {
        continue;
      }
      long t0 = System.nanoTime();
      String what = tasks.size() == 1 ? tasks.get(0).province() + " batch " + tasks.get(0).batchId() : tasks.size() + " batches of provinces " + String.join(",", provinces);
      ctx.describe("ingest " + t.bronze() + ": " + what);
      LOG.info("ingest {}: reading {} files ({})", t.bronze(), tasks.size(), what);
      append(t.bronze(), BronzeReader.read(spark, t, tasks, pseudonymizer, acc), Bronze.BATCH_YEAR, Lineage.PROVINCE);
      LOG.info("ingest {}: {} files written in {} ms", t.bronze(), tasks.size(), (System.nanoTime() - t0) / 1_000_000);
    }
    for (FileSummary s : acc.value()) {
      // A retried task reports its file again: the last report wins, they are identical.
      out.computeIfAbsent(s.batchKey(), k -> new HashMap<>()).put(s.file(), s);
    }
    return out;
  }

  /** Deletes the rows that refused candidate batches wrote in this run. */
  private void removeRefusedRows(List<LandingBatch> decided, Map<String, Map<String, FileSummary>> summaries) {
    for (LandingTable t : LandingTable.values()) {
      Column written = lit(false);
      int n = 0;
      for (LandingBatch b : decided) {
        FileSummary s = summaries.getOrDefault(b.key(), Map.of()).get(t.fileName());
        if (b.refused() && s != null && s.records() > 0) {
          // The same batch id may be loaded from another province folder: match both.
          written = written.or(col(Lineage.PROVINCE).equalTo(b.province()).and(col(Lineage.BATCH_ID).equalTo(b.batchId())));
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      ctx.describe("ingest: remove " + n + " refused batches from " + t.bronze());
      DeltaTable.forPath(ctx.spark(), ctx.catalog().path(t.bronze())).delete(written);
    }
  }

  private void append(Table t, Dataset<Row> df, String... partitionBy) {
    df.write().format("delta").mode("append").partitionBy(partitionBy).save(ctx.catalog().path(t));
  }

  private void logLoaded(LandingBatch b, Map<String, FileSummary> files) {
    long rows = 0;
    long bytes = 0;
    long ms = 0;
    for (FileSummary s : files.values()) {
      rows += s.records();
      bytes += s.bytes();
      ms += s.millis();
    }
    LOG.info(
        "province {} batch {} ({} {}, {}): {} rows, {} bytes read in {} ms ({} rows/s)",
        b.province(), b.batchId(), b.manifest().kind(), b.manifest().reportingYear(), b.manifest().encoding(), rows, bytes, ms, ms == 0 ? rows : rows * 1000 / ms);
  }

  /** One ops.ingested_files row per listed file (or one for manifest.json when there is no usable manifest). */
  private List<Row> fileRows(LandingBatch b, Map<String, FileSummary> files, Timestamp at) {
    String status = b.refused() ? IngestedFiles.STATUS_REFUSED : IngestedFiles.STATUS_LOADED;
    BatchManifest m = b.manifest();
    List<Row> out = new ArrayList<>();
    if (m == null) {
      out.add(RowFactory.create(ctx.runId(), b.province(), b.batchId(), Manifest.FILE, null, null, null, null, null, null, status, b.reason(), at));
      return out;
    }
    for (BatchManifest.ListedFile f : m.files()) {
      FileSummary s = files.get(f.name());
      out.add(
          RowFactory.create(
              ctx.runId(), b.province(), b.batchId(), f.name(),
              s == null ? null : s.records(),
              s == null ? f.sha256() : s.sha256(),
              s == null ? null : s.bytes(),
              m.encoding(), m.kind(), m.reportingYear(), status, b.reason(), at));
    }
    return out;
  }

  private List<Row> batchMetrics(
      LandingBatch b, Map<String, FileSummary> files, long rows, BatchChecks.Previous before, BatchRefusal refusal, Timestamp at) {
    List<Row> out = new ArrayList<>();
    for (FileSummary s : files.values()) {
      String table = LandingTable.ofFile(s.file()).bronze().qualifiedName();
      out.add(RowFactory.create(ctx.runId(), STAGE, table, "ingest.parse-error", b.batchId(), s.records(), s.parseErrors(), "quarantine", at));
      if (s.idsChecked() > 0) {
        out.add(RowFactory.create(ctx.runId(), STAGE, table, "ingest.resident-id", b.batchId(), s.idsChecked(), s.idsInvalid(), "quarantine", at));
      }
    }
    long dropped = before == null ? 0 : Math.max(0, before.rows() - rows);
    out.add(RowFactory.create(ctx.runId(), STAGE, BATCH_TABLES, RefusalRule.ROW_COUNT_DROP.id(), b.batchId(), rows, dropped, "fail-batch", at));
    if (refusal != null && refusal.rule() != RefusalRule.ROW_COUNT_DROP) {
      out.add(RowFactory.create(ctx.runId(), STAGE, BATCH_TABLES, refusal.rule().id(), b.batchId(), rows, rows, "fail-batch", at));
    }
    return out;
  }
}
