package org.tuopin.common.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The bronze tables: every delivered record, as delivered (string columns named as in landing),
 * append-only, with lineage and batch metadata, except that resident IDs never arrive here: ingest
 * replaces each by its keyed pseudonym and what statistics need of it (see {@link #PERSON_KEY}).
 *
 * <ul>
 *   <li>{@code bronze.households}: {@link LandingHouseholds} columns without
 *       {@code head_resident_id}, plus {@link #HEAD_PERSON_KEY}, {@link #HEAD_ID_PROBLEM},
 *       {@link #PARSE_ERROR}, then {@link #METADATA}.
 *   <li>{@code bronze.members}: {@link LandingMembers} columns without {@code resident_id}, plus
 *       {@link #PERSON_KEY}, {@link #ID_PROBLEM}, {@link #ID_BIRTH_DATE}, {@link #ID_SEX},
 *       {@link #ID_AREA_CODE}, {@link #PARSE_ERROR}, then {@link #METADATA}.
 *   <li>{@code bronze.population}: {@link LandingPopulation} columns, {@link #PARSE_ERROR}, then
 *       {@link #METADATA}.
 * </ul>
 */
public final class Bronze {
  private Bronze() {}

  /** HMAC-SHA-256 (hex) of the normalised resident ID; null when the ID is missing. */
  public static final String PERSON_KEY = "person_key";
  /** The head's pseudonym in bronze.households. */
  public static final String HEAD_PERSON_KEY = "head_person_key";
  /** {@link org.tuopin.common.id.ResidentId.Problem} name, null when the ID is valid. */
  public static final String ID_PROBLEM = "id_problem";
  public static final String HEAD_ID_PROBLEM = "head_id_problem";
  /** Birth date encoded in the ID (yyyy-MM-dd string), null when invalid. */
  public static final String ID_BIRTH_DATE = "id_birth_date";
  /** MALE or FEMALE from the ID's sequence parity, null when invalid. */
  public static final String ID_SEX = "id_sex";
  /** The ID's 6-digit area code (a place, not a person). */
  public static final String ID_AREA_CODE = "id_area_code";
  /** Why the line could not be split into the declared columns (wrong field count, unclosed quote); null when it could. */
  public static final String PARSE_ERROR = "_parse_error";
  /** The manifest's reporting year of the batch. */
  public static final String BATCH_YEAR = "_batch_year";
  /** FULL or CHANGES. */
  public static final String BATCH_KIND = "_batch_kind";

  /** Lineage and batch metadata, in this order, at the end of every bronze table. */
  public static final List<StructField> METADATA =
      List.of(
          DataTypes.createStructField(Lineage.PROVINCE, DataTypes.StringType, false),
          DataTypes.createStructField(Lineage.BATCH_ID, DataTypes.StringType, false),
          DataTypes.createStructField(BATCH_YEAR, DataTypes.IntegerType, false),
          DataTypes.createStructField(BATCH_KIND, DataTypes.StringType, false),
          DataTypes.createStructField(Lineage.SOURCE_FILE, DataTypes.StringType, false),
          DataTypes.createStructField(Lineage.LINE, DataTypes.LongType, false),
          DataTypes.createStructField(Lineage.INGESTED_AT, DataTypes.TimestampType, false),
          DataTypes.createStructField(Lineage.RUN_ID, DataTypes.StringType, false));

  public static final StructType HOUSEHOLDS =
      build(without(LandingHouseholds.COLUMNS, LandingHouseholds.HEAD_RESIDENT_ID), List.of(HEAD_PERSON_KEY, HEAD_ID_PROBLEM, PARSE_ERROR));

  public static final StructType MEMBERS =
      build(
          without(LandingMembers.COLUMNS, LandingMembers.RESIDENT_ID),
          List.of(PERSON_KEY, ID_PROBLEM, ID_BIRTH_DATE, ID_SEX, ID_AREA_CODE, PARSE_ERROR));

  public static final StructType POPULATION = build(LandingPopulation.COLUMNS, List.of(PARSE_ERROR));

  private static List<String> without(List<String> cols, String drop) {
    List<String> out = new ArrayList<>(cols);
    out.remove(drop);
    return out;
  }

  private static StructType build(List<String> stringCols, List<String> extraStringCols) {
    List<StructField> f = new ArrayList<>();
    for (String c : stringCols) {
      f.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    for (String c : extraStringCols) {
      f.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    f.addAll(METADATA);
    return DataTypes.createStructType(f);
  }
}
