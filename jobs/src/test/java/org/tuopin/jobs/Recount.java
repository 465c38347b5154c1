package org.tuopin.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.domain.Codebook.HouseholdStatus;
import org.tuopin.common.schema.ExpectedCountyYear;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingPopulation;

/**
 * An independent recount of the county-year figures from landing files, applying the definitions
 * of {@link ExpectedCountyYear} to what was written (not to the generator's model).
 */
final class Recount {
  private Recount() {}

  static Dataset<Row> countyYears(Dataset<Row> householdLines, Dataset<Row> populationLines) {
    Dataset<Row> h =
        householdLines.select(
            col(LandingHouseholds.HOUSEHOLD_ID).as("hh"),
            substring(col(LandingHouseholds.VILLAGE_CODE), 1, 6).as("county"),
            col(LandingHouseholds.REPORTING_YEAR).cast("int").as("year"),
            col(LandingHouseholds.HOUSEHOLD_SIZE).cast("long").as("size"),
            col(LandingHouseholds.STATUS).as("status"),
            col(LandingHouseholds.EXIT_YEAR).cast("int").as("exit_year"),
            col(LandingHouseholds.IDENTIFIED_YEAR).cast("int").as("identified_year"));
    Dataset<Row> previous =
        h.select(col("hh").as("p_hh"), col("year").plus(1).as("p_year"), col("status").as("p_status"));
    Dataset<Row> x =
        h.join(previous, col("hh").equalTo(col("p_hh")).and(col("year").equalTo(col("p_year"))), "left");
    Column poor = col("status").isin(HouseholdStatus.POOR.name(), HouseholdStatus.RETURNED.name());
    Column exited = col("status").equalTo(HouseholdStatus.EXITED.name()).and(col("exit_year").equalTo(col("year")));
    Column fresh = col("identified_year").equalTo(col("year"));
    Column returned = coalesce(col("p_status").equalTo(HouseholdStatus.EXITED.name()), lit(false)).and(poor);
    Column removed = col("status").equalTo(HouseholdStatus.REMOVED.name());
    Dataset<Row> counts =
        x.groupBy(col("county").as("c"), col("year").as("y"))
            .agg(
                n(poor, false).as(ExpectedCountyYear.POOR_HOUSEHOLDS),
                n(poor, true).as(ExpectedCountyYear.POOR_PERSONS),
                n(exited, false).as(ExpectedCountyYear.EXITED_HOUSEHOLDS),
                n(exited, true).as(ExpectedCountyYear.EXITED_PERSONS),
                n(fresh, false).as(ExpectedCountyYear.NEW_HOUSEHOLDS),
                n(fresh, true).as(ExpectedCountyYear.NEW_PERSONS),
                n(returned, false).as(ExpectedCountyYear.RETURNED_HOUSEHOLDS),
                n(returned, true).as(ExpectedCountyYear.RETURNED_PERSONS),
                n(removed, false).as(ExpectedCountyYear.REMOVED_HOUSEHOLDS),
                n(removed, true).as(ExpectedCountyYear.REMOVED_PERSONS));
    Dataset<Row> pop =
        populationLines
            .groupBy(
                substring(col(LandingPopulation.VILLAGE_CODE), 1, 6).as(ExpectedCountyYear.COUNTY_CODE),
                col(LandingPopulation.REPORTING_YEAR).cast("int").as(ExpectedCountyYear.REPORTING_YEAR))
            .agg(sum(col(LandingPopulation.RURAL_POPULATION).cast("long")).as(ExpectedCountyYear.RURAL_POPULATION));
    Dataset<Row> joined =
        pop.join(
            counts,
            col(ExpectedCountyYear.COUNTY_CODE).equalTo(col("c")).and(col(ExpectedCountyYear.REPORTING_YEAR).equalTo(col("y"))),
            "left");
    for (String c : ExpectedCountyYear.COUNTS) {
      joined = joined.withColumn(c, coalesce(col(c), lit(0L)));
    }
    return joined.drop("c", "y");
  }

  /** Households (or persons) for which the condition holds. */
  private static Column n(Column condition, boolean persons) {
    return sum(when(condition, persons ? col("size") : lit(1L)).otherwise(lit(0L)));
  }
}
