package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver.survey}: the third-party assessment survey per county and year (optional input,
 * {@link LandingSurvey}), from the survey batches in force. Rates are fractions of the sample:
 * {@link #MISSED_RATE} = missed / surveyed, {@link #APPROVAL_RATE} = approving / surveyed. The
 * first four columns are what the aggregate stage reads; the counts and the lineage follow. Key:
 * ({@link #COUNTY_CODE}, {@link #REPORTING_YEAR}).
 */
public final class SilverSurvey {
  private SilverSurvey() {}

  public static final String COUNTY_CODE = "county_code";
  public static final String REPORTING_YEAR = "reporting_year";
  /** Missed-identification rate (漏评率). */
  public static final String MISSED_RATE = "missed_rate";
  /** Share of surveyed households that approve (群众认可度). */
  public static final String APPROVAL_RATE = "approval_rate";
  /** The delivering province, PP0000. */
  public static final String PROVINCE_CODE = "province_code";
  public static final String SURVEYED_HOUSEHOLDS = LandingSurvey.SURVEYED_HOUSEHOLDS;
  public static final String MISSED_HOUSEHOLDS = LandingSurvey.MISSED_HOUSEHOLDS;
  public static final String APPROVING_HOUSEHOLDS = LandingSurvey.APPROVING_HOUSEHOLDS;

  public static final List<String> KEY = List.of(COUNTY_CODE, REPORTING_YEAR);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(COUNTY_CODE, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(MISSED_RATE, DoubleType, true),
              createStructField(APPROVAL_RATE, DoubleType, true),
              createStructField(PROVINCE_CODE, StringType, true),
              createStructField(SURVEYED_HOUSEHOLDS, LongType, true),
              createStructField(MISSED_HOUSEHOLDS, LongType, true),
              createStructField(APPROVING_HOUSEHOLDS, LongType, true),
              createStructField(Lineage.BATCH_ID, StringType, true),
              createStructField(Lineage.SOURCE_FILE, StringType, true),
              createStructField(Lineage.LINE, LongType, true)));
}
