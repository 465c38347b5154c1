package org.tuopin.common.curated;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.test.SharedSpark;

/** Primary and secondary small-cell suppression with k = 10 on a hand-made area tree. */
@ExtendWith(SharedSpark.class)
class SuppressionTest {
  private static final StructType TOTALS =
      new StructType()
          .add(CuratedIncidence.LEVEL, "string")
          .add(CuratedIncidence.AREA_CODE, "string")
          .add(CuratedIncidence.PARENT_CODE, "string")
          .add(CuratedIncidence.REPORTING_YEAR, "int")
          .add(CuratedIncidence.POOR_PERSONS, "long");
  private static final StructType MASK =
      new StructType()
          .add(Suppression.LEVEL, "string")
          .add(Suppression.AREA_CODE, "string")
          .add(Suppression.REPORTING_YEAR, "int")
          .add(Suppression.SUPPRESSED, "boolean");

  @Test
  void smallCellsAndTheirSmallestSiblingAreSuppressedTotalsAreNot() {
    SparkSession spark = SharedSpark.spark();
    List<Row> totals = new ArrayList<>();
    List<Row> expected = new ArrayList<>();
    // level, area, parent, poor persons, suppressed
    Object[][] tree = {
      {"NATION", "000000", null, 107L, false},
      {"REGION", "west", "000000", 107L, false},
      {"PROVINCE", "520000", "west", 107L, false},
      {"PREFECTURE", "520100", "520000", 107L, false},
      // C4 (7) is the only small county: C3 (18), the next smallest, is suppressed with it.
      {"COUNTY", "520121", "520100", 37L, false},
      {"COUNTY", "520122", "520100", 45L, false},
      {"COUNTY", "520123", "520100", 18L, true},
      {"COUNTY", "520124", "520100", 7L, true},
      // C1: a (5) alone is small, so c (12, smaller than b) goes too.
      {"VILLAGE", "a", "520121", 5L, true},
      {"VILLAGE", "b", "520121", 20L, false},
      {"VILLAGE", "c", "520121", 12L, true},
      // C2: two small villages protect each other.
      {"VILLAGE", "d", "520122", 3L, true},
      {"VILLAGE", "e", "520122", 4L, true},
      {"VILLAGE", "f", "520122", 38L, false},
      // C3: nothing small; a zero is published.
      {"VILLAGE", "g", "520123", 18L, false},
      {"VILLAGE", "j", "520123", 0L, false},
      // C4: an only child below k (its county is small too).
      {"VILLAGE", "h", "520124", 7L, true},
    };
    for (Object[] t : tree) {
      totals.add(RowFactory.create(t[0], t[1], t[2], 2019, t[3]));
      expected.add(RowFactory.create(t[0], t[1], 2019, t[4]));
    }
    Dataset<Row> mask = Suppression.mask(spark.createDataFrame(totals, TOTALS), 10);
    Frames.assertSameRows(spark.createDataFrame(expected, MASK), mask);
  }

  @Test
  void aCellOfExactlyKIsPublished() {
    SparkSession spark = SharedSpark.spark();
    List<Row> totals =
        List.of(
            RowFactory.create("NATION", "000000", null, 2019, 20L),
            RowFactory.create("VILLAGE", "x", "C", 2019, 10L),
            RowFactory.create("VILLAGE", "y", "C", 2019, 9L),
            RowFactory.create("VILLAGE", "z", "C", 2019, 1L),
            RowFactory.create("COUNTY", "C", "P", 2019, 20L));
    Dataset<Row> mask = Suppression.mask(spark.createDataFrame(totals, TOTALS), 10);
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                RowFactory.create("NATION", "000000", 2019, false),
                RowFactory.create("VILLAGE", "x", 2019, false),
                RowFactory.create("VILLAGE", "y", 2019, true),
                RowFactory.create("VILLAGE", "z", 2019, true),
                RowFactory.create("COUNTY", "C", 2019, false)),
            MASK),
        mask);
  }
}
