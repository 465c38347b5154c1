package org.tuopin.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.reference.ReferenceData;

/** Loads {@code conf/reference} into the {@code ref.*} Delta tables (each replaced whole). */
public final class ReferenceJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceJob.class);
  public static final String STAGE = "reference";

  private final JobContext ctx;

  public ReferenceJob(JobContext ctx) {
    this.ctx = ctx;
  }

  public StageResult execute() {
    Instant start = Instant.now();
    String dir = ctx.config().paths().reference();
    LOG.info("loading reference data from {}", dir);
    ReferenceData ref = new ReferenceData(ctx.spark(), dir);
    Map<String, Long> versions = new LinkedHashMap<>();
    long rows = 0;
    for (Map.Entry<Table, Dataset<Row>> e : ref.all().entrySet()) {
      Table t = e.getKey();
      ctx.describe("reference " + t.qualifiedName());
      Dataset<Row> df = e.getValue().coalesce(1);
      df.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(ctx.catalog().path(t));
      long n = ctx.spark().read().format("delta").load(ctx.catalog().path(t)).count();
      long v = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(t));
      versions.put(t.qualifiedName(), v);
      rows += n;
      LOG.info("{}: {} rows (version {})", t.qualifiedName(), n, v);
    }
    ctx.catalog().registerAll(ctx.spark());
    return new StageResult(STAGE, ExitStatus.OK, start, Instant.now(), rows, rows, 0, versions, "reference tables loaded from " + dir);
  }
}
