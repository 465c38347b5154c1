package org.tuopin.common.ops;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import scala.collection.JavaConverters;

/** Appends one row per stage to {@code ops.runs} (DESIGN.md, run contract). */
public final class RunLog {
  private RunLog() {}

  public static final String RUN_ID = "run_id";
  public static final String BATCH_DATE = "batch_date";
  public static final String STAGE = "stage";
  public static final String STARTED_AT = "started_at";
  public static final String ENDED_AT = "ended_at";
  public static final String ROWS_IN = "rows_in";
  public static final String ROWS_OUT = "rows_out";
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String TABLE_VERSIONS = "table_versions";
  public static final String OUTCOME = "outcome";
  public static final String MESSAGE = "message";

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(RUN_ID, StringType, false),
              createStructField(BATCH_DATE, StringType, true),
              createStructField(STAGE, StringType, false),
              createStructField(STARTED_AT, TimestampType, false),
              createStructField(ENDED_AT, TimestampType, false),
              createStructField(ROWS_IN, LongType, false),
              createStructField(ROWS_OUT, LongType, false),
              createStructField(ROWS_QUARANTINED, LongType, false),
              createStructField(TABLE_VERSIONS, createMapType(StringType, LongType), false),
              createStructField(OUTCOME, StringType, false),
              createStructField(MESSAGE, StringType, true)));

  /** Appends the stage's row; a small driver-side row, never data. */
  public static void append(SparkSession spark, Catalog catalog, String runId, String batchDate, StageResult r) {
    Row row =
        RowFactory.create(
            runId,
            batchDate,
            r.stage(),
            Timestamp.from(r.start()),
            Timestamp.from(r.end()),
            r.rowsIn(),
            r.rowsOut(),
            r.rowsQuarantined(),
            JavaConverters.mapAsScalaMapConverter(r.tableVersions()).asScala(),
            r.outcome().name(),
            r.message());
    spark
        .createDataFrame(List.of(row), SCHEMA)
        .coalesce(1)
        .write()
        .format("delta")
        .mode("append")
        .save(catalog.path(Table.OPS_RUNS));
  }
}
