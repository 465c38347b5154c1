package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.RunLog;

/**
 * What a stage read, as it records it in its ops.runs row: the Delta version of every input table
 * ({@link #PREFIX}{@code <table>}) and a fingerprint of the code version and the settings its rules
 * depend on ({@link #RULES_KEY}). Comparing them with what the last successful run of the stage
 * recorded tells the stage what changed since: nothing (skip), some tables (work on those), or its
 * rules (redo everything).
 */
final class ReadVersions {
  private ReadVersions() {}

  /** Prefix of the table_versions keys that record what a stage read (not what it wrote). */
  static final String PREFIX = "read:";
  /** The table_versions key of the rule fingerprint. */
  static final String RULES_KEY = PREFIX + "rules";

  static String key(Table t) {
    return PREFIX + t.qualifiedName();
  }

  /**
   * The read versions of the tables that exist now, and the fingerprint of the code version and
   * {@code settings} (the configuration records the stage's rules read).
   */
  static Map<String, Long> now(JobContext ctx, Collection<Table> tables, Object... settings) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Table t : tables) {
      if (ctx.catalog().exists(ctx.spark(), t)) {
        m.put(key(t), DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(t)));
      }
    }
    m.put(RULES_KEY, fingerprint(settings));
    return m;
  }

  /** The code version and the settings, hashed: equal fingerprints mean the same rules. */
  private static long fingerprint(Object... settings) {
    StringBuilder s = new StringBuilder(Optional.ofNullable(ReadVersions.class.getPackage().getImplementationVersion()).orElse("dev"));
    for (Object o : settings) {
      s.append('|').append(o);
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(h).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The read versions recorded by the latest successful run of a stage; empty when there is none. */
  static Map<String, Long> lastSuccessful(JobContext ctx, String stage) {
    if (!ctx.catalog().exists(ctx.spark(), Table.OPS_RUNS)) {
      return Map.of();
    }
    Dataset<Row> runs =
        ctx.catalog().read(ctx.spark(), Table.OPS_RUNS)
            .where(col(RunLog.STAGE).equalTo(stage).and(col(RunLog.OUTCOME).equalTo(ExitStatus.OK.name())))
            .orderBy(col(RunLog.ENDED_AT).desc())
            .select(col(RunLog.TABLE_VERSIONS))
            .limit(1);
    List<Row> last = runs.collectAsList(); // at most one row of run metadata
    if (last.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> m = new LinkedHashMap<>();
    Map<String, Object> versions = last.get(0).getJavaMap(0);
    versions.forEach((k, v) -> {
      if (k.startsWith(PREFIX)) {
        m.put(k, ((Number) v).longValue());
      }
    });
    return m.containsKey(RULES_KEY) ? m : Map.of();
  }
}
