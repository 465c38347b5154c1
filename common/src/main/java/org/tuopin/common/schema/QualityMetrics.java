package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** {@code ops.quality_metrics}: one row per data-quality rule per table per run (append-only). */
public final class QualityMetrics {
  private QualityMetrics() {}

  public static final String RUN_ID = "run_id";
  public static final String STAGE = "stage";
  public static final String TABLE_NAME = "table_name";
  public static final String RULE_ID = "rule_id";
  public static final String BATCH_ID = "batch_id";
  public static final String ROWS_CHECKED = "rows_checked";
  public static final String ROWS_FAILED = "rows_failed";
  /** WARN or FAIL (a FAIL rule with failed rows fails its stage). */
  public static final String SEVERITY = "severity";
  public static final String MEASURED_AT = "measured_at";

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(RUN_ID, StringType, false),
              createStructField(STAGE, StringType, false),
              createStructField(TABLE_NAME, StringType, false),
              createStructField(RULE_ID, StringType, false),
              createStructField(BATCH_ID, StringType, true),
              createStructField(ROWS_CHECKED, LongType, false),
              createStructField(ROWS_FAILED, LongType, false),
              createStructField(SEVERITY, StringType, false),
              createStructField(MEASURED_AT, TimestampType, false)));
}
