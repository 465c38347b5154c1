package org.tuopin.common.yearend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuopin.common.config.TuopinConfig;

/** The rule version names the settings that decide the figures, and changes when one of them does. */
class RuleVersionTest {

  @Test
  void textListsTheRulesSortedAndTheHashFollowsThem() {
    TuopinConfig base = TuopinConfig.load(null, Map.of());
    String text = RuleVersion.text(base, "abc");
    assertTrue(text.startsWith("curated.af.cutoff=0.4\ncurated.af.weights.basic_medical_care=0.2\n"), text);
    assertTrue(text.contains("\nprivacy.small-cell-threshold=10\nreference.fingerprint=abc\n"), text);
    assertEquals(16, RuleVersion.hash(text).length());
    assertEquals(RuleVersion.hash(text), RuleVersion.hash(RuleVersion.text(TuopinConfig.load(null, Map.of()), "abc")));

    TuopinConfig k5 = TuopinConfig.load(null, Map.of("privacy.small-cell-threshold", "5"));
    assertNotEquals(RuleVersion.hash(text), RuleVersion.hash(RuleVersion.text(k5, "abc")));
    assertNotEquals(RuleVersion.hash(text), RuleVersion.hash(RuleVersion.text(base, "other reference files")));
    // Settings that do not decide published figures (paths, Spark) leave the version alone.
    TuopinConfig elsewhere = TuopinConfig.load(null, Map.of("paths.reports", "/elsewhere", "spark.shuffle-partitions", "3"));
    assertEquals(RuleVersion.hash(text), RuleVersion.hash(RuleVersion.text(elsewhere, "abc")));
  }
}
