package org.tuopin.common.id;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * {@link ResidentId} as Spark Column expressions (built-in functions only), so that IDs are made by
 * the generator and checked at ingest on the executors, never on the driver.
 */
public final class ResidentIdColumns {
  private ResidentIdColumns() {}

  /** The check character (a one-character string) of a column holding 17 digits. */
  public static Column checkCharacter(Column first17) {
    Column sum = lit(0);
    for (int i = 0; i < 17; i++) {
      sum = sum.plus(substring(first17, i + 1, 1).cast("int").multiply(ResidentId.WEIGHTS[i]));
    }
    return lit(ResidentId.CHECK_CHARS).substr(pmod(sum, lit(11)).plus(1), lit(1));
  }

  /** The normalised form (trimmed, a lower-case x made upper case). */
  public static Column normalised(Column id) {
    return upper(trim(id));
  }

  /** The birth date the ID encodes, null when it is not a real date. */
  public static Column birthDate(Column id) {
    Column d = to_date(substring(normalised(id), 7, 8), "yyyyMMdd");
    return when(d.geq(lit("1900-01-01").cast("date")), d);
  }

  /** "MALE" or "FEMALE" from the parity of the 17th character. */
  public static Column sexCode(Column id) {
    return when(pmod(substring(normalised(id), 17, 1).cast("int"), lit(2)).equalTo(1), lit("MALE"))
        .otherwise(lit("FEMALE"));
  }

  /**
   * The name of the {@link ResidentId.Problem} an ID has, or null when it is valid; the same checks,
   * in the same order, as {@link ResidentId#validate}.
   */
  public static Column problem(Column id) {
    Column s = normalised(id);
    Column p = substring(s, 1, 2).cast("int");
    Column provinceOk =
        p.between(11, 15)
            .or(p.between(21, 23))
            .or(p.between(31, 37))
            .or(p.between(41, 46))
            .or(p.between(50, 54))
            .or(p.between(61, 65))
            .or(p.isin(71, 81, 82));
    return when(id.isNull().or(length(s).equalTo(0)), lit(ResidentId.Problem.MISSING.name()))
        .when(s.rlike("^[0-9]{15}$"), lit(ResidentId.Problem.LEGACY_15_DIGITS.name()))
        .when(s.rlike("^[0-9]{17}[0-9X]$").unary_$bang(), lit(ResidentId.Problem.FORMAT.name()))
        .when(provinceOk.unary_$bang(), lit(ResidentId.Problem.AREA_CODE.name()))
        .when(birthDate(id).isNull(), lit(ResidentId.Problem.BIRTH_DATE.name()))
        .when(
            checkCharacter(substring(s, 1, 17)).notEqual(substring(s, 18, 1)),
            lit(ResidentId.Problem.CHECK_CHARACTER.name()));
  }
}
