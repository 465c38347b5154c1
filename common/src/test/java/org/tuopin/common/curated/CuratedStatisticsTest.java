package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tuopin.common.curated.CuratedFixture.V1;
import static org.tuopin.common.curated.CuratedFixture.V2;
import static org.tuopin.common.curated.CuratedFixture.V3;
import static org.tuopin.common.curated.CuratedFixture.V4;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.schema.CuratedExitQuality;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.CuratedPovertyMeasures;
import org.tuopin.common.test.SharedSpark;

/** Every statistic of the curated tables on the hand-computed registry of {@link CuratedFixture}. */
@ExtendWith(SharedSpark.class)
class CuratedStatisticsTest {
  private static final double EPS = 1e-12;
  private static CuratedStatistics.Result result;

  @BeforeAll
  static void compute() {
    result = CuratedStatistics.compute(CuratedFixture.inputs(SharedSpark.spark()), CuratedFixture.params());
    result.incidence().cache();
    result.exits().cache();
    result.povertyMeasures().cache();
  }

  @AfterAll
  static void release() {
    result.incidence().unpersist();
    result.exits().unpersist();
    result.povertyMeasures().unpersist();
  }

  static Row row(Dataset<Row> df, Level level, String area, int year) {
    return df.filter(
            col(CuratedIncidence.LEVEL).equalTo(level.name())
                .and(col(CuratedIncidence.AREA_CODE).equalTo(area))
                .and(col(CuratedIncidence.REPORTING_YEAR).equalTo(year)))
        .first();
  }

  private static Row inc(Level level, String area, String parent, int year, long persons, long households, long pop, boolean suppressed) {
    return RowFactory.create(level.name(), area, parent, year, persons, households, pop, (double) persons / pop, suppressed);
  }

  @Test
  void incidenceAtEveryLevelRollsUpFromVillages() {
    SparkSession spark = SharedSpark.spark();
    List<Row> expected = new ArrayList<>();
    // 2018: V1 H1+H3, V2 H4+H5, V3 H6+H8, V4 H7. Every cell below 10 poor persons is suppressed;
    // nations and regions never are.
    expected.add(inc(Level.VILLAGE, V1, "520121", 2018, 3, 2, 100, true));
    expected.add(inc(Level.VILLAGE, V2, "520122", 2018, 6, 2, 200, true));
    expected.add(inc(Level.VILLAGE, V3, "410122", 2018, 3, 2, 150, true));
    expected.add(inc(Level.VILLAGE, V4, "410122", 2018, 1, 1, 50, true));
    expected.add(inc(Level.COUNTY, "520121", "520100", 2018, 3, 2, 100, true));
    expected.add(inc(Level.COUNTY, "520122", "520100", 2018, 6, 2, 200, true));
    expected.add(inc(Level.COUNTY, "410122", "410100", 2018, 4, 3, 200, true));
    expected.add(inc(Level.PREFECTURE, "520100", "520000", 2018, 9, 4, 300, true));
    expected.add(inc(Level.PREFECTURE, "410100", "410000", 2018, 4, 3, 200, true));
    expected.add(inc(Level.PROVINCE, "520000", "west", 2018, 9, 4, 300, true));
    expected.add(inc(Level.PROVINCE, "410000", "central", 2018, 4, 3, 200, true));
    expected.add(inc(Level.REGION, "west", "000000", 2018, 9, 4, 300, false));
    expected.add(inc(Level.REGION, "central", "000000", 2018, 4, 3, 200, false));
    expected.add(inc(Level.NATION, "000000", null, 2018, 13, 7, 500, false));
    // 2019: V1 H2 (returned), V2 H4, V3 nobody (a published zero), V4 H7.
    expected.add(inc(Level.VILLAGE, V1, "520121", 2019, 3, 1, 101, true));
    expected.add(inc(Level.VILLAGE, V2, "520122", 2019, 5, 1, 167, true));
    expected.add(inc(Level.VILLAGE, V3, "410122", 2019, 0, 0, 150, true));
    expected.add(inc(Level.VILLAGE, V4, "410122", 2019, 1, 1, 51, true));
    expected.add(inc(Level.COUNTY, "520121", "520100", 2019, 3, 1, 101, true));
    expected.add(inc(Level.COUNTY, "520122", "520100", 2019, 5, 1, 167, true));
    expected.add(inc(Level.COUNTY, "410122", "410100", 2019, 1, 1, 201, true));
    expected.add(inc(Level.PREFECTURE, "520100", "520000", 2019, 8, 2, 268, true));
    expected.add(inc(Level.PREFECTURE, "410100", "410000", 2019, 1, 1, 201, true));
    expected.add(inc(Level.PROVINCE, "520000", "west", 2019, 8, 2, 268, true));
    expected.add(inc(Level.PROVINCE, "410000", "central", 2019, 1, 1, 201, true));
    expected.add(inc(Level.REGION, "west", "000000", 2019, 8, 2, 268, false));
    expected.add(inc(Level.REGION, "central", "000000", 2019, 1, 1, 201, false));
    expected.add(inc(Level.NATION, "000000", null, 2019, 9, 3, 469, false));
    StructType schema =
        new StructType()
            .add(CuratedIncidence.LEVEL, "string")
            .add(CuratedIncidence.AREA_CODE, "string")
            .add(CuratedIncidence.PARENT_CODE, "string")
            .add(CuratedIncidence.REPORTING_YEAR, "int")
            .add(CuratedIncidence.POOR_PERSONS, "long")
            .add(CuratedIncidence.POOR_HOUSEHOLDS, "long")
            .add(CuratedIncidence.RURAL_POPULATION, "long")
            .add(CuratedIncidence.INCIDENCE_RATE, "double")
            .add(CuratedIncidence.SUPPRESSED, "boolean");
    Dataset<Row> actual = result.incidence().select(schema.fieldNames()[0], java.util.Arrays.copyOfRange(schema.fieldNames(), 1, 9));
    Frames.assertSameRows(spark.createDataFrame(expected, schema), actual);
  }

  @Test
  void exitsNewReturnedRemovedAndCumulative() {
    Row v1 = row(result.exits(), Level.VILLAGE, V1, 2019);
    // H1 exited (2 persons), H2 returned (EXITED in 2018, RETURNED in 2019), H3 removed.
    assertEquals(2L, v1.<Long>getAs(CuratedExits.EXITED_PERSONS));
    assertEquals(1L, v1.<Long>getAs(CuratedExits.EXITED_HOUSEHOLDS));
    assertEquals(0L, v1.<Long>getAs(CuratedExits.NEW_PERSONS));
    assertEquals(3L, v1.<Long>getAs(CuratedExits.RETURNED_PERSONS));
    assertEquals(1L, v1.<Long>getAs(CuratedExits.RETURNED_HOUSEHOLDS));
    assertEquals(1L, v1.<Long>getAs(CuratedExits.REMOVED_PERSONS));
    assertEquals(1L, v1.<Long>getAs(CuratedExits.REMOVED_HOUSEHOLDS));
    assertEquals(5L, v1.<Long>getAs(CuratedExits.CUMULATIVE_EXITED_PERSONS));
    assertEquals(2L, v1.<Long>getAs(CuratedExits.CUMULATIVE_EXITED_HOUSEHOLDS));
    // H1's income 3100 is above 2018's line but not 2019's 3218: a wrong exit.
    assertEquals(2L, v1.<Long>getAs(CuratedExits.WRONG_EXIT_PERSONS));
    assertEquals(1.0, v1.<Double>getAs(CuratedExits.WRONG_EXIT_RATE), EPS);
    assertEquals(0L, v1.<Long>getAs(CuratedExits.HOUSEHOLD_STOCK_RESIDUAL));
    assertEquals(0L, v1.<Long>getAs(CuratedExits.PERSON_STOCK_RESIDUAL));

    Row v1First = row(result.exits(), Level.VILLAGE, V1, 2018);
    assertEquals(3L, v1First.<Long>getAs(CuratedExits.EXITED_PERSONS));
    assertEquals(1L, v1First.<Long>getAs(CuratedExits.NEW_PERSONS));
    assertEquals(1L, v1First.<Long>getAs(CuratedExits.NEW_HOUSEHOLDS));
    assertEquals(0.0, v1First.<Double>getAs(CuratedExits.WRONG_EXIT_RATE), EPS);
    assertNull(v1First.getAs(CuratedExits.HOUSEHOLD_STOCK_RESIDUAL));

    Row nation = row(result.exits(), Level.NATION, "000000", 2019);
    assertEquals(6L, nation.<Long>getAs(CuratedExits.EXITED_PERSONS));
    assertEquals(4L, nation.<Long>getAs(CuratedExits.EXITED_HOUSEHOLDS));
    assertEquals(3L, nation.<Long>getAs(CuratedExits.RETURNED_PERSONS));
    assertEquals(1L, nation.<Long>getAs(CuratedExits.REMOVED_PERSONS));
    assertEquals(9L, nation.<Long>getAs(CuratedExits.CUMULATIVE_EXITED_PERSONS));
    assertEquals(3L, nation.<Long>getAs(CuratedExits.WRONG_EXIT_PERSONS));
    assertEquals(0.5, nation.<Double>getAs(CuratedExits.WRONG_EXIT_RATE), EPS);
    assertEquals(0L, nation.<Long>getAs(CuratedExits.HOUSEHOLD_STOCK_RESIDUAL));

    Row v2 = row(result.exits(), Level.VILLAGE, V2, 2018);
    assertNull(v2.getAs(CuratedExits.WRONG_EXIT_RATE), "no exits, no rate");
  }

  @Test
  void exitQualityListsEveryFailedCriterion() {
    SparkSession spark = SharedSpark.spark();
    StructType schema =
        new StructType()
            .add(CuratedExitQuality.HOUSEHOLD_ID, "string")
            .add(CuratedExitQuality.REPORTING_YEAR, "int")
            .add(CuratedExitQuality.PERSONS, "long")
            .add(CuratedExitQuality.POVERTY_LINE, "double")
            .add(CuratedExitQuality.FAILED_CRITERIA, "array<string>");
    // H2 exited in 2018 without safe water, before water counted: not listed. H5 and H6 meet it all.
    // H8's unknown medical care fails like a false one.
    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                RowFactory.create("H1", 2019, 2L, 3218.0, List.of("INCOME_NOT_ABOVE_LINE", "SAFE_WATER").toArray()),
                RowFactory.create(
                    "H8", 2019, 1L, 3218.0, List.of("COMPULSORY_EDUCATION", "BASIC_MEDICAL_CARE", "SAFE_HOUSING").toArray())),
            schema);
    Frames.assertSameRows(
        expected,
        result.exitQuality().select(
            CuratedExitQuality.HOUSEHOLD_ID, CuratedExitQuality.REPORTING_YEAR, CuratedExitQuality.PERSONS,
            CuratedExitQuality.POVERTY_LINE, CuratedExitQuality.FAILED_CRITERIA));
  }

  @Test
  void safeWaterCountsFromTheConfiguredYear() {
    CuratedParams from2018 = new CuratedParams(10, 2018, CuratedFixture.params().afWeights(), 0.4);
    Dataset<Row> eq = CuratedStatistics.compute(CuratedFixture.inputs(SharedSpark.spark()), from2018).exitQuality();
    Row h2 = eq.filter(col(CuratedExitQuality.HOUSEHOLD_ID).equalTo("H2")).first();
    assertEquals(List.of("SAFE_WATER"), h2.getList(h2.fieldIndex(CuratedExitQuality.FAILED_CRITERIA)));
  }

  @Test
  void fosterGreerThorbeckeByHand() {
    // County 520121 in 2019: H1 (2 persons, 3100) and H2 (3 persons, 2500) are registered; H3 was removed.
    Row m = row(result.povertyMeasures(), Level.COUNTY, "520121", 2019);
    double z = 3218.0;
    double g1 = (z - 3100) / z;
    double g2 = (z - 2500) / z;
    assertEquals(5L, m.<Long>getAs(CuratedPovertyMeasures.REGISTERED_PERSONS));
    assertEquals(5L, m.<Long>getAs(CuratedPovertyMeasures.FGT_PERSONS));
    assertEquals(z, m.<Double>getAs(CuratedPovertyMeasures.POVERTY_LINE), EPS);
    assertEquals(1.0, m.<Double>getAs(CuratedPovertyMeasures.FGT0), EPS);
    assertEquals((2 * g1 + 3 * g2) / 5, m.<Double>getAs(CuratedPovertyMeasures.FGT1), EPS);
    assertEquals((2 * g1 * g1 + 3 * g2 * g2) / 5, m.<Double>getAs(CuratedPovertyMeasures.FGT2), EPS);

    // Nation 2019: 15 registered persons, 11 at or below the line (H1, H2, H4, H7).
    Row n = row(result.povertyMeasures(), Level.NATION, "000000", 2019);
    assertEquals(15L, n.<Long>getAs(CuratedPovertyMeasures.REGISTERED_PERSONS));
    assertEquals(11.0 / 15, n.<Double>getAs(CuratedPovertyMeasures.FGT0), EPS);
  }

  @Test
  void alkireFosterByHand() {
    // Weights 0.2 each, k = 0.4. Nation 2019: H2 (3 persons) lacks housing and water: score 0.4, poor.
    // H8 (1 person) lacks education and housing (unknown medical care is not a deprivation): 0.4,
    // poor. H1 lacks water only: 0.2, not poor.
    Row n = row(result.povertyMeasures(), Level.NATION, "000000", 2019);
    assertEquals(4L, n.<Long>getAs(CuratedPovertyMeasures.AF_POOR_PERSONS));
    assertEquals(4.0 / 15, n.<Double>getAs(CuratedPovertyMeasures.AF_H), EPS);
    assertEquals(0.4, n.<Double>getAs(CuratedPovertyMeasures.AF_A), EPS);
    assertEquals(4.0 / 15 * 0.4, n.<Double>getAs(CuratedPovertyMeasures.AF_M0), EPS);
    assertEquals(0.0, n.<Double>getAs(CuratedPovertyMeasures.CENSORED_FOOD_CLOTHING), EPS);
    assertEquals(1.0 / 15, n.<Double>getAs(CuratedPovertyMeasures.CENSORED_COMPULSORY_EDUCATION), EPS);
    assertEquals(0.0, n.<Double>getAs(CuratedPovertyMeasures.CENSORED_BASIC_MEDICAL_CARE), EPS);
    assertEquals(4.0 / 15, n.<Double>getAs(CuratedPovertyMeasures.CENSORED_SAFE_HOUSING), EPS);
    assertEquals(3.0 / 15, n.<Double>getAs(CuratedPovertyMeasures.CENSORED_SAFE_WATER), EPS);
  }

  @Test
  void anIndicatorWithoutWeightHasNoCensoredHeadcount() {
    java.util.Map<String, Double> w = new java.util.HashMap<>(CuratedFixture.params().afWeights());
    w.put(org.tuopin.common.schema.SilverHouseholds.SAFE_WATER, 0.0);
    w.put(org.tuopin.common.schema.SilverHouseholds.SAFE_HOUSING, 0.4);
    Dataset<Row> m =
        CuratedStatistics.compute(CuratedFixture.inputs(SharedSpark.spark()), new CuratedParams(10, 2019, w, 0.4))
            .povertyMeasures();
    Row n = row(m, Level.NATION, "000000", 2019);
    assertNull(n.getAs(CuratedPovertyMeasures.CENSORED_SAFE_WATER));
    // H2 now scores 0.4 (housing), H8 0.6: still 4 poor persons.
    assertEquals(4L, n.<Long>getAs(CuratedPovertyMeasures.AF_POOR_PERSONS));
    assertEquals((3 * 0.4 + 0.6) / 4, n.<Double>getAs(CuratedPovertyMeasures.AF_A), EPS);
  }
}
