package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.cooperation_roster}: the cross-assessment (交叉考核) of each year: which province's
 * team assesses which province's pairings (both sides). Key: ({@link #REPORTING_YEAR},
 * {@link #ASSESSOR_CODE}).
 */
public final class CuratedCooperationRoster {
  private CuratedCooperationRoster() {}

  public static final String REPORTING_YEAR = CuratedCooperationAssessment.REPORTING_YEAR;
  /** The province whose team assesses. */
  public static final String ASSESSOR_CODE = "assessor_code";
  /** The province whose pairings are assessed. */
  public static final String ASSESSED_CODE = "assessed_code";
  /** Positions between assessor and assessed in the configured rotation (1 .. n-1). */
  public static final String ROTATION_OFFSET = "rotation_offset";
  /** Pairings of ref.pairings whose helper lies in the assessed province. */
  public static final String PAIRINGS = "pairings";

  public static final List<String> KEY = List.of(REPORTING_YEAR, ASSESSOR_CODE);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);
  public static final List<String> COUNTS = List.of(PAIRINGS);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(ASSESSOR_CODE, StringType, false),
              createStructField(ASSESSED_CODE, StringType, false),
              createStructField(ROTATION_OFFSET, IntegerType, false),
              createStructField(PAIRINGS, IntegerType, false)));
}
