package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.conformed_batches}: one row per bronze batch each time conform settles it. A batch id
 * present here is not conformed again (unless {@code conform --all}); conform appends these rows
 * last, after silver and quarantine, so a run killed earlier leaves its batches pending and the next
 * run redoes them (every write before is idempotent).
 */
public final class ConformedBatches {
  private ConformedBatches() {}

  public static final String BATCH_ID = "batch_id";
  public static final String PROVINCE = "province";
  public static final String REPORTING_YEAR = "reporting_year";
  /** FULL or CHANGES. */
  public static final String KIND = "kind";
  public static final String RUN_ID = "run_id";
  /** CONFORMED or REFUSED (a FAIL_BATCH rule fired: nothing of the batch was written). */
  public static final String OUTCOME = "outcome";
  /** The FAIL_BATCH rule ids that refused the batch; empty when conformed. */
  public static final String REFUSED_BY = "refused_by";
  /** Bronze lines of the batch, all three tables. */
  public static final String ROWS_IN = "rows_in";
  /** Lines quarantined (0 for a refused batch: nothing is written). */
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String CONFORMED_AT = "conformed_at";

  public static final String OUTCOME_CONFORMED = "CONFORMED";
  public static final String OUTCOME_REFUSED = "REFUSED";

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(BATCH_ID, StringType, false),
              createStructField(PROVINCE, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(KIND, StringType, false),
              createStructField(RUN_ID, StringType, false),
              createStructField(OUTCOME, StringType, false),
              createStructField(REFUSED_BY, createArrayType(StringType, true), false),
              createStructField(ROWS_IN, LongType, false),
              createStructField(ROWS_QUARANTINED, LongType, false),
              createStructField(CONFORMED_AT, TimestampType, false)));
}
