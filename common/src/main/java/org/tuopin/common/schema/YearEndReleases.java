package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createDecimalType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code curated.year_end_releases}: the pinned figures of every year-end release, appended once
 * per release and never rewritten, so that later nightly runs, VACUUM of the curated tables or
 * their retention cannot change or lose what was released. One row per release, level, area and
 * year: the NATION, REGION and PROVINCE rows of every year up to the released year (the series the
 * charts draw), and the COUNTY rows of the released year with a fingerprint of the county's silver
 * records (what a revision compares to say why a county changed). Key: ({@link #RELEASE_ID},
 * {@link #LEVEL}, {@link #AREA_CODE}, {@link #REPORTING_YEAR}); partitioned by {@link #RELEASE_YEAR}.
 */
public final class YearEndReleases {
  private YearEndReleases() {}

  public static final String RELEASE_ID = YearEndSummary.RELEASE_ID;
  /** The year the release is for (reporting_year of its headline rows). */
  public static final String RELEASE_YEAR = "release_year";
  public static final String LEVEL = YearEndSummary.LEVEL;
  public static final String AREA_CODE = YearEndSummary.AREA_CODE;
  public static final String REPORTING_YEAR = YearEndSummary.REPORTING_YEAR;
  /** COUNTY rows: silver.households records of the county with reporting year up to the released year. */
  public static final String RECORDS = "records";
  /** COUNTY rows: sum of xxhash64(household_id, reporting_year) over those records (changes when records come or go). */
  public static final String RECORD_KEY_HASH = "record_key_hash";
  /** COUNTY rows: sum of xxhash64 of every non-lineage column of those records (changes when a record is corrected). */
  public static final String RECORD_CONTENT_HASH = "record_content_hash";
  /** COUNTY rows: silver.members rows of the county with reporting year up to the released year. */
  public static final String MEMBER_RECORDS = "member_records";
  /** COUNTY rows: sum of xxhash64(person_key, household_id, reporting_year) over those member rows. */
  public static final String MEMBER_KEY_HASH = "member_key_hash";

  /** Exact sum of 64-bit hashes of up to ~10^18 rows. */
  public static final DataType HASH_TYPE = createDecimalType(38, 0);
  public static final List<String> FINGERPRINT = List.of(RECORDS, RECORD_KEY_HASH, RECORD_CONTENT_HASH, MEMBER_RECORDS, MEMBER_KEY_HASH);
  public static final List<String> KEY = List.of(RELEASE_ID, LEVEL, AREA_CODE, REPORTING_YEAR);
  public static final List<String> PARTITION_BY = List.of(RELEASE_YEAR);

  public static final StructType SCHEMA;

  static {
    List<StructField> f = new ArrayList<>();
    f.add(createStructField(RELEASE_ID, StringType, false));
    f.add(createStructField(RELEASE_YEAR, IntegerType, false));
    f.addAll(YearEndSummary.FIELDS);
    f.add(createStructField(RECORDS, LongType, true));
    f.add(createStructField(RECORD_KEY_HASH, HASH_TYPE, true));
    f.add(createStructField(RECORD_CONTENT_HASH, HASH_TYPE, true));
    f.add(createStructField(MEMBER_RECORDS, LongType, true));
    f.add(createStructField(MEMBER_KEY_HASH, HASH_TYPE, true));
    SCHEMA = createStructType(f);
  }
}
