package org.tuopin.common.schema;

import java.util.List;

/**
 * {@code _generator/expected_county_year.csv}: the figures the generator meant to deliver, per
 * county and reporting year, from its own model (never from the files it wrote). Definitions, shared
 * with the curated stage: poor = status POOR or RETURNED in that year's record; exited = EXITED with
 * exit_year equal to the year; new = identified_year equal to the year; returned = EXITED in the
 * previous year's record and POOR or RETURNED in this one; removed = REMOVED in this year's record.
 * Persons are the sum of household_size of those households. The survey's rates are those of the
 * generated survey.csv line of the county and year (missed / surveyed, approving / surveyed), empty
 * where no survey line was generated.
 */
public final class ExpectedCountyYear {
  private ExpectedCountyYear() {}

  public static final String FILE = "expected_county_year.csv";

  public static final String COUNTY_CODE = "county_code";
  public static final String REPORTING_YEAR = "reporting_year";
  public static final String POOR_HOUSEHOLDS = "poor_households";
  public static final String POOR_PERSONS = "poor_persons";
  public static final String EXITED_HOUSEHOLDS = "exited_households";
  public static final String EXITED_PERSONS = "exited_persons";
  public static final String NEW_HOUSEHOLDS = "new_households";
  public static final String NEW_PERSONS = "new_persons";
  public static final String RETURNED_HOUSEHOLDS = "returned_households";
  public static final String RETURNED_PERSONS = "returned_persons";
  public static final String REMOVED_HOUSEHOLDS = "removed_households";
  public static final String REMOVED_PERSONS = "removed_persons";
  /** Sum of the county's villages' rural population in population.csv. */
  public static final String RURAL_POPULATION = "rural_population";
  /** Missed-identification rate of the generated survey line; empty without one. */
  public static final String MISSED_RATE = "missed_rate";
  /** Approval rate of the generated survey line; empty without one. */
  public static final String APPROVAL_RATE = "approval_rate";

  /** The count columns, in file order after the two key columns. */
  public static final List<String> COUNTS =
      List.of(
          POOR_HOUSEHOLDS, POOR_PERSONS, EXITED_HOUSEHOLDS, EXITED_PERSONS, NEW_HOUSEHOLDS, NEW_PERSONS,
          RETURNED_HOUSEHOLDS, RETURNED_PERSONS, REMOVED_HOUSEHOLDS, REMOVED_PERSONS, RURAL_POPULATION);

  public static final List<String> COLUMNS =
      List.of(
          COUNTY_CODE, REPORTING_YEAR, POOR_HOUSEHOLDS, POOR_PERSONS, EXITED_HOUSEHOLDS, EXITED_PERSONS,
          NEW_HOUSEHOLDS, NEW_PERSONS, RETURNED_HOUSEHOLDS, RETURNED_PERSONS, REMOVED_HOUSEHOLDS,
          REMOVED_PERSONS, RURAL_POPULATION, MISSED_RATE, APPROVAL_RATE);
}
