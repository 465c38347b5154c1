package org.tuopin.common.ops;

import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test hook for the crash tests: a named step of a job where a child JVM stops, so that the test
 * can kill it with SIGKILL at exactly that step instead of racing it. When the JVM system property
 * {@value #PROPERTY} names the point, the thread that reaches it logs {@code "paused at <point>"}
 * and waits to be killed (at most {@link #MAX_WAIT_MILLIS}, then the JVM halts by itself, so an
 * abandoned child never lingers); when it does not, reaching a point costs one property lookup.
 * Production runs never set the property. The points are listed in docs/ingest.md.
 */
public final class PausePoint {
  private PausePoint() {}

  private static final Logger LOG = LoggerFactory.getLogger(PausePoint.class);

  /** The JVM system property (-D on the java command line, not a configuration key) naming the point. */
  public static final String PROPERTY = "tuopin.test.pause-at";
  /** The start of the log line a paused JVM writes; the test kills it when it reads this. */
  public static final String PAUSED = "paused at ";
  /** How long a paused JVM waits before it halts by itself (exit code 137, as if killed). */
  static final long MAX_WAIT_MILLIS = 10 * 60 * 1000L;

  /** Pauses here when the property names this point. */
  public static void reach(String point) {
    if (!point.equals(System.getProperty(PROPERTY))) {
      return;
    }
    LOG.warn("{}{} ({}): waiting to be killed", PAUSED, point, PROPERTY);
    long until = System.currentTimeMillis() + MAX_WAIT_MILLIS;
    while (System.currentTimeMillis() < until) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        // Spark interrupts a task thread to cancel it; the point is to stay put until SIGKILL.
      }
    }
    Runtime.getRuntime().halt(137);
  }

  /**
   * Pauses at the point when the current Spark task ends, if the property names it: a write task
   * has then written and closed its data file, and the driver has not yet heard of it, so nothing
   * has been committed. (Not earlier: a partitioned write sorts its whole input before it opens a
   * file.) Call from code that runs inside a task.
   */
  public static void atTaskEnd(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> reach(point));
    }
  }
}
