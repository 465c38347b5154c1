package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.ingested_files}: one row per landing file of every batch an ingest run decided on
 * (loaded or refused), append-only. A batch counts as loaded only when its rows here say
 * {@link #STATUS_LOADED}; they are written after the batch's bronze rows, so bronze rows of a batch
 * without such a row are the leftover of an interrupted run (the next run deletes them).
 * A batch refused before its files could be read (e.g. no manifest) has one row for
 * {@code manifest.json}.
 */
public final class IngestedFiles {
  private IngestedFiles() {}

  public static final String RUN_ID = "run_id";
  public static final String PROVINCE_CODE = "province_code";
  public static final String BATCH_ID = "batch_id";
  /** File name inside the batch folder, e.g. members.csv. */
  public static final String FILE = "file";
  /** Data records parsed (header excluded); null when the file was not read. */
  public static final String ROWS = "rows";
  /** SHA-256 (hex) of the file's bytes as read; the manifest's value when the file was not read. */
  public static final String SHA256 = "sha256";
  public static final String BYTES = "bytes";
  /** UTF-8 or GB18030 as the manifest declares. */
  public static final String ENCODING = "encoding";
  /** FULL or CHANGES. */
  public static final String KIND = "kind";
  public static final String REPORTING_YEAR = "reporting_year";
  /** {@link #STATUS_LOADED} or {@link #STATUS_REFUSED}. */
  public static final String STATUS = "status";
  /** Why the batch was refused (one line naming province, batch, file, line and rule); null when loaded. */
  public static final String REASON = "reason";
  public static final String INGESTED_AT = "ingested_at";

  public static final String STATUS_LOADED = "LOADED";
  public static final String STATUS_REFUSED = "REFUSED";

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(RUN_ID, StringType, false),
              createStructField(PROVINCE_CODE, StringType, false),
              createStructField(BATCH_ID, StringType, false),
              createStructField(FILE, StringType, false),
              createStructField(ROWS, LongType, true),
              createStructField(SHA256, StringType, true),
              createStructField(BYTES, LongType, true),
              createStructField(ENCODING, StringType, true),
              createStructField(KIND, StringType, true),
              createStructField(REPORTING_YEAR, IntegerType, true),
              createStructField(STATUS, StringType, false),
              createStructField(REASON, StringType, true),
              createStructField(INGESTED_AT, TimestampType, false)));
}
