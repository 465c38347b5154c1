package org.tuopin.common.dictionary;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.RefDataDictionary;
import org.tuopin.common.schema.TableSchemas;
import org.tuopin.common.test.SharedSpark;

/**
 * docs/data-dictionary.md is the page rendered from the code; this test keeps the committed page in
 * step. Regenerate it with {@code ./tuopin dictionary}, or with
 * {@code mvn -o test -pl common -Dtest=DataDictionaryDocTest -Dtuopin.regenerate-docs=true}.
 */
@ExtendWith(SharedSpark.class)
class DataDictionaryDocTest {
  static final Path PAGE = Path.of("..", "docs", "data-dictionary.md");

  @Test
  void committedPageIsTheRenderedOne() throws Exception {
    String rendered = DictionaryRenderer.markdown();
    if (Boolean.getBoolean("tuopin.regenerate-docs")) {
      Files.writeString(PAGE, rendered, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(PAGE), "docs/data-dictionary.md is missing; run " + DictionaryRenderer.REGENERATE);
    assertEquals(
        rendered,
        Files.readString(PAGE, StandardCharsets.UTF_8),
        "docs/data-dictionary.md is out of date; run " + DictionaryRenderer.REGENERATE + " and commit the page");
  }

  @Test
  void pageShowsEveryTableAndItsColumns() {
    String md = DictionaryRenderer.markdown();
    for (Table t : Table.values()) {
      assertTrue(md.contains("### `" + t.qualifiedName() + "`"), "no section for " + t);
    }
    assertTrue(
        md.contains("| 9 | `incidence_rate` | double | yes | Poverty incidence: poor persons / rural registered population | 贫困发生率 | fraction 0–1 | derived by Tuopin |"),
        "the incidence rate row of curated.incidence");
    assertTrue(md.contains("`rule_ids` | array&lt;string> | no |"), "a type with angle brackets is escaped");
  }

  @Test
  void frameHasOneRowPerDeclaredColumnInTheTableSchema() {
    Dataset<Row> df = DictionaryRenderer.frame(SharedSpark.spark());
    assertEquals(RefDataDictionary.SCHEMA, df.schema());
    long columns = TableSchemas.all().values().stream().mapToLong(s -> s.fields().length).sum();
    assertEquals(columns, df.count());
    assertEquals(columns, df.select(RefDataDictionary.TABLE, RefDataDictionary.COLUMN).distinct().count(), "key is unique");
    Row rate =
        df.where(col(RefDataDictionary.TABLE).equalTo("curated.incidence").and(col(RefDataDictionary.COLUMN).equalTo("incidence_rate")))
            .select(RefDataDictionary.LAYER, RefDataDictionary.DATA_TYPE, RefDataDictionary.DESCRIPTION_ZH, RefDataDictionary.UNIT)
            .first();
    assertEquals(List.of("curated", "double", "贫困发生率", "fraction 0–1"), List.of(rate.getString(0), rate.getString(1), rate.getString(2), rate.getString(3)));
  }
}
