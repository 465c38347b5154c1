package org.tuopin.common.yearend.export;

import static org.tuopin.common.yearend.export.ReportColumn.count;
import static org.tuopin.common.yearend.export.ReportColumn.grades;
import static org.tuopin.common.yearend.export.ReportColumn.index;
import static org.tuopin.common.yearend.export.ReportColumn.rate;
import static org.tuopin.common.yearend.export.ReportColumn.text;
import static org.tuopin.common.yearend.export.ReportColumn.yuan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.tuopin.common.curated.Level;
import org.tuopin.common.schema.YearEndChanges;
import org.tuopin.common.schema.YearEndSummary;

/**
 * Everything the exports of one release show, on the driver: a few hundred aggregate rows of the
 * pinned release (never household or member rows), arranged into the tables that the workbook,
 * the CSV files and the page share, so that the three cannot disagree.
 *
 * @param nation the NATION row of the released year (the headline figures)
 * @param tables the tables, in contents order
 * @param series NATION and REGION rows of every year up to the released year (the charts)
 * @param smallCellThreshold k of the suppression, for the legend
 */
public record YearEndReport(ReleaseInfo release, Row nation, List<ReportTable> tables, List<Row> series, int smallCellThreshold) {

  public YearEndReport {
    tables = List.copyOf(tables);
    series = List.copyOf(series);
  }

  public int year() {
    return release.year();
  }

  /** Whether the cooperation figures exist (curated.cooperation_assessment was there at release). */
  public boolean coopAssessed() {
    return Boolean.TRUE.equals(nation.getAs(YearEndSummary.COOP_ASSESSED));
  }

  /** The suppression legend printed under every table. */
  public String legend() {
    return Cells.SUPPRESSED_MARK + " = 已抑制 / suppressed: fewer than " + smallCellThreshold
        + " poor persons in the area, or hidden so that such an area cannot be derived from its neighbours (small-cell rule)."
        + " 空白 / blank = not available. \"" + Cells.NOT_ASSESSED + "\" = 未考核: no cooperation assessment existed at release.";
  }

  private static final List<ReportColumn> AREA =
      List.of(
          text(YearEndSummary.AREA_CODE, "代码", "Code"),
          text(YearEndSummary.AREA_NAME, "地区", "Area"),
          text(YearEndSummary.LEVEL, "层级", "Level"));

  /** T1: poor persons and incidence. */
  public static final List<ReportColumn> T1 =
      with(
          AREA,
          count(YearEndSummary.POOR_PERSONS, "贫困人口", "Poor persons", "人", "persons"),
          count(YearEndSummary.POOR_HOUSEHOLDS, "贫困户", "Poor households", "户", "households"),
          count(YearEndSummary.RURAL_POPULATION, "农村户籍人口", "Rural registered population", "人", "persons"),
          rate(YearEndSummary.INCIDENCE_RATE, "贫困发生率", "Incidence"));

  /** T2: exits, returns and the inspection list. */
  public static final List<ReportColumn> T2 =
      with(
          AREA,
          count(YearEndSummary.EXITED_PERSONS, "脱贫人口", "Exited persons", "人", "persons"),
          count(YearEndSummary.EXITED_HOUSEHOLDS, "脱贫户", "Exited households", "户", "households"),
          count(YearEndSummary.NEW_PERSONS, "新识别人口", "Newly identified persons", "人", "persons"),
          count(YearEndSummary.RETURNED_PERSONS, "返贫人口", "Returned to poverty", "人", "persons"),
          count(YearEndSummary.REMOVED_PERSONS, "剔除人口", "Removed persons", "人", "persons"),
          count(YearEndSummary.CUMULATIVE_EXITED_PERSONS, "累计脱贫人口", "Cumulative exited persons", "人", "persons"),
          rate(YearEndSummary.WRONG_EXIT_RATE, "错退率", "Wrong-exit rate"),
          count(YearEndSummary.QUESTIONABLE_EXIT_HOUSEHOLDS, "存疑脱贫户", "Questionable exits", "户", "households"),
          count(YearEndSummary.QUESTIONABLE_EXIT_PERSONS, "存疑脱贫人口", "Persons in questionable exits", "人", "persons"));

  /** T3: counties and villages. */
  public static final List<ReportColumn> T3 =
      with(
          AREA,
          count(YearEndSummary.POOR_COUNTIES, "贫困县", "National poor counties", "个", "counties"),
          count(YearEndSummary.COUNTIES_DELISTED, "摘帽县", "Counties de-listed (announced)", "个", "counties"),
          count(YearEndSummary.COUNTIES_ELIGIBLE, "达标县", "Counties eligible by rule", "个", "counties"),
          count(YearEndSummary.COUNTIES_DELISTED_NOT_ELIGIBLE, "摘帽未达标县", "De-listed but not eligible", "个", "counties"),
          count(YearEndSummary.VILLAGES_EXITED, "退出贫困村", "Villages exited (first eligible)", "个", "villages"),
          count(YearEndSummary.VILLAGES_ELIGIBLE, "达标村", "Villages eligible by rule", "个", "villages"));

  /** T4: poverty measures. */
  public static final List<ReportColumn> T4 =
      with(
          AREA,
          yuan(YearEndSummary.POVERTY_LINE, "贫困线", "Poverty line"),
          index(YearEndSummary.FGT0, "贫困人口比例 FGT0", "Headcount FGT0"),
          index(YearEndSummary.FGT1, "贫困深度 FGT1", "Poverty gap FGT1"),
          index(YearEndSummary.FGT2, "贫困强度 FGT2", "Severity FGT2"),
          index(YearEndSummary.AF_H, "多维贫困发生率 H", "AF headcount H"),
          index(YearEndSummary.AF_A, "多维贫困强度 A", "AF intensity A"),
          index(YearEndSummary.AF_M0, "多维贫困指数 M0", "AF adjusted headcount M0"));

  /** English names of {@link YearEndSummary#GRADES}, in the same order. */
  public static final List<String> GRADE_EN = List.of("good", "fairly good", "average", "poor");

  /** T5: cooperation grades. */
  public static final List<ReportColumn> T5;

  /** T6: the series of the nation and the regions. */
  public static final List<ReportColumn> T6 =
      List.of(
          ReportColumn.year(YearEndSummary.REPORTING_YEAR),
          text(YearEndSummary.AREA_CODE, "代码", "Code"),
          text(YearEndSummary.AREA_NAME, "地区", "Area"),
          count(YearEndSummary.POOR_PERSONS, "贫困人口", "Poor persons", "人", "persons"),
          rate(YearEndSummary.INCIDENCE_RATE, "贫困发生率", "Incidence"),
          count(YearEndSummary.EXITED_PERSONS, "脱贫人口", "Exited persons", "人", "persons"),
          count(YearEndSummary.RETURNED_PERSONS, "返贫人口", "Returned to poverty", "人", "persons"),
          count(YearEndSummary.COUNTIES_DELISTED, "摘帽县", "Counties de-listed", "个", "counties"),
          count(YearEndSummary.VILLAGES_EXITED, "退出贫困村", "Villages exited", "个", "villages"));

  /** T7: what a revision changed, per county. */
  public static final List<ReportColumn> T7 =
      List.of(
          text(YearEndChanges.COUNTY_CODE, "县代码", "County code"),
          text(YearEndChanges.COUNTY_NAME, "县", "County"),
          count(YearEndChanges.POOR_PERSONS_BEFORE, "贫困人口(原)", "Poor persons before", "人", "persons"),
          count(YearEndChanges.POOR_PERSONS_AFTER, "贫困人口(新)", "Poor persons after", "人", "persons"),
          rate(YearEndChanges.INCIDENCE_RATE_BEFORE, "贫困发生率(原)", "Incidence before"),
          rate(YearEndChanges.INCIDENCE_RATE_AFTER, "贫困发生率(新)", "Incidence after"),
          count(YearEndChanges.EXITED_PERSONS_BEFORE, "脱贫人口(原)", "Exited before", "人", "persons"),
          count(YearEndChanges.EXITED_PERSONS_AFTER, "脱贫人口(新)", "Exited after", "人", "persons"),
          count(YearEndChanges.RETURNED_PERSONS_BEFORE, "返贫人口(原)", "Returned before", "人", "persons"),
          count(YearEndChanges.RETURNED_PERSONS_AFTER, "返贫人口(新)", "Returned after", "人", "persons"),
          count(YearEndChanges.RECORDS_BEFORE, "户记录(原)", "Household records before", "条", "records"),
          count(YearEndChanges.RECORDS_AFTER, "户记录(新)", "Household records after", "条", "records"),
          text(YearEndChanges.CHANGED, "变化指标", "Changed figures"),
          text(YearEndChanges.REASONS, "原因", "Reasons"));

  static {
    List<ReportColumn> t5 = new ArrayList<>(AREA);
    for (int i = 0; i < YearEndSummary.GRADES.size(); i++) {
      String g = YearEndSummary.GRADES.get(i);
      t5.add(grades(YearEndSummary.COOP_HELPER.get(i), "帮扶方：" + g, "Helper side: " + GRADE_EN.get(i)));
    }
    for (int i = 0; i < YearEndSummary.GRADES.size(); i++) {
      String g = YearEndSummary.GRADES.get(i);
      t5.add(grades(YearEndSummary.COOP_HELPED.get(i), "受帮扶方：" + g, "Helped side: " + GRADE_EN.get(i)));
    }
    T5 = List.copyOf(t5);
  }

  /**
   * Arranges the rows of a release into its report.
   *
   * @param yearRows NATION, REGION and PROVINCE rows of the released year
   * @param series NATION and REGION rows of every year up to it
   * @param changes rows of curated.year_end_changes of this release (empty for revision 1)
   */
  public static YearEndReport of(ReleaseInfo release, List<Row> yearRows, List<Row> series, List<Row> changes, int smallCellThreshold) {
    List<Row> rows = new ArrayList<>(yearRows);
    rows.sort(AREA_ORDER);
    List<Row> s = new ArrayList<>(series);
    s.sort(Comparator.comparing((Row r) -> r.<Integer>getAs(YearEndSummary.REPORTING_YEAR)).thenComparing(AREA_ORDER));
    List<Row> ch = new ArrayList<>(changes);
    ch.sort(Comparator.comparing((Row r) -> r.<String>getAs(YearEndChanges.COUNTY_CODE)));
    Row nation =
        rows.stream()
            .filter(r -> Level.NATION.name().equals(r.getAs(YearEndSummary.LEVEL)))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no NATION row for " + release.year()));
    int y = release.year();
    List<ReportTable> tables = new ArrayList<>();
    tables.add(new ReportTable("T1", "t1_poor_persons_incidence.csv", y + "年贫困人口与贫困发生率", "Poor persons and incidence, " + y, T1, rows));
    tables.add(new ReportTable("T2", "t2_exits_returns.csv", y + "年脱贫、返贫与存疑脱贫", "Exits, returns and questionable exits, " + y, T2, rows));
    tables.add(new ReportTable("T3", "t3_counties_villages.csv", y + "年贫困县摘帽与贫困村退出", "Counties de-listed and villages exited, " + y, T3, rows));
    tables.add(new ReportTable("T4", "t4_poverty_measures.csv", y + "年贫困测度", "Poverty measures, " + y, T4, rows));
    tables.add(new ReportTable("T5", "t5_cooperation_grades.csv", y + "年东西部扶贫协作考核等次", "East-West cooperation grades, " + y, T5, rows));
    tables.add(new ReportTable("T6", "t6_series.csv", "历年全国及地区主要指标", "Nation and regions by year", T6, s));
    if (!ch.isEmpty() || release.previousReleaseId() != null) {
      tables.add(new ReportTable("T7", "t7_changes_" + release.releaseId() + ".csv",
          "修订变化（相对 " + release.previousReleaseId() + "）", "What changed since " + release.previousReleaseId(), T7, ch));
    }
    return new YearEndReport(release, nation, tables, s, smallCellThreshold);
  }

  /** Nation, then the regions east, central, west, then provinces by code. */
  public static final Comparator<Row> AREA_ORDER =
      Comparator.comparing((Row r) -> Level.valueOf(r.<String>getAs(YearEndSummary.LEVEL)).ordinal())
          .thenComparing(r -> regionRank(r.getAs(YearEndSummary.AREA_CODE)))
          .thenComparing(r -> r.<String>getAs(YearEndSummary.AREA_CODE));

  private static int regionRank(String code) {
    int i = List.of("east", "central", "west").indexOf(code);
    return i < 0 ? 3 : i;
  }

  private static List<ReportColumn> with(List<ReportColumn> first, ReportColumn... rest) {
    List<ReportColumn> l = new ArrayList<>(first);
    l.addAll(List.of(rest));
    return List.copyOf(l);
  }
}
