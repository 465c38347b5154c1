package org.tuopin.common.schema;

import java.util.List;

/**
 * {@code _generator/injected_errors.csv}: one row per landing line the generator corrupted on
 * purpose ({@code --inject-errors}), with the outcome the pipeline must reach for it.
 */
public final class InjectedErrors {
  private InjectedErrors() {}

  public static final String FILE = "injected_errors.csv";

  /** 6-digit code of the delivering province. */
  public static final String PROVINCE_CODE = "province_code";
  public static final String BATCH_ID = "batch_id";
  /** The landing file name (households.csv, members.csv). */
  public static final String FILE_NAME = "file";
  /** 1-based physical line in the file, the header being line 1 (as bronze's _line). */
  public static final String LINE = "line";
  /** The {@link org.tuopin.common.generate.ErrorKind} name. */
  public static final String KIND = "kind";
  /** The rule id the line must be quarantined with. */
  public static final String EXPECTED_OUTCOME = "expected_outcome";

  public static final List<String> COLUMNS = List.of(PROVINCE_CODE, BATCH_ID, FILE_NAME, LINE, KIND, EXPECTED_OUTCOME);
}
