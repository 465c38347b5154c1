package org.tuopin.common.conform;

/**
 * Names of the helper columns that {@link Preparation} adds to bronze rows before the rules run:
 * typed values and the results of the cross-row checks (joins and windows). They start with
 * {@code _c_} and never reach silver or quarantine.
 */
public final class Prepared {
  private Prepared() {}

  public static final String PREFIX = "_c_";

  /** The row's reporting year as a number (null when not a 4-digit year). */
  public static final String YEAR = "_c_year";
  public static final String IDENTIFIED_YEAR = "_c_identified_year";
  public static final String EXIT_YEAR = "_c_exit_year";
  public static final String HOUSEHOLD_SIZE = "_c_household_size";
  public static final String INCOME = "_c_income";
  public static final String MONTHS_WORKED = "_c_months_worked";
  public static final String BIRTH_DATE = "_c_birth_date";
  public static final String RURAL_POPULATION = "_c_rural_population";
  /** Comma-separated names of the required columns that are empty; "" when none. */
  public static final String MISSING = "_c_missing";
  /** Comma-separated names of the yes/no columns holding something else; "" when none. */
  public static final String BAD_FLAGS = "_c_bad_flags";
  /** Comma-separated names of year columns outside the configured bounds or not years. */
  public static final String BAD_YEARS = "_c_bad_years";
  /** Comma-separated names of year columns after the batch's reporting year. */
  public static final String FUTURE_YEARS = "_c_future_years";
  /** The 6-digit county of the row's village. */
  public static final String COUNTY = "_c_county";
  /** True when the county is a county of ref.divisions. */
  public static final String COUNTY_KNOWN = "_c_county_known";
  /** True when the delivering province is a province of ref.divisions. */
  public static final String PROVINCE_KNOWN = "_c_province_known";
  /** True when a member's work province is a province of ref.divisions. */
  public static final String WORK_PROVINCE_KNOWN = "_c_work_province_known";
  /** 1 for the first of identical lines of a batch (by _line), 2, 3 ... for the repeats. */
  public static final String DUP_RANK = "_c_dup_rank";
  /** Lines of the batch with the row's key. */
  public static final String KEY_ROWS = "_c_key_rows";
  /** Lines of the batch identical to the row. */
  public static final String CONTENT_ROWS = "_c_content_rows";
  /** 1 when a member line counts towards its household (parsed, not a repeated line), else 0. */
  public static final String COUNTED = "_c_counted";
  /** Member lines counted for the household in the batch. */
  public static final String MEMBER_ROWS = "_c_member_rows";
  /** Heads (户主) among them. */
  public static final String HEADS = "_c_heads";
  /** True when a member's household line is in the same batch. */
  public static final String HOUSEHOLD_FOUND = "_c_household_found";
  /** True when that household line is quarantined. */
  public static final String HOUSEHOLD_QUARANTINED = "_c_household_quarantined";
  /** The member's household's village code (members have none of their own). */
  public static final String VILLAGE = "_c_village";
  /** The member's household's declared size, for messages. */
  public static final String HOUSEHOLD_DECLARED_SIZE = "_c_household_declared_size";
  /** True when the person is in another household in the same year (incoming or in silver). */
  public static final String IN_TWO_HOUSEHOLDS = "_c_in_two_households";

  /** True when (helper_code, helped_code) of a cooperation line is a pairing of ref.pairings. */
  public static final String PAIRING_KNOWN = "_c_pairing_known";
  /** Comma-separated names of a cooperation line's measures that are present but not a number of their kind, 0 or more. */
  public static final String BAD_MEASURES = "_c_bad_measures";

  /** A survey line's surveyed households as a whole number (null when not one). */
  public static final String SURVEYED = "_c_surveyed";
  /** A survey line's missed households as a whole number (null when not one). */
  public static final String MISSED = "_c_missed";
  /** A survey line's approving households as a whole number (null when not one). */
  public static final String APPROVING = "_c_approving";
  /** Comma-separated names of a survey line's counts that are present but not whole numbers of 0 or more. */
  public static final String BAD_COUNTS = "_c_bad_counts";
}
