package org.tuopin.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tuopin.common.cooperation.Aspect;
import org.tuopin.common.cooperation.Indicator;
import org.tuopin.common.error.Errors;

/**
 * The East-West cooperation assessment ({@code tuopin.cooperation} in conf/local.conf, where each
 * key is documented; docs/cooperation.md explains the method).
 *
 * @param helperWeights weight of each aspect in the total of the helping side; together 1
 * @param helpedWeights weight of each aspect in the total of the helped side; together 1
 * @param indicatorWeights weight of each indicator within its aspect; each aspect's together 1
 * @param benchmarkQuantile the quantile of the peers' values that scores 100 (1 = the best peer;
 *     lower values keep one outlier from flattening every other peer's score); in (0, 1]
 * @param good lowest total graded 好
 * @param fairlyGood lowest total graded 较好
 * @param average lowest total graded 一般 (below: 较差)
 * @param rosterBaseYear the year in which each province of the rotation assesses the next one
 * @param rosterOrder the provinces of the cross-assessment rotation (6-digit codes), in order
 */
public record CooperationSettings(
    Map<Aspect, Double> helperWeights,
    Map<Aspect, Double> helpedWeights,
    Map<Indicator, Double> indicatorWeights,
    double benchmarkQuantile,
    double good,
    double fairlyGood,
    double average,
    int rosterBaseYear,
    List<String> rosterOrder) {

  private static final double SUM_TOLERANCE = 1e-9;
  private static final double MAX_SCORE = 100.0;

  public CooperationSettings {
    helperWeights = Collections.unmodifiableMap(new EnumMap<>(helperWeights));
    helpedWeights = Collections.unmodifiableMap(new EnumMap<>(helpedWeights));
    indicatorWeights = Collections.unmodifiableMap(new EnumMap<>(indicatorWeights));
    rosterOrder = List.copyOf(rosterOrder);
  }

  static CooperationSettings from(Config c, String path) {
    Map<Aspect, Double> helper = aspectWeights(c, path + ".aspect-weights.helper");
    Map<Aspect, Double> helped = aspectWeights(c, path + ".aspect-weights.helped");
    Map<Indicator, Double> indicators = new EnumMap<>(Indicator.class);
    String ik = path + ".indicator-weights";
    Config sub = object(c, ik);
    Set<String> known = new HashSet<>();
    for (Indicator i : Indicator.values()) {
      known.add(i.key());
      indicators.put(i, number(c, ik + "." + i.key(), 0.0, 1.0));
    }
    for (String k : sub.root().keySet()) {
      if (!known.contains(k)) {
        throw Errors.config(ik + "." + k, "is not an indicator", "use the indicators listed in conf/local.conf and docs/cooperation.md");
      }
    }
    for (Aspect a : Aspect.values()) {
      double sum = 0;
      for (Indicator i : Indicator.values()) {
        if (i.aspect() == a) {
          sum += indicators.get(i);
        }
      }
      if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
        throw Errors.config(
            ik, "of aspect " + a.key() + " sum to " + Math.round(sum * 1e6) / 1e6 + ", not 1",
            "adjust the weights of that aspect's indicators so that they sum to 1");
      }
    }
    String bk = path + ".benchmark-quantile";
    double benchmarkQuantile = number(c, bk, 0.0, 1.0);
    if (benchmarkQuantile <= 0.0) {
      throw Errors.config(bk, "is 0", "use a quantile above 0 and at most 1 (1 = the best peer scores 100)");
    }
    String gk = path + ".grades";
    double good = number(c, gk + ".good", 0.0, MAX_SCORE);
    double fairlyGood = number(c, gk + ".fairly-good", 0.0, MAX_SCORE);
    double average = number(c, gk + ".average", 0.0, MAX_SCORE);
    if (!(good > fairlyGood && fairlyGood > average)) {
      throw Errors.config(
          gk, "has good " + good + ", fairly-good " + fairlyGood + ", average " + average,
          "give descending cut-offs: good > fairly-good > average");
    }
    String rk = path + ".roster";
    int baseYear = (int) whole(c, rk + ".base-year", 2013, 2100);
    List<String> order;
    try {
      order = c.getStringList(rk + ".order");
    } catch (ConfigException.Missing e) {
      throw Errors.config(rk + ".order", "is missing", "add it (see conf/local.conf)");
    } catch (ConfigException.WrongType e) {
      throw Errors.config(rk + ".order", "must be a list of 6-digit province codes", "write it as [\"320000\", \"440000\"]");
    }
    Set<String> seen = new HashSet<>();
    for (String p : order) {
      if (!p.matches("[1-8][0-9]0000")) {
        throw Errors.config(rk + ".order", "contains '" + p + "', not a 6-digit province code", "use codes such as \"320000\"");
      }
      if (!seen.add(p)) {
        throw Errors.config(rk + ".order", "lists " + p + " twice", "list each province once");
      }
    }
    if (order.size() < 2) {
      throw Errors.config(rk + ".order", "has " + order.size() + " province(s)", "list at least two provinces: nobody assesses itself");
    }
    return new CooperationSettings(helper, helped, indicators, benchmarkQuantile, good, fairlyGood, average, baseYear, new ArrayList<>(order));
  }

  private static Map<Aspect, Double> aspectWeights(Config c, String k) {
    Config sub = object(c, k);
    Map<Aspect, Double> out = new EnumMap<>(Aspect.class);
    Set<String> known = new HashSet<>();
    double sum = 0;
    for (Aspect a : Aspect.values()) {
      known.add(a.key());
      double w = number(c, k + "." + a.key(), 0.0, 1.0);
      out.put(a, w);
      sum += w;
    }
    for (String name : sub.root().keySet()) {
      if (!known.contains(name)) {
        throw Errors.config(k + "." + name, "is not an aspect", "use poverty-reduction, labour, industry, talent, funding");
      }
    }
    if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
      throw Errors.config(k, "sum to " + Math.round(sum * 1e6) / 1e6 + ", not 1", "adjust the weights so that they sum to 1");
    }
    return out;
  }

  private static Config object(Config c, String k) {
    try {
      return c.getConfig(k);
    } catch (ConfigException.Missing e) {
      throw Errors.config(k, "is missing", "add it (see conf/local.conf)");
    } catch (ConfigException.WrongType e) {
      throw Errors.config(k, "must be an object of name = number", "write it as { name = 0.2 }");
    }
  }

  private static double number(Config c, String k, double min, double max) {
    double v;
    try {
      v = c.getDouble(k);
    } catch (ConfigException.Missing e) {
      throw Errors.config(k, "is missing", "add it (see conf/local.conf)");
    } catch (ConfigException.WrongType e) {
      throw Errors.config(k, "must be a number", "write a number such as 0.2");
    }
    if (Double.isNaN(v) || v < min || v > max) {
      throw Errors.config(k, "is " + v + ", outside " + min + ".." + max, "use a value in that range");
    }
    return v;
  }

  private static long whole(Config c, String k, long min, long max) {
    long v;
    try {
      v = c.getLong(k);
    } catch (ConfigException.Missing e) {
      throw Errors.config(k, "is missing", "add it (see conf/local.conf)");
    } catch (ConfigException.WrongType e) {
      throw Errors.config(k, "must be a whole number", "write a whole number");
    }
    if (v < min || v > max) {
      throw Errors.config(k, "is " + v + ", outside " + min + ".." + max, "use a value in that range");
    }
    return v;
  }

  /** The aspect weights of a side (CuratedCooperationAssessment.SIDE_HELPER or SIDE_HELPED). */
  public Map<Aspect, Double> aspectWeights(boolean helperSide) {
    return helperSide ? helperWeights : helpedWeights;
  }
}
