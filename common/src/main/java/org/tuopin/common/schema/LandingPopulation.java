package org.tuopin.common.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** {@code population.csv}: rural registered population by village and year (the incidence denominator). */
public final class LandingPopulation {
  private LandingPopulation() {}

  public static final String FILE = "population.csv";

  public static final String VILLAGE_CODE = "village_code";
  public static final String REPORTING_YEAR = "reporting_year";
  /** 乡村户籍人口 at year end, persons. */
  public static final String RURAL_POPULATION = "rural_population";

  public static final List<String> COLUMNS = List.of(VILLAGE_CODE, REPORTING_YEAR, RURAL_POPULATION);

  public static final StructType SCHEMA = Schemas.allStrings(COLUMNS);
}
