package org.tuopin.common.yearend;

/**
 * Why a county's released figures changed between two releases of the same year, read from the
 * county fingerprints of the two releases and their rule versions. A county with records that
 * arrived and records that were corrected shows LATE_RECORDS only: sums of hashes cannot separate
 * the two once the set of records has grown.
 */
public enum ChangeReason {
  /** More household or member records up to the year than at the previous release (late deliveries). */
  LATE_RECORDS,
  /** The same number of records or fewer, but different keys or contents (corrections, withdrawals). */
  CORRECTIONS,
  /** The rule version differs (curated or privacy settings, or reference data). */
  RULE_CHANGE,
  /** Figures differ with neither record nor rule changes (e.g. a neighbour's records moved a suppression). */
  UNEXPLAINED
}
