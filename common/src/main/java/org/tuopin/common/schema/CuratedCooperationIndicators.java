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
 * {@code curated.cooperation_indicators}: the trace of every score of
 * {@code curated.cooperation_assessment}, one row per pairing, side, year and indicator. For a row
 * of the assessment, {@code score_<aspect>} = Σ {@link #INDICATOR_WEIGHT} × {@link #NORMALISED}
 * over the aspect's rows, and {@code total} = Σ {@link #CONTRIBUTION}. Key: the assessment's key
 * plus {@link #INDICATOR}.
 */
public final class CuratedCooperationIndicators {
  private CuratedCooperationIndicators() {}

  public static final String HELPER_CODE = CuratedCooperationAssessment.HELPER_CODE;
  public static final String HELPED_CODE = CuratedCooperationAssessment.HELPED_CODE;
  public static final String SIDE = CuratedCooperationAssessment.SIDE;
  public static final String REPORTING_YEAR = CuratedCooperationAssessment.REPORTING_YEAR;
  /** POVERTY_REDUCTION, LABOUR, INDUSTRY, TALENT or FUNDING. */
  public static final String ASPECT = "aspect";
  /** Indicator name, as in tuopin.cooperation.indicator-weights (e.g. exit_rate). */
  public static final String INDICATOR = "indicator";
  /** The indicator's input as delivered or counted: persons, pairs, 10,000 yuan, or a rate. */
  public static final String RAW_VALUE = "raw_value";
  /** Registered poor persons of the helped area at the start of the year (end of the year before, else of the year). */
  public static final String POOR_BASE = "poor_base";
  /** The value compared: raw_value per 10,000 poor_base, or the rate itself. */
  public static final String VALUE = "value";
  /** The highest value of the indicator among the peers (same side and year), negatives as 0. */
  public static final String PEER_MAX = "peer_max";
  /**
   * 100 × max(value, 0) / benchmark, at most 100; 0 when the value is missing or every peer has 0.
   */
  public static final String NORMALISED = "normalised";
  public static final String INDICATOR_WEIGHT = "indicator_weight";
  public static final String ASPECT_WEIGHT = "aspect_weight";
  /** aspect_weight × indicator_weight × normalised: this indicator's points in the total. */
  public static final String CONTRIBUTION = "contribution";
  /**
   * The value that scores 100: the peers' values' quantile tuopin.cooperation.benchmark-quantile
   * (negatives as 0, interpolated), or peer_max when that quantile is 0.
   */
  public static final String BENCHMARK = "benchmark";
  /**
   * Whether the row counts in the score: the helped area had registered poor persons at the start
   * of the year and, for a rate, the rate exists (not in the first reporting year). When false the
   * row's weights are 0 and the others of the pairing share them (docs/cooperation.md).
   */
  public static final String ASSESSABLE = "assessable";

  public static final List<String> KEY = List.of(HELPER_CODE, HELPED_CODE, SIDE, REPORTING_YEAR, INDICATOR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);
  public static final List<String> COUNTS = List.of(POOR_BASE);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(HELPER_CODE, StringType, false),
              createStructField(HELPED_CODE, StringType, false),
              createStructField(SIDE, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(ASPECT, StringType, false),
              createStructField(INDICATOR, StringType, false),
              createStructField(RAW_VALUE, DoubleType, true),
              createStructField(POOR_BASE, LongType, true),
              createStructField(VALUE, DoubleType, true),
              createStructField(PEER_MAX, DoubleType, true),
              createStructField(NORMALISED, DoubleType, false),
              createStructField(INDICATOR_WEIGHT, DoubleType, false),
              createStructField(ASPECT_WEIGHT, DoubleType, false),
              createStructField(CONTRIBUTION, DoubleType, false),
              // Appended (columns grow at the end): tables made before it gain it on their next write.
              createStructField(BENCHMARK, DoubleType, true),
              createStructField(ASSESSABLE, BooleanType, true)));
}
