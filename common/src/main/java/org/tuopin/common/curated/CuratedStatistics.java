package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.reference.ReferenceData.PovertyLines;
import org.tuopin.common.schema.CuratedExitQuality;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.CuratedPovertyMeasures;
import org.tuopin.common.schema.SilverHouseholds;

/**
 * The curated statistics as pure functions of DataFrames: silver and ref in, the six curated
 * tables out (docs/statistics.md defines every column). Nothing here reads or writes a table.
 */
public final class CuratedStatistics {
  private CuratedStatistics() {}

  /**
   * The inputs, as read by the aggregate job.
   *
   * @param survey silver.survey, or null when it does not exist
   */
  public record Inputs(
      Dataset<Row> households,
      Dataset<Row> members,
      Dataset<Row> population,
      Dataset<Row> survey,
      Dataset<Row> divisions,
      Dataset<Row> povertyLines,
      Dataset<Row> thresholds,
      Dataset<Row> poorCounties) {

    /** The same inputs with other household and member rows (e.g. only some province-years). */
    public Inputs withPersonLevel(Dataset<Row> households, Dataset<Row> members) {
      return new Inputs(households, members, population, survey, divisions, povertyLines, thresholds, poorCounties);
    }

    /** The same inputs with other population rows (e.g. only some province-years). */
    public Inputs withPopulation(Dataset<Row> population) {
      return new Inputs(households, members, population, survey, divisions, povertyLines, thresholds, poorCounties);
    }
  }

  /**
   * The curated tables (each conforming to its schema class) and the intermediate frames that the
   * reconciliation and the job's bookkeeping use.
   *
   * @param facts household facts ({@link HouseholdFacts}); the caller decides whether to cache it
   * @param totals all-level totals ({@link AreaTotals#rollUp})
   */
  public record Result(
      Dataset<Row> facts,
      Dataset<Row> totals,
      Dataset<Row> incidence,
      Dataset<Row> exits,
      Dataset<Row> countyStatus,
      Dataset<Row> villageStatus,
      Dataset<Row> exitQuality,
      Dataset<Row> povertyMeasures) {}

  /** The household facts, the first and only person-level step. */
  public static Dataset<Row> facts(Inputs in, CuratedParams params) {
    return HouseholdFacts.build(in.households(), in.members(), in.povertyLines(), params);
  }

  /** All-level totals from the household facts. */
  public static Dataset<Row> totals(Dataset<Row> facts, Inputs in) {
    return totalsFromBase(villageBase(facts, in), in);
  }

  /** The village-year base ({@link AreaTotals#villageBase}) of some household facts and the population. */
  public static Dataset<Row> villageBase(Dataset<Row> facts, Inputs in) {
    return AreaTotals.villageBase(facts, in.population());
  }

  /** All-level totals from a village-year base (computed, or as stored in curated.village_base). */
  public static Dataset<Row> totalsFromBase(Dataset<Row> villageBase, Inputs in) {
    return AreaTotals.rollUp(villageBase, in.divisions());
  }

  /** The totals with the suppression flag of each row ({@link Suppression#mask}). */
  public static Dataset<Row> masked(Dataset<Row> totals, CuratedParams params) {
    Dataset<Row> mask = Suppression.mask(totals, params.smallCellThreshold());
    return totals.join(
        mask,
        HouseholdFacts.scalaSeq(List.of(CuratedIncidence.LEVEL, CuratedIncidence.AREA_CODE, CuratedIncidence.REPORTING_YEAR)),
        "left");
  }

  /**
   * Derives every curated table. The three frames are each read several times and their plans
   * nest deeply (the suppression walks four levels), so callers cache them; uncached, every action
   * would recompute the whole pipeline many times over.
   *
   * @param facts {@link #facts}
   * @param totals {@link #totals}
   * @param masked {@link #masked}
   */
  public static Result derive(
      Dataset<Row> facts, Dataset<Row> totals, Dataset<Row> masked, Inputs in, CuratedParams params) {
    Dataset<Row> resolved = AreaStatus.resolveThresholds(in.thresholds(), in.divisions());
    return new Result(
        facts,
        totals,
        incidence(masked),
        exits(masked),
        AreaStatus.county(totals, resolved, in.poorCounties(), in.survey()),
        AreaStatus.village(totals, resolved),
        exitQuality(facts),
        povertyMeasures(masked, in.povertyLines(), params));
  }

  /**
   * All six tables in one call, the intermediate frames materialised (small data: tests and tools;
   * the job does the same step by step, with timing).
   */
  public static Result compute(Inputs in, CuratedParams params) {
    Dataset<Row> facts = materialise(facts(in, params));
    Dataset<Row> totals = materialise(totals(facts, in));
    return derive(facts, totals, materialise(masked(totals, params)), in, params);
  }

  /**
   * Computes a frame once and cuts its lineage (an eager local checkpoint, kept in memory and on
   * local disk). Plain caching is not enough here: a cached relation still carries, and prints for
   * every query, the whole plan behind it, and the suppression nests the totals a dozen times.
   */
  public static Dataset<Row> materialise(Dataset<Row> df) {
    return df.localCheckpoint(true);
  }

  static Dataset<Row> incidence(Dataset<Row> masked) {
    Column pop = col(CuratedIncidence.RURAL_POPULATION);
    return conform(
        masked.withColumn(
            CuratedIncidence.INCIDENCE_RATE, when(pop.gt(0), col(CuratedIncidence.POOR_PERSONS).divide(pop))),
        CuratedIncidence.SCHEMA);
  }

  static Dataset<Row> exits(Dataset<Row> masked) {
    WindowSpec history =
        Window.partitionBy(col(CuratedExits.LEVEL), col(CuratedExits.AREA_CODE)).orderBy(col(CuratedExits.REPORTING_YEAR));
    WindowSpec upToNow = history.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column year = col(CuratedExits.REPORTING_YEAR);
    Column previousYearExists = lag(year, 1).over(history).equalTo(year.minus(1));
    Column exited = col(CuratedExits.EXITED_PERSONS);
    return conform(
        masked
            .withColumn(CuratedExits.CUMULATIVE_EXITED_PERSONS, sum(exited).over(upToNow))
            .withColumn(
                CuratedExits.CUMULATIVE_EXITED_HOUSEHOLDS, sum(col(CuratedExits.EXITED_HOUSEHOLDS)).over(upToNow))
            .withColumn(
                CuratedExits.WRONG_EXIT_RATE, when(exited.gt(0), col(CuratedExits.WRONG_EXIT_PERSONS).divide(exited)))
            .withColumn(
                CuratedExits.HOUSEHOLD_STOCK_RESIDUAL,
                when(
                    previousYearExists,
                    stockResidual(
                        history, CuratedIncidence.POOR_HOUSEHOLDS, CuratedExits.EXITED_HOUSEHOLDS, CuratedExits.NEW_HOUSEHOLDS,
                        CuratedExits.RETURNED_HOUSEHOLDS, CuratedExits.REMOVED_HOUSEHOLDS)))
            .withColumn(
                CuratedExits.PERSON_STOCK_RESIDUAL,
                when(
                    previousYearExists,
                    stockResidual(
                        history, CuratedIncidence.POOR_PERSONS, CuratedExits.EXITED_PERSONS, CuratedExits.NEW_PERSONS,
                        CuratedExits.RETURNED_PERSONS, CuratedExits.REMOVED_PERSONS))),
        CuratedExits.SCHEMA);
  }

  /** poor(t) - (poor(t-1) - exits + new + returns - removals). */
  private static Column stockResidual(
      WindowSpec history, String poor, String exits, String fresh, String returns, String removals) {
    Column expected =
        lag(col(poor), 1).over(history).minus(col(exits)).plus(col(fresh)).plus(col(returns)).minus(col(removals));
    return col(poor).minus(expected);
  }

  static Dataset<Row> povertyMeasures(Dataset<Row> masked, Dataset<Row> povertyLines, CuratedParams params) {
    Dataset<Row> lines =
        povertyLines.select(
            col(PovertyLines.YEAR).as(CuratedPovertyMeasures.REPORTING_YEAR),
            col(PovertyLines.LINE_YUAN).as(CuratedPovertyMeasures.POVERTY_LINE));
    Column fgtN = col(CuratedPovertyMeasures.FGT_PERSONS);
    Column regN = col(CuratedPovertyMeasures.REGISTERED_PERSONS);
    Column afPoor = col(CuratedPovertyMeasures.AF_POOR_PERSONS);
    Dataset<Row> m =
        masked
            .join(broadcast(lines), HouseholdFacts.scalaSeq(List.of(CuratedPovertyMeasures.REPORTING_YEAR)), "left")
            .withColumn(CuratedPovertyMeasures.FGT0, share(col(AreaTotals.FGT_POOR_PERSONS), fgtN))
            .withColumn(CuratedPovertyMeasures.FGT1, share(col(AreaTotals.FGT_GAP_SUM), fgtN))
            .withColumn(CuratedPovertyMeasures.FGT2, share(col(AreaTotals.FGT_GAP2_SUM), fgtN))
            .withColumn(CuratedPovertyMeasures.AF_H, share(afPoor, regN))
            .withColumn(CuratedPovertyMeasures.AF_A, share(col(AreaTotals.AF_SCORE_SUM), afPoor))
            .withColumn(CuratedPovertyMeasures.AF_M0, share(col(AreaTotals.AF_SCORE_SUM), regN));
    for (Map.Entry<String, String> e : CuratedPovertyMeasures.CENSORED_BY_INDICATOR.entrySet()) {
      boolean used = params.afWeights().getOrDefault(e.getKey(), 0.0) > 0;
      Column value = used ? share(col(AreaTotals.censoredCount(e.getValue())), regN) : lit(null).cast("double");
      m = m.withColumn(e.getValue(), value);
    }
    return conform(m, CuratedPovertyMeasures.SCHEMA);
  }

  /** A ratio of totals; null when the denominator is zero. */
  private static Column share(Column numerator, Column denominator) {
    return when(denominator.gt(0), numerator.divide(denominator));
  }

  static Dataset<Row> exitQuality(Dataset<Row> facts) {
    return conform(
        facts.filter(col(HouseholdFacts.EXITED).and(size(col(HouseholdFacts.FAILED_CRITERIA)).gt(0))),
        CuratedExitQuality.SCHEMA);
  }

  /** Selects a schema's columns in its order and types. */
  static Dataset<Row> conform(Dataset<Row> df, StructType schema) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return df.select(cols.toArray(new Column[0]));
  }

  /** Columns of silver.households the statistics read (checked by the job before it starts). */
  public static final List<String> HOUSEHOLD_COLUMNS =
      List.of(
          SilverHouseholds.HOUSEHOLD_ID, SilverHouseholds.REPORTING_YEAR, SilverHouseholds.PROVINCE_CODE,
          SilverHouseholds.COUNTY_CODE, SilverHouseholds.VILLAGE_CODE, SilverHouseholds.IDENTIFIED_YEAR,
          SilverHouseholds.STATUS, SilverHouseholds.EXIT_YEAR, SilverHouseholds.PER_CAPITA_INCOME,
          SilverHouseholds.FOOD_CLOTHING_SECURE, SilverHouseholds.COMPULSORY_EDUCATION, SilverHouseholds.BASIC_MEDICAL_CARE,
          SilverHouseholds.SAFE_HOUSING, SilverHouseholds.SAFE_WATER);
}
