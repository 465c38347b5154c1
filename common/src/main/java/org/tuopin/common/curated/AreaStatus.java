package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.reference.ReferenceData.PoorCounties;
import org.tuopin.common.reference.ReferenceData.Thresholds;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.SilverSurvey;

/**
 * County and village de-listing status (DESIGN.md, rules; FACTS.md A2-A4): each rate against the
 * threshold of ref.thresholds that applies to the area, the eligibility that follows, and flags for
 * every disagreement with the announced de-listings and every value exactly on a threshold.
 *
 * <p>Counties (national poor counties only) must have incidence and wrong-exit rate strictly below
 * their thresholds and, from the survey, a missed-identification rate below and an approval rate
 * at least at theirs (the comparison comes from the threshold row). Villages need only incidence
 * below the threshold of their county.
 */
public final class AreaStatus {
  private AreaStatus() {}

  /** The status column's values. */
  public enum Status {
    /** Every rule is measured and met. */
    ELIGIBLE,
    /** Incidence and wrong exits meet the rules; no survey was delivered for the rest. */
    ELIGIBLE_PENDING_SURVEY,
    /** At least one measured rule is not met. */
    NOT_ELIGIBLE,
    /** Incidence cannot be computed (no rural population delivered). */
    NOT_ASSESSABLE
  }

  /** The flags column's values. */
  public enum Flag {
    /** No survey row for the county and year: missed and approval rates are null. */
    NO_SURVEY,
    /** No rural population was delivered: incidence is null. */
    NO_POPULATION,
    /** Incidence exactly equals its threshold (so it is not below it). */
    ON_THRESHOLD_INCIDENCE,
    ON_THRESHOLD_WRONG_EXIT,
    ON_THRESHOLD_MISSED,
    ON_THRESHOLD_APPROVAL,
    /** Announced as de-listed with this cohort year, but not eligible by rule in it. */
    ANNOUNCED_NOT_ELIGIBLE,
    /** Eligible this year and the year before, and not announced as de-listed by this year. */
    ELIGIBLE_NOT_ANNOUNCED
  }

  /** The metric names of ref.thresholds this class reads. */
  public enum Metric {
    INCIDENCE("incidence_rate"),
    WRONG_EXIT("wrong_exit_rate"),
    MISSED("missed_rate"),
    APPROVAL("approval_rate");

    private final String id;

    Metric(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Threshold scopes, most specific last. */
  public enum Scope {
    DEFAULT,
    REGION,
    PROVINCE,
    COUNTY
  }

  /**
   * The REGION-scope area code that means the twelve western provinces (is_west12 in
   * ref.divisions), which differ from the "west" belt of the three-belt regions.
   */
  public static final String WEST12 = "west";

  /** Comparison codes of ref.thresholds. */
  static final String LESS_THAN = "LT";

  static final String AT_LEAST = "GEQ";

  private static final String COUNTY = "_county";

  static String thresholdColumn(Metric m) {
    return "_thr_" + m.name();
  }

  static String comparisonColumn(Metric m) {
    return "_cmp_" + m.name();
  }

  /**
   * One row per county of ref.divisions with, per metric, the threshold value and comparison of the
   * most specific matching row of ref.thresholds (COUNTY over PROVINCE over REGION over DEFAULT).
   */
  public static Dataset<Row> resolveThresholds(Dataset<Row> thresholds, Dataset<Row> divisions) {
    Dataset<Row> counties =
        divisions
            .filter(col(Divisions.LEVEL).equalTo(Level.COUNTY.name()))
            .select(
                col(Divisions.CODE).as(COUNTY),
                col(Divisions.PROVINCE_CODE).as("_province"),
                col(Divisions.REGION).as("_region"),
                col(Divisions.IS_WEST12).as("_west12"));
    Column scope = col(Thresholds.SCOPE);
    Column area = col(Thresholds.AREA_CODE);
    Column regionMatches =
        when(area.equalTo(WEST12), col("_west12").eqNullSafe(lit(true))).otherwise(area.eqNullSafe(col("_region")));
    Column matches =
        scope.equalTo(Scope.DEFAULT.name())
            .or(scope.equalTo(Scope.REGION.name()).and(regionMatches))
            .or(scope.equalTo(Scope.PROVINCE.name()).and(area.equalTo(col("_province"))))
            .or(scope.equalTo(Scope.COUNTY.name()).and(area.equalTo(col(COUNTY))));
    Column rank =
        when(scope.equalTo(Scope.COUNTY.name()), 4)
            .when(scope.equalTo(Scope.PROVINCE.name()), 3)
            .when(scope.equalTo(Scope.REGION.name()), 2)
            .otherwise(1);
    WindowSpec specific = Window.partitionBy(col(COUNTY), col(Thresholds.METRIC)).orderBy(rank.desc());
    Dataset<Row> chosen =
        counties
            .join(broadcast(thresholds), matches, "inner")
            .withColumn("_rn", row_number().over(specific))
            .filter(col("_rn").equalTo(1));
    List<Column> pivots = new ArrayList<>();
    for (Metric m : Metric.values()) {
      Column isMetric = col(Thresholds.METRIC).equalTo(m.id());
      pivots.add(max(when(isMetric, col(Thresholds.VALUE))).as(thresholdColumn(m)));
      pivots.add(max(when(isMetric, col(Thresholds.COMPARISON))).as(comparisonColumn(m)));
    }
    return chosen.groupBy(col(COUNTY)).agg(pivots.get(0), pivots.subList(1, pivots.size()).toArray(new Column[0]));
  }

  /** Whether a value meets its threshold under the row's comparison; null when either is unknown. */
  static Column meets(Column value, Metric m) {
    Column thr = col(thresholdColumn(m));
    Column cmp = col(comparisonColumn(m));
    return when(cmp.equalTo(LESS_THAN), value.lt(thr)).when(cmp.equalTo(AT_LEAST), value.geq(thr));
  }

  private static Column onThreshold(Column value, Metric m, Flag flag) {
    return when(value.equalTo(col(thresholdColumn(m))), lit(flag.name()));
  }

  private static Column wrongExitRate() {
    Column exited = col(CuratedExits.EXITED_PERSONS);
    return when(exited.gt(0), col(CuratedExits.WRONG_EXIT_PERSONS).divide(exited));
  }

  private static Column incidenceRate() {
    Column pop = col(CuratedIncidence.RURAL_POPULATION);
    return when(pop.gt(0), col(CuratedIncidence.POOR_PERSONS).divide(pop));
  }

  /**
   * curated.county_status: the national poor counties of ref.poor_counties present in the totals.
   *
   * @param totals {@link AreaTotals#rollUp}
   * @param resolved {@link #resolveThresholds}
   * @param poorCounties ref.poor_counties
   * @param survey silver.survey, or null when it was never delivered
   */
  public static Dataset<Row> county(
      Dataset<Row> totals, Dataset<Row> resolved, Dataset<Row> poorCounties, Dataset<Row> survey) {
    Dataset<Row> poor =
        poorCounties.select(
            col(PoorCounties.COUNTY_CODE).as(COUNTY),
            col(PoorCounties.DELISTED_YEAR).as(CuratedCountyStatus.ANNOUNCED_DELISTED_YEAR));
    Dataset<Row> s =
        survey == null
            ? null
            : survey.select(
                col(SilverSurvey.COUNTY_CODE).as("_s_county"),
                col(SilverSurvey.REPORTING_YEAR).as("_s_year"),
                col(SilverSurvey.MISSED_RATE).as(CuratedCountyStatus.MISSED_RATE),
                col(SilverSurvey.APPROVAL_RATE).as(CuratedCountyStatus.APPROVAL_RATE));
    Dataset<Row> c =
        totals
            .filter(col(CuratedIncidence.LEVEL).equalTo(Level.COUNTY.name()))
            .withColumn(COUNTY, col(CuratedIncidence.AREA_CODE))
            .join(broadcast(poor), HouseholdFacts.scalaSeq(List.of(COUNTY)), "inner")
            .join(broadcast(resolved), HouseholdFacts.scalaSeq(List.of(COUNTY)), "left");
    if (s == null) {
      c =
          c.withColumn(CuratedCountyStatus.MISSED_RATE, lit(null).cast("double"))
              .withColumn(CuratedCountyStatus.APPROVAL_RATE, lit(null).cast("double"));
    } else {
      c =
          c.join(
                  s,
                  col(COUNTY).equalTo(col("_s_county")).and(col(CuratedIncidence.REPORTING_YEAR).equalTo(col("_s_year"))),
                  "left")
              .drop("_s_county", "_s_year");
    }
    Column incidence = col(CuratedCountyStatus.INCIDENCE_RATE);
    Column wrong = col(CuratedCountyStatus.WRONG_EXIT_RATE);
    Column missed = col(CuratedCountyStatus.MISSED_RATE);
    Column approval = col(CuratedCountyStatus.APPROVAL_RATE);
    c = c.withColumn(CuratedCountyStatus.INCIDENCE_RATE, incidenceRate()).withColumn(CuratedCountyStatus.WRONG_EXIT_RATE, wrongExitRate());
    Column surveyed = missed.isNotNull().and(approval.isNotNull());
    // No exits means nobody exited wrongly: the wrong-exit rule is met.
    Column wrongOk = wrong.isNull().or(meets(wrong, Metric.WRONG_EXIT).eqNullSafe(lit(true)));
    Column measuredOk = meets(incidence, Metric.INCIDENCE).eqNullSafe(lit(true)).and(wrongOk);
    Column surveyOk =
        meets(missed, Metric.MISSED).eqNullSafe(lit(true)).and(meets(approval, Metric.APPROVAL).eqNullSafe(lit(true)));
    Column status =
        when(incidence.isNull(), lit(Status.NOT_ASSESSABLE.name()))
            .when(not(measuredOk), lit(Status.NOT_ELIGIBLE.name()))
            .when(not(surveyed), lit(Status.ELIGIBLE_PENDING_SURVEY.name()))
            .when(not(surveyOk), lit(Status.NOT_ELIGIBLE.name()))
            .otherwise(lit(Status.ELIGIBLE.name()));
    c = c.withColumn(CuratedCountyStatus.STATUS, status).withColumn(CuratedCountyStatus.ELIGIBLE, eligible());
    WindowSpec byYear = Window.partitionBy(col(COUNTY)).orderBy(col(CuratedIncidence.REPORTING_YEAR));
    Column year = col(CuratedIncidence.REPORTING_YEAR);
    Column announced = col(CuratedCountyStatus.ANNOUNCED_DELISTED_YEAR);
    Column eligibleNow = col(CuratedCountyStatus.ELIGIBLE).eqNullSafe(lit(true));
    Column eligibleBefore =
        lag(col(CuratedCountyStatus.ELIGIBLE), 1).over(byYear).eqNullSafe(lit(true))
            .and(lag(year, 1).over(byYear).equalTo(year.minus(1)));
    Column notAnnounced = announced.isNull().or(announced.gt(year));
    Column flags =
        array_compact(
            array(
                when(not(surveyed), lit(Flag.NO_SURVEY.name())),
                when(incidence.isNull(), lit(Flag.NO_POPULATION.name())),
                onThreshold(incidence, Metric.INCIDENCE, Flag.ON_THRESHOLD_INCIDENCE),
                onThreshold(wrong, Metric.WRONG_EXIT, Flag.ON_THRESHOLD_WRONG_EXIT),
                onThreshold(missed, Metric.MISSED, Flag.ON_THRESHOLD_MISSED),
                onThreshold(approval, Metric.APPROVAL, Flag.ON_THRESHOLD_APPROVAL),
                when(announced.eqNullSafe(year).and(not(eligibleNow)), lit(Flag.ANNOUNCED_NOT_ELIGIBLE.name())),
                when(eligibleNow.and(eligibleBefore).and(notAnnounced), lit(Flag.ELIGIBLE_NOT_ANNOUNCED.name()))));
    return c.withColumn(CuratedCountyStatus.FLAGS, flags)
        .withColumn(CuratedCountyStatus.COUNTY_CODE, col(COUNTY))
        .select(columns());
  }

  /**
   * curated.village_status: every village in the totals against its county's incidence threshold.
   */
  public static Dataset<Row> village(Dataset<Row> totals, Dataset<Row> resolved) {
    Dataset<Row> v =
        totals
            .filter(col(CuratedIncidence.LEVEL).equalTo(Level.VILLAGE.name()))
            .withColumn(COUNTY, col(CuratedIncidence.PARENT_CODE))
            .join(broadcast(resolved), HouseholdFacts.scalaSeq(List.of(COUNTY)), "left")
            .withColumn(CuratedCountyStatus.INCIDENCE_RATE, incidenceRate())
            .withColumn(CuratedCountyStatus.WRONG_EXIT_RATE, wrongExitRate());
    Column incidence = col(CuratedCountyStatus.INCIDENCE_RATE);
    Column ok = meets(incidence, Metric.INCIDENCE);
    Column status =
        when(incidence.isNull(), lit(Status.NOT_ASSESSABLE.name()))
            .when(ok.eqNullSafe(lit(true)), lit(Status.ELIGIBLE.name()))
            .otherwise(lit(Status.NOT_ELIGIBLE.name()));
    Column flags =
        array_compact(
            array(
                when(incidence.isNull(), lit(Flag.NO_POPULATION.name())),
                onThreshold(incidence, Metric.INCIDENCE, Flag.ON_THRESHOLD_INCIDENCE)));
    return v.withColumn(CuratedCountyStatus.STATUS, status)
        .withColumn(CuratedCountyStatus.ELIGIBLE, eligible())
        .withColumn(CuratedCountyStatus.FLAGS, flags)
        .withColumn(CuratedCountyStatus.COUNTY_CODE, col(COUNTY))
        .withColumn(CuratedCountyStatus.MISSED_RATE, lit(null).cast("double"))
        .withColumn(CuratedCountyStatus.APPROVAL_RATE, lit(null).cast("double"))
        .withColumn(thresholdColumn(Metric.MISSED), lit(null).cast("double"))
        .withColumn(thresholdColumn(Metric.APPROVAL), lit(null).cast("double"))
        .withColumn(CuratedCountyStatus.ANNOUNCED_DELISTED_YEAR, lit(null).cast("int"))
        .select(columns());
  }

  private static Column eligible() {
    Column status = col(CuratedCountyStatus.STATUS);
    return when(status.equalTo(Status.NOT_ASSESSABLE.name()), lit(null).cast("boolean"))
        .otherwise(status.isin(Status.ELIGIBLE.name(), Status.ELIGIBLE_PENDING_SURVEY.name()));
  }

  private static Column[] columns() {
    return new Column[] {
      col(CuratedIncidence.AREA_CODE).as(CuratedCountyStatus.AREA_CODE),
      col(CuratedCountyStatus.COUNTY_CODE),
      col(CuratedIncidence.PROVINCE_CODE).as(CuratedCountyStatus.PROVINCE_CODE),
      col(CuratedIncidence.REPORTING_YEAR).as(CuratedCountyStatus.REPORTING_YEAR),
      col(CuratedCountyStatus.INCIDENCE_RATE),
      col(thresholdColumn(Metric.INCIDENCE)).as(CuratedCountyStatus.THRESHOLD),
      col(CuratedCountyStatus.WRONG_EXIT_RATE),
      col(thresholdColumn(Metric.WRONG_EXIT)).as(CuratedCountyStatus.WRONG_EXIT_THRESHOLD),
      col(CuratedCountyStatus.MISSED_RATE),
      col(thresholdColumn(Metric.MISSED)).as(CuratedCountyStatus.MISSED_THRESHOLD),
      col(CuratedCountyStatus.APPROVAL_RATE),
      col(thresholdColumn(Metric.APPROVAL)).as(CuratedCountyStatus.APPROVAL_THRESHOLD),
      col(CuratedCountyStatus.ELIGIBLE),
      col(CuratedCountyStatus.ANNOUNCED_DELISTED_YEAR),
      col(CuratedCountyStatus.STATUS),
      col(CuratedCountyStatus.FLAGS)
    };
  }
}
