package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver.households}: one valid household per reporting year, typed, codes instead of
 * labels, the head pseudonymised. Key: ({@link #HOUSEHOLD_ID}, {@link #REPORTING_YEAR});
 * partitioned by reporting year and province.
 */
public final class SilverHouseholds {
  private SilverHouseholds() {}

  public static final String HOUSEHOLD_ID = "household_id";
  public static final String REPORTING_YEAR = "reporting_year";
  public static final String PROVINCE_CODE = "province_code";
  public static final String PREFECTURE_CODE = "prefecture_code";
  public static final String COUNTY_CODE = "county_code";
  public static final String VILLAGE_CODE = "village_code";
  public static final String HEAD_PERSON_KEY = "head_person_key";
  public static final String HOUSEHOLD_SIZE = "household_size";
  /** {@link org.tuopin.common.domain.Codebook.HouseholdAttribute} code. */
  public static final String ATTRIBUTE = "attribute";
  /** {@link org.tuopin.common.domain.Codebook.PovertyCause} code. */
  public static final String MAIN_CAUSE = "main_cause";
  public static final String IDENTIFIED_YEAR = "identified_year";
  /** {@link org.tuopin.common.domain.Codebook.HouseholdStatus} code. */
  public static final String STATUS = "status";
  public static final String EXIT_YEAR = "exit_year";
  public static final String PER_CAPITA_INCOME = "per_capita_income";
  public static final String FOOD_CLOTHING_SECURE = "food_clothing_secure";
  public static final String COMPULSORY_EDUCATION = "compulsory_education";
  public static final String BASIC_MEDICAL_CARE = "basic_medical_care";
  public static final String SAFE_HOUSING = "safe_housing";
  public static final String SAFE_WATER = "safe_water";
  public static final String RELOCATED = "relocated";

  public static final List<String> KEY = List.of(HOUSEHOLD_ID, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR, PROVINCE_CODE);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(HOUSEHOLD_ID, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(PROVINCE_CODE, StringType, false),
              createStructField(PREFECTURE_CODE, StringType, false),
              createStructField(COUNTY_CODE, StringType, false),
              createStructField(VILLAGE_CODE, StringType, false),
              createStructField(HEAD_PERSON_KEY, StringType, true),
              createStructField(HOUSEHOLD_SIZE, IntegerType, false),
              createStructField(ATTRIBUTE, StringType, true),
              createStructField(MAIN_CAUSE, StringType, true),
              createStructField(IDENTIFIED_YEAR, IntegerType, false),
              createStructField(STATUS, StringType, false),
              createStructField(EXIT_YEAR, IntegerType, true),
              createStructField(PER_CAPITA_INCOME, DoubleType, true),
              createStructField(FOOD_CLOTHING_SECURE, BooleanType, true),
              createStructField(COMPULSORY_EDUCATION, BooleanType, true),
              createStructField(BASIC_MEDICAL_CARE, BooleanType, true),
              createStructField(SAFE_HOUSING, BooleanType, true),
              createStructField(SAFE_WATER, BooleanType, true),
              createStructField(RELOCATED, BooleanType, true),
              createStructField(Lineage.BATCH_ID, StringType, false),
              createStructField(Lineage.SOURCE_FILE, StringType, false),
              createStructField(Lineage.LINE, LongType, false)));
}
