package org.tuopin.common.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code members.csv} as a province delivers it: one line per person per reporting year (人).
 * Coded columns carry the labels of {@link org.tuopin.common.domain.Codebook}; flags are 是/否.
 */
public final class LandingMembers {
  private LandingMembers() {}

  public static final String FILE = "members.csv";

  /** 18-character resident ID, GB 11643 (personal data: pseudonymised at ingest). */
  public static final String RESIDENT_ID = "resident_id";
  public static final String HOUSEHOLD_ID = "household_id";
  public static final String REPORTING_YEAR = "reporting_year";
  /** 与户主关系 label. */
  public static final String RELATION = "relation";
  /** 男 / 女. */
  public static final String SEX = "sex";
  /** yyyy-MM-dd. */
  public static final String BIRTH_DATE = "birth_date";
  /** 劳动技能 label. */
  public static final String LABOUR_CAPACITY = "labour_capacity";
  /** 在校生状况 label. */
  public static final String SCHOOLING = "schooling";
  /** 是否辍学 (是/否). */
  public static final String DROPPED_OUT = "dropped_out";
  /** 健康状况 label. */
  public static final String HEALTH = "health";
  /** 是否参加城乡居民基本医疗保险 (是/否). */
  public static final String MEDICAL_INSURANCE = "medical_insurance";
  /** 是否外出务工 (是/否). */
  public static final String WORKS_AWAY = "works_away";
  /** 务工地点: 6-digit province code, empty when not working away. */
  public static final String WORK_PROVINCE = "work_province";
  /** 务工时间 (months in the year, 0–12). */
  public static final String MONTHS_WORKED = "months_worked";

  public static final List<String> COLUMNS =
      List.of(
          RESIDENT_ID, HOUSEHOLD_ID, REPORTING_YEAR, RELATION, SEX, BIRTH_DATE, LABOUR_CAPACITY,
          SCHOOLING, DROPPED_OUT, HEALTH, MEDICAL_INSURANCE, WORKS_AWAY, WORK_PROVINCE, MONTHS_WORKED);

  public static final StructType SCHEMA = Schemas.allStrings(COLUMNS);
}
