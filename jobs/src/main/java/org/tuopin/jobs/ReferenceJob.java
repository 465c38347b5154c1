package org.tuopin.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.ops.RunLog;
import org.tuopin.common.reference.ReferenceData;
import org.tuopin.common.reference.ReferenceFingerprint;

/** Loads {@code conf/reference} into the {@code ref.*} Delta tables (each replaced whole). */
public final class ReferenceJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceJob.class);
  public static final String STAGE = "reference";

  private final JobContext ctx;

  public ReferenceJob(JobContext ctx) {
    this.ctx = ctx;
  }

  /** True when the ref tables are missing or were loaded from other reference files than the current ones. */
  public boolean changed() {
    String dir = ctx.config().paths().reference();
    if (!ctx.catalog().exists(ctx.spark(), Table.REF_PROVINCES)) {
      return true;
    }
    String now = ReferenceFingerprint.of(ctx.spark().sparkContext().hadoopConfiguration(), dir);
    return !now.equals(ctx.catalog().properties(ctx.spark(), Table.REF_PROVINCES).get(ReferenceFingerprint.PROPERTY));
  }

  public StageResult execute() {
    Instant start = Instant.now();
    String dir = ctx.config().paths().reference();
    String fingerprint = ReferenceFingerprint.of(ctx.spark().sparkContext().hadoopConfiguration(), dir);
    LOG.info("loading reference data from {}", dir);
    ReferenceData ref = new ReferenceData(ctx.spark(), dir);
    Map<String, Long> versions = new LinkedHashMap<>();
    long rows = 0;
    // The tables are small and independent: each write costs mostly a Delta commit on the driver,
    // so they are written a few at a time instead of one after the other.
    List<Table> order = new ArrayList<>();
    List<Callable<long[]>> loads = new ArrayList<>();
    for (Map.Entry<Table, Dataset<Row>> e : ref.all().entrySet()) {
      Table t = e.getKey();
      Dataset<Row> df = e.getValue().coalesce(1);
      order.add(t);
      loads.add(() -> load(t, df));
    }
    List<long[]> loaded = Concurrently.run(loads, PARALLEL_WRITES, "loading the reference tables");
    for (int i = 0; i < order.size(); i++) {
      long[] nv = loaded.get(i);
      versions.put(order.get(i).qualifiedName(), nv[1]);
      rows += nv[0];
      LOG.info("{}: {} rows (version {})", order.get(i).qualifiedName(), nv[0], nv[1]);
    }
    // The dictionary is rendered from the code, not from conf/reference, but it belongs with the
    // other ref tables so that every warehouse a statistician opens carries it.
    rows += new DictionaryJob(ctx).writeTable();
    versions.put(Table.REF_DATA_DICTIONARY.qualifiedName(), DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.REF_DATA_DICTIONARY)));
    // Recorded last: a run killed before this point reloads everything next time.
    ctx.spark().sql("ALTER TABLE delta.`" + ctx.catalog().path(Table.REF_PROVINCES) + "` SET TBLPROPERTIES ('"
        + ReferenceFingerprint.PROPERTY + "' = '" + fingerprint + "')");
    ctx.catalog().registerAll(ctx.spark());
    StageResult r = new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), rows, rows, 0, versions, "reference tables loaded from " + dir);
    RunLog.append(ctx.spark(), ctx.catalog(), ctx.runId(), null, r);
    return r;
  }

  /** Reference tables written at the same time. */
  private static final int PARALLEL_WRITES = 4;

  /** Replaces one ref table; returns its row count and Delta version. */
  private long[] load(Table t, Dataset<Row> df) {
    ctx.describe("reference " + t.qualifiedName());
    df.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(ctx.catalog().path(t));
    long n = ctx.spark().read().format("delta").load(ctx.catalog().path(t)).count();
    return new long[] {n, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(t))};
  }

}
