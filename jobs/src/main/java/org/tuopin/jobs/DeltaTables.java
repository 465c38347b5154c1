package org.tuopin.jobs;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;

/** Small Delta helpers shared by the jobs. */
public final class DeltaTables {
  private DeltaTables() {}

  /** The latest committed version of the Delta table at a path. */
  public static long latestVersion(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).history(1).select("version").as(org.apache.spark.sql.Encoders.LONG()).first();
  }
}
