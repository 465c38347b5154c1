package org.tuopin.jobs.sql;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.jobs.JobContext;
import org.tuopin.jobs.SparkSessions;

/**
 * In-process SQL access for notebooks (Python through JPype): one session over the catalogue,
 * results returned as CSV text for {@code pandas.read_csv}. Read-only, like the SQL server.
 */
public final class NotebookSession implements AutoCloseable {
  private final SparkSession spark;

  private NotebookSession(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Opens a session.
   *
   * @param confFile a HOCON file as for --conf, or null for conf/local.conf
   * @param warehouse the warehouse to read, or null for the configured one
   */
  public static NotebookSession open(String confFile, String warehouse) {
    Map<String, String> overrides = warehouse == null ? Map.of() : Map.of("paths.warehouse", warehouse);
    TuopinConfig config = TuopinConfig.load(confFile == null ? null : new File(confFile), overrides);
    SparkSession spark = SparkSessions.create(config, java.util.List.of(ReadOnlyExtension.class.getName()));
    JobContext ctx = JobContext.create(spark, config);
    ReadOnlyExtension.trusted(() -> ctx.catalog().registerAll(spark));
    return new NotebookSession(spark);
  }

  /** The result of a query as CSV with a header, at most {@code limit} rows. */
  public String csv(String sql, int limit) {
    StringWriter w = new StringWriter();
    try (PrintWriter out = new PrintWriter(w)) {
      new ResultPrinter(ResultPrinter.Format.CSV, limit).print(spark.sql(sql), out);
    }
    return w.toString();
  }

  @Override
  public void close() {
    spark.stop();
  }
}
