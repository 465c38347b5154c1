package org.tuopin.common.yearend.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.tuopin.common.curated.Level;
import org.tuopin.common.error.Errors;
import org.tuopin.common.schema.YearEndSummary;

/**
 * The charts of the page, drawn with JFreeChart into SVG text (JFreeSVG) so that the page carries
 * them inline and needs no other file. Labels are English (a chart font need not have CJK glyphs);
 * the page gives every chart a bilingual title.
 */
public final class Charts {
  private Charts() {}

  public static final int WIDTH = 560;
  public static final int HEIGHT = 320;
  private static final Map<String, String> REGION_EN = Map.of("000000", "Nation", "east", "East", "central", "Central", "west", "West");
  private static final Color[] PALETTE = {new Color(0x1f, 0x4e, 0x79), new Color(0xc0, 0x39, 0x2b), new Color(0x27, 0xae, 0x60), new Color(0xe6, 0x7e, 0x22)};

  /**
   * Makes sure AWT runs headless and can measure text: JFreeChart lays labels out with AWT font
   * metrics, which fail deep inside the JDK on a machine without any font.
   */
  public static void requireFonts() {
    System.setProperty("java.awt.headless", "true");
    try {
      String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
      BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      int w = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 12)).stringWidth("2020");
      g.dispose();
      if (families.length == 0 || w <= 0) {
        throw Errors.noChartFont("no font family is installed");
      }
    } catch (org.tuopin.common.error.TuopinException e) {
      throw e;
    } catch (Exception | Error e) {
      throw Errors.noChartFont(Errors.oneLine(e));
    }
  }

  /** Incidence (%) of the nation and each region, by year. */
  public static String incidenceByRegion(List<Row> series) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (Row r : series) {
      Double rate = r.getAs(YearEndSummary.INCIDENCE_RATE);
      if (rate != null) {
        d.addValue(rate * 100, REGION_EN.getOrDefault(r.<String>getAs(YearEndSummary.AREA_CODE), r.getAs(YearEndSummary.AREA_CODE)),
            String.valueOf(r.<Integer>getAs(YearEndSummary.REPORTING_YEAR)));
      }
    }
    JFreeChart c = ChartFactory.createLineChart(null, "Year", "Incidence (%)", d, PlotOrientation.VERTICAL, true, false, false);
    return svg(style(c), "incidence");
  }

  /** One count of the nation, by year, as bars. */
  public static String nationByYear(List<Row> series, String column, String axisLabel, String id) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (Row r : series) {
      if (Level.NATION.name().equals(r.getAs(YearEndSummary.LEVEL)) && r.getAs(column) != null) {
        d.addValue(((Number) r.getAs(column)).doubleValue(), axisLabel, String.valueOf(r.<Integer>getAs(YearEndSummary.REPORTING_YEAR)));
      }
    }
    JFreeChart c = ChartFactory.createBarChart(null, "Year", axisLabel, d, PlotOrientation.VERTICAL, false, false, false);
    return svg(wholeNumbers(style(c)), id);
  }

  /** Pairings per grade of the released year, helper and helped side (national counts). */
  public static String cooperationGrades(Row nation) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (int i = 0; i < YearEndSummary.GRADES.size(); i++) {
      String grade = YearEndReport.GRADE_EN.get(i);
      d.addValue(num(nation.getAs(YearEndSummary.COOP_HELPER.get(i))), "Helper side", grade);
      d.addValue(num(nation.getAs(YearEndSummary.COOP_HELPED.get(i))), "Helped side", grade);
    }
    JFreeChart c = ChartFactory.createBarChart(null, "Grade", "Pairings", d, PlotOrientation.VERTICAL, true, false, false);
    return svg(wholeNumbers(style(c)), "cooperation");
  }

  private static double num(Object o) {
    return o == null ? 0.0 : ((Number) o).doubleValue();
  }

  private static JFreeChart style(JFreeChart c) {
    c.setBackgroundPaint(Color.WHITE);
    CategoryPlot p = c.getCategoryPlot();
    p.setBackgroundPaint(Color.WHITE);
    p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    for (int i = 0; i < PALETTE.length; i++) {
      p.getRenderer().setSeriesPaint(i, PALETTE[i]);
    }
    if (p.getRenderer() instanceof BarRenderer b) {
      b.setBarPainter(new StandardBarPainter());
      b.setShadowVisible(false);
    }
    return c;
  }

  /** Counts get whole-number ticks (no "2.5 counties"). */
  private static JFreeChart wholeNumbers(JFreeChart c) {
    ((NumberAxis) c.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return c;
  }

  private static String svg(JFreeChart chart, String id) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    // Stable ids: two charts on one page must not share clip-path ids.
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement("svg-" + id);
  }
}
