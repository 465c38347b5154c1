package org.tuopin.common.dictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.RefDataDictionary;
import org.tuopin.common.schema.TableSchemas;

/**
 * Renders the data dictionary from the code: the schemas of {@link TableSchemas} joined with the
 * descriptions of {@link DataDictionary}, as rows of {@code ref.data_dictionary} and as the page
 * docs/data-dictionary.md. Both are pure functions of the code, so the committed page can be
 * checked against them (DataDictionaryDocTest).
 */
public final class DictionaryRenderer {
  private DictionaryRenderer() {}

  /** Shown where a description is missing; the dictionary tests fail while one is shown. */
  static final String MISSING_EN = "(not described yet)";

  static final String MISSING_ZH = "（暂无说明）";

  /** The command that rewrites the page, named in the page and in test failures. */
  public static final String REGENERATE = "./tuopin dictionary";

  /** Every column of every declared table, in catalogue and column order. */
  public static List<DictionaryEntry> entries() {
    List<DictionaryEntry> out = new ArrayList<>();
    for (Map.Entry<Table, StructType> e : TableSchemas.all().entrySet()) {
      Table t = e.getKey();
      String[] td = DataDictionary.describe(t).orElse(new String[] {MISSING_EN, MISSING_ZH});
      StructField[] fields = e.getValue().fields();
      for (int i = 0; i < fields.length; i++) {
        StructField f = fields[i];
        Optional<ColumnDoc> doc = DataDictionary.describe(t, f.name());
        out.add(
            new DictionaryEntry(
                t,
                td[0],
                td[1],
                i + 1,
                f.name(),
                f.dataType().simpleString(),
                f.nullable(),
                doc.map(ColumnDoc::en).orElse(MISSING_EN),
                doc.map(ColumnDoc::zh).orElse(MISSING_ZH),
                doc.map(ColumnDoc::unit).orElse(""),
                doc.map(ColumnDoc::source).orElse("")));
      }
    }
    return out;
  }

  /** Qualified names of the tables without a description and of the columns without one. */
  public static List<String> undescribed() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<Table, StructType> e : TableSchemas.all().entrySet()) {
      if (DataDictionary.describe(e.getKey()).isEmpty()) {
        out.add(e.getKey().qualifiedName());
      }
      for (StructField f : e.getValue().fields()) {
        if (DataDictionary.describe(e.getKey(), f.name()).isEmpty()) {
          out.add(e.getKey().qualifiedName() + "." + f.name());
        }
      }
    }
    return out;
  }

  /** The content of {@code ref.data_dictionary}: a few hundred rows built on the driver from code. */
  public static Dataset<Row> frame(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (DictionaryEntry e : entries()) {
      rows.add(e.toRow());
    }
    return spark.createDataFrame(rows, RefDataDictionary.SCHEMA);
  }

  /** The page docs/data-dictionary.md. */
  public static String markdown() {
    List<DictionaryEntry> entries = entries();
    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary (数据字典)\n\n");
    md.append("<!-- Generated from the code by `").append(REGENERATE).append("`; do not edit by hand. -->\n\n");
    md.append("Every table of the catalogue and every column: its Spark SQL type, whether it may be null, its\n")
        .append("meaning in English and Chinese, its unit and where its values come from. The page is rendered\n")
        .append("from the schema classes (`org.tuopin.common.schema.TableSchemas`) and the descriptions\n")
        .append("(`org.tuopin.common.dictionary.DataDictionary`); the same rows are the table\n")
        .append("`ref.data_dictionary`, so a query can look them up:\n\n")
        .append("```\n./tuopin sql \"SELECT column_name, data_type, description_en, description_zh, unit FROM ref.data_dictionary")
        .append(" WHERE qualified_table = 'curated.incidence' ORDER BY position\"\n```\n\n")
        .append("Rates are fractions in [0, 1] (0.017 for 1.7 %); counts are longs. Sources: *delivered by the\n")
        .append("province* is a column of the landing files ([DESIGN.md](DESIGN.md), landing contract); *derived\n")
        .append("by Tuopin* is computed by the pipeline ([conform.md](conform.md), [statistics.md](statistics.md));\n")
        .append("*ref: X.csv* is `conf/reference/X.csv` ([its README](../conf/reference/README.md)).\n\n")
        .append("To add a table: declare its schema in `common/.../schema`, add it to `TableSchemas`, describe\n")
        .append("its columns in `DataDictionary`, then run `").append(REGENERATE)
        .append("` (or the test `DataDictionaryDocTest` with\n`-Dtuopin.regenerate-docs=true`) and commit this page.\n\n");

    md.append("## Tables\n\n| table | 表 | description | columns |\n|---|---|---|---|\n");
    for (Table t : Table.values()) {
      String[] td = DataDictionary.describe(t).orElse(new String[] {MISSING_EN, MISSING_ZH});
      long n = entries.stream().filter(e -> e.table() == t).count();
      String columns = TableSchemas.of(t).isPresent() ? Long.toString(n) : "not declared in code yet";
      md.append("| [`").append(t.qualifiedName()).append("`](#").append(anchor(t)).append(") | ")
          .append(cell(td[1])).append(" | ").append(cell(td[0])).append(" | ").append(columns).append(" |\n");
    }

    Table.Layer layer = null;
    for (Table t : Table.values()) {
      if (t.layer() != layer) {
        layer = t.layer();
        md.append("\n## ").append(layer.dbName()).append("\n");
      }
      String[] td = DataDictionary.describe(t).orElse(new String[] {MISSING_EN, MISSING_ZH});
      md.append("\n<a id=\"").append(anchor(t)).append("\"></a>\n### `").append(t.qualifiedName()).append("` ")
          .append(td[1]).append("\n\n").append(td[0]).append(".\n\n");
      if (TableSchemas.of(t).isEmpty()) {
        md.append("Columns not declared in code yet (the table's schema class is pending).\n");
        continue;
      }
      md.append("| # | column | type | null | meaning | 含义 | unit | source |\n|---|---|---|---|---|---|---|---|\n");
      for (DictionaryEntry e : entries) {
        if (e.table() != t) {
          continue;
        }
        md.append("| ").append(e.position()).append(" | `").append(e.column()).append("` | ").append(cell(e.dataType()))
            .append(" | ").append(e.nullable() ? "yes" : "no").append(" | ").append(cell(e.en())).append(" | ")
            .append(cell(e.zh())).append(" | ").append(cell(e.unit())).append(" | ").append(cell(e.source())).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String anchor(Table t) {
    return t.layer().dbName() + "-" + t.tableName().replace('_', '-');
  }

  /** Text safe inside a Markdown table cell. */
  private static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
  }
}
