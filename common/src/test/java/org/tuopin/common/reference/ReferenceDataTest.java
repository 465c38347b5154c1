package org.tuopin.common.reference;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.error.TuopinException;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.reference.ReferenceData.PoorCounties;
import org.tuopin.common.test.SharedSpark;

/** The reference data as shipped in conf/reference, checked against the published facts. */
@ExtendWith(SharedSpark.class)
class ReferenceDataTest {
  /** Tests run in the module folder; the reference data lives at the project root. */
  static final String DIR = "../conf/reference";
  static ReferenceData ref;

  @BeforeAll
  static void load() {
    ref = new ReferenceData(SharedSpark.spark(), DIR);
  }

  @Test
  void has832PoorCountiesInTheCohortsOfTheAnnouncements() {
    Dataset<Row> poor = ref.poorCounties();
    assertEquals(832, poor.count());
    assertEquals(832, poor.select(PoorCounties.COUNTY_CODE).distinct().count());
    StructType schema =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(PoorCounties.DELISTED_YEAR, DataTypes.IntegerType, true),
                DataTypes.createStructField("count", DataTypes.LongType, false)));
    Dataset<Row> expected =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(2016, 28L),
                    RowFactory.create(2017, 125L),
                    RowFactory.create(2018, 283L),
                    RowFactory.create(2019, 344L),
                    RowFactory.create(2020, 52L)),
                schema);
    SharedSpark.assertSameRows(expected, poor.groupBy(PoorCounties.DELISTED_YEAR).count());
  }

  @Test
  void thresholdsFollowTheWesternRegion() {
    Dataset<Row> poor = ref.poorCounties();
    // 2018 cohort: 114 counties outside the 12 western provinces below 2 %, 169 western below 3 % (FACTS.md A4).
    assertEquals(114, poor.where(col(PoorCounties.DELISTED_YEAR).equalTo(2018).and(col(PoorCounties.THRESHOLD).equalTo(0.02))).count());
    assertEquals(169, poor.where(col(PoorCounties.DELISTED_YEAR).equalTo(2018).and(col(PoorCounties.THRESHOLD).equalTo(0.03))).count());
  }

  @Test
  void has32PairingsWith9HelperProvincesAnd13HelperCities() {
    Dataset<Row> p = ref.pairings();
    assertEquals(32, p.count());
    // "9个帮扶省（直辖市）…13个帮扶市" (SOURCES.md): helper provinces counted by province code, cities by prefecture.
    assertEquals(9, p.select(ReferenceData.Pairings.HELPER_PROVINCE_CODE).distinct().count());
    assertEquals(13, p.where(col(ReferenceData.Pairings.HELPER_LEVEL).equalTo("prefecture")).select(ReferenceData.Pairings.HELPER_CODE).distinct().count());
  }

  @Test
  void everyPoorCountyIsADivisionInItsProvince() {
    Dataset<Row> d = ref.divisions().where(col(Divisions.LEVEL).equalTo("COUNTY"));
    Dataset<Row> poor = ref.poorCounties();
    long matched =
        poor.join(
                d,
                poor.col(PoorCounties.COUNTY_CODE).equalTo(d.col(Divisions.CODE))
                    .and(poor.col(PoorCounties.PROVINCE_CODE).equalTo(d.col(Divisions.PROVINCE_CODE))))
            .count();
    assertEquals(832, matched);
    assertEquals(832, d.where(col(Divisions.IS_POOR_COUNTY)).count());
    assertEquals(31, ref.divisions().where(col(Divisions.LEVEL).equalTo("PROVINCE")).count());
    assertEquals(22, ref.provinces().where(col(ReferenceData.Provinces.HAS_POOR_COUNTIES)).count());
    assertEquals(12, ref.provinces().where(col(ReferenceData.Provinces.IS_WEST12)).count());
  }

  @Test
  void povertyLinesAndThresholdsAreData() {
    assertEquals(
        2952.0,
        ref.povertyLines().where(col(ReferenceData.PovertyLines.YEAR).equalTo(2016)).first().getAs(ReferenceData.PovertyLines.LINE_YUAN),
        0.0);
    Row west =
        ref.thresholds()
            .where(col(ReferenceData.Thresholds.SCOPE).equalTo("REGION").and(col(ReferenceData.Thresholds.METRIC).equalTo("incidence_rate")))
            .first();
    assertEquals(0.03, west.<Double>getAs(ReferenceData.Thresholds.VALUE), 1e-12);
  }

  @Test
  void missingFolderIsAClearError() {
    TuopinException e =
        assertThrows(TuopinException.class, () -> new ReferenceData(SharedSpark.spark(), "/no/such/dir").poorCounties());
    assertEquals(
        "reference file /no/such/dir/poor_counties.csv does not exist; set tuopin.paths.reference to the folder holding the reference CSV files (conf/reference)",
        e.getMessage());
  }

  @Test
  void everyFrameHasTheSchemaDeclaredForTheDataDictionary() {
    for (var e : ref.all().entrySet()) {
      StructType declared = org.tuopin.common.schema.TableSchemas.of(e.getKey()).orElseThrow();
      // Names and types; nullability is what the CSV reader and the casts make of it.
      assertEquals(List.of(declared.fields()).stream().map(f -> f.name() + " " + f.dataType().simpleString()).toList(),
          List.of(e.getValue().schema().fields()).stream().map(f -> f.name() + " " + f.dataType().simpleString()).toList(),
          e.getKey().qualifiedName());
    }
  }
}
