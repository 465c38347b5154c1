package org.tuopin.common.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.test.SharedSpark;

@ExtendWith(SharedSpark.class)
class CatalogTest {
  /**
   * An ingest killed during the first write of a bronze table leaves a _delta_log folder without a
   * commit; counting that as a table made every later ingest fail with DELTA_TABLE_NOT_FOUND.
   */
  @Test
  void aDeltaLogWithoutACommitIsNoTableYet() throws Exception {
    SparkSession spark = SharedSpark.spark();
    Path wh = SharedSpark.tempDir("catalog");
    Catalog catalog = new Catalog(wh.toString());
    assertFalse(catalog.exists(spark, Table.BRONZE_MEMBERS));
    Path log = Files.createDirectories(Path.of(catalog.path(Table.BRONZE_MEMBERS), "_delta_log"));
    assertFalse(catalog.exists(spark, Table.BRONZE_MEMBERS), "empty _delta_log");

    spark.range(3).toDF("n").write().format("delta").mode("append").save(catalog.path(Table.BRONZE_MEMBERS));
    assertTrue(catalog.exists(spark, Table.BRONZE_MEMBERS));
    assertTrue(Files.exists(log.resolve("00000000000000000000.json")));
    assertEquals(3, catalog.read(spark, Table.BRONZE_MEMBERS).count());
  }
}
