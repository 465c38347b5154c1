package org.tuopin.common.curated;

/** The reconciliation rules of the aggregate stage, each with its configuration key. */
public enum ReconcileRule {
  /** Every level's counts sum to the level above (rule ids rollup.*). */
  ROLLUP("rollup"),
  /** poor(t) = poor(t-1) - exits + new + returns - removals in households, per county and year. */
  HOUSEHOLD_STOCK("household-stock"),
  /** The same identity in persons; household sizes change, so a residual is expected and reported. */
  PERSON_STOCK("person-stock"),
  /** Counties announced as de-listed in a cohort year must be eligible by rule in that year. */
  DELISTED("delisted");

  private final String key;

  ReconcileRule(String key) {
    this.key = key;
  }

  /** The key under tuopin.curated.reconcile. */
  public String key() {
    return key;
  }
}
