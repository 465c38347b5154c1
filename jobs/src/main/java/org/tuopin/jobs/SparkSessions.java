package org.tuopin.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.tuopin.common.config.TuopinConfig;

/** Builds the one SparkSession of a run from the typed configuration (jobs only; common never does). */
public final class SparkSessions {
  private SparkSessions() {}

  /** The optimizer rule the sessions leave out (see {@link #create(TuopinConfig, List)}). */
  public static final String TRANSPOSE_WINDOW = "org.apache.spark.sql.catalyst.optimizer.TransposeWindow";

  /** Spark's switch for dynamic partition pruning, off in the sessions (see {@link #create(TuopinConfig, List)}). */
  public static final String DYNAMIC_PARTITION_PRUNING = "spark.sql.optimizer.dynamicPartitionPruning.enabled";

  /** Spark's largest whole-stage generated method, set to HotSpot's compile limit in the sessions. */
  public static final String HUGE_METHOD_LIMIT = "spark.sql.codegen.hugeMethodLimit";

  public static SparkSession create(TuopinConfig config) {
    return create(config, List.of());
  }

  /**
   * A session with further session extensions (class names) after Delta's, e.g. the read-only
   * guard of the SQL server.
   */
  public static SparkSession create(TuopinConfig config, List<String> extensions) {
    TuopinConfig.SparkSettings s = config.spark();
    List<String> ext = new ArrayList<>();
    ext.add("io.delta.sql.DeltaSparkSessionExtension");
    ext.addAll(extensions);
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(s.appName())
            .config("spark.sql.extensions", String.join(",", ext))
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.shuffle.partitions", String.valueOf(s.shufflePartitions()))
            .config("spark.ui.enabled", String.valueOf(s.uiEnabled()))
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            // TransposeWindow moves the least specific of adjacent windows to the bottom, which costs
            // conform's duplicate checks one sort of every line per window; without it, windows whose
            // partition keys are prefixes of the one below share a single sort (Preparation.duplicates).
            .config("spark.sql.optimizer.excludedRules", TRANSPOSE_WINDOW)
            // Dynamic partition pruning copies the whole other side of a join into a pruning subquery of
            // every partitioned scan it joins; the assessment's chain of left joins on reporting_year
            // (a partition column of curated and silver tables) grew a plan of 3 MB that took 100 s to
            // plan for 5,824 rows. The stages prune partitions with explicit predicates instead.
            // Settings under tuopin.spark.extra come after and can turn it back on.
            .config(DYNAMIC_PARTITION_PRUNING, "false")
            // HotSpot does not compile a method of more than 8,000 bytes of bytecode: above that it
            // stays interpreted. Conform's rule evaluation (some 30 predicates in one projection)
            // generated a whole-stage method above it and ran its member lines interpreted; at this
            // limit Spark falls back to per-expression code, split into compiled methods.
            .config(HUGE_METHOD_LIMIT, "8000")
            // Keeps the catalogue's bookkeeping inside the warehouse, not in the working directory.
            .config("spark.sql.warehouse.dir", config.paths().warehouse() + "/_catalog");
    if (!s.master().isBlank()) {
      b = b.master(s.master());
      if (s.master().startsWith("local")) {
        b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    for (Map.Entry<String, String> e : s.extra().entrySet()) {
      b = b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(s.logLevel());
    return spark;
  }
}
