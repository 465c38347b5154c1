package org.tuopin.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuopin.common.error.TuopinException;

/** The generator model block of the configuration: defaults load, bad values name their key. */
class GeneratorModelTest {

  private static String error(Map<String, String> overrides) {
    return assertThrows(TuopinException.class, () -> TuopinConfig.load(null, overrides)).getMessage();
  }

  @Test
  void defaultsLoad() {
    GeneratorModel m = TuopinConfig.load(null, Map.of()).generator().model();
    assertEquals(8, m.householdSizeShares().size());
    assertEquals(0.42, m.causeShares().get(0), 1e-12);
    assertEquals(2019, m.safeWaterFromYear());
  }

  @Test
  void aShareOutsideZeroToOneNamesItsKey() {
    assertEquals(
        "configuration key 'tuopin.generator.model.return-share' is 2.0, outside 0.0..1.0; use a value in that range",
        error(Map.of("generator.model.return-share", "2")));
  }

  @Test
  void sharesThatDoNotSumToOneAreRefused() {
    assertEquals(
        "configuration key 'tuopin.generator.model.cause-shares' sums to 1.0800; make the shares sum to 1",
        error(Map.of("generator.model.cause-shares.ILLNESS", "0.5")));
  }

  @Test
  void aThresholdMarginThatCannotBeReachedIsRefused() {
    assertEquals(
        "configuration key 'tuopin.generator.model.above-threshold-factor' is 4.0, above poor-initial-incidence-min-factor 3.0; keep it at or below the smallest initial factor",
        error(Map.of("generator.model.above-threshold-factor", "4")));
  }
}
