package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.tuopin.common.schema.CuratedIncidence;

/**
 * Small-cell suppression of the published level-by-area figures (DESIGN.md, privacy).
 *
 * <p>Primary: an area with at least one and fewer than k poor persons. A zero is published: it
 * says that nobody there is registered poor, which discloses no household, and suppressing zeros
 * would blank every area once poverty has ended. Secondary: when exactly one child of a parent is
 * suppressed, the child could be recovered as parent minus published siblings, so the smallest
 * other sibling (fewest poor persons, then lowest code) is suppressed too; and an area that is its
 * parent's only child gives its parent's value away, so the parent is then suppressed as well.
 * Levels are processed from villages upwards so that such forced parents take part in their own
 * level's rule. NATION and REGION are never suppressed: totals stay exact.
 */
public final class Suppression {
  private Suppression() {}

  public static final String LEVEL = CuratedIncidence.LEVEL;
  public static final String AREA_CODE = CuratedIncidence.AREA_CODE;
  public static final String REPORTING_YEAR = CuratedIncidence.REPORTING_YEAR;
  public static final String SUPPRESSED = CuratedIncidence.SUPPRESSED;

  private static final String FORCED = "_forced";
  private static final String PRIMARY = "_primary";

  /**
   * The suppression mask: one row per (level, area, year) of the totals with {@link #SUPPRESSED}.
   *
   * @param totals {@link AreaTotals#rollUp}, or any frame with level, area, parent, year and poor persons
   * @param threshold k, the smallest number of poor persons that may be published
   */
  public static Dataset<Row> mask(Dataset<Row> totals, int threshold) {
    Dataset<Row> base =
        totals.select(
            col(LEVEL), col(AREA_CODE), col(CuratedIncidence.PARENT_CODE), col(REPORTING_YEAR), col(CuratedIncidence.POOR_PERSONS));
    Dataset<Row> result =
        base.filter(col(LEVEL).isin(Level.NATION.name(), Level.REGION.name()))
            .select(col(LEVEL), col(AREA_CODE), col(REPORTING_YEAR), lit(false).as(SUPPRESSED));
    Dataset<Row> forced = null;
    for (Level level : List.of(Level.VILLAGE, Level.COUNTY, Level.PREFECTURE, Level.PROVINCE)) {
      Dataset<Row> rows = base.filter(col(LEVEL).equalTo(level.name()));
      if (forced != null) {
        rows = rows.join(forced, HouseholdFacts.scalaSeq(List.of(AREA_CODE, REPORTING_YEAR)), "left");
      } else {
        rows = rows.withColumn(FORCED, lit(false));
      }
      Column poor = col(CuratedIncidence.POOR_PERSONS);
      rows =
          rows.withColumn(
              PRIMARY,
              poor.gt(0).and(poor.lt(threshold)).or(col(FORCED).eqNullSafe(lit(true))));
      WindowSpec siblings = Window.partitionBy(col(REPORTING_YEAR), col(CuratedIncidence.PARENT_CODE));
      WindowSpec bySize =
          Window.partitionBy(col(REPORTING_YEAR), col(CuratedIncidence.PARENT_CODE), col(PRIMARY))
              .orderBy(poor.asc(), col(AREA_CODE).asc());
      Column suppressedSiblings = sum(when(col(PRIMARY), 1).otherwise(0)).over(siblings);
      Column secondary =
          suppressedSiblings.equalTo(1).and(col(PRIMARY).unary_$bang()).and(row_number().over(bySize).equalTo(1));
      Dataset<Row> marked =
          rows.withColumn(SUPPRESSED, col(PRIMARY).or(secondary))
              .withColumn("_children", count(lit(1)).over(siblings));
      result = result.unionByName(marked.select(col(LEVEL), col(AREA_CODE), col(REPORTING_YEAR), col(SUPPRESSED)));
      forced =
          marked
              .filter(col("_children").equalTo(1).and(col(SUPPRESSED)).and(col(CuratedIncidence.PARENT_CODE).isNotNull()))
              .select(col(CuratedIncidence.PARENT_CODE).as(AREA_CODE), col(REPORTING_YEAR), lit(true).as(FORCED));
    }
    return result;
  }

  /**
   * The published form of a level-by-area table: the given value columns are null where the row
   * is suppressed; everything else is kept.
   */
  public static Dataset<Row> publish(Dataset<Row> table, List<String> valueColumns) {
    Dataset<Row> out = table;
    for (String c : valueColumns) {
      out = out.withColumn(c, when(col(SUPPRESSED), lit(null)).otherwise(col(c)));
    }
    return out;
  }
}
