package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.county_status}: each national poor county and year against the de-listing rules
 * (incidence, wrong-exit rate, missed-identification rate, approval rate), the announced de-listing
 * year, a status and flags. Key: ({@link #AREA_CODE}, {@link #REPORTING_YEAR}).
 * {@code curated.village_status} has the same columns (see {@link CuratedVillageStatus}).
 */
public final class CuratedCountyStatus {
  private CuratedCountyStatus() {}

  public static final String AREA_CODE = "area_code";
  /** The county (equal to area_code here; the village's county in village_status). */
  public static final String COUNTY_CODE = "county_code";
  public static final String PROVINCE_CODE = "province_code";
  public static final String REPORTING_YEAR = "reporting_year";
  public static final String INCIDENCE_RATE = "incidence_rate";
  /** The incidence threshold that applies (ref.thresholds, most specific scope wins). */
  public static final String THRESHOLD = "threshold";
  public static final String WRONG_EXIT_RATE = "wrong_exit_rate";
  public static final String WRONG_EXIT_THRESHOLD = "wrong_exit_threshold";
  /** From silver.survey; null when no survey was delivered. */
  public static final String MISSED_RATE = "missed_rate";
  public static final String MISSED_THRESHOLD = "missed_threshold";
  /** From silver.survey; null when no survey was delivered. */
  public static final String APPROVAL_RATE = "approval_rate";
  public static final String APPROVAL_THRESHOLD = "approval_threshold";
  /** Every rule that could be measured is met; null when incidence cannot be measured. */
  public static final String ELIGIBLE = "eligible";
  /** The exit cohort year of ref.poor_counties; null for villages and not-yet-announced counties. */
  public static final String ANNOUNCED_DELISTED_YEAR = "announced_delisted_year";
  /** ELIGIBLE, ELIGIBLE_PENDING_SURVEY, NOT_ELIGIBLE or NOT_ASSESSABLE. */
  public static final String STATUS = "status";
  /** Disagreements and edge cases, see {@code org.tuopin.common.curated.AreaStatus.Flag}. */
  public static final String FLAGS = "flags";

  public static final List<String> KEY = List.of(AREA_CODE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);
  public static final List<String> RATES =
      List.of(
          INCIDENCE_RATE, THRESHOLD, WRONG_EXIT_RATE, WRONG_EXIT_THRESHOLD, MISSED_RATE, MISSED_THRESHOLD,
          APPROVAL_RATE, APPROVAL_THRESHOLD);
  public static final List<String> COUNTS = List.of();

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(AREA_CODE, StringType, false),
              createStructField(COUNTY_CODE, StringType, false),
              createStructField(PROVINCE_CODE, StringType, true),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(INCIDENCE_RATE, DoubleType, true),
              createStructField(THRESHOLD, DoubleType, true),
              createStructField(WRONG_EXIT_RATE, DoubleType, true),
              createStructField(WRONG_EXIT_THRESHOLD, DoubleType, true),
              createStructField(MISSED_RATE, DoubleType, true),
              createStructField(MISSED_THRESHOLD, DoubleType, true),
              createStructField(APPROVAL_RATE, DoubleType, true),
              createStructField(APPROVAL_THRESHOLD, DoubleType, true),
              createStructField(ELIGIBLE, BooleanType, true),
              createStructField(ANNOUNCED_DELISTED_YEAR, IntegerType, true),
              createStructField(STATUS, StringType, false),
              createStructField(FLAGS, createArrayType(StringType, true), false)));
}
