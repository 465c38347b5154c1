package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Order-insensitive DataFrame equality that names the differing rows. SharedSpark's helper goes
 * through spark-testing-base, whose assertions need JUnit 4's Assert, which the build excludes.
 */
final class Frames {
  private Frames() {}

  /** Compares the actual frame's columns of the expected schema, with duplicates counted. */
  static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : expected.schema().fields()) {
      cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    Dataset<Row> a = actual.select(cols.toArray(new Column[0]));
    List<Row> missing = expected.exceptAll(a).takeAsList(20);
    List<Row> extra = a.exceptAll(expected).takeAsList(20);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail("rows expected but not found: " + missing + "; rows found but not expected: " + extra);
    }
  }
}
