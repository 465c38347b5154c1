package org.tuopin.common.schema;

/**
 * Field names of {@code manifest.json}, the first file of every landing batch
 * ({@code landing/<province_code>/<batch_id>/manifest.json}). Example:
 *
 * <pre>
 * {"province_code":"520000","batch_id":"520000-2016-FULL-001","reporting_year":2016,
 *  "snapshot_date":"2016-12-31","encoding":"GB18030","kind":"FULL",
 *  "files":[{"name":"households.csv","rows":1234,"sha256":"..."}, ...]}
 * </pre>
 *
 * {@code rows} counts data records (the header excluded); {@code sha256} is over the file's bytes.
 */
public final class Manifest {
  private Manifest() {}

  public static final String FILE = "manifest.json";

  public static final String PROVINCE_CODE = "province_code";
  public static final String BATCH_ID = "batch_id";
  public static final String REPORTING_YEAR = "reporting_year";
  public static final String SNAPSHOT_DATE = "snapshot_date";
  /** UTF-8 or GB18030. */
  public static final String ENCODING = "encoding";
  /** FULL (the province's whole register for the year) or CHANGES (upserts). */
  public static final String KIND = "kind";
  public static final String FILES = "files";
  public static final String FILE_NAME = "name";
  public static final String FILE_ROWS = "rows";
  public static final String FILE_SHA256 = "sha256";

  public static final String KIND_FULL = "FULL";
  public static final String KIND_CHANGES = "CHANGES";
  public static final String ENCODING_UTF8 = "UTF-8";
  public static final String ENCODING_GB18030 = "GB18030";
}
