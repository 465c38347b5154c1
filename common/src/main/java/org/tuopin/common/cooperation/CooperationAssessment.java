package org.tuopin.common.cooperation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
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
import org.tuopin.common.config.CooperationSettings;
import org.tuopin.common.curated.Level;
import org.tuopin.common.domain.Codebook;
import org.tuopin.common.reference.ReferenceData.Pairings;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedCooperationIndicators;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;

/**
 * The East-West cooperation assessment as pure functions of DataFrames (docs/cooperation.md):
 * {@link #indicatorValues} gathers each pairing's indicator values for the years asked,
 * {@link #score} normalises them among the peers and weights them (curated.cooperation_indicators),
 * {@link #assess} sums them into aspect scores, a total, a grade and a rank
 * (curated.cooperation_assessment).
 */
public final class CooperationAssessment {
  private CooperationAssessment() {}

  /** Intensities are expressed per this many registered poor persons of the helped area. */
  public static final double PER_POOR = 10_000.0;
  private static final double FULL_SCORE = 100.0;

  /** Columns of the frame {@link #indicatorValues} returns, before sides and weights. */
  private static final String YEAR = CuratedCooperationIndicators.REPORTING_YEAR;
  private static final String HELPER = CuratedCooperationIndicators.HELPER_CODE;
  private static final String HELPED = CuratedCooperationIndicators.HELPED_CODE;
  private static final String HELPER_PROVINCE = "_helper_province";
  private static final String POOR_PREV = "_poor_prev";
  private static final String POOR_NOW = "_poor_now";
  private static final String INC_PREV = "_inc_prev";
  private static final String INC_NOW = "_inc_now";
  private static final String EXITED = "_exited";
  private static final String WORKERS = "_workers";
  private static final String ENTRY = "_e";

  /**
   * The tables the assessment reads.
   *
   * @param pairings ref.pairings
   * @param incidence curated.incidence
   * @param exits curated.exits
   * @param inputs silver.cooperation_* by file (a missing table: an empty frame of its schema)
   * @param members silver.members
   * @param households silver.households
   */
  public record Inputs(
      Dataset<Row> pairings,
      Dataset<Row> incidence,
      Dataset<Row> exits,
      Map<Cooperation.File, Dataset<Row>> inputs,
      Dataset<Row> members,
      Dataset<Row> households) {}

  /**
   * One row per pairing, year and indicator: {@code helper_code, helped_code, reporting_year,
   * aspect, indicator, raw_value, poor_base, value}. A pairing without a delivered line of a file
   * has null raw values for that file's indicators.
   *
   * @param years the reporting years assessed (a small frame with one int column reporting_year)
   */
  public static Dataset<Row> indicatorValues(Inputs in, Dataset<Row> years) {
    Dataset<Row> base =
        in.pairings()
            .select(
                col(Pairings.HELPER_CODE).as(HELPER),
                col(Pairings.HELPED_CODE).as(HELPED),
                col(Pairings.HELPER_PROVINCE_CODE).as(HELPER_PROVINCE))
            .distinct()
            .crossJoin(broadcast(years.select(col(YEAR).cast("int").as(YEAR))));

    // The helped area is a province or a prefecture: both levels of curated.incidence, whose codes never collide.
    Column areaLevels = col(CuratedIncidence.LEVEL).isin(Level.PROVINCE.name(), Level.PREFECTURE.name());
    Dataset<Row> inc =
        in.incidence()
            .where(areaLevels)
            .select(
                col(CuratedIncidence.AREA_CODE).as("_ia"),
                col(CuratedIncidence.REPORTING_YEAR).as("_iy"),
                col(CuratedIncidence.POOR_PERSONS).as("_ip"),
                col(CuratedIncidence.INCIDENCE_RATE).as("_ir"));
    Dataset<Row> ex =
        in.exits()
            .where(areaLevels)
            .select(
                col(CuratedExits.AREA_CODE).as("_xa"),
                col(CuratedExits.REPORTING_YEAR).as("_xy"),
                col(CuratedExits.EXITED_PERSONS).as(EXITED));

    Dataset<Row> df =
        base.join(inc, col(HELPED).equalTo(col("_ia")).and(col(YEAR).minus(1).equalTo(col("_iy"))), "left")
            .withColumnRenamed("_ip", POOR_PREV)
            .withColumnRenamed("_ir", INC_PREV)
            .drop("_ia", "_iy");
    df =
        df.join(inc, col(HELPED).equalTo(col("_ia")).and(col(YEAR).equalTo(col("_iy"))), "left")
            .withColumnRenamed("_ip", POOR_NOW)
            .withColumnRenamed("_ir", INC_NOW)
            .drop("_ia", "_iy");
    df = df.join(ex, col(HELPED).equalTo(col("_xa")).and(col(YEAR).equalTo(col("_xy"))), "left").drop("_xa", "_xy");
    df = dropJoinKeys(df.join(registeredWorkers(in.members(), in.households()), workerJoin(), "left"));
    for (Cooperation.File f : Cooperation.File.values()) {
      Dataset<Row> d = in.inputs().get(f);
      List<Column> sel = new ArrayList<>();
      sel.add(col(Cooperation.REPORTING_YEAR).as(fileKey(f, YEAR)));
      sel.add(col(Cooperation.HELPER_CODE).as(fileKey(f, HELPER)));
      sel.add(col(Cooperation.HELPED_CODE).as(fileKey(f, HELPED)));
      for (String m : f.measureNames()) {
        sel.add(col(m).cast("double").as(measure(f, m)));
      }
      Dataset<Row> s = d.select(sel.toArray(new Column[0]));
      df =
          df.join(
                  s,
                  col(YEAR).equalTo(col(fileKey(f, YEAR)))
                      .and(col(HELPER).equalTo(col(fileKey(f, HELPER))))
                      .and(col(HELPED).equalTo(col(fileKey(f, HELPED)))),
                  "left")
              .withColumn(present(f), col(fileKey(f, HELPER)).isNotNull())
              .drop(fileKey(f, YEAR), fileKey(f, HELPER), fileKey(f, HELPED));
    }

    Column poorBase = coalesce(col(POOR_PREV), col(POOR_NOW));
    List<Column> entries = new ArrayList<>();
    for (Indicator i : Indicator.values()) {
      Column raw = raw(i);
      Column value =
          i.perPoor()
              ? when(poorBase.gt(0), raw.multiply(PER_POOR).divide(poorBase))
              : raw;
      entries.add(
          struct(
              lit(i.aspect().name()).as(CuratedCooperationIndicators.ASPECT),
              lit(i.key()).as(CuratedCooperationIndicators.INDICATOR),
              raw.cast("double").as(CuratedCooperationIndicators.RAW_VALUE),
              value.cast("double").as(CuratedCooperationIndicators.VALUE)));
    }
    return df.select(
            col(HELPER), col(HELPED), col(YEAR), poorBase.cast("long").as(CuratedCooperationIndicators.POOR_BASE),
            explode(array(entries.toArray(new Column[0]))).as(ENTRY))
        .select(
            col(HELPER),
            col(HELPED),
            col(YEAR),
            col(ENTRY + "." + CuratedCooperationIndicators.ASPECT).as(CuratedCooperationIndicators.ASPECT),
            col(ENTRY + "." + CuratedCooperationIndicators.INDICATOR).as(CuratedCooperationIndicators.INDICATOR),
            col(ENTRY + "." + CuratedCooperationIndicators.RAW_VALUE).as(CuratedCooperationIndicators.RAW_VALUE),
            col(CuratedCooperationIndicators.POOR_BASE),
            col(ENTRY + "." + CuratedCooperationIndicators.VALUE).as(CuratedCooperationIndicators.VALUE));
  }

  private static Column workerJoin() {
    return col(YEAR).equalTo(col("_wy")).and(col(HELPER_PROVINCE).equalTo(col("_wp"))).and(col(HELPED).equalTo(col("_wa")));
  }

  private static Dataset<Row> dropJoinKeys(Dataset<Row> df) {
    return df.drop("_wy", "_wp", "_wa");
  }

  /**
   * Registered poor persons (households not REMOVED) working away in another province, counted per
   * year, work province and home area (the province and the prefecture both, as {@code _wa}).
   */
  static Dataset<Row> registeredWorkers(Dataset<Row> members, Dataset<Row> households) {
    Dataset<Row> hh =
        households
            .where(col(SilverHouseholds.STATUS).notEqual(Codebook.HouseholdStatus.REMOVED.name()))
            .select(col(SilverHouseholds.HOUSEHOLD_ID).as("_hh"), col(SilverHouseholds.REPORTING_YEAR).as("_hy"));
    Dataset<Row> workers =
        members
            .where(col(SilverMembers.WORKS_AWAY).equalTo(true).and(col(SilverMembers.WORK_PROVINCE).isNotNull()))
            .join(
                hh,
                col(SilverMembers.HOUSEHOLD_ID).equalTo(col("_hh")).and(col(SilverMembers.REPORTING_YEAR).equalTo(col("_hy"))),
                "left_semi")
            .select(
                col(SilverMembers.REPORTING_YEAR).as("_wy"),
                col(SilverMembers.WORK_PROVINCE).as("_wp"),
                col(SilverMembers.PROVINCE_CODE).as("_prov"),
                concat(substring(col(SilverMembers.COUNTY_CODE), 1, 4), lit("00")).as("_pref"));
    Dataset<Row> byProvince =
        workers.groupBy(col("_wy"), col("_wp"), col("_prov").as("_wa")).agg(count(lit(1)).as(WORKERS));
    Dataset<Row> byPrefecture =
        workers.groupBy(col("_wy"), col("_wp"), col("_pref").as("_wa")).agg(count(lit(1)).as(WORKERS));
    return byProvince.unionByName(byPrefecture);
  }

  private static String fileKey(Cooperation.File f, String c) {
    return "_" + f.name().toLowerCase(java.util.Locale.ROOT) + c;
  }

  private static String measure(Cooperation.File f, String m) {
    return "_" + f.name().toLowerCase(java.util.Locale.ROOT) + "_" + m;
  }

  private static String present(Cooperation.File f) {
    return "_has_" + f.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Sum of some measures of a file (a missing measure counts 0); null when the pairing delivered no line of the file. */
  private static Column sumOf(Cooperation.File f, String... measures) {
    Column s = lit(0.0);
    for (String m : measures) {
      s = s.plus(coalesce(col(measure(f, m)), lit(0.0)));
    }
    return when(col(present(f)), s);
  }

  private static Column raw(Indicator i) {
    return switch (i) {
      case EXIT_RATE -> when(col(POOR_PREV).gt(0), col(EXITED).cast("double").divide(col(POOR_PREV)));
      case INCIDENCE_FALL -> col(INC_PREV).minus(col(INC_NOW));
      case JOBS_IN_HELPER -> sumOf(Cooperation.File.LABOUR, Cooperation.JOBS_IN_HELPER);
      case JOBS_NEAR_HOME -> sumOf(Cooperation.File.LABOUR, Cooperation.JOBS_NEAR_HOME);
      case REGISTERED_WORKERS_IN_HELPER -> coalesce(col(WORKERS), lit(0L)).cast("double");
      case INVESTMENT -> sumOf(Cooperation.File.INDUSTRY, Cooperation.INVESTMENT);
      case ENTERPRISES -> sumOf(Cooperation.File.INDUSTRY, Cooperation.ENTERPRISES);
      case POOR_REACHED_BY_INDUSTRY -> sumOf(Cooperation.File.INDUSTRY, Cooperation.POOR_EMPLOYED, Cooperation.POOR_BENEFITING);
      case PERSONNEL_SENT ->
          sumOf(Cooperation.File.TALENT, Cooperation.CADRES_SECONDED, Cooperation.TEACHERS, Cooperation.DOCTORS, Cooperation.TECHNICIANS);
      case LOCAL_TRAINED -> sumOf(Cooperation.File.TALENT, Cooperation.LOCAL_TRAINED);
      case SUB_PROVINCIAL_PAIRS ->
          sumOf(
              Cooperation.File.PAIRS, Cooperation.COUNTY_PAIRS, Cooperation.TOWNSHIP_PAIRS, Cooperation.VILLAGE_PAIRS,
              Cooperation.ENTERPRISE_PAIRS, Cooperation.SCHOOL_PAIRS, Cooperation.HOSPITAL_PAIRS);
      case FISCAL_AID -> sumOf(Cooperation.File.FUNDS, Cooperation.FISCAL_AID);
      case SOCIAL_DONATIONS -> sumOf(Cooperation.File.FUNDS, Cooperation.SOCIAL_DONATIONS);
    };
  }

  /**
   * Whether an indicator row can be assessed: the helped area had registered poor persons at the
   * start of the year (poor_base above 0), and a rate (exit_rate, incidence_fall) has a value. A rate
   * is missing in the first reporting year (no year before) and an intensity has no base when the
   * helped area has no poor left; neither is the pairing's doing, so such a row is left out of the
   * score and its weight spread over the rows that can be assessed. A file the pairing did not
   * deliver leaves an intensity missing but assessable: it scores 0.
   */
  static Column assessable() {
    List<String> perPoor = new ArrayList<>();
    for (Indicator i : Indicator.values()) {
      if (i.perPoor()) {
        perPoor.add(i.key());
      }
    }
    Column isPerPoor = col(CuratedCooperationIndicators.INDICATOR).isin(perPoor.toArray());
    return coalesce(
        col(CuratedCooperationIndicators.POOR_BASE).gt(0).and(isPerPoor.or(col(CuratedCooperationIndicators.VALUE).isNotNull())),
        lit(false));
  }

  /**
   * curated.cooperation_indicators from {@link #indicatorValues}: each row twice (HELPER and
   * HELPED side), normalised against the benchmark of its assessable peers (same side, year and
   * indicator: their values' configured quantile, capped at 100) and weighted. The weights stored
   * are the ones applied: the configured weights when every row of the pairing can be assessed;
   * otherwise an indicator that cannot ({@link #assessable}) weighs 0, the others of its aspect
   * share the aspect in proportion to their configured weights, and an aspect with nothing
   * assessable weighs 0 while the other aspects share the total in proportion to theirs.
   */
  public static Dataset<Row> score(Dataset<Row> values, CooperationSettings settings) {
    String side = CuratedCooperationIndicators.SIDE;
    String aspect = CuratedCooperationIndicators.ASPECT;
    Column ok = col(CuratedCooperationIndicators.ASSESSABLE);
    Column positive = greatest(coalesce(col(CuratedCooperationIndicators.VALUE), lit(0.0)), lit(0.0));
    Column peerValue = when(ok, positive);
    WindowSpec peers =
        Window.partitionBy(col(side), col(YEAR), col(CuratedCooperationIndicators.INDICATOR));
    // Aggregates skip nulls: rows that cannot be assessed neither set nor lower the benchmark.
    Column peerMax = max(peerValue).over(peers);
    // The quantile of the peers' values (exact, interpolated between neighbours); when it is 0 (most
    // peers have nothing) the best peer is the benchmark, so a non-zero value still scores.
    Column quantile = percentile(peerValue, lit(settings.benchmarkQuantile())).over(peers);
    Column benchmark = when(quantile.gt(0), quantile).otherwise(col(CuratedCooperationIndicators.PEER_MAX));
    Column configuredIndicator = lit(0.0);
    for (Indicator i : Indicator.values()) {
      configuredIndicator =
          when(col(CuratedCooperationIndicators.INDICATOR).equalTo(i.key()), lit(settings.indicatorWeights().get(i)))
              .otherwise(configuredIndicator);
    }
    Column configuredAspect = lit(0.0);
    for (Aspect a : Aspect.values()) {
      configuredAspect = when(col(aspect).equalTo(a.name()), aspectWeight(settings, a)).otherwise(configuredAspect);
    }
    WindowSpec row = Window.partitionBy(col(HELPER), col(HELPED), col(side), col(YEAR));
    WindowSpec ofAspect = Window.partitionBy(col(HELPER), col(HELPED), col(side), col(YEAR), col(aspect));
    // The configured weight of what can be assessed: per aspect (indicators), then per row (aspects).
    Column aspectShare = sum(when(ok, configuredIndicator).otherwise(lit(0.0))).over(ofAspect);
    Column rowShare = lit(0.0);
    for (Aspect a : Aspect.values()) {
      Column counted = max(when(col(aspect).equalTo(a.name()).and(col(ASPECT_SHARE).gt(0)), lit(1.0)).otherwise(lit(0.0))).over(row);
      rowShare = rowShare.plus(counted.multiply(aspectWeight(settings, a)));
    }
    Dataset<Row> sided =
        values
            .withColumn(
                side, explode(array(lit(CuratedCooperationAssessment.SIDE_HELPER), lit(CuratedCooperationAssessment.SIDE_HELPED))))
            .withColumn(CuratedCooperationIndicators.ASSESSABLE, assessable());
    Dataset<Row> normalised =
        sided
            .withColumn(CuratedCooperationIndicators.PEER_MAX, peerMax)
            .withColumn(CuratedCooperationIndicators.BENCHMARK, benchmark)
            .withColumn(
                CuratedCooperationIndicators.NORMALISED,
                when(ok.and(col(CuratedCooperationIndicators.BENCHMARK).gt(0)),
                        least(lit(FULL_SCORE), positive.multiply(FULL_SCORE).divide(col(CuratedCooperationIndicators.BENCHMARK))))
                    .otherwise(lit(0.0)))
            .withColumn(ASPECT_SHARE, aspectShare)
            .withColumn(ROW_SHARE, rowShare)
            .withColumn(
                CuratedCooperationIndicators.INDICATOR_WEIGHT,
                when(ok.and(col(ASPECT_SHARE).gt(0)), configuredIndicator.divide(col(ASPECT_SHARE))).otherwise(lit(0.0)))
            .withColumn(
                CuratedCooperationIndicators.ASPECT_WEIGHT,
                when(col(ASPECT_SHARE).gt(0).and(col(ROW_SHARE).gt(0)), configuredAspect.divide(col(ROW_SHARE))).otherwise(lit(0.0)));
    return normalised.select(
        col(HELPER),
        col(HELPED),
        col(side),
        col(YEAR),
        col(aspect),
        col(CuratedCooperationIndicators.INDICATOR),
        col(CuratedCooperationIndicators.RAW_VALUE),
        col(CuratedCooperationIndicators.POOR_BASE),
        col(CuratedCooperationIndicators.VALUE),
        col(CuratedCooperationIndicators.PEER_MAX),
        col(CuratedCooperationIndicators.NORMALISED),
        col(CuratedCooperationIndicators.INDICATOR_WEIGHT),
        col(CuratedCooperationIndicators.ASPECT_WEIGHT),
        col(CuratedCooperationIndicators.ASPECT_WEIGHT)
            .multiply(col(CuratedCooperationIndicators.INDICATOR_WEIGHT))
            .multiply(col(CuratedCooperationIndicators.NORMALISED))
            .as(CuratedCooperationIndicators.CONTRIBUTION),
        col(CuratedCooperationIndicators.BENCHMARK),
        col(CuratedCooperationIndicators.ASSESSABLE));
  }

  private static final String ASPECT_SHARE = "_aspect_share";
  private static final String ROW_SHARE = "_row_share";

  /** The configured weight of an aspect on the row's side. */
  private static Column aspectWeight(CooperationSettings settings, Aspect a) {
    return when(col(CuratedCooperationIndicators.SIDE).equalTo(CuratedCooperationAssessment.SIDE_HELPER), lit(settings.helperWeights().get(a)))
        .otherwise(lit(settings.helpedWeights().get(a)));
  }

  /**
   * curated.cooperation_assessment from {@link #score}d indicators: per pairing, side and year the
   * five aspect scores, the total, the grade, the rank among the same side and year (ties share a
   * rank), and, appended after the contract's columns, the number of peers ranked. An aspect with
   * nothing assessable has no score; a row with nothing assessable at all (the helped area had no
   * registered poor at the start of the year) has no total, grade or rank and is not a ranked peer.
   */
  public static Dataset<Row> assess(Dataset<Row> scored, CooperationSettings settings) {
    List<Column> aggs = new ArrayList<>();
    Column indicatorWeight = col(CuratedCooperationIndicators.INDICATOR_WEIGHT);
    for (Aspect a : Aspect.values()) {
      Column inAspect = col(CuratedCooperationIndicators.ASPECT).equalTo(a.name());
      Column weighed = sum(when(inAspect, indicatorWeight).otherwise(lit(0.0)));
      aggs.add(
          when(weighed.gt(0),
                  sum(when(inAspect, indicatorWeight.multiply(col(CuratedCooperationIndicators.NORMALISED))).otherwise(lit(0.0))))
              .as(a.scoreColumn()));
    }
    Column weighed = sum(col(CuratedCooperationIndicators.ASPECT_WEIGHT).multiply(indicatorWeight));
    aggs.add(when(weighed.gt(0), sum(col(CuratedCooperationIndicators.CONTRIBUTION))).as(CuratedCooperationAssessment.TOTAL));
    Dataset<Row> totals =
        scored
            .groupBy(col(HELPER), col(HELPED), col(CuratedCooperationAssessment.SIDE), col(YEAR))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    Column total = col(CuratedCooperationAssessment.TOTAL);
    Column grade =
        when(total.isNull(), lit(null).cast("string"))
            .when(total.geq(settings.good()), lit(Grade.GOOD.label()))
            .when(total.geq(settings.fairlyGood()), lit(Grade.FAIRLY_GOOD.label()))
            .when(total.geq(settings.average()), lit(Grade.AVERAGE.label()))
            .otherwise(lit(Grade.POOR.label()));
    WindowSpec bySideYear = Window.partitionBy(col(CuratedCooperationAssessment.SIDE), col(YEAR));
    List<Column> out = new ArrayList<>();
    for (String c : List.of(HELPER, HELPED, CuratedCooperationAssessment.SIDE, YEAR)) {
      out.add(col(c));
    }
    for (Aspect a : Aspect.values()) {
      out.add(col(a.scoreColumn()));
    }
    out.add(total);
    out.add(grade.as(CuratedCooperationAssessment.GRADE));
    // A descending order puts the rows without a total last, so they never move a ranked row.
    out.add(when(total.isNotNull(), rank().over(bySideYear.orderBy(total.desc()))).cast("int").as(CuratedCooperationAssessment.RANK));
    out.add(count(total).over(bySideYear).cast("int").as(PEERS));
    return totals.select(out.toArray(new Column[0]));
  }

  /** Appended column of curated.cooperation_assessment: rows of the same side and year ranked. */
  public static final String PEERS = "peers";
}
