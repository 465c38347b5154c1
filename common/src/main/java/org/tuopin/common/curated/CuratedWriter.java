package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.schema.CuratedExitQuality;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedHouseholdFacts;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.CuratedPovertyMeasures;
import org.tuopin.common.schema.CuratedVillageBase;
import org.tuopin.common.schema.CuratedVillageStatus;

/**
 * Writes the curated tables so that they defend themselves: each is created once with its schema
 * (NOT NULL where the schema says so), partitioning and Delta CHECK constraints (rates in [0, 1],
 * counts not negative), then replaced in one Delta transaction per write. A write that breaks a
 * constraint fails and leaves the table as it was.
 */
public final class CuratedWriter {
  private CuratedWriter() {}

  /** How a curated table is laid out. */
  public record Layout(Table table, StructType schema, List<String> partitionBy, List<String> rates, List<String> counts) {
    /** The CHECK constraints, by name: one per rate and one per count column. */
    public Map<String, String> constraints() {
      Map<String, String> m = new LinkedHashMap<>();
      for (String r : rates) {
        m.put(r + "_in_unit_interval", r + " IS NULL OR (" + r + " >= 0 AND " + r + " <= 1)");
      }
      for (String c : counts) {
        m.put(c + "_not_negative", c + " IS NULL OR " + c + " >= 0");
      }
      return m;
    }
  }

  /** Delta keeps each CHECK constraint as a table property under this prefix. */
  private static final String CONSTRAINT_PREFIX = "delta.constraints.";

  public static final Layout INCIDENCE =
      new Layout(
          Table.CURATED_INCIDENCE, CuratedIncidence.SCHEMA, CuratedIncidence.PARTITION_BY, CuratedIncidence.RATES,
          CuratedIncidence.COUNTS);
  public static final Layout EXITS =
      new Layout(Table.CURATED_EXITS, CuratedExits.SCHEMA, CuratedExits.PARTITION_BY, CuratedExits.RATES, CuratedExits.COUNTS);
  public static final Layout COUNTY_STATUS =
      new Layout(
          Table.CURATED_COUNTY_STATUS, CuratedCountyStatus.SCHEMA, CuratedCountyStatus.PARTITION_BY,
          CuratedCountyStatus.RATES, CuratedCountyStatus.COUNTS);
  public static final Layout VILLAGE_STATUS =
      new Layout(
          Table.CURATED_VILLAGE_STATUS, CuratedVillageStatus.SCHEMA, CuratedVillageStatus.PARTITION_BY,
          CuratedVillageStatus.RATES, CuratedVillageStatus.COUNTS);
  public static final Layout EXIT_QUALITY =
      new Layout(
          Table.CURATED_EXIT_QUALITY, CuratedExitQuality.SCHEMA, CuratedExitQuality.PARTITION_BY,
          CuratedExitQuality.RATES, CuratedExitQuality.COUNTS);
  public static final Layout POVERTY_MEASURES =
      new Layout(
          Table.CURATED_POVERTY_MEASURES, CuratedPovertyMeasures.SCHEMA, CuratedPovertyMeasures.PARTITION_BY,
          CuratedPovertyMeasures.RATES, CuratedPovertyMeasures.COUNTS);

  /** The aggregate stage's working table; partitioned like silver so a province-year is replaced alone. */
  public static final Layout HOUSEHOLD_FACTS =
      new Layout(
          Table.CURATED_HOUSEHOLD_FACTS, CuratedHouseholdFacts.SCHEMA, CuratedHouseholdFacts.PARTITION_BY, List.of(),
          List.of(CuratedHouseholdFacts.PERSONS));

  /** The aggregate stage's village-year working table; partitioned like silver so a province-year is replaced alone. */
  public static final Layout VILLAGE_BASE =
      new Layout(
          Table.CURATED_VILLAGE_BASE, CuratedVillageBase.SCHEMA, CuratedVillageBase.PARTITION_BY, List.of(),
          CuratedVillageBase.COUNTS);

  /**
   * Creates the table with its constraints when absent (one commit: constraints are table
   * properties, so they are set at creation rather than by one ALTER TABLE each), and adds any
   * column (columns grow at the end) or constraint an older table lacks.
   */
  public static void ensureTable(SparkSession spark, Catalog catalog, Layout layout) {
    String path = catalog.path(layout.table());
    if (!catalog.exists(spark, layout.table())) {
      io.delta.tables.DeltaTableBuilder b =
          DeltaTable.createIfNotExists(spark)
              .location(path)
              .addColumns(layout.schema())
              .partitionedBy(layout.partitionBy().toArray(new String[0]));
      for (Map.Entry<String, String> c : layout.constraints().entrySet()) {
        b = b.property(CONSTRAINT_PREFIX + c.getKey().toLowerCase(Locale.ROOT), c.getValue());
      }
      b.execute();
      return;
    }
    DeltaTable table = DeltaTable.forPath(spark, path);
    Set<String> have = new HashSet<>(List.of(table.toDF().columns()));
    for (StructField f : layout.schema().fields()) {
      if (!have.contains(f.name())) {
        spark.sql("ALTER TABLE delta.`" + path + "` ADD COLUMNS (" + f.name() + " " + f.dataType().sql() + ")");
      }
    }
    Map<String, String> properties = catalog.properties(spark, layout.table());
    for (Map.Entry<String, String> c : layout.constraints().entrySet()) {
      if (!properties.containsKey(CONSTRAINT_PREFIX + c.getKey().toLowerCase(Locale.ROOT))) {
        spark.sql("ALTER TABLE delta.`" + path + "` ADD CONSTRAINT " + c.getKey() + " CHECK (" + c.getValue() + ")");
      }
    }
  }

  /**
   * Replaces the table's content in one transaction.
   *
   * @param replaceWhere null for a full rebuild; otherwise a predicate on partition-aligned columns
   *     (e.g. {@code reporting_year IN (2019, 2020)}) so that only those rows are replaced, and the
   *     new rows must all satisfy it
   */
  public static void overwrite(
      SparkSession spark, Catalog catalog, Layout layout, Dataset<Row> rows, String replaceWhere) {
    ensureTable(spark, catalog, layout);
    Dataset<Row> conformed = CuratedStatistics.conform(rows, layout.schema());
    org.apache.spark.sql.DataFrameWriter<Row> w =
        conformed
            .repartition(col(layout.partitionBy().get(0)))
            .write()
            .format("delta")
            .mode("overwrite");
    if (replaceWhere != null) {
      w = w.option("replaceWhere", replaceWhere);
    }
    w.save(catalog.path(layout.table()));
  }
}
