package org.tuopin.common.generate;

import java.util.List;
import org.tuopin.common.config.GeneratorModel;

/**
 * What to generate: the provinces (6-digit codes), the number of registered households over the
 * whole period, the seed, the reporting years and the model parameters.
 *
 * @param provinces 6-digit province codes, sorted, at least one
 * @param households households ever registered, spread over the counties of those provinces
 * @param seed every random choice is a hash of the seed and stable keys, so a seed fixes the output
 * @param firstYear first reporting year
 * @param lastYear last reporting year
 * @param injectRate share of data lines to corrupt (0 for clean data)
 * @param model the model's parameters
 */
public record GenerateParams(
    List<String> provinces,
    long households,
    long seed,
    int firstYear,
    int lastYear,
    double injectRate,
    GeneratorModel model) {

  public GenerateParams {
    provinces = List.copyOf(provinces);
  }

  /** The year before the first reporting year: the register as it stood when reporting began. */
  public int baselineYear() {
    return firstYear - 1;
  }

  /** Identified year of the households registered at the start. */
  public int originalIdentifiedYear() {
    return Math.min(model.registerYear(), firstYear);
  }
}
