package org.tuopin.common.curated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.schema.CuratedHouseholdFacts;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverPopulation;
import org.tuopin.common.test.SharedSpark;

/** The area totals do not depend on the order in which Spark adds the households' contributions. */
@ExtendWith(SharedSpark.class)
class AreaTotalsTest {
  private static final String VILLAGE = "520102001001";
  private static final String COUNTY = "520102";
  private static final String PROVINCE = "520000";

  /** One village's households in one year, in this order, in one partition; every count is 0. */
  private static Dataset<Row> facts(SparkSession spark, double... gapSums) {
    StructType schema =
        new StructType()
            .add(SilverHouseholds.REPORTING_YEAR, "int")
            .add(SilverHouseholds.VILLAGE_CODE, "string")
            .add(SilverHouseholds.COUNTY_CODE, "string")
            .add(SilverHouseholds.PROVINCE_CODE, "string");
    for (String c : AreaTotals.SUMMED) {
      schema = schema.add(c, CuratedHouseholdFacts.DOUBLE_SUMS.contains(c) ? "double" : "long");
    }
    List<Row> rows = new ArrayList<>();
    for (double gap : gapSums) {
      List<Object> v = new ArrayList<>(List.of(2019, VILLAGE, COUNTY, PROVINCE));
      for (String c : AreaTotals.SUMMED) {
        v.add(CuratedHouseholdFacts.DOUBLE_SUMS.contains(c) ? (Object) gap : (Object) 0L);
      }
      rows.add(RowFactory.create(v.toArray()));
    }
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  private static double gapSum(Dataset<Row> facts, String column) {
    Dataset<Row> noPopulation = facts.sparkSession().createDataFrame(List.of(), SilverPopulation.SCHEMA);
    return AreaTotals.villageBase(facts, noPopulation).first().getAs(column);
  }

  @Test
  void personWeightedSumsAreExactWhateverTheOrderOfTheirParts() {
    SparkSession spark = SharedSpark.spark();
    // As doubles, 0.1 + 0.2 + 0.3 is 0.6000000000000001 and 0.3 + 0.2 + 0.1 is 0.6: an area summed
    // in another order by an incremental run would differ from a full rebuild in the last bit.
    for (String c : CuratedHouseholdFacts.DOUBLE_SUMS) {
      assertEquals(0.6, gapSum(facts(spark, 0.1, 0.2, 0.3), c), 0.0, c + " summed upwards");
      assertEquals(0.6, gapSum(facts(spark, 0.3, 0.2, 0.1), c), 0.0, c + " summed downwards");
    }
  }
}
