package org.tuopin.common.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import scala.Option;
import org.tuopin.common.error.Errors;

/**
 * Resolves tables to their Delta locations under one warehouse root and registers them in the
 * session's SQL catalogue, so that {@code silver.households} means the same table in a job, in a
 * test and in an analyst's query.
 */
public final class Catalog {
  /** Names of Delta commit and checkpoint files (00000000000000000000.json, ...checkpoint.parquet). */
  private static final Pattern COMMIT_OR_CHECKPOINT = Pattern.compile("[0-9]{20}\\.(json|checkpoint\\..*)");

  private final String warehouse;

  public Catalog(String warehouse) {
    this.warehouse = warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
  }

  public String warehouse() {
    return warehouse;
  }

  /** The Delta location of a table. */
  public String path(Table t) {
    return warehouse + "/" + t.layer().dbName() + "/" + t.tableName();
  }

  /**
   * True when the table has a commit in the Delta log at its location. A {@code _delta_log} folder
   * without one is what a first write killed before its commit leaves (Delta creates the folder
   * when the write starts): that is no table yet, and the next write creates it.
   */
  public boolean exists(SparkSession spark, Table t) {
    try {
      Path log = new Path(path(t) + "/_delta_log");
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(log) && fs.listStatus(log, p -> COMMIT_OR_CHECKPOINT.matcher(p.getName()).matches()).length > 0;
    } catch (java.io.IOException e) {
      throw Errors.failure("checking table " + t.qualifiedName(), e);
    }
  }

  /** Reads the current version of a table, with a clear error when it was never written. */
  public Dataset<Row> read(SparkSession spark, Table t) {
    if (!exists(spark, t)) {
      throw Errors.missingInput("table " + t.qualifiedName() + " (" + path(t) + ")", "run the stage that writes it first");
    }
    return spark.read().format("delta").load(path(t));
  }

  /**
   * The properties of an existing table ({@code delta.constraints.*}, {@code delta.enableChangeDataFeed},
   * tuopin's own), read from its log's metadata on the driver. Unlike {@code DeltaTable.detail()},
   * which also reports the table's size and file count and so reconstructs its whole state in
   * three Spark jobs, this runs none.
   */
  public Map<String, String> properties(SparkSession spark, Table t) {
    Map<String, String> out = new HashMap<>();
    for (Row r : spark.sql("SHOW TBLPROPERTIES delta.`" + path(t) + "`").collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  /** Registers every table that exists under its layer schema, so SQL can name it. */
  public void registerAll(SparkSession spark) {
    for (Table.Layer layer : Table.Layer.values()) {
      spark.sql("CREATE SCHEMA IF NOT EXISTS " + layer.dbName() + " LOCATION '" + warehouse + "/" + layer.dbName() + "'");
    }
    for (Table t : Table.values()) {
      register(spark, t);
    }
  }

  /**
   * Registers one table if its Delta log exists; returns whether it did. A name already registered
   * at another location (another warehouse in the same session) is re-pointed; the files are never
   * touched, since these are external tables.
   */
  public boolean register(SparkSession spark, Table t) {
    if (!exists(spark, t)) {
      return false;
    }
    spark.sql("CREATE SCHEMA IF NOT EXISTS " + t.layer().dbName() + " LOCATION '" + warehouse + "/" + t.layer().dbName() + "'");
    TableIdentifier id = new TableIdentifier(t.tableName(), Option.apply(t.layer().dbName()));
    SessionCatalog sc = spark.sessionState().catalog();
    String wanted = qualify(spark, path(t));
    if (sc.tableExists(id)) {
      if (registeredLocation(spark, sc, id).equals(wanted)) {
        return true;
      }
      spark.sql("DROP TABLE " + t.qualifiedName());
    }
    spark.sql("CREATE TABLE " + t.qualifiedName() + " USING delta LOCATION '" + wanted + "'");
    return true;
  }

  private static String registeredLocation(SparkSession spark, SessionCatalog sc, TableIdentifier id) {
    try {
      return qualify(spark, new Path(sc.getTableMetadata(id).location()).toString());
    } catch (Exception e) {
      // Scala declares NoSuchDatabase/NoSuchTable as checked; a vanished entry is simply re-created.
      return "";
    }
  }

  private static String qualify(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
    } catch (java.io.IOException e) {
      throw Errors.failure("resolving path " + path, e);
    }
  }
}
