package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tuopin.common.id.ResidentIdColumns;
import org.tuopin.common.schema.InjectedErrors;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;

/**
 * Corrupts a deterministic share of the lines of a landing frame with the faults of {@link
 * ErrorKind}, and lists which line got which fault. A line is corrupted when a hash of the seed
 * and its content falls below the rate; the kind is chosen by a second hash among the kinds that
 * apply to the file.
 */
public final class ErrorInjection {
  /** Column of a corrupted frame: the kind's name on a corrupted line, null on a clean one. */
  public static final String KIND = "error_kind";
  /** Column of a corrupted frame: 1 on the second copy of a duplicated line, else 0. */
  public static final String COPY = "error_copy";

  /** An attribute label that is in no code list. */
  static final String UNKNOWN_ATTRIBUTE_LABEL = "一般户";
  /** Appended to an income to make it non-numeric. */
  static final String CURRENCY_SUFFIX = "元";
  /** A month that does not exist, put into an ID's birth date. */
  static final String IMPOSSIBLE_MONTH = "13";
  /** County digits that no county code of GB/T 2260 ends with. */
  static final String NO_SUCH_COUNTY_DIGITS = "99";
  /** A household sequence that the generator never assigns. */
  static final String NO_SUCH_HOUSEHOLD_SEQUENCE = "0000";
  /** Months worked beyond the 12 of a year. */
  static final String TOO_MANY_MONTHS = "15";

  private final long seed;
  private final double rate;

  public ErrorInjection(long seed, double rate) {
    this.seed = seed;
    this.rate = rate;
  }

  /**
   * The frame with that share of lines corrupted: the same columns plus {@link #KIND} and {@link
   * #COPY}. A {@link ErrorKind#DUPLICATE_LINE} line appears twice, the copy carrying the kind.
   */
  public Dataset<Row> corrupt(Dataset<Row> landing, String file) {
    List<ErrorKind> kinds = ErrorKind.forFile(file);
    Column key = concat(col(LandingLayout.BATCH_PROVINCE), col(LandingLayout.BATCH_YEAR).cast("string"), col(LandingLayout.columns(file).get(0)), col(LandingLayout.columns(file).get(1)));
    Column chosen = floor(Rand.uniform(seed, "inject-kind-" + file, key).multiply(kinds.size())).cast("int");
    Column kind = null;
    for (int i = 0; i < kinds.size(); i++) {
      kind = kind == null ? when(chosen.equalTo(i), lit(kinds.get(i).name())) : kind.when(chosen.equalTo(i), lit(kinds.get(i).name()));
    }
    Column hit = Rand.uniform(seed, "inject-" + file, key).lt(rate);
    Dataset<Row> df = landing.withColumn(KIND, when(hit, kind));

    Map<String, Column> replaced = new LinkedHashMap<>();
    if (file.equals(LandingHouseholds.FILE)) {
      replaced.put(LandingHouseholds.HEAD_RESIDENT_ID, idFaults(col(LandingHouseholds.HEAD_RESIDENT_ID)));
      Column income = col(LandingHouseholds.PER_CAPITA_INCOME);
      replaced.put(
          LandingHouseholds.PER_CAPITA_INCOME,
          when(is(ErrorKind.NON_NUMERIC_INCOME), concat(income, lit(CURRENCY_SUFFIX)))
              .when(is(ErrorKind.NEGATIVE_INCOME), concat(lit("-"), income))
              .otherwise(income));
      replaced.put(
          LandingHouseholds.ATTRIBUTE,
          when(is(ErrorKind.UNKNOWN_ATTRIBUTE), lit(UNKNOWN_ATTRIBUTE_LABEL)).otherwise(col(LandingHouseholds.ATTRIBUTE)));
      replaced.put(
          LandingHouseholds.IDENTIFIED_YEAR,
          when(is(ErrorKind.FUTURE_YEAR), col(LandingHouseholds.REPORTING_YEAR).cast("int").plus(1).cast("string"))
              .otherwise(col(LandingHouseholds.IDENTIFIED_YEAR)));
      Column village = col(LandingHouseholds.VILLAGE_CODE);
      replaced.put(
          LandingHouseholds.VILLAGE_CODE,
          when(is(ErrorKind.VILLAGE_OUTSIDE_COUNTY), concat(substring(village, 1, 4), lit(NO_SUCH_COUNTY_DIGITS), substring(village, 7, 6)))
              .otherwise(village));
      replaced.put(
          LandingHouseholds.STATUS,
          when(is(ErrorKind.EXITED_WITHOUT_EXIT_YEAR), lit(org.tuopin.common.domain.Codebook.HouseholdStatus.EXITED.name()))
              .otherwise(col(LandingHouseholds.STATUS)));
      replaced.put(
          LandingHouseholds.EXIT_YEAR,
          when(is(ErrorKind.EXITED_WITHOUT_EXIT_YEAR), lit(null).cast("string")).otherwise(col(LandingHouseholds.EXIT_YEAR)));
      replaced.put(
          LandingHouseholds.HOUSEHOLD_SIZE,
          when(is(ErrorKind.MISSING_REQUIRED_FIELD), lit(null).cast("string")).otherwise(col(LandingHouseholds.HOUSEHOLD_SIZE)));
    } else if (file.equals(LandingMembers.FILE)) {
      replaced.put(LandingMembers.RESIDENT_ID, idFaults(col(LandingMembers.RESIDENT_ID)));
      replaced.put(
          LandingMembers.MONTHS_WORKED,
          when(is(ErrorKind.MONTHS_WORKED_OUT_OF_RANGE), lit(TOO_MANY_MONTHS)).otherwise(col(LandingMembers.MONTHS_WORKED)));
      Column hh = col(LandingMembers.HOUSEHOLD_ID);
      replaced.put(
          LandingMembers.HOUSEHOLD_ID,
          when(is(ErrorKind.ORPHAN_MEMBER), concat(substring(hh, 1, 12), lit(NO_SUCH_HOUSEHOLD_SEQUENCE))).otherwise(hh));
      replaced.put(
          LandingMembers.SEX,
          when(is(ErrorKind.MISSING_REQUIRED_FIELD), lit(null).cast("string")).otherwise(col(LandingMembers.SEX)));
    }
    for (Map.Entry<String, Column> e : replaced.entrySet()) {
      df = df.withColumn(e.getKey(), e.getValue());
    }
    Column copies = when(is(ErrorKind.DUPLICATE_LINE), array(lit(0), lit(1))).otherwise(array(lit(0)));
    df = df.withColumn(COPY, explode(copies));
    // The original of a duplicated line is clean; only the copy is recorded.
    return df.withColumn(
        KIND, when(col(KIND).equalTo(ErrorKind.DUPLICATE_LINE.name()).and(col(COPY).equalTo(0)), lit(null).cast("string")).otherwise(col(KIND)));
  }

  private static Column is(ErrorKind k) {
    return col(KIND).eqNullSafe(k.name());
  }

  /** The three ID faults: a wrong check character, the 15-digit form, an impossible month. */
  private static Column idFaults(Column id) {
    Column check = substring(id, 18, 1);
    Column wrongCheck = concat(substring(id, 1, 17), when(check.equalTo("0"), lit("1")).otherwise(lit("0")));
    Column legacy = concat(substring(id, 1, 6), substring(id, 9, 6), substring(id, 15, 3));
    Column badDate17 = concat(substring(id, 1, 10), lit(IMPOSSIBLE_MONTH), substring(id, 13, 5));
    Column badDate = concat(badDate17, ResidentIdColumns.checkCharacter(badDate17));
    return when(is(ErrorKind.BAD_CHECK_CHARACTER), wrongCheck)
        .when(is(ErrorKind.LEGACY_15_DIGIT_ID), legacy)
        .when(is(ErrorKind.IMPOSSIBLE_BIRTH_DATE), badDate)
        .otherwise(id);
  }

  /**
   * The rows of injected_errors.csv for a corrupted frame: the line of each corrupted record in
   * its file, counted in the order the file is written ({@link LandingLayout#sortColumns}), the
   * header being line 1.
   */
  public static Dataset<Row> injected(Dataset<Row> corrupted, String file) {
    List<Column> order = new ArrayList<>();
    for (String c : LandingLayout.sortColumns(file).subList(2, LandingLayout.sortColumns(file).size())) {
      order.add(col(c).asc_nulls_first());
    }
    order.add(col(COPY));
    Column line =
        row_number()
            .over(
                Window.partitionBy(col(LandingLayout.BATCH_PROVINCE), col(LandingLayout.BATCH_YEAR))
                    .orderBy(order.toArray(new Column[0])))
            .plus(1);
    Column outcome = null;
    for (ErrorKind k : ErrorKind.values()) {
      outcome = outcome == null ? when(col(KIND).equalTo(k.name()), lit(k.ruleId())) : outcome.when(col(KIND).equalTo(k.name()), lit(k.ruleId()));
    }
    return corrupted
        .withColumn("_line", line)
        .filter(col(KIND).isNotNull())
        .select(
            col(LandingLayout.BATCH_PROVINCE).as(InjectedErrors.PROVINCE_CODE),
            LandingLayout.batchId(col(LandingLayout.BATCH_PROVINCE), col(LandingLayout.BATCH_YEAR)).as(InjectedErrors.BATCH_ID),
            lit(file).as(InjectedErrors.FILE_NAME),
            col("_line").cast("long").as(InjectedErrors.LINE),
            col(KIND).as(InjectedErrors.KIND),
            outcome.as(InjectedErrors.EXPECTED_OUTCOME));
  }
}
