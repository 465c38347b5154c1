package org.tuopin.common.conform;

import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * Typed readings of bronze's string columns, null when the text is not of the type. Regular
 * expressions guard every cast, so that a value such as "12.5" never silently becomes 12 and a
 * rule, not a cast, decides what is wrong.
 */
public final class Typed {
  private Typed() {}

  private static final String INT = "^[+-]?[0-9]{1,9}$";
  private static final String YEAR = "^[0-9]{4}$";
  private static final String NUMBER = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$";
  private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  /** True when the value is missing: null or only blanks. */
  public static Column blank(Column c) {
    return c.isNull().or(trim(c).equalTo(""));
  }

  public static Column present(Column c) {
    return blank(c).unary_$bang();
  }

  /** A whole number, or null. */
  public static Column integer(Column c) {
    return when(trim(c).rlike(INT), trim(c).cast("int"));
  }

  /** A 4-digit year, or null. */
  public static Column year(Column c) {
    return when(trim(c).rlike(YEAR), trim(c).cast("int"));
  }

  /** A decimal number (no exponent, no thousands separator), or null. */
  public static Column number(Column c) {
    return when(trim(c).rlike(NUMBER), trim(c).cast("double"));
  }

  /**
   * A yyyy-MM-dd date that exists, or null. Built with make_date rather than to_date: to_date with
   * Spark 3's parser policy throws on strings such as 2019-02-30 that the old lenient parser
   * accepted, instead of returning null.
   */
  public static Column date(Column c) {
    Column t = trim(c);
    return when(
        t.rlike(DATE),
        make_date(substring(t, 1, 4).cast("int"), substring(t, 6, 2).cast("int"), substring(t, 9, 2).cast("int")));
  }

  /** The names (comma-separated) of the columns for which a test holds; empty when none. */
  public static Column namesWhere(List<String> columns, Function<String, Column> test) {
    List<Column> parts = new ArrayList<>();
    for (String c : columns) {
      parts.add(when(test.apply(c), lit(c)));
    }
    return concat_ws(", ", parts.toArray(new Column[0]));
  }
}
