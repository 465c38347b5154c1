package org.tuopin.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.id.DivisionCode;
import org.tuopin.jobs.GenerateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin generate}: writes a synthetic national register as landing batches. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic register (建档立卡) as landing batches: per province and year a FULL batch",
      "<out>/<province>/<province>-<year>-FULL-001/ with manifest.json, households.csv, members.csv and",
      "population.csv, plus <out>/_generator/expected_county_year.csv (and injected_errors.csv).",
      "The same arguments always give byte-identical files. See docs/generator.md."
    })
public final class GenerateCommand extends JobCommand {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);
  private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");
  private static final Pattern PROVINCE2 = Pattern.compile("\\d{2}");
  private static final Pattern PROVINCE6 = Pattern.compile("\\d{2}0000");

  @Option(names = "--out", paramLabel = "DIR", description = "Landing root to write into (default: tuopin.paths.landing).")
  String out;

  @Option(
      names = "--provinces",
      paramLabel = "LIST",
      description = "Comma-separated province codes, 2-digit (52) or 6-digit (520000); default: the 22 provinces with poor counties.")
  String provinces;

  @Option(names = "--households", paramLabel = "N", description = "Households ever registered, over all provinces (default: tuopin.generator.households).")
  Long households;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default: tuopin.generator.seed).")
  Long seed;

  @Option(names = "--years", paramLabel = "FIRST-LAST", description = "Reporting years, e.g. 2014-2020 or 2016 (default: tuopin.generator.first-year to last-year).")
  String years;

  @Option(
      names = "--inject-errors",
      paramLabel = "RATE",
      description = "Share of household and member lines to corrupt, 0 to 1 (default 0); listed in _generator/injected_errors.csv.")
  Double injectErrors;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    GenerateJob.Request request = request(config);
    return withSpark(
        config,
        ctx -> {
          GenerateJob.Result r = new GenerateJob(ctx, request).execute();
          LOG.info(
              "generate: {} batches in {}: {} households, {} members, {} villages lines, {} injected errors, {} MB, {} s",
              r.batches(), r.out(), r.householdRows(), r.memberRows(), r.populationRows(), r.injectedLines(),
              r.bytes() / 1_000_000, r.elapsed().toMillis() / 1000.0);
          return ExitStatus.OK;
        });
  }

  /** The validated request: options over configuration defaults; every bad value is a usage error. */
  GenerateJob.Request request(TuopinConfig config) {
    TuopinConfig.Generator g = config.generator();
    long n = households == null ? g.households() : households;
    if (n < 1) {
      throw Errors.usage("--households", "is " + n, "give a whole number of at least 1");
    }
    int first = g.firstYear();
    int last = g.lastYear();
    if (years != null) {
      Matcher m = YEARS.matcher(years.trim());
      if (!m.matches()) {
        throw Errors.usage("--years", "is '" + years + "'", "write FIRST-LAST such as 2014-2020, or one year");
      }
      first = Integer.parseInt(m.group(1));
      last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
      if (first < 2013 || last > 2020 || first > last) {
        throw Errors.usage("--years", "is '" + years + "'", "choose years from 2013 to 2020, the first not after the last");
      }
    }
    double rate = injectErrors == null ? 0.0 : injectErrors;
    if (Double.isNaN(rate) || rate < 0 || rate > 1) {
      throw Errors.usage("--inject-errors", "is " + injectErrors, "give a share between 0 and 1, such as 0.01");
    }
    String dir = out == null ? config.paths().landing() : out;
    if (dir.isBlank()) {
      throw Errors.usage("--out", "is empty", "name the landing folder to write into");
    }
    return new GenerateJob.Request(dir, provinceList(), n, seed == null ? g.seed() : seed, first, last, rate);
  }

  private List<String> provinceList() {
    List<String> codes = new ArrayList<>();
    if (provinces == null) {
      return codes;
    }
    for (String raw : provinces.split(",", -1)) {
      String s = raw.trim();
      String code;
      if (PROVINCE2.matcher(s).matches()) {
        code = s + "0000";
      } else if (PROVINCE6.matcher(s).matches()) {
        code = s;
      } else {
        throw Errors.usage("--provinces", "has '" + s + "', not a province code", "use 2-digit (52) or 6-digit (520000) codes separated by commas");
      }
      if (!DivisionCode.isProvincePrefix(Integer.parseInt(code.substring(0, 2)))) {
        throw Errors.usage("--provinces", "has '" + s + "', not a province code", "use 2-digit (52) or 6-digit (520000) codes separated by commas");
      }
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    return codes;
  }
}
