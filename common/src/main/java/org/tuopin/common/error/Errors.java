package org.tuopin.common.error;

import java.util.Locale;

/** The one place where user-facing errors are made, so their wording stays consistent and tested. */
public final class Errors {
  private Errors() {}

  /** A configuration value is missing or invalid. */
  public static TuopinException config(String key, String problem, String fix) {
    return new TuopinException(
        ExitStatus.CONFIG_ERROR,
        String.format(Locale.ROOT, "configuration key '%s' %s; %s", key, problem, fix),
        null);
  }

  /** The configuration file cannot be read or parsed. */
  public static TuopinException configFile(String file, String problem) {
    return new TuopinException(
        ExitStatus.CONFIG_ERROR,
        String.format(Locale.ROOT, "configuration file %s: %s", file, problem),
        null);
  }

  /** A command-line argument is wrong. */
  public static TuopinException usage(String option, String problem, String fix) {
    return new TuopinException(
        ExitStatus.CONFIG_ERROR,
        String.format(Locale.ROOT, "option %s %s; %s", option, problem, fix),
        null);
  }

  /** Input was refused (a batch, a file) while the rest of the run went on. */
  public static TuopinException inputRejected(String what, String reason) {
    return new TuopinException(
        ExitStatus.INPUT_REJECTED, String.format(Locale.ROOT, "%s refused: %s", what, reason), null);
  }

  /**
   * A landing batch was refused whole. The message is the reason stored in ops.ingested_files: it
   * names the province, the batch, the file and line where there is one, the problem, the rule and
   * the fix. Never pass a field value that may be personal data.
   *
   * @param file file name in the batch folder, or null for the batch as a whole
   * @param line 1-based physical line, or 0 when the problem is not on one line
   */
  public static TuopinException batchRefused(
      String province, String batchId, String file, long line, String ruleId, String problem, String fix) {
    String where = file == null ? "" : line > 0 ? file + " line " + line + ": " : file + ": ";
    return new TuopinException(
        ExitStatus.INPUT_REJECTED,
        String.format(
            Locale.ROOT, "province %s batch %s refused: %s%s [%s]; %s", province, batchId, where, problem, ruleId, fix),
        null);
  }

  /** A required input (table, directory, file) is absent. */
  public static TuopinException missingInput(String what, String fix) {
    return new TuopinException(
        ExitStatus.FAILURE, String.format(Locale.ROOT, "%s does not exist; %s", what, fix), null);
  }

  /** A table read by a stage lacks a column its contract declares. */
  public static TuopinException schemaMismatch(String table, String column, String fix) {
    return new TuopinException(
        ExitStatus.FAILURE,
        String.format(Locale.ROOT, "table %s has no column %s; %s", table, column, fix),
        null);
  }

  /** An input table lacks a column the stage needs (it was written by an older or other version). */
  public static TuopinException inputSchema(String table, String column, String fix) {
    return new TuopinException(
        ExitStatus.FAILURE,
        String.format(Locale.ROOT, "table %s has no column '%s'; %s", table, column, fix),
        null);
  }

  /** A reconciliation rule of severity FAIL found rows that do not reconcile; nothing was published. */
  public static TuopinException reconciliationFailed(
      String ruleId, String table, long failed, long checked, String configKey) {
    return new TuopinException(
        ExitStatus.FAILURE,
        String.format(
            Locale.ROOT,
            "reconciliation rule %s failed on %s: %d of %d rows do not reconcile, curated tables left unchanged;"
                + " see ops.quality_metrics, fix the silver data or set %s = warn",
            ruleId, table, failed, checked, configKey),
        null);
  }

  /** The charts of the year-end page cannot be drawn because the JVM finds no font. */
  public static TuopinException noChartFont(String detail) {
    return new TuopinException(
        ExitStatus.FAILURE,
        String.format(
            Locale.ROOT,
            "year-end charts need a font and none is usable (%s); install one, e.g. apt-get install -y fontconfig fonts-dejavu-core",
            detail),
        null);
  }

  /** The year-end was asked for a year the curated tables do not have. */
  public static TuopinException noFiguresForYear(int year, String available) {
    return new TuopinException(
        ExitStatus.FAILURE,
        String.format(
            Locale.ROOT,
            "curated.incidence has no NATION row for %d (years available: %s); run the nightly or aggregate for that year first",
            year, available),
        null);
  }

  /** A release id given on the command line does not exist for the year. */
  public static TuopinException unknownRelease(String releaseId, int year, String known) {
    return new TuopinException(
        ExitStatus.CONFIG_ERROR,
        String.format(Locale.ROOT, "option --release %s is not a release of %d; use one of: %s", releaseId, year, known),
        null);
  }

  /** A step failed for a reason outside the input's control. */
  public static TuopinException failure(String what, Throwable cause) {
    String reason = cause == null ? "unknown cause" : oneLine(cause);
    return new TuopinException(
        ExitStatus.FAILURE, String.format(Locale.ROOT, "%s failed: %s", what, reason), cause);
  }

  /** The first line of a throwable's message, with its type when the message is empty. */
  public static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
