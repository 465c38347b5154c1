package org.tuopin.common.yearend.export;

import java.io.IOException;
import java.io.Writer;
import org.apache.spark.sql.Row;
import org.tuopin.common.schema.YearEndSummary;

/**
 * Writes one table as CSV (RFC 4180, UTF-8): a header of column names, values as plain numbers
 * (rates as fractions), and a last column {@code suppressed}. A suppressed or not-assessed cell is
 * empty, like a missing one; the flag column says which.
 */
public final class CsvExport {
  private CsvExport() {}

  public static void write(ReportTable t, Writer w) throws IOException {
    StringBuilder s = new StringBuilder();
    for (ReportColumn c : t.columns()) {
      s.append(quote(c.key())).append(',');
    }
    s.append(YearEndSummary.SUPPRESSED).append("\r\n");
    for (Row row : t.rows()) {
      for (ReportColumn c : t.columns()) {
        s.append(quote(Cells.text(row, c, false))).append(',');
      }
      Object flag = row.schema().getFieldIndex(YearEndSummary.SUPPRESSED).isDefined() ? row.getAs(YearEndSummary.SUPPRESSED) : null;
      s.append(Boolean.TRUE.equals(flag)).append("\r\n");
    }
    w.write(s.toString());
  }

  static String quote(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
