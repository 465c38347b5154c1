package org.tuopin.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuopin.common.curated.ReconcileRule;
import org.tuopin.common.curated.Severity;
import org.tuopin.common.error.TuopinException;

/** The tuopin.curated keys: defaults and one-line errors. */
class CuratedConfigTest {

  @Test
  void defaults() {
    TuopinConfig.Curated c = TuopinConfig.load(null, Map.of()).curated();
    assertEquals(2019, c.safeWaterFromYear());
    assertEquals(5, c.afWeights().size());
    assertEquals(0.2, c.afWeights().get("safe_water"));
    assertEquals(0.4, c.afCutoff());
    assertEquals(Severity.FAIL, c.severities().get(ReconcileRule.ROLLUP));
    assertEquals(Severity.FAIL, c.severities().get(ReconcileRule.HOUSEHOLD_STOCK));
    assertEquals(Severity.WARN, c.severities().get(ReconcileRule.PERSON_STOCK));
    assertEquals(Severity.WARN, c.severities().get(ReconcileRule.DELISTED));
  }

  @Test
  void weightsMustSumToOne() {
    TuopinException e =
        assertThrows(TuopinException.class, () -> TuopinConfig.load(null, Map.of("curated.af.weights.safe_water", "0.5")));
    assertEquals(
        "configuration key 'tuopin.curated.af.weights' sum to 1.3, not 1; adjust the weights so that they sum to 1",
        e.getMessage());
  }

  @Test
  void anUnknownIndicatorIsRefused() {
    TuopinException e =
        assertThrows(TuopinException.class, () -> TuopinConfig.load(null, Map.of("curated.af.weights.income", "0.1")));
    assertEquals(
        "configuration key 'tuopin.curated.af.weights.income' is not a known setting; check its spelling against conf/local.conf",
        e.getMessage());
  }

  @Test
  void severityIsWarnOrFail() {
    TuopinException e =
        assertThrows(TuopinException.class, () -> TuopinConfig.load(null, Map.of("curated.reconcile.rollup", "stop")));
    assertEquals("configuration key 'tuopin.curated.reconcile.rollup' is 'stop'; use one of warn, fail", e.getMessage());
  }
}
