package org.tuopin.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.config.TuopinConfig;

/** What every job is constructed with: the session, the typed configuration, the catalogue, the run id. */
public record JobContext(SparkSession spark, TuopinConfig config, Catalog catalog, String runId) {

  public static JobContext create(SparkSession spark, TuopinConfig config) {
    return new JobContext(spark, config, new Catalog(qualified(spark, config.paths().warehouse())), newRunId());
  }

  /**
   * A path made absolute with its scheme ("./warehouse" becomes "file:/home/me/warehouse"), so that
   * table locations registered in the catalogue do not depend on the working directory.
   */
  public static String qualified(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
    } catch (java.io.IOException e) {
      throw org.tuopin.common.error.Errors.failure("resolving path " + path, e);
    }
  }

  /** A sortable, unique run id: UTC timestamp plus a short random suffix. */
  public static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Names the Spark jobs that follow in the UI (e.g. "ingest 520000 batch 520000-2016-FULL-001"). */
  public void describe(String description) {
    spark.sparkContext().setJobDescription(description);
  }
}
