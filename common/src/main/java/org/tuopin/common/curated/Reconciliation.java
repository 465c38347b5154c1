package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.QualityMetrics;

/**
 * The nightly reconciliation of the curated tables, as rows of ops.quality_metrics: each level sums
 * to the level above, the household stock identity per county and year (and its person-level
 * residual), and the announced de-listings against the rules. Rule ids start with the key of their
 * {@link ReconcileRule}, e.g. {@code rollup.county_to_prefecture}, {@code household-stock.county}.
 */
public final class Reconciliation {
  private Reconciliation() {}

  /** The first failing rule of severity FAIL, for the stage's one-line error. */
  public record Failure(String ruleId, String table, long rowsFailed, long rowsChecked) {
    /** The configuration key that sets this rule's severity. */
    public String configKey() {
      return "tuopin.curated.reconcile." + ruleId.substring(0, ruleId.indexOf('.'));
    }
  }

  private static final String CHILD_SUM = "_child_";
  private static final String FAILED = "_failed";

  /**
   * Checks the computed tables and returns the metric rows (schema {@link QualityMetrics#SCHEMA}).
   * The frame is small (one row per rule); cache it when it is both written and inspected.
   */
  public static Dataset<Row> check(
      Dataset<Row> incidence,
      Dataset<Row> exits,
      Dataset<Row> countyStatus,
      Map<ReconcileRule, Severity> severities,
      String runId,
      String stage,
      Timestamp measuredAt) {
    List<Dataset<Row>> parts = new ArrayList<>();
    parts.add(rollups(incidence, Table.CURATED_INCIDENCE, CuratedIncidence.COUNTS, severities));
    parts.add(rollups(exits, Table.CURATED_EXITS, CuratedExits.FLOWS, severities));
    Dataset<Row> countyExits = exits.filter(col(CuratedExits.LEVEL).equalTo(Level.COUNTY.name()));
    parts.add(
        metric(
            countyExits.filter(col(CuratedExits.HOUSEHOLD_STOCK_RESIDUAL).isNotNull()),
            col(CuratedExits.HOUSEHOLD_STOCK_RESIDUAL).notEqual(0),
            Table.CURATED_EXITS,
            ReconcileRule.HOUSEHOLD_STOCK.key() + ".county",
            severities.get(ReconcileRule.HOUSEHOLD_STOCK)));
    parts.add(
        metric(
            countyExits.filter(col(CuratedExits.PERSON_STOCK_RESIDUAL).isNotNull()),
            col(CuratedExits.PERSON_STOCK_RESIDUAL).notEqual(0),
            Table.CURATED_EXITS,
            ReconcileRule.PERSON_STOCK.key() + ".county",
            severities.get(ReconcileRule.PERSON_STOCK)));
    parts.add(
        metric(
            countyStatus.filter(
                col(CuratedCountyStatus.ANNOUNCED_DELISTED_YEAR).eqNullSafe(col(CuratedCountyStatus.REPORTING_YEAR))),
            array_contains(col(CuratedCountyStatus.FLAGS), AreaStatus.Flag.ANNOUNCED_NOT_ELIGIBLE.name()),
            Table.CURATED_COUNTY_STATUS,
            ReconcileRule.DELISTED.key() + ".cohort_year",
            severities.get(ReconcileRule.DELISTED)));
    Dataset<Row> all = parts.get(0);
    for (Dataset<Row> p : parts.subList(1, parts.size())) {
      all = all.unionByName(p);
    }
    return all.select(
        lit(runId).as(QualityMetrics.RUN_ID),
        lit(stage).as(QualityMetrics.STAGE),
        col(QualityMetrics.TABLE_NAME),
        col(QualityMetrics.RULE_ID),
        lit(null).cast("string").as(QualityMetrics.BATCH_ID),
        col(QualityMetrics.ROWS_CHECKED),
        col(QualityMetrics.ROWS_FAILED),
        col(QualityMetrics.SEVERITY),
        lit(measuredAt).as(QualityMetrics.MEASURED_AT));
  }

  /** The first (by rule id) FAIL rule with failed rows, if any: one aggregate row to the driver. */
  public static Optional<Failure> firstFailure(Dataset<Row> metrics) {
    Dataset<Row> failing =
        metrics
            .filter(col(QualityMetrics.SEVERITY).equalTo(Severity.FAIL.name()).and(col(QualityMetrics.ROWS_FAILED).gt(0)))
            .orderBy(col(QualityMetrics.TABLE_NAME), col(QualityMetrics.RULE_ID))
            .limit(1);
    List<Row> first = failing.takeAsList(1);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    Row r = first.get(0);
    return Optional.of(
        new Failure(
            r.getAs(QualityMetrics.RULE_ID),
            r.getAs(QualityMetrics.TABLE_NAME),
            r.<Long>getAs(QualityMetrics.ROWS_FAILED),
            r.<Long>getAs(QualityMetrics.ROWS_CHECKED)));
  }

  /** The levels whose areas are summed into their parents, from the bottom. */
  private static final List<Level> CHILD_LEVELS = List.of(Level.VILLAGE, Level.COUNTY, Level.PREFECTURE, Level.PROVINCE, Level.REGION);

  private static final String PARENT_LEVEL = "_parent_level";
  private static final String CHILD_YEAR = "_child_year";
  private static final String CHILD_PARENT = "_child_parent";

  /**
   * Parents of every level against the sums of their children, one metric row per pair of levels:
   * rows checked are the parent areas (and any parent code that only children name), failed those
   * where some count differs. All five pairs are one aggregation and one join: each child row is
   * grouped under its parent's level, year and code, and met by the parent row of that level.
   */
  private static Dataset<Row> rollups(Dataset<Row> table, Table name, List<String> counts, Map<ReconcileRule, Severity> severities) {
    Column parentLevel = null;
    List<String> childNames = new ArrayList<>();
    List<String> parentNames = new ArrayList<>();
    List<Row> rules = new ArrayList<>();
    for (Level child : CHILD_LEVELS) {
      Column c = col(CuratedIncidence.LEVEL).equalTo(child.name());
      parentLevel = parentLevel == null ? when(c, lit(child.parent().name())) : parentLevel.when(c, lit(child.parent().name()));
      childNames.add(child.name());
      parentNames.add(child.parent().name());
      rules.add(
          RowFactory.create(
              child.parent().name(),
              ReconcileRule.ROLLUP.key() + "." + child.name().toLowerCase(Locale.ROOT) + "_to_"
                  + child.parent().name().toLowerCase(Locale.ROOT)));
    }
    List<Column> sums = new ArrayList<>();
    for (String c : counts) {
      sums.add(sum(col(c)).as(CHILD_SUM + c));
    }
    Dataset<Row> children =
        table
            .filter(col(CuratedIncidence.LEVEL).isin(childNames.toArray()))
            .groupBy(
                parentLevel.as(PARENT_LEVEL),
                col(CuratedIncidence.REPORTING_YEAR).as(CHILD_YEAR),
                col(CuratedIncidence.PARENT_CODE).as(CHILD_PARENT))
            .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
    Dataset<Row> parents = table.filter(col(CuratedIncidence.LEVEL).isin(parentNames.toArray()));
    Dataset<Row> joined =
        parents.join(
            children,
            col(CuratedIncidence.LEVEL).equalTo(col(PARENT_LEVEL))
                .and(col(CuratedIncidence.REPORTING_YEAR).equalTo(col(CHILD_YEAR)))
                .and(col(CuratedIncidence.AREA_CODE).equalTo(col(CHILD_PARENT))),
            "full_outer");
    Column differs = lit(false);
    for (String c : counts) {
      differs = differs.or(not(coalesce(col(c), lit(0L)).equalTo(coalesce(col(CHILD_SUM + c), lit(0L)))));
    }
    Dataset<Row> perLevel =
        joined
            .groupBy(coalesce(col(CuratedIncidence.LEVEL), col(PARENT_LEVEL)).as("_level"))
            .agg(count(lit(1)).as(QualityMetrics.ROWS_CHECKED), sum(when(differs, 1L).otherwise(0L)).as(QualityMetrics.ROWS_FAILED));
    // Every pair has its row, checked or not (a level with no area has 0 rows checked).
    StructType ruleSchema =
        new StructType().add("_rule_level", DataTypes.StringType, false).add(QualityMetrics.RULE_ID, DataTypes.StringType, false);
    Dataset<Row> expected = table.sparkSession().createDataFrame(rules, ruleSchema);
    return expected
        .join(broadcast(perLevel), col("_rule_level").equalTo(col("_level")), "left")
        .select(
            lit(name.qualifiedName()).as(QualityMetrics.TABLE_NAME),
            col(QualityMetrics.RULE_ID),
            coalesce(col(QualityMetrics.ROWS_CHECKED), lit(0L)).as(QualityMetrics.ROWS_CHECKED),
            coalesce(col(QualityMetrics.ROWS_FAILED), lit(0L)).as(QualityMetrics.ROWS_FAILED),
            lit(severities.get(ReconcileRule.ROLLUP).name()).as(QualityMetrics.SEVERITY));
  }

  private static Dataset<Row> metric(Dataset<Row> rows, Column failed, Table table, String ruleId, Severity severity) {
    return rows.withColumn(FAILED, when(failed, 1L).otherwise(0L))
        .agg(count(lit(1)).as(QualityMetrics.ROWS_CHECKED), coalesce(sum(col(FAILED)), lit(0L)).as(QualityMetrics.ROWS_FAILED))
        .select(
            lit(table.qualifiedName()).as(QualityMetrics.TABLE_NAME),
            lit(ruleId).as(QualityMetrics.RULE_ID),
            col(QualityMetrics.ROWS_CHECKED),
            col(QualityMetrics.ROWS_FAILED),
            lit(severity.name()).as(QualityMetrics.SEVERITY));
  }
}
