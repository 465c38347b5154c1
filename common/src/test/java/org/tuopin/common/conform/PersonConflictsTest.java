package org.tuopin.common.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.test.SharedSpark;

/**
 * {@link Preparation#personConflicts}: which (year, person) pairs are in two households, among the
 * incoming member lines and against silver rows of the province-years this run does not replace.
 */
class PersonConflictsTest {
  private static final StructType FACTS =
      new StructType()
          .add(Prepared.YEAR, DataTypes.IntegerType)
          .add(Bronze.PERSON_KEY, DataTypes.StringType)
          .add(LandingMembers.HOUSEHOLD_ID, DataTypes.StringType)
          .add(Prepared.COUNTED, DataTypes.LongType);
  private static final StructType SILVER =
      new StructType()
          .add(SilverMembers.REPORTING_YEAR, DataTypes.IntegerType)
          .add(SilverMembers.PROVINCE_CODE, DataTypes.StringType)
          .add(SilverMembers.PERSON_KEY, DataTypes.StringType)
          .add(SilverMembers.HOUSEHOLD_ID, DataTypes.StringType);
  private static final StructType SLICES =
      new StructType()
          .add(SilverMembers.REPORTING_YEAR, DataTypes.IntegerType)
          .add(SilverMembers.PROVINCE_CODE, DataTypes.StringType);

  @Test
  void findsEveryPersonYearInTwoHouseholdsAndNothingElse() {
    Dataset<Row> incoming =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    // a: two households in the incoming lines
                    RowFactory.create(2020, "a", "h1", 1L),
                    RowFactory.create(2020, "a", "h2", 1L),
                    // b: incoming once, and in another household of a province this run leaves alone
                    RowFactory.create(2020, "b", "h3", 1L),
                    // c: incoming once; its other household is in the slice being replaced
                    RowFactory.create(2020, "c", "h4", 1L),
                    // d: incoming once; silver has it in the same household elsewhere
                    RowFactory.create(2020, "d", "h5", 1L),
                    // f: incoming once; silver has it in another household, another year
                    RowFactory.create(2020, "f", "h6", 1L),
                    // g: the same household twice (a repeated line) is one household
                    RowFactory.create(2020, "g", "h7", 1L),
                    RowFactory.create(2020, "g", "h7", 1L),
                    // h: its second line does not count (repeated or unparsed)
                    RowFactory.create(2020, "h", "h8", 1L),
                    RowFactory.create(2020, "h", "h9", 0L),
                    // i: two households, but in two different years
                    RowFactory.create(2019, "i", "h10", 1L),
                    RowFactory.create(2020, "i", "h11", 1L)),
                FACTS);
    Dataset<Row> silver =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(2020, "530000", "b", "x1"),
                    RowFactory.create(2020, "520000", "c", "x2"),
                    RowFactory.create(2020, "530000", "d", "h5"),
                    RowFactory.create(2019, "530000", "f", "x3"),
                    // e: two households in silver only: not this run's to report
                    RowFactory.create(2020, "530000", "e", "x4"),
                    RowFactory.create(2020, "540000", "e", "x5")),
                SILVER);
    Dataset<Row> touched =
        SharedSpark.spark()
            .createDataFrame(List.of(RowFactory.create(2020, "520000"), RowFactory.create(2019, "520000")), SLICES);

    // The same pairs whether silver is first narrowed to the incoming persons or not.
    for (boolean fewIncoming : List.of(false, true)) {
      Set<String> found = new TreeSet<>();
      for (Row r : Preparation.personConflicts(incoming, silver, touched, fewIncoming).collectAsList()) {
        found.add(r.getInt(0) + "/" + r.getString(1));
      }
      assertEquals(Set.of("2020/a", "2020/b"), found, "fewIncoming=" + fewIncoming);
    }
  }
}
