package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.cooperation_assessment}: the East-West cooperation assessment (东西部扶贫协作考核),
 * one row per pairing of {@code ref.pairings}, side (the helping or the helped area) and reporting
 * year. Each aspect score is a weighted mean of normalised indicators (0–100); {@link #TOTAL} is the
 * weighted sum of the aspect scores; {@link #GRADE} follows the cut-offs in {@code conf/}. Key:
 * ({@link #HELPER_CODE}, {@link #HELPED_CODE}, {@link #SIDE}, {@link #REPORTING_YEAR}).
 */
public final class CuratedCooperationAssessment {
  private CuratedCooperationAssessment() {}

  /** Division code of the helping eastern province or city. */
  public static final String HELPER_CODE = "helper_code";
  /** Division code of the helped western province or prefecture. */
  public static final String HELPED_CODE = "helped_code";
  /** {@link #SIDE_HELPER} or {@link #SIDE_HELPED}: which party of the pairing the row assesses. */
  public static final String SIDE = "side";
  public static final String REPORTING_YEAR = "reporting_year";
  /** 减贫成效, 0–100. */
  public static final String SCORE_POVERTY_REDUCTION = "score_poverty_reduction";
  /** 劳务协作, 0–100. */
  public static final String SCORE_LABOUR = "score_labour";
  /** 产业合作, 0–100. */
  public static final String SCORE_INDUSTRY = "score_industry";
  /** 人才支援, 0–100. */
  public static final String SCORE_TALENT = "score_talent";
  /** 资金支持, 0–100. */
  public static final String SCORE_FUNDING = "score_funding";
  /** Weighted total of the five aspect scores, 0–100. */
  public static final String TOTAL = "total";
  /** 好, 较好, 一般 or 较差. */
  public static final String GRADE = "grade";
  /** 1 = best total among the rows of the same side and year. */
  public static final String RANK = "rank";

  public static final String SIDE_HELPER = "HELPER";
  public static final String SIDE_HELPED = "HELPED";

  public static final List<String> KEY = List.of(HELPER_CODE, HELPED_CODE, SIDE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);

  /**
   * The columns the year-end summary reads. Further columns (indicator values, peer counts) may be
   * added after these; these names and types do not change.
   */
  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(HELPER_CODE, StringType, false),
              createStructField(HELPED_CODE, StringType, false),
              createStructField(SIDE, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(SCORE_POVERTY_REDUCTION, DoubleType, true),
              createStructField(SCORE_LABOUR, DoubleType, true),
              createStructField(SCORE_INDUSTRY, DoubleType, true),
              createStructField(SCORE_TALENT, DoubleType, true),
              createStructField(SCORE_FUNDING, DoubleType, true),
              createStructField(TOTAL, DoubleType, true),
              createStructField(GRADE, StringType, true),
              createStructField(RANK, IntegerType, true)));
}
