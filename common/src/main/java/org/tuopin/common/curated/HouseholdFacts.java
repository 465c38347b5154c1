package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.domain.Codebook.HouseholdStatus;
import org.tuopin.common.reference.ReferenceData.PovertyLines;
import org.tuopin.common.schema.CuratedExitQuality;
import org.tuopin.common.schema.CuratedHouseholdFacts;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.CuratedPovertyMeasures;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;

/**
 * One row per household and year with everything the statistics need: its member count, the
 * year's poverty line, the exit-standard criteria it fails, and its contribution to every additive
 * total of {@link AreaTotals} (a count, or a person-weighted sum). This is the only step that
 * touches the person-level data: members are counted per household once, so every later step
 * works on households and then on small area tables.
 */
public final class HouseholdFacts {
  private HouseholdFacts() {}

  /** Member rows of the household that year. */
  public static final String PERSONS = CuratedExitQuality.PERSONS;
  public static final String POVERTY_LINE = CuratedExitQuality.POVERTY_LINE;
  public static final String FAILED_CRITERIA = CuratedExitQuality.FAILED_CRITERIA;
  /** The status in the previous year's record (null when there was none). */
  public static final String PREVIOUS_STATUS = "previous_status";
  public static final String EXITED = CuratedHouseholdFacts.IS_EXITED;
  public static final String FAILS_STANDARD = CuratedHouseholdFacts.FAILS_STANDARD;

  /**
   * A deprivation score that reaches k up to the rounding of a sum of decimal weights counts as
   * reaching it (0.1 + 0.2 must reach 0.3).
   */
  static final double SCORE_TOLERANCE = 1e-9;

  /**
   * Builds the household facts.
   *
   * @param households silver.households
   * @param members silver.members
   * @param povertyLines ref.poverty_lines
   */
  public static Dataset<Row> build(
      Dataset<Row> households, Dataset<Row> members, Dataset<Row> povertyLines, CuratedParams params) {
    Dataset<Row> persons =
        members
            .groupBy(col(SilverMembers.HOUSEHOLD_ID), col(SilverMembers.REPORTING_YEAR))
            .agg(count(lit(1)).as(PERSONS));
    Dataset<Row> previous =
        households.select(
            col(SilverHouseholds.HOUSEHOLD_ID),
            col(SilverHouseholds.REPORTING_YEAR).plus(1).as(SilverHouseholds.REPORTING_YEAR),
            col(SilverHouseholds.STATUS).as(PREVIOUS_STATUS));
    Dataset<Row> lines =
        povertyLines.select(
            col(PovertyLines.YEAR).as(SilverHouseholds.REPORTING_YEAR), col(PovertyLines.LINE_YUAN).as(POVERTY_LINE));
    List<String> key = List.of(SilverHouseholds.HOUSEHOLD_ID, SilverHouseholds.REPORTING_YEAR);
    Dataset<Row> h =
        households
            .join(persons, scalaSeq(key), "left")
            .join(previous, scalaSeq(key), "left")
            .join(broadcast(lines), scalaSeq(List.of(SilverHouseholds.REPORTING_YEAR)), "left")
            .withColumn(PERSONS, coalesce(col(PERSONS), lit(0L)))
            .withColumn(FAILED_CRITERIA, ExitStandard.failedCriteria(col(POVERTY_LINE), params.safeWaterFromYear()));

    Column status = col(SilverHouseholds.STATUS);
    Column year = col(SilverHouseholds.REPORTING_YEAR);
    Column poor = status.isin(HouseholdStatus.POOR.name(), HouseholdStatus.RETURNED.name());
    Column exited = status.equalTo(HouseholdStatus.EXITED.name()).and(col(SilverHouseholds.EXIT_YEAR).eqNullSafe(year));
    Column isNew = col(SilverHouseholds.IDENTIFIED_YEAR).eqNullSafe(year);
    Column returned = col(PREVIOUS_STATUS).eqNullSafe(HouseholdStatus.EXITED.name()).and(poor);
    Column removed = status.equalTo(HouseholdStatus.REMOVED.name());
    Column registered = removed.unary_$bang();
    Column failsStandard = exited.and(size(col(FAILED_CRITERIA)).gt(0));

    Column income = col(SilverHouseholds.PER_CAPITA_INCOME);
    Column line = col(POVERTY_LINE);
    Column measured = registered.and(income.isNotNull()).and(line.isNotNull()).and(line.gt(0));
    Column gap = greatest(lit(0.0), line.minus(income).divide(line));

    Column score = lit(0.0);
    for (Map.Entry<String, Double> w : params.afWeights().entrySet()) {
      if (w.getValue() > 0) {
        score = score.plus(when(deprived(w.getKey()), lit(w.getValue())).otherwise(lit(0.0)));
      }
    }
    // Decimal weights can add up to a hair above 1; the score is a share, so cap it there.
    score = least(lit(1.0), score);
    Column afPoor = registered.and(score.geq(lit(params.afCutoff() - SCORE_TOLERANCE)));

    List<Column> out = new ArrayList<>();
    for (String c :
        List.of(
            SilverHouseholds.HOUSEHOLD_ID, SilverHouseholds.REPORTING_YEAR, SilverHouseholds.PROVINCE_CODE,
            SilverHouseholds.COUNTY_CODE, SilverHouseholds.VILLAGE_CODE, SilverHouseholds.PER_CAPITA_INCOME,
            PERSONS, POVERTY_LINE, FAILED_CRITERIA)) {
      out.add(col(c));
    }
    out.add(exited.as(EXITED));
    out.add(failsStandard.as(FAILS_STANDARD));
    out.add(households(poor).as(CuratedIncidence.POOR_HOUSEHOLDS));
    out.add(persons(poor).as(CuratedIncidence.POOR_PERSONS));
    out.add(households(exited).as(CuratedExits.EXITED_HOUSEHOLDS));
    out.add(persons(exited).as(CuratedExits.EXITED_PERSONS));
    out.add(households(isNew).as(CuratedExits.NEW_HOUSEHOLDS));
    out.add(persons(isNew).as(CuratedExits.NEW_PERSONS));
    out.add(households(returned).as(CuratedExits.RETURNED_HOUSEHOLDS));
    out.add(persons(returned).as(CuratedExits.RETURNED_PERSONS));
    out.add(households(removed).as(CuratedExits.REMOVED_HOUSEHOLDS));
    out.add(persons(removed).as(CuratedExits.REMOVED_PERSONS));
    out.add(persons(failsStandard).as(CuratedExits.WRONG_EXIT_PERSONS));
    out.add(persons(registered).as(CuratedPovertyMeasures.REGISTERED_PERSONS));
    out.add(persons(measured).as(CuratedPovertyMeasures.FGT_PERSONS));
    out.add(persons(measured.and(income.leq(line))).as(AreaTotals.FGT_POOR_PERSONS));
    out.add(weighted(measured, gap).as(AreaTotals.FGT_GAP_SUM));
    out.add(weighted(measured, gap.multiply(gap)).as(AreaTotals.FGT_GAP2_SUM));
    out.add(persons(afPoor).as(CuratedPovertyMeasures.AF_POOR_PERSONS));
    out.add(weighted(afPoor, score).as(AreaTotals.AF_SCORE_SUM));
    for (Map.Entry<String, String> e : CuratedPovertyMeasures.CENSORED_BY_INDICATOR.entrySet()) {
      double w = params.afWeights().getOrDefault(e.getKey(), 0.0);
      Column contribution = w > 0 ? persons(afPoor.and(deprived(e.getKey()))) : lit(null).cast("long");
      out.add(contribution.as(AreaTotals.censoredCount(e.getValue())));
    }
    return CuratedStatistics.conform(h.select(out.toArray(new Column[0])), CuratedHouseholdFacts.SCHEMA);
  }

  /** An indicator is deprived when its flag is false; an unknown flag is not counted as deprived. */
  private static Column deprived(String flag) {
    return col(flag).eqNullSafe(lit(false));
  }

  private static Column households(Column condition) {
    return when(condition, lit(1L)).otherwise(lit(0L));
  }

  private static Column persons(Column condition) {
    return when(condition, col(PERSONS)).otherwise(lit(0L));
  }

  private static Column weighted(Column condition, Column value) {
    return when(condition, col(PERSONS).multiply(value)).otherwise(lit(0.0));
  }

  static scala.collection.Seq<String> scalaSeq(List<String> names) {
    return scala.collection.JavaConverters.asScalaBuffer(names).toSeq();
  }
}
