package org.tuopin.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.tuopin.common.domain.Codebook;
import org.tuopin.common.domain.Coded;
import org.tuopin.common.error.Errors;

/**
 * The parameters of the synthetic register model ({@code tuopin.generator.model} in conf/local.conf,
 * where each key is documented; docs/generator.md explains the model). Distributions over a code
 * list are held as shares in the declaration order of the code's enum.
 */
public record GeneratorModel(
    int registerYear,
    double poorCountyWeight,
    int householdsPerVillage,
    int villagesPerTownship,
    double poorInitialIncidenceMinFactor,
    double poorInitialIncidenceMaxFactor,
    double nonPoorInitialIncidenceMin,
    double nonPoorInitialIncidenceMax,
    double aboveThresholdFactor,
    double belowThresholdFactor,
    double ruralPopulationDrift,
    List<Double> householdSizeShares,
    List<Double> attributeShares,
    List<Double> causeShares,
    double poorIncomeMinFactor,
    double poorIncomeMaxFactor,
    double exitIncomeMinFactor,
    double exitIncomeMaxFactor,
    double questionableExitShare,
    double returnShare,
    double removalShare,
    double newIdentificationShare,
    double unmetAssuranceShare,
    int safeWaterFromYear,
    double relocatedShare,
    double headMaleShare,
    List<Double> healthShares,
    double skilledLabourShare,
    double weakLabourShare,
    double dropOutShare,
    double vocationalShare,
    double higherEducationShare,
    double medicalInsuranceShare,
    double worksAwayShare,
    double helperProvinceShare,
    int surveySampleMin,
    int surveySampleMax,
    double surveyMaxMissedShare,
    double surveyMinApprovalShare) {

  /** The largest household size the model makes (the length of household-size-shares). */
  public static final int MAX_HOUSEHOLD_SIZE = 8;

  /** Reads and validates the block at {@code path} (for example {@code tuopin.generator.model}). */
  static GeneratorModel from(Config c, String path) {
    R r = new R(c, path);
    double poorMin = r.number("poor-initial-incidence-min-factor", 1.0, 50.0);
    double poorMax = r.atLeast("poor-initial-incidence-max-factor", poorMin, 50.0, "poor-initial-incidence-min-factor");
    double nonPoorMin = r.number("non-poor-initial-incidence-min", 0.0, 0.5);
    double nonPoorMax = r.atLeast("non-poor-initial-incidence-max", nonPoorMin, 0.5, "non-poor-initial-incidence-min");
    double above = r.number("above-threshold-factor", 1.0, 10.0);
    double below = r.number("below-threshold-factor", 0.0, 1.0);
    if (above > poorMin) {
      throw Errors.config(
          path + ".above-threshold-factor",
          "is " + above + ", above poor-initial-incidence-min-factor " + poorMin,
          "keep it at or below the smallest initial factor");
    }
    double poorIncMin = r.number("poor-income-min-factor", 0.0, 10.0);
    double poorIncMax = r.atLeast("poor-income-max-factor", poorIncMin, 10.0, "poor-income-min-factor");
    double exitIncMin = r.number("exit-income-min-factor", 1.0, 10.0);
    double exitIncMax = r.atLeast("exit-income-max-factor", exitIncMin, 10.0, "exit-income-min-factor");
    int sampleMin = r.integer("survey-sample-min", 1, 1_000_000);
    int sampleMax = r.integer("survey-sample-max", sampleMin, 1_000_000);
    if (exitIncMin <= 1.0) {
      throw Errors.config(path + ".exit-income-min-factor", "is " + exitIncMin + ", not above the line", "use a value above 1.0");
    }
    return new GeneratorModel(
        r.integer("register-year", 2013, 2020),
        r.number("poor-county-weight", 0.01, 1000.0),
        r.integer("households-per-village", 1, 9999),
        r.integer("villages-per-township", 1, 799),
        poorMin,
        poorMax,
        nonPoorMin,
        nonPoorMax,
        above,
        below,
        r.number("rural-population-drift", 0.0, 0.05),
        r.shareList("household-size-shares", MAX_HOUSEHOLD_SIZE),
        r.shareMap("attribute-shares", Codebook.HouseholdAttribute.class),
        r.shareMap("cause-shares", Codebook.PovertyCause.class),
        poorIncMin,
        poorIncMax,
        exitIncMin,
        exitIncMax,
        r.number("questionable-exit-share", 0.0, 1.0),
        r.number("return-share", 0.0, 1.0),
        r.number("removal-share", 0.0, 1.0),
        r.number("new-identification-share", 0.0, 1.0),
        r.number("unmet-assurance-share", 0.0, 1.0),
        r.integer("safe-water-from-year", 2013, 2100),
        r.number("relocated-share", 0.0, 1.0),
        r.number("head-male-share", 0.0, 1.0),
        r.shareMap("health-shares", Codebook.Health.class),
        r.number("skilled-labour-share", 0.0, 1.0),
        r.number("weak-labour-share", 0.0, 1.0),
        r.number("drop-out-share", 0.0, 1.0),
        r.number("vocational-share", 0.0, 1.0),
        r.number("higher-education-share", 0.0, 1.0),
        r.number("medical-insurance-share", 0.0, 1.0),
        r.number("works-away-share", 0.0, 1.0),
        r.number("helper-province-share", 0.0, 1.0),
        sampleMin,
        sampleMax,
        r.number("survey-max-missed-share", 0.0, 1.0),
        r.number("survey-min-approval-share", 0.0, 1.0));
  }

  /** Typed reads under one path, each problem a one-line configuration error naming the key. */
  private static final class R {
    private static final double SUM_TOLERANCE = 1e-6;
    private final Config c;
    private final String path;

    R(Config c, String path) {
      this.c = c;
      this.path = path;
    }

    private String key(String k) {
      return path + "." + k;
    }

    double number(String k, double min, double max) {
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

    double atLeast(String k, double min, double max, String otherKey) {
      double v = number(k, 0.0, max);
      if (v < min) {
        throw Errors.config(key(k), "is " + v + ", below " + otherKey + " " + min, "use a value at or above it");
      }
      return v;
    }

    int integer(String k, int min, int max) {
      int v;
      try {
        v = c.getInt(key(k));
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

    List<Double> shareList(String k, int size) {
      List<Double> v;
      try {
        v = c.getDoubleList(key(k));
      } catch (ConfigException.Missing e) {
        throw Errors.config(key(k), "is missing", "add it (see conf/local.conf)");
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be a list of numbers", "write it as [0.5, 0.5]");
      }
      if (v.size() != size) {
        throw Errors.config(key(k), "has " + v.size() + " shares", "give exactly " + size);
      }
      return checkShares(k, v);
    }

    <E extends Enum<E> & Coded> List<Double> shareMap(String k, Class<E> type) {
      Config sub;
      try {
        sub = c.getConfig(key(k));
      } catch (ConfigException.Missing e) {
        throw Errors.config(key(k), "is missing", "add it (see conf/local.conf)");
      } catch (ConfigException.WrongType e) {
        throw Errors.config(key(k), "must be an object of CODE = share", "write it as { CODE = 0.5, ... }");
      }
      Set<String> names = new TreeSet<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name());
      }
      for (String present : sub.root().keySet()) {
        if (!names.contains(present)) {
          throw Errors.config(key(k) + "." + present, "is not a code of " + type.getSimpleName(), "use one of " + String.join(", ", names));
        }
      }
      List<Double> out = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        out.add(sub.hasPath(e.name()) ? number(k + "." + e.name(), 0.0, 1.0) : 0.0);
      }
      return checkShares(k, out);
    }

    private List<Double> checkShares(String k, List<Double> v) {
      double sum = 0;
      for (double d : v) {
        if (Double.isNaN(d) || d < 0 || d > 1) {
          throw Errors.config(key(k), "contains " + d + ", not a share", "use shares between 0 and 1");
        }
        sum += d;
      }
      if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
        throw Errors.config(
            key(k), String.format(Locale.ROOT, "sums to %.4f", sum), "make the shares sum to 1");
      }
      return List.copyOf(v);
    }
  }
}
