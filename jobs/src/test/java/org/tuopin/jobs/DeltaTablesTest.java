package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta.tables.DeltaTable;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.test.SharedSpark;

/**
 * The latest version and commit of a Delta table, read from its log on the driver, against what
 * Delta's own history of the table says.
 */
@ExtendWith(SharedSpark.class)
class DeltaTablesTest {
  @Test
  void theLastCommitIsTheOneTheTablesHistoryReportsAfterEachKindOfWrite() {
    SparkSession spark = SharedSpark.spark();
    String path = SharedSpark.tempDir("delta-tables").resolve("t").toString();

    spark.range(5).withColumn("v", col("id")).write().format("delta").save(path);
    assertSameAsHistory(spark, path, 0, 5);

    spark.range(3).withColumn("v", col("id")).write().format("delta").mode("append").save(path);
    assertSameAsHistory(spark, path, 1, 3);

    DeltaTable.forPath(spark, path).as("t")
        .merge(spark.range(3, 7).withColumn("v", col("id").plus(100)).as("s"), "t.id = s.id")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
    DeltaTables.Commit merge = assertSameAsHistory(spark, path, 2, -1);
    assertEquals(2, merge.metric("numTargetRowsInserted"), "ids 5 and 6");
    assertEquals(2, merge.metric("numTargetRowsUpdated"), "ids 3 and 4 of the first write");
    assertEquals(0, merge.metric("noSuchMetric"));
  }

  /** Asserts version and metrics against history(1); {@code rows} the rows written, or -1 not to check. */
  private static DeltaTables.Commit assertSameAsHistory(SparkSession spark, String path, long version, long rows) {
    DeltaTables.Commit c = DeltaTables.lastCommit(spark, path);
    Row h = DeltaTable.forPath(spark, path).history(1).select("version", "operationMetrics").first();
    Map<String, String> historyMetrics = h.getJavaMap(1);
    assertEquals(version, c.version());
    assertEquals(version, DeltaTables.latestVersion(spark, path));
    assertEquals(h.getLong(0), c.version());
    assertEquals(historyMetrics, c.metrics());
    if (rows >= 0) {
      assertEquals(rows, c.rowsWritten());
    }
    return c;
  }
}
