package org.tuopin.common.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.conform.Rule;
import org.tuopin.common.conform.Rules;
import org.tuopin.common.conform.Severity;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;

/**
 * The outcome the generator promises for each injected fault must be a quarantine rule that conform
 * really has, for every file the fault is written to. Until this test existed, 8 of the 13 kinds named
 * rule ids that no rule carried (ID_LEGACY_15_DIGITS, INCOME_NON_NEGATIVE, ...).
 */
class ErrorKindTest {
  private static final TuopinConfig.Conform LIMITS = TuopinConfig.load(null, Map.of()).conform();

  private static Set<String> quarantineRules(List<Rule> rules) {
    return rules.stream().filter(r -> r.severity() == Severity.QUARANTINE).map(Rule::id).collect(Collectors.toSet());
  }

  @Test
  void everyKindNamesAQuarantineRuleOfEachTableItIsWrittenTo() {
    Map<String, Set<String>> byFile =
        Map.of(
            LandingHouseholds.FILE, quarantineRules(Rules.households(LIMITS)),
            LandingMembers.FILE, quarantineRules(Rules.members(LIMITS)));
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, Set<String>> f : byFile.entrySet()) {
      List<ErrorKind> kinds = ErrorKind.forFile(f.getKey());
      assertFalse(kinds.isEmpty(), f.getKey());
      for (ErrorKind k : kinds) {
        if (!f.getValue().contains(k.ruleId())) {
          unknown.add(k + " in " + f.getKey() + ": " + k.ruleId());
        }
      }
    }
    assertEquals(List.of(), unknown);
  }

  @Test
  void kindsAreWrittenToTheFilesTheirRulesCover() {
    assertEquals(11, ErrorKind.forFile(LandingHouseholds.FILE).size());
    assertEquals(7, ErrorKind.forFile(LandingMembers.FILE).size());
    // Rules of population exist, but the generator never corrupts population.csv.
    assertEquals(List.of(), ErrorKind.forFile(LandingPopulation.FILE));
  }
}
