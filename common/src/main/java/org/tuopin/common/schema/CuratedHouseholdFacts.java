package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.household_facts}: the working table of the aggregate stage, one row per household
 * and reporting year with its member count, the year's line, the exit-standard criteria it fails
 * and its contribution to every additive area total. It is the only step of the statistics that
 * reads person-level data; keeping it lets an incremental night recompute it for the changed
 * province-years only and derive every area total from the stored rows. Partitioned like silver,
 * so a province-year is replaced on its own. Key: ({@link #HOUSEHOLD_ID}, {@link #REPORTING_YEAR}).
 */
public final class CuratedHouseholdFacts {
  private CuratedHouseholdFacts() {}

  public static final String HOUSEHOLD_ID = SilverHouseholds.HOUSEHOLD_ID;
  public static final String REPORTING_YEAR = SilverHouseholds.REPORTING_YEAR;
  public static final String PROVINCE_CODE = SilverHouseholds.PROVINCE_CODE;
  public static final String COUNTY_CODE = SilverHouseholds.COUNTY_CODE;
  public static final String VILLAGE_CODE = SilverHouseholds.VILLAGE_CODE;
  public static final String PER_CAPITA_INCOME = SilverHouseholds.PER_CAPITA_INCOME;
  /** Member rows of the household that year. */
  public static final String PERSONS = CuratedExitQuality.PERSONS;
  public static final String POVERTY_LINE = CuratedExitQuality.POVERTY_LINE;
  public static final String FAILED_CRITERIA = CuratedExitQuality.FAILED_CRITERIA;
  /** Exited in this reporting year. */
  public static final String IS_EXITED = "is_exited";
  /** Exited in this year while failing the exit standard. */
  public static final String FAILS_STANDARD = "fails_standard";
  /** FGT persons at or below the line. */
  public static final String FGT_POOR_PERSONS = "fgt_poor_persons";
  /** Person-weighted sum of normalised income gaps. */
  public static final String FGT_GAP_SUM = "fgt_gap_sum";
  /** Person-weighted sum of squared normalised income gaps. */
  public static final String FGT_GAP2_SUM = "fgt_gap2_sum";
  /** Person-weighted sum of deprivation scores of the multidimensionally poor. */
  public static final String AF_SCORE_SUM = "af_score_sum";

  /** The column holding the persons behind a censored headcount of curated.poverty_measures. */
  public static String censoredCount(String censoredColumn) {
    return "n_" + censoredColumn;
  }

  /** Every additive contribution, in the order the area totals sum them. */
  public static final List<String> SUMMED;

  /** The contributions that are person-weighted sums of shares (doubles); the others are counts. */
  public static final List<String> DOUBLE_SUMS = List.of(FGT_GAP_SUM, FGT_GAP2_SUM, AF_SCORE_SUM);

  static {
    List<String> s = new ArrayList<>();
    s.add(CuratedIncidence.POOR_HOUSEHOLDS);
    s.add(CuratedIncidence.POOR_PERSONS);
    s.addAll(CuratedExits.FLOWS);
    s.add(CuratedPovertyMeasures.REGISTERED_PERSONS);
    s.add(CuratedPovertyMeasures.FGT_PERSONS);
    s.add(FGT_POOR_PERSONS);
    s.add(FGT_GAP_SUM);
    s.add(FGT_GAP2_SUM);
    s.add(CuratedPovertyMeasures.AF_POOR_PERSONS);
    s.add(AF_SCORE_SUM);
    for (String c : CuratedPovertyMeasures.CENSORED_BY_INDICATOR.values()) {
      s.add(censoredCount(c));
    }
    SUMMED = List.copyOf(s);
  }

  public static final List<String> KEY = List.of(HOUSEHOLD_ID, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR, PROVINCE_CODE);

  public static final StructType SCHEMA;

  static {
    List<StructField> f = new ArrayList<>();
    f.add(createStructField(HOUSEHOLD_ID, StringType, false));
    f.add(createStructField(REPORTING_YEAR, IntegerType, false));
    f.add(createStructField(PROVINCE_CODE, StringType, false));
    f.add(createStructField(COUNTY_CODE, StringType, false));
    f.add(createStructField(VILLAGE_CODE, StringType, false));
    f.add(createStructField(PER_CAPITA_INCOME, DoubleType, true));
    f.add(createStructField(PERSONS, LongType, false));
    f.add(createStructField(POVERTY_LINE, DoubleType, true));
    f.add(createStructField(FAILED_CRITERIA, createArrayType(StringType, true), false));
    f.add(createStructField(IS_EXITED, BooleanType, false));
    f.add(createStructField(FAILS_STANDARD, BooleanType, false));
    for (String c : SUMMED) {
      // A censored headcount of an indicator with weight 0 is null throughout.
      boolean censored = c.startsWith("n_");
      f.add(createStructField(c, DOUBLE_SUMS.contains(c) ? DoubleType : LongType, censored));
    }
    SCHEMA = new StructType(f.toArray(new StructField[0]));
  }
}
