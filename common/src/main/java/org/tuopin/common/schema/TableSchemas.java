package org.tuopin.common.schema;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.reference.ReferenceData;

/**
 * The one mapping from each catalogue {@link Table} to the schema its writer declares. The data
 * dictionary (docs/data-dictionary.md, {@code ref.data_dictionary}) is rendered from it, and its
 * tests fail until every table is either here or, for a table named in the catalogue before its
 * schema class exists, in {@link #UNDECLARED}.
 *
 * <p>Adding a table: declare its schema class in this package, add one line below, describe its
 * columns in {@link org.tuopin.common.dictionary.DataDictionary}, then regenerate the page (the
 * failing test says how).
 */
public final class TableSchemas {
  private TableSchemas() {}

  private static final Map<Table, StructType> SCHEMAS = new EnumMap<>(Table.class);

  /**
   * Tables the catalogue names whose schema class is still being written on another branch; the
   * dictionary lists them without columns. Remove a table from here when its line is added above.
   */
  public static final Set<Table> UNDECLARED =
      Collections.unmodifiableSet(EnumSet.noneOf(Table.class));

  static {
    SCHEMAS.put(Table.REF_DIVISIONS, ReferenceData.Divisions.SCHEMA);
    SCHEMAS.put(Table.REF_PROVINCES, ReferenceData.Provinces.SCHEMA);
    SCHEMAS.put(Table.REF_POOR_COUNTIES, ReferenceData.PoorCounties.SCHEMA);
    SCHEMAS.put(Table.REF_PAIRINGS, ReferenceData.Pairings.SCHEMA);
    SCHEMAS.put(Table.REF_POVERTY_LINES, ReferenceData.PovertyLines.SCHEMA);
    SCHEMAS.put(Table.REF_THRESHOLDS, ReferenceData.Thresholds.SCHEMA);
    SCHEMAS.put(Table.REF_NATIONAL_SERIES, ReferenceData.NationalSeries.SCHEMA);
    SCHEMAS.put(Table.REF_DATA_DICTIONARY, RefDataDictionary.SCHEMA);

    SCHEMAS.put(Table.BRONZE_HOUSEHOLDS, Bronze.HOUSEHOLDS);
    SCHEMAS.put(Table.BRONZE_MEMBERS, Bronze.MEMBERS);
    SCHEMAS.put(Table.BRONZE_POPULATION, Bronze.POPULATION);
    SCHEMAS.put(Table.BRONZE_SURVEY, LandingSurvey.BRONZE);

    SCHEMAS.put(Table.SILVER_HOUSEHOLDS, SilverHouseholds.SCHEMA);
    SCHEMAS.put(Table.SILVER_MEMBERS, SilverMembers.SCHEMA);
    SCHEMAS.put(Table.SILVER_POPULATION, SilverPopulation.SCHEMA);
    SCHEMAS.put(Table.SILVER_SURVEY, SilverSurvey.SCHEMA);

    SCHEMAS.put(Table.QUARANTINE_HOUSEHOLDS, Quarantine.HOUSEHOLDS);
    SCHEMAS.put(Table.QUARANTINE_MEMBERS, Quarantine.MEMBERS);
    SCHEMAS.put(Table.QUARANTINE_POPULATION, Quarantine.POPULATION);
    SCHEMAS.put(Table.QUARANTINE_SURVEY, LandingSurvey.QUARANTINE);

    SCHEMAS.put(Table.CURATED_HOUSEHOLD_FACTS, CuratedHouseholdFacts.SCHEMA);
    SCHEMAS.put(Table.CURATED_VILLAGE_BASE, CuratedVillageBase.SCHEMA);
    SCHEMAS.put(Table.CURATED_INCIDENCE, CuratedIncidence.SCHEMA);
    SCHEMAS.put(Table.CURATED_EXITS, CuratedExits.SCHEMA);
    SCHEMAS.put(Table.CURATED_COUNTY_STATUS, CuratedCountyStatus.SCHEMA);
    SCHEMAS.put(Table.CURATED_VILLAGE_STATUS, CuratedVillageStatus.SCHEMA);
    SCHEMAS.put(Table.CURATED_EXIT_QUALITY, CuratedExitQuality.SCHEMA);
    SCHEMAS.put(Table.CURATED_POVERTY_MEASURES, CuratedPovertyMeasures.SCHEMA);
    SCHEMAS.put(Table.CURATED_COOPERATION_ASSESSMENT, CuratedCooperationAssessment.SCHEMA);
    SCHEMAS.put(Table.CURATED_YEAR_END_SUMMARY, YearEndSummary.SCHEMA);
    SCHEMAS.put(Table.CURATED_YEAR_END_RELEASES, YearEndReleases.SCHEMA);
    SCHEMAS.put(Table.CURATED_YEAR_END_CHANGES, YearEndChanges.SCHEMA);
    SCHEMAS.put(Table.OPS_RELEASES, Releases.SCHEMA);
    SCHEMAS.put(Table.CURATED_COOPERATION_INDICATORS, CuratedCooperationIndicators.SCHEMA);
    SCHEMAS.put(Table.CURATED_COOPERATION_ROSTER, CuratedCooperationRoster.SCHEMA);
    for (Cooperation.File f : Cooperation.File.values()) {
      SCHEMAS.put(f.bronze(), f.bronzeSchema());
      SCHEMAS.put(f.silver(), f.silverSchema());
      SCHEMAS.put(f.quarantine(), f.quarantineSchema());
    }

    SCHEMAS.put(Table.OPS_RUNS, RunLog.SCHEMA);
    SCHEMAS.put(Table.OPS_INGESTED_FILES, IngestedFiles.SCHEMA);
    SCHEMAS.put(Table.OPS_QUALITY_METRICS, QualityMetrics.SCHEMA);
    SCHEMAS.put(Table.OPS_CONFORMED_BATCHES, ConformedBatches.SCHEMA);
  }

  /** The declared schema of a table; empty for a table in {@link #UNDECLARED} (or not yet added here). */
  public static Optional<StructType> of(Table t) {
    return Optional.ofNullable(SCHEMAS.get(t));
  }

  /** Every declared table and its schema, in catalogue order. */
  public static Map<Table, StructType> all() {
    return Collections.unmodifiableMap(SCHEMAS);
  }
}
