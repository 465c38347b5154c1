package org.tuopin.jobs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The privacy scan of the ingest and conform tests: no raw resident ID may appear anywhere in a
 * table row (every column, cast to text) or in a log line. The IDs are a one-column DataFrame
 * ({@link #ID}) and the scan is a join, so thousands of IDs cost one small Spark job per table.
 */
final class PrivacyScan {
  private PrivacyScan() {}

  /** The column of an ID frame. */
  static final String ID = "raw_id";
  private static final String TEXT = "_text";

  /** The IDs as an ID frame. */
  static Dataset<Row> ids(SparkSession spark, List<String> ids) {
    return spark.createDataset(ids, Encoders.STRING()).toDF(ID);
  }

  /** Log text as a one-column frame of lines, so that it can be scanned like a table. */
  static Dataset<Row> lines(SparkSession spark, String text) {
    return spark.createDataset(Arrays.asList(text.split("\n")), Encoders.STRING()).toDF(TEXT);
  }

  /** Rows of a frame that contain any of the IDs somewhere in their text. */
  static long rowsWithRawIds(Dataset<Row> rows, Dataset<Row> ids) {
    Column text = concat_ws("|", Arrays.stream(rows.columns()).map(c -> col(c).cast("string")).toArray(Column[]::new));
    return rows.select(text.as(TEXT)).join(broadcast(ids), col(TEXT).contains(col(ID))).count();
  }

  static void assertNoRawIds(Dataset<Row> rows, Dataset<Row> ids, String where) {
    assertEquals(0, rowsWithRawIds(rows, ids), "raw resident ID in " + where);
  }

  /** Captures everything logged through log4j (the SLF4J backend here) while open. */
  static final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final WriterAppender appender;

    LogCapture(StringWriter target) {
      appender =
          WriterAppender.newBuilder()
              .setName("privacy-scan-capture")
              .setTarget(target)
              .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
              .build();
      appender.start();
      context.getConfiguration().getRootLogger().addAppender(appender, null, null);
      context.updateLoggers();
    }

    @Override
    public void close() {
      context.getConfiguration().getRootLogger().removeAppender(appender.getName());
      context.updateLoggers();
      appender.stop();
    }
  }
}
