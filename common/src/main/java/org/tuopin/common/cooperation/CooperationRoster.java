package org.tuopin.common.cooperation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tuopin.common.reference.ReferenceData.Pairings;
import org.tuopin.common.schema.CuratedCooperationRoster;

/**
 * The cross-assessment rotation (交叉考核): with the provinces of {@code tuopin.cooperation.roster.order}
 * p0 .. p(n-1), in year Y province p(i) assesses p((i + k) mod n) where k = 1 + ((Y − base year)
 * mod (n − 1)). In the base year everyone assesses the next province; the offset then grows by one a
 * year and never reaches n, so nobody assesses itself and over n − 1 years each province assesses
 * every other one once.
 */
public final class CooperationRoster {
  private CooperationRoster() {}

  /** One assignment of a year. */
  public record Assignment(int year, String assessor, String assessed, int offset) {}

  /** The rotation offset of a year (1 .. n-1). */
  public static int offset(int year, int baseYear, int provinces) {
    return 1 + Math.floorMod(year - baseYear, provinces - 1);
  }

  /** The assignments of one year, in the order of the rotation. */
  public static List<Assignment> assignments(List<String> order, int baseYear, int year) {
    int n = order.size();
    int k = offset(year, baseYear, n);
    List<Assignment> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Assignment(year, order.get(i), order.get((i + k) % n), k));
    }
    return out;
  }

  /**
   * curated.cooperation_roster rows for the given years, with the number of pairings of ref.pairings
   * whose helper lies in the assessed province (0 for a province of the rotation that helps nobody).
   */
  public static Dataset<Row> roster(SparkSession spark, List<String> order, int baseYear, List<Integer> years, Dataset<Row> pairings) {
    List<Row> rows = new ArrayList<>();
    for (int y : years) {
      for (Assignment a : assignments(order, baseYear, y)) {
        rows.add(RowFactory.create(a.year(), a.assessor(), a.assessed(), a.offset()));
      }
    }
    Dataset<Row> assignments =
        spark.createDataFrame(
            rows,
            new org.apache.spark.sql.types.StructType()
                .add(CuratedCooperationRoster.REPORTING_YEAR, org.apache.spark.sql.types.DataTypes.IntegerType, false)
                .add(CuratedCooperationRoster.ASSESSOR_CODE, org.apache.spark.sql.types.DataTypes.StringType, false)
                .add(CuratedCooperationRoster.ASSESSED_CODE, org.apache.spark.sql.types.DataTypes.StringType, false)
                .add(CuratedCooperationRoster.ROTATION_OFFSET, org.apache.spark.sql.types.DataTypes.IntegerType, false));
    Dataset<Row> perProvince =
        pairings
            .groupBy(col(Pairings.HELPER_PROVINCE_CODE).as("_assessed"))
            .agg(count(lit(1)).cast("int").as(CuratedCooperationRoster.PAIRINGS));
    return assignments
        .join(perProvince, col(CuratedCooperationRoster.ASSESSED_CODE).equalTo(col("_assessed")), "left")
        .select(
            col(CuratedCooperationRoster.REPORTING_YEAR),
            col(CuratedCooperationRoster.ASSESSOR_CODE),
            col(CuratedCooperationRoster.ASSESSED_CODE),
            col(CuratedCooperationRoster.ROTATION_OFFSET),
            org.apache.spark.sql.functions.coalesce(col(CuratedCooperationRoster.PAIRINGS), lit(0))
                .as(CuratedCooperationRoster.PAIRINGS));
  }
}
