package org.tuopin.common.curated;

import static org.tuopin.common.curated.CuratedFixture.V1;
import static org.tuopin.common.curated.CuratedFixture.V2;
import static org.tuopin.common.curated.CuratedFixture.V3;
import static org.tuopin.common.curated.CuratedFixture.V4;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.test.SharedSpark;

/**
 * County and village status on {@link CuratedFixture}: incidence exactly on 2.00 % and 3.00 % (not
 * eligible, flagged), just below (eligible), wrong exits, the survey, and threshold overrides.
 */
@ExtendWith(SharedSpark.class)
class AreaStatusTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(CuratedCountyStatus.AREA_CODE, "string")
          .add(CuratedCountyStatus.REPORTING_YEAR, "int")
          .add(CuratedCountyStatus.INCIDENCE_RATE, "double")
          .add(CuratedCountyStatus.THRESHOLD, "double")
          .add(CuratedCountyStatus.WRONG_EXIT_RATE, "double")
          .add(CuratedCountyStatus.ELIGIBLE, "boolean")
          .add(CuratedCountyStatus.ANNOUNCED_DELISTED_YEAR, "int")
          .add(CuratedCountyStatus.STATUS, "string")
          .add(CuratedCountyStatus.FLAGS, "array<string>");

  private static Row r(
      String area, int year, double incidence, double threshold, Double wrong, Boolean eligible, Integer announced,
      String status, String... flags) {
    return RowFactory.create(area, year, incidence, threshold, wrong, eligible, announced, status, flags);
  }

  private static Dataset<Row> statusOf(Dataset<Row> thresholds, Dataset<Row> survey, boolean villages) {
    SparkSession spark = SharedSpark.spark();
    CuratedStatistics.Result res =
        CuratedStatistics.compute(
            CuratedFixture.inputs(spark, CuratedFixture.registry(), thresholds, survey), CuratedFixture.params());
    return villages ? res.villageStatus() : res.countyStatus();
  }

  private static Dataset<Row> expected(Row... rows) {
    return SharedSpark.spark().createDataFrame(List.of(rows), SCHEMA);
  }

  @Test
  void countiesOnTheThresholdAreNotEligibleAndFlagged() {
    Dataset<Row> actual = statusOf(CuratedFixture.thresholds(SharedSpark.spark()), null, false);
    Frames.assertSameRows(
        expected(
            // 3 / 100 is exactly the western 3 %; 4 / 200 exactly the central 2 %.
            r("520121", 2018, 0.03, 0.03, 0.0, false, 2019, "NOT_ELIGIBLE", "NO_SURVEY", "ON_THRESHOLD_INCIDENCE"),
            // Below 3 % but H1 exited below the new line: wrong-exit rate 100 %, yet announced for 2019.
            r("520121", 2019, 3.0 / 101, 0.03, 1.0, false, 2019, "NOT_ELIGIBLE", "NO_SURVEY", "ANNOUNCED_NOT_ELIGIBLE"),
            r("520122", 2018, 0.03, 0.03, null, false, 2020, "NOT_ELIGIBLE", "NO_SURVEY", "ON_THRESHOLD_INCIDENCE"),
            // 5 / 167 = 2.994 %, just below 3 %.
            r("520122", 2019, 5.0 / 167, 0.03, 0.0, true, 2020, "ELIGIBLE_PENDING_SURVEY", "NO_SURVEY"),
            r(
                "410122", 2018, 0.02, 0.02, null, false, 2018, "NOT_ELIGIBLE", "NO_SURVEY", "ON_THRESHOLD_INCIDENCE",
                "ANNOUNCED_NOT_ELIGIBLE"),
            r("410122", 2019, 1.0 / 201, 0.02, 1.0 / 3, false, 2018, "NOT_ELIGIBLE", "NO_SURVEY")),
        actual);
  }

  @Test
  void theSurveyDecidesAndItsEdgesAreFlagged() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> survey =
        CuratedFixture.survey(spark, RowFactory.create("520122", 2019, 0.01, 0.90), RowFactory.create("410122", 2019, 0.02, 0.95));
    Dataset<Row> actual = statusOf(CuratedFixture.thresholds(spark), survey, false);
    Frames.assertSameRows(
        expected(
            r("520121", 2018, 0.03, 0.03, 0.0, false, 2019, "NOT_ELIGIBLE", "NO_SURVEY", "ON_THRESHOLD_INCIDENCE"),
            r("520121", 2019, 3.0 / 101, 0.03, 1.0, false, 2019, "NOT_ELIGIBLE", "NO_SURVEY", "ANNOUNCED_NOT_ELIGIBLE"),
            r("520122", 2018, 0.03, 0.03, null, false, 2020, "NOT_ELIGIBLE", "NO_SURVEY", "ON_THRESHOLD_INCIDENCE"),
            // Approval exactly 90 % meets "at least 90 %", and is flagged.
            r("520122", 2019, 5.0 / 167, 0.03, 0.0, true, 2020, "ELIGIBLE", "ON_THRESHOLD_APPROVAL"),
            r(
                "410122", 2018, 0.02, 0.02, null, false, 2018, "NOT_ELIGIBLE", "NO_SURVEY", "ON_THRESHOLD_INCIDENCE",
                "ANNOUNCED_NOT_ELIGIBLE"),
            // A missed rate exactly 2 % is not below 2 %.
            r("410122", 2019, 1.0 / 201, 0.02, 1.0 / 3, false, 2018, "NOT_ELIGIBLE", "ON_THRESHOLD_MISSED")),
        actual);
  }

  @Test
  void theMostSpecificThresholdWins() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> thresholds =
        CuratedFixture.thresholds(
            spark,
            RowFactory.create("COUNTY", "520122", "incidence_rate", "LT", 0.05),
            RowFactory.create("PROVINCE", "410000", "incidence_rate", "LT", 0.025));
    Dataset<Row> actual = statusOf(thresholds, null, false);
    Frames.assertSameRows(
        expected(
            r("520121", 2018, 0.03, 0.03, 0.0, false, 2019, "NOT_ELIGIBLE", "NO_SURVEY", "ON_THRESHOLD_INCIDENCE"),
            r("520121", 2019, 3.0 / 101, 0.03, 1.0, false, 2019, "NOT_ELIGIBLE", "NO_SURVEY", "ANNOUNCED_NOT_ELIGIBLE"),
            r("520122", 2018, 0.03, 0.05, null, true, 2020, "ELIGIBLE_PENDING_SURVEY", "NO_SURVEY"),
            // Eligible in 2018 and 2019, announced only for 2020.
            r("520122", 2019, 5.0 / 167, 0.05, 0.0, true, 2020, "ELIGIBLE_PENDING_SURVEY", "NO_SURVEY", "ELIGIBLE_NOT_ANNOUNCED"),
            r("410122", 2018, 0.02, 0.025, null, true, 2018, "ELIGIBLE_PENDING_SURVEY", "NO_SURVEY"),
            r("410122", 2019, 1.0 / 201, 0.025, 1.0 / 3, false, 2018, "NOT_ELIGIBLE", "NO_SURVEY")),
        actual);
  }

  @Test
  void villagesNeedOnlyIncidenceBelowTheirCountysThreshold() {
    Dataset<Row> actual = statusOf(CuratedFixture.thresholds(SharedSpark.spark()), null, true);
    Frames.assertSameRows(
        expected(
            r(V1, 2018, 0.03, 0.03, 0.0, false, null, "NOT_ELIGIBLE", "ON_THRESHOLD_INCIDENCE"),
            r(V2, 2018, 0.03, 0.03, null, false, null, "NOT_ELIGIBLE", "ON_THRESHOLD_INCIDENCE"),
            r(V3, 2018, 0.02, 0.02, null, false, null, "NOT_ELIGIBLE", "ON_THRESHOLD_INCIDENCE"),
            r(V4, 2018, 0.02, 0.02, null, false, null, "NOT_ELIGIBLE", "ON_THRESHOLD_INCIDENCE"),
            // The wrong exits of V1 do not bar a village.
            r(V1, 2019, 3.0 / 101, 0.03, 1.0, true, null, "ELIGIBLE"),
            r(V2, 2019, 5.0 / 167, 0.03, 0.0, true, null, "ELIGIBLE"),
            r(V3, 2019, 0.0, 0.02, 1.0 / 3, true, null, "ELIGIBLE"),
            // 1 / 51 = 1.96 %, just below 2 %.
            r(V4, 2019, 1.0 / 51, 0.02, null, true, null, "ELIGIBLE")),
        actual);
  }
}
