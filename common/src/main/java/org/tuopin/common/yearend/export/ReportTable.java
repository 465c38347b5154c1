package org.tuopin.common.yearend.export;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One table of the year-end exports: a workbook sheet, a CSV file and a table of the page.
 *
 * @param id short id, also the sheet name and the CSV file name (e.g. {@code T1})
 * @param file CSV file name
 * @param zh Chinese title
 * @param en English title
 * @param columns the columns, in order
 * @param rows the rows (small aggregates already on the driver), in display order
 */
public record ReportTable(String id, String file, String zh, String en, List<ReportColumn> columns, List<Row> rows) {
  public ReportTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The bilingual title, e.g. {@code 贫困人口与贫困发生率 / Poor persons and incidence}. */
  public String title() {
    return zh + " / " + en;
  }
}
