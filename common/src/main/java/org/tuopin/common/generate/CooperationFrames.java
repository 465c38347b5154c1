package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tuopin.common.reference.ReferenceData.Pairings;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.InjectedErrors;

/**
 * Synthetic cooperation files ({@code cooperation_*.csv}) for the pairings of ref.pairings whose
 * helped area lies in a generated province: one line per pairing and year in each file, delivered
 * by the helper's province in a batch of its own ({@link LandingLayout#cooperationBatchId}). Every
 * measure is a deterministic draw (seed, file, pairing, year) within a range that depends on
 * whether the helped area is a province or a prefecture, growing with the years as the 2016
 * guidance asked for more every year. With {@code --inject-errors} the fiscal aid of one funds line
 * a year (and of a share of lines at the rate) gets a minus sign: conform quarantines it as
 * MEASURE_RANGE.
 */
public final class CooperationFrames {
  private CooperationFrames() {}

  /** The fault injected into cooperation_funds.csv lines, as listed in injected_errors.csv. */
  public static final String NEGATIVE_AID = "NEGATIVE_FISCAL_AID";
  /** The rule that must quarantine it. */
  public static final String NEGATIVE_AID_RULE = "MEASURE_RANGE";

  /** The helped_level of ref.pairings for a whole province (the other value is prefecture). */
  private static final String PROVINCE_LEVEL = "province";
  private static final String HELPED_LEVEL = "_helped_level";

  /** Growth of every measure per year after the first generated year. */
  private static final double YEARLY_GROWTH = 0.3;
  /** A helped prefecture receives about this fraction of what a helped province receives. */
  private static final double PREFECTURE_SHARE = 0.25;

  /**
   * Range of each measure in the first year for a helped province (amounts in 10,000 yuan). The
   * magnitudes follow the published totals of 2016–2020 divided over the pairings; they only need
   * to be plausible, and they make the pairings differ.
   */
  private static final Map<String, double[]> RANGE =
      Map.ofEntries(
          Map.entry(Cooperation.FISCAL_AID, new double[] {20_000, 90_000}),
          Map.entry(Cooperation.SOCIAL_DONATIONS, new double[] {3_000, 25_000}),
          Map.entry(Cooperation.ENTERPRISES, new double[] {20, 120}),
          Map.entry(Cooperation.INVESTMENT, new double[] {50_000, 400_000}),
          Map.entry(Cooperation.PARKS, new double[] {2, 10}),
          Map.entry(Cooperation.POOR_EMPLOYED, new double[] {2_000, 12_000}),
          Map.entry(Cooperation.POOR_BENEFITING, new double[] {5_000, 40_000}),
          Map.entry(Cooperation.CADRES_SECONDED, new double[] {40, 150}),
          Map.entry(Cooperation.TEACHERS, new double[] {100, 600}),
          Map.entry(Cooperation.DOCTORS, new double[] {80, 400}),
          Map.entry(Cooperation.TECHNICIANS, new double[] {50, 300}),
          Map.entry(Cooperation.LOCAL_TRAINED, new double[] {2_000, 15_000}),
          Map.entry(Cooperation.JOBS_IN_HELPER, new double[] {5_000, 30_000}),
          Map.entry(Cooperation.JOBS_NEAR_HOME, new double[] {10_000, 50_000}),
          Map.entry(Cooperation.POOR_TRAINED, new double[] {10_000, 60_000}),
          Map.entry(Cooperation.COUNTY_PAIRS, new double[] {20, 80}),
          Map.entry(Cooperation.TOWNSHIP_PAIRS, new double[] {50, 300}),
          Map.entry(Cooperation.VILLAGE_PAIRS, new double[] {100, 800}),
          Map.entry(Cooperation.ENTERPRISE_PAIRS, new double[] {200, 1_500}),
          Map.entry(Cooperation.SCHOOL_PAIRS, new double[] {100, 600}),
          Map.entry(Cooperation.HOSPITAL_PAIRS, new double[] {50, 300}));

  /** The pairings to generate for: helped area in one of the provinces, with one row per year. */
  public static Dataset<Row> pairingYears(Dataset<Row> pairings, GenerateParams params, Dataset<Row> years) {
    return pairings
        .where(col(Pairings.HELPED_PROVINCE_CODE).isin(params.provinces().toArray()))
        .select(
            col(Pairings.HELPER_PROVINCE_CODE).as(LandingLayout.BATCH_PROVINCE),
            col(Pairings.HELPER_CODE).as(Cooperation.HELPER_CODE),
            col(Pairings.HELPED_CODE).as(Cooperation.HELPED_CODE),
            col(Pairings.HELPED_LEVEL).as(HELPED_LEVEL))
        .crossJoin(years.select(col(LandingLayout.BATCH_YEAR).cast("int").as(LandingLayout.BATCH_YEAR)));
  }

  /**
   * The landing lines of one file (its columns as strings, plus the partition columns and, with
   * injection, {@link ErrorInjection#KIND}).
   */
  public static Dataset<Row> frame(Dataset<Row> pairingYears, Cooperation.File file, GenerateParams params) {
    Column[] key = {col(Cooperation.HELPER_CODE), col(Cooperation.HELPED_CODE), col(LandingLayout.BATCH_YEAR)};
    Column scale =
        when(col(HELPED_LEVEL).equalTo(PROVINCE_LEVEL), lit(1.0)).otherwise(lit(PREFECTURE_SHARE))
            .multiply(lit(1.0).plus(col(LandingLayout.BATCH_YEAR).minus(params.firstYear()).multiply(YEARLY_GROWTH)));
    List<Column> cols = new ArrayList<>();
    cols.add(col(LandingLayout.BATCH_PROVINCE));
    cols.add(col(LandingLayout.BATCH_YEAR));
    cols.add(col(LandingLayout.BATCH_YEAR).cast("string").as(Cooperation.REPORTING_YEAR));
    cols.add(col(Cooperation.HELPER_CODE));
    cols.add(col(Cooperation.HELPED_CODE));
    for (Cooperation.Measure m : file.measures()) {
      double[] r = RANGE.get(m.name());
      Column draw = Rand.uniform(params.seed(), "cooperation-" + m.name(), key);
      Column v = lit(r[0]).plus(draw.multiply(r[1] - r[0])).multiply(scale);
      // Amounts with two decimals (10,000 yuan to the yuan's hundred), counts whole; no thousands separators.
      Column text = m.amount() ? format_number(v, 2) : v.cast("long").cast("string");
      cols.add(m.amount() ? org.apache.spark.sql.functions.regexp_replace(text, ",", "").as(m.name()) : text.as(m.name()));
    }
    Dataset<Row> df = pairingYears.select(cols.toArray(new Column[0]));
    if (params.injectRate() <= 0 || file != Cooperation.File.FUNDS) {
      return df.withColumn(ErrorInjection.KIND, lit(null).cast("string"));
    }
    Column draw = Rand.uniform(params.seed(), "inject-cooperation", key);
    // At least one line a year, so that even a small run shows the rule at work.
    Column first = row_number().over(Window.partitionBy(col(LandingLayout.BATCH_YEAR)).orderBy(draw, col(Cooperation.HELPER_CODE), col(Cooperation.HELPED_CODE))).equalTo(1);
    Column hit = first.or(draw.lt(params.injectRate()));
    return df.withColumn(ErrorInjection.KIND, when(hit, lit(NEGATIVE_AID)))
        .withColumn(Cooperation.FISCAL_AID, when(hit, concat(lit("-"), col(Cooperation.FISCAL_AID))).otherwise(col(Cooperation.FISCAL_AID)));
  }

  /** Sort order of the lines in a file, after the batch: helper, helped. */
  public static List<String> sortColumns() {
    return List.of(Cooperation.HELPER_CODE, Cooperation.HELPED_CODE);
  }

  /** The injected_errors.csv rows of a corrupted funds frame (line numbers in the file's sort order). */
  public static Dataset<Row> injected(Dataset<Row> corrupted, Cooperation.File file) {
    Column line =
        row_number()
            .over(
                Window.partitionBy(col(LandingLayout.BATCH_PROVINCE), col(LandingLayout.BATCH_YEAR))
                    .orderBy(col(Cooperation.HELPER_CODE), col(Cooperation.HELPED_CODE)))
            .plus(1);
    return corrupted
        .withColumn("_line", line)
        .where(col(ErrorInjection.KIND).isNotNull())
        .select(
            col(LandingLayout.BATCH_PROVINCE).as(InjectedErrors.PROVINCE_CODE),
            LandingLayout.cooperationBatchId(col(LandingLayout.BATCH_PROVINCE), col(LandingLayout.BATCH_YEAR)).as(InjectedErrors.BATCH_ID),
            lit(file.fileName()).as(InjectedErrors.FILE_NAME),
            col("_line").cast("long").as(InjectedErrors.LINE),
            col(ErrorInjection.KIND).as(InjectedErrors.KIND),
            lit(NEGATIVE_AID_RULE).as(InjectedErrors.EXPECTED_OUTCOME));
  }
}
