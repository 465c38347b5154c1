package org.tuopin.common.error;

/** The outcome of a command, as the process exit code a scheduler sees (DESIGN.md, run contract). */
public enum ExitStatus {
  /** Everything asked for was done. */
  OK(0),
  /** Something failed; tables are as they were before the run. */
  FAILURE(1),
  /** Some input was refused (a batch, a file); everything else was loaded. */
  INPUT_REJECTED(2),
  /** The configuration or the command line is wrong; nothing was run. */
  CONFIG_ERROR(3);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The worse of two outcomes, for a run made of several steps. */
  public ExitStatus worst(ExitStatus other) {
    return severity() >= other.severity() ? this : other;
  }

  private int severity() {
    switch (this) {
      case OK:
        return 0;
      case INPUT_REJECTED:
        return 1;
      case FAILURE:
        return 2;
      default:
        return 3;
    }
  }
}
