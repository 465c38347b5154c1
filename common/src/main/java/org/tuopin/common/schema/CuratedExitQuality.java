package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.exit_quality}: the inspection list, one row per household that exited in the
 * reporting year while failing the exit standard. Key: ({@link #HOUSEHOLD_ID},
 * {@link #REPORTING_YEAR}).
 */
public final class CuratedExitQuality {
  private CuratedExitQuality() {}

  public static final String HOUSEHOLD_ID = "household_id";
  public static final String REPORTING_YEAR = "reporting_year";
  public static final String PROVINCE_CODE = "province_code";
  public static final String COUNTY_CODE = "county_code";
  public static final String VILLAGE_CODE = "village_code";
  /** Member rows of the household that year. */
  public static final String PERSONS = "persons";
  /** Yuan per person per year, as delivered. */
  public static final String PER_CAPITA_INCOME = "per_capita_income";
  /** The year's poverty line the income was tested against, yuan. */
  public static final String POVERTY_LINE = "poverty_line";
  /** Names of the failed criteria, see {@code org.tuopin.common.curated.ExitStandard.Criterion}. */
  public static final String FAILED_CRITERIA = "failed_criteria";

  public static final List<String> KEY = List.of(HOUSEHOLD_ID, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);
  public static final List<String> RATES = List.of();
  public static final List<String> COUNTS = List.of(PERSONS);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(HOUSEHOLD_ID, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(PROVINCE_CODE, StringType, false),
              createStructField(COUNTY_CODE, StringType, false),
              createStructField(VILLAGE_CODE, StringType, false),
              createStructField(PERSONS, LongType, false),
              createStructField(PER_CAPITA_INCOME, DoubleType, true),
              createStructField(POVERTY_LINE, DoubleType, true),
              createStructField(FAILED_CRITERIA, createArrayType(StringType, true), false)));
}
