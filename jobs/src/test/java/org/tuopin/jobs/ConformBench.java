package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.test.BronzeFixtures;

/**
 * Measures conform alone on synthetic bronze made with Spark expressions (valid households of three
 * members in two provinces): {@code java -Xmx4g -cp <test class path> org.tuopin.jobs.ConformBench
 * <persons> <warehouse dir>}. Prints wall time, persons per second and the peak heap sampled every
 * 100 ms. Not a unit test: the numbers depend on the machine.
 */
public final class ConformBench {
  private ConformBench() {}

  public static void main(String[] args) throws Exception {
    long persons = Long.parseLong(args[0]);
    Path dir = Files.createDirectories(Path.of(args[1]));
    long households = persons / 3;
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    TuopinConfig config =
        TuopinConfig.load(null, Map.of("paths.warehouse", dir.toString(), "spark.master", "local[2]", "spark.shuffle-partitions", "8"));
    SparkSession spark = SparkSessions.create(config);
    Catalog catalog = new Catalog(dir.toString());
    BronzeFixtures.divisions().write().format("delta").mode("overwrite").save(catalog.path(Table.REF_DIVISIONS));

    long t0 = System.nanoTime();
    Column hh = col("id");
    Column province = when(pmod(hh, lit(2)).equalTo(0), lit("52")).otherwise(lit("53"));
    Column village =
        concat(province, lit("0102"), lpad(pmod(floor(hh.divide(20000)), lit(999)).plus(1).cast("string"), 3, "0"),
            lpad(pmod(floor(hh.divide(2)), lit(999)).plus(1).cast("string"), 3, "0"));
    Dataset<Row> h =
        spark.range(households)
            .select(
                concat(village, lpad(pmod(floor(hh.divide(1998)), lit(10000)).cast("string"), 4, "0"))
                    .as(LandingHouseholds.HOUSEHOLD_ID),
                village.as(LandingHouseholds.VILLAGE_CODE),
                lit("2019").as(LandingHouseholds.REPORTING_YEAR),
                lit("3").as(LandingHouseholds.HOUSEHOLD_SIZE),
                lit("一般贫困户").as(LandingHouseholds.ATTRIBUTE),
                lit("因病").as(LandingHouseholds.MAIN_CAUSE),
                lit("2014").as(LandingHouseholds.IDENTIFIED_YEAR),
                lit("POOR").as(LandingHouseholds.STATUS),
                lit("").as(LandingHouseholds.EXIT_YEAR),
                pmod(hh, lit(9000)).plus(1000).cast("string").as(LandingHouseholds.PER_CAPITA_INCOME),
                lit("是").as(LandingHouseholds.FOOD_CLOTHING_SECURE),
                lit("是").as(LandingHouseholds.COMPULSORY_EDUCATION),
                lit("是").as(LandingHouseholds.BASIC_MEDICAL_CARE),
                lit("是").as(LandingHouseholds.SAFE_HOUSING),
                lit("是").as(LandingHouseholds.SAFE_WATER),
                lit("否").as(LandingHouseholds.RELOCATED),
                concat(lit("pk-"), hh.multiply(3).cast("string")).as(Bronze.HEAD_PERSON_KEY),
                lit(null).cast("string").as(Bronze.HEAD_ID_PROBLEM),
                lit(null).cast("string").as(Bronze.PARSE_ERROR),
                concat(province, lit("0000")).as(Lineage.PROVINCE),
                concat(lit("bench-"), province, lit("-2019")).as(Lineage.BATCH_ID),
                lit(2019).as(Bronze.BATCH_YEAR),
                lit("FULL").as(Bronze.BATCH_KIND),
                lit("households.csv").as(Lineage.SOURCE_FILE),
                hh.plus(2).as(Lineage.LINE),
                lit(Timestamp.valueOf("2026-11-21 01:00:00")).as(Lineage.INGESTED_AT),
                lit("bench").as(Lineage.RUN_ID));
    write(h, Bronze.HOUSEHOLDS.fields(), catalog.path(Table.BRONZE_HOUSEHOLDS));
    Dataset<Row> households3 = spark.read().format("delta").load(catalog.path(Table.BRONZE_HOUSEHOLDS));
    Column m = pmod(col("_m"), lit(3));
    Dataset<Row> mem =
        households3
            .select(col("*"), org.apache.spark.sql.functions.explode(org.apache.spark.sql.functions.array(lit(0), lit(1), lit(2))).as("_m"))
            .select(
                concat(col(Bronze.HEAD_PERSON_KEY), lit("-"), m.cast("string")).as(Bronze.PERSON_KEY),
                col(LandingHouseholds.HOUSEHOLD_ID).as(LandingMembers.HOUSEHOLD_ID),
                lit("2019").as(LandingMembers.REPORTING_YEAR),
                when(m.equalTo(0), lit("户主")).otherwise(lit("之子")).as(LandingMembers.RELATION),
                lit("男").as(LandingMembers.SEX),
                lit("1980-05-01").as(LandingMembers.BIRTH_DATE),
                lit("普通劳动力").as(LandingMembers.LABOUR_CAPACITY),
                lit("非在校生").as(LandingMembers.SCHOOLING),
                lit("否").as(LandingMembers.DROPPED_OUT),
                lit("健康").as(LandingMembers.HEALTH),
                lit("是").as(LandingMembers.MEDICAL_INSURANCE),
                lit("否").as(LandingMembers.WORKS_AWAY),
                lit("").as(LandingMembers.WORK_PROVINCE),
                lit("0").as(LandingMembers.MONTHS_WORKED),
                lit(null).cast("string").as(Bronze.ID_PROBLEM),
                lit("1980-05-01").as(Bronze.ID_BIRTH_DATE),
                lit("MALE").as(Bronze.ID_SEX),
                lit("520102").as(Bronze.ID_AREA_CODE),
                lit(null).cast("string").as(Bronze.PARSE_ERROR),
                col(Lineage.PROVINCE), col(Lineage.BATCH_ID), col(Bronze.BATCH_YEAR), col(Bronze.BATCH_KIND),
                lit("members.csv").as(Lineage.SOURCE_FILE),
                col(Lineage.LINE).multiply(3).plus(col("_m")).as(Lineage.LINE),
                col(Lineage.INGESTED_AT), col(Lineage.RUN_ID));
    write(mem, Bronze.MEMBERS.fields(), catalog.path(Table.BRONZE_MEMBERS));
    spark.createDataFrame(List.of(), Bronze.POPULATION).write().format("delta").mode("append").save(catalog.path(Table.BRONZE_POPULATION));
    BronzeFixtures.loadedRecords(households3).write().format("delta").mode("append").save(catalog.path(Table.OPS_INGESTED_FILES));
    System.out.printf("bench: bronze of %d households, %d persons written in %.1f s%n",
        households, households * 3, (System.nanoTime() - t0) / 1e9);

    peak.set(0);
    long t1 = System.nanoTime();
    StageResult r = new ConformJob(new JobContext(spark, config, catalog, JobContext.newRunId()), false).execute();
    double s = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        "bench: conform of %d persons (%d lines) in %.1f s: %.0f persons/s, %.0f lines/s, peak heap %d MiB; %s%n",
        households * 3, r.rowsIn(), s, households * 3 / s, r.rowsIn() / s, peak.get() >> 20, r.message());
    spark.stop();
  }

  private static void write(Dataset<Row> df, StructField[] fields, String path) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : fields) {
      cols.add(col(f.name()).cast(f.dataType()));
    }
    df.select(cols.toArray(new Column[0])).write().format("delta").mode("overwrite").save(path);
  }
}
