package org.tuopin.common.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small helpers to declare schemas once, in the table classes of this package. */
public final class Schemas {
  private Schemas() {}

  /** A schema of nullable string columns, as landing CSV files are read (no inference). */
  public static StructType allStrings(List<String> columns) {
    StructField[] fields = new StructField[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = DataTypes.createStructField(columns.get(i), DataTypes.StringType, true);
    }
    return DataTypes.createStructType(fields);
  }
}
