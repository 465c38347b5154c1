package org.tuopin.common.error;

/**
 * A user-facing error: its message is one line that says what is wrong, why, and what to do, and
 * never contains a personal identifier. Create instances through {@link Errors} only.
 */
public final class TuopinException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitStatus status;

  TuopinException(ExitStatus status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public ExitStatus status() {
    return status;
  }
}
