package org.tuopin.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.test.BronzeFixtures;
import org.tuopin.common.test.BronzeFixtures.Line;
import org.tuopin.common.test.SharedSpark;

/** A throw-away warehouse for conform tests: tiny ref.divisions, bronze appended from fixture lines. */
final class ConformWarehouse {
  final Path dir;
  final TuopinConfig config;
  final Catalog catalog;

  ConformWarehouse(String name) {
    dir = SharedSpark.tempDir(name);
    config = TuopinConfig.load(null, Map.of("paths.warehouse", dir.toString(), "spark.shuffle-partitions", "2"));
    catalog = new Catalog(dir.toString());
    BronzeFixtures.divisions().write().format("delta").mode("overwrite").save(catalog.path(Table.REF_DIVISIONS));
  }

  /**
   * Appends lines to the bronze tables and marks their batches LOADED in ops.ingested_files, as
   * ingest would (each list may be empty).
   */
  ConformWarehouse bronze(List<Line> households, List<Line> members, List<Line> population) {
    unrecordedBronze(households, members, population);
    Dataset<Row> hh = BronzeFixtures.frame(Bronze.HOUSEHOLDS, households);
    Dataset<Row> mem = BronzeFixtures.frame(Bronze.MEMBERS, members);
    Dataset<Row> pop = BronzeFixtures.frame(Bronze.POPULATION, population);
    Dataset<Row> records =
        BronzeFixtures.loadedRecords(hh).unionByName(BronzeFixtures.loadedRecords(mem)).unionByName(BronzeFixtures.loadedRecords(pop));
    append(Table.OPS_INGESTED_FILES, records);
    return this;
  }

  /** Appends lines to the bronze tables only: what a run interrupted before its ops.ingested_files write leaves. */
  ConformWarehouse unrecordedBronze(List<Line> households, List<Line> members, List<Line> population) {
    append(Table.BRONZE_HOUSEHOLDS, BronzeFixtures.frame(Bronze.HOUSEHOLDS, households));
    append(Table.BRONZE_MEMBERS, BronzeFixtures.frame(Bronze.MEMBERS, members));
    append(Table.BRONZE_POPULATION, BronzeFixtures.frame(Bronze.POPULATION, population));
    return this;
  }

  private void append(Table t, Dataset<Row> df) {
    df.coalesce(1).write().format("delta").mode("append").save(catalog.path(t));
  }

  StageResult conform(boolean all) {
    JobContext ctx = new JobContext(SharedSpark.spark(), config, catalog, JobContext.newRunId());
    return new ConformJob(ctx, all).execute();
  }

  Dataset<Row> read(Table t) {
    return catalog.read(SharedSpark.spark(), t);
  }

  /** Rows of a table's chosen columns, sorted, as strings: easy to compare in assertions. */
  List<String> rows(Table t, String... columns) {
    List<String> out = new ArrayList<>();
    for (Row r : read(t).selectExpr(columns).collectAsList()) {
      out.add(r.toString());
    }
    out.sort(String::compareTo);
    return out;
  }
}
