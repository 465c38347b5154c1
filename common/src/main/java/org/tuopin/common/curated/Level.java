package org.tuopin.common.curated;

/** The levels of the curated statistics, from the top; each area's parent is one level up. */
public enum Level {
  NATION,
  REGION,
  PROVINCE,
  PREFECTURE,
  COUNTY,
  VILLAGE;

  /** The level above, or null for the nation. */
  public Level parent() {
    return this == NATION ? null : values()[ordinal() - 1];
  }
}
