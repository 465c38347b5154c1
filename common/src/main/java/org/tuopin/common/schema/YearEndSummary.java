package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.year_end_summary}: the national office's headline figures of a year per level
 * (NATION, REGION, PROVINCE), area and year, as released by {@code tuopin year-end} (docs/year-end.md).
 * Key: ({@link #LEVEL}, {@link #AREA_CODE}, {@link #REPORTING_YEAR}). Each year's rows are those of
 * the year's current release ({@link #RELEASE_ID}); the same columns, for every release, are kept in
 * {@code curated.year_end_releases} ({@link YearEndReleases}). Values are exact; {@link #SUPPRESSED}
 * is the small-cell flag of the curated tables and every export hides the suppressed rows' figures.
 */
public final class YearEndSummary {
  private YearEndSummary() {}

  /** The release the row belongs to, e.g. {@code 2020-r1}. */
  public static final String RELEASE_ID = "release_id";
  /** NATION, REGION, PROVINCE (and COUNTY in the pinned release rows). */
  public static final String LEVEL = CuratedIncidence.LEVEL;
  public static final String AREA_CODE = CuratedIncidence.AREA_CODE;
  /** Chinese name of the area (ref.divisions; 全国 and 东部/中部/西部 for the nation and regions). */
  public static final String AREA_NAME = "area_name";
  public static final String PARENT_CODE = CuratedIncidence.PARENT_CODE;
  public static final String REPORTING_YEAR = CuratedIncidence.REPORTING_YEAR;

  // curated.incidence
  public static final String POOR_PERSONS = CuratedIncidence.POOR_PERSONS;
  public static final String POOR_HOUSEHOLDS = CuratedIncidence.POOR_HOUSEHOLDS;
  public static final String RURAL_POPULATION = CuratedIncidence.RURAL_POPULATION;
  public static final String INCIDENCE_RATE = CuratedIncidence.INCIDENCE_RATE;
  // curated.exits
  public static final String EXITED_PERSONS = CuratedExits.EXITED_PERSONS;
  public static final String EXITED_HOUSEHOLDS = CuratedExits.EXITED_HOUSEHOLDS;
  public static final String NEW_PERSONS = CuratedExits.NEW_PERSONS;
  public static final String RETURNED_PERSONS = CuratedExits.RETURNED_PERSONS;
  public static final String REMOVED_PERSONS = CuratedExits.REMOVED_PERSONS;
  public static final String CUMULATIVE_EXITED_PERSONS = CuratedExits.CUMULATIVE_EXITED_PERSONS;
  public static final String WRONG_EXIT_RATE = CuratedExits.WRONG_EXIT_RATE;
  // curated.exit_quality
  /** Households on the year's inspection list (exited while failing the exit standard). */
  public static final String QUESTIONABLE_EXIT_HOUSEHOLDS = "questionable_exit_households";
  /** Their member rows. */
  public static final String QUESTIONABLE_EXIT_PERSONS = "questionable_exit_persons";
  // curated.county_status and curated.village_status
  /** National poor counties with a curated.county_status row that year. */
  public static final String POOR_COUNTIES = "poor_counties";
  /** Poor counties whose announced de-listing (摘帽) year is this year (ref.poor_counties). */
  public static final String COUNTIES_DELISTED = "counties_delisted";
  /** Poor counties eligible by the computed rules this year. */
  public static final String COUNTIES_ELIGIBLE = "counties_eligible";
  /** Counties announced as de-listed this year although not eligible by rule (flag ANNOUNCED_NOT_ELIGIBLE). */
  public static final String COUNTIES_DELISTED_NOT_ELIGIBLE = "counties_delisted_not_eligible";
  /** Villages eligible to exit by rule for the first time this year (the year's village exits, 贫困村退出). */
  public static final String VILLAGES_EXITED = "villages_exited";
  /** Villages eligible by rule this year. */
  public static final String VILLAGES_ELIGIBLE = "villages_eligible";
  // curated.poverty_measures
  public static final String POVERTY_LINE = CuratedPovertyMeasures.POVERTY_LINE;
  public static final String FGT0 = CuratedPovertyMeasures.FGT0;
  public static final String FGT1 = CuratedPovertyMeasures.FGT1;
  public static final String FGT2 = CuratedPovertyMeasures.FGT2;
  public static final String AF_H = CuratedPovertyMeasures.AF_H;
  public static final String AF_A = CuratedPovertyMeasures.AF_A;
  public static final String AF_M0 = CuratedPovertyMeasures.AF_M0;
  // curated.cooperation_assessment
  /** False when curated.cooperation_assessment did not exist: the cooperation counts are then null. */
  public static final String COOP_ASSESSED = "coop_assessed";
  /** Pairing rows of the year graded 好 / 较好 / 一般 / 较差 on the helping side, attributed to the helper's province. */
  public static final String COOP_HELPER_GOOD = "coop_helper_good";
  public static final String COOP_HELPER_FAIRLY_GOOD = "coop_helper_fairly_good";
  public static final String COOP_HELPER_AVERAGE = "coop_helper_average";
  public static final String COOP_HELPER_POOR = "coop_helper_poor";
  /** The same on the helped side, attributed to the helped area's province. */
  public static final String COOP_HELPED_GOOD = "coop_helped_good";
  public static final String COOP_HELPED_FAIRLY_GOOD = "coop_helped_fairly_good";
  public static final String COOP_HELPED_AVERAGE = "coop_helped_average";
  public static final String COOP_HELPED_POOR = "coop_helped_poor";
  /** The small-cell flag of the area-year in the curated tables; NATION and REGION are never suppressed. */
  public static final String SUPPRESSED = CuratedIncidence.SUPPRESSED;

  /**
   * The grades of the cooperation assessment, best first (the values of
   * {@link CuratedCooperationAssessment#GRADE}).
   */
  public static final List<String> GRADES = List.of("好", "较好", "一般", "较差");
  /** Helper-side count columns, in the order of {@link #GRADES}. */
  public static final List<String> COOP_HELPER = List.of(COOP_HELPER_GOOD, COOP_HELPER_FAIRLY_GOOD, COOP_HELPER_AVERAGE, COOP_HELPER_POOR);
  /** Helped-side count columns, in the order of {@link #GRADES}. */
  public static final List<String> COOP_HELPED = List.of(COOP_HELPED_GOOD, COOP_HELPED_FAIRLY_GOOD, COOP_HELPED_AVERAGE, COOP_HELPED_POOR);

  public static final List<String> KEY = List.of(LEVEL, AREA_CODE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);
  public static final List<String> RATES = List.of(INCIDENCE_RATE, WRONG_EXIT_RATE, FGT0, FGT1, FGT2, AF_H, AF_A, AF_M0);

  /** Every figure column (what suppression hides), in table order. */
  public static final List<String> FIGURES;
  public static final List<String> COUNTS;

  /** The columns after {@link #RELEASE_ID}, shared with {@link YearEndReleases}. */
  static final List<StructField> FIELDS;
  public static final StructType SCHEMA;

  static {
    List<String> counts = new ArrayList<>(List.of(
        POOR_PERSONS, POOR_HOUSEHOLDS, RURAL_POPULATION, EXITED_PERSONS, EXITED_HOUSEHOLDS, NEW_PERSONS, RETURNED_PERSONS,
        REMOVED_PERSONS, CUMULATIVE_EXITED_PERSONS, QUESTIONABLE_EXIT_HOUSEHOLDS, QUESTIONABLE_EXIT_PERSONS, POOR_COUNTIES,
        COUNTIES_DELISTED, COUNTIES_ELIGIBLE, COUNTIES_DELISTED_NOT_ELIGIBLE, VILLAGES_EXITED, VILLAGES_ELIGIBLE));
    counts.addAll(COOP_HELPER);
    counts.addAll(COOP_HELPED);
    COUNTS = List.copyOf(counts);
    List<StructField> f = new ArrayList<>();
    f.add(createStructField(LEVEL, StringType, false));
    f.add(createStructField(AREA_CODE, StringType, false));
    f.add(createStructField(AREA_NAME, StringType, true));
    f.add(createStructField(PARENT_CODE, StringType, true));
    f.add(createStructField(REPORTING_YEAR, IntegerType, false));
    List<String> figures = new ArrayList<>();
    for (String c : List.of(
        POOR_PERSONS, POOR_HOUSEHOLDS, RURAL_POPULATION, INCIDENCE_RATE, EXITED_PERSONS, EXITED_HOUSEHOLDS, NEW_PERSONS,
        RETURNED_PERSONS, REMOVED_PERSONS, CUMULATIVE_EXITED_PERSONS, WRONG_EXIT_RATE, QUESTIONABLE_EXIT_HOUSEHOLDS,
        QUESTIONABLE_EXIT_PERSONS, POOR_COUNTIES, COUNTIES_DELISTED, COUNTIES_ELIGIBLE, COUNTIES_DELISTED_NOT_ELIGIBLE,
        VILLAGES_EXITED, VILLAGES_ELIGIBLE, POVERTY_LINE, FGT0, FGT1, FGT2, AF_H, AF_A, AF_M0)) {
      f.add(createStructField(c, COUNTS.contains(c) ? LongType : DoubleType, true));
      figures.add(c);
    }
    f.add(createStructField(COOP_ASSESSED, BooleanType, false));
    for (String c : counts.subList(counts.size() - 8, counts.size())) {
      f.add(createStructField(c, LongType, true));
      figures.add(c);
    }
    f.add(createStructField(SUPPRESSED, BooleanType, false));
    FIELDS = List.copyOf(f);
    FIGURES = List.copyOf(figures);
    List<StructField> all = new ArrayList<>();
    all.add(createStructField(RELEASE_ID, StringType, false));
    all.addAll(FIELDS);
    SCHEMA = createStructType(all);
  }
}
