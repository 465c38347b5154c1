package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.releases}: one row per year-end release. A release exists once its row is here (the
 * row is written after its pinned figures), so a killed run leaves no half release behind.
 * Key: {@link #RELEASE_ID}.
 */
public final class Releases {
  private Releases() {}

  /** {@code <year>-r<revision>}, e.g. {@code 2020-r2}. */
  public static final String RELEASE_ID = "release_id";
  public static final String REPORTING_YEAR = "reporting_year";
  /** 1 for the first release of a year, then 2, 3, ... for revisions. */
  public static final String REVISION = "revision";
  /** The release this one revises; null for revision 1. */
  public static final String PREVIOUS_RELEASE_ID = "previous_release_id";
  public static final String RELEASED_AT = "released_at";
  /** The ops.runs run id of the year-end run that made the release. */
  public static final String RUN_ID = "run_id";
  /** Delta version of every table the summary read (qualified name to version). */
  public static final String TABLE_VERSIONS = "table_versions";
  /** Implementation version of the jar, with the git revision when the run could see one. */
  public static final String CODE_VERSION = "code_version";
  /** SHA-256 (first 16 hex digits) of the rules in force: the curated and privacy settings and the reference fingerprint. */
  public static final String RULE_VERSION = "rule_version";
  /** The rules hashed into {@link #RULE_VERSION}, as text, so a change can be read back. */
  public static final String RULES = "rules";
  /** Pinned rows written to curated.year_end_releases. */
  public static final String PINNED_ROWS = "pinned_rows";
  /** Counties whose figures differ from the previous release (null for revision 1). */
  public static final String COUNTIES_CHANGED = "counties_changed";
  /** Why the release was made (the --note option), or a default. */
  public static final String NOTE = "note";

  public static final StructType SCHEMA =
      createStructType(
          List.of(
              createStructField(RELEASE_ID, StringType, false),
              createStructField(REPORTING_YEAR, IntegerType, false),
              createStructField(REVISION, IntegerType, false),
              createStructField(PREVIOUS_RELEASE_ID, StringType, true),
              createStructField(RELEASED_AT, TimestampType, false),
              createStructField(RUN_ID, StringType, false),
              createStructField(TABLE_VERSIONS, createMapType(StringType, LongType, false), false),
              createStructField(CODE_VERSION, StringType, false),
              createStructField(RULE_VERSION, StringType, false),
              createStructField(RULES, StringType, false),
              createStructField(PINNED_ROWS, LongType, false),
              createStructField(COUNTIES_CHANGED, LongType, true),
              createStructField(NOTE, StringType, true)));
}
