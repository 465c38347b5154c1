package org.tuopin.common.yearend.export;

import java.util.Locale;
import org.apache.spark.sql.Row;
import org.tuopin.common.schema.YearEndSummary;

/**
 * What one cell of an export shows, decided once for every format: a value, a suppressed cell, a
 * missing value or "not assessed". Suppressed cells are hidden in every export.
 */
public final class Cells {
  private Cells() {}

  /** Shown for a suppressed cell in the workbook and on the page (the legend explains it). */
  public static final String SUPPRESSED_MARK = "x";
  /** Shown for a cooperation count when curated.cooperation_assessment did not exist. */
  public static final String NOT_ASSESSED = "not assessed";

  /** The state of one cell. */
  public enum State {
    VALUE,
    SUPPRESSED,
    MISSING,
    NOT_ASSESSED
  }

  /** The state of a column's cell in a row. */
  public static State state(Row row, ReportColumn c) {
    if (c.kind().isFigure() && has(row, YearEndSummary.SUPPRESSED) && Boolean.TRUE.equals(row.getAs(YearEndSummary.SUPPRESSED))) {
      return State.SUPPRESSED;
    }
    if (c.kind() == ReportColumn.Kind.GRADE_COUNT && has(row, YearEndSummary.COOP_ASSESSED)
        && !Boolean.TRUE.equals(row.getAs(YearEndSummary.COOP_ASSESSED))) {
      return State.NOT_ASSESSED;
    }
    return value(row, c) == null ? State.MISSING : State.VALUE;
  }

  /** The raw value (null when absent); callers check {@link #state} first. */
  public static Object value(Row row, ReportColumn c) {
    return has(row, c.key()) ? row.getAs(c.key()) : null;
  }

  /** The value as text for the page and the CSV files; "" for missing. */
  public static String text(Row row, ReportColumn c, boolean forDisplay) {
    switch (state(row, c)) {
      case SUPPRESSED:
        return forDisplay ? SUPPRESSED_MARK : "";
      case NOT_ASSESSED:
        return forDisplay ? NOT_ASSESSED : "";
      case MISSING:
        return "";
      default:
        break;
    }
    Object v = value(row, c);
    if (!forDisplay) {
      return plain(v);
    }
    return switch (c.kind()) {
      case COUNT, GRADE_COUNT -> String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
      case RATE -> String.format(Locale.ROOT, "%.2f%%", ((Number) v).doubleValue() * 100);
      case INDEX -> String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
      case YUAN -> String.format(Locale.ROOT, "%,.0f", ((Number) v).doubleValue());
      default -> plain(v);
    };
  }

  /** A value as plain text: numbers as Java prints them, arrays (reasons, changed columns) joined with "; ". */
  public static String plain(Object v) {
    if (v instanceof scala.collection.Seq<?> seq) {
      return String.join("; ", scala.collection.JavaConverters.seqAsJavaList(seq).stream().map(String::valueOf).toList());
    }
    return String.valueOf(v);
  }

  private static boolean has(Row row, String column) {
    return row.schema() != null && row.schema().getFieldIndex(column).isDefined();
  }
}
