package org.tuopin.common.yearend.export;

/**
 * One column of an exported table: the data column it shows, its bilingual header and its unit.
 *
 * @param key the column of the pinned rows (a constant of a schema class)
 * @param zh Chinese header
 * @param en English header
 * @param unit unit as printed under the headers (empty for codes and names)
 * @param kind how the value is stored and formatted
 */
public record ReportColumn(String key, String zh, String en, String unit, Kind kind) {

  /** How a value is stored in the workbook and formatted on the page. */
  public enum Kind {
    /** Text (codes, names, levels). Never suppressed. */
    TEXT,
    /** A year. Never suppressed. */
    YEAR,
    /** A whole number of persons, households, counties ... */
    COUNT,
    /** A fraction in [0, 1], shown as a percentage, stored as the fraction. */
    RATE,
    /** An index in [0, 1] (FGT, Alkire-Foster), shown with four decimals. */
    INDEX,
    /** Yuan. */
    YUAN,
    /** A cooperation grade count: "not assessed" when the assessment did not exist. */
    GRADE_COUNT;

    /** Whether suppression hides values of this kind. */
    public boolean isFigure() {
      return this != TEXT && this != YEAR;
    }
  }

  public static ReportColumn text(String key, String zh, String en) {
    return new ReportColumn(key, zh, en, "", Kind.TEXT);
  }

  public static ReportColumn year(String key) {
    return new ReportColumn(key, "年份", "Year", "", Kind.YEAR);
  }

  public static ReportColumn count(String key, String zh, String en, String unitZh, String unitEn) {
    return new ReportColumn(key, zh, en, unitZh + " / " + unitEn, Kind.COUNT);
  }

  public static ReportColumn rate(String key, String zh, String en) {
    return new ReportColumn(key, zh, en, "%", Kind.RATE);
  }

  public static ReportColumn index(String key, String zh, String en) {
    return new ReportColumn(key, zh, en, "0–1", Kind.INDEX);
  }

  public static ReportColumn yuan(String key, String zh, String en) {
    return new ReportColumn(key, zh, en, "元/人·年 / yuan per person per year", Kind.YUAN);
  }

  public static ReportColumn grades(String key, String zh, String en) {
    return new ReportColumn(key, zh, en, "结对 / pairings", Kind.GRADE_COUNT);
  }
}
