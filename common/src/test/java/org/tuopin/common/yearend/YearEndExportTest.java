package org.tuopin.common.yearend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.tuopin.common.schema.YearEndSummary;
import org.tuopin.common.yearend.export.CsvExport;
import org.tuopin.common.yearend.export.HtmlExport;
import org.tuopin.common.yearend.export.ReleaseInfo;
import org.tuopin.common.yearend.export.ReportTable;
import org.tuopin.common.yearend.export.WorkbookExport;
import org.tuopin.common.yearend.export.YearEndReport;

/** The three export formats of one hand-written release: workbook read back, page, CSV. */
class YearEndExportTest {

  /** A summary row: every figure column set from the map (others null), cooperation assessed. */
  static Row row(String level, String code, String name, int year, boolean suppressed, Map<String, Object> figures) {
    StructField[] f = YearEndSummary.SCHEMA.fields();
    Object[] v = new Object[f.length];
    for (int i = 0; i < f.length; i++) {
      String c = f[i].name();
      v[i] = switch (c) {
        case YearEndSummary.RELEASE_ID -> "2020-r1";
        case YearEndSummary.LEVEL -> level;
        case YearEndSummary.AREA_CODE -> code;
        case YearEndSummary.AREA_NAME -> name;
        case YearEndSummary.REPORTING_YEAR -> year;
        case YearEndSummary.SUPPRESSED -> suppressed;
        case YearEndSummary.COOP_ASSESSED -> true;
        default -> figures.get(c);
      };
    }
    return new GenericRowWithSchema(v, YearEndSummary.SCHEMA);
  }

  static Map<String, Object> figures(long poor, double rate, long exited, long delisted) {
    return Map.of(
        YearEndSummary.POOR_PERSONS, poor, YearEndSummary.INCIDENCE_RATE, rate, YearEndSummary.EXITED_PERSONS, exited,
        YearEndSummary.COUNTIES_DELISTED, delisted, YearEndSummary.FGT0, 0.125, YearEndSummary.COOP_HELPER_GOOD, 3L,
        YearEndSummary.COOP_HELPED_POOR, 1L);
  }

  static YearEndReport report() {
    Row nation = row("NATION", "000000", "全国", 2020, false, figures(1234567L, 0.0171, 4000L, 52L));
    Row west = row("REGION", "west", "西部", 2020, false, figures(1000000L, 0.03, 3000L, 40L));
    Row guizhou = row("PROVINCE", "520000", "贵州省", 2020, true, figures(7L, 0.0001, 2L, 1L));
    List<Row> series = new ArrayList<>();
    series.add(row("NATION", "000000", "全国", 2019, false, figures(2000000L, 0.03, 9000L, 300L)));
    series.add(row("REGION", "west", "西部", 2019, false, figures(1500000L, 0.05, 7000L, 200L)));
    series.add(nation);
    series.add(west);
    ReleaseInfo info =
        new ReleaseInfo("2020-r1", 2020, 1, null, Instant.parse("2026-11-22T06:00:00Z"), "0.1.0", "abcdef0123456789", "test",
            Map.of("curated.incidence", 4L));
    return YearEndReport.of(info, List.of(guizhou, west, nation), series, List.of(), 10);
  }

  @Test
  void workbookReadBackHasTheSheetsHeadersNumbersAndSuppressionMarks() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WorkbookExport.write(report(), out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("封面 Cover", "目录 Contents", "T1", "T2", "T3", "T4", "T5", "T6"), names);
      assertEquals("2020-r1", wb.getSheet(WorkbookExport.COVER).getRow(3).getCell(1).getStringCellValue());
      assertEquals("2026-11-22 06:00 UTC", wb.getSheet(WorkbookExport.COVER).getRow(4).getCell(1).getStringCellValue());
      Sheet t1 = wb.getSheet("T1");
      assertEquals("贫困发生率", t1.getRow(WorkbookExport.HEADER_ZH_ROW).getCell(6).getStringCellValue());
      assertEquals("Incidence", t1.getRow(WorkbookExport.HEADER_EN_ROW).getCell(6).getStringCellValue());
      assertEquals("%", t1.getRow(WorkbookExport.UNIT_ROW).getCell(6).getStringCellValue());
      // Rows in order nation, region, province; numbers stored as numbers.
      var nation = t1.getRow(WorkbookExport.FIRST_DATA_ROW);
      assertEquals("000000", nation.getCell(0).getStringCellValue());
      assertEquals(CellType.NUMERIC, nation.getCell(3).getCellType());
      assertEquals(1234567.0, nation.getCell(3).getNumericCellValue());
      assertEquals(0.0171, nation.getCell(6).getNumericCellValue(), 0.0);
      assertEquals(CellType.BLANK, nation.getCell(4).getCellType(), "households not given: blank");
      var province = t1.getRow(WorkbookExport.FIRST_DATA_ROW + 2);
      assertEquals("520000", province.getCell(0).getStringCellValue());
      assertEquals("x", province.getCell(3).getStringCellValue());
      assertEquals("x", province.getCell(6).getStringCellValue());
      assertEquals("x", wb.getSheet("T5").getRow(WorkbookExport.FIRST_DATA_ROW + 2).getCell(3).getStringCellValue());
      assertEquals(3.0, wb.getSheet("T5").getRow(WorkbookExport.FIRST_DATA_ROW).getCell(3).getNumericCellValue());
      assertTrue(t1.getRow(WorkbookExport.FIRST_DATA_ROW + 4).getCell(0).getStringCellValue().startsWith("x = 已抑制 / suppressed: fewer than 10"));
      // T6: the series, by year then area.
      Sheet t6 = wb.getSheet("T6");
      assertEquals(2019.0, t6.getRow(WorkbookExport.FIRST_DATA_ROW).getCell(0).getNumericCellValue());
      assertEquals("west", t6.getRow(WorkbookExport.FIRST_DATA_ROW + 1).getCell(1).getStringCellValue());
      assertEquals(2020.0, t6.getRow(WorkbookExport.FIRST_DATA_ROW + 2).getCell(0).getNumericCellValue());
    }
  }

  @Test
  void pageHasEveryChartTheHeadlineFiguresAndHidesSuppressedCells() throws IOException {
    StringWriter w = new StringWriter();
    HtmlExport.write(report(), w);
    String html = w.toString();
    for (String id : HtmlExport.CHART_IDS) {
      int at = html.indexOf("<figure id=\"" + id + "\">");
      assertTrue(at >= 0, id);
      assertTrue(html.indexOf("<svg", at) < html.indexOf("</figure>", at), id + " has an inline SVG");
    }
    assertTrue(html.contains("data-figure=\"poor_persons\"><div class=\"value\">1,234,567</div>"));
    assertTrue(html.contains("data-figure=\"incidence_rate\"><div class=\"value\">1.71%</div>"));
    assertTrue(html.contains("data-figure=\"cooperation\"><div class=\"value\">好 3 · 较好 0 · 一般 0 · 较差 0</div>"));
    assertTrue(html.contains("<td class=\"num suppressed\" data-col=\"poor_persons\">x</td>"));
    assertTrue(!html.contains(">7</td>"), "the suppressed province's 7 poor persons appear nowhere");
    assertTrue(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"), "self-contained");
  }

  @Test
  void csvKeepsSuppressedCellsEmptyAndFlagsTheRow() throws IOException {
    ReportTable t1 = report().tables().get(0);
    StringWriter w = new StringWriter();
    CsvExport.write(t1, w);
    assertEquals(
        "area_code,area_name,level,poor_persons,poor_households,rural_population,incidence_rate,suppressed\r\n"
            + "000000,全国,NATION,1234567,,,0.0171,false\r\n"
            + "west,西部,REGION,1000000,,,0.03,false\r\n"
            + "520000,贵州省,PROVINCE,,,,,true\r\n",
        w.toString());
  }
}
