package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code quarantine.households}, {@code quarantine.members}, {@code quarantine.population}: every
 * bronze line that conform rejected, as it was in bronze (so without any raw resident ID, which never
 * reaches bronze), followed by {@link #RULE_IDS} and {@link #MESSAGES}. The lineage columns
 * ({@link Lineage#PROVINCE}, {@link Lineage#BATCH_ID}, {@link Lineage#SOURCE_FILE}, {@link
 * Lineage#LINE}, and {@link Lineage#RUN_ID}, the ingest run that loaded the line) come from bronze
 * unchanged, so that conforming the same bronze twice leaves identical quarantine rows. Rows are
 * replaced per batch: a batch's rows are those of its latest conform.
 */
public final class Quarantine {
  private Quarantine() {}

  /** Ids of every rule the line broke (WARN rules included), in rule order. */
  public static final String RULE_IDS = "rule_ids";
  /** One message per entry of {@link #RULE_IDS}, same order; never a resident ID. */
  public static final String MESSAGES = "messages";

  public static final StructType HOUSEHOLDS = withReasons(Bronze.HOUSEHOLDS);
  public static final StructType MEMBERS = withReasons(Bronze.MEMBERS);
  public static final StructType POPULATION = withReasons(Bronze.POPULATION);

  private static StructType withReasons(StructType bronze) {
    List<StructField> f = new ArrayList<>(List.of(bronze.fields()));
    f.add(createStructField(RULE_IDS, createArrayType(StringType, true), false));
    f.add(createStructField(MESSAGES, createArrayType(StringType, true), false));
    return new StructType(f.toArray(new StructField[0]));
  }
}
