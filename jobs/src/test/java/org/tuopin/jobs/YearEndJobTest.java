package org.tuopin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.col;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.curated.CuratedFixture;
import org.tuopin.common.error.TuopinException;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.Releases;
import org.tuopin.common.schema.YearEndChanges;
import org.tuopin.common.schema.YearEndSummary;
import org.tuopin.common.test.SharedSpark;
import org.tuopin.common.yearend.ChangeReason;
import org.tuopin.common.yearend.export.HtmlExport;
import org.tuopin.common.yearend.export.WorkbookExport;

/**
 * The year-end job on the hand-computed registry of {@link CuratedFixture}, aggregated by the real
 * aggregate job: release, exports read back, pinning across a nightly that changes silver, revision.
 */
@ExtendWith(SharedSpark.class)
class YearEndJobTest {

  private record Warehouse(JobContext ctx, Path reports) {}

  private static Warehouse warehouse(String name, List<CuratedFixture.H> registry) {
    SparkSession spark = SharedSpark.spark();
    String wh = SharedSpark.tempDir(name).toString();
    Path reports = SharedSpark.tempDir(name + "-reports");
    TuopinConfig config = TuopinConfig.load(null, Map.of("paths.warehouse", wh, "paths.reports", reports.toString()));
    Catalog catalog = new Catalog(wh);
    write(catalog, Table.SILVER_HOUSEHOLDS, CuratedFixture.households(spark, registry));
    write(catalog, Table.SILVER_MEMBERS, CuratedFixture.members(spark, registry));
    write(catalog, Table.SILVER_POPULATION, CuratedFixture.population(spark));
    write(catalog, Table.REF_DIVISIONS, named(CuratedFixture.divisions(spark)));
    write(catalog, Table.REF_POVERTY_LINES, CuratedFixture.povertyLines(spark));
    write(catalog, Table.REF_THRESHOLDS, CuratedFixture.thresholds(spark));
    write(catalog, Table.REF_POOR_COUNTIES, CuratedFixture.poorCounties(spark));
    JobContext ctx = new JobContext(spark, config, catalog, "test-run-" + name);
    new AggregateJob(ctx, null).execute();
    return new Warehouse(ctx, reports);
  }

  /** ref.divisions as the reference loader writes it, with names. */
  private static Dataset<Row> named(Dataset<Row> divisions) {
    return divisions.withColumn(
        Divisions.NAME,
        when(col(Divisions.CODE).equalTo("520000"), lit("贵州省"))
            .when(col(Divisions.CODE).equalTo("410000"), lit("河南省"))
            .when(col(Divisions.CODE).equalTo("520121"), lit("开阳县"))
            .when(col(Divisions.CODE).equalTo("520122"), lit("息烽县"))
            .when(col(Divisions.CODE).equalTo("410122"), lit("中牟县"))
            .otherwise(lit("某地")));
  }

  private static void write(Catalog catalog, Table t, Dataset<Row> df) {
    df.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(catalog.path(t));
  }

  private static YearEndJob.Result yearEnd(Warehouse w, boolean revise) {
    return new YearEndJob(w.ctx(), new YearEndJob.Options(2019, revise, null, null)).execute();
  }

  private static Dataset<Row> read(Warehouse w, Table t) {
    return w.ctx().catalog().read(w.ctx().spark(), t);
  }

  /** Every cell of a sheet as text (numbers as Java prints doubles), row by row. */
  private static List<String> cells(Path workbook, String sheet) throws IOException {
    try (Workbook wb = new XSSFWorkbook(new FileInputStream(workbook.toFile()))) {
      Sheet s = wb.getSheet(sheet);
      List<String> out = new ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row r : s) {
        StringBuilder b = new StringBuilder();
        for (Cell c : r) {
          b.append(c.getCellType() == CellType.NUMERIC ? Double.toString(c.getNumericCellValue()) : c.getStringCellValue()).append('|');
        }
        out.add(b.toString());
      }
      return out;
    }
  }

  /** Release 1 of the fixture: the workbook, the page and a CSV file against the curated tables. */
  private static void checkFirstRelease(Warehouse w, YearEndJob.Result r) throws IOException {
    assertTrue(r.created());
    assertEquals("2019-r1", r.releaseId());
    Path xlsx = w.reports().resolve("2019").resolve(YearEndJob.WORKBOOK);
    try (Workbook wb = new XSSFWorkbook(new FileInputStream(xlsx.toFile()))) {
      List<String> sheets = new ArrayList<>();
      wb.forEach(s -> sheets.add(s.getSheetName()));
      assertEquals(List.of(WorkbookExport.COVER, WorkbookExport.CONTENTS, "T1", "T2", "T3", "T4", "T5", "T6"), sheets);
      assertEquals("2019-r1", wb.getSheet(WorkbookExport.COVER).getRow(3).getCell(1).getStringCellValue());

      Sheet t1 = wb.getSheet("T1");
      assertEquals("贫困人口", t1.getRow(WorkbookExport.HEADER_ZH_ROW).getCell(3).getStringCellValue());
      assertEquals("Poor persons", t1.getRow(WorkbookExport.HEADER_EN_ROW).getCell(3).getStringCellValue());
      assertEquals("人 / persons", t1.getRow(WorkbookExport.UNIT_ROW).getCell(3).getStringCellValue());
      assertEquals("Incidence", t1.getRow(WorkbookExport.HEADER_EN_ROW).getCell(6).getStringCellValue());

      // Nation first, numbers stored as numbers and equal to curated.incidence.
      Row nation =
          read(w, Table.CURATED_INCIDENCE).filter("level = 'NATION' AND reporting_year = 2019").first();
      org.apache.poi.ss.usermodel.Row first = t1.getRow(WorkbookExport.FIRST_DATA_ROW);
      assertEquals("000000", first.getCell(0).getStringCellValue());
      assertEquals("全国", first.getCell(1).getStringCellValue());
      assertEquals(CellType.NUMERIC, first.getCell(3).getCellType());
      assertEquals(nation.<Long>getAs(CuratedIncidence.POOR_PERSONS).doubleValue(), first.getCell(3).getNumericCellValue());
      assertEquals(nation.<Double>getAs(CuratedIncidence.INCIDENCE_RATE), first.getCell(6).getNumericCellValue(), 1e-15);
      assertEquals("0.00%", first.getCell(6).getCellStyle().getDataFormatString());

      // Both provinces have 1..9 poor persons in 2019: suppressed in the curated tables, so every
      // figure cell of their rows shows the mark, in every sheet; nation and regions are never suppressed.
      long suppressedProvinces =
          read(w, Table.CURATED_INCIDENCE).filter("level = 'PROVINCE' AND reporting_year = 2019 AND suppressed").count();
      assertEquals(2L, suppressedProvinces);
      for (String sheet : List.of("T1", "T2", "T3", "T4", "T5")) {
        Sheet s = wb.getSheet(sheet);
        int provinces = 0;
        for (int i = WorkbookExport.FIRST_DATA_ROW; i <= s.getLastRowNum(); i++) {
          org.apache.poi.ss.usermodel.Row row = s.getRow(i);
          if (row != null && row.getCell(2) != null && "PROVINCE".equals(row.getCell(2).getStringCellValue())) {
            provinces++;
            for (int c = 3; c < row.getLastCellNum(); c++) {
              assertEquals("x", row.getCell(c).getStringCellValue(), sheet + " row " + i + " column " + c);
            }
          }
        }
        assertEquals(2, provinces, sheet);
        String legend = cells(xlsx, sheet).stream().filter(l -> l.startsWith("x = ")).findFirst().orElse("");
        assertTrue(legend.contains("fewer than 10 poor persons"), sheet + ": " + legend);
      }
      // No cooperation assessment existed: its cells say so.
      assertEquals("not assessed", wb.getSheet("T5").getRow(WorkbookExport.FIRST_DATA_ROW).getCell(3).getStringCellValue());
    }
    // The page: every chart, the headline figures, the release id; the CSV keeps suppressed cells empty.
    String html = Files.readString(w.reports().resolve("2019").resolve(YearEndJob.PAGE), StandardCharsets.UTF_8);
    for (String id : HtmlExport.CHART_IDS) {
      assertTrue(html.contains("<figure id=\"" + id + "\">"), id);
    }
    assertEquals(3, html.split("<svg", -1).length - 1, "three drawn charts; cooperation is not assessed");
    assertTrue(html.contains("data-figure=\"poor_persons\"><div class=\"value\">" + nationPoor(w) + "</div>"), "headline poor persons");
    assertTrue(html.contains("<b id=\"release-id\">2019-r1</b>"));
    String csv = Files.readString(w.reports().resolve("2019").resolve("t1_poor_persons_incidence.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("area_code,area_name,level,poor_persons,poor_households,rural_population,incidence_rate,suppressed\r\n"), csv);
    assertTrue(csv.contains("\r\n410000,河南省,PROVINCE,,,,,true\r\n"), csv);
  }

  private static String nationPoor(Warehouse w) {
    long n = read(w, Table.CURATED_INCIDENCE).filter("level = 'NATION' AND reporting_year = 2019").first().getAs(CuratedIncidence.POOR_PERSONS);
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  /**
   * One scenario on one warehouse (each aggregate run costs tens of seconds): release 1 and its
   * exports; a nightly that changes silver; the release re-exported unchanged; a revision with its
   * change report; the old release re-exported; a cooperation assessment appearing and a revision
   * that counts its grades.
   */
  @Test
  void releaseExportsSurviveANightlyAndRevisionsReportChangesAndCooperationGrades() throws IOException {
    Warehouse w = warehouse("year-end", CuratedFixture.registry());
    YearEndJob.Result first = yearEnd(w, false);
    checkFirstRelease(w, first);
    Path xlsx = w.reports().resolve("2019").resolve(YearEndJob.WORKBOOK);
    List<String> t1Before = cells(xlsx, "T1");
    List<Row> summaryBefore = read(w, Table.CURATED_YEAR_END_SUMMARY).orderBy("level", "area_code").collectAsList();
    assertEquals(1 + 2 + 2, summaryBefore.size(), "nation, two regions, two provinces");

    // A nightly: a late household in 410122 (3 persons, poor) and a corrected income in 520122.
    List<CuratedFixture.H> changed = new ArrayList<>();
    for (CuratedFixture.H h : CuratedFixture.registry()) {
      if (h.row().getString(0).equals("H4") && h.row().getInt(1) == 2019) {
        changed.add(CuratedFixture.h("H4", 2019, CuratedFixture.V2, "POOR", 2014, null, 2900.0, true, true, true, true, true, 5));
      } else {
        changed.add(h);
      }
    }
    changed.add(CuratedFixture.h("H9", 2019, CuratedFixture.V4, "POOR", 2019, null, 1800.0, true, true, true, true, true, 3));
    SparkSession spark = w.ctx().spark();
    write(w.ctx().catalog(), Table.SILVER_HOUSEHOLDS, CuratedFixture.households(spark, changed));
    write(w.ctx().catalog(), Table.SILVER_MEMBERS, CuratedFixture.members(spark, changed));
    new AggregateJob(w.ctx(), null).execute();
    long nationNow = read(w, Table.CURATED_INCIDENCE).filter("level = 'NATION' AND reporting_year = 2019").first().getAs(CuratedIncidence.POOR_PERSONS);
    assertEquals(summaryBefore.stream().filter(r -> r.getAs("level").equals("NATION")).findFirst().orElseThrow().<Long>getAs(YearEndSummary.POOR_PERSONS) + 3,
        nationNow, "the curated tables moved on");

    // Re-running the year-end re-exports release 1: same figures, same workbook cells.
    YearEndJob.Result again = yearEnd(w, false);
    assertFalse(again.created());
    assertEquals(first.releaseId(), again.releaseId());
    assertEquals(t1Before, cells(xlsx, "T1"));
    assertEquals(summaryBefore, read(w, Table.CURATED_YEAR_END_SUMMARY).orderBy("level", "area_code").collectAsList());
    assertEquals(1L, read(w, Table.OPS_RELEASES).count());

    // A revision is a new release with the new figures and a report per county.
    YearEndJob.Result revised = yearEnd(w, true);
    assertTrue(revised.created());
    assertEquals("2019-r2", revised.releaseId());
    assertEquals(2L, revised.countiesChanged());
    Row r2 = read(w, Table.OPS_RELEASES).filter(col(Releases.RELEASE_ID).equalTo("2019-r2")).first();
    assertEquals("2019-r1", r2.getAs(Releases.PREVIOUS_RELEASE_ID));
    assertEquals(2, r2.<Integer>getAs(Releases.REVISION));
    Map<String, Object> versions = scala.collection.JavaConverters.mapAsJavaMapConverter(r2.<scala.collection.Map<String, Object>>getAs(Releases.TABLE_VERSIONS)).asJava();
    assertTrue(versions.containsKey("curated.incidence") && versions.containsKey("silver.households"), versions.toString());
    Row r1 = read(w, Table.OPS_RELEASES).filter(col(Releases.RELEASE_ID).equalTo("2019-r1")).first();
    assertEquals(r1.<String>getAs(Releases.RULE_VERSION), r2.getAs(Releases.RULE_VERSION), "same rules");

    Map<String, List<String>> reasons = new java.util.TreeMap<>();
    for (Row c : read(w, Table.CURATED_YEAR_END_CHANGES).filter(col(YearEndChanges.RELEASE_ID).equalTo("2019-r2")).collectAsList()) {
      reasons.put(c.getAs(YearEndChanges.COUNTY_CODE), scala.collection.JavaConverters.seqAsJavaList(c.<scala.collection.Seq<String>>getAs(YearEndChanges.REASONS)));
    }
    assertEquals(Map.of("410122", List.of(ChangeReason.LATE_RECORDS.name()), "520122", List.of(ChangeReason.CORRECTIONS.name())), reasons);
    Row late = read(w, Table.CURATED_YEAR_END_CHANGES).filter(col(YearEndChanges.COUNTY_CODE).equalTo("410122")).first();
    assertEquals(1L, late.<Long>getAs(YearEndChanges.POOR_PERSONS_BEFORE));
    assertEquals(4L, late.<Long>getAs(YearEndChanges.POOR_PERSONS_AFTER));
    assertTrue(Files.exists(w.reports().resolve("2019").resolve("t7_changes_2019-r2.csv")));
    assertNotEquals(t1Before, cells(xlsx, "T1"), "the revision's export shows the new figures");

    // Release 1 stays exactly as released, and can still be exported.
    YearEndJob.Result old = new YearEndJob(w.ctx(), new YearEndJob.Options(2019, false, "2019-r1", null)).execute();
    assertFalse(old.created());
    assertNull(old.countiesChanged());
    assertEquals(t1Before, cells(xlsx, "T1"));
    TuopinException e =
        assertThrows(TuopinException.class, () -> new YearEndJob(w.ctx(), new YearEndJob.Options(2019, false, "2019-r9", null)).execute());
    assertEquals("option --release 2019-r9 is not a release of 2019; use one of: 2019-r1, 2019-r2", e.getMessage());

    checkCooperation(w);
  }

  /** A cooperation assessment appears; a revision counts its grades per province and side and draws them. */
  private static void checkCooperation(Warehouse w) throws IOException {
    SparkSession spark = w.ctx().spark();
    // 410000 helps 520000 (two pairings, invented for the fixture), graded on both sides.
    spark.createDataFrame(
            List.of(
                RowFactory.create("410000", "520000", CuratedCooperationAssessment.SIDE_HELPER, 2019, 80.0, 70.0, 60.0, 50.0, 40.0, 66.0, "较好", 1),
                RowFactory.create("410000", "520000", CuratedCooperationAssessment.SIDE_HELPED, 2019, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0, "好", 1),
                RowFactory.create("410000", "520100", CuratedCooperationAssessment.SIDE_HELPER, 2019, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, "较差", 2),
                RowFactory.create("410000", "520100", CuratedCooperationAssessment.SIDE_HELPED, 2019, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, "一般", 2)),
            CuratedCooperationAssessment.SCHEMA)
        .write().format("delta").save(w.ctx().catalog().path(Table.CURATED_COOPERATION_ASSESSMENT));
    YearEndJob.Result r3 = yearEnd(w, true);
    assertEquals("2019-r3", r3.releaseId());
    assertEquals(0L, r3.countiesChanged(), "grades are per province: no county figure changed");

    Dataset<Row> s = read(w, Table.CURATED_YEAR_END_SUMMARY);
    assertEquals(5L, s.count(), "the year holds the current release only");
    assertEquals(5L, s.filter(col(YearEndSummary.RELEASE_ID).equalTo("2019-r3")).count());
    Row henan = s.filter("area_code = '410000'").first();
    assertEquals(List.of(0L, 1L, 0L, 1L), counts(henan, YearEndSummary.COOP_HELPER));
    assertEquals(List.of(0L, 0L, 0L, 0L), counts(henan, YearEndSummary.COOP_HELPED));
    Row guizhou = s.filter("area_code = '520000'").first();
    assertEquals(List.of(1L, 0L, 1L, 0L), counts(guizhou, YearEndSummary.COOP_HELPED));
    Row nation = s.filter("level = 'NATION'").first();
    assertEquals(List.of(0L, 1L, 0L, 1L), counts(nation, YearEndSummary.COOP_HELPER));
    assertTrue(nation.<Boolean>getAs(YearEndSummary.COOP_ASSESSED));
    String html = Files.readString(w.reports().resolve("2019").resolve(YearEndJob.PAGE), StandardCharsets.UTF_8);
    assertEquals(4, html.split("<svg", -1).length - 1, "every chart drawn");
    assertTrue(html.contains("好 0 · 较好 1 · 一般 0 · 较差 1"), "cooperation headline");
  }

  private static List<Long> counts(Row r, List<String> columns) {
    List<Long> out = new ArrayList<>();
    columns.forEach(c -> out.add(r.getAs(c)));
    return out;
  }
}
