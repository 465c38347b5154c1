package org.tuopin.common.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.schema.CuratedExitQuality;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.CuratedPovertyMeasures;
import org.tuopin.common.schema.CuratedVillageStatus;
import org.tuopin.common.schema.IngestedFiles;
import org.tuopin.common.schema.QualityMetrics;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.SilverPopulation;

/** Every column a statistician reads has a meaning in English and Chinese. */
class DataDictionaryTest {
  static Map<Table, StructType> documented() {
    Map<Table, StructType> m = new LinkedHashMap<>();
    m.put(Table.CURATED_INCIDENCE, CuratedIncidence.SCHEMA);
    m.put(Table.CURATED_EXITS, CuratedExits.SCHEMA);
    m.put(Table.CURATED_COUNTY_STATUS, CuratedCountyStatus.SCHEMA);
    m.put(Table.CURATED_VILLAGE_STATUS, CuratedVillageStatus.SCHEMA);
    m.put(Table.CURATED_EXIT_QUALITY, CuratedExitQuality.SCHEMA);
    m.put(Table.CURATED_POVERTY_MEASURES, CuratedPovertyMeasures.SCHEMA);
    m.put(Table.SILVER_HOUSEHOLDS, SilverHouseholds.SCHEMA);
    m.put(Table.SILVER_MEMBERS, SilverMembers.SCHEMA);
    m.put(Table.SILVER_POPULATION, SilverPopulation.SCHEMA);
    m.put(Table.BRONZE_HOUSEHOLDS, Bronze.HOUSEHOLDS);
    m.put(Table.BRONZE_MEMBERS, Bronze.MEMBERS);
    m.put(Table.CURATED_COOPERATION_ASSESSMENT, org.tuopin.common.cooperation.CooperationTables.ASSESSMENT_SCHEMA);
    m.put(Table.CURATED_COOPERATION_INDICATORS, org.tuopin.common.schema.CuratedCooperationIndicators.SCHEMA);
    m.put(Table.CURATED_COOPERATION_ROSTER, org.tuopin.common.schema.CuratedCooperationRoster.SCHEMA);
    for (org.tuopin.common.schema.Cooperation.File f : org.tuopin.common.schema.Cooperation.File.values()) {
      m.put(f.silver(), f.silverSchema());
      m.put(f.bronze(), f.bronzeSchema());
    }
    m.put(Table.OPS_INGESTED_FILES, IngestedFiles.SCHEMA);
    m.put(Table.OPS_QUALITY_METRICS, QualityMetrics.SCHEMA);
    return m;
  }

  @Test
  void everyCuratedSilverBronzeAndOpsColumnIsDescribed() {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<Table, StructType> e : documented().entrySet()) {
      assertTrue(DataDictionary.describe(e.getKey()).isPresent(), "table " + e.getKey() + " has no description");
      for (StructField f : e.getValue().fields()) {
        if (DataDictionary.describe(e.getKey(), f.name()).isEmpty()) {
          missing.add(e.getKey() + "." + f.name());
        }
      }
    }
    assertEquals(List.of(), missing, "columns without a data-dictionary entry");
  }

  @Test
  void descriptionsNeedBothLanguages() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ColumnDoc("x", " ", "", ""));
  }
}
