package org.tuopin.common.dictionary;

/**
 * What a column means: English and Chinese descriptions, its unit, and where its values come from.
 *
 * @param unit e.g. "persons", "yuan per person per year", "fraction 0–1", "code", "" when none
 * @param source e.g. "households.csv (province)", "derived", "ref: poor_counties.csv"
 */
public record ColumnDoc(String en, String zh, String unit, String source) {
  public ColumnDoc {
    if (en == null || en.isBlank() || zh == null || zh.isBlank()) {
      throw new IllegalArgumentException("a column needs an English and a Chinese description");
    }
    unit = unit == null ? "" : unit;
    source = source == null ? "" : source;
  }
}
