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

  /** The table properties as DESCRIBE DETAIL reports them: tuopin's own, constraints, Delta's features. */
  @Test
  void propertiesAreReadFromTheLogIncludingConstraints() {
    SparkSession spark = SharedSpark.spark();
    Catalog catalog = new Catalog(SharedSpark.tempDir("properties").toString());
    String path = catalog.path(Table.REF_PROVINCES);
    spark.sql("CREATE TABLE delta.`" + path + "` (code STRING, n INT) USING delta"
        + " TBLPROPERTIES ('tuopin.reference.fingerprint' = 'abc', 'delta.enableChangeDataFeed' = 'true')");
    spark.sql("ALTER TABLE delta.`" + path + "` ADD CONSTRAINT n_not_negative CHECK (n >= 0)");

    java.util.Map<String, String> p = catalog.properties(spark, Table.REF_PROVINCES);

    assertEquals("abc", p.get("tuopin.reference.fingerprint"));
    assertEquals("true", p.get("delta.enableChangeDataFeed"));
    assertEquals("n >= 0", p.get("delta.constraints.n_not_negative"));
    assertEquals(
        spark.sql("DESCRIBE DETAIL delta.`" + path + "`").select("properties").first().getJavaMap(0).get("delta.constraints.n_not_negative"),
        p.get("delta.constraints.n_not_negative"));
    assertFalse(p.containsKey("tuopin.no.such.property"));
  }
}
