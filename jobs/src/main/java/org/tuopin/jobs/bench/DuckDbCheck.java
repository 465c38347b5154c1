package org.tuopin.jobs.bench;

import static org.apache.spark.sql.functions.col;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.curated.Level;
import org.tuopin.common.error.Errors;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.SilverPopulation;
import org.tuopin.jobs.JobContext;

/**
 * Recomputes the county-level incidence and exit counts with DuckDB, an independent engine, over a
 * Parquet export of the current silver snapshot, and compares them with curated.incidence and
 * curated.exits. The definitions are written again here in SQL on purpose: a shared mistake in one
 * code path cannot then hide itself.
 */
public final class DuckDbCheck {
  /** The outcome: times, rows compared and rows that differ. */
  public record Result(double exportSeconds, double duckSeconds, long countyYears, long mismatches) {
    public boolean equal() {
      return mismatches == 0 && countyYears > 0;
    }
  }

  private static final List<String> COMPARED =
      List.of(
          CuratedIncidence.POOR_PERSONS, CuratedIncidence.POOR_HOUSEHOLDS, CuratedIncidence.RURAL_POPULATION,
          CuratedExits.EXITED_PERSONS, CuratedExits.EXITED_HOUSEHOLDS, CuratedExits.NEW_PERSONS,
          CuratedExits.RETURNED_PERSONS, CuratedExits.REMOVED_PERSONS);

  private final JobContext ctx;
  private final String dir;

  public DuckDbCheck(JobContext ctx, String dir) {
    this.ctx = ctx;
    this.dir = dir;
  }

  public Result execute() throws Exception {
    long t0 = System.nanoTime();
    ctx.describe("bench: export silver snapshot to Parquet for DuckDB");
    for (Table t : List.of(Table.SILVER_HOUSEHOLDS, Table.SILVER_MEMBERS, Table.SILVER_POPULATION)) {
      ctx.catalog().read(ctx.spark(), t).write().mode("overwrite").parquet(dir + "/export/" + t.tableName());
    }
    double exportSeconds = (System.nanoTime() - t0) / 1e9;
    String out = dir + "/duckdb_county_year.parquet";
    long t1 = System.nanoTime();
    try (Connection c = DuckDb.open(2); Statement st = c.createStatement()) {
      st.execute(sql(dir + "/export", out));
    }
    double duckSeconds = (System.nanoTime() - t1) / 1e9;
    ctx.describe("bench: compare DuckDB with curated county rows");
    Dataset<Row> duck = ctx.spark().read().parquet(out);
    Dataset<Row> inc =
        ctx.catalog().read(ctx.spark(), Table.CURATED_INCIDENCE).where(col(CuratedIncidence.LEVEL).equalTo(Level.COUNTY.name()));
    Dataset<Row> ex =
        ctx.catalog().read(ctx.spark(), Table.CURATED_EXITS).where(col(CuratedExits.LEVEL).equalTo(Level.COUNTY.name()));
    Dataset<Row> curated =
        inc.select(
                col(CuratedIncidence.AREA_CODE).as("county_code"),
                col(CuratedIncidence.REPORTING_YEAR).as("reporting_year"),
                col(CuratedIncidence.POOR_PERSONS),
                col(CuratedIncidence.POOR_HOUSEHOLDS),
                col(CuratedIncidence.RURAL_POPULATION))
            .join(
                ex.select(
                    col(CuratedExits.AREA_CODE).as("county_code"),
                    col(CuratedExits.REPORTING_YEAR).as("reporting_year"),
                    col(CuratedExits.EXITED_PERSONS),
                    col(CuratedExits.EXITED_HOUSEHOLDS),
                    col(CuratedExits.NEW_PERSONS),
                    col(CuratedExits.RETURNED_PERSONS),
                    col(CuratedExits.REMOVED_PERSONS)),
                scala.collection.JavaConverters.asScalaBuffer(List.of("county_code", "reporting_year")).toSeq(),
                "full_outer");
    Dataset<Row> both =
        curated.alias("c").join(
            duck.alias("d"),
            col("c.county_code").equalTo(col("d.county_code")).and(col("c.reporting_year").equalTo(col("d.reporting_year"))),
            "full_outer");
    Column differs = col("c.county_code").isNull().or(col("d.county_code").isNull());
    for (String k : COMPARED) {
      differs = differs.or(col("c." + k).cast("long").eqNullSafe(col("d." + k).cast("long")).unary_$bang());
    }
    Row r = both.selectExpr("count(*) AS n").first();
    long mismatches = both.where(differs).count();
    return new Result(exportSeconds, duckSeconds, r.getLong(0), mismatches);
  }

  /** The same definitions as docs/statistics.md, in DuckDB's SQL, per county and year. */
  static String sql(String export, String out) {
    String h = "read_parquet('" + export + "/households/*.parquet')";
    String m = "read_parquet('" + export + "/members/*.parquet')";
    String p = "read_parquet('" + export + "/population/*.parquet')";
    String hid = SilverHouseholds.HOUSEHOLD_ID;
    String yr = SilverHouseholds.REPORTING_YEAR;
    String status = SilverHouseholds.STATUS;
    return "COPY (WITH persons AS (SELECT " + SilverMembers.HOUSEHOLD_ID + " AS hid, " + SilverMembers.REPORTING_YEAR + " AS yr, count(*) AS n FROM " + m + " GROUP BY 1, 2),"
        + " hh AS (SELECT h.*, coalesce(persons.n, 0) AS persons FROM " + h + " h LEFT JOIN persons ON persons.hid = h." + hid + " AND persons.yr = h." + yr + "),"
        + " prev AS (SELECT " + hid + " AS hid, " + yr + " + 1 AS yr, " + status + " AS prev_status FROM " + h + "),"
        + " j AS (SELECT hh.*, prev.prev_status FROM hh LEFT JOIN prev ON prev.hid = hh." + hid + " AND prev.yr = hh." + yr + "),"
        + " agg AS (SELECT " + SilverHouseholds.COUNTY_CODE + " AS county_code, " + yr + " AS reporting_year,"
        + "  sum(CASE WHEN " + status + " IN ('POOR', 'RETURNED') THEN persons ELSE 0 END) AS poor_persons,"
        + "  count(*) FILTER (WHERE " + status + " IN ('POOR', 'RETURNED')) AS poor_households,"
        + "  sum(CASE WHEN " + status + " = 'EXITED' AND " + SilverHouseholds.EXIT_YEAR + " = " + yr + " THEN persons ELSE 0 END) AS exited_persons,"
        + "  count(*) FILTER (WHERE " + status + " = 'EXITED' AND " + SilverHouseholds.EXIT_YEAR + " = " + yr + ") AS exited_households,"
        + "  sum(CASE WHEN " + SilverHouseholds.IDENTIFIED_YEAR + " = " + yr + " THEN persons ELSE 0 END) AS new_persons,"
        + "  sum(CASE WHEN prev_status = 'EXITED' AND " + status + " IN ('POOR', 'RETURNED') THEN persons ELSE 0 END) AS returned_persons,"
        + "  sum(CASE WHEN " + status + " = 'REMOVED' THEN persons ELSE 0 END) AS removed_persons"
        + "  FROM j GROUP BY 1, 2),"
        + " pop AS (SELECT " + SilverPopulation.COUNTY_CODE + " AS county_code, " + SilverPopulation.REPORTING_YEAR + " AS reporting_year,"
        + "  sum(" + SilverPopulation.RURAL_POPULATION + ") AS rural_population FROM " + p + " GROUP BY 1, 2)"
        + " SELECT coalesce(agg.county_code, pop.county_code) AS county_code, coalesce(agg.reporting_year, pop.reporting_year) AS reporting_year,"
        + "  coalesce(poor_persons, 0) AS poor_persons, coalesce(poor_households, 0) AS poor_households, rural_population,"
        + "  coalesce(exited_persons, 0) AS exited_persons, coalesce(exited_households, 0) AS exited_households,"
        + "  coalesce(new_persons, 0) AS new_persons, coalesce(returned_persons, 0) AS returned_persons, coalesce(removed_persons, 0) AS removed_persons"
        + " FROM agg FULL JOIN pop ON agg.county_code = pop.county_code AND agg.reporting_year = pop.reporting_year"
        + ") TO '" + out + "' (FORMAT PARQUET)";
  }

  static void requireLocal(String path) {
    if (path.contains("://") && !path.startsWith("file:")) {
      throw Errors.usage("--dir", "is " + path, "the DuckDB cross-check reads a local Parquet export: give a local folder");
    }
  }
}
