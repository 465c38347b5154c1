package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.village_base}: the second working table of the aggregate stage, one row per
 * village and reporting year with the sum of its households' contributions ({@link
 * CuratedHouseholdFacts#SUMMED}) and its rural population. Every higher level is summed from these
 * rows. Partitioned like silver, so an incremental night replaces only the changed province-years
 * and the roll-up reads a few thousand rows a year instead of every household-year. Key: ({@link
 * #AREA_CODE}, {@link #REPORTING_YEAR}).
 */
public final class CuratedVillageBase {
  private CuratedVillageBase() {}

  public static final String REPORTING_YEAR = CuratedIncidence.REPORTING_YEAR;
  public static final String PROVINCE_CODE = CuratedIncidence.PROVINCE_CODE;
  /** The village code. */
  public static final String AREA_CODE = CuratedIncidence.AREA_CODE;
  /** The village's county code. */
  public static final String PARENT_CODE = CuratedIncidence.PARENT_CODE;
  public static final String RURAL_POPULATION = CuratedIncidence.RURAL_POPULATION;

  public static final List<String> KEY = List.of(AREA_CODE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR, PROVINCE_CODE);

  /** The count columns (not negative): every summed count and the population. */
  public static final List<String> COUNTS;

  public static final StructType SCHEMA;

  static {
    List<StructField> f = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    f.add(createStructField(REPORTING_YEAR, IntegerType, false));
    f.add(createStructField(PROVINCE_CODE, StringType, false));
    f.add(createStructField(AREA_CODE, StringType, false));
    f.add(createStructField(PARENT_CODE, StringType, true));
    for (String c : CuratedHouseholdFacts.SUMMED) {
      boolean share = CuratedHouseholdFacts.DOUBLE_SUMS.contains(c);
      f.add(createStructField(c, share ? DoubleType : LongType, true));
      if (!share) {
        counts.add(c);
      }
    }
    f.add(createStructField(RURAL_POPULATION, LongType, true));
    counts.add(RURAL_POPULATION);
    SCHEMA = new StructType(f.toArray(new StructField[0]));
    COUNTS = List.copyOf(counts);
  }
}
