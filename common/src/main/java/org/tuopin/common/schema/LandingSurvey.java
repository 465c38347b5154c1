package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code survey.csv}: the third-party assessment survey (第三方评估) of a province's counties, one
 * line per surveyed county and year, delivered in a batch of its own (docs/ingest.md). A sample
 * survey: the rates are derived in silver ({@link SilverSurvey}). Also the layouts of
 * {@code bronze.survey} (landing columns as strings, {@link Bronze#PARSE_ERROR}, then
 * {@link Bronze#METADATA}) and {@code quarantine.survey} (the bronze row, then the reasons).
 */
public final class LandingSurvey {
  private LandingSurvey() {}

  public static final String FILE = "survey.csv";

  public static final String REPORTING_YEAR = "reporting_year";
  /** The surveyed county (6 digits); it must lie in the delivering province. */
  public static final String COUNTY_CODE = "county_code";
  /** Registered and non-registered households the survey visited (样本户数). */
  public static final String SURVEYED_HOUSEHOLDS = "surveyed_households";
  /** Sampled households found poor but not registered (漏评户数). */
  public static final String MISSED_HOUSEHOLDS = "missed_households";
  /** Sampled households that approve of the poverty-reduction work and its results (认可户数). */
  public static final String APPROVING_HOUSEHOLDS = "approving_households";

  /** The landing columns, in contract order. */
  public static final List<String> COLUMNS =
      List.of(REPORTING_YEAR, COUNTY_CODE, SURVEYED_HOUSEHOLDS, MISSED_HOUSEHOLDS, APPROVING_HOUSEHOLDS);
  /** The household counts of a line, each a whole number of 0 or more. */
  public static final List<String> COUNTS = List.of(SURVEYED_HOUSEHOLDS, MISSED_HOUSEHOLDS, APPROVING_HOUSEHOLDS);

  public static final StructType SCHEMA = Schemas.allStrings(COLUMNS);

  /** bronze.survey. */
  public static final StructType BRONZE = bronze();

  /** quarantine.survey. */
  public static final StructType QUARANTINE = quarantine();

  private static StructType bronze() {
    List<StructField> f = new ArrayList<>(List.of(SCHEMA.fields()));
    f.add(createStructField(Bronze.PARSE_ERROR, StringType, true));
    f.addAll(Bronze.METADATA);
    return new StructType(f.toArray(new StructField[0]));
  }

  private static StructType quarantine() {
    List<StructField> f = new ArrayList<>(List.of(bronze().fields()));
    f.add(createStructField(Quarantine.RULE_IDS, createArrayType(StringType, true), false));
    f.add(createStructField(Quarantine.MESSAGES, createArrayType(StringType, true), false));
    return new StructType(f.toArray(new StructField[0]));
  }
}
