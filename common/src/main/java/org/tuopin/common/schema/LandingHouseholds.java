package org.tuopin.common.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code households.csv} as a province delivers it: one line per household per reporting year
 * (户), header row, these columns in this order. Values of coded columns are the Chinese labels of
 * {@link org.tuopin.common.domain.Codebook}; flags are 是/否; empty means missing.
 */
public final class LandingHouseholds {
  private LandingHouseholds() {}

  public static final String FILE = "households.csv";

  /** 户编号: the 12-digit village code followed by a 4-digit sequence. */
  public static final String HOUSEHOLD_ID = "household_id";
  /** 12-digit statistical village code; its first 6 digits are the county. */
  public static final String VILLAGE_CODE = "village_code";
  public static final String REPORTING_YEAR = "reporting_year";
  /** The head's 18-character resident ID (personal data: pseudonymised at ingest). */
  public static final String HEAD_RESIDENT_ID = "head_resident_id";
  public static final String HOUSEHOLD_SIZE = "household_size";
  /** 贫困户属性 label. */
  public static final String ATTRIBUTE = "attribute";
  /** 主要致贫原因 label. */
  public static final String MAIN_CAUSE = "main_cause";
  public static final String IDENTIFIED_YEAR = "identified_year";
  /** POOR, EXITED, RETURNED or REMOVED. */
  public static final String STATUS = "status";
  public static final String EXIT_YEAR = "exit_year";
  /** 人均纯收入, yuan per person per year. */
  public static final String PER_CAPITA_INCOME = "per_capita_income";
  public static final String FOOD_CLOTHING_SECURE = "food_clothing_secure";
  public static final String COMPULSORY_EDUCATION = "compulsory_education";
  public static final String BASIC_MEDICAL_CARE = "basic_medical_care";
  public static final String SAFE_HOUSING = "safe_housing";
  public static final String SAFE_WATER = "safe_water";
  /** 易地扶贫搬迁. */
  public static final String RELOCATED = "relocated";

  public static final List<String> COLUMNS =
      List.of(
          HOUSEHOLD_ID, VILLAGE_CODE, REPORTING_YEAR, HEAD_RESIDENT_ID, HOUSEHOLD_SIZE, ATTRIBUTE,
          MAIN_CAUSE, IDENTIFIED_YEAR, STATUS, EXIT_YEAR, PER_CAPITA_INCOME, FOOD_CLOTHING_SECURE,
          COMPULSORY_EDUCATION, BASIC_MEDICAL_CARE, SAFE_HOUSING, SAFE_WATER, RELOCATED);

  public static final StructType SCHEMA = Schemas.allStrings(COLUMNS);
}
