package org.tuopin.common.yearend;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.tuopin.common.curated.Level;
import org.tuopin.common.schema.YearEndChanges;
import org.tuopin.common.schema.YearEndReleases;
import org.tuopin.common.schema.YearEndSummary;

/** What a revised release changed, per county, and why: a pure comparison of two releases' pinned rows. */
public final class ReleaseChanges {
  private ReleaseChanges() {}

  private static final String B = "_b_";
  private static final String A = "_a_";

  /**
   * The counties whose pinned figures differ between two releases of the same year.
   *
   * @param before the previous release's pinned rows (only its COUNTY rows of the year are read)
   * @param after the new release's pinned rows
   * @param rulesChanged whether the two releases' rule versions differ
   */
  public static Dataset<Row> compare(
      Dataset<Row> before, Dataset<Row> after, String beforeId, String afterId, int year, boolean rulesChanged) {
    List<String> compared = new ArrayList<>(YearEndSummary.FIGURES);
    compared.add(YearEndSummary.SUPPRESSED);
    List<String> kept = new ArrayList<>(compared);
    kept.addAll(YearEndReleases.FINGERPRINT);
    kept.add(YearEndSummary.AREA_NAME);
    kept.add(YearEndSummary.PARENT_CODE);
    Dataset<Row> b = counties(before, year, B, kept);
    Dataset<Row> a = counties(after, year, A, kept);
    Dataset<Row> j = b.join(a, b.col(B + YearEndSummary.AREA_CODE).equalTo(a.col(A + YearEndSummary.AREA_CODE)), "full");

    List<Column> differs = new ArrayList<>();
    for (String c : compared) {
      differs.add(when(col(B + c).eqNullSafe(col(A + c)).unary_$bang(), lit(c)));
    }
    Column changed = array_compact(array(differs.toArray(new Column[0])));

    Column grew =
        col(A + YearEndReleases.RECORDS).gt(coalesce(col(B + YearEndReleases.RECORDS), lit(0L)))
            .or(col(A + YearEndReleases.MEMBER_RECORDS).gt(coalesce(col(B + YearEndReleases.MEMBER_RECORDS), lit(0L))));
    Column recordsDiffer = lit(false);
    for (String f : List.of(YearEndReleases.RECORDS, YearEndReleases.RECORD_KEY_HASH, YearEndReleases.RECORD_CONTENT_HASH,
        YearEndReleases.MEMBER_RECORDS, YearEndReleases.MEMBER_KEY_HASH)) {
      recordsDiffer = recordsDiffer.or(col(B + f).eqNullSafe(col(A + f)).unary_$bang());
    }
    Column late = coalesce(grew, lit(false));
    Column corrected = recordsDiffer.and(late.unary_$bang());
    Column rules = lit(rulesChanged);
    Column reasons =
        array_compact(
            array(
                when(late, lit(ChangeReason.LATE_RECORDS.name())),
                when(corrected, lit(ChangeReason.CORRECTIONS.name())),
                when(rules, lit(ChangeReason.RULE_CHANGE.name())),
                when(late.or(corrected).or(rules).unary_$bang(), lit(ChangeReason.UNEXPLAINED.name()))));

    Column suppressed = coalesce(col(B + YearEndSummary.SUPPRESSED), lit(false)).or(coalesce(col(A + YearEndSummary.SUPPRESSED), lit(false)));
    Dataset<Row> out =
        j.withColumn(YearEndChanges.CHANGED, changed)
            .filter(size(col(YearEndChanges.CHANGED)).gt(0))
            .select(
                lit(afterId).as(YearEndChanges.RELEASE_ID),
                lit(beforeId).as(YearEndChanges.PREVIOUS_RELEASE_ID),
                lit(year).as(YearEndChanges.REPORTING_YEAR),
                coalesce(col(A + YearEndSummary.AREA_CODE), col(B + YearEndSummary.AREA_CODE)).as(YearEndChanges.COUNTY_CODE),
                coalesce(col(A + YearEndSummary.AREA_NAME), col(B + YearEndSummary.AREA_NAME)).as(YearEndChanges.COUNTY_NAME),
                org.apache.spark.sql.functions.concat(
                        org.apache.spark.sql.functions.substring(
                            coalesce(col(A + YearEndSummary.AREA_CODE), col(B + YearEndSummary.AREA_CODE)), 1, 2),
                        lit("0000"))
                    .as(YearEndChanges.PROVINCE_CODE),
                col(B + YearEndSummary.POOR_PERSONS).as(YearEndChanges.POOR_PERSONS_BEFORE),
                col(A + YearEndSummary.POOR_PERSONS).as(YearEndChanges.POOR_PERSONS_AFTER),
                col(B + YearEndSummary.INCIDENCE_RATE).as(YearEndChanges.INCIDENCE_RATE_BEFORE),
                col(A + YearEndSummary.INCIDENCE_RATE).as(YearEndChanges.INCIDENCE_RATE_AFTER),
                col(B + YearEndSummary.EXITED_PERSONS).as(YearEndChanges.EXITED_PERSONS_BEFORE),
                col(A + YearEndSummary.EXITED_PERSONS).as(YearEndChanges.EXITED_PERSONS_AFTER),
                col(B + YearEndSummary.RETURNED_PERSONS).as(YearEndChanges.RETURNED_PERSONS_BEFORE),
                col(A + YearEndSummary.RETURNED_PERSONS).as(YearEndChanges.RETURNED_PERSONS_AFTER),
                col(B + YearEndSummary.QUESTIONABLE_EXIT_PERSONS).as(YearEndChanges.QUESTIONABLE_EXIT_PERSONS_BEFORE),
                col(A + YearEndSummary.QUESTIONABLE_EXIT_PERSONS).as(YearEndChanges.QUESTIONABLE_EXIT_PERSONS_AFTER),
                col(B + YearEndReleases.RECORDS).as(YearEndChanges.RECORDS_BEFORE),
                col(A + YearEndReleases.RECORDS).as(YearEndChanges.RECORDS_AFTER),
                col(YearEndChanges.CHANGED),
                reasons.as(YearEndChanges.REASONS),
                suppressed.as(YearEndChanges.SUPPRESSED));
    List<Column> typed = new ArrayList<>();
    for (StructField f : YearEndChanges.SCHEMA.fields()) {
      typed.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return out.select(typed.toArray(new Column[0]));
  }

  private static Dataset<Row> counties(Dataset<Row> pinned, int year, String prefix, List<String> kept) {
    List<Column> select = new ArrayList<>();
    select.add(col(YearEndSummary.AREA_CODE).as(prefix + YearEndSummary.AREA_CODE));
    for (String c : kept) {
      select.add(col(c).as(prefix + c));
    }
    return pinned
        .filter(col(YearEndSummary.LEVEL).equalTo(Level.COUNTY.name()).and(col(YearEndSummary.REPORTING_YEAR).equalTo(year)))
        .select(select.toArray(new Column[0]));
  }
}
