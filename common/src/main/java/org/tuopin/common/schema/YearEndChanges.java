package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
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
 * {@code curated.year_end_changes}: what a revised release changed, one row per county whose
 * released figures differ from the previous release of the same year, with the reasons.
 * Key: ({@link #RELEASE_ID}, {@link #COUNTY_CODE}).
 */
public final class YearEndChanges {
  private YearEndChanges() {}

  public static final String RELEASE_ID = "release_id";
  public static final String PREVIOUS_RELEASE_ID = "previous_release_id";
  public static final String REPORTING_YEAR = "reporting_year";
  public static final String COUNTY_CODE = "county_code";
  public static final String COUNTY_NAME = "county_name";
  /** The province of the county (its parent code in the pinned rows is the prefecture or province). */
  public static final String PROVINCE_CODE = "province_code";
  public static final String POOR_PERSONS_BEFORE = "poor_persons_before";
  public static final String POOR_PERSONS_AFTER = "poor_persons_after";
  public static final String INCIDENCE_RATE_BEFORE = "incidence_rate_before";
  public static final String INCIDENCE_RATE_AFTER = "incidence_rate_after";
  public static final String EXITED_PERSONS_BEFORE = "exited_persons_before";
  public static final String EXITED_PERSONS_AFTER = "exited_persons_after";
  public static final String RETURNED_PERSONS_BEFORE = "returned_persons_before";
  public static final String RETURNED_PERSONS_AFTER = "returned_persons_after";
  public static final String QUESTIONABLE_EXIT_PERSONS_BEFORE = "questionable_exit_persons_before";
  public static final String QUESTIONABLE_EXIT_PERSONS_AFTER = "questionable_exit_persons_after";
  public static final String RECORDS_BEFORE = "records_before";
  public static final String RECORDS_AFTER = "records_after";
  /** The summary figure columns whose values differ, in table order. */
  public static final String CHANGED = "changed";
  /** LATE_RECORDS, CORRECTIONS, RULE_CHANGE or UNEXPLAINED (see {@code org.tuopin.common.yearend.ChangeReason}). */
  public static final String REASONS = "reasons";
  /** Either release marks the county as a small cell: exports hide its figures. */
  public static final String SUPPRESSED = CuratedIncidence.SUPPRESSED;

  public static final List<String> KEY = List.of(RELEASE_ID, COUNTY_CODE);
  /** The before/after figure columns (hidden in exports when suppressed). */
  public static final List<String> FIGURES =
      List.of(
          POOR_PERSONS_BEFORE, POOR_PERSONS_AFTER, INCIDENCE_RATE_BEFORE, INCIDENCE_RATE_AFTER, EXITED_PERSONS_BEFORE,
          EXITED_PERSONS_AFTER, RETURNED_PERSONS_BEFORE, RETURNED_PERSONS_AFTER, QUESTIONABLE_EXIT_PERSONS_BEFORE,
          QUESTIONABLE_EXIT_PERSONS_AFTER, RECORDS_BEFORE, RECORDS_AFTER);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(RELEASE_ID, StringType, false),
              createStructField(PREVIOUS_RELEASE_ID, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(COUNTY_CODE, StringType, false),
              createStructField(COUNTY_NAME, StringType, true),
              createStructField(PROVINCE_CODE, StringType, true),
              createStructField(POOR_PERSONS_BEFORE, LongType, true),
              createStructField(POOR_PERSONS_AFTER, LongType, true),
              createStructField(INCIDENCE_RATE_BEFORE, DoubleType, true),
              createStructField(INCIDENCE_RATE_AFTER, DoubleType, true),
              createStructField(EXITED_PERSONS_BEFORE, LongType, true),
              createStructField(EXITED_PERSONS_AFTER, LongType, true),
              createStructField(RETURNED_PERSONS_BEFORE, LongType, true),
              createStructField(RETURNED_PERSONS_AFTER, LongType, true),
              createStructField(QUESTIONABLE_EXIT_PERSONS_BEFORE, LongType, true),
              createStructField(QUESTIONABLE_EXIT_PERSONS_AFTER, LongType, true),
              createStructField(RECORDS_BEFORE, LongType, true),
              createStructField(RECORDS_AFTER, LongType, true),
              createStructField(CHANGED, createArrayType(StringType, true), false),
              createStructField(REASONS, createArrayType(StringType, true), false),
              createStructField(SUPPRESSED, BooleanType, false)));
}
