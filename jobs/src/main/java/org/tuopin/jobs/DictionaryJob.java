package org.tuopin.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.dictionary.DictionaryRenderer;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.ops.StageResult;

/**
 * Writes the data dictionary rendered from the code: the table {@code ref.data_dictionary} (replaced
 * whole) and, when asked, the page docs/data-dictionary.md.
 */
public final class DictionaryJob {
  private static final Logger LOG = LoggerFactory.getLogger(DictionaryJob.class);
  public static final String STAGE = "dictionary";

  private final JobContext ctx;

  public DictionaryJob(JobContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Writes the table, and the page when {@code page} is not null; one {@code ops.runs} row.
   *
   * @param page where to write the Markdown page (e.g. docs/data-dictionary.md), or null for none
   */
  public StageResult execute(Path page) {
    Instant start = Instant.now();
    List<String> undescribed = DictionaryRenderer.undescribed();
    if (!undescribed.isEmpty()) {
      LOG.warn("{} tables or columns have no description in DataDictionary: {}", undescribed.size(), undescribed);
    }
    long rows = writeTable();
    long version = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.REF_DATA_DICTIONARY));
    String message = "ref.data_dictionary: " + rows + " columns";
    if (page != null) {
      writePage(page);
      message += "; page " + page;
    }
    StageResult r =
        new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), rows, rows, 0, Map.of(Table.REF_DATA_DICTIONARY.qualifiedName(), version), message);
    RunLog.append(ctx.spark(), ctx.catalog(), ctx.runId(), null, r);
    return r;
  }

  /** Replaces {@code ref.data_dictionary} and registers it; returns its row count (one per column). */
  public long writeTable() {
    ctx.describe("dictionary " + Table.REF_DATA_DICTIONARY.qualifiedName());
    Dataset<Row> df = DictionaryRenderer.frame(ctx.spark());
    String path = ctx.catalog().path(Table.REF_DATA_DICTIONARY);
    df.coalesce(1).write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path);
    ctx.catalog().register(ctx.spark(), Table.REF_DATA_DICTIONARY);
    long n = ctx.spark().read().format("delta").load(path).count();
    LOG.info("{}: {} columns described", Table.REF_DATA_DICTIONARY.qualifiedName(), n);
    return n;
  }

  private static void writePage(Path page) {
    try {
      Path parent = page.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(page, DictionaryRenderer.markdown(), StandardCharsets.UTF_8);
      LOG.info("data dictionary page written to {}", page);
    } catch (IOException e) {
      throw Errors.failure("writing the data dictionary page " + page, e);
    }
  }
}
