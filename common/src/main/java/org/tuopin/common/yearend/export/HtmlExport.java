package org.tuopin.common.yearend.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.tuopin.common.schema.YearEndSummary;

/**
 * Writes {@code summary.html}: one self-contained page (inline CSS and inline SVG charts, no
 * script, no external file) with the headline figures of the nation, the four charts and every
 * table of the workbook. Suppressed cells show the mark of the legend.
 */
public final class HtmlExport {
  private HtmlExport() {}

  /** Element ids of the charts, in page order; each is a {@code <figure>}. */
  public static final List<String> CHART_IDS = List.of("chart-incidence", "chart-exits", "chart-delisted", "chart-cooperation");

  /** The headline figures: column, Chinese and English label. */
  public static final List<ReportColumn> HEADLINES =
      List.of(
          ReportColumn.count(YearEndSummary.POOR_PERSONS, "贫困人口", "Poor persons", "人", "persons"),
          ReportColumn.rate(YearEndSummary.INCIDENCE_RATE, "贫困发生率", "Incidence"),
          ReportColumn.count(YearEndSummary.EXITED_PERSONS, "脱贫人口", "Exited persons", "人", "persons"),
          ReportColumn.count(YearEndSummary.RETURNED_PERSONS, "返贫人口", "Returned to poverty", "人", "persons"),
          ReportColumn.count(YearEndSummary.COUNTIES_DELISTED, "摘帽县", "Counties de-listed", "个", "counties"),
          ReportColumn.count(YearEndSummary.VILLAGES_EXITED, "退出贫困村", "Villages exited", "个", "villages"),
          ReportColumn.count(YearEndSummary.QUESTIONABLE_EXIT_HOUSEHOLDS, "存疑脱贫户", "Questionable exits", "户", "households"),
          ReportColumn.index(YearEndSummary.FGT0, "贫困人口比例 FGT0", "Headcount FGT0"),
          ReportColumn.index(YearEndSummary.AF_M0, "多维贫困指数 M0", "AF M0"));

  public static void write(YearEndReport r, Writer w) throws IOException {
    Charts.requireFonts();
    ReleaseInfo rel = r.release();
    int y = r.year();
    StringBuilder s = new StringBuilder(64 * 1024);
    s.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(y).append("年脱贫攻坚年度统计汇总 / Year-end summary ").append(y).append("</title>\n<style>\n")
        .append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>").append(y).append("年脱贫攻坚年度统计汇总<br><small>Year-end summary of the poverty registry, ")
        .append(y).append("</small></h1>\n<p class=\"release\">发布 / Release <b id=\"release-id\">").append(esc(rel.releaseId()))
        .append("</b> · ").append(esc(WorkbookExport.DATE.format(rel.releasedAt())))
        .append(rel.previousReleaseId() == null ? "" : " · revises " + esc(rel.previousReleaseId()))
        .append(" · code ").append(esc(rel.codeVersion())).append(" · rules ").append(esc(rel.ruleVersion())).append("</p>\n");
    if (rel.note() != null && !rel.note().isBlank()) {
      s.append("<p class=\"note\">").append(esc(rel.note())).append("</p>\n");
    }
    s.append("</header>\n<section id=\"headline\">\n<h2>全国主要指标 / Headline figures, nation</h2>\n<div class=\"cards\">\n");
    for (ReportColumn c : HEADLINES) {
      s.append("<div class=\"card\" data-figure=\"").append(c.key()).append("\"><div class=\"value\">")
          .append(esc(Cells.text(r.nation(), c, true))).append("</div><div class=\"label\">").append(esc(c.zh()))
          .append("<br>").append(esc(c.en())).append("</div></div>\n");
    }
    s.append("<div class=\"card\" data-figure=\"cooperation\"><div class=\"value\">").append(esc(cooperationHeadline(r)))
        .append("</div><div class=\"label\">东西部协作考核（帮扶方）<br>Cooperation grades, helper side</div></div>\n");
    s.append("</div>\n</section>\n<section id=\"charts\">\n<h2>图表 / Charts</h2>\n<div class=\"charts\">\n");
    figure(s, CHART_IDS.get(0), "分地区贫困发生率 / Incidence by region", Charts.incidenceByRegion(r.series()));
    figure(s, CHART_IDS.get(1), "历年脱贫人口 / Exits by year (persons)",
        Charts.nationByYear(r.series(), YearEndSummary.EXITED_PERSONS, "Exited persons", "exits"));
    figure(s, CHART_IDS.get(2), "历年摘帽县 / Counties de-listed by year",
        Charts.nationByYear(r.series(), YearEndSummary.COUNTIES_DELISTED, "Counties de-listed", "delisted"));
    figure(s, CHART_IDS.get(3), "东西部协作考核等次 / Cooperation grades, " + y,
        r.coopAssessed() ? Charts.cooperationGrades(r.nation())
            : "<div class=\"not-assessed\">未考核 / " + Cells.NOT_ASSESSED + "<br><small>curated.cooperation_assessment did not exist at release</small></div>");
    s.append("</div>\n</section>\n<section id=\"tables\">\n<h2>统计表 / Tables</h2>\n<ul class=\"toc\">\n");
    for (ReportTable t : r.tables()) {
      s.append("<li><a href=\"#").append(t.id()).append("\">").append(t.id()).append(" ").append(esc(t.title())).append("</a></li>\n");
    }
    s.append("</ul>\n");
    for (ReportTable t : r.tables()) {
      table(s, t);
      s.append("<p class=\"legend\">").append(esc(r.legend())).append("</p>\n");
    }
    s.append("</section>\n<footer>Source: curated.year_end_releases, release ").append(esc(rel.releaseId()))
        .append(". Table versions: ");
    List<String> versions = new ArrayList<>();
    rel.tableVersions().forEach((k, v) -> versions.add(k + " v" + v));
    s.append(esc(String.join(", ", versions))).append(".</footer>\n</body>\n</html>\n");
    w.write(s.toString());
  }

  private static String cooperationHeadline(YearEndReport r) {
    if (!r.coopAssessed()) {
      return Cells.NOT_ASSESSED;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < YearEndSummary.GRADES.size(); i++) {
      Object n = r.nation().getAs(YearEndSummary.COOP_HELPER.get(i));
      parts.add(YearEndSummary.GRADES.get(i) + " " + (n == null ? 0 : n));
    }
    return String.join(" · ", parts);
  }

  private static void figure(StringBuilder s, String id, String caption, String body) {
    s.append("<figure id=\"").append(id).append("\">\n<figcaption>").append(esc(caption)).append("</figcaption>\n")
        .append(body).append("\n</figure>\n");
  }

  private static void table(StringBuilder s, ReportTable t) {
    s.append("<h3 id=\"").append(t.id()).append("\">").append(t.id()).append(" ").append(esc(t.title())).append("</h3>\n");
    s.append("<table data-table=\"").append(t.id()).append("\">\n<thead>\n<tr>");
    for (ReportColumn c : t.columns()) {
      s.append("<th>").append(esc(c.zh())).append("<br><span class=\"en\">").append(esc(c.en())).append("</span></th>");
    }
    s.append("</tr>\n<tr class=\"units\">");
    for (ReportColumn c : t.columns()) {
      s.append("<td>").append(esc(c.unit())).append("</td>");
    }
    s.append("</tr>\n</thead>\n<tbody>\n");
    for (Row row : t.rows()) {
      s.append("<tr>");
      for (ReportColumn c : t.columns()) {
        Cells.State st = Cells.state(row, c);
        String cls = c.kind().isFigure() ? "num" : "txt";
        if (st == Cells.State.SUPPRESSED) {
          cls += " suppressed";
        }
        s.append("<td class=\"").append(cls).append("\" data-col=\"").append(c.key()).append("\">")
            .append(esc(Cells.text(row, c, true))).append("</td>");
      }
      s.append("</tr>\n");
    }
    if (t.rows().isEmpty()) {
      s.append("<tr><td colspan=\"").append(t.columns().size()).append("\">（无 / none）</td></tr>\n");
    }
    s.append("</tbody>\n</table>\n");
  }

  static String esc(String v) {
    if (v == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(v.length());
    for (char ch : v.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  private static final String CSS =
      "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei',"
          + "'DejaVu Sans',sans-serif;margin:24px 32px;color:#222;max-width:1240px}\n"
          + "h1{font-size:26px;margin:0 0 4px}h1 small{font-size:16px;color:#555;font-weight:normal}\n"
          + "h2{font-size:20px;border-bottom:2px solid #1f4e79;padding-bottom:4px;margin-top:28px}\n"
          + "h3{font-size:16px;margin:22px 0 6px}.release,.note,.legend,footer{color:#555;font-size:13px}\n"
          + ".cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ccd;border-radius:6px;padding:10px 14px;min-width:150px;background:#f7f9fc}\n"
          + ".card .value{font-size:22px;font-weight:bold;color:#1f4e79}.card .label{font-size:12px;color:#555}\n"
          + ".charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;border:1px solid #dde;padding:8px;background:#fff}\n"
          + "figcaption{font-weight:bold;font-size:14px;margin-bottom:4px}\n"
          + ".not-assessed{width:560px;height:320px;display:flex;align-items:center;justify-content:center;flex-direction:column;color:#888;font-size:20px;background:#fafafa}\n"
          + "table{border-collapse:collapse;font-size:12px;margin-bottom:4px}th,td{border:1px solid #ccd;padding:3px 6px}\n"
          + "th{background:#eef2f7;vertical-align:bottom}th .en{font-weight:normal;color:#555}tr.units td{font-style:italic;color:#666;background:#f7f7f7}\n"
          + "td.num{text-align:right;font-variant-numeric:tabular-nums}td.suppressed{color:#999;background:#f3f3f3;text-align:center}\n"
          + "ul.toc{font-size:13px}\n";
}
