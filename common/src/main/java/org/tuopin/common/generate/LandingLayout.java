package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.Manifest;

/**
 * Where the generator puts things: one FULL batch per province and reporting year,
 * {@code <out>/<province6>/<province6>-<year>-FULL-001/}, and its own bookkeeping under
 * {@code <out>/_generator/} (which ingest skips, as every folder starting with an underscore).
 */
public final class LandingLayout {
  private LandingLayout() {}

  /** Folder of the generator's bookkeeping files, beside the province folders. */
  public static final String BOOKKEEPING_DIR = "_generator";
  /** Partition column of the landing frames: the delivering province (6 digits). */
  public static final String BATCH_PROVINCE = "batch_province";
  /** Partition column of the landing frames: the reporting year. */
  public static final String BATCH_YEAR = "batch_year";
  /** The generator delivers one FULL batch per province and year, always the first of its day. */
  public static final String BATCH_SEQUENCE = "001";

  /** The landing files of a batch, in manifest order. */
  public static final List<String> FILES = List.of(LandingHouseholds.FILE, LandingMembers.FILE, LandingPopulation.FILE);

  /** The batch id of a province's FULL snapshot of a year, e.g. 520000-2016-FULL-001. */
  public static String batchId(String province, int year) {
    return String.format(Locale.ROOT, "%s-%d-%s-%s", province, year, Manifest.KIND_FULL, BATCH_SEQUENCE);
  }

  /** Sequence part of a helper province's cooperation batch id. */
  public static final String COOPERATION_SEQUENCE = "COOP-001";

  /** The batch id of a helper province's cooperation files of a year, e.g. 320000-2016-FULL-COOP-001. */
  public static String cooperationBatchId(String province, int year) {
    return String.format(Locale.ROOT, "%s-%d-%s-%s", province, year, Manifest.KIND_FULL, COOPERATION_SEQUENCE);
  }

  /** {@link #cooperationBatchId(String, int)} as a Column. */
  public static Column cooperationBatchId(Column province, Column year) {
    return concat(province, lit("-"), year.cast("string"), lit("-" + Manifest.KIND_FULL + "-" + COOPERATION_SEQUENCE));
  }

  /** Sequence part of a province's third-party survey batch id. */
  public static final String SURVEY_SEQUENCE = "SURVEY-001";

  /** The batch id of a province's third-party survey of a year, e.g. 520000-2018-FULL-SURVEY-001. */
  public static String surveyBatchId(String province, int year) {
    return String.format(Locale.ROOT, "%s-%d-%s-%s", province, year, Manifest.KIND_FULL, SURVEY_SEQUENCE);
  }

  /** {@link #batchId(String, int)} as a Column. */
  public static Column batchId(Column province, Column year) {
    return concat(province, lit("-"), year.cast("string"), lit("-" + Manifest.KIND_FULL + "-" + BATCH_SEQUENCE));
  }

  /** The snapshot date of a FULL batch: the last day of its reporting year. */
  public static String snapshotDate(int year) {
    return year + "-12-31";
  }

  /** The landing columns of a file. */
  public static List<String> columns(String file) {
    if (file.equals(LandingHouseholds.FILE)) {
      return LandingHouseholds.COLUMNS;
    }
    if (file.equals(LandingMembers.FILE)) {
      return LandingMembers.COLUMNS;
    }
    return LandingPopulation.COLUMNS;
  }

  /**
   * The order of the lines in a file: the batch, then the record key, then every other column, so
   * that the order is total over the line contents (two lines that tie are identical).
   */
  public static List<String> sortColumns(String file) {
    List<String> out = new ArrayList<>();
    out.add(BATCH_PROVINCE);
    out.add(BATCH_YEAR);
    if (file.equals(LandingMembers.FILE)) {
      out.add(LandingMembers.HOUSEHOLD_ID);
    }
    for (String c : columns(file)) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }
}
