package org.tuopin.common.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.config.CooperationSettings;
import org.tuopin.common.reference.ReferenceData.Pairings;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedCooperationIndicators;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.test.SharedSpark;

/**
 * The assessment on a hand-computed fixture (the arithmetic is in the comments, and in
 * docs/cooperation.md's worked example).
 */
@ExtendWith(SharedSpark.class)
class CooperationAssessmentTest {
  private static final double EPS = 1e-9;
  private static final String HELPER = CuratedCooperationAssessment.SIDE_HELPER;
  private static final String HELPED = CuratedCooperationAssessment.SIDE_HELPED;

  /**
   * Only poverty reduction and funding weigh (helper 0.8 / 0.2, helped 0.9 / 0.1), with the default
   * weights within them; cut-offs chosen so that the fixture meets all four grades; the best peer
   * scores 100 (benchmark quantile 1).
   */
  static CooperationSettings settings() {
    return settings(1.0);
  }

  static CooperationSettings settings(double benchmarkQuantile) {
    Map<Aspect, Double> helper = new EnumMap<>(Aspect.class);
    helper.put(Aspect.POVERTY_REDUCTION, 0.8);
    helper.put(Aspect.LABOUR, 0.0);
    helper.put(Aspect.INDUSTRY, 0.0);
    helper.put(Aspect.TALENT, 0.0);
    helper.put(Aspect.FUNDING, 0.2);
    Map<Aspect, Double> helped = new EnumMap<>(Aspect.class);
    helped.put(Aspect.POVERTY_REDUCTION, 0.9);
    helped.put(Aspect.LABOUR, 0.0);
    helped.put(Aspect.INDUSTRY, 0.0);
    helped.put(Aspect.TALENT, 0.0);
    helped.put(Aspect.FUNDING, 0.1);
    Map<Indicator, Double> w = new EnumMap<>(Indicator.class);
    for (Indicator i : Indicator.values()) {
      w.put(i, 0.0);
    }
    w.put(Indicator.EXIT_RATE, 0.6);
    w.put(Indicator.INCIDENCE_FALL, 0.4);
    w.put(Indicator.FISCAL_AID, 0.7);
    w.put(Indicator.SOCIAL_DONATIONS, 0.3);
    return new CooperationSettings(helper, helped, w, benchmarkQuantile, 70, 60, 25, 2016, List.of("320000", "440000", "330000"));
  }

  private static final StructType VALUES =
      new StructType()
          .add(CuratedCooperationIndicators.HELPER_CODE, DataTypes.StringType)
          .add(CuratedCooperationIndicators.HELPED_CODE, DataTypes.StringType)
          .add(CuratedCooperationIndicators.REPORTING_YEAR, DataTypes.IntegerType)
          .add(CuratedCooperationIndicators.ASPECT, DataTypes.StringType)
          .add(CuratedCooperationIndicators.INDICATOR, DataTypes.StringType)
          .add(CuratedCooperationIndicators.RAW_VALUE, DataTypes.DoubleType)
          .add(CuratedCooperationIndicators.POOR_BASE, DataTypes.LongType)
          .add(CuratedCooperationIndicators.VALUE, DataTypes.DoubleType);

  private static Row v(String helper, String helped, Indicator i, Double value) {
    return v(helper, helped, i, value, 10_000L);
  }

  private static Row v(String helper, String helped, Indicator i, Double value, long poorBase) {
    return RowFactory.create(helper, helped, 2018, i.aspect().name(), i.key(), value, poorBase, value);
  }

  /** Three pairings, four indicators; P2 delivered no fiscal aid and P3's incidence rose. */
  static Dataset<Row> fixture() {
    List<Row> rows =
        List.of(
            // exit_rate: max 0.20 -> normalised 100, 50, 25
            v("110000", "150000", Indicator.EXIT_RATE, 0.20),
            v("120000", "620000", Indicator.EXIT_RATE, 0.10),
            v("310000", "530000", Indicator.EXIT_RATE, 0.05),
            // incidence_fall: max 0.02 -> 50, 100, and 0 for the rise
            v("110000", "150000", Indicator.INCIDENCE_FALL, 0.01),
            v("120000", "620000", Indicator.INCIDENCE_FALL, 0.02),
            v("310000", "530000", Indicator.INCIDENCE_FALL, -0.01),
            // fiscal_aid: max 400 -> 25, 0 (missing), 100
            v("110000", "150000", Indicator.FISCAL_AID, 100.0),
            v("120000", "620000", Indicator.FISCAL_AID, null),
            v("310000", "530000", Indicator.FISCAL_AID, 400.0),
            // social_donations: max 50 -> 100, 100, 0
            v("110000", "150000", Indicator.SOCIAL_DONATIONS, 50.0),
            v("120000", "620000", Indicator.SOCIAL_DONATIONS, 50.0),
            v("310000", "530000", Indicator.SOCIAL_DONATIONS, 0.0));
    return SharedSpark.spark().createDataFrame(rows, VALUES);
  }

  private static Map<String, Row> byKey(Dataset<Row> df, String... key) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : df.collectAsList()) {
      List<String> k = new ArrayList<>();
      for (String c : key) {
        k.add(String.valueOf(r.getAs(c).toString()));
      }
      out.put(String.join("/", k), r);
    }
    return out;
  }

  @Test
  void normalisesAgainstTheBestPeerAndTracesTheContribution() {
    Dataset<Row> scored = CooperationAssessment.score(fixture(), settings());
    assertEquals(24, scored.count(), "every indicator row once per side");
    Map<String, Row> s =
        byKey(scored, CuratedCooperationIndicators.HELPER_CODE, CuratedCooperationIndicators.SIDE, CuratedCooperationIndicators.INDICATOR);
    Row p1Exit = s.get("110000/HELPER/exit_rate");
    assertEquals(0.20, p1Exit.<Double>getAs(CuratedCooperationIndicators.PEER_MAX), EPS);
    assertEquals(100.0, p1Exit.<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    // 0.8 (aspect) x 0.6 (indicator) x 100
    assertEquals(48.0, p1Exit.<Double>getAs(CuratedCooperationIndicators.CONTRIBUTION), EPS);
    assertEquals(25.0, s.get("310000/HELPED/exit_rate").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(0.0, s.get("310000/HELPER/incidence_fall").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(50.0, s.get("110000/HELPER/incidence_fall").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    Row p2Aid = s.get("120000/HELPED/fiscal_aid");
    assertNull(p2Aid.getAs(CuratedCooperationIndicators.VALUE));
    assertEquals(0.0, p2Aid.<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(0.1, p2Aid.<Double>getAs(CuratedCooperationIndicators.ASPECT_WEIGHT), EPS);
    // Not delivered is not "cannot be assessed": the pairing had poor persons to help.
    assertEquals(true, p2Aid.getAs(CuratedCooperationIndicators.ASSESSABLE));
    assertEquals(0.7, p2Aid.<Double>getAs(CuratedCooperationIndicators.INDICATOR_WEIGHT), EPS);
  }

  @Test
  void aQuantileBenchmarkKeepsAnOutlierFromFlatteningThePeers() {
    // Median benchmark (quantile 0.5). exit_rate 0.20, 0.10, 0.05: median 0.10 -> 100 (capped),
    // 100, 50. social_donations 50, 50, 0: median 50 -> 100, 100, 0. fiscal_aid 100, missing (0),
    // 400: median 100 -> 100, 0, 100 (capped).
    Map<String, Row> s =
        byKey(CooperationAssessment.score(fixture(), settings(0.5)),
            CuratedCooperationIndicators.HELPER_CODE, CuratedCooperationIndicators.SIDE, CuratedCooperationIndicators.INDICATOR);
    Row p1Exit = s.get("110000/HELPER/exit_rate");
    assertEquals(0.20, p1Exit.<Double>getAs(CuratedCooperationIndicators.PEER_MAX), EPS);
    assertEquals(0.10, p1Exit.<Double>getAs(CuratedCooperationIndicators.BENCHMARK), EPS);
    assertEquals(100.0, p1Exit.<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(100.0, s.get("120000/HELPER/exit_rate").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(50.0, s.get("310000/HELPED/exit_rate").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(100.0, s.get("310000/HELPER/fiscal_aid").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(100.0, s.get("110000/HELPER/fiscal_aid").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(0.0, s.get("120000/HELPER/fiscal_aid").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    // incidence_fall 0.01, 0.02 and a rise (0): median 0.01 -> 100, 100, 0.
    assertEquals(0.01, s.get("310000/HELPER/incidence_fall").<Double>getAs(CuratedCooperationIndicators.BENCHMARK), EPS);
    assertEquals(100.0, s.get("110000/HELPER/incidence_fall").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    // P1 helper: 0.8 x (0.6 x 100 + 0.4 x 100) + 0.2 x (0.7 x 100 + 0.3 x 100) = 100
    CooperationSettings cfg = settings(0.5);
    Map<String, Row> a =
        byKey(CooperationAssessment.assess(CooperationAssessment.score(fixture(), cfg), cfg),
            CuratedCooperationAssessment.HELPER_CODE, CuratedCooperationAssessment.SIDE);
    assertEquals(100.0, a.get("110000/" + HELPER).<Double>getAs(CuratedCooperationAssessment.TOTAL), EPS);
  }

  @Test
  void whenMostPeersHaveNothingTheBestPeerIsTheBenchmark() {
    // Two of three pairings have 0: the median is 0, so the best (0.3) is the benchmark.
    Dataset<Row> sparse =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    v("110000", "150000", Indicator.EXIT_RATE, 0.3),
                    v("120000", "620000", Indicator.EXIT_RATE, 0.0),
                    v("310000", "530000", Indicator.EXIT_RATE, 0.0)),
                VALUES);
    Map<String, Row> s =
        byKey(CooperationAssessment.score(sparse, settings(0.5)),
            CuratedCooperationIndicators.HELPER_CODE, CuratedCooperationIndicators.SIDE);
    assertEquals(0.3, s.get("110000/HELPER").<Double>getAs(CuratedCooperationIndicators.BENCHMARK), EPS);
    assertEquals(100.0, s.get("110000/HELPER").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
    assertEquals(0.0, s.get("120000/HELPER").<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);
  }

  @Test
  void aspectScoresTotalsGradesAndRanks() {
    CooperationSettings cfg = settings();
    Dataset<Row> a = CooperationAssessment.assess(CooperationAssessment.score(fixture(), cfg), cfg);
    assertEquals(6, a.count());
    Map<String, Row> r = byKey(a, CuratedCooperationAssessment.HELPER_CODE, CuratedCooperationAssessment.SIDE);
    // poverty reduction: P1 0.6x100 + 0.4x50 = 80; P2 0.6x50 + 0.4x100 = 70; P3 0.6x25 + 0 = 15
    // funding: P1 0.7x25 + 0.3x100 = 47.5; P2 0 + 30 = 30; P3 70 + 0 = 70
    // helper total = 0.8 PR + 0.2 F: 73.5, 62, 26; helped = 0.9 PR + 0.1 F: 76.75, 66, 20.5
    expect(r.get("110000/" + HELPER), 80.0, 47.5, 73.5, "好", 1);
    expect(r.get("120000/" + HELPER), 70.0, 30, 62, "较好", 2);
    expect(r.get("310000/" + HELPER), 15.0, 70, 26, "一般", 3);
    expect(r.get("110000/" + HELPED), 80.0, 47.5, 76.75, "好", 1);
    expect(r.get("120000/" + HELPED), 70.0, 30, 66, "较好", 2);
    expect(r.get("310000/" + HELPED), 15.0, 70, 20.5, "较差", 3);
    // No labour indicator in the fixture: nothing to score, so no score (not a 0).
    assertNull(r.get("110000/" + HELPER).getAs(CuratedCooperationAssessment.SCORE_LABOUR));
    assertEquals(3, r.get("110000/" + HELPER).<Integer>getAs(CooperationAssessment.PEERS));
    // The contract's columns come first, in order.
    List<String> contract = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : CuratedCooperationAssessment.SCHEMA.fields()) {
      contract.add(f.name());
    }
    assertEquals(contract, List.of(a.columns()).subList(0, contract.size()));
  }

  @Test
  void equalTotalsShareARank() {
    CooperationSettings cfg = settings();
    Dataset<Row> twins =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    v("110000", "150000", Indicator.EXIT_RATE, 0.1),
                    v("120000", "620000", Indicator.EXIT_RATE, 0.1),
                    v("310000", "530000", Indicator.EXIT_RATE, 0.05)),
                VALUES);
    Map<String, Row> r =
        byKey(CooperationAssessment.assess(CooperationAssessment.score(twins, cfg), cfg),
            CuratedCooperationAssessment.HELPER_CODE, CuratedCooperationAssessment.SIDE);
    assertEquals(1, r.get("110000/" + HELPER).<Integer>getAs(CuratedCooperationAssessment.RANK));
    assertEquals(1, r.get("120000/" + HELPER).<Integer>getAs(CuratedCooperationAssessment.RANK));
    assertEquals(3, r.get("310000/" + HELPER).<Integer>getAs(CuratedCooperationAssessment.RANK));
  }

  /**
   * The first reporting year (no rate: no year before), a helped area with no poor left (poor base
   * 0), and one whose exit rate is missing but whose incidence fall is known.
   */
  @Test
  void whatCannotBeAssessedLeavesTheScoreAndItsWeightGoesToTheRest() {
    CooperationSettings cfg = settings();
    Dataset<Row> year =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    // P1-P3: no rates; funding as in the fixture: 25, 0, 100 and 100, 100, 0.
                    v("110000", "150000", Indicator.EXIT_RATE, null),
                    v("120000", "620000", Indicator.EXIT_RATE, null),
                    v("310000", "530000", Indicator.EXIT_RATE, null),
                    v("110000", "150000", Indicator.INCIDENCE_FALL, null),
                    v("120000", "620000", Indicator.INCIDENCE_FALL, null),
                    v("310000", "530000", Indicator.INCIDENCE_FALL, null),
                    v("110000", "150000", Indicator.FISCAL_AID, 100.0),
                    v("120000", "620000", Indicator.FISCAL_AID, null),
                    v("310000", "530000", Indicator.FISCAL_AID, 400.0),
                    v("110000", "150000", Indicator.SOCIAL_DONATIONS, 50.0),
                    v("120000", "620000", Indicator.SOCIAL_DONATIONS, 50.0),
                    v("310000", "530000", Indicator.SOCIAL_DONATIONS, 0.0),
                    // P4: nobody poor at the start of the year; its incidence did not fall (0 -> 0).
                    v("440000", "520000", Indicator.EXIT_RATE, null, 0L),
                    v("440000", "520000", Indicator.INCIDENCE_FALL, 0.0, 0L),
                    v("440000", "520000", Indicator.FISCAL_AID, null, 0L),
                    v("440000", "520000", Indicator.SOCIAL_DONATIONS, null, 0L),
                    // P5: exits unknown, incidence fell; delivered no funds line (assessable: 0).
                    v("330000", "510000", Indicator.EXIT_RATE, null),
                    v("330000", "510000", Indicator.INCIDENCE_FALL, 0.01),
                    v("330000", "510000", Indicator.FISCAL_AID, null),
                    v("330000", "510000", Indicator.SOCIAL_DONATIONS, null)),
                VALUES);
    Dataset<Row> scored = CooperationAssessment.score(year, cfg);
    Map<String, Row> s =
        byKey(scored, CuratedCooperationIndicators.HELPER_CODE, CuratedCooperationIndicators.SIDE, CuratedCooperationIndicators.INDICATOR);
    Row p1Exit = s.get("110000/HELPER/exit_rate");
    assertEquals(false, p1Exit.getAs(CuratedCooperationIndicators.ASSESSABLE));
    assertEquals(0.0, p1Exit.<Double>getAs(CuratedCooperationIndicators.INDICATOR_WEIGHT), EPS);
    assertEquals(0.0, p1Exit.<Double>getAs(CuratedCooperationIndicators.ASPECT_WEIGHT), EPS);
    // P1-P3 have only funding to assess: it takes the whole total (0.2 / 0.2). 0.7 x 25 points.
    Row p1Aid = s.get("110000/HELPER/fiscal_aid");
    assertEquals(1.0, p1Aid.<Double>getAs(CuratedCooperationIndicators.ASPECT_WEIGHT), EPS);
    assertEquals(0.7, p1Aid.<Double>getAs(CuratedCooperationIndicators.INDICATOR_WEIGHT), EPS);
    assertEquals(17.5, p1Aid.<Double>getAs(CuratedCooperationIndicators.CONTRIBUTION), EPS);
    // P4's rows are out of the peers: fiscal_aid's best assessable peer is still 400.
    assertEquals(400.0, p1Aid.<Double>getAs(CuratedCooperationIndicators.PEER_MAX), EPS);
    Row p4Fall = s.get("440000/HELPED/incidence_fall");
    assertEquals(false, p4Fall.getAs(CuratedCooperationIndicators.ASSESSABLE));
    assertEquals(0.0, p4Fall.<Double>getAs(CuratedCooperationIndicators.CONTRIBUTION), EPS);
    // P5's incidence fall carries the whole aspect (exit rate missing) and is the only peer: 100.
    Row p5Fall = s.get("330000/HELPER/incidence_fall");
    assertEquals(1.0, p5Fall.<Double>getAs(CuratedCooperationIndicators.INDICATOR_WEIGHT), EPS);
    assertEquals(0.8, p5Fall.<Double>getAs(CuratedCooperationIndicators.ASPECT_WEIGHT), EPS);
    assertEquals(100.0, p5Fall.<Double>getAs(CuratedCooperationIndicators.NORMALISED), EPS);

    Map<String, Row> r =
        byKey(CooperationAssessment.assess(scored, cfg), CuratedCooperationAssessment.HELPER_CODE, CuratedCooperationAssessment.SIDE);
    // Totals: P1 47.5, P2 30, P3 70 (funding only); P5 0.8 x 100 + 0.2 x 0 = 80 (helped 0.9 x 100 = 90).
    expect(r.get("110000/" + HELPER), null, 47.5, 47.5, "一般", 3);
    expect(r.get("120000/" + HELPER), null, 30, 30, "一般", 4);
    expect(r.get("310000/" + HELPER), null, 70, 70, "好", 2);
    expect(r.get("310000/" + HELPED), null, 70, 70, "好", 2);
    expect(r.get("330000/" + HELPER), 100.0, 0, 80, "好", 1);
    expect(r.get("330000/" + HELPED), 100.0, 0, 90, "好", 1);
    // P4 cannot be assessed at all: no scores, total, grade or rank, and it is not a ranked peer.
    Row p4 = r.get("440000/" + HELPER);
    for (String c : List.of(
        CuratedCooperationAssessment.SCORE_POVERTY_REDUCTION, CuratedCooperationAssessment.SCORE_FUNDING,
        CuratedCooperationAssessment.TOTAL, CuratedCooperationAssessment.GRADE, CuratedCooperationAssessment.RANK)) {
      assertNull(p4.getAs(c), c);
    }
    assertEquals(4, r.get("110000/" + HELPER).<Integer>getAs(CooperationAssessment.PEERS));
    assertEquals(4, p4.<Integer>getAs(CooperationAssessment.PEERS));
  }

  /** @param poverty the poverty-reduction score, or null when the aspect could not be assessed */
  private static void expect(Row row, Double poverty, double funding, double total, String grade, int rank) {
    if (poverty == null) {
      assertNull(row.getAs(CuratedCooperationAssessment.SCORE_POVERTY_REDUCTION));
    } else {
      assertEquals(poverty, row.<Double>getAs(CuratedCooperationAssessment.SCORE_POVERTY_REDUCTION), EPS);
    }
    assertEquals(funding, row.<Double>getAs(CuratedCooperationAssessment.SCORE_FUNDING), EPS);
    assertEquals(total, row.<Double>getAs(CuratedCooperationAssessment.TOTAL), EPS);
    assertEquals(grade, row.getAs(CuratedCooperationAssessment.GRADE));
    assertEquals(rank, row.<Integer>getAs(CuratedCooperationAssessment.RANK));
  }

  // ------------------------------------------------------------------ indicator values

  @Test
  void indicatorValuesFromCuratedSilverAndTheRegister() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> pairings =
        spark.createDataFrame(
            List.<Row>of(RowFactory.create("110000", "150000", "110000")),
            new StructType()
                .add(Pairings.HELPER_CODE, DataTypes.StringType)
                .add(Pairings.HELPED_CODE, DataTypes.StringType)
                .add(Pairings.HELPER_PROVINCE_CODE, DataTypes.StringType));
    Dataset<Row> incidence =
        spark.createDataFrame(
            List.of(
                RowFactory.create("PROVINCE", "150000", 2017, 20_000L, 0.05),
                RowFactory.create("PROVINCE", "150000", 2018, 15_000L, 0.04),
                // A county with the same year must not be read as the helped area.
                RowFactory.create("COUNTY", "150121", 2017, 900L, 0.30)),
            new StructType()
                .add(CuratedIncidence.LEVEL, DataTypes.StringType)
                .add(CuratedIncidence.AREA_CODE, DataTypes.StringType)
                .add(CuratedIncidence.REPORTING_YEAR, DataTypes.IntegerType)
                .add(CuratedIncidence.POOR_PERSONS, DataTypes.LongType)
                .add(CuratedIncidence.INCIDENCE_RATE, DataTypes.DoubleType));
    Dataset<Row> exits =
        spark.createDataFrame(
            List.<Row>of(RowFactory.create("PROVINCE", "150000", 2018, 6_000L)),
            new StructType()
                .add(CuratedExits.LEVEL, DataTypes.StringType)
                .add(CuratedExits.AREA_CODE, DataTypes.StringType)
                .add(CuratedExits.REPORTING_YEAR, DataTypes.IntegerType)
                .add(CuratedExits.EXITED_PERSONS, DataTypes.LongType));
    Map<Cooperation.File, Dataset<Row>> inputs = new EnumMap<>(Cooperation.File.class);
    for (Cooperation.File f : Cooperation.File.values()) {
      inputs.put(f, spark.createDataFrame(List.of(), f.silverSchema()));
    }
    inputs.put(
        Cooperation.File.FUNDS,
        spark.createDataFrame(
            List.<Row>of(RowFactory.create(2018, "110000", "150000", "110000", 300.0, 100.0, "b1", "110000/b1/cooperation_funds.csv", 2L)),
            Cooperation.File.FUNDS.silverSchema()));
    Dataset<Row> households =
        spark.createDataFrame(
            List.of(
                RowFactory.create("150121001001-0001", 2018, "POOR"),
                RowFactory.create("150121001001-0002", 2018, "EXITED"),
                RowFactory.create("150121001001-0003", 2018, "REMOVED")),
            new StructType()
                .add(SilverHouseholds.HOUSEHOLD_ID, DataTypes.StringType)
                .add(SilverHouseholds.REPORTING_YEAR, DataTypes.IntegerType)
                .add(SilverHouseholds.STATUS, DataTypes.StringType));
    Dataset<Row> members =
        spark.createDataFrame(
            List.of(
                RowFactory.create("150121001001-0001", 2018, "150000", "150121", true, "110000"),
                RowFactory.create("150121001001-0002", 2018, "150000", "150121", true, "110000"),
                // Removed from the register: not a registered poor worker.
                RowFactory.create("150121001001-0003", 2018, "150000", "150121", true, "110000"),
                // Works in another province.
                RowFactory.create("150121001001-0001", 2018, "150000", "150121", true, "320000")),
            new StructType()
                .add(SilverMembers.HOUSEHOLD_ID, DataTypes.StringType)
                .add(SilverMembers.REPORTING_YEAR, DataTypes.IntegerType)
                .add(SilverMembers.PROVINCE_CODE, DataTypes.StringType)
                .add(SilverMembers.COUNTY_CODE, DataTypes.StringType)
                .add(SilverMembers.WORKS_AWAY, DataTypes.BooleanType)
                .add(SilverMembers.WORK_PROVINCE, DataTypes.StringType));
    Dataset<Row> years =
        spark.createDataFrame(
            List.<Row>of(RowFactory.create(2018)), new StructType().add(CuratedCooperationIndicators.REPORTING_YEAR, DataTypes.IntegerType));

    Dataset<Row> values =
        CooperationAssessment.indicatorValues(
            new CooperationAssessment.Inputs(pairings, incidence, exits, inputs, members, households), years);
    assertEquals(Indicator.values().length, values.count());
    Map<String, Row> r = byKey(values, CuratedCooperationIndicators.INDICATOR);
    assertEquals(20_000L, r.get("exit_rate").<Long>getAs(CuratedCooperationIndicators.POOR_BASE));
    // 6,000 exits of 20,000 poor at the start of the year
    assertEquals(0.3, r.get("exit_rate").<Double>getAs(CuratedCooperationIndicators.VALUE), EPS);
    assertEquals(0.01, r.get("incidence_fall").<Double>getAs(CuratedCooperationIndicators.VALUE), EPS);
    // 300 (10,000 yuan) per 20,000 poor = 150 per 10,000 poor
    assertEquals(300.0, r.get("fiscal_aid").<Double>getAs(CuratedCooperationIndicators.RAW_VALUE), EPS);
    assertEquals(150.0, r.get("fiscal_aid").<Double>getAs(CuratedCooperationIndicators.VALUE), EPS);
    assertEquals(50.0, r.get("social_donations").<Double>getAs(CuratedCooperationIndicators.VALUE), EPS);
    assertEquals(2.0, r.get("registered_workers_in_helper").<Double>getAs(CuratedCooperationIndicators.RAW_VALUE), EPS);
    assertEquals(1.0, r.get("registered_workers_in_helper").<Double>getAs(CuratedCooperationIndicators.VALUE), EPS);
    // No labour line delivered: missing, not zero.
    assertNull(r.get("jobs_in_helper").getAs(CuratedCooperationIndicators.RAW_VALUE));
  }
}
