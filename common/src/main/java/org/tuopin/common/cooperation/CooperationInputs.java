package org.tuopin.common.cooperation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tuopin.common.conform.RuleEvaluator;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.Lineage;

/**
 * How bronze cooperation lines become silver: a helper's batch states its cooperation of a year in
 * full, so for each file, delivering province and batch year the latest loaded batch (by ingest
 * time, then batch id) is the one in force; earlier batches are superseded. Silver is rebuilt from
 * the batches in force on every run (the tables hold a few hundred lines a year), which makes the
 * stage idempotent without a MERGE. Pure functions.
 */
public final class CooperationInputs {
  private CooperationInputs() {}

  private static final String RANK = "_c_batch_rank";
  private static final String BATCH_FAILS = "_c_batch_fails";

  /** The bronze lines of the batches in force. */
  public static Dataset<Row> inForce(Dataset<Row> bronze) {
    return bronze
        .withColumn(
            RANK,
            dense_rank()
                .over(
                    Window.partitionBy(col(Lineage.PROVINCE), col(Bronze.BATCH_YEAR))
                        .orderBy(col(Lineage.INGESTED_AT).desc(), col(Lineage.BATCH_ID).desc())))
        .where(col(RANK).equalTo(1))
        .drop(RANK);
  }

  /** Evaluated lines of batches that no line refused (FAIL_BATCH), with a flag column. */
  public static Dataset<Row> withBatchVerdict(Dataset<Row> evaluated) {
    return evaluated.withColumn(
        BATCH_FAILS, max(col(RuleEvaluator.FAILS_BATCH)).over(Window.partitionBy(col(Lineage.BATCH_ID))));
  }

  /** True for a line for silver: batch not refused, line not quarantined (after {@link #withBatchVerdict}). */
  public static Column validLine() {
    return not(col(BATCH_FAILS)).and(not(col(RuleEvaluator.QUARANTINED)));
  }

  /** True for a line for quarantine: batch not refused, line quarantined. */
  public static Column quarantinedLine() {
    return not(col(BATCH_FAILS)).and(col(RuleEvaluator.QUARANTINED));
  }

  /** True for a line of a refused batch: none reaches silver or quarantine. */
  public static Column refusedLine() {
    return col(BATCH_FAILS);
  }

  /** The lines judged (after {@link #withBatchVerdict}), and how many go to silver, to quarantine, or are in refused batches. */
  public record Counts(long lines, long valid, long quarantined, long refused) {}

  /** {@link Counts} of judged lines, in one pass (one aggregate row). */
  public static Counts counts(Dataset<Row> judged) {
    Row r =
        judged
            .agg(
                count(lit(1)),
                sum(when(validLine(), lit(1L)).otherwise(lit(0L))),
                sum(when(quarantinedLine(), lit(1L)).otherwise(lit(0L))),
                sum(when(refusedLine(), lit(1L)).otherwise(lit(0L))))
            .first();
    long lines = r.getLong(0);
    // Sums over no rows are null.
    return lines == 0 ? new Counts(0, 0, 0, 0) : new Counts(lines, r.getLong(1), r.getLong(2), r.getLong(3));
  }

  /** Lines for silver (after {@link #withBatchVerdict}). */
  public static Dataset<Row> valid(Dataset<Row> judged) {
    return judged.where(validLine());
  }

  /** Lines for quarantine (after {@link #withBatchVerdict}). */
  public static Dataset<Row> quarantined(Dataset<Row> judged) {
    return judged.where(quarantinedLine());
  }
}
