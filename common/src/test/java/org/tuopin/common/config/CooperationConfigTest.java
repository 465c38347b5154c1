package org.tuopin.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.common.cooperation.Aspect;
import org.tuopin.common.cooperation.Indicator;
import org.tuopin.common.error.TuopinException;

/** The tuopin.cooperation keys: defaults and one-line errors. */
class CooperationConfigTest {

  @Test
  void defaultsFavourResultsOverInputs() {
    CooperationSettings c = TuopinConfig.load(null, Map.of()).cooperation();
    for (boolean helper : new boolean[] {true, false}) {
      Map<Aspect, Double> w = c.aspectWeights(helper);
      for (Aspect a : Aspect.values()) {
        if (a != Aspect.POVERTY_REDUCTION) {
          assertEquals(true, w.get(Aspect.POVERTY_REDUCTION) > w.get(a), "poverty reduction outweighs " + a);
        }
      }
    }
    assertEquals(0.5, c.helpedWeights().get(Aspect.POVERTY_REDUCTION));
    assertEquals(0.6, c.indicatorWeights().get(Indicator.EXIT_RATE));
    assertEquals(85.0, c.good());
    assertEquals(70.0, c.fairlyGood());
    assertEquals(55.0, c.average());
    assertEquals(2016, c.rosterBaseYear());
    assertEquals("320000", c.rosterOrder().get(0));
    assertEquals("440000", c.rosterOrder().get(1));
  }

  @Test
  void aspectWeightsMustSumToOne() {
    assertMessage(
        Map.of("cooperation.aspect-weights.helper.funding", "0.25"),
        "configuration key 'tuopin.cooperation.aspect-weights.helper' sum to 1.1, not 1; adjust the weights so that they sum to 1");
  }

  @Test
  void indicatorWeightsOfAnAspectMustSumToOne() {
    assertMessage(
        Map.of("cooperation.indicator-weights.fiscal_aid", "0.5"),
        "configuration key 'tuopin.cooperation.indicator-weights' of aspect funding sum to 0.8, not 1;"
            + " adjust the weights of that aspect's indicators so that they sum to 1");
  }

  @Test
  void anUnknownIndicatorIsRefused() {
    assertMessage(
        Map.of("cooperation.indicator-weights.gdp", "0.1"),
        "configuration key 'tuopin.cooperation.indicator-weights.gdp' is not a known setting; check its spelling against conf/local.conf");
  }

  @Test
  void theBenchmarkQuantileIsAboveZeroAndAtMostOne() {
    assertEquals(0.9, TuopinConfig.load(null, Map.of()).cooperation().benchmarkQuantile());
    assertMessage(
        Map.of("cooperation.benchmark-quantile", "0"),
        "configuration key 'tuopin.cooperation.benchmark-quantile' is 0; use a quantile above 0 and at most 1 (1 = the best peer scores 100)");
    assertMessage(
        Map.of("cooperation.benchmark-quantile", "1.5"),
        "configuration key 'tuopin.cooperation.benchmark-quantile' is 1.5, outside 0.0..1.0; use a value in that range");
  }

  @Test
  void gradeCutOffsMustDescend() {
    assertMessage(
        Map.of("cooperation.grades.average", "75"),
        "configuration key 'tuopin.cooperation.grades' has good 85.0, fairly-good 70.0, average 75.0;"
            + " give descending cut-offs: good > fairly-good > average");
  }

  @Test
  void aRosterProvinceListedTwiceIsRefused(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("roster.conf");
    Files.writeString(f, "tuopin.cooperation.roster.order = [\"320000\", \"440000\", \"320000\"]\n");
    TuopinException e = assertThrows(TuopinException.class, () -> TuopinConfig.load(f.toFile(), Map.of()));
    assertEquals("configuration key 'tuopin.cooperation.roster.order' lists 320000 twice; list each province once", e.getMessage());
    assertMessage(
        Map.of("cooperation.roster.order", "320000"),
        "configuration key 'tuopin.cooperation.roster.order' must be a list of 6-digit province codes; write it as [\"320000\", \"440000\"]");
  }

  private static void assertMessage(Map<String, String> overrides, String expected) {
    TuopinException e = assertThrows(TuopinException.class, () -> TuopinConfig.load(null, overrides));
    assertEquals(expected, e.getMessage());
  }
}
