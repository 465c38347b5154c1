package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.incidence}: registered poor persons and households at year end against the rural
 * registered population, per level, area and year. Key: ({@link #LEVEL}, {@link #AREA_CODE},
 * {@link #REPORTING_YEAR}); partitioned by reporting year. Values are exact; {@link #SUPPRESSED}
 * marks the cells a publication must hide (docs/statistics.md).
 */
public final class CuratedIncidence {
  private CuratedIncidence() {}

  /** NATION, REGION, PROVINCE, PREFECTURE, COUNTY or VILLAGE. */
  public static final String LEVEL = "level";
  /** 6-digit division code, 12-digit village code, east/central/west, or 000000 for the nation. */
  public static final String AREA_CODE = "area_code";
  /** The area one level up (null for the nation); a province's parent is its region. */
  public static final String PARENT_CODE = "parent_code";
  /** The province the area lies in (null for NATION and REGION): the unit of incremental refresh. */
  public static final String PROVINCE_CODE = "province_code";
  public static final String REPORTING_YEAR = "reporting_year";
  /** Member rows of households whose status that year is POOR or RETURNED. */
  public static final String POOR_PERSONS = "poor_persons";
  public static final String POOR_HOUSEHOLDS = "poor_households";
  /** Sum of silver.population over the area's villages; null when none was delivered. */
  public static final String RURAL_POPULATION = "rural_population";
  /** poor_persons / rural_population, a fraction; null when the population is unknown or zero. */
  public static final String INCIDENCE_RATE = "incidence_rate";
  /** True when a publication must hide this area's figures (primary or secondary suppression). */
  public static final String SUPPRESSED = "suppressed";

  public static final List<String> KEY = List.of(LEVEL, AREA_CODE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR);
  public static final List<String> RATES = List.of(INCIDENCE_RATE);
  public static final List<String> COUNTS = List.of(POOR_PERSONS, POOR_HOUSEHOLDS, RURAL_POPULATION);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(LEVEL, StringType, false),
              createStructField(AREA_CODE, StringType, false),
              createStructField(PARENT_CODE, StringType, true),
              createStructField(PROVINCE_CODE, StringType, true),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(POOR_PERSONS, LongType, false),
              createStructField(POOR_HOUSEHOLDS, LongType, false),
              createStructField(RURAL_POPULATION, LongType, true),
              createStructField(INCIDENCE_RATE, DoubleType, true),
              createStructField(SUPPRESSED, BooleanType, false)));
}
