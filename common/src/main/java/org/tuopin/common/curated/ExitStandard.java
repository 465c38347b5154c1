package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.tuopin.common.schema.SilverHouseholds;

/**
 * The household exit standard (DESIGN.md, rules): per-capita income strictly above the year's
 * poverty line, food and clothing secure, compulsory education, basic medical care, safe housing,
 * and, from a configured year, safe drinking water. A flag that is not true (false or unknown)
 * fails its criterion: an exit must be shown to meet the standard, not merely not shown to fail it.
 */
public final class ExitStandard {
  private ExitStandard() {}

  /** The criteria, by the names that appear in curated.exit_quality.failed_criteria. */
  public enum Criterion {
    INCOME_NOT_ABOVE_LINE,
    FOOD_CLOTHING,
    COMPULSORY_EDUCATION,
    BASIC_MEDICAL_CARE,
    SAFE_HOUSING,
    SAFE_WATER
  }

  /**
   * The criteria a household row fails, as an array of {@link Criterion} names in declaration
   * order (empty when it meets the standard).
   *
   * @param povertyLine the column holding the year's poverty line in yuan
   * @param safeWaterFromYear first reporting year in which water counts
   */
  public static Column failedCriteria(Column povertyLine, int safeWaterFromYear) {
    Column income = col(SilverHouseholds.PER_CAPITA_INCOME);
    Column incomeFails = income.isNull().or(povertyLine.isNull()).or(income.leq(povertyLine));
    Column waterCounts = col(SilverHouseholds.REPORTING_YEAR).geq(lit(safeWaterFromYear));
    return array_compact(
        array(
            failing(incomeFails, Criterion.INCOME_NOT_ABOVE_LINE),
            failing(notTrue(SilverHouseholds.FOOD_CLOTHING_SECURE), Criterion.FOOD_CLOTHING),
            failing(notTrue(SilverHouseholds.COMPULSORY_EDUCATION), Criterion.COMPULSORY_EDUCATION),
            failing(notTrue(SilverHouseholds.BASIC_MEDICAL_CARE), Criterion.BASIC_MEDICAL_CARE),
            failing(notTrue(SilverHouseholds.SAFE_HOUSING), Criterion.SAFE_HOUSING),
            failing(waterCounts.and(notTrue(SilverHouseholds.SAFE_WATER)), Criterion.SAFE_WATER)));
  }

  private static Column notTrue(String flag) {
    return not(col(flag).eqNullSafe(lit(true)));
  }

  private static Column failing(Column condition, Criterion c) {
    return when(condition, lit(c.name()));
  }
}
