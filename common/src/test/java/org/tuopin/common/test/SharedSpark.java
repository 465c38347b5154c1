package org.tuopin.common.test;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local SparkSession for the whole test JVM (local[2], UI off, two shuffle partitions, no
 * generated code or adaptive execution, Delta enabled), created on first use and stopped when the
 * JVM's tests end. Use it with {@code @ExtendWith(SharedSpark.class)} and {@link #spark()}.
 */
public final class SharedSpark implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
  /**
   * Settings for tiny data, in this session and in the child JVMs tests start. The results are the
   * same; the jobs keep Spark's defaults, and the demo (in CI too) runs them on real plans.
   * <ul>
   *   <li>No generated code: tests run many small, different plans on tiny tables, and compiling
   *       code for each costs more than running it interpreted (about a third of a nightly on test
   *       data).
   *   <li>No adaptive execution: it re-plans at every stage boundary, and with two shuffle
   *       partitions of a few rows it has nothing to coalesce or split (about a sixth of a nightly).
   * </ul>
   */
  public static final Map<String, String> TINY_DATA_SETTINGS =
      Map.of(
          "spark.sql.codegen.wholeStage", "false",
          "spark.sql.codegen.factoryMode", "NO_CODEGEN",
          "spark.sql.adaptive.enabled", "false");

  private static SparkSession session;
  private static Path root;
  private static JavaDataFrameSuiteBase assertions;

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (session == null) {
      start();
      // Stored in the root context: closed once, after the last test class of the JVM.
      context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedSpark.class.getName(), this);
    }
  }

  /** The shared session; starts it when called outside the extension. */
  public static synchronized SparkSession spark() {
    if (session == null) {
      start();
    }
    return session;
  }

  /** A fresh empty folder for one test's tables and files. */
  public static Path tempDir(String name) {
    try {
      spark();
      return Files.createTempDirectory(root, name + "-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Order-insensitive DataFrame equality that names the differing rows (spark-testing-base). */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    spark();
    assertions.assertDataFrameNoOrderEquals(expected, actual);
  }

  private static void start() {
    try {
      String base = System.getProperty("tuopin.test.tmp", System.getProperty("java.io.tmpdir"));
      new File(base).mkdirs();
      root = Files.createTempDirectory(Path.of(base), "spark-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    SparkSession.Builder builder =
        SparkSession.builder()
            .master("local[2]")
            .appName("tuopin-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            // As in the jobs' sessions (SparkSessions), so tests run the same plans.
            .config("spark.sql.optimizer.excludedRules", "org.apache.spark.sql.catalyst.optimizer.TransposeWindow")
            .config("spark.sql.optimizer.dynamicPartitionPruning.enabled", "false")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.warehouse.dir", root.resolve("spark-warehouse").toString())
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.ui.showConsoleProgress", "false");
    TINY_DATA_SETTINGS.forEach(builder::config);
    session = builder.getOrCreate();
    session.sparkContext().setLogLevel("WARN");
    SparkSessionProvider._sparkSession_$eq(session);
    assertions = new JavaDataFrameSuiteBase();
  }

  @Override
  public void close() {
    synchronized (SharedSpark.class) {
      if (session != null) {
        session.stop();
        session = null;
      }
    }
  }
}
