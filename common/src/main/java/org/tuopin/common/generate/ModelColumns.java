package org.tuopin.common.generate;

/**
 * Column names of the generator's intermediate model frames (counties, households, household
 * years, persons, village years). They never reach a landing file under these names; the landing
 * names are those of {@link org.tuopin.common.schema.LandingHouseholds} and its siblings.
 */
public final class ModelColumns {
  private ModelColumns() {}

  public static final String COUNTY = "m_county";
  public static final String PROVINCE = "m_province";
  public static final String PREFECTURE = "m_prefecture";
  public static final String IS_POOR = "m_is_poor";
  public static final String DELISTED_YEAR = "m_delisted_year";
  public static final String THRESHOLD = "m_threshold";
  public static final String HELPER_PROVINCE = "m_helper_province";
  public static final String WEIGHT = "m_weight";
  public static final String COUNTY_HOUSEHOLDS = "m_county_households";
  public static final String VILLAGES = "m_villages";
  public static final String INITIAL_INCIDENCE = "m_initial_incidence";
  /** Target incidence of the county at the baseline year (before the first reporting year). */
  public static final String BASE_INCIDENCE = "m_base_incidence";

  public static final String HOUSEHOLD = "m_household";
  public static final String VILLAGE = "m_village";
  public static final String SIZE = "m_size";
  public static final String ATTRIBUTE = "m_attribute";
  public static final String CAUSE = "m_cause";
  public static final String RELOCATED = "m_relocated";
  public static final String IDENTIFIED_YEAR = "m_identified_year";
  /** First exit year (null: still poor after the last year, or removed). */
  public static final String EXIT_YEAR = "m_exit_year";
  public static final String REMOVED_YEAR = "m_removed_year";
  /** True for a household that returns to poverty the year after its exit. */
  public static final String RETURNS = "m_returns";

  public static final String YEAR = "m_year";
  public static final String STATUS = "m_status";
  /** Exit year as delivered in that year's record (the second exit after a return). */
  public static final String RECORD_EXIT_YEAR = "m_record_exit_year";
  public static final String INCOME = "m_income";
  public static final String FOOD_CLOTHING = "m_food_clothing";
  public static final String EDUCATION = "m_education";
  public static final String MEDICAL_CARE = "m_medical_care";
  public static final String HOUSING = "m_housing";
  public static final String WATER = "m_water";
  public static final String IS_POOR_NOW = "m_poor_now";
  public static final String EXITED_NOW = "m_exited_now";
  public static final String NEW_NOW = "m_new_now";
  public static final String RETURNED_NOW = "m_returned_now";
  public static final String REMOVED_NOW = "m_removed_now";

  public static final String MEMBER_INDEX = "m_member";
  public static final String ROLE = "m_role";
  public static final String MALE = "m_male";
  public static final String BIRTH_DATE = "m_birth_date";
  public static final String RESIDENT_ID = "m_resident_id";
  public static final String HEALTH = "m_health";
  public static final String INSURED = "m_insured";

  public static final String RURAL_POPULATION = "m_rural_population";
}
