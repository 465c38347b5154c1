package org.tuopin.common.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tuopin.common.schema.Manifest;

/**
 * The batch rules that need the files' content: each listed file usable, matching the manifest's
 * SHA-256 and record count, holding records, and only records of the delivering province; and the
 * batch-size rule against the province's previous batch. Pure functions of the executors'
 * {@link FileSummary}s.
 */
public final class BatchChecks {
  private BatchChecks() {}

  /** Characters of a SHA-256 shown in a message: enough to tell two files apart. */
  private static final int SHA_SHOWN = 12;

  /**
   * The first problem of a batch whose files were read, in manifest order: unusable file, no records
   * (allowed per file in a CHANGES batch, not for the whole batch), checksum, record count, foreign
   * records.
   *
   * @param summaries the summary of every listed file, by file name
   */
  public static Optional<BatchRefusal> afterRead(LandingBatch batch, Map<String, FileSummary> summaries) {
    BatchManifest m = batch.manifest();
    long total = 0;
    for (BatchManifest.ListedFile f : m.files()) {
      FileSummary s = summaries.get(f.name());
      if (s == null) {
        throw new IllegalStateException("no read summary for " + batch.relativeDir() + "/" + f.name());
      }
      if (s.unusable()) {
        return Optional.of(new BatchRefusal(RefusalRule.valueOf(s.problemRule()), f.name(), s.problemLine(), s.problem()));
      }
      total += s.records();
    }
    boolean changes = Manifest.KIND_CHANGES.equals(m.kind());
    for (BatchManifest.ListedFile f : m.files()) {
      FileSummary s = summaries.get(f.name());
      if (s.records() == 0 && (!changes || total == 0)) {
        return Optional.of(
            new BatchRefusal(
                RefusalRule.HEADER_ONLY,
                f.name(),
                0,
                changes ? "the file has a header but no records, and neither has any other file of this CHANGES batch" : "the file has a header but no records"));
      }
      if (!s.sha256().equals(f.sha256())) {
        return Optional.of(
            new BatchRefusal(
                RefusalRule.CHECKSUM_MISMATCH,
                f.name(),
                0,
                "the file's SHA-256 starts " + s.sha256().substring(0, SHA_SHOWN) + " but the manifest's starts " + f.sha256().substring(0, SHA_SHOWN)));
      }
      if (s.records() != f.rows()) {
        String hint =
            s.unclosedQuoteLine() > 0
                ? "; the quote opened on line " + s.unclosedQuoteLine() + " is never closed and swallows the lines after it"
                : "";
        return Optional.of(
            new BatchRefusal(
                RefusalRule.ROW_COUNT_MISMATCH,
                f.name(),
                s.unclosedQuoteLine(),
                "the file has " + s.records() + " records but the manifest says " + f.rows() + hint));
      }
      if (s.foreignRecords() > 0) {
        return Optional.of(
            new BatchRefusal(
                RefusalRule.FOREIGN_COUNTY,
                f.name(),
                s.firstForeignLine(),
                "county " + s.firstForeignCounty() + " is not in province " + batch.province()
                    + " (" + s.foreignRecords() + " record" + (s.foreignRecords() == 1 ? "" : "s") + " of other provinces)"));
      }
    }
    return Optional.empty();
  }

  /** The rows the batch-size rule counts: households and members records. */
  public static long sizeRows(Map<String, FileSummary> summaries) {
    long n = 0;
    for (LandingTable t : LandingTable.values()) {
      FileSummary s = summaries.get(t.fileName());
      if (t.required() && s != null) {
        n += s.records();
      }
    }
    return n;
  }

  /**
   * Refuses a batch whose size dropped by more than {@code maxDropShare} against the previous
   * loaded batch of the same province and kind.
   *
   * @param previous the previous batch's rows and id, or null when there is none
   */
  public static Optional<BatchRefusal> sizeDrop(long rows, Previous previous, String kind, double maxDropShare) {
    if (previous == null || previous.rows() <= 0) {
      return Optional.empty();
    }
    double drop = (previous.rows() - rows) / (double) previous.rows();
    if (drop <= maxDropShare) {
      return Optional.empty();
    }
    return Optional.of(
        new BatchRefusal(
            RefusalRule.ROW_COUNT_DROP,
            null,
            0,
            String.format(
                Locale.ROOT,
                "%d household and member records are %.1f %% fewer than the %d of the previous %s batch %s, more than the %.1f %% allowed by tuopin.ingest.max-row-drop-share",
                rows,
                drop * 100,
                previous.rows(),
                kind,
                previous.batchId(),
                maxDropShare * 100)));
  }

  /** The previous loaded batch of a province and kind. */
  public record Previous(String batchId, long rows) {}
}
