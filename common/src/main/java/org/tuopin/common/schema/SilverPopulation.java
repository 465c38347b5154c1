package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** {@code silver.population}: rural registered population per village and year. Key: village, year. */
public final class SilverPopulation {
  private SilverPopulation() {}

  public static final String VILLAGE_CODE = "village_code";
  public static final String REPORTING_YEAR = "reporting_year";
  public static final String PROVINCE_CODE = "province_code";
  public static final String COUNTY_CODE = "county_code";
  public static final String RURAL_POPULATION = "rural_population";

  public static final List<String> KEY = List.of(VILLAGE_CODE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR, PROVINCE_CODE);

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(VILLAGE_CODE, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(PROVINCE_CODE, StringType, false),
              createStructField(COUNTY_CODE, StringType, false),
              createStructField(RURAL_POPULATION, LongType, false),
              createStructField(Lineage.BATCH_ID, StringType, false),
              createStructField(Lineage.SOURCE_FILE, StringType, false),
              createStructField(Lineage.LINE, LongType, false)));
}
