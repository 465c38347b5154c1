package org.tuopin.jobs.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.error.Errors;

/**
 * Prints a query result for a person or a script: an aligned table, CSV or JSON lines. Only the
 * first {@code limit} rows ever reach the driver (a console is a bounded view, never an export).
 */
public final class ResultPrinter {
  /** Output formats of {@code tuopin sql}. */
  public enum Format {
    TABLE,
    CSV,
    JSON;

    public static Format parse(String s) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(s)) {
          return f;
        }
      }
      throw Errors.usage("--format", "is '" + s + "'", "use table, csv or json");
    }
  }

  private final Format format;
  private final int limit;

  public ResultPrinter(Format format, int limit) {
    this.format = format;
    this.limit = limit;
  }

  public void print(Dataset<Row> df, PrintWriter out) {
    String[] cols = df.columns();
    // limit + 1 tells whether rows were left out, without counting the whole result.
    List<Row> rows = df.limit(limit + 1).collectAsList();
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    switch (format) {
      case CSV:
        out.println(csvLine(List.of(cols)));
        for (Row r : rows) {
          out.println(csvLine(cells(r)));
        }
        break;
      case JSON:
        printJson(cols, rows, out);
        break;
      default:
        printTable(cols, rows, out);
        out.println("(" + rows.size() + (rows.size() == 1 ? " row" : " rows") + (more ? "; more left out by --limit " + limit : "") + ")");
    }
  }

  private static List<String> cells(Row r) {
    List<String> c = new ArrayList<>(r.size());
    for (int i = 0; i < r.size(); i++) {
      Object v = r.get(i);
      c.add(v == null ? "" : render(v));
    }
    return c;
  }

  private static String render(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : String.format(Locale.ROOT, "%.6g", d);
    }
    if (v instanceof scala.collection.Seq<?> s) {
      return scala.collection.JavaConverters.seqAsJavaList(s).toString();
    }
    return v.toString();
  }

  private static String csvLine(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static void printTable(String[] cols, List<Row> rows, PrintWriter out) {
    int[] w = new int[cols.length];
    List<List<String>> cellRows = new ArrayList<>();
    for (int i = 0; i < cols.length; i++) {
      w[i] = displayWidth(cols[i]);
    }
    for (Row r : rows) {
      List<String> c = cells(r);
      cellRows.add(c);
      for (int i = 0; i < c.size(); i++) {
        w[i] = Math.max(w[i], displayWidth(c.get(i)));
      }
    }
    out.println(line(List.of(cols), w));
    StringBuilder sep = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      sep.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
    }
    out.println(sep);
    Iterator<List<String>> it = cellRows.iterator();
    while (it.hasNext()) {
      out.println(line(it.next(), w));
    }
  }

  private static String line(List<String> cells, int[] w) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      b.append(i == 0 ? "" : " | ").append(c).append(" ".repeat(w[i] - displayWidth(c)));
    }
    return b.toString().stripTrailing();
  }

  /** CJK characters take two columns in a terminal. */
  static int displayWidth(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      n += (ch >= 0x1100 && (ch <= 0x115f || (ch >= 0x2e80 && ch <= 0xa4cf) || (ch >= 0xac00 && ch <= 0xd7a3) || (ch >= 0xf900 && ch <= 0xfaff) || (ch >= 0xff00 && ch <= 0xff60))) ? 2 : 1;
    }
    return n;
  }

  private static void printJson(String[] cols, List<Row> rows, PrintWriter out) {
    try {
      JsonFactory f = new JsonFactory();
      for (Row r : rows) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try (JsonGenerator g = f.createGenerator(sw)) {
          g.writeStartObject();
          for (int i = 0; i < cols.length; i++) {
            Object v = r.get(i);
            g.writeFieldName(cols[i]);
            if (v == null) {
              g.writeNull();
            } else if (v instanceof Number num) {
              if (v instanceof Double || v instanceof Float) {
                g.writeNumber(num.doubleValue());
              } else {
                g.writeNumber(num.longValue());
              }
            } else if (v instanceof Boolean bo) {
              g.writeBoolean(bo);
            } else {
              g.writeString(render(v));
            }
          }
          g.writeEndObject();
        }
        out.println(sw);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
