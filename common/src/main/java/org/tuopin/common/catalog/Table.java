package org.tuopin.common.catalog;

import java.util.Locale;

/**
 * Every table of the pipeline, once. The names are part of the contract (DESIGN.md, table
 * catalogue): a table lives at {@code <warehouse>/<layer>/<name>} and is registered as
 * {@code <layer>.<name>}. Nothing else in the code spells a table name.
 */
public enum Table {
  REF_DIVISIONS(Layer.REF, "divisions"),
  REF_PROVINCES(Layer.REF, "provinces"),
  REF_POOR_COUNTIES(Layer.REF, "poor_counties"),
  REF_PAIRINGS(Layer.REF, "pairings"),
  REF_POVERTY_LINES(Layer.REF, "poverty_lines"),
  REF_THRESHOLDS(Layer.REF, "thresholds"),
  REF_NATIONAL_SERIES(Layer.REF, "national_series"),
  /** Every column of every table with its meaning, rendered from the code (docs/data-dictionary.md). */
  REF_DATA_DICTIONARY(Layer.REF, "data_dictionary"),

  BRONZE_HOUSEHOLDS(Layer.BRONZE, "households"),
  BRONZE_MEMBERS(Layer.BRONZE, "members"),
  BRONZE_POPULATION(Layer.BRONZE, "population"),
  /** The third-party survey lines (survey.csv), as delivered. */
  BRONZE_SURVEY(Layer.BRONZE, "survey"),
  BRONZE_COOPERATION_FUNDS(Layer.BRONZE, "cooperation_funds"),
  BRONZE_COOPERATION_INDUSTRY(Layer.BRONZE, "cooperation_industry"),
  BRONZE_COOPERATION_TALENT(Layer.BRONZE, "cooperation_talent"),
  BRONZE_COOPERATION_LABOUR(Layer.BRONZE, "cooperation_labour"),
  BRONZE_COOPERATION_PAIRS(Layer.BRONZE, "cooperation_pairs"),

  SILVER_HOUSEHOLDS(Layer.SILVER, "households"),
  SILVER_MEMBERS(Layer.SILVER, "members"),
  SILVER_POPULATION(Layer.SILVER, "population"),
  SILVER_SURVEY(Layer.SILVER, "survey"),
  SILVER_COOPERATION_FUNDS(Layer.SILVER, "cooperation_funds"),
  SILVER_COOPERATION_INDUSTRY(Layer.SILVER, "cooperation_industry"),
  SILVER_COOPERATION_TALENT(Layer.SILVER, "cooperation_talent"),
  SILVER_COOPERATION_LABOUR(Layer.SILVER, "cooperation_labour"),
  SILVER_COOPERATION_PAIRS(Layer.SILVER, "cooperation_pairs"),

  QUARANTINE_HOUSEHOLDS(Layer.QUARANTINE, "households"),
  QUARANTINE_MEMBERS(Layer.QUARANTINE, "members"),
  QUARANTINE_POPULATION(Layer.QUARANTINE, "population"),
  QUARANTINE_SURVEY(Layer.QUARANTINE, "survey"),
  QUARANTINE_COOPERATION_FUNDS(Layer.QUARANTINE, "cooperation_funds"),
  QUARANTINE_COOPERATION_INDUSTRY(Layer.QUARANTINE, "cooperation_industry"),
  QUARANTINE_COOPERATION_TALENT(Layer.QUARANTINE, "cooperation_talent"),
  QUARANTINE_COOPERATION_LABOUR(Layer.QUARANTINE, "cooperation_labour"),
  QUARANTINE_COOPERATION_PAIRS(Layer.QUARANTINE, "cooperation_pairs"),

  /** The aggregate stage's household-year working table (one row per household and year). */
  CURATED_HOUSEHOLD_FACTS(Layer.CURATED, "household_facts"),
  /** The aggregate stage's village-year working table (households summed per village, with the population). */
  CURATED_VILLAGE_BASE(Layer.CURATED, "village_base"),
  CURATED_INCIDENCE(Layer.CURATED, "incidence"),
  CURATED_EXITS(Layer.CURATED, "exits"),
  CURATED_COUNTY_STATUS(Layer.CURATED, "county_status"),
  CURATED_VILLAGE_STATUS(Layer.CURATED, "village_status"),
  CURATED_EXIT_QUALITY(Layer.CURATED, "exit_quality"),
  CURATED_POVERTY_MEASURES(Layer.CURATED, "poverty_measures"),
  CURATED_COOPERATION_ASSESSMENT(Layer.CURATED, "cooperation_assessment"),
  /** Every indicator value behind curated.cooperation_assessment: the trace of each score. */
  CURATED_COOPERATION_INDICATORS(Layer.CURATED, "cooperation_indicators"),
  /** Who assesses whom in the cross-assessment (交叉考核) of each year. */
  CURATED_COOPERATION_ROSTER(Layer.CURATED, "cooperation_roster"),
  CURATED_YEAR_END_SUMMARY(Layer.CURATED, "year_end_summary"),
  /** The pinned figures of every year-end release (append-only). */
  CURATED_YEAR_END_RELEASES(Layer.CURATED, "year_end_releases"),
  /** Per county, what a revised year-end release changed and why. */
  CURATED_YEAR_END_CHANGES(Layer.CURATED, "year_end_changes"),

  OPS_RUNS(Layer.OPS, "runs"),
  OPS_INGESTED_FILES(Layer.OPS, "ingested_files"),
  OPS_QUALITY_METRICS(Layer.OPS, "quality_metrics"),
  /** One row per bronze batch that conform has settled (conformed or refused): what it still has to do. */
  OPS_CONFORMED_BATCHES(Layer.OPS, "conformed_batches"),
  OPS_RELEASES(Layer.OPS, "releases");

  /** The layers, each a folder under the warehouse and a schema in the SQL catalogue. */
  public enum Layer {
    REF,
    BRONZE,
    SILVER,
    QUARANTINE,
    CURATED,
    OPS;

    public String dbName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Layer layer;
  private final String tableName;

  Table(Layer layer, String tableName) {
    this.layer = layer;
    this.tableName = tableName;
  }

  public Layer layer() {
    return layer;
  }

  public String tableName() {
    return tableName;
  }

  /** The SQL name, e.g. {@code silver.households}. */
  public String qualifiedName() {
    return layer.dbName() + "." + tableName;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
