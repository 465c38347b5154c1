package org.tuopin.common.conform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.QualityMetrics;
import org.tuopin.common.schema.Quarantine;

/**
 * Evaluates a list of rules on every row in one projection: the failed rule ids and their messages
 * as arrays, and two flags (quarantined, fails its batch). Pure functions of DataFrames.
 */
public final class RuleEvaluator {
  private RuleEvaluator() {}

  /** True when the row broke at least one QUARANTINE rule: it goes to quarantine. */
  public static final String QUARANTINED = "_c_quarantined";
  /** True when the row broke a FAIL_BATCH rule: its whole batch is refused. */
  public static final String FAILS_BATCH = "_c_fails_batch";

  /** The boolean column holding whether the row failed the i-th rule of its list. */
  public static String failedColumn(int i) {
    return "_c_failed_" + i;
  }

  /** An empty array of strings: a passed rule's part of rule_ids and messages. */
  private static final Column NONE = array().cast(DataTypes.createArrayType(DataTypes.StringType, false));

  /**
   * Adds rule_ids, messages and the two flags. Each predicate is computed once, into its own
   * boolean column, and everything else reads those columns: the expression trees stay small for
   * the optimiser and code generation, and the metrics sum the same columns. The failed rules'
   * ids and messages are one-element arrays flattened together rather than nulls compacted away:
   * array_compact is a higher-order function, which Spark evaluates row by row without generated
   * code, and it ran on every line.
   */
  public static Dataset<Row> evaluate(Dataset<Row> prepared, List<Rule> rules) {
    List<Column> flags = new ArrayList<>();
    flags.add(col("*"));
    for (int i = 0; i < rules.size(); i++) {
      flags.add(rules.get(i).failed().as(failedColumn(i)));
    }
    List<Column> ids = new ArrayList<>();
    List<Column> messages = new ArrayList<>();
    Column quarantined = lit(false);
    Column failsBatch = lit(false);
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      Column f = col(failedColumn(i));
      ids.add(when(f, array(lit(r.id()))).otherwise(NONE));
      messages.add(when(f, array(r.messageColumn())).otherwise(NONE));
      if (r.severity() == Severity.QUARANTINE) {
        quarantined = quarantined.or(f);
      } else if (r.severity() == Severity.FAIL_BATCH) {
        failsBatch = failsBatch.or(f);
      }
    }
    return prepared
        .select(flags.toArray(new Column[0]))
        .select(
            col("*"),
            flatten(array(ids.toArray(new Column[0]))).as(Quarantine.RULE_IDS),
            flatten(array(messages.toArray(new Column[0]))).as(Quarantine.MESSAGES),
            quarantined.as(QUARANTINED),
            failsBatch.as(FAILS_BATCH));
  }

  /**
   * One aggregation over rows {@link #evaluate}d with a rule list: per batch, the lines
   * ({@link #ROWS}), the lines quarantined ({@link #ROWS_QUARANTINED}) and one failure count per
   * rule. The result is tiny (one row per batch); {@link #metrics} and {@link #batchCounts} read it.
   */
  public static Dataset<Row> perBatch(Dataset<Row> evaluated, List<Rule> rules) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(when(col(QUARANTINED), lit(1L)).otherwise(lit(0L))).as(ROWS_QUARANTINED));
    for (int i = 0; i < rules.size(); i++) {
      aggs.add(sum(when(col(failedColumn(i)), lit(1L)).otherwise(lit(0L))).as("_f" + i));
    }
    return evaluated.groupBy(col(Lineage.BATCH_ID)).agg(count(lit(1)).as(ROWS), aggs.toArray(new Column[0]));
  }

  /** The ops.quality_metrics rows of a {@link #perBatch} result: one per batch and rule. */
  public static Dataset<Row> metrics(
      Dataset<Row> perBatch, List<Rule> rules, Table checked, String stage, String runId, Timestamp measuredAt) {
    List<Column> entries = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      entries.add(
          struct(
              lit(r.id()).as(QualityMetrics.RULE_ID),
              col("_f" + i).as(QualityMetrics.ROWS_FAILED),
              lit(r.severity().name()).as(QualityMetrics.SEVERITY)));
    }
    return perBatch
        .select(col(Lineage.BATCH_ID), col(ROWS), explode(array(entries.toArray(new Column[0]))).as("_e"))
        .select(
            lit(runId).as(QualityMetrics.RUN_ID),
            lit(stage).as(QualityMetrics.STAGE),
            lit(checked.qualifiedName()).as(QualityMetrics.TABLE_NAME),
            col("_e." + QualityMetrics.RULE_ID).as(QualityMetrics.RULE_ID),
            col(Lineage.BATCH_ID).as(QualityMetrics.BATCH_ID),
            col(ROWS).as(QualityMetrics.ROWS_CHECKED),
            col("_e." + QualityMetrics.ROWS_FAILED).as(QualityMetrics.ROWS_FAILED),
            col("_e." + QualityMetrics.SEVERITY).as(QualityMetrics.SEVERITY),
            lit(measuredAt).as(QualityMetrics.MEASURED_AT));
  }

  /** The lines of a {@link #perBatch} result, all batches together (0 when there are none). */
  public static long rows(Dataset<Row> perBatch) {
    Row total = perBatch.agg(sum(col(ROWS))).first();
    return total.isNullAt(0) ? 0 : total.getLong(0);
  }

  /** Per batch: lines checked and lines quarantined, from a {@link #perBatch} result. */
  public static Dataset<Row> batchCounts(Dataset<Row> perBatch) {
    return perBatch.select(col(Lineage.BATCH_ID), col(ROWS), col(ROWS_QUARANTINED));
  }

  /** Columns of {@link #perBatch} and {@link #batchCounts}. */
  public static final String ROWS = "_rows";

  public static final String ROWS_QUARANTINED = "_rows_quarantined";
}
