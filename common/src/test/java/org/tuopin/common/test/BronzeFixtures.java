package org.tuopin.common.test;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.substring_index;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.IngestedFiles;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.Lineage;

/**
 * Hand-written bronze lines for tests, in exactly the bronze schema ({@link Bronze}): valid by
 * default, each test changes the one value it is about. Households of a fixture batch live in
 * village 520102001001 (county 520102, province 520000) unless the batch says otherwise.
 */
public final class BronzeFixtures {
  private BronzeFixtures() {}

  public static final String GUIZHOU = "520000";
  public static final String YUNNAN = "530000";
  public static final Timestamp INGESTED = Timestamp.valueOf("2026-11-21 01:00:00");

  /** A batch: its id, province, year, FULL or CHANGES, and the village its households live in. */
  public record Batch(String id, String province, int year, String kind, String village, Timestamp ingestedAt) {
    public Batch(String id, String province, int year, String kind) {
      this(id, province, year, kind, province.substring(0, 2) + "0102001001", INGESTED);
    }

    /** The same batch ingested at another time (orders batches of one province-year). */
    public Batch ingestedAt(Timestamp t) {
      return new Batch(id, province, year, kind, village, t);
    }

    /** The household id of sequence n in this batch's village. */
    public String household(int n) {
      return village + String.format("%04d", n);
    }
  }

  /** One bronze line: its values by column name, in the order of a bronze schema. */
  public static final class Line {
    private final StructType schema;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Line(StructType schema) {
      this.schema = schema;
    }

    /** Sets a column (any bronze column, lineage included). */
    public Line set(String column, Object value) {
      if (!List.of(schema.fieldNames()).contains(column)) {
        throw new IllegalArgumentException("no column " + column);
      }
      values.put(column, value);
      return this;
    }

    public Object get(String column) {
      return values.get(column);
    }

    public long line() {
      return (Long) values.get(Lineage.LINE);
    }

    public String batch() {
      return (String) values.get(Lineage.BATCH_ID);
    }

    /** A copy, for a line that repeats or varies another. */
    public Line copy() {
      Line l = new Line(schema);
      l.values.putAll(values);
      return l;
    }

    public Row row() {
      Object[] out = new Object[schema.size()];
      StructField[] f = schema.fields();
      for (int i = 0; i < f.length; i++) {
        out[i] = values.get(f[i].name());
      }
      return RowFactory.create(out);
    }
  }

  private static Line withMetadata(StructType schema, Batch b, String file, long line) {
    Line l = new Line(schema);
    for (StructField f : schema.fields()) {
      l.values.put(f.name(), null);
    }
    return l.set(Lineage.PROVINCE, b.province())
        .set(Lineage.BATCH_ID, b.id())
        .set(Bronze.BATCH_YEAR, b.year())
        .set(Bronze.BATCH_KIND, b.kind())
        .set(Lineage.SOURCE_FILE, b.province() + "/" + b.id() + "/" + file)
        .set(Lineage.LINE, line)
        .set(Lineage.INGESTED_AT, b.ingestedAt())
        .set(Lineage.RUN_ID, "ingest-run-1");
  }

  /** A valid POOR household of one member (its head, person key {@code pk-<batch>-<n>-1}). */
  public static Line household(Batch b, int n, long line) {
    return withMetadata(Bronze.HOUSEHOLDS, b, LandingHouseholds.FILE, line)
        .set(LandingHouseholds.HOUSEHOLD_ID, b.household(n))
        .set(LandingHouseholds.VILLAGE_CODE, b.village())
        .set(LandingHouseholds.REPORTING_YEAR, String.valueOf(b.year()))
        .set(LandingHouseholds.HOUSEHOLD_SIZE, "1")
        .set(LandingHouseholds.ATTRIBUTE, "一般贫困户")
        .set(LandingHouseholds.MAIN_CAUSE, "因病")
        .set(LandingHouseholds.IDENTIFIED_YEAR, "2014")
        .set(LandingHouseholds.STATUS, "POOR")
        .set(LandingHouseholds.EXIT_YEAR, "")
        .set(LandingHouseholds.PER_CAPITA_INCOME, "3200.50")
        .set(LandingHouseholds.FOOD_CLOTHING_SECURE, "是")
        .set(LandingHouseholds.COMPULSORY_EDUCATION, "是")
        .set(LandingHouseholds.BASIC_MEDICAL_CARE, "是")
        .set(LandingHouseholds.SAFE_HOUSING, "否")
        .set(LandingHouseholds.SAFE_WATER, "是")
        .set(LandingHouseholds.RELOCATED, "否")
        .set(Bronze.HEAD_PERSON_KEY, personKey(b, n, 1));
  }

  /** A stand-in pseudonym: tests need distinct keys, not real HMACs. */
  public static String personKey(Batch b, int household, int member) {
    return "pk-" + b.province() + "-" + household + "-" + member;
  }

  /** A valid member (man born 1980-05-01) of household n; member 1 is the head. */
  public static Line member(Batch b, int n, int member, long line) {
    return withMetadata(Bronze.MEMBERS, b, LandingMembers.FILE, line)
        .set(Bronze.PERSON_KEY, personKey(b, n, member))
        .set(LandingMembers.HOUSEHOLD_ID, b.household(n))
        .set(LandingMembers.REPORTING_YEAR, String.valueOf(b.year()))
        .set(LandingMembers.RELATION, member == 1 ? "户主" : "之子")
        .set(LandingMembers.SEX, "男")
        .set(LandingMembers.BIRTH_DATE, "1980-05-01")
        .set(LandingMembers.LABOUR_CAPACITY, "普通劳动力")
        .set(LandingMembers.SCHOOLING, "非在校生")
        .set(LandingMembers.DROPPED_OUT, "否")
        .set(LandingMembers.HEALTH, "健康")
        .set(LandingMembers.MEDICAL_INSURANCE, "是")
        .set(LandingMembers.WORKS_AWAY, "是")
        .set(LandingMembers.WORK_PROVINCE, "440000")
        .set(LandingMembers.MONTHS_WORKED, "8")
        .set(Bronze.ID_BIRTH_DATE, "1980-05-01")
        .set(Bronze.ID_SEX, "MALE")
        .set(Bronze.ID_AREA_CODE, b.village().substring(0, 6));
  }

  /** A valid population line for village sequence n of the batch's county. */
  public static Line population(Batch b, int n, long line) {
    return withMetadata(Bronze.POPULATION, b, LandingPopulation.FILE, line)
        .set(LandingPopulation.VILLAGE_CODE, b.village().substring(0, 9) + String.format("%03d", n))
        .set(LandingPopulation.REPORTING_YEAR, String.valueOf(b.year()))
        .set(LandingPopulation.RURAL_POPULATION, "1200");
  }

  /** A cooperation line of a helper's batch: the key set, every measure empty (not delivered). */
  public static Line cooperation(Batch b, org.tuopin.common.schema.Cooperation.File file, String helper, String helped, long line) {
    return withMetadata(file.bronzeSchema(), b, file.fileName(), line)
        .set(org.tuopin.common.schema.Cooperation.REPORTING_YEAR, String.valueOf(b.year()))
        .set(org.tuopin.common.schema.Cooperation.HELPER_CODE, helper)
        .set(org.tuopin.common.schema.Cooperation.HELPED_CODE, helped);
  }

  /** A survey line (survey.csv) of a batch: county, year of the batch and the three household counts. */
  public static Line survey(Batch b, String county, String surveyed, String missed, String approving, long line) {
    return withMetadata(org.tuopin.common.schema.LandingSurvey.BRONZE, b, org.tuopin.common.schema.LandingSurvey.FILE, line)
        .set(org.tuopin.common.schema.LandingSurvey.REPORTING_YEAR, String.valueOf(b.year()))
        .set(org.tuopin.common.schema.LandingSurvey.COUNTY_CODE, county)
        .set(org.tuopin.common.schema.LandingSurvey.SURVEYED_HOUSEHOLDS, surveyed)
        .set(org.tuopin.common.schema.LandingSurvey.MISSED_HOUSEHOLDS, missed)
        .set(org.tuopin.common.schema.LandingSurvey.APPROVING_HOUSEHOLDS, approving);
  }

  public static Dataset<Row> frame(StructType schema, List<Line> lines) {
    List<Row> rows = new ArrayList<>();
    for (Line l : lines) {
      rows.add(l.row());
    }
    return SharedSpark.spark().createDataFrame(rows, schema);
  }

  /**
   * The ops.ingested_files rows that ingest writes last for the batches of some bronze rows: one
   * LOADED row per batch and file, with its line count and the time it was ingested (conform takes
   * its pending batches from these rows alone).
   */
  public static Dataset<Row> loadedRecords(Dataset<Row> bronze) {
    return bronze
        .groupBy(
            col(Lineage.PROVINCE), col(Lineage.BATCH_ID), substring_index(col(Lineage.SOURCE_FILE), "/", -1).as("_file"),
            col(Bronze.BATCH_KIND), col(Bronze.BATCH_YEAR))
        .agg(count(lit(1)).as("_rows"), min(col(Lineage.INGESTED_AT)).as("_at"))
        .select(
            lit("fixture").as(IngestedFiles.RUN_ID),
            col(Lineage.PROVINCE).as(IngestedFiles.PROVINCE_CODE),
            col(Lineage.BATCH_ID).as(IngestedFiles.BATCH_ID),
            col("_file").as(IngestedFiles.FILE),
            col("_rows").as(IngestedFiles.ROWS),
            lit(null).cast(DataTypes.StringType).as(IngestedFiles.SHA256),
            lit(null).cast(DataTypes.LongType).as(IngestedFiles.BYTES),
            lit("UTF-8").as(IngestedFiles.ENCODING),
            col(Bronze.BATCH_KIND).as(IngestedFiles.KIND),
            col(Bronze.BATCH_YEAR).cast(DataTypes.IntegerType).as(IngestedFiles.REPORTING_YEAR),
            lit(IngestedFiles.STATUS_LOADED).as(IngestedFiles.STATUS),
            lit(null).cast(DataTypes.StringType).as(IngestedFiles.REASON),
            col("_at").as(IngestedFiles.INGESTED_AT));
  }

  /** A tiny ref.divisions: provinces 520000, 530000, 440000 and a county in each of the first two. */
  public static Dataset<Row> divisions() {
    StructType schema =
        new StructType()
            .add(Divisions.CODE, DataTypes.StringType)
            .add(Divisions.LEVEL, DataTypes.StringType)
            .add(Divisions.PROVINCE_CODE, DataTypes.StringType);
    List<Row> rows =
        List.of(
            RowFactory.create(GUIZHOU, "PROVINCE", GUIZHOU),
            RowFactory.create(YUNNAN, "PROVINCE", YUNNAN),
            RowFactory.create("440000", "PROVINCE", "440000"),
            RowFactory.create("520102", "COUNTY", GUIZHOU),
            RowFactory.create("530102", "COUNTY", YUNNAN));
    return SharedSpark.spark().createDataFrame(rows, schema);
  }
}
