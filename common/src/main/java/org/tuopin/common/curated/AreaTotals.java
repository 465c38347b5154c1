package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.tuopin.common.id.DivisionCode;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedHouseholdFacts;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.CuratedPovertyMeasures;
import org.tuopin.common.schema.CuratedVillageBase;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverPopulation;

/**
 * The additive totals of every area at every level and year, from which all level-by-area curated
 * tables are derived. Built once from a village-by-year base (households summed per village and
 * joined with the village population); the county-by-year base is summed from it, and every higher
 * level from the county base, never from the raw rows again. Rates are not additive and are only
 * computed from these totals, at the end.
 */
public final class AreaTotals {
  private AreaTotals() {}

  public static final String LEVEL = CuratedIncidence.LEVEL;
  public static final String AREA_CODE = CuratedIncidence.AREA_CODE;
  public static final String PARENT_CODE = CuratedIncidence.PARENT_CODE;
  public static final String PROVINCE_CODE = CuratedIncidence.PROVINCE_CODE;
  public static final String REPORTING_YEAR = CuratedIncidence.REPORTING_YEAR;
  public static final String RURAL_POPULATION = CuratedIncidence.RURAL_POPULATION;
  static final String FGT_POOR_PERSONS = CuratedHouseholdFacts.FGT_POOR_PERSONS;
  static final String FGT_GAP_SUM = CuratedHouseholdFacts.FGT_GAP_SUM;
  static final String FGT_GAP2_SUM = CuratedHouseholdFacts.FGT_GAP2_SUM;
  static final String AF_SCORE_SUM = CuratedHouseholdFacts.AF_SCORE_SUM;

  private static final String PREFECTURE = "_prefecture";
  private static final String REGION = "_region";

  /** The total holding the persons behind a censored headcount column. */
  static String censoredCount(String censoredColumn) {
    return CuratedHouseholdFacts.censoredCount(censoredColumn);
  }

  /** Every additive total, in a fixed order (the contribution columns of {@link HouseholdFacts}). */
  public static final List<String> SUMMED = CuratedHouseholdFacts.SUMMED;

  /**
   * Households summed per village and year, joined with the village's rural population (villages
   * with a population but no registered household count with zeros). The rows carry the village's
   * province ({@link CuratedVillageBase#SCHEMA}), so that they can be stored and replaced one
   * province-year at a time.
   *
   * @param facts {@link HouseholdFacts#build}
   * @param population silver.population
   */
  public static Dataset<Row> villageBase(Dataset<Row> facts, Dataset<Row> population) {
    List<Column> sums = new ArrayList<>();
    for (String c : SUMMED) {
      sums.add(total(c));
    }
    Dataset<Row> households =
        facts
            .groupBy(
                col(SilverHouseholds.REPORTING_YEAR).as(REPORTING_YEAR),
                col(SilverHouseholds.VILLAGE_CODE).as(AREA_CODE),
                col(SilverHouseholds.COUNTY_CODE).as(PARENT_CODE),
                col(SilverHouseholds.PROVINCE_CODE).as(PROVINCE_CODE))
            .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
    Dataset<Row> pop =
        population
            .groupBy(
                col(SilverPopulation.REPORTING_YEAR).as(REPORTING_YEAR),
                col(SilverPopulation.VILLAGE_CODE).as(AREA_CODE),
                col(SilverPopulation.COUNTY_CODE).as("_pop_county"),
                col(SilverPopulation.PROVINCE_CODE).as("_pop_province"))
            .agg(sum(col(SilverPopulation.RURAL_POPULATION)).as(RURAL_POPULATION));
    Dataset<Row> joined =
        households.join(pop, HouseholdFacts.scalaSeq(List.of(REPORTING_YEAR, AREA_CODE)), "full_outer");
    List<Column> out = new ArrayList<>();
    out.add(col(REPORTING_YEAR));
    out.add(coalesce(col(PROVINCE_CODE), col("_pop_province")).as(PROVINCE_CODE));
    out.add(col(AREA_CODE));
    out.add(coalesce(col(PARENT_CODE), col("_pop_county")).as(PARENT_CODE));
    for (String c : SUMMED) {
      out.add(coalesce(col(c), lit(0)).as(c));
    }
    out.add(col(RURAL_POPULATION));
    return joined.select(out.toArray(new Column[0]));
  }

  /**
   * All levels from the village base: the VILLAGE rows themselves, COUNTY summed from them, and
   * PREFECTURE, PROVINCE, REGION and NATION summed from the county base. The hierarchy above the
   * county comes from ref.divisions; an area whose parent is unknown appears at its own level but
   * not above (and the roll-up reconciliation reports it).
   *
   * @param divisions ref.divisions
   */
  public static Dataset<Row> rollUp(Dataset<Row> villageBase, Dataset<Row> divisions) {
    // Every level above the village takes its province from ref.divisions, by the county.
    Dataset<Row> base = villageBase.drop(PROVINCE_CODE);
    Dataset<Row> counties =
        divisions
            .filter(col(Divisions.LEVEL).equalTo(Level.COUNTY.name()))
            .select(
                col(Divisions.CODE).as("_county"),
                col(Divisions.PREFECTURE_CODE).as(PREFECTURE),
                col(Divisions.PROVINCE_CODE).as(PROVINCE_CODE),
                col(Divisions.REGION).as(REGION));
    Dataset<Row> villages =
        base.join(broadcast(counties), base.col(PARENT_CODE).equalTo(counties.col("_county")), "left");
    Dataset<Row> villageRows =
        villages.select(
            withTotals(lit(Level.VILLAGE.name()), col(AREA_CODE), col(PARENT_CODE), col(PROVINCE_CODE), col(REPORTING_YEAR)));
    Dataset<Row> countyBase =
        villages
            .groupBy(col(REPORTING_YEAR), col(PARENT_CODE).as(AREA_CODE), col(PREFECTURE), col(PROVINCE_CODE), col(REGION))
            .agg(firstSum(), restSums());
    Dataset<Row> countyRows =
        countyBase.select(
            withTotals(lit(Level.COUNTY.name()), col(AREA_CODE), col(PREFECTURE), col(PROVINCE_CODE), col(REPORTING_YEAR)));
    Dataset<Row> prefectureRows =
        countyBase
            .groupBy(col(REPORTING_YEAR), col(PREFECTURE).as(AREA_CODE), col(PROVINCE_CODE))
            .agg(firstSum(), restSums())
            .select(
                withTotals(lit(Level.PREFECTURE.name()), col(AREA_CODE), col(PROVINCE_CODE), col(PROVINCE_CODE), col(REPORTING_YEAR)));
    Dataset<Row> provinceRows =
        countyBase
            .groupBy(col(REPORTING_YEAR), col(PROVINCE_CODE).as(AREA_CODE), col(REGION))
            .agg(firstSum(), restSums())
            .select(
                withTotals(lit(Level.PROVINCE.name()), col(AREA_CODE), col(REGION), col(AREA_CODE), col(REPORTING_YEAR)));
    Dataset<Row> regionRows =
        countyBase
            .groupBy(col(REPORTING_YEAR), col(REGION).as(AREA_CODE))
            .agg(firstSum(), restSums())
            .select(
                withTotals(
                    lit(Level.REGION.name()), col(AREA_CODE), lit(DivisionCode.NATION), lit(null).cast("string"), col(REPORTING_YEAR)));
    Dataset<Row> nationRows =
        countyBase
            .groupBy(col(REPORTING_YEAR))
            .agg(firstSum(), restSums())
            .select(
                withTotals(
                    lit(Level.NATION.name()), lit(DivisionCode.NATION), lit(null).cast("string"), lit(null).cast("string"), col(REPORTING_YEAR)));
    return nationRows
        .unionByName(regionRows)
        .unionByName(provinceRows)
        .unionByName(prefectureRows)
        .unionByName(countyRows)
        .unionByName(villageRows)
        .filter(col(AREA_CODE).isNotNull());
  }

  /**
   * The sum of one total over the rows of a group. Counts add as longs; the person-weighted sums of
   * shares add as decimals with 12 places, exactly, so that a total does not depend on the order
   * Spark adds its parts in: an area recomputed by an incremental run equals the same area of a
   * full rebuild to the last bit.
   */
  static Column total(String c) {
    return CuratedHouseholdFacts.DOUBLE_SUMS.contains(c)
        ? sum(col(c).cast(EXACT)).cast(DataTypes.DoubleType).as(c)
        : sum(col(c)).as(c);
  }

  private static final DecimalType EXACT = DataTypes.createDecimalType(38, 12);

  private static Column firstSum() {
    return total(SUMMED.get(0));
  }

  /** The remaining totals, and the population, whose sum stays null when no village delivered one. */
  private static Column[] restSums() {
    List<Column> out = new ArrayList<>();
    for (String c : SUMMED.subList(1, SUMMED.size())) {
      out.add(total(c));
    }
    out.add(sum(col(RURAL_POPULATION)).as(RURAL_POPULATION));
    return out.toArray(new Column[0]);
  }

  private static Column[] withTotals(Column level, Column area, Column parent, Column province, Column year) {
    List<Column> out = new ArrayList<>();
    out.add(level.as(LEVEL));
    out.add(area.as(AREA_CODE));
    out.add(parent.as(PARENT_CODE));
    out.add(province.as(PROVINCE_CODE));
    out.add(year.as(REPORTING_YEAR));
    for (String c : SUMMED) {
      out.add(col(c));
    }
    out.add(col(RURAL_POPULATION));
    return out.toArray(new Column[0]);
  }
}
