package org.tuopin.common.curated;

/** What a broken data-quality rule does to its stage. */
public enum Severity {
  /** Recorded in ops.quality_metrics and logged; the stage goes on. */
  WARN,
  /** Recorded, then the stage fails (exit code 1) before it publishes anything. */
  FAIL
}
