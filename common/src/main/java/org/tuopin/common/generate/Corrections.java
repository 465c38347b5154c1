package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;

/**
 * A CHANGES batch as provinces send them between FULL snapshots: a deterministic share of a
 * batch's households with a corrected per-capita income (a re-verified income, the most common
 * correction), each with its member lines unchanged, as the landing contract asks (a household
 * line always comes with its members). Pure functions of landing frames (all columns strings).
 */
public final class Corrections {
  private Corrections() {}

  /** Parts per million: the resolution of the share. */
  private static final long PPM = 1_000_000L;

  /** True for the households a seed and share pick: a hash of the seed and the household id. */
  public static Column picked(long seed, double share) {
    return pmod(abs(xxhash64(lit(seed), col(LandingHouseholds.HOUSEHOLD_ID))), lit(PPM)).lt(lit(Math.round(share * PPM)));
  }

  /**
   * The picked household lines with their income raised by {@code raise} yuan (an income that is
   * not a whole number is left as it was).
   */
  public static Dataset<Row> households(Dataset<Row> landingHouseholds, long seed, double share, long raise) {
    Column income = col(LandingHouseholds.PER_CAPITA_INCOME).cast("long");
    return landingHouseholds
        .where(picked(seed, share))
        .withColumn(
            LandingHouseholds.PER_CAPITA_INCOME,
            when(income.isNotNull(), income.plus(raise).cast("string")).otherwise(col(LandingHouseholds.PER_CAPITA_INCOME)));
  }

  /** The member lines of the given households, unchanged. */
  public static Dataset<Row> members(Dataset<Row> landingMembers, Dataset<Row> changedHouseholds) {
    return landingMembers.join(
        changedHouseholds.select(col(LandingHouseholds.HOUSEHOLD_ID).as("_changed")),
        col(LandingMembers.HOUSEHOLD_ID).equalTo(col("_changed")),
        "left_semi");
  }
}
