package org.tuopin.common.reference;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.error.Errors;
import org.tuopin.common.schema.Schemas;

/**
 * Reads the reference files of {@code conf/reference} (see its README and SOURCES.md) into the
 * DataFrames of the {@code ref.*} tables. Files are read with declared all-string schemas and cast
 * here, once; codes stay strings.
 */
public final class ReferenceData {
  private final SparkSession spark;
  private final String dir;

  public ReferenceData(SparkSession spark, String dir) {
    this.spark = spark;
    this.dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  /** Column names of {@code ref.divisions}. */
  public static final class Divisions {
    private Divisions() {}

    public static final String CODE = "code";
    public static final String NAME = "name";
    /** PROVINCE, PREFECTURE or COUNTY. */
    public static final String LEVEL = "level";
    public static final String PARENT_CODE = "parent_code";
    public static final String PROVINCE_CODE = "province_code";
    public static final String PREFECTURE_CODE = "prefecture_code";
    /** east, central or west (the three belts used by national poverty monitoring). */
    public static final String REGION = "region";
    public static final String IS_WEST12 = "is_west12";
    /** An NBS-only functional zone, not a GB/T 2260 county. */
    public static final String FUNCTIONAL_ZONE = "functional_zone";
    /** True for a national poor county. */
    public static final String IS_POOR_COUNTY = "is_poor_county";

    public static final StructType SCHEMA =
        schema(
            field(CODE, StringType), field(NAME, StringType), field(LEVEL, StringType), field(PARENT_CODE, StringType),
            field(PROVINCE_CODE, StringType), field(PREFECTURE_CODE, StringType), field(FUNCTIONAL_ZONE, BooleanType),
            field(REGION, StringType), field(IS_WEST12, BooleanType), field(IS_POOR_COUNTY, BooleanType));
  }

  /** Column names of {@code ref.poor_counties}. */
  public static final class PoorCounties {
    private PoorCounties() {}

    public static final String COUNTY_CODE = "county_code";
    public static final String COUNTY_NAME = "county_name";
    public static final String PROVINCE_CODE = "province_code";
    public static final String PREFECTURE_CODE = "prefecture_code";
    /** The exit cohort year (the year whose exits were evaluated). */
    public static final String DELISTED_YEAR = "delisted_year";
    /** Default incidence threshold as a fraction (0.02 or 0.03). */
    public static final String THRESHOLD = "incidence_threshold";

    public static final StructType SCHEMA =
        schema(
            field(COUNTY_CODE, StringType), field(COUNTY_NAME, StringType), field(PROVINCE_CODE, StringType),
            field(PREFECTURE_CODE, StringType), field(DELISTED_YEAR, IntegerType), field(THRESHOLD, DoubleType));
  }

  /** Column names of {@code ref.pairings}. */
  public static final class Pairings {
    private Pairings() {}

    public static final String HELPER_LEVEL = "helper_level";
    public static final String HELPER_PROVINCE_CODE = "helper_province_code";
    public static final String HELPER_CODE = "helper_code";
    public static final String HELPER_NAME = "helper_name";
    public static final String HELPED_LEVEL = "helped_level";
    public static final String HELPED_PROVINCE_CODE = "helped_province_code";
    public static final String HELPED_CODE = "helped_code";
    public static final String HELPED_NAME = "helped_name";
    /** The clause of the 2016 guidance that names the pairing, verbatim. */
    public static final String CLAUSE_2016 = "clause_2016_guidance";

    public static final StructType SCHEMA =
        schema(
            field(HELPER_LEVEL, StringType), field(HELPER_PROVINCE_CODE, StringType), field(HELPER_CODE, StringType),
            field(HELPER_NAME, StringType), field(HELPED_LEVEL, StringType), field(HELPED_PROVINCE_CODE, StringType),
            field(HELPED_CODE, StringType), field(HELPED_NAME, StringType), field(CLAUSE_2016, StringType));
  }

  /** Column names of {@code ref.poverty_lines}. */
  public static final class PovertyLines {
    private PovertyLines() {}

    public static final String YEAR = "year";
    /** Yuan per person per year at current prices. */
    public static final String LINE_YUAN = "line_yuan";
    public static final String CONFIDENCE = "confidence";
    public static final String NOTE = "note";

    public static final StructType SCHEMA =
        schema(field(YEAR, IntegerType), field(LINE_YUAN, DoubleType), field(CONFIDENCE, StringType), field(NOTE, StringType));
  }

  /** Column names of {@code ref.thresholds}. */
  public static final class Thresholds {
    private Thresholds() {}

    /** DEFAULT, REGION, PROVINCE or COUNTY (most specific wins). */
    public static final String SCOPE = "scope";
    public static final String AREA_CODE = "area_code";
    /** incidence_rate, wrong_exit_rate, missed_rate or approval_rate. */
    public static final String METRIC = "metric";
    /** LT (the value must be strictly below) or GEQ (at least). */
    public static final String COMPARISON = "comparison";
    public static final String VALUE = "value";
    public static final String CONFIDENCE = "confidence";
    public static final String NOTE = "note";

    public static final StructType SCHEMA =
        schema(
            field(SCOPE, StringType), field(AREA_CODE, StringType), field(METRIC, StringType), field(COMPARISON, StringType),
            field(VALUE, DoubleType), field(CONFIDENCE, StringType), field(NOTE, StringType));
  }

  /** Column names of {@code ref.provinces}. */
  public static final class Provinces {
    private Provinces() {}

    public static final String PROVINCE_CODE = "province_code";
    public static final String PROVINCE_NAME = "province_name";
    public static final String REGION = "region";
    public static final String REGION_NBS4 = "region_nbs4";
    public static final String IS_WEST12 = "is_west12";
    public static final String HAS_POOR_COUNTIES = "has_poor_counties";
    public static final String POOR_COUNTY_COUNT = "poor_county_count";

    public static final StructType SCHEMA =
        schema(
            field(PROVINCE_CODE, StringType), field(PROVINCE_NAME, StringType), field(REGION, StringType),
            field(REGION_NBS4, StringType), field(IS_WEST12, BooleanType), field(HAS_POOR_COUNTIES, BooleanType),
            field(POOR_COUNTY_COUNT, IntegerType));
  }

  /** Column names of {@code ref.national_series}. */
  public static final class NationalSeries {
    private NationalSeries() {}

    public static final String YEAR = "year";
    public static final String RURAL_POOR_10K = "rural_poor_10k_persons";
    public static final String INCIDENCE = "incidence_rate";
    public static final String CONFIDENCE = "confidence";

    public static final StructType SCHEMA =
        schema(field(YEAR, IntegerType), field(RURAL_POOR_10K, DoubleType), field(INCIDENCE, DoubleType), field(CONFIDENCE, StringType));
  }

  // The declared schemas are the columns as the DataFrames below produce them (all nullable: read
  // from CSV); ReferenceDataTest keeps the two in step.
  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  private static StructType schema(StructField... fields) {
    return DataTypes.createStructType(fields);
  }

  /** Every ref table this class produces, in load order. */
  public Map<Table, Dataset<Row>> all() {
    Map<Table, Dataset<Row>> m = new LinkedHashMap<>();
    m.put(Table.REF_PROVINCES, provinces());
    m.put(Table.REF_DIVISIONS, divisions());
    m.put(Table.REF_POOR_COUNTIES, poorCounties());
    m.put(Table.REF_PAIRINGS, pairings());
    m.put(Table.REF_POVERTY_LINES, povertyLines());
    m.put(Table.REF_THRESHOLDS, thresholds());
    m.put(Table.REF_NATIONAL_SERIES, nationalSeries());
    return m;
  }

  public Dataset<Row> provinces() {
    Dataset<Row> p =
        csv(
            "provinces.csv",
            List.of(
                "province_code2", "province_code6", "province_name", "region_3belt", "region_nbs4",
                "is_west12", "is_zhongxibu22", "n_national_poor_counties", "county_exit_incidence_threshold_pct"));
    return p.select(
        col("province_code6").as(Provinces.PROVINCE_CODE),
        col("province_name").as(Provinces.PROVINCE_NAME),
        col("region_3belt").as(Provinces.REGION),
        col("region_nbs4").as(Provinces.REGION_NBS4),
        col("is_west12").equalTo("1").as(Provinces.IS_WEST12),
        col("is_zhongxibu22").equalTo("1").as(Provinces.HAS_POOR_COUNTIES),
        col("n_national_poor_counties").cast("int").as(Provinces.POOR_COUNTY_COUNT));
  }

  public Dataset<Row> poorCounties() {
    Dataset<Row> p =
        csv(
            "poor_counties.csv",
            List.of(
                "county_code", "county_name_nbs2020", "code_in_source", "name_in_source", "province_code",
                "province_name", "prefecture_code", "prefecture_name", "region_in_source", "delisted_year",
                "exit_incidence_threshold_pct", "name_in_announcement_list", "notes"));
    return p.select(
        col("county_code").as(PoorCounties.COUNTY_CODE),
        col("county_name_nbs2020").as(PoorCounties.COUNTY_NAME),
        col("province_code").as(PoorCounties.PROVINCE_CODE),
        col("prefecture_code").as(PoorCounties.PREFECTURE_CODE),
        col("delisted_year").cast("int").as(PoorCounties.DELISTED_YEAR),
        col("exit_incidence_threshold_pct").cast("double").divide(100.0).as(PoorCounties.THRESHOLD));
  }

  /**
   * Provinces, prefectures and counties in one table. Two poor counties whose codes ended in 2018
   * (冷湖, 茫崖; see SOURCES.md) are not in the 2020 county list and are added from the poor-county
   * list, so that every registered household's county is a known division.
   */
  public Dataset<Row> divisions() {
    Dataset<Row> counties =
        csv(
            "counties.csv",
            List.of(
                "county_code", "county_name", "prefecture_code", "prefecture_name", "province_code",
                "province_name", "nbs_functional_zone"));
    Dataset<Row> provinces = provinces();
    Dataset<Row> poor = poorCounties();
    Dataset<Row> poorRaw =
        csv(
            "poor_counties.csv",
            List.of(
                "county_code", "county_name_nbs2020", "code_in_source", "name_in_source", "province_code",
                "province_name", "prefecture_code", "prefecture_name", "region_in_source", "delisted_year",
                "exit_incidence_threshold_pct", "name_in_announcement_list", "notes"));
    Dataset<Row> countyRows =
        counties.select(
            col("county_code").as(Divisions.CODE),
            col("county_name").as(Divisions.NAME),
            lit("COUNTY").as(Divisions.LEVEL),
            col("prefecture_code").as(Divisions.PARENT_CODE),
            col("province_code").as(Divisions.PROVINCE_CODE),
            col("prefecture_code").as(Divisions.PREFECTURE_CODE),
            col("nbs_functional_zone").equalTo("1").as(Divisions.FUNCTIONAL_ZONE));
    Dataset<Row> retiredPoor =
        poorRaw
            .join(counties.select(col("county_code")), "county_code", "left_anti")
            .select(
                col("county_code").as(Divisions.CODE),
                col("county_name_nbs2020").as(Divisions.NAME),
                lit("COUNTY").as(Divisions.LEVEL),
                col("prefecture_code").as(Divisions.PARENT_CODE),
                col("province_code").as(Divisions.PROVINCE_CODE),
                col("prefecture_code").as(Divisions.PREFECTURE_CODE),
                lit(false).as(Divisions.FUNCTIONAL_ZONE));
    Dataset<Row> prefectureRows =
        counties
            .select(
                col("prefecture_code").as(Divisions.CODE),
                col("prefecture_name").as(Divisions.NAME),
                lit("PREFECTURE").as(Divisions.LEVEL),
                col("province_code").as(Divisions.PARENT_CODE),
                col("province_code").as(Divisions.PROVINCE_CODE),
                col("prefecture_code").as(Divisions.PREFECTURE_CODE),
                lit(false).as(Divisions.FUNCTIONAL_ZONE))
            .dropDuplicates(new String[] {Divisions.CODE});
    Dataset<Row> provinceRows =
        provinces.select(
            col(Provinces.PROVINCE_CODE).as(Divisions.CODE),
            col(Provinces.PROVINCE_NAME).as(Divisions.NAME),
            lit("PROVINCE").as(Divisions.LEVEL),
            lit("000000").as(Divisions.PARENT_CODE),
            col(Provinces.PROVINCE_CODE).as(Divisions.PROVINCE_CODE),
            lit(null).cast("string").as(Divisions.PREFECTURE_CODE),
            lit(false).as(Divisions.FUNCTIONAL_ZONE));
    Dataset<Row> all = countyRows.unionByName(retiredPoor).unionByName(prefectureRows).unionByName(provinceRows);
    Dataset<Row> regions =
        provinces.select(
            col(Provinces.PROVINCE_CODE).as("_p"),
            col(Provinces.REGION).as(Divisions.REGION),
            col(Provinces.IS_WEST12).as(Divisions.IS_WEST12));
    Column isPoor = col("_poor").isNotNull().and(col(Divisions.LEVEL).equalTo("COUNTY"));
    return all.join(regions, all.col(Divisions.PROVINCE_CODE).equalTo(regions.col("_p")), "left")
        .join(
            poor.select(col(PoorCounties.COUNTY_CODE).as("_poor")),
            all.col(Divisions.CODE).equalTo(col("_poor")),
            "left")
        .withColumn(Divisions.IS_POOR_COUNTY, when(isPoor, lit(true)).otherwise(lit(false)))
        .drop("_p", "_poor");
  }

  public Dataset<Row> pairings() {
    Dataset<Row> p =
        csv(
            "east_west_pairings.csv",
            List.of(
                "helper_level", "helper_province_code", "helper_province_name", "helper_code", "helper_name",
                "helped_level", "helped_province_code", "helped_province_name", "helped_code", "helped_name",
                "clause_2016_guidance"));
    return p.select(
        col("helper_level").as(Pairings.HELPER_LEVEL),
        col("helper_province_code").as(Pairings.HELPER_PROVINCE_CODE),
        col("helper_code").as(Pairings.HELPER_CODE),
        col("helper_name").as(Pairings.HELPER_NAME),
        col("helped_level").as(Pairings.HELPED_LEVEL),
        col("helped_province_code").as(Pairings.HELPED_PROVINCE_CODE),
        col("helped_code").as(Pairings.HELPED_CODE),
        col("helped_name").as(Pairings.HELPED_NAME),
        col("clause_2016_guidance").as(Pairings.CLAUSE_2016));
  }

  public Dataset<Row> povertyLines() {
    Dataset<Row> p = csv("poverty_lines.csv", List.of("year", "line_yuan_current_prices", "confidence", "note"));
    return p.select(
        col("year").cast("int").as(PovertyLines.YEAR),
        col("line_yuan_current_prices").cast("double").as(PovertyLines.LINE_YUAN),
        col("confidence").as(PovertyLines.CONFIDENCE),
        col("note").as(PovertyLines.NOTE));
  }

  public Dataset<Row> thresholds() {
    Dataset<Row> p = csv("thresholds.csv", List.of("scope", "area_code", "metric", "comparison", "value", "confidence", "note"));
    return p.select(
        col("scope").as(Thresholds.SCOPE),
        col("area_code").as(Thresholds.AREA_CODE),
        col("metric").as(Thresholds.METRIC),
        col("comparison").as(Thresholds.COMPARISON),
        col("value").cast("double").as(Thresholds.VALUE),
        col("confidence").as(Thresholds.CONFIDENCE),
        col("note").as(Thresholds.NOTE));
  }

  public Dataset<Row> nationalSeries() {
    Dataset<Row> p =
        csv(
            "national_series.csv",
            List.of("year", "rural_poor_10k_persons", "incidence_pct", "reduction_10k_persons", "confidence", "note"));
    return p.select(
        col("year").cast("int").as(NationalSeries.YEAR),
        col("rural_poor_10k_persons").cast("double").as(NationalSeries.RURAL_POOR_10K),
        col("incidence_pct").cast("double").divide(100.0).as(NationalSeries.INCIDENCE),
        col("confidence").as(NationalSeries.CONFIDENCE));
  }

  private Dataset<Row> csv(String file, List<String> columns) {
    String path = dir + "/" + file;
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw Errors.missingInput(
            "reference file " + path, "set tuopin.paths.reference to the folder holding the reference CSV files (conf/reference)");
      }
    } catch (java.io.IOException e) {
      throw Errors.failure("reading reference file " + path, e);
    }
    StructType schema = Schemas.allStrings(columns);
    return spark.read().option("header", "true").option("encoding", "UTF-8").option("mode", "FAILFAST").schema(schema).csv(path);
  }
}
