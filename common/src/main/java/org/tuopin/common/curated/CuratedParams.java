package org.tuopin.common.curated;

import java.util.Map;
import org.tuopin.common.config.TuopinConfig;

/**
 * The configuration the curated statistics depend on (conf/local.conf, tuopin.curated and
 * tuopin.privacy), separated from the rest so that the rules can be tested without a config file.
 *
 * @param smallCellThreshold areas with fewer poor persons than this (and more than none) are suppressed
 * @param safeWaterFromYear first year in which safe water is part of the exit standard
 * @param afWeights Alkire-Foster weight per indicator column; zero weights are left out
 * @param afCutoff Alkire-Foster cut-off k
 */
public record CuratedParams(
    int smallCellThreshold, int safeWaterFromYear, Map<String, Double> afWeights, double afCutoff) {

  public CuratedParams {
    afWeights = Map.copyOf(afWeights);
  }

  public static CuratedParams from(TuopinConfig config) {
    TuopinConfig.Curated c = config.curated();
    return new CuratedParams(
        config.privacy().smallCellThreshold(), c.safeWaterFromYear(), c.afWeights(), c.afCutoff());
  }
}
