package org.tuopin.common.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.village_status}: each village and year against the village exit rule (incidence
 * below the threshold of its county). Same columns as {@link CuratedCountyStatus}; the survey
 * columns and the announced year are null (no village-level survey or announcement list exists).
 */
public final class CuratedVillageStatus {
  private CuratedVillageStatus() {}

  public static final List<String> KEY = CuratedCountyStatus.KEY;
  public static final List<String> PARTITION_BY = CuratedCountyStatus.PARTITION_BY;
  public static final List<String> RATES = CuratedCountyStatus.RATES;
  public static final List<String> COUNTS = CuratedCountyStatus.COUNTS;
  public static final StructType SCHEMA = CuratedCountyStatus.SCHEMA;
}
