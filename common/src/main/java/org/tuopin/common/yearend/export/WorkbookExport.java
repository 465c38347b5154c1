package org.tuopin.common.yearend.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code summary.xlsx}: a cover sheet (title, release date, release id, notes), a contents
 * sheet linking every table, and one sheet per table with bilingual headers, units, numbers as
 * numeric cells (rates as fractions formatted as percentages) and the suppression legend.
 */
public final class WorkbookExport {
  private WorkbookExport() {}

  public static final String COVER = "封面 Cover";
  public static final String CONTENTS = "目录 Contents";
  /** Row (0-based) of the Chinese headers on a table sheet; English headers and units follow. */
  public static final int HEADER_ZH_ROW = 3;
  public static final int HEADER_EN_ROW = 4;
  public static final int UNIT_ROW = 5;
  /** First data row (0-based) of a table sheet. */
  public static final int FIRST_DATA_ROW = 6;

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public static void write(YearEndReport report, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      cover(wb, st, report);
      contents(wb, st, report);
      for (ReportTable t : report.tables()) {
        table(wb, st, report, t);
      }
      wb.write(out);
    }
  }

  private static void cover(XSSFWorkbook wb, Styles st, YearEndReport r) {
    Sheet s = wb.createSheet(COVER);
    ReleaseInfo rel = r.release();
    text(s, 0, 0, r.year() + "年脱贫攻坚年度统计汇总", st.title);
    text(s, 1, 0, "National poverty statistics: year-end summary " + r.year(), st.title);
    int row = 3;
    String[][] lines = {
      {"发布编号 / Release", rel.releaseId()},
      {"发布日期 / Date", DATE.format(rel.releasedAt())},
      {"修订 / Revision", rel.revision() + (rel.previousReleaseId() == null ? "" : " (revises " + rel.previousReleaseId() + ")")},
      {"代码版本 / Code version", rel.codeVersion()},
      {"规则版本 / Rule version", rel.ruleVersion()},
      {"说明 / Notes", rel.note() == null ? "" : rel.note()},
    };
    for (String[] l : lines) {
      text(s, row, 0, l[0], st.bold);
      text(s, row++, 1, l[1], null);
    }
    row++;
    text(s, row++, 0, "注 / Notes", st.bold);
    text(s, row++, 0, "Figures are those pinned in curated.year_end_releases for this release; re-running the year-end reproduces them.", null);
    text(s, row++, 0, r.legend(), null);
    text(s, row++, 0, "Rates are stored as fractions (0.017 = 1.7 %) and shown as percentages; counts are persons or households as headed.", null);
    if (!r.coopAssessed()) {
      text(s, row++, 0, "东西部协作：未考核 / East-West cooperation: not assessed (curated.cooperation_assessment did not exist).", null);
    }
    row++;
    text(s, row++, 0, "表版本 / Table versions", st.bold);
    for (Map.Entry<String, Long> e : rel.tableVersions().entrySet()) {
      text(s, row, 0, e.getKey(), null);
      cell(s, row++, 1).setCellValue(e.getValue());
    }
    s.setColumnWidth(0, 36 * 256);
    s.setColumnWidth(1, 60 * 256);
  }

  private static void contents(XSSFWorkbook wb, Styles st, YearEndReport r) {
    Sheet s = wb.createSheet(CONTENTS);
    text(s, 0, 0, "目录 / Contents", st.title);
    int row = 2;
    for (ReportTable t : r.tables()) {
      text(s, row, 0, t.id(), st.bold);
      Cell c = cell(s, row, 1);
      c.setCellValue(t.title());
      Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
      link.setAddress("'" + t.id() + "'!A1");
      c.setHyperlink(link);
      row++;
    }
    s.setColumnWidth(0, 8 * 256);
    s.setColumnWidth(1, 70 * 256);
  }

  private static void table(XSSFWorkbook wb, Styles st, YearEndReport r, ReportTable t) {
    Sheet s = wb.createSheet(t.id());
    text(s, 0, 0, t.title(), st.title);
    text(s, 1, 0, "Release " + r.release().releaseId() + ", " + DATE.format(r.release().releasedAt()), null);
    List<ReportColumn> cols = t.columns();
    for (int i = 0; i < cols.size(); i++) {
      ReportColumn c = cols.get(i);
      text(s, HEADER_ZH_ROW, i, c.zh(), st.header);
      text(s, HEADER_EN_ROW, i, c.en(), st.header);
      text(s, UNIT_ROW, i, c.unit(), st.unit);
      s.setColumnWidth(i, Math.min(40, Math.max(10, c.en().length() + 2)) * 256);
    }
    int row = FIRST_DATA_ROW;
    for (org.apache.spark.sql.Row data : t.rows()) {
      for (int i = 0; i < cols.size(); i++) {
        ReportColumn c = cols.get(i);
        Cell cell = cell(s, row, i);
        switch (Cells.state(data, c)) {
          case SUPPRESSED -> {
            cell.setCellValue(Cells.SUPPRESSED_MARK);
            cell.setCellStyle(st.mark);
          }
          case NOT_ASSESSED -> {
            cell.setCellValue(Cells.NOT_ASSESSED);
            cell.setCellStyle(st.mark);
          }
          case MISSING -> cell.setBlank();
          case VALUE -> {
            Object v = Cells.value(data, c);
            if (v instanceof Number n && c.kind() != ReportColumn.Kind.TEXT) {
              cell.setCellValue(n.doubleValue());
              cell.setCellStyle(st.byKind.get(c.kind()));
            } else {
              cell.setCellValue(Cells.plain(v));
            }
          }
        }
      }
      row++;
    }
    if (t.rows().isEmpty()) {
      text(s, row++, 0, "（无 / none）", null);
    }
    row++;
    text(s, row++, 0, r.legend(), null);
    text(s, row, 0, "Source: curated.year_end_releases, release " + r.release().releaseId() + " (see the cover sheet for table versions).", null);
    s.createFreezePane(0, FIRST_DATA_ROW);
  }

  private static Cell cell(Sheet s, int row, int col) {
    Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
    return r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
  }

  private static void text(Sheet s, int row, int col, String v, CellStyle style) {
    Cell c = cell(s, row, col);
    c.setCellValue(v);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  /** The workbook's few styles, made once (a style per cell would bloat the file). */
  private static final class Styles {
    final CellStyle title;
    final CellStyle bold;
    final CellStyle header;
    final CellStyle unit;
    final CellStyle mark;
    final Map<ReportColumn.Kind, CellStyle> byKind = new EnumMap<>(ReportColumn.Kind.class);

    Styles(XSSFWorkbook wb) {
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = wb.createCellStyle();
      title.setFont(big);
      Font b = wb.createFont();
      b.setBold(true);
      bold = wb.createCellStyle();
      bold.setFont(b);
      header = wb.createCellStyle();
      header.setFont(b);
      header.setWrapText(true);
      header.setBorderBottom(BorderStyle.THIN);
      unit = wb.createCellStyle();
      Font i = wb.createFont();
      i.setItalic(true);
      unit.setFont(i);
      mark = wb.createCellStyle();
      mark.setAlignment(HorizontalAlignment.RIGHT);
      var fmt = wb.createDataFormat();
      for (ReportColumn.Kind k : ReportColumn.Kind.values()) {
        CellStyle cs = wb.createCellStyle();
        cs.setDataFormat(fmt.getFormat(switch (k) {
          case COUNT, GRADE_COUNT, YUAN -> "#,##0";
          case RATE -> "0.00%";
          case INDEX -> "0.0000";
          default -> "0";
        }));
        byKind.put(k, cs);
      }
    }
  }
}
