package org.tuopin.jobs.sql;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * A Spark session extension that refuses every statement that would change data or table
 * definitions, for the analysts' JDBC server. It is a check rule on analysed plans, so it holds
 * whatever client sends the statement. Reading, SHOW, DESCRIBE, EXPLAIN, SET and USE pass.
 */
public final class ReadOnlyExtension extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  /** Words in the class names of Spark's and Delta's writing plan nodes. */
  private static final List<String> WRITING =
      List.of(
          "Insert", "Create", "Drop", "Alter", "Delete", "Update", "Merge", "Truncate", "Write", "Replace",
          "Vacuum", "Optimize", "Restore", "Repair", "LoadData", "AddPartitions", "Rename", "SetTableProperties",
          "UnsetTableProperties", "CacheTable", "Clone", "Convert", "Generate", "AddColumns", "Reorg");

  /** Set while the server itself registers the catalogue, which is the one change it makes. */
  private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /** Runs the server's own catalogue registration past the guard. */
  public static void trusted(Runnable r) {
    TRUSTED.set(Boolean.TRUE);
    try {
      r.run();
    } finally {
      TRUSTED.set(Boolean.FALSE);
    }
  }

  @Override
  public BoxedUnit apply(SparkSessionExtensions ext) {
    ext.injectCheckRule(new AbstractFunction1<SparkSession, scala.Function1<LogicalPlan, BoxedUnit>>() {
      @Override
      public scala.Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
        return new AbstractFunction1<LogicalPlan, BoxedUnit>() {
          @Override
          public BoxedUnit apply(LogicalPlan plan) {
            String writer = TRUSTED.get() ? null : writingNode(plan);
            if (writer != null) {
              throw new SecurityException(
                  "this Tuopin SQL server is read-only (" + writer + " refused); start it with --admin to change tables");
            }
            return BoxedUnit.UNIT;
          }
        };
      }
    });
    return BoxedUnit.UNIT;
  }

  /** The simple class name of the first writing node in the plan, or null when it only reads. */
  static String writingNode(LogicalPlan plan) {
    String name = plan.getClass().getSimpleName();
    for (String w : WRITING) {
      if (name.contains(w)) {
        return name;
      }
    }
    scala.collection.Iterator<LogicalPlan> children = plan.children().iterator();
    while (children.hasNext()) {
      String found = writingNode(children.next());
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
