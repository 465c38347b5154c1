package org.tuopin.common.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.domain.Codebook;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.LandingSurvey;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.SilverMembers;

/**
 * Adds to bronze rows the {@link Prepared} helper columns the rules read: typed values, and the
 * cross-row facts as joins and windows (duplicates, heads and member counts per household, a
 * member's household, a person in two households, known divisions). Pure functions of DataFrames.
 *
 * <p>The duplicate and per-household windows run on narrow projections of the lines (keys, line
 * number, content hashes), never on the wide lines; the facts are joined back to the wide lines by
 * (batch, line) as one narrow row per line.
 */
public final class Preparation {
  private Preparation() {}

  private static final String LEVEL_COUNTY = "COUNTY";
  private static final String LEVEL_PROVINCE = "PROVINCE";
  private static final String HEAD_LABEL = Codebook.Relation.HEAD.label();

  /** The content columns of a bronze table: everything before the lineage and batch metadata. */
  public static List<String> contentColumns(StructType bronze) {
    List<String> out = new ArrayList<>();
    for (StructField f : bronze.fields()) {
      if (Bronze.METADATA.stream().noneMatch(m -> m.name().equals(f.name()))) {
        out.add(f.name());
      }
    }
    return out;
  }

  private static Column[] cols(List<String> names, String... more) {
    List<Column> out = new ArrayList<>();
    for (String m : more) {
      out.add(col(m));
    }
    for (String n : names) {
      out.add(col(n));
    }
    return out.toArray(new Column[0]);
  }

  /** County codes of ref.divisions, as a one-column frame for a broadcast join. */
  private static Dataset<Row> counties(Dataset<Row> divisions, String as) {
    return divisions
        .where(col(Divisions.LEVEL).equalTo(LEVEL_COUNTY))
        .select(col(Divisions.CODE).as(as))
        .distinct();
  }

  private static Dataset<Row> provinces(Dataset<Row> divisions, String as) {
    return divisions
        .where(col(Divisions.LEVEL).equalTo(LEVEL_PROVINCE))
        .select(col(Divisions.CODE).as(as))
        .distinct();
  }

  /** Adds a boolean column: the code column's value is among the codes of a small frame. */
  private static Dataset<Row> flagKnown(Dataset<Row> df, Column code, Dataset<Row> codes, String codeCol, String flag) {
    Dataset<Row> joined = df.join(broadcast(codes), code.equalTo(col(codeCol)), "left");
    return joined.withColumn(flag, col(codeCol).isNotNull()).drop(codeCol);
  }

  /**
   * Names of the year columns holding a value that is not a year, or a year outside the bounds.
   * Each year is read from its typed column ({@code typed}, in the order of {@code yearCols}),
   * computed in an earlier projection: the text is parsed once per column, and the generated code
   * of each projection stays small enough for whole-stage code generation (docs/conform.md).
   */
  private static Column yearsOutside(List<String> yearCols, List<String> typed, TuopinConfig.Conform limits) {
    return Typed.namesWhere(
        yearCols,
        c ->
            Typed.present(col(c))
                .and(not(coalesce(col(typed.get(yearCols.indexOf(c))).between(limits.minYear(), limits.maxYear()), lit(false)))));
  }

  /** Names of the year columns (read from their typed columns) after the batch's reporting year. */
  private static Column yearsAfterBatch(List<String> yearCols, List<String> typed) {
    return Typed.namesWhere(yearCols, c -> col(typed.get(yearCols.indexOf(c))).gt(col(Bronze.BATCH_YEAR)));
  }

  /** The typed reporting year of every table's lines. */
  private static final List<String> YEAR = List.of(Prepared.YEAR);

  /**
   * Duplicate-line rank and key/content counts within a batch, computed with one shuffle and one
   * sort: the content window lists the key columns first (the key starts with the partition
   * columns), so the key window's and any later (batch, partition) window's keys are prefixes of
   * it and reuse its ordering. This needs the sessions' exclusion of the optimizer rule
   * TransposeWindow, which would otherwise put the least specific window at the bottom and sort
   * once per window.
   */
  private static Dataset<Row> duplicates(Dataset<Row> df, List<String> partition, List<String> key, List<String> content) {
    List<String> keyFirst = new ArrayList<>(key);
    for (String c : content) {
      if (!keyFirst.contains(c)) {
        keyFirst.add(c);
      }
    }
    WindowSpec byContent = Window.partitionBy(cols(keyFirst, Lineage.BATCH_ID)).orderBy(col(Lineage.LINE));
    // The same partitioning and order as byContent, with the whole partition as its frame: one
    // window operator computes both.
    WindowSpec byContentAll = byContent.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    WindowSpec byKey = Window.partitionBy(cols(key, Lineage.BATCH_ID));
    // Every window below is partitioned by a superset of (batch, partition columns): hashing by
    // those once lets all of them, and a later join or aggregation on them, reuse this one shuffle.
    // The number of partitions is explicit (the session's shuffle partitions) so that adaptive
    // execution keeps it: a cache of the result then still declares this partitioning, and the
    // households' counts and the member facts' join with their households need no shuffle of it.
    return df.repartition(shufflePartitions(df), cols(partition, Lineage.BATCH_ID))
        .withColumn(Prepared.DUP_RANK, row_number().over(byContent))
        .withColumn(Prepared.CONTENT_ROWS, count(lit(1)).over(byContentAll))
        .withColumn(Prepared.KEY_ROWS, count(lit(1)).over(byKey));
  }

  /** The session's shuffle partitions, for a repartition whose count adaptive execution must keep. */
  private static int shufflePartitions(Dataset<Row> df) {
    return Integer.parseInt(df.sparkSession().conf().get("spark.sql.shuffle.partitions"));
  }

  /**
   * A line's content as two hashes (64 and 32 bits) of its content columns and of which of them
   * are null, so that a null and an empty value, or the same value in two columns, never hash alike
   * by construction. Two lines of the same key in a batch are taken as identical when both hashes
   * agree: a false match needs a 96-bit collision between two lines of one person or household.
   */
  private static Column[] contentHashes(List<String> content) {
    List<Column> parts = new ArrayList<>();
    for (String c : content) {
      parts.add(col(c));
    }
    for (String c : content) {
      parts.add(col(c).isNull());
    }
    Column[] p = parts.toArray(new Column[0]);
    return new Column[] {xxhash64(p).as(CONTENT_HASH_1), hash(p).as(CONTENT_HASH_2)};
  }

  private static final String CONTENT_HASH_1 = "_c_content_h1";
  private static final String CONTENT_HASH_2 = "_c_content_h2";
  private static final List<String> CONTENT_HASHES = List.of(CONTENT_HASH_1, CONTENT_HASH_2);

  /** Joins narrow per-line facts (keyed by _fb batch, _fl line) to the wide lines, hashing only the facts. */
  private static Dataset<Row> withLineFacts(Dataset<Row> lines, Dataset<Row> facts) {
    return lines
        .join(
            facts.hint("shuffle_hash"),
            col(Lineage.BATCH_ID).equalTo(col(FACT_BATCH)).and(col(Lineage.LINE).equalTo(col(FACT_LINE))),
            "left")
        .drop(FACT_BATCH, FACT_LINE);
  }

  private static final String FACT_BATCH = "_fb";
  private static final String FACT_LINE = "_fl";

  // ---------------------------------------------------------------- members (first pass)

  /**
   * The cross-row facts of every member line, on a narrow projection (batch, line, household,
   * person, year, content hashes): duplicate rank and counts, whether the line counts, and its
   * household's member lines and heads in the batch, as windows partitioned by (batch, household).
   * The wide lines are never sorted or buffered for these windows.
   */
  public static Dataset<Row> memberFacts(Dataset<Row> bronzeMembers) {
    List<String> content = contentColumns(Bronze.MEMBERS);
    List<Column> narrow = new ArrayList<>();
    narrow.add(col(Lineage.BATCH_ID));
    narrow.add(col(Lineage.LINE));
    narrow.add(col(LandingMembers.HOUSEHOLD_ID));
    narrow.add(col(Bronze.PERSON_KEY));
    narrow.add(col(LandingMembers.REPORTING_YEAR));
    narrow.add(Typed.year(col(LandingMembers.REPORTING_YEAR)).as(Prepared.YEAR));
    narrow.add(col(Bronze.PARSE_ERROR).isNull().as(PARSED));
    narrow.add(coalesce(trim(col(LandingMembers.RELATION)).equalTo(HEAD_LABEL), lit(false)).as(IS_HEAD));
    narrow.addAll(List.of(contentHashes(content)));
    Dataset<Row> dup =
        duplicates(
            bronzeMembers.select(narrow.toArray(new Column[0])),
            List.of(LandingMembers.HOUSEHOLD_ID),
            List.of(LandingMembers.HOUSEHOLD_ID, Bronze.PERSON_KEY, LandingMembers.REPORTING_YEAR),
            CONTENT_HASHES);
    Column counted = col(PARSED).and(col(Prepared.DUP_RANK).equalTo(1));
    WindowSpec household = Window.partitionBy(col(Lineage.BATCH_ID), col(LandingMembers.HOUSEHOLD_ID));
    // Both sums in one projection: one window operator.
    return dup.withColumn(Prepared.COUNTED, when(counted, lit(1L)).otherwise(lit(0L)))
        .select(
            col(Lineage.BATCH_ID), col(Lineage.LINE), col(LandingMembers.HOUSEHOLD_ID), col(Bronze.PERSON_KEY),
            col(Prepared.YEAR), col(Prepared.DUP_RANK), col(Prepared.CONTENT_ROWS), col(Prepared.KEY_ROWS),
            col(Prepared.COUNTED),
            sum(col(Prepared.COUNTED)).over(household).as(Prepared.MEMBER_ROWS),
            sum(when(col(IS_HEAD), col(Prepared.COUNTED)).otherwise(lit(0L))).over(household).as(Prepared.HEADS));
  }

  private static final String PARSED = "_c_parsed";
  private static final String IS_HEAD = "_c_is_head";

  /** Per (batch, household): member lines and heads, from {@link #memberFacts}. */
  public static Dataset<Row> householdCounts(Dataset<Row> memberFacts) {
    return memberFacts
        .groupBy(col(Lineage.BATCH_ID), col(LandingMembers.HOUSEHOLD_ID))
        .agg(max(col(Prepared.MEMBER_ROWS)).as(Prepared.MEMBER_ROWS), max(col(Prepared.HEADS)).as(Prepared.HEADS));
  }

  /**
   * The (reporting year, person key) pairs found in two households: among the incoming members,
   * or between an incoming member and a silver member of a province-year slice this run does not
   * touch (the slices it touches are being replaced or upserted, so their silver rows are no
   * conflict). Lines that could not be parsed or repeat an earlier line do not count.
   *
   * @param memberFacts {@link #memberFacts} of the incoming members
   * @param silverMembers silver.members (may be empty)
   * @param touchedSlices (reporting_year int, province_code string) slices of the incoming batches
   * @param fewIncoming true when the incoming lines' (year, person) pairs fit a broadcast: silver
   *     rows are then kept only for those pairs before the shuffle (the usual night, when a few
   *     thousand lines meet the million silver members of their year). The result is the same.
   */
  public static Dataset<Row> personConflicts(
      Dataset<Row> memberFacts, Dataset<Row> silverMembers, Dataset<Row> touchedSlices, boolean fewIncoming) {
    Dataset<Row> incoming =
        memberFacts
            .where(
                col(Prepared.COUNTED).equalTo(1)
                    .and(col(Bronze.PERSON_KEY).isNotNull())
                    .and(col(Prepared.YEAR).isNotNull()))
            .select(
                col(Prepared.YEAR).as("_y"),
                col(Bronze.PERSON_KEY).as("_k"),
                col(LandingMembers.HOUSEHOLD_ID).as("_h"),
                lit(true).as("_in"));
    Dataset<Row> others =
        silverMembers
            .join(
                broadcast(touchedSlices),
                silverMembers.col(SilverMembers.REPORTING_YEAR).equalTo(touchedSlices.col(SilverMembers.REPORTING_YEAR))
                    .and(silverMembers.col(SilverMembers.PROVINCE_CODE).equalTo(touchedSlices.col(SilverMembers.PROVINCE_CODE))),
                "left_anti")
            .join(
                broadcast(touchedSlices.select(col(SilverMembers.REPORTING_YEAR).as("_ty")).distinct()),
                col(SilverMembers.REPORTING_YEAR).equalTo(col("_ty")),
                "left_semi")
            .select(
                col(SilverMembers.REPORTING_YEAR).as("_y"),
                col(SilverMembers.PERSON_KEY).as("_k"),
                col(SilverMembers.HOUSEHOLD_ID).as("_h"),
                lit(false).as("_in"));
    if (fewIncoming) {
      others =
          others.join(
              broadcast(incoming.select(col("_y").as("_iy"), col("_k").as("_ik")).distinct()),
              col("_y").equalTo(col("_iy")).and(col("_k").equalTo(col("_ik"))),
              "left_semi");
    }
    // Distinct households per person-year, then how many: two hash aggregations on one shuffle by
    // (year, person). The minimum and maximum of the household id would be one aggregation, but a
    // string buffer forces Spark to sort every member line instead of hashing it.
    return incoming
        .unionByName(others)
        .repartition(shufflePartitions(memberFacts), col("_y"), col("_k"))
        .groupBy(col("_y"), col("_k"), col("_h"))
        .agg(max(col("_in")).as("_in"))
        .groupBy(col("_y"), col("_k"))
        .agg(count(lit(1)).as("_households"), max(col("_in")).as("_any_in"))
        .where(col("_households").gt(1).and(col("_any_in")))
        .select(col("_y"), col("_k"));
  }

  /**
   * Members with typed values and every fact the member rules read: the line's {@link
   * #memberFacts}, its evaluated household (found, quarantined, village, sizes) and whether the
   * person is in two households. The facts are joined as one narrow frame per line.
   */
  public static Dataset<Row> members(
      Dataset<Row> bronzeMembers, Dataset<Row> memberFacts, Dataset<Row> evaluatedHouseholds, Dataset<Row> conflicts,
      Dataset<Row> divisions, TuopinConfig.Conform limits) {
    Dataset<Row> typed =
        bronzeMembers
            .withColumn(Prepared.YEAR, Typed.year(col(LandingMembers.REPORTING_YEAR)))
            .withColumn(Prepared.BIRTH_DATE, Typed.date(col(LandingMembers.BIRTH_DATE)))
            .withColumn(Prepared.MONTHS_WORKED, Typed.integer(col(LandingMembers.MONTHS_WORKED)))
            .withColumn(
                Prepared.MISSING,
                Typed.namesWhere(
                    List.of(
                        LandingMembers.HOUSEHOLD_ID, LandingMembers.REPORTING_YEAR, LandingMembers.RELATION,
                        LandingMembers.SEX, LandingMembers.BIRTH_DATE),
                    c -> Typed.blank(col(c))))
            .withColumn(
                Prepared.BAD_FLAGS,
                Typed.namesWhere(
                    List.of(LandingMembers.DROPPED_OUT, LandingMembers.MEDICAL_INSURANCE, LandingMembers.WORKS_AWAY),
                    c -> Typed.present(col(c)).and(Codebook.toBoolean(col(c)).isNull())))
            .withColumn(Prepared.BAD_YEARS, yearsOutside(List.of(LandingMembers.REPORTING_YEAR), YEAR, limits))
            .withColumn(Prepared.FUTURE_YEARS, yearsAfterBatch(List.of(LandingMembers.REPORTING_YEAR), YEAR));
    typed = flagKnown(typed, col(Lineage.PROVINCE), provinces(divisions, "_p"), "_p", Prepared.PROVINCE_KNOWN);
    typed =
        flagKnown(typed, trim(col(LandingMembers.WORK_PROVINCE)), provinces(divisions, "_wp"), "_wp", Prepared.WORK_PROVINCE_KNOWN);
    Dataset<Row> hh =
        evaluatedHouseholds
            .where(col(Prepared.DUP_RANK).equalTo(1).and(col(Bronze.PARSE_ERROR).isNull()))
            .select(
                col(Lineage.BATCH_ID).as("_hb"),
                col(LandingHouseholds.HOUSEHOLD_ID).as("_hid"),
                col(LandingHouseholds.VILLAGE_CODE).as(Prepared.VILLAGE),
                col(LandingHouseholds.HOUSEHOLD_SIZE).as(Prepared.HOUSEHOLD_DECLARED_SIZE),
                col(Prepared.HOUSEHOLD_SIZE).as("_hsize"),
                col(RuleEvaluator.QUARANTINED).as(Prepared.HOUSEHOLD_QUARANTINED))
            // A household id repeated with different content in a batch is quarantined whole; one
            // line per id keeps the join from multiplying members.
            .dropDuplicates("_hb", "_hid");
    Dataset<Row> facts =
        memberFacts
            .join(
                hh,
                col(Lineage.BATCH_ID).equalTo(col("_hb")).and(col(LandingMembers.HOUSEHOLD_ID).equalTo(col("_hid"))),
                "left")
            .join(
                conflicts,
                col(Prepared.YEAR).equalTo(col("_y")).and(col(Bronze.PERSON_KEY).equalTo(col("_k"))),
                "left")
            .select(
                col(Lineage.BATCH_ID).as(FACT_BATCH),
                col(Lineage.LINE).as(FACT_LINE),
                col(Prepared.DUP_RANK), col(Prepared.CONTENT_ROWS), col(Prepared.KEY_ROWS),
                col(Prepared.MEMBER_ROWS), col(Prepared.HEADS),
                col(Prepared.VILLAGE), col(Prepared.HOUSEHOLD_DECLARED_SIZE),
                col("_hsize").as(Prepared.HOUSEHOLD_SIZE), col(Prepared.HOUSEHOLD_QUARANTINED),
                col("_hid").isNotNull().as(Prepared.HOUSEHOLD_FOUND),
                col("_k").isNotNull().as(Prepared.IN_TWO_HOUSEHOLDS));
    return withLineFacts(typed, facts);
  }

  // ---------------------------------------------------------------- households

  /** Households with typed values, division checks, duplicate facts and their members' counts. */
  public static Dataset<Row> households(
      Dataset<Row> bronzeHouseholds, Dataset<Row> householdCounts, Dataset<Row> divisions, TuopinConfig.Conform limits) {
    List<String> years =
        List.of(LandingHouseholds.REPORTING_YEAR, LandingHouseholds.IDENTIFIED_YEAR, LandingHouseholds.EXIT_YEAR);
    List<String> typedYears = List.of(Prepared.YEAR, Prepared.IDENTIFIED_YEAR, Prepared.EXIT_YEAR);
    Dataset<Row> typed =
        bronzeHouseholds
            .withColumn(Prepared.YEAR, Typed.year(col(LandingHouseholds.REPORTING_YEAR)))
            .withColumn(Prepared.IDENTIFIED_YEAR, Typed.year(col(LandingHouseholds.IDENTIFIED_YEAR)))
            .withColumn(Prepared.EXIT_YEAR, Typed.year(col(LandingHouseholds.EXIT_YEAR)))
            .withColumn(Prepared.HOUSEHOLD_SIZE, Typed.integer(col(LandingHouseholds.HOUSEHOLD_SIZE)))
            .withColumn(Prepared.INCOME, Typed.number(col(LandingHouseholds.PER_CAPITA_INCOME)))
            .withColumn(Prepared.COUNTY, substring(trim(col(LandingHouseholds.VILLAGE_CODE)), 1, 6))
            .withColumn(
                Prepared.MISSING,
                Typed.namesWhere(
                    List.of(
                        LandingHouseholds.HOUSEHOLD_ID, LandingHouseholds.VILLAGE_CODE,
                        LandingHouseholds.REPORTING_YEAR, LandingHouseholds.HOUSEHOLD_SIZE,
                        LandingHouseholds.IDENTIFIED_YEAR, LandingHouseholds.STATUS),
                    c -> Typed.blank(col(c))))
            .withColumn(
                Prepared.BAD_FLAGS,
                Typed.namesWhere(
                    List.of(
                        LandingHouseholds.FOOD_CLOTHING_SECURE, LandingHouseholds.COMPULSORY_EDUCATION,
                        LandingHouseholds.BASIC_MEDICAL_CARE, LandingHouseholds.SAFE_HOUSING,
                        LandingHouseholds.SAFE_WATER, LandingHouseholds.RELOCATED),
                    c -> Typed.present(col(c)).and(Codebook.toBoolean(col(c)).isNull())))
            .withColumn(Prepared.BAD_YEARS, yearsOutside(years, typedYears, limits))
            .withColumn(Prepared.FUTURE_YEARS, yearsAfterBatch(years, typedYears));
    typed = flagKnown(typed, col(Prepared.COUNTY), counties(divisions, "_cty"), "_cty", Prepared.COUNTY_KNOWN);
    typed = flagKnown(typed, col(Lineage.PROVINCE), provinces(divisions, "_p"), "_p", Prepared.PROVINCE_KNOWN);
    List<Column> narrow = new ArrayList<>();
    narrow.add(col(Lineage.BATCH_ID));
    narrow.add(col(Lineage.LINE));
    narrow.add(col(LandingHouseholds.HOUSEHOLD_ID));
    narrow.add(col(LandingHouseholds.REPORTING_YEAR));
    narrow.addAll(List.of(contentHashes(contentColumns(Bronze.HOUSEHOLDS))));
    Dataset<Row> dup =
        duplicates(
            bronzeHouseholds.select(narrow.toArray(new Column[0])),
            List.of(LandingHouseholds.HOUSEHOLD_ID),
            List.of(LandingHouseholds.HOUSEHOLD_ID, LandingHouseholds.REPORTING_YEAR),
            CONTENT_HASHES);
    Dataset<Row> counts =
        householdCounts.select(
            col(Lineage.BATCH_ID).as("_cb"),
            col(LandingMembers.HOUSEHOLD_ID).as("_ch"),
            col(Prepared.MEMBER_ROWS).as("_cm"),
            col(Prepared.HEADS).as("_cheads"));
    Dataset<Row> facts =
        dup.join(
                counts,
                col(Lineage.BATCH_ID).equalTo(col("_cb")).and(col(LandingHouseholds.HOUSEHOLD_ID).equalTo(col("_ch"))),
                "left")
            .select(
                col(Lineage.BATCH_ID).as(FACT_BATCH),
                col(Lineage.LINE).as(FACT_LINE),
                col(Prepared.DUP_RANK), col(Prepared.CONTENT_ROWS), col(Prepared.KEY_ROWS),
                coalesce(col("_cm"), lit(0L)).as(Prepared.MEMBER_ROWS),
                coalesce(col("_cheads"), lit(0L)).as(Prepared.HEADS));
    return withLineFacts(typed, facts);
  }

  // ---------------------------------------------------------------- population

  /** Population lines with typed values, division checks and duplicate facts. */
  public static Dataset<Row> population(Dataset<Row> bronzePopulation, Dataset<Row> divisions, TuopinConfig.Conform limits) {
    List<String> years = List.of(LandingPopulation.REPORTING_YEAR);
    Dataset<Row> typed =
        bronzePopulation
            .withColumn(Prepared.YEAR, Typed.year(col(LandingPopulation.REPORTING_YEAR)))
            .withColumn(Prepared.RURAL_POPULATION, Typed.integer(col(LandingPopulation.RURAL_POPULATION)))
            .withColumn(Prepared.COUNTY, substring(trim(col(LandingPopulation.VILLAGE_CODE)), 1, 6))
            .withColumn(
                Prepared.MISSING,
                Typed.namesWhere(LandingPopulation.COLUMNS, c -> Typed.blank(col(c))))
            .withColumn(Prepared.BAD_YEARS, yearsOutside(years, YEAR, limits))
            .withColumn(Prepared.FUTURE_YEARS, yearsAfterBatch(years, YEAR));
    return areaLines(typed, divisions, LandingPopulation.VILLAGE_CODE, LandingPopulation.REPORTING_YEAR, Bronze.POPULATION);
  }

  /**
   * The division flags and duplicate facts of a file with one area and year per line (population,
   * survey): whether {@link Prepared#COUNTY} and the delivering province are known, and duplicates
   * by (area, year) within a batch.
   */
  private static Dataset<Row> areaLines(Dataset<Row> typed, Dataset<Row> divisions, String area, String year, StructType bronze) {
    Dataset<Row> flagged = flagKnown(typed, col(Prepared.COUNTY), counties(divisions, "_cty"), "_cty", Prepared.COUNTY_KNOWN);
    flagged = flagKnown(flagged, col(Lineage.PROVINCE), provinces(divisions, "_p"), "_p", Prepared.PROVINCE_KNOWN);
    return duplicates(flagged, List.of(area), List.of(area, year), contentColumns(bronze));
  }

  // ---------------------------------------------------------------- cooperation (helper provinces)

  /**
   * Lines of a cooperation file with typed year, missing key fields, measures that are not numbers
   * of their kind (a whole number for counts, a decimal for amounts, 0 or more), whether the pairing
   * is one of ref.pairings, and duplicate facts by (year, helper, helped).
   */
  public static Dataset<Row> cooperation(
      Dataset<Row> bronze, Cooperation.File file, Dataset<Row> divisions, Dataset<Row> pairings, TuopinConfig.Conform limits) {
    List<String> years = List.of(Cooperation.REPORTING_YEAR);
    Dataset<Row> typed =
        bronze
            .withColumn(Prepared.YEAR, Typed.year(col(Cooperation.REPORTING_YEAR)))
            .withColumn(Prepared.MISSING, Typed.namesWhere(Cooperation.KEY_COLUMNS, c -> Typed.blank(col(c))))
            .withColumn(
                Prepared.BAD_MEASURES,
                Typed.namesWhere(
                    file.measureNames(),
                    c -> {
                      boolean amount = file.measures().stream().anyMatch(m -> m.name().equals(c) && m.amount());
                      Column v = amount ? Typed.number(col(c)) : Typed.integer(col(c));
                      return Typed.present(col(c)).and(v.isNull().or(v.lt(0)));
                    }))
            .withColumn(Prepared.BAD_YEARS, yearsOutside(years, YEAR, limits))
            .withColumn(Prepared.FUTURE_YEARS, yearsAfterBatch(years, YEAR));
    typed = flagKnown(typed, col(Lineage.PROVINCE), provinces(divisions, "_p"), "_p", Prepared.PROVINCE_KNOWN);
    Dataset<Row> pairs =
        pairings
            .select(
                col(org.tuopin.common.reference.ReferenceData.Pairings.HELPER_CODE).as("_ph"),
                col(org.tuopin.common.reference.ReferenceData.Pairings.HELPED_CODE).as("_pd"))
            .distinct();
    typed =
        typed.join(
                broadcast(pairs),
                trim(col(Cooperation.HELPER_CODE)).equalTo(col("_ph")).and(trim(col(Cooperation.HELPED_CODE)).equalTo(col("_pd"))),
                "left")
            .withColumn(Prepared.PAIRING_KNOWN, col("_ph").isNotNull())
            .drop("_ph", "_pd");
    return duplicates(typed, List.of(Cooperation.HELPER_CODE), Cooperation.KEY_COLUMNS, contentColumns(file.bronzeSchema()));
  }

  // ---------------------------------------------------------------- survey (third-party assessment)

  /**
   * Survey lines with typed year and counts, missing fields, counts that are not whole numbers of 0
   * or more, whether the county is a county of ref.divisions, and duplicate facts by (county, year).
   */
  public static Dataset<Row> survey(Dataset<Row> bronze, Dataset<Row> divisions, TuopinConfig.Conform limits) {
    List<String> years = List.of(LandingSurvey.REPORTING_YEAR);
    Dataset<Row> typed =
        bronze
            .withColumn(Prepared.YEAR, Typed.year(col(LandingSurvey.REPORTING_YEAR)))
            .withColumn(Prepared.COUNTY, trim(col(LandingSurvey.COUNTY_CODE)))
            .withColumn(Prepared.SURVEYED, Typed.integer(col(LandingSurvey.SURVEYED_HOUSEHOLDS)))
            .withColumn(Prepared.MISSED, Typed.integer(col(LandingSurvey.MISSED_HOUSEHOLDS)))
            .withColumn(Prepared.APPROVING, Typed.integer(col(LandingSurvey.APPROVING_HOUSEHOLDS)))
            .withColumn(Prepared.MISSING, Typed.namesWhere(LandingSurvey.COLUMNS, c -> Typed.blank(col(c))))
            .withColumn(
                Prepared.BAD_COUNTS,
                Typed.namesWhere(
                    LandingSurvey.COUNTS,
                    c -> Typed.present(col(c)).and(Typed.integer(col(c)).isNull().or(Typed.integer(col(c)).lt(0)))))
            .withColumn(Prepared.BAD_YEARS, yearsOutside(years, YEAR, limits))
            .withColumn(Prepared.FUTURE_YEARS, yearsAfterBatch(years, YEAR));
    return areaLines(typed, divisions, LandingSurvey.COUNTY_CODE, LandingSurvey.REPORTING_YEAR, LandingSurvey.BRONZE);
  }
}
