package org.tuopin.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.RuntimeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;

/**
 * The Spark SQL settings of {@code tuopin.spark.small-work}, applied to the session while a stage
 * whose work this run is small runs, and put back as they were when it ends (use it in a
 * try-with-resources block). Work above the configured number of lines changes nothing.
 *
 * <p>An incremental night moves a few thousand lines through several hundred small, different
 * plans; compiling generated code for each costs more than running it interpreted. The results are
 * the same either way: these are Spark's execution strategies, not the plans.
 */
public final class SmallWork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmallWork.class);

  private final RuntimeConfig conf;
  /** The values before this scope; a null value: the key was not set. */
  private final Map<String, String> before = new LinkedHashMap<>();

  private SmallWork(RuntimeConfig conf) {
    this.conf = conf;
  }

  /**
   * Applies the small-work settings when {@code lines} is within the configured limit.
   *
   * @param stage named in the log line
   * @param lines the lines this stage's run reads as new work
   */
  public static SmallWork apply(JobContext ctx, String stage, long lines) {
    TuopinConfig.SmallWork s = ctx.config().spark().smallWork();
    SmallWork scope = new SmallWork(ctx.spark().conf());
    if (!s.covers(lines) || s.settings().isEmpty()) {
      return scope;
    }
    for (Map.Entry<String, String> e : s.settings().entrySet()) {
      scope.before.put(e.getKey(), scope.conf.contains(e.getKey()) ? scope.conf.get(e.getKey()) : null);
      scope.conf.set(e.getKey(), e.getValue());
    }
    LOG.info(
        "{}: {} lines of work, at most tuopin.spark.small-work.max-lines ({}): running with {}",
        stage, lines, s.maxLines(), s.settings());
    return scope;
  }

  /** True when the settings were applied. */
  public boolean applied() {
    return !before.isEmpty();
  }

  /**
   * Runs one step of the stage with the session's own settings, and applies the small-work settings
   * again after it. For a step whose input is not the small work itself: finding the persons of a
   * few new lines in two households reads a whole year of silver.members, which generated code
   * runs almost three times faster (docs/performance.md). The step must run its Spark jobs before it
   * returns (a count, an eager checkpoint): a plan is compiled or not when it executes.
   *
   * @param step named in the log line
   */
  public <T> T withSessionSettings(String step, Supplier<T> work) {
    if (!applied()) {
      return work.get();
    }
    Map<String, String> small = new LinkedHashMap<>();
    for (String k : before.keySet()) {
      small.put(k, conf.get(k));
    }
    restore();
    LOG.info("{}: with the session's own settings", step);
    try {
      return work.get();
    } finally {
      small.forEach(conf::set);
    }
  }

  @Override
  public void close() {
    restore();
    before.clear();
  }

  /** Puts the session's values of the small-work keys back (keeps them recorded). */
  private void restore() {
    for (Map.Entry<String, String> e : before.entrySet()) {
      if (e.getValue() == null) {
        conf.unset(e.getKey());
      } else {
        conf.set(e.getKey(), e.getValue());
      }
    }
  }
}
