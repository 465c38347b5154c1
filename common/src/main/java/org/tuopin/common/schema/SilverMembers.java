package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver.members}: one valid person per reporting year. The resident ID is gone: only its
 * keyed pseudonym {@link #PERSON_KEY} and what statistics need of it (birth date, sex) remain.
 * Key: ({@link #PERSON_KEY}, {@link #REPORTING_YEAR}); partitioned by reporting year and province.
 */
public final class SilverMembers {
  private SilverMembers() {}

  /** HMAC-SHA-256 of the resident ID under the pseudonym key, 64 hex characters. */
  public static final String PERSON_KEY = "person_key";
  public static final String HOUSEHOLD_ID = "household_id";
  public static final String REPORTING_YEAR = "reporting_year";
  public static final String PROVINCE_CODE = "province_code";
  public static final String COUNTY_CODE = "county_code";
  public static final String VILLAGE_CODE = "village_code";
  /** {@link org.tuopin.common.domain.Codebook.Relation} code. */
  public static final String RELATION = "relation";
  /** {@link org.tuopin.common.domain.Codebook.Sex} code. */
  public static final String SEX = "sex";
  public static final String BIRTH_DATE = "birth_date";
  /** Completed years at 31 December of the reporting year. */
  public static final String AGE = "age";
  public static final String LABOUR_CAPACITY = "labour_capacity";
  public static final String SCHOOLING = "schooling";
  public static final String DROPPED_OUT = "dropped_out";
  public static final String HEALTH = "health";
  public static final String MEDICAL_INSURANCE = "medical_insurance";
  public static final String WORKS_AWAY = "works_away";
  public static final String WORK_PROVINCE = "work_province";
  public static final String MONTHS_WORKED = "months_worked";

  public static final List<String> KEY = List.of(PERSON_KEY, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR, PROVINCE_CODE);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(PERSON_KEY, StringType, false),
              createStructField(HOUSEHOLD_ID, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(PROVINCE_CODE, StringType, false),
              createStructField(COUNTY_CODE, StringType, false),
              createStructField(VILLAGE_CODE, StringType, false),
              createStructField(RELATION, StringType, true),
              createStructField(SEX, StringType, false),
              createStructField(BIRTH_DATE, DateType, false),
              createStructField(AGE, IntegerType, false),
              createStructField(LABOUR_CAPACITY, StringType, true),
              createStructField(SCHOOLING, StringType, true),
              createStructField(DROPPED_OUT, BooleanType, true),
              createStructField(HEALTH, StringType, true),
              createStructField(MEDICAL_INSURANCE, BooleanType, true),
              createStructField(WORKS_AWAY, BooleanType, true),
              createStructField(WORK_PROVINCE, StringType, true),
              createStructField(MONTHS_WORKED, IntegerType, true),
              createStructField(Lineage.BATCH_ID, StringType, false),
              createStructField(Lineage.SOURCE_FILE, StringType, false),
              createStructField(Lineage.LINE, LongType, false)));
}
