package org.tuopin.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tuopin.common.curated.ReconcileRule;
import org.tuopin.common.curated.Severity;
import org.tuopin.common.error.Errors;

/**
 * The typed, validated configuration of a Tuopin run. Built once at start by {@link #load}; every
 * value is checked there, so a job never meets a bad value half-way through a run.
 *
 * <p>Precedence, highest first: overrides ({@code -Dtuopin.key=value}), the file given with
 * {@code --conf}, then the embedded default {@code conf/local.conf}. Keys and their meaning are
 * documented in {@code conf/local.conf}.
 */
public record TuopinConfig(
    Environment environment,
    SparkSettings spark,
    Paths paths,
    Privacy privacy,
    Ingest ingest,
    Generator generator,
    Conform conform,
    Curated curated,
    CooperationSettings cooperation) {

  /** Where the run happens; production refuses the local conveniences. */
  public enum Environment {
    LOCAL,
    PRODUCTION
  }

  /** How the SparkSession is built (jobs build it; common never does). */
  public record SparkSettings(
      String master,
      String appName,
      int shufflePartitions,
      String logLevel,
      boolean uiEnabled,
      Map<String, String> extra,
      SmallWork smallWork) {}

  /**
   * Spark SQL settings a stage applies while its work is small (tuopin.spark.small-work): a stage
   * that reads at most maxLines new lines this run (0: never) runs its plans with these settings.
   */
  public record SmallWork(long maxLines, Map<String, String> settings) {
    /** True when work of this many lines is small. */
    public boolean covers(long lines) {
      return maxLines > 0 && lines <= maxLines;
    }
  }

  /** Roots of the layers; any Hadoop path. */
  public record Paths(String warehouse, String landing, String reports, String reference) {}

  /** Pseudonymisation key sources and disclosure control. */
  public record Privacy(String pseudonymKeyEnv, String pseudonymKeyFile, int smallCellThreshold) {}

  /** Ingest safety limits. */
  public record Ingest(double maxRowDropShare) {}

  /**
   * Limits of the conform stage's validation rules (see docs/rules.md).
   *
   * @param minYear earliest reporting, identification or exit year accepted
   * @param maxYear latest year accepted (a year after the batch's reporting year fails anyway)
   * @param maxPerCapitaIncome per-capita net income above this (yuan per year) is implausible
   * @param maxHouseholdSize household sizes above this are implausible
   * @param maxAge a member older than this at 31 December of the reporting year is implausible
   */
  public record Conform(int minYear, int maxYear, double maxPerCapitaIncome, int maxHouseholdSize, int maxAge) {}

  /** Defaults of the synthetic data generator. */
  public record Generator(
      long households,
      long seed,
      int firstYear,
      int lastYear,
      List<Integer> gb18030Provinces,
      GeneratorModel model) {}

  /**
   * Rules of the curated statistics (aggregate stage).
   *
   * @param safeWaterFromYear first reporting year in which safe water is part of the exit standard
   * @param afWeights Alkire-Foster weight per indicator (a silver.households flag column); they sum to 1
   * @param afCutoff Alkire-Foster poverty cut-off k on the weighted deprivation score, in (0, 1]
   * @param severities reconciliation severity per rule
   */
  public record Curated(
      int safeWaterFromYear,
      Map<String, Double> afWeights,
      double afCutoff,
      Map<ReconcileRule, Severity> severities) {}

  static final String ROOT = "tuopin";
  private static final String DEFAULTS_RESOURCE = "conf/local.conf";
  /** Weights are typed by hand in decimal: allow their sum the rounding of a few additions. */
  private static final double WEIGHT_SUM_TOLERANCE = 1e-9;
  private static final Set<String> LOG_LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

  /**
   * Loads and validates the configuration.
   *
   * @param file the file given with --conf, or null for the embedded default alone
   * @param overrides key=value pairs from the command line, keys with or without the "tuopin." prefix
   */
  public static TuopinConfig load(File file, Map<String, String> overrides) {
    Config defaults = ConfigFactory.parseResources(TuopinConfig.class.getClassLoader(), DEFAULTS_RESOURCE);
    if (defaults.isEmpty()) {
      throw Errors.configFile(DEFAULTS_RESOURCE, "the embedded default is missing from the class path; rebuild the jar");
    }
    Config fromFile = ConfigFactory.empty();
    if (file != null) {
      if (!file.isFile()) {
        throw Errors.configFile(file.getPath(), "no such file; pass an existing HOCON file to --conf");
      }
      try {
        fromFile = ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        throw Errors.configFile(file.getPath(), Errors.oneLine(e));
      }
    }
    Map<String, String> prefixed = new LinkedHashMap<>();
    overrides.forEach((k, v) -> prefixed.put(k.startsWith(ROOT + ".") ? k : ROOT + "." + k, v));
    Config merged;
    try {
      merged =
          ConfigFactory.parseMap(prefixed, "command line")
              .withFallback(fromFile)
              .withFallback(defaults)
              .resolve();
    } catch (ConfigException e) {
      throw Errors.configFile(file == null ? "(command line)" : file.getPath(), Errors.oneLine(e));
    }
    return from(merged, defaults);
  }

  /** Validates a merged configuration; unknown keys are refused so that a typo is never ignored. */
  static TuopinConfig from(Config c, Config defaults) {
    rejectUnknownKeys(c, defaults);
    Reader r = new Reader(c);
    Environment env = r.enumValue("environment", Environment.class);
    SparkSettings spark =
        new SparkSettings(
            r.string("spark.master", true),
            r.string("spark.app-name", false),
            r.intInRange("spark.shuffle-partitions", 1, 100_000),
            r.oneOf("spark.log-level", LOG_LEVELS),
            r.bool("spark.ui-enabled"),
            r.stringMap("spark.extra"),
            new SmallWork(r.longInRange("spark.small-work.max-lines", 0, Long.MAX_VALUE), r.stringMap("spark.small-work.settings")));
    Paths paths =
        new Paths(
            r.string("paths.warehouse", false),
            r.string("paths.landing", false),
            r.string("paths.reports", false),
            r.string("paths.reference", false));
    Privacy privacy =
        new Privacy(
            r.string("privacy.pseudonym-key-env", false),
            r.string("privacy.pseudonym-key-file", false),
            r.intInRange("privacy.small-cell-threshold", 0, 1_000_000));
    Ingest ingest = new Ingest(r.doubleInRange("ingest.max-row-drop-share", 0.0, 1.0));
    int firstYear = r.intInRange("generator.first-year", 2013, 2020);
    int lastYear = r.intInRange("generator.last-year", 2013, 2020);
    if (lastYear < firstYear) {
      throw Errors.config(
          ROOT + ".generator.last-year",
          "is " + lastYear + ", before generator.first-year " + firstYear,
          "set a last year on or after the first year");
    }
    Generator generator =
        new Generator(
            r.longInRange("generator.households", 1, 1_000_000_000L),
            r.longInRange("generator.seed", Long.MIN_VALUE, Long.MAX_VALUE),
            firstYear,
            lastYear,
            r.provinceList("generator.gb18030-provinces"),
            GeneratorModel.from(c, ROOT + ".generator.model"));
    int conformMinYear = r.intInRange("conform.min-year", 1949, 2100);
    int conformMaxYear = r.intInRange("conform.max-year", 1949, 2100);
    if (conformMaxYear < conformMinYear) {
      throw Errors.config(
          ROOT + ".conform.max-year",
          "is " + conformMaxYear + ", before conform.min-year " + conformMinYear,
          "set a max year on or after the min year");
    }
    Conform conform =
        new Conform(
            conformMinYear,
            conformMaxYear,
            r.doubleInRange("conform.max-per-capita-income", 1.0, 1.0e9),
            r.intInRange("conform.max-household-size", 1, 1000),
            r.intInRange("conform.max-age", 1, 200));
    Map<String, Double> weights = r.doubleMap("curated.af.weights", 0.0, 1.0);
    double weightSum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(weightSum - 1.0) > WEIGHT_SUM_TOLERANCE) {
      throw Errors.config(
          ROOT + ".curated.af.weights",
          "sum to " + Math.round(weightSum * 1e6) / 1e6 + ", not 1",
          "adjust the weights so that they sum to 1");
    }
    Map<ReconcileRule, Severity> severities = new java.util.EnumMap<>(ReconcileRule.class);
    for (ReconcileRule rule : ReconcileRule.values()) {
      severities.put(rule, r.enumValue("curated.reconcile." + rule.key(), Severity.class));
    }
    Curated curated =
        new Curated(
            r.intInRange("curated.safe-water-from-year", 2013, 2100),
            weights,
            r.doubleInRange("curated.af.cutoff", Double.MIN_VALUE, 1.0),
            Collections.unmodifiableMap(severities));
    CooperationSettings cooperation = CooperationSettings.from(c, ROOT + ".cooperation");
    return new TuopinConfig(env, spark, paths, privacy, ingest, generator, conform, curated, cooperation);
  }

  private static void rejectUnknownKeys(Config c, Config defaults) {
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig(ROOT).entrySet()) {
      String key = e.getKey();
      if (key.startsWith("spark.extra.") || key.startsWith("spark.small-work.settings.")) {
        continue;
      }
      if (!defaults.hasPath(ROOT + "." + key)) {
        unknown.add(ROOT + "." + key);
      }
    }
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw Errors.config(first, "is not a known setting", "check its spelling against conf/local.conf");
    }
  }

  /** Reads one typed value at a time and turns every problem into a one-line configuration error. */
  private static final class Reader {
    private final Config c;

    Reader(Config c) {
      this.c = c;
    }

    private String key(String k) {
      return ROOT + "." + k;
    }

    String string(String k, boolean emptyAllowed) {
      String v;
      try {
        v = c.getString(key(k));
      } catch (ConfigException.Missing e) {
        throw Errors.config(key(k), "is missing", "add it (see conf/local.conf)");
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be a string", "quote the value");
      }
      if (!emptyAllowed && v.isBlank()) {
        throw Errors.config(key(k), "is empty", "give it a value (see conf/local.conf)");
      }
      return v;
    }

    <E extends Enum<E>> E enumValue(String k, Class<E> type) {
      String v = string(k, false);
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(v)) {
          return e;
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name().toLowerCase(Locale.ROOT));
      }
      throw Errors.config(key(k), "is '" + v + "'", "use one of " + String.join(", ", names));
    }

    String oneOf(String k, Set<String> allowed) {
      String v = string(k, false).toUpperCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw Errors.config(key(k), "is '" + v + "'", "use one of " + String.join(", ", new TreeSet<>(allowed)));
      }
      return v;
    }

    boolean bool(String k) {
      try {
        return c.getBoolean(key(k));
      } catch (ConfigException.Missing e) {
        throw Errors.config(key(k), "is missing", "add it (see conf/local.conf)");
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be true or false", "write true or false");
      }
    }

    long longInRange(String k, long min, long max) {
      long v;
      try {
        v = c.getLong(key(k));
      } catch (ConfigException.Missing e) {
        throw Errors.config(key(k), "is missing", "add it (see conf/local.conf)");
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be a whole number", "write a whole number");
      }
      if (v < min || v > max) {
        throw Errors.config(key(k), "is " + v + ", outside " + min + ".." + max, "use a value in that range");
      }
      return v;
    }

    int intInRange(String k, int min, int max) {
      return (int) longInRange(k, min, max);
    }

    double doubleInRange(String k, double min, double max) {
      double v;
      try {
        v = c.getDouble(key(k));
      } catch (ConfigException.Missing e) {
        throw Errors.config(key(k), "is missing", "add it (see conf/local.conf)");
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be a number", "write a number such as 0.2");
      }
      if (Double.isNaN(v) || v < min || v > max) {
        throw Errors.config(key(k), "is " + v + ", outside " + min + ".." + max, "use a value in that range");
      }
      return v;
    }

    Map<String, String> stringMap(String k) {
      if (!c.hasPath(key(k))) {
        return Map.of();
      }
      Map<String, String> out = new LinkedHashMap<>();
      Config sub;
      try {
        sub = c.getConfig(key(k));
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be an object of key = value", "write it as { \"spark.x\" = \"value\" }");
      }
      for (Map.Entry<String, ConfigValue> e : sub.entrySet()) {
        out.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
      }
      return Collections.unmodifiableMap(out);
    }

    Map<String, Double> doubleMap(String k, double min, double max) {
      Config sub;
      try {
        sub = c.getConfig(key(k));
      } catch (ConfigException.Missing e) {
        throw Errors.config(key(k), "is missing", "add it (see conf/local.conf)");
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be an object of name = number", "write it as { name = 0.2 }");
      }
      Map<String, Double> out = new LinkedHashMap<>();
      for (String name : new TreeSet<>(sub.root().keySet())) {
        out.put(name, doubleInRange(k + "." + name, min, max));
      }
      return Collections.unmodifiableMap(out);
    }

    List<Integer> provinceList(String k) {
      List<Integer> v;
      try {
        v = c.getIntList(key(k));
      } catch (ConfigException.Missing e) {
        throw Errors.config(key(k), "is missing", "add it (see conf/local.conf)");
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be a list of 2-digit province codes", "write it as [52, 53]");
      }
      for (int p : v) {
        if (p < 11 || p > 82) {
          throw Errors.config(key(k), "contains " + p + ", not a 2-digit province code", "use codes such as 52 or 53");
        }
      }
      return List.copyOf(v);
    }
  }
}
