package org.tuopin.common.conform;

/** What a failed rule does to its line and batch (Delta Live Tables expectations, Deequ check levels). */
public enum Severity {
  /** The line is kept in silver; the failure is only counted in ops.quality_metrics. */
  WARN,
  /** The line goes to quarantine with every rule it broke instead of silver. */
  QUARANTINE,
  /** The whole batch is refused: nothing of it reaches silver or quarantine, and the run exits 2. */
  FAIL_BATCH
}
