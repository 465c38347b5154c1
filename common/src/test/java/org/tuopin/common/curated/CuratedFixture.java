package org.tuopin.common.curated;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.reference.ReferenceData.PoorCounties;
import org.tuopin.common.reference.ReferenceData.PovertyLines;
import org.tuopin.common.reference.ReferenceData.Thresholds;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.SilverPopulation;
import org.tuopin.common.schema.SilverSurvey;

/**
 * A hand-computed registry of 9 households in 4 villages, 3 counties, 2 provinces (Guizhou in the
 * west, 3 % threshold; Henan in the centre, 2 %), reporting years 2018 and 2019. The expected
 * figures in the tests are worked out by hand from the table below.
 *
 * <pre>
 * village (county)        year pop  household  status    ident exit income fc ce bm sh sw persons
 * V1 520121100200 (520121) 2018 100 H1 POOR 2014 - 2000 all true 2; H2 EXITED 2015 2018 3000 sw=false 3;
 *                                   H3 POOR 2018 (new) 1500 fc=false 1
 *                          2019 101 H1 EXITED 2014 2019 3100 (between lines 2995 and 3218) sw=false 2;
 *                                   H2 RETURNED 2015 2500 sh=false sw=false 3; H3 REMOVED 1
 * V2 520122100200 (520122) 2018 200 H4 POOR 2500 5; H5 POOR 2000 1
 *                          2019 167 H4 POOR 2500 5; H5 EXITED 2019 3500 all true 1
 * V3 410122100200 (410122) 2018 150 H6 POOR 2000 2; H8 POOR 2000 1
 *                          2019 150 H6 EXITED 2019 4000 all true 2;
 *                                   H8 EXITED 2019 5000 ce=false bm=null sh=false 1
 * V4 410122100201 (410122) 2018  50 H7 POOR 2000 1
 *                          2019  51 H7 POOR 2000 1
 * </pre>
 */
public final class CuratedFixture {
  private CuratedFixture() {}

  public static final String V1 = "520121100200";
  public static final String V2 = "520122100200";
  public static final String V3 = "410122100200";
  public static final String V4 = "410122100201";

  static final StructType HOUSEHOLDS =
      createStructType(
          List.of(
              createStructField(SilverHouseholds.HOUSEHOLD_ID, StringType, false),
              createStructField(SilverHouseholds.REPORTING_YEAR, IntegerType, false),
              createStructField(SilverHouseholds.PROVINCE_CODE, StringType, false),
              createStructField(SilverHouseholds.PREFECTURE_CODE, StringType, false),
              createStructField(SilverHouseholds.COUNTY_CODE, StringType, false),
              createStructField(SilverHouseholds.VILLAGE_CODE, StringType, false),
              createStructField(SilverHouseholds.IDENTIFIED_YEAR, IntegerType, false),
              createStructField(SilverHouseholds.STATUS, StringType, false),
              createStructField(SilverHouseholds.EXIT_YEAR, IntegerType, true),
              createStructField(SilverHouseholds.PER_CAPITA_INCOME, DoubleType, true),
              createStructField(SilverHouseholds.FOOD_CLOTHING_SECURE, BooleanType, true),
              createStructField(SilverHouseholds.COMPULSORY_EDUCATION, BooleanType, true),
              createStructField(SilverHouseholds.BASIC_MEDICAL_CARE, BooleanType, true),
              createStructField(SilverHouseholds.SAFE_HOUSING, BooleanType, true),
              createStructField(SilverHouseholds.SAFE_WATER, BooleanType, true)));

  static final StructType MEMBERS =
      createStructType(
          List.of(
              createStructField(SilverMembers.PERSON_KEY, StringType, false),
              createStructField(SilverMembers.HOUSEHOLD_ID, StringType, false),
              createStructField(SilverMembers.REPORTING_YEAR, IntegerType, false),
              createStructField(SilverMembers.PROVINCE_CODE, StringType, false)));

  /** One household-year: the row and its member count. */
  public record H(Row row, int persons) {}

  public static H h(
      String id, int year, String village, String status, int identified, Integer exitYear, Double income,
      Boolean fc, Boolean ce, Boolean bm, Boolean sh, Boolean sw, int persons) {
    String county = village.substring(0, 6);
    return new H(
        RowFactory.create(
            id, year, county.substring(0, 2) + "0000", county.substring(0, 4) + "00", county, village, identified, status,
            exitYear, income, fc, ce, bm, sh, sw),
        persons);
  }

  /** The registry of the class comment. */
  public static List<H> registry() {
    List<H> r = new ArrayList<>();
    r.add(h("H1", 2018, V1, "POOR", 2014, null, 2000.0, true, true, true, true, true, 2));
    r.add(h("H2", 2018, V1, "EXITED", 2015, 2018, 3000.0, true, true, true, true, false, 3));
    r.add(h("H3", 2018, V1, "POOR", 2018, null, 1500.0, false, true, true, true, true, 1));
    r.add(h("H1", 2019, V1, "EXITED", 2014, 2019, 3100.0, true, true, true, true, false, 2));
    r.add(h("H2", 2019, V1, "RETURNED", 2015, 2018, 2500.0, true, true, true, false, false, 3));
    r.add(h("H3", 2019, V1, "REMOVED", 2018, null, 1500.0, false, true, true, true, true, 1));
    r.add(h("H4", 2018, V2, "POOR", 2014, null, 2500.0, true, true, true, true, true, 5));
    r.add(h("H5", 2018, V2, "POOR", 2014, null, 2000.0, true, true, true, true, true, 1));
    r.add(h("H4", 2019, V2, "POOR", 2014, null, 2500.0, true, true, true, true, true, 5));
    r.add(h("H5", 2019, V2, "EXITED", 2014, 2019, 3500.0, true, true, true, true, true, 1));
    r.add(h("H6", 2018, V3, "POOR", 2014, null, 2000.0, true, true, true, true, true, 2));
    r.add(h("H8", 2018, V3, "POOR", 2014, null, 2000.0, true, true, true, true, true, 1));
    r.add(h("H6", 2019, V3, "EXITED", 2014, 2019, 4000.0, true, true, true, true, true, 2));
    r.add(h("H8", 2019, V3, "EXITED", 2014, 2019, 5000.0, true, false, null, false, true, 1));
    r.add(h("H7", 2018, V4, "POOR", 2014, null, 2000.0, true, true, true, true, true, 1));
    r.add(h("H7", 2019, V4, "POOR", 2014, null, 2000.0, true, true, true, true, true, 1));
    return r;
  }

  public static Dataset<Row> households(SparkSession spark, List<H> rows) {
    List<Row> out = new ArrayList<>();
    for (H h : rows) {
      out.add(h.row());
    }
    return spark.createDataFrame(out, HOUSEHOLDS);
  }

  public static Dataset<Row> members(SparkSession spark, List<H> rows) {
    List<Row> out = new ArrayList<>();
    for (H h : rows) {
      for (int i = 0; i < h.persons(); i++) {
        out.add(
            RowFactory.create(
                h.row().getString(0) + "-" + i + "-" + h.row().getInt(1), h.row().getString(0), h.row().getInt(1),
                h.row().getString(2)));
      }
    }
    return spark.createDataFrame(out, MEMBERS);
  }

  public static Dataset<Row> population(SparkSession spark) {
    StructType schema =
        createStructType(
            List.of(
                createStructField(SilverPopulation.VILLAGE_CODE, StringType, false),
                createStructField(SilverPopulation.REPORTING_YEAR, IntegerType, false),
                createStructField(SilverPopulation.PROVINCE_CODE, StringType, false),
                createStructField(SilverPopulation.COUNTY_CODE, StringType, false),
                createStructField(SilverPopulation.RURAL_POPULATION, LongType, false)));
    List<Row> rows = new ArrayList<>();
    Map<String, long[]> pop = Map.of(V1, new long[] {100, 101}, V2, new long[] {200, 167}, V3, new long[] {150, 150}, V4, new long[] {50, 51});
    for (Map.Entry<String, long[]> e : pop.entrySet()) {
      String v = e.getKey();
      for (int i = 0; i < 2; i++) {
        rows.add(RowFactory.create(v, 2018 + i, v.substring(0, 2) + "0000", v.substring(0, 6), e.getValue()[i]));
      }
    }
    return spark.createDataFrame(rows, schema);
  }

  public static Dataset<Row> divisions(SparkSession spark) {
    StructType schema =
        createStructType(
            List.of(
                createStructField(Divisions.CODE, StringType, false),
                createStructField(Divisions.LEVEL, StringType, false),
                createStructField(Divisions.PARENT_CODE, StringType, true),
                createStructField(Divisions.PROVINCE_CODE, StringType, true),
                createStructField(Divisions.PREFECTURE_CODE, StringType, true),
                createStructField(Divisions.REGION, StringType, true),
                createStructField(Divisions.IS_WEST12, BooleanType, true)));
    return spark.createDataFrame(
        List.of(
            RowFactory.create("520000", "PROVINCE", "000000", "520000", null, "west", true),
            RowFactory.create("410000", "PROVINCE", "000000", "410000", null, "central", false),
            RowFactory.create("520100", "PREFECTURE", "520000", "520000", "520100", "west", true),
            RowFactory.create("410100", "PREFECTURE", "410000", "410000", "410100", "central", false),
            RowFactory.create("520121", "COUNTY", "520100", "520000", "520100", "west", true),
            RowFactory.create("520122", "COUNTY", "520100", "520000", "520100", "west", true),
            RowFactory.create("410122", "COUNTY", "410100", "410000", "410100", "central", false)),
        schema);
  }

  public static Dataset<Row> povertyLines(SparkSession spark) {
    StructType schema =
        createStructType(
            List.of(
                createStructField(PovertyLines.YEAR, IntegerType, false),
                createStructField(PovertyLines.LINE_YUAN, DoubleType, false)));
    return spark.createDataFrame(List.of(RowFactory.create(2018, 2995.0), RowFactory.create(2019, 3218.0)), schema);
  }

  static final StructType THRESHOLDS =
      createStructType(
          List.of(
              createStructField(Thresholds.SCOPE, StringType, false),
              createStructField(Thresholds.AREA_CODE, StringType, true),
              createStructField(Thresholds.METRIC, StringType, false),
              createStructField(Thresholds.COMPARISON, StringType, false),
              createStructField(Thresholds.VALUE, DoubleType, false)));

  /** The rows of conf/reference/thresholds.csv, plus any extra rows. */
  public static Dataset<Row> thresholds(SparkSession spark, Row... extra) {
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("DEFAULT", null, "incidence_rate", "LT", 0.02));
    rows.add(RowFactory.create("REGION", "west", "incidence_rate", "LT", 0.03));
    rows.add(RowFactory.create("DEFAULT", null, "wrong_exit_rate", "LT", 0.02));
    rows.add(RowFactory.create("DEFAULT", null, "missed_rate", "LT", 0.02));
    rows.add(RowFactory.create("DEFAULT", null, "approval_rate", "GEQ", 0.90));
    rows.addAll(List.of(extra));
    return spark.createDataFrame(rows, THRESHOLDS);
  }

  /** 520121 announced for 2019, 520122 for 2020, 410122 for 2018. */
  public static Dataset<Row> poorCounties(SparkSession spark) {
    StructType schema =
        createStructType(
            List.of(
                createStructField(PoorCounties.COUNTY_CODE, StringType, false),
                createStructField(PoorCounties.DELISTED_YEAR, IntegerType, true)));
    return spark.createDataFrame(
        List.of(RowFactory.create("520121", 2019), RowFactory.create("520122", 2020), RowFactory.create("410122", 2018)),
        schema);
  }

  /** silver.survey rows of the four columns the aggregate stage reads (county, year, missed and approval rates). */
  public static Dataset<Row> survey(SparkSession spark, Row... rows) {
    return spark.createDataFrame(
        List.of(rows), new StructType(java.util.Arrays.copyOf(SilverSurvey.SCHEMA.fields(), SilverSurvey.KEY.size() + 2)));
  }

  public static CuratedParams params() {
    Map<String, Double> w =
        Map.of(
            SilverHouseholds.FOOD_CLOTHING_SECURE, 0.2, SilverHouseholds.COMPULSORY_EDUCATION, 0.2,
            SilverHouseholds.BASIC_MEDICAL_CARE, 0.2, SilverHouseholds.SAFE_HOUSING, 0.2, SilverHouseholds.SAFE_WATER, 0.2);
    return new CuratedParams(10, 2019, w, 0.4);
  }

  public static CuratedStatistics.Inputs inputs(SparkSession spark, List<H> registry, Dataset<Row> thresholds, Dataset<Row> survey) {
    return new CuratedStatistics.Inputs(
        households(spark, registry), members(spark, registry), population(spark), survey, divisions(spark),
        povertyLines(spark), thresholds, poorCounties(spark));
  }

  public static CuratedStatistics.Inputs inputs(SparkSession spark) {
    return inputs(spark, registry(), thresholds(spark), null);
  }
}
