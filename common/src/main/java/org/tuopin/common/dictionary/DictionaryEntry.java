package org.tuopin.common.dictionary;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tuopin.common.catalog.Table;

/**
 * One column of one table as the data dictionary shows it: a row of {@code ref.data_dictionary}
 * (columns in {@link org.tuopin.common.schema.RefDataDictionary}) and a line of
 * docs/data-dictionary.md.
 *
 * @param position 1-based position of the column in the table
 * @param dataType Spark SQL type name, e.g. {@code bigint}, {@code array<string>}
 */
public record DictionaryEntry(
    Table table,
    String tableEn,
    String tableZh,
    int position,
    String column,
    String dataType,
    boolean nullable,
    String en,
    String zh,
    String unit,
    String source) {

  /** The row of {@code ref.data_dictionary}, in the order of its schema. */
  public Row toRow() {
    return RowFactory.create(
        table.layer().dbName(), table.qualifiedName(), tableEn, tableZh, position, column, dataType, nullable, en, zh, unit, source);
  }
}
