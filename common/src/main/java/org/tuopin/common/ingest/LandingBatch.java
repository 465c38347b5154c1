package org.tuopin.common.ingest;

import java.util.Comparator;

/**
 * One batch folder of the landing area, {@code <landing>/<province>/<batch_id>/}, with its parsed
 * manifest or the reason it was refused before any file was read.
 *
 * @param dir absolute Hadoop path of the batch folder
 * @param relativeDir {@code <province>/<batch_id>}, the prefix of its files' {@code _source_file}
 * @param manifest null when the manifest is missing or invalid
 * @param refusal null while the batch is still acceptable
 */
public record LandingBatch(
    String province, String batchId, String dir, String relativeDir, BatchManifest manifest, BatchRefusal refusal) {

  /** The order batches are decided in: by province, then by reporting year, snapshot date and id. */
  public static final Comparator<LandingBatch> ORDER =
      Comparator.comparing(LandingBatch::province)
          .thenComparing(b -> b.manifest == null ? 0 : b.manifest.reportingYear())
          .thenComparing(b -> b.manifest == null ? "" : b.manifest.snapshotDate())
          .thenComparing(LandingBatch::batchId);

  public boolean refused() {
    return refusal != null;
  }

  public LandingBatch refuse(BatchRefusal why) {
    return new LandingBatch(province, batchId, dir, relativeDir, manifest, why);
  }

  /** The reason line, or null when not refused. */
  public String reason() {
    return refusal == null ? null : refusal.reason(province, batchId);
  }

  /** A batch id is unique only within its province folder; this key is unique in the landing. */
  public String key() {
    return relativeDir;
  }

  /** The path of a file of this batch. */
  public String path(String fileName) {
    return dir + "/" + fileName;
  }
}
