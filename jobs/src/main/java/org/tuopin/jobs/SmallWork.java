package org.tuopin.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
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

  @Override
  public void close() {
    for (Map.Entry<String, String> e : before.entrySet()) {
      if (e.getValue() == null) {
        conf.unset(e.getKey());
      } else {
        conf.set(e.getKey(), e.getValue());
      }
    }
    before.clear();
  }
}
