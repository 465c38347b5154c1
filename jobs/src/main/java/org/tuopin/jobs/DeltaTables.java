package org.tuopin.jobs;

import io.delta.tables.DeltaTable;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tuopin.common.catalog.Table;

/** Small Delta helpers shared by the jobs. */
public final class DeltaTables {
  private DeltaTables() {}

  /** The latest committed version of the Delta table at a path. */
  public static long latestVersion(SparkSession spark, String path) {
    return lastCommit(spark, path).version();
  }

  /** A commit of a Delta table: its version and its operation metrics (numOutputRows, numTargetRowsInserted ...). */
  public record Commit(long version, Map<String, String> metrics) {
    /** One operation metric; 0 when the commit did not record it. */
    public long metric(String name) {
      String v = metrics.get(name);
      return v == null ? 0L : Long.parseLong(v);
    }

    /** The rows the commit wrote ({@code numOutputRows}). */
    public long rowsWritten() {
      return metric("numOutputRows");
    }
  }

  /**
   * The latest commit of the Delta table at a path, read from the table's history (the last commit
   * file, on the driver): what a writer learns of its own write without reading the table again.
   */
  public static Commit lastCommit(SparkSession spark, String path) {
    Row last = DeltaTable.forPath(spark, path).history(1).select("version", "operationMetrics").first();
    return new Commit(last.getLong(0), last.isNullAt(1) ? Map.of() : last.getJavaMap(1));
  }

  /** {@link #lastCommit(SparkSession, String)} of a catalogue table. */
  public static Commit lastCommit(JobContext ctx, Table t) {
    return lastCommit(ctx.spark(), ctx.catalog().path(t));
  }
}
