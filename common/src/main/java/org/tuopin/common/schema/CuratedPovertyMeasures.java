package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.poverty_measures}: Foster-Greer-Thorbecke measures of per-capita income against
 * the year's line and the Alkire-Foster index of the assurance indicators, over registered persons
 * (members of households whose status that year is not REMOVED). Key: level, area, year.
 */
public final class CuratedPovertyMeasures {
  private CuratedPovertyMeasures() {}

  public static final String LEVEL = CuratedIncidence.LEVEL;
  public static final String AREA_CODE = CuratedIncidence.AREA_CODE;
  public static final String PARENT_CODE = CuratedIncidence.PARENT_CODE;
  public static final String PROVINCE_CODE = CuratedIncidence.PROVINCE_CODE;
  public static final String REPORTING_YEAR = CuratedIncidence.REPORTING_YEAR;
  /** The year's national poverty line, yuan per person per year (ref.poverty_lines). */
  public static final String POVERTY_LINE = "poverty_line";
  /** Member rows of households whose status is not REMOVED: the Alkire-Foster population. */
  public static final String REGISTERED_PERSONS = "registered_persons";
  /** Registered persons whose household income is known: the FGT population. */
  public static final String FGT_PERSONS = "fgt_persons";
  /** Share of FGT persons with income at or below the line. */
  public static final String FGT0 = "fgt0";
  /** Mean normalised gap max(0, (z - y) / z). */
  public static final String FGT1 = "fgt1";
  /** Mean squared normalised gap. */
  public static final String FGT2 = "fgt2";
  /** Persons whose weighted deprivation score reaches the cut-off k. */
  public static final String AF_POOR_PERSONS = "af_poor_persons";
  /** Multidimensional headcount ratio H = af_poor_persons / registered_persons. */
  public static final String AF_H = "af_h";
  /** Intensity A: mean deprivation score among the multidimensionally poor. */
  public static final String AF_A = "af_a";
  /** Adjusted headcount ratio M0 = H * A. */
  public static final String AF_M0 = "af_m0";
  public static final String CENSORED_FOOD_CLOTHING = "censored_food_clothing_secure";
  public static final String CENSORED_COMPULSORY_EDUCATION = "censored_compulsory_education";
  public static final String CENSORED_BASIC_MEDICAL_CARE = "censored_basic_medical_care";
  public static final String CENSORED_SAFE_HOUSING = "censored_safe_housing";
  public static final String CENSORED_SAFE_WATER = "censored_safe_water";
  public static final String SUPPRESSED = CuratedIncidence.SUPPRESSED;

  /**
   * The indicators the Alkire-Foster index may use (household columns of silver.households), each
   * with its censored-headcount column: share of registered persons who are poor and deprived in it.
   */
  public static final Map<String, String> CENSORED_BY_INDICATOR;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(SilverHouseholds.FOOD_CLOTHING_SECURE, CENSORED_FOOD_CLOTHING);
    m.put(SilverHouseholds.COMPULSORY_EDUCATION, CENSORED_COMPULSORY_EDUCATION);
    m.put(SilverHouseholds.BASIC_MEDICAL_CARE, CENSORED_BASIC_MEDICAL_CARE);
    m.put(SilverHouseholds.SAFE_HOUSING, CENSORED_SAFE_HOUSING);
    m.put(SilverHouseholds.SAFE_WATER, CENSORED_SAFE_WATER);
    CENSORED_BY_INDICATOR = java.util.Collections.unmodifiableMap(m);
  }

  public static final List<String> KEY = List.of(LEVEL, AREA_CODE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);
  public static final List<String> RATES =
      List.of(
          FGT0, FGT1, FGT2, AF_H, AF_A, AF_M0, CENSORED_FOOD_CLOTHING, CENSORED_COMPULSORY_EDUCATION,
          CENSORED_BASIC_MEDICAL_CARE, CENSORED_SAFE_HOUSING, CENSORED_SAFE_WATER);
  public static final List<String> COUNTS = List.of(REGISTERED_PERSONS, FGT_PERSONS, AF_POOR_PERSONS);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(LEVEL, StringType, false),
              createStructField(AREA_CODE, StringType, false),
              createStructField(PARENT_CODE, StringType, true),
              createStructField(PROVINCE_CODE, StringType, true),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(POVERTY_LINE, DoubleType, true),
              createStructField(REGISTERED_PERSONS, LongType, false),
              createStructField(FGT_PERSONS, LongType, false),
              createStructField(FGT0, DoubleType, true),
              createStructField(FGT1, DoubleType, true),
              createStructField(FGT2, DoubleType, true),
              createStructField(AF_POOR_PERSONS, LongType, false),
              createStructField(AF_H, DoubleType, true),
              createStructField(AF_A, DoubleType, true),
              createStructField(AF_M0, DoubleType, true),
              createStructField(CENSORED_FOOD_CLOTHING, DoubleType, true),
              createStructField(CENSORED_COMPULSORY_EDUCATION, DoubleType, true),
              createStructField(CENSORED_BASIC_MEDICAL_CARE, DoubleType, true),
              createStructField(CENSORED_SAFE_HOUSING, DoubleType, true),
              createStructField(CENSORED_SAFE_WATER, DoubleType, true),
              createStructField(SUPPRESSED, BooleanType, false)));
}
