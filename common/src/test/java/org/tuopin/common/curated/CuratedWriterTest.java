package org.tuopin.common.curated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.test.SharedSpark;

/** The curated tables reject a wrong write at the table, and keep what they had. */
@ExtendWith(SharedSpark.class)
class CuratedWriterTest {

  private static Dataset<Row> incidence(SparkSession spark, long poor, double rate) {
    return spark.createDataFrame(
        List.of(
            RowFactory.create("NATION", "000000", null, null, 2019, poor, 3L, 100L, rate, false),
            RowFactory.create("REGION", "west", "000000", null, 2019, 2L, 1L, 50L, 0.04, false)),
        CuratedIncidence.SCHEMA);
  }

  @Test
  void checkConstraintsRejectABadWriteAndKeepTheTable() {
    SparkSession spark = SharedSpark.spark();
    Catalog catalog = new Catalog(SharedSpark.tempDir("writer").toString());
    CuratedWriter.overwrite(spark, catalog, CuratedWriter.INCIDENCE, incidence(spark, 5L, 0.05), null);
    String path = catalog.path(Table.CURATED_INCIDENCE);
    assertEquals(2, spark.read().format("delta").load(path).count());

    Exception rate =
        assertThrows(
            Exception.class,
            () -> CuratedWriter.overwrite(spark, catalog, CuratedWriter.INCIDENCE, incidence(spark, 5L, 1.5), null));
    assertTrue(rate.getMessage().contains("incidence_rate_in_unit_interval"), rate.getMessage());
    Exception count =
        assertThrows(
            Exception.class,
            () -> CuratedWriter.overwrite(spark, catalog, CuratedWriter.INCIDENCE, incidence(spark, -1L, 0.05), null));
    assertTrue(count.getMessage().contains("poor_persons_not_negative"), count.getMessage());

    Row kept = spark.read().format("delta").load(path).filter("level = 'NATION'").first();
    assertEquals(5L, kept.<Long>getAs(CuratedIncidence.POOR_PERSONS));
    assertEquals(0.05, kept.<Double>getAs(CuratedIncidence.INCIDENCE_RATE));
  }

  @Test
  void replaceWhereReplacesOnlyTheGivenYears() {
    SparkSession spark = SharedSpark.spark();
    Catalog catalog = new Catalog(SharedSpark.tempDir("replace").toString());
    Dataset<Row> both =
        incidence(spark, 5L, 0.05)
            .unionByName(incidence(spark, 6L, 0.06).withColumn(CuratedIncidence.REPORTING_YEAR, org.apache.spark.sql.functions.lit(2020)));
    CuratedWriter.overwrite(spark, catalog, CuratedWriter.INCIDENCE, both, null);
    CuratedWriter.overwrite(
        spark, catalog, CuratedWriter.INCIDENCE,
        incidence(spark, 7L, 0.07).withColumn(CuratedIncidence.REPORTING_YEAR, org.apache.spark.sql.functions.lit(2020)),
        "reporting_year = 2020");
    Dataset<Row> t = spark.read().format("delta").load(catalog.path(Table.CURATED_INCIDENCE)).filter("level = 'NATION'");
    assertEquals(5L, t.filter("reporting_year = 2019").first().<Long>getAs(CuratedIncidence.POOR_PERSONS));
    assertEquals(7L, t.filter("reporting_year = 2020").first().<Long>getAs(CuratedIncidence.POOR_PERSONS));
  }

  @Test
  void aTableMadeBeforeAColumnWasAddedGainsItOnTheNextWrite() {
    SparkSession spark = SharedSpark.spark();
    Catalog catalog = new Catalog(SharedSpark.tempDir("grow").toString());
    String path = catalog.path(Table.CURATED_INCIDENCE);
    // The table as an older version made it: without the contract's last column.
    String last = CuratedIncidence.SCHEMA.fields()[CuratedIncidence.SCHEMA.fields().length - 1].name();
    incidence(spark, 5L, 0.05).drop(last).write().format("delta").partitionBy(CuratedIncidence.REPORTING_YEAR).save(path);
    CuratedWriter.overwrite(spark, catalog, CuratedWriter.INCIDENCE, incidence(spark, 6L, 0.06), null);
    Dataset<Row> t = spark.read().format("delta").load(path);
    assertEquals(List.of(CuratedIncidence.SCHEMA.fieldNames()), List.of(t.columns()));
    assertEquals(6L, t.filter("level = 'NATION'").first().<Long>getAs(CuratedIncidence.POOR_PERSONS));
  }
}
