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
 * {@code curated.exits}: the flows of the register per level, area and year: exits, new
 * identifications, returns to poverty, removals, cumulative exits, wrong exits and the residual of
 * the stock identity. Key: ({@link #LEVEL}, {@link #AREA_CODE}, {@link #REPORTING_YEAR}).
 */
public final class CuratedExits {
  private CuratedExits() {}

  public static final String LEVEL = CuratedIncidence.LEVEL;
  public static final String AREA_CODE = CuratedIncidence.AREA_CODE;
  public static final String PARENT_CODE = CuratedIncidence.PARENT_CODE;
  public static final String PROVINCE_CODE = CuratedIncidence.PROVINCE_CODE;
  public static final String REPORTING_YEAR = CuratedIncidence.REPORTING_YEAR;
  /** Status EXITED with exit_year equal to the reporting year. */
  public static final String EXITED_PERSONS = "exited_persons";
  public static final String EXITED_HOUSEHOLDS = "exited_households";
  /** identified_year equal to the reporting year. */
  public static final String NEW_PERSONS = "new_persons";
  public static final String NEW_HOUSEHOLDS = "new_households";
  /** EXITED in the previous year's record, POOR or RETURNED in this year's. */
  public static final String RETURNED_PERSONS = "returned_persons";
  public static final String RETURNED_HOUSEHOLDS = "returned_households";
  /** Status REMOVED in this year's record. */
  public static final String REMOVED_PERSONS = "removed_persons";
  public static final String REMOVED_HOUSEHOLDS = "removed_households";
  /** Exits summed over every year up to and including this one. */
  public static final String CUMULATIVE_EXITED_PERSONS = "cumulative_exited_persons";
  public static final String CUMULATIVE_EXITED_HOUSEHOLDS = "cumulative_exited_households";
  /** Persons in households that exited this year while failing the exit standard. */
  public static final String WRONG_EXIT_PERSONS = "wrong_exit_persons";
  /** wrong_exit_persons / exited_persons; null without exits. */
  public static final String WRONG_EXIT_RATE = "wrong_exit_rate";
  /** poor(t) - (poor(t-1) - exits + new + returns - removals) in households; null in the first year. */
  public static final String HOUSEHOLD_STOCK_RESIDUAL = "household_stock_residual";
  /** The same identity in persons (households change size, so it need not be zero). */
  public static final String PERSON_STOCK_RESIDUAL = "person_stock_residual";
  public static final String SUPPRESSED = CuratedIncidence.SUPPRESSED;

  public static final List<String> KEY = List.of(LEVEL, AREA_CODE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);
  public static final List<String> RATES = List.of(WRONG_EXIT_RATE);
  public static final List<String> COUNTS =
      List.of(
          EXITED_PERSONS, EXITED_HOUSEHOLDS, NEW_PERSONS, NEW_HOUSEHOLDS, RETURNED_PERSONS, RETURNED_HOUSEHOLDS,
          REMOVED_PERSONS, REMOVED_HOUSEHOLDS, CUMULATIVE_EXITED_PERSONS, CUMULATIVE_EXITED_HOUSEHOLDS,
          WRONG_EXIT_PERSONS);
  /** The flow counts that add up from children to parents (the cumulative ones follow from them). */
  public static final List<String> FLOWS =
      List.of(
          EXITED_PERSONS, EXITED_HOUSEHOLDS, NEW_PERSONS, NEW_HOUSEHOLDS, RETURNED_PERSONS, RETURNED_HOUSEHOLDS,
          REMOVED_PERSONS, REMOVED_HOUSEHOLDS, WRONG_EXIT_PERSONS);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(LEVEL, StringType, false),
              createStructField(AREA_CODE, StringType, false),
              createStructField(PARENT_CODE, StringType, true),
              createStructField(PROVINCE_CODE, StringType, true),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(EXITED_PERSONS, LongType, false),
              createStructField(EXITED_HOUSEHOLDS, LongType, false),
              createStructField(NEW_PERSONS, LongType, false),
              createStructField(NEW_HOUSEHOLDS, LongType, false),
              createStructField(RETURNED_PERSONS, LongType, false),
              createStructField(RETURNED_HOUSEHOLDS, LongType, false),
              createStructField(REMOVED_PERSONS, LongType, false),
              createStructField(REMOVED_HOUSEHOLDS, LongType, false),
              createStructField(CUMULATIVE_EXITED_PERSONS, LongType, false),
              createStructField(CUMULATIVE_EXITED_HOUSEHOLDS, LongType, false),
              createStructField(WRONG_EXIT_PERSONS, LongType, false),
              createStructField(WRONG_EXIT_RATE, DoubleType, true),
              createStructField(HOUSEHOLD_STOCK_RESIDUAL, LongType, true),
              createStructField(PERSON_STOCK_RESIDUAL, LongType, true),
              createStructField(SUPPRESSED, BooleanType, false)));
}
