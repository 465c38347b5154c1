package org.tuopin.common.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.IngestedFiles;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.Lineage;

/**
 * What earlier runs loaded, as far as this run's decisions need it: which of this run's batch ids
 * and contents were loaded before, and the previous loaded batch of each province and kind (for the
 * batch-size rule). Built from {@code ops.ingested_files}; the driver receives only these few
 * metadata rows, never data.
 */
public final class IngestHistory {
  private static final String HOUSEHOLDS_SHA = "households_sha256";
  private static final String MEMBERS_SHA = "members_sha256";
  private static final String CONTENT = "content_key";
  /** Every file's checksum, sorted: the content of a batch of cooperation files only. */
  private static final String ALL_SHA = "all_sha256";
  private static final String SIZE_ROWS = "size_rows";
  private static final String LAST_AT = "last_ingested_at";
  private static final String RANK = "rank";

  private final Map<String, String> contentByBatch;
  private final Map<String, String> batchByContent;
  private final Map<String, BatchChecks.Previous> previous;

  private IngestHistory(
      Map<String, String> contentByBatch, Map<String, String> batchByContent, Map<String, BatchChecks.Previous> previous) {
    this.contentByBatch = contentByBatch;
    this.batchByContent = batchByContent;
    this.previous = previous;
  }

  /** No earlier run (ops.ingested_files does not exist yet). */
  public static IngestHistory empty() {
    return new IngestHistory(new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  /** A batch's content identity: the SHA-256 of its households.csv and members.csv. */
  public static String contentKey(String householdsSha, String membersSha) {
    return householdsSha + "/" + membersSha;
  }

  /**
   * The content key of a manifest (from the checksums it declares). A batch of cooperation files
   * only (no households.csv) is identified by the checksums of all its files, sorted.
   */
  public static String contentKey(BatchManifest m) {
    if (m.file(LandingTable.HOUSEHOLDS) == null) {
      return String.join("/", m.files().stream().map(BatchManifest.ListedFile::sha256).sorted().toList());
    }
    return contentKey(m.file(LandingTable.HOUSEHOLDS).sha256(), m.file(LandingTable.MEMBERS).sha256());
  }

  /** Loaded batches, one row each: province, batch id, kind, content key, size rows, last ingested_at. */
  public static Dataset<Row> loadedBatches(Dataset<Row> ingestedFiles) {
    Dataset<Row> perBatch =
        ingestedFiles
            .filter(col(IngestedFiles.STATUS).equalTo(IngestedFiles.STATUS_LOADED))
            .groupBy(col(IngestedFiles.PROVINCE_CODE), col(IngestedFiles.BATCH_ID), col(IngestedFiles.KIND))
            .agg(
                max(when(col(IngestedFiles.FILE).equalTo(LandingHouseholds.FILE), col(IngestedFiles.SHA256))).as(HOUSEHOLDS_SHA),
                max(when(col(IngestedFiles.FILE).equalTo(LandingMembers.FILE), col(IngestedFiles.SHA256))).as(MEMBERS_SHA),
                sum(when(col(IngestedFiles.FILE).isin(LandingHouseholds.FILE, LandingMembers.FILE), coalesce(col(IngestedFiles.ROWS), lit(0L)))
                        .otherwise(lit(0L)))
                    .as(SIZE_ROWS),
                max(col(IngestedFiles.INGESTED_AT)).as(LAST_AT),
                array_sort(collect_list(col(IngestedFiles.SHA256))).as(ALL_SHA));
    return perBatch
        .withColumn(
            CONTENT,
            when(col(HOUSEHOLDS_SHA).isNull(), concat_ws("/", col(ALL_SHA)))
                .otherwise(concat_ws("/", col(HOUSEHOLDS_SHA), col(MEMBERS_SHA))))
        .drop(ALL_SHA);
  }

  /**
   * Reads the history relevant to this run's candidates.
   *
   * @param ingestedFiles the ops.ingested_files table
   */
  public static IngestHistory of(Dataset<Row> ingestedFiles, Collection<String> batchIds, Collection<String> contentKeys) {
    // One query (each costs seconds of fixed overhead): per province and kind its latest loaded
    // register batch, plus the loaded batches sharing an id or a content with this run's candidates.
    // A batch of cooperation files or a survey only (no households.csv) is never the size rule's
    // previous batch: its 0 register records would switch the rule off for the province.
    Column related = lit(false);
    if (!batchIds.isEmpty()) {
      related = col(IngestedFiles.BATCH_ID).isin(batchIds.toArray()).or(col(CONTENT).isin(contentKeys.toArray()));
    }
    List<Row> rows =
        loadedBatches(ingestedFiles)
            .withColumn(
                RANK,
                row_number()
                    .over(
                        Window.partitionBy(col(IngestedFiles.PROVINCE_CODE), col(IngestedFiles.KIND), col(HOUSEHOLDS_SHA).isNull())
                            .orderBy(col(LAST_AT).desc(), col(IngestedFiles.BATCH_ID).desc())))
            .filter(col(RANK).equalTo(1).or(related))
            .select(
                col(IngestedFiles.PROVINCE_CODE), col(IngestedFiles.KIND), col(IngestedFiles.BATCH_ID), col(SIZE_ROWS),
                col(CONTENT), col(RANK).equalTo(1).and(col(HOUSEHOLDS_SHA).isNotNull()), related)
            .collectAsList();
    Map<String, String> contentByBatch = new HashMap<>();
    Map<String, String> batchByContent = new HashMap<>();
    Map<String, BatchChecks.Previous> previous = new HashMap<>();
    for (Row r : rows) {
      if (r.getBoolean(5)) {
        previous.put(previousKey(r.getString(0), r.getString(1)), new BatchChecks.Previous(r.getString(2), r.getLong(3)));
      }
      if (r.getBoolean(6)) {
        contentByBatch.put(r.getString(2), r.getString(4));
        batchByContent.putIfAbsent(r.getString(4), r.getString(2));
      }
    }
    return new IngestHistory(contentByBatch, batchByContent, previous);
  }

  /** The content key a batch id was loaded with, or null when it never was. */
  public String loadedContent(String batchId) {
    return contentByBatch.get(batchId);
  }

  /** The batch id loaded with this content, or null. */
  public String batchWithContent(String contentKey) {
    return batchByContent.get(contentKey);
  }

  /** The previous loaded batch of a province and kind (the run updates it as it loads). */
  public Map<String, BatchChecks.Previous> previousByProvinceAndKind() {
    return previous;
  }

  public static String previousKey(String province, String kind) {
    return province + "/" + kind;
  }

  /**
   * The batches ingest finished, one row each: province_code, batch_id. Ingest records a batch
   * LOADED after all its bronze rows, so only these batches are whole in bronze.
   */
  public static Dataset<Row> loadedBatchIds(Dataset<Row> ingestedFiles) {
    return ingestedFiles
        .filter(col(IngestedFiles.STATUS).equalTo(IngestedFiles.STATUS_LOADED))
        .select(col(IngestedFiles.PROVINCE_CODE), col(IngestedFiles.BATCH_ID))
        .distinct();
  }

  /**
   * Batches with rows in a bronze table but no LOADED record: leftovers of a run interrupted
   * between its bronze writes and its ops.ingested_files write. Columns: batch year, province,
   * batch id.
   */
  public static Dataset<Row> leftovers(Dataset<Row> bronze, Dataset<Row> ingestedFiles) {
    Dataset<Row> loaded = loadedBatchIds(ingestedFiles);
    // Distinct names on both sides, so the condition is unambiguous; left_anti keeps the left's columns.
    return bronze
        .select(col(Bronze.BATCH_YEAR), col(Lineage.PROVINCE), col(Lineage.BATCH_ID))
        .distinct()
        .join(
            loaded,
            col(Lineage.PROVINCE).equalTo(col(IngestedFiles.PROVINCE_CODE)).and(col(Lineage.BATCH_ID).equalTo(col(IngestedFiles.BATCH_ID))),
            "left_anti");
  }
}
