package org.tuopin.common.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.tuopin.common.error.ExitStatus;

/**
 * What one stage of a run did: the row of {@code ops.runs} it leaves behind, and what the CLI turns
 * into an exit code. Immutable; jobs return it from {@code execute()}.
 *
 * @param tableVersions Delta version written per table (qualified name to version)
 */
public record StageResult(
    String stage,
    ExitStatus outcome,
    Instant start,
    Instant end,
    long rowsIn,
    long rowsOut,
    long rowsQuarantined,
    Map<String, Long> tableVersions,
    String message) {

  public StageResult {
    tableVersions = Map.copyOf(tableVersions);
    message = message == null ? "" : message;
  }

  public Duration elapsed() {
    return Duration.between(start, end);
  }

  /** Rows per second over the stage's wall time (rows in), 0 for an instant stage. */
  public double rowsPerSecond() {
    long ms = elapsed().toMillis();
    return ms <= 0 ? 0.0 : rowsIn * 1000.0 / ms;
  }
}
