package org.tuopin.common.generate;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tuopin.common.conform.Rules;
import org.tuopin.common.id.ResidentId;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;

/**
 * The faults {@code tuopin generate --inject-errors RATE} puts into landing lines, each with the
 * rule id under which the conform stage must quarantine the line (the {@code expected_outcome}
 * column of {@code _generator/injected_errors.csv}): an id of {@link Rules}, so that the two cannot
 * drift apart. Collateral outcomes follow docs/rules.md: the members of a quarantined household are
 * quarantined with HOUSEHOLD_QUARANTINED, and the household an orphaned member left is short of a
 * member (HOUSEHOLD_SIZE_MISMATCH, and HEAD_COUNT when the member was its head). Every corrupted line keeps its column count;
 * only {@link #DUPLICATE_LINE} changes the shape of a file (one extra line, counted in the
 * manifest). No kind refuses a whole batch: the manifests always match the files written.
 *
 * <table>
 *   <caption>Kinds, files and expected outcomes</caption>
 *   <tr><th>kind</th><th>files</th><th>what is written</th><th>expected outcome</th></tr>
 *   <tr><td>BAD_CHECK_CHARACTER</td><td>both</td><td>resident ID (head's ID in households) with a wrong check character</td><td>ID_CHECK_CHARACTER</td></tr>
 *   <tr><td>LEGACY_15_DIGIT_ID</td><td>both</td><td>the 15-digit pre-1999 form of the ID</td><td>ID_LEGACY_15</td></tr>
 *   <tr><td>IMPOSSIBLE_BIRTH_DATE</td><td>both</td><td>ID with month 13 (check character recomputed)</td><td>ID_BIRTH_DATE</td></tr>
 *   <tr><td>NON_NUMERIC_INCOME</td><td>households</td><td>income followed by 元</td><td>INCOME_NUMERIC</td></tr>
 *   <tr><td>NEGATIVE_INCOME</td><td>households</td><td>income with a minus sign</td><td>INCOME_RANGE</td></tr>
 *   <tr><td>UNKNOWN_ATTRIBUTE</td><td>households</td><td>attribute 一般户, not a code-list label</td><td>ENUM_ATTRIBUTE</td></tr>
 *   <tr><td>FUTURE_YEAR</td><td>households</td><td>identified_year after the reporting year</td><td>YEAR_FUTURE (also IDENTIFIED_YEAR_LOGIC)</td></tr>
 *   <tr><td>VILLAGE_OUTSIDE_COUNTY</td><td>households</td><td>village code in a county that does not exist (county digits 99), not the household's</td><td>COUNTY_UNKNOWN (also HOUSEHOLD_ID_FORMAT)</td></tr>
 *   <tr><td>EXITED_WITHOUT_EXIT_YEAR</td><td>households</td><td>status EXITED with an empty exit year</td><td>EXIT_YEAR_LOGIC</td></tr>
 *   <tr><td>MONTHS_WORKED_OUT_OF_RANGE</td><td>members</td><td>months_worked 15</td><td>MONTHS_WORKED_RANGE</td></tr>
 *   <tr><td>ORPHAN_MEMBER</td><td>members</td><td>household id with sequence 0000 (no such household)</td><td>ORPHAN_MEMBER</td></tr>
 *   <tr><td>DUPLICATE_LINE</td><td>both</td><td>the line written twice; the second copy is the one recorded</td><td>DUPLICATE_LINE</td></tr>
 *   <tr><td>MISSING_REQUIRED_FIELD</td><td>both</td><td>household_size (households) or sex (members) empty</td><td>REQUIRED_FIELD</td></tr>
 * </table>
 */
public enum ErrorKind {
  BAD_CHECK_CHARACTER(Rules.idRule(ResidentId.Problem.CHECK_CHARACTER), true, true),
  LEGACY_15_DIGIT_ID(Rules.idRule(ResidentId.Problem.LEGACY_15_DIGITS), true, true),
  IMPOSSIBLE_BIRTH_DATE(Rules.idRule(ResidentId.Problem.BIRTH_DATE), true, true),
  NON_NUMERIC_INCOME(Rules.INCOME_NUMERIC, true, false),
  NEGATIVE_INCOME(Rules.INCOME_RANGE, true, false),
  UNKNOWN_ATTRIBUTE(Rules.ENUM_ATTRIBUTE, true, false),
  FUTURE_YEAR(Rules.YEAR_FUTURE, true, false),
  VILLAGE_OUTSIDE_COUNTY(Rules.COUNTY_UNKNOWN, true, false),
  EXITED_WITHOUT_EXIT_YEAR(Rules.EXIT_YEAR_LOGIC, true, false),
  MONTHS_WORKED_OUT_OF_RANGE(Rules.MONTHS_WORKED_RANGE, false, true),
  ORPHAN_MEMBER(Rules.ORPHAN_MEMBER, false, true),
  DUPLICATE_LINE(Rules.DUPLICATE_LINE, true, true),
  MISSING_REQUIRED_FIELD(Rules.REQUIRED_FIELD, true, true);

  private final String ruleId;
  private final boolean households;
  private final boolean members;

  ErrorKind(String ruleId, boolean households, boolean members) {
    this.ruleId = ruleId;
    this.households = households;
    this.members = members;
  }

  /** The stable rule id the conform stage reports for a line with this fault. */
  public String ruleId() {
    return ruleId;
  }

  /** The kinds that apply to a landing file, in declaration order. */
  public static List<ErrorKind> forFile(String file) {
    return Arrays.stream(values())
        .filter(k -> file.equals(LandingHouseholds.FILE) ? k.households : file.equals(LandingMembers.FILE) && k.members)
        .collect(Collectors.toList());
  }
}
