package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ref.data_dictionary}: one row per column of every table whose schema is declared in code
 * ({@link TableSchemas}), with its meaning in English and Chinese, unit and source from {@link
 * org.tuopin.common.dictionary.DataDictionary}. Rendered from the code, never edited: replaced whole
 * by {@code tuopin dictionary} and {@code tuopin reference}. Key: ({@link #TABLE}, {@link #COLUMN}).
 */
public final class RefDataDictionary {
  private RefDataDictionary() {}

  /** ref, bronze, silver, quarantine, curated or ops. */
  public static final String LAYER = "layer";
  /** The SQL name of the table, e.g. {@code curated.incidence}. */
  public static final String TABLE = "qualified_table";
  public static final String TABLE_EN = "table_description_en";
  public static final String TABLE_ZH = "table_description_zh";
  /** 1-based position of the column in the table. */
  public static final String POSITION = "position";
  public static final String COLUMN = "column_name";
  /** Spark SQL type, e.g. {@code bigint}, {@code array<string>}. */
  public static final String DATA_TYPE = "data_type";
  public static final String NULLABLE = "nullable";
  public static final String DESCRIPTION_EN = "description_en";
  public static final String DESCRIPTION_ZH = "description_zh";
  /** Unit of the values; empty when none (free text, identifiers). */
  public static final String UNIT = "unit";
  /** Where the values come from: a landing file, a reference file, or derived by Tuopin. */
  public static final String SOURCE = "source";

  public static final List<String> KEY = List.of(TABLE, COLUMN);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(LAYER, StringType, false),
              createStructField(TABLE, StringType, false),
              createStructField(TABLE_EN, StringType, false),
              createStructField(TABLE_ZH, StringType, false),
              createStructField(POSITION, IntegerType, false),
              createStructField(COLUMN, StringType, false),
              createStructField(DATA_TYPE, StringType, false),
              createStructField(NULLABLE, BooleanType, false),
              createStructField(DESCRIPTION_EN, StringType, false),
              createStructField(DESCRIPTION_ZH, StringType, false),
              createStructField(UNIT, StringType, false),
              createStructField(SOURCE, StringType, false)));
}
