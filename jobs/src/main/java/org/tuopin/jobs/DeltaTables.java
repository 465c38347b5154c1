package org.tuopin.jobs;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.tuopin.common.catalog.Table;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Small Delta helpers shared by the jobs. */
public final class DeltaTables {
  private DeltaTables() {}

  /**
   * The latest committed version of the Delta table at a path: its log's listing, on the driver (no
   * Spark job; the table's log is cached by the session, as for a read).
   */
  public static long latestVersion(SparkSession spark, String path) {
    return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).version();
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
   * The latest commit of the Delta table at a path: its version and the metrics its commit file
   * recorded, read on the driver from that one file (no Spark job, unlike the table's history): what
   * a writer learns of its own write without reading the table again.
   */
  public static Commit lastCommit(SparkSession spark, String path) {
    DeltaLog log = DeltaLog.forTable(spark, path);
    long version = log.update(false, Option.empty(), Option.empty()).version();
    scala.collection.Iterator<Tuple2<Object, Seq<Action>>> changes = log.getChanges(version, false);
    while (changes.hasNext()) {
      Tuple2<Object, Seq<Action>> commit = changes.next();
      if ((Long) commit._1() != version) {
        continue;
      }
      for (Action a : JavaConverters.seqAsJavaList(commit._2())) {
        if (a instanceof CommitInfo info && info.operationMetrics().isDefined()) {
          return new Commit(version, JavaConverters.mapAsJavaMap(info.operationMetrics().get()));
        }
      }
    }
    return new Commit(version, Map.of());
  }

  /** {@link #lastCommit(SparkSession, String)} of a catalogue table. */
  public static Commit lastCommit(JobContext ctx, Table t) {
    return lastCommit(ctx.spark(), ctx.catalog().path(t));
  }
}
