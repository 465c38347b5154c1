package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.tuopin.common.generate.ModelColumns.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.tuopin.common.config.GeneratorModel;
import org.tuopin.common.domain.Codebook;
import org.tuopin.common.domain.Codebook.HouseholdStatus;
import org.tuopin.common.error.Errors;
import org.tuopin.common.id.ResidentIdColumns;
import org.tuopin.common.reference.ReferenceData;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.reference.ReferenceData.NationalSeries;
import org.tuopin.common.reference.ReferenceData.Pairings;
import org.tuopin.common.reference.ReferenceData.PoorCounties;
import org.tuopin.common.reference.ReferenceData.PovertyLines;

/**
 * The synthetic register as DataFrames, built from the reference data by deterministic rules
 * (docs/generator.md, "The model"). Every random choice is a {@link Rand} hash of the seed and
 * stable keys, so the frames do not depend on partitioning.
 *
 * <p>The core is a planned incidence path per county: a target incidence for each year (the
 * national shape of national_series.csv; for a poor county at least {@code above-threshold-factor}
 * times its threshold the year before its de-listing year and at most {@code
 * below-threshold-factor} times it from then on). Households of a county are ranked by a hash and
 * exit in rank order, a household exiting in the first year whose planned cumulative exits (in
 * persons) cover it. Rank allocation instead of independent draws keeps small counties on their
 * path.
 */
public final class RegistryModel {
  /** Slack for comparisons of planned shares, so that floating-point noise never moves a household. */
  private static final double EPSILON = 1e-9;
  /** The check-character table of GB 11643 allows sequences 001..999: 499 per sex and birth date. */
  static final int MAX_SEQUENCE_PER_SEX = 499;

  private final ReferenceData ref;
  private final GenerateParams p;
  private final GeneratorModel m;

  public RegistryModel(ReferenceData ref, GenerateParams params) {
    this.ref = ref;
    this.p = params;
    this.m = params.model();
  }

  private Column u(String salt, Column... keys) {
    return Rand.uniform(p.seed(), salt, keys);
  }

  private List<Integer> reportingYears() {
    List<Integer> years = new ArrayList<>();
    for (int y = p.firstYear(); y <= p.lastYear(); y++) {
      years.add(y);
    }
    return years;
  }

  /**
   * Fails with a one-line error when the reference data lack a figure the model needs: the
   * national series from the baseline year to the last year and the poverty line of every
   * reporting year. Counts only; nothing is collected.
   */
  public void checkReference() {
    long series =
        ref.nationalSeries()
            .filter(col(NationalSeries.YEAR).between(p.baselineYear(), p.lastYear()).and(col(NationalSeries.INCIDENCE).isNotNull()))
            .count();
    if (series != p.lastYear() - p.baselineYear() + 1) {
      throw Errors.missingInput(
          "an incidence for every year " + p.baselineYear() + "-" + p.lastYear() + " in national_series.csv",
          "add the missing years to conf/reference/national_series.csv or choose other --years");
    }
    long lines =
        ref.povertyLines()
            .filter(col(PovertyLines.YEAR).between(p.firstYear(), p.lastYear()).and(col(PovertyLines.LINE_YUAN).isNotNull()))
            .count();
    if (lines != p.lastYear() - p.firstYear() + 1) {
      throw Errors.missingInput(
          "a poverty line for every year " + p.firstYear() + "-" + p.lastYear() + " in poverty_lines.csv",
          "add the missing years to conf/reference/poverty_lines.csv or choose other --years");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Counties

  /**
   * The counties of the requested provinces (NBS functional zones excluded unless they are poor
   * counties) with their share of
   * the households, their village count, their East-West helper province and their planned
   * incidence at the baseline year. Counties that receive no household are dropped.
   */
  public Dataset<Row> counties() {
    Dataset<Row> div =
        ref.divisions()
            .filter(
                col(Divisions.LEVEL).equalTo("COUNTY")
                    // A functional zone has no register of its own, unless it is a national poor county
                    // (大柴旦, 632857), whose households the registry does hold.
                    .and(not(col(Divisions.FUNCTIONAL_ZONE)).or(col(Divisions.IS_POOR_COUNTY)))
                    .and(col(Divisions.PROVINCE_CODE).isin(p.provinces().toArray())))
            .select(
                col(Divisions.CODE).as(COUNTY),
                col(Divisions.PROVINCE_CODE).as(PROVINCE),
                col(Divisions.PREFECTURE_CODE).as(PREFECTURE));
    Dataset<Row> poor =
        ref.poorCounties()
            .select(
                col(PoorCounties.COUNTY_CODE).as("_pc"),
                col(PoorCounties.DELISTED_YEAR).as(DELISTED_YEAR),
                col(PoorCounties.THRESHOLD).as(THRESHOLD));
    Dataset<Row> pairings = ref.pairings();
    // The helper of the county's prefecture when there is one, else the province's first helper.
    Dataset<Row> prefectureHelper =
        pairings
            .filter(col(Pairings.HELPED_LEVEL).equalTo("prefecture"))
            .groupBy(col(Pairings.HELPED_CODE).as("_hp"))
            .agg(min(col(Pairings.HELPER_PROVINCE_CODE)).as("_hp_helper"));
    Dataset<Row> provinceHelper =
        pairings
            .groupBy(col(Pairings.HELPED_PROVINCE_CODE).as("_hv"))
            .agg(min(col(Pairings.HELPER_PROVINCE_CODE)).as("_hv_helper"));
    Dataset<Row> c =
        div.join(broadcast(poor), div.col(COUNTY).equalTo(col("_pc")), "left")
            .join(broadcast(prefectureHelper), col(PREFECTURE).equalTo(col("_hp")), "left")
            .join(broadcast(provinceHelper), col(PROVINCE).equalTo(col("_hv")), "left")
            .withColumn(IS_POOR, col("_pc").isNotNull())
            .withColumn(HELPER_PROVINCE, coalesce(col("_hp_helper"), col("_hv_helper")))
            .drop("_pc", "_hp", "_hp_helper", "_hv", "_hv_helper");

    // Integer weights and integer arithmetic, so that the allocation never depends on the order
    // in which floating-point sums are taken.
    Column weight =
        round(
                when(col(IS_POOR), lit(m.poorCountyWeight()))
                    .otherwise(lit(1.0))
                    .multiply(lit(0.5).plus(u("county-weight", col(COUNTY))))
                    .multiply(1_000_000))
            .cast("long");
    // The allocation is national: one window over the few thousand counties.
    WindowSpec all = Window.partitionBy(lit(0));
    Column scaled = col(WEIGHT).cast(DataTypes.createDecimalType(38, 0)).multiply(lit(p.households()));
    Column total = sum(col(WEIGHT)).over(all).cast(DataTypes.createDecimalType(38, 0));
    c =
        c.withColumn(WEIGHT, weight)
            .withColumn("_rem", scaled.mod(total))
            .withColumn("_base", scaled.minus(col("_rem")).divide(total).cast("long"))
            .withColumn("_deficit", lit(p.households()).minus(sum(col("_base")).over(all)))
            .withColumn("_rank", row_number().over(all.orderBy(col("_rem").desc(), col(COUNTY))))
            .withColumn(
                COUNTY_HOUSEHOLDS,
                col("_base").plus(when(col("_rank").leq(col("_deficit")), lit(1L)).otherwise(lit(0L))))
            .filter(col(COUNTY_HOUSEHOLDS).gt(0))
            .withColumn(
                VILLAGES,
                greatest(lit(1L), round(col(COUNTY_HOUSEHOLDS).divide(lit((double) m.householdsPerVillage()))).cast("long")))
            .drop("_base", "_rem", "_deficit", "_rank");

    Column draw = u("initial-incidence", col(COUNTY));
    Column poorInitial =
        col(THRESHOLD).multiply(
            lit(m.poorInitialIncidenceMinFactor())
                .plus(draw.multiply(m.poorInitialIncidenceMaxFactor() - m.poorInitialIncidenceMinFactor())));
    Column nonPoorInitial =
        lit(m.nonPoorInitialIncidenceMin())
            .plus(draw.multiply(m.nonPoorInitialIncidenceMax() - m.nonPoorInitialIncidenceMin()));
    c = c.withColumn(INITIAL_INCIDENCE, when(col(IS_POOR), poorInitial).otherwise(nonPoorInitial));
    c = withNationalShape(c).withColumn(BASE_INCIDENCE, plannedIncidence(p.baselineYear()));
    // The planned remaining share of each year, computed once per county rather than per household.
    for (int y : reportingYears()) {
      c = c.withColumn(remainingShareColumn(y), plannedIncidence(y).divide(col(BASE_INCIDENCE)));
    }
    return c;
  }

  private static String remainingShareColumn(int year) {
    return "_r" + year;
  }

  private static String shapeColumn(int year) {
    return "_s" + year;
  }

  /** Adds the national incidence of each model year and of the county's de-listing year and the year before. */
  private Dataset<Row> withNationalShape(Dataset<Row> counties) {
    Dataset<Row> ns = ref.nationalSeries().select(col(NationalSeries.YEAR), col(NationalSeries.INCIDENCE));
    List<Object> years = new ArrayList<>();
    for (int y = p.baselineYear(); y <= p.lastYear(); y++) {
      years.add(y);
    }
    Dataset<Row> wide = ns.groupBy().pivot(NationalSeries.YEAR, years).agg(first(col(NationalSeries.INCIDENCE)));
    for (Object y : years) {
      wide = wide.withColumnRenamed(String.valueOf(y), shapeColumn((Integer) y));
    }
    Dataset<Row> atD = ns.select(col(NationalSeries.YEAR).as("_yd"), col(NationalSeries.INCIDENCE).as("_sD"));
    Dataset<Row> atDm1 = ns.select(col(NationalSeries.YEAR).as("_yd1"), col(NationalSeries.INCIDENCE).as("_sDm1"));
    return counties
        .crossJoin(broadcast(wide))
        .join(broadcast(atD), col(DELISTED_YEAR).equalTo(col("_yd")), "left")
        .join(broadcast(atDm1), col(DELISTED_YEAR).minus(1).equalTo(col("_yd1")), "left")
        .drop("_yd", "_yd1");
  }

  /**
   * The planned incidence of a county in a year. Non-poor counties follow the national shape from
   * their initial incidence. A poor county falls along the national shape from its initial
   * incidence to {@code above * threshold} in the year before its de-listing year, then from
   * {@code below * threshold} in its de-listing year along the shape to zero.
   */
  private Column plannedIncidence(int year) {
    Column s = col(shapeColumn(year));
    Column sBase = col(shapeColumn(p.baselineYear()));
    Column d = col(DELISTED_YEAR);
    Column above = col(THRESHOLD).multiply(m.aboveThresholdFactor());
    Column below = col(THRESHOLD).multiply(m.belowThresholdFactor());
    Column after = when(col("_sD").gt(0), below.multiply(s).divide(col("_sD"))).otherwise(lit(0.0));
    Column before =
        above.plus(
            col(INITIAL_INCIDENCE).minus(above).multiply(s.minus(col("_sDm1"))).divide(sBase.minus(col("_sDm1"))));
    Column poor =
        when(lit(year).geq(d), after).when(lit(p.baselineYear()).geq(d.minus(1)), above).otherwise(before);
    Column nonPoor = col(INITIAL_INCIDENCE).multiply(s).divide(sBase);
    return when(col(IS_POOR), poor).otherwise(nonPoor);
  }

  // ---------------------------------------------------------------------------------------------
  // Households

  /**
   * One row per registered household: codes, size, attribute, cause, and its life in the
   * register (identified year, exit year, removal year, whether it returns to poverty).
   */
  public Dataset<Row> households(Dataset<Row> counties) {
    Dataset<Row> h =
        counties.withColumn("_k", explode(sequence(lit(1L), col(COUNTY_HOUSEHOLDS))));
    Column j = col("_k").minus(1).mod(col(VILLAGES));
    Column seq = floor(col("_k").minus(1).divide(col(VILLAGES))).plus(1);
    Column township = floor(j.divide(m.villagesPerTownship())).plus(1);
    Column villageNo = j.mod(m.villagesPerTownship()).plus(201);
    h =
        h.withColumn(
                VILLAGE,
                concat(col(COUNTY), lpad(township.cast("string"), 3, "0"), lpad(villageNo.cast("string"), 3, "0")))
            .withColumn(HOUSEHOLD, concat(col(VILLAGE), lpad(seq.cast("string"), 4, "0")))
            .drop("_k");
    Column hh = col(HOUSEHOLD);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i <= GeneratorModel.MAX_HOUSEHOLD_SIZE; i++) {
      sizes.add(i);
    }
    h =
        h.withColumn(SIZE, Rand.pick(u("size", hh), m.householdSizeShares(), sizes))
            .withColumn(ATTRIBUTE, Rand.pick(u("attribute", hh), m.attributeShares(), Codebook.labels(Codebook.HouseholdAttribute.class)))
            .withColumn(CAUSE, Rand.pick(u("cause", hh), m.causeShares(), Codebook.labels(Codebook.PovertyCause.class)))
            .withColumn(RELOCATED, u("relocated", hh).lt(m.relocatedShare()));

    // Exit year by rank: the household exits in the first year whose planned cumulative exits, in
    // persons, reach its position.
    WindowSpec county = Window.partitionBy(col(COUNTY));
    WindowSpec ranked =
        county.orderBy(u("rank", hh), hh).rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    h = h.withColumn("_cum", sum(col(SIZE)).over(ranked)).withColumn("_total", sum(col(SIZE)).over(county));
    // A household's position is the middle of its persons, so that the planned path is missed by
    // at most half a household either way.
    Column position = col("_cum").minus(col(SIZE).divide(2.0));
    Column exitYear = null;
    for (int y : reportingYears()) {
      Column remainingShare = col(remainingShareColumn(y));
      Column exitedTarget = col("_total").minus(remainingShare.multiply(col("_total")));
      Column cond = position.leq(exitedTarget.plus(EPSILON));
      exitYear = exitYear == null ? when(cond, lit(y)) : exitYear.when(cond, lit(y));
    }
    h = h.withColumn("_exit", exitYear);

    // New identifications: a household identified after the register year, before its exit.
    int newFrom = Math.max(p.firstYear() + 1, m.registerYear() + 1);
    Column newTo = coalesce(col("_exit").minus(1), lit(p.lastYear()));
    Column newEligible = newTo.geq(newFrom);
    Column eligibleShare = avg(when(newEligible, lit(1.0)).otherwise(lit(0.0))).over(county);
    Column isNew =
        newEligible.and(u("new", hh).lt(lit(m.newIdentificationShare()).divide(greatest(eligibleShare, lit(EPSILON)))));
    h =
        h.withColumn(
            IDENTIFIED_YEAR,
            when(isNew, Rand.between(u("new-year", hh), lit(newFrom), newTo)).otherwise(lit(p.originalIdentifiedYear())));

    // Removals: a poor household taken off the register (wrongly identified) before any exit.
    Column removeFrom = greatest(col(IDENTIFIED_YEAR).plus(1), lit(p.firstYear()));
    Column removeTo = coalesce(col("_exit").minus(1), lit(p.lastYear()));
    Column removed = removeTo.geq(removeFrom).and(u("removed", hh).lt(m.removalShare()));
    h =
        h.withColumn(REMOVED_YEAR, when(removed, Rand.between(u("removed-year", hh), removeFrom, removeTo)))
            .withColumn(EXIT_YEAR, when(col(REMOVED_YEAR).isNull(), col("_exit")));

    // Returns: in a poor county only before its de-listing year, so a return never lifts a
    // de-listed county back over its threshold.
    Column returns =
        col(EXIT_YEAR).isNotNull()
            .and(col(EXIT_YEAR).plus(1).leq(p.lastYear()))
            .and(not(col(IS_POOR)).or(col(EXIT_YEAR).plus(1).leq(col(DELISTED_YEAR).minus(1))))
            .and(u("returns", hh).lt(m.returnShare()));
    // Only what later steps use, so that the cached frames stay small.
    return h.withColumn(RETURNS, coalesce(returns, lit(false)))
        .select(
            col(COUNTY), col(PROVINCE), col(HELPER_PROVINCE), col(BASE_INCIDENCE), col(VILLAGE), col(HOUSEHOLD),
            col(SIZE), col(ATTRIBUTE), col(CAUSE), col(RELOCATED), col(IDENTIFIED_YEAR), col(EXIT_YEAR),
            col(REMOVED_YEAR), col(RETURNS));
  }

  // ---------------------------------------------------------------------------------------------
  // Household years

  /**
   * One row per household and reporting year in which it is in the register: status, exit year
   * as delivered, income, the assurances, and the flags of the expected figures.
   */
  public Dataset<Row> householdYears(Dataset<Row> households) {
    Dataset<Row> lines =
        ref.povertyLines().select(col(PovertyLines.YEAR).as("_line_year"), col(PovertyLines.LINE_YUAN).as("_line"));
    Dataset<Row> hy =
        households
            .withColumn(YEAR, explode(sequence(lit(p.firstYear()), lit(p.lastYear()))))
            .filter(
                col(YEAR).geq(col(IDENTIFIED_YEAR))
                    .and(col(REMOVED_YEAR).isNull().or(col(YEAR).leq(col(REMOVED_YEAR)))))
            .join(broadcast(lines), col(YEAR).equalTo(col("_line_year")))
            .drop("_line_year");
    Column y = col(YEAR);
    Column e = col(EXIT_YEAR);
    Column status =
        when(col(REMOVED_YEAR).isNotNull().and(y.equalTo(col(REMOVED_YEAR))), lit(HouseholdStatus.REMOVED.name()))
            .when(e.isNull().or(y.lt(e)), lit(HouseholdStatus.POOR.name()))
            .when(col(RETURNS).and(y.equalTo(e.plus(1))), lit(HouseholdStatus.RETURNED.name()))
            .otherwise(lit(HouseholdStatus.EXITED.name()));
    hy = hy.withColumn(STATUS, status);
    Column exited = col(STATUS).equalTo(HouseholdStatus.EXITED.name());
    hy =
        hy.withColumn(
                RECORD_EXIT_YEAR,
                when(exited, when(col(RETURNS).and(y.geq(e.plus(2))), e.plus(2)).otherwise(e)))
            .withColumn(IS_POOR_NOW, col(STATUS).isin(HouseholdStatus.POOR.name(), HouseholdStatus.RETURNED.name()))
            .withColumn(EXITED_NOW, exited.and(col(RECORD_EXIT_YEAR).equalTo(y)))
            .withColumn(NEW_NOW, col(IDENTIFIED_YEAR).equalTo(y))
            .withColumn(RETURNED_NOW, col(RETURNS).and(y.equalTo(e.plus(1))))
            .withColumn(REMOVED_NOW, col(STATUS).equalTo(HouseholdStatus.REMOVED.name()));

    Column hh = col(HOUSEHOLD);
    // A questionable exit fails exactly one criterion: the income (flaw 0) or one assurance
    // (flaws 1..n, safe water counting only from safe-water-from-year).
    Column questionable = col(EXITED_NOW).and(u("questionable", hh, y).lt(m.questionableExitShare()));
    Column assurances = when(y.geq(m.safeWaterFromYear()), lit(5)).otherwise(lit(4));
    Column flaw = when(questionable, floor(u("flaw", hh, y).multiply(assurances.plus(1))).cast("int"));
    Column unmet = col(IS_POOR_NOW).and(u("unmet", hh, y).lt(m.unmetAssuranceShare()));
    Column unmetIndex = when(unmet, floor(u("unmet-which", hh, y).multiply(5)).plus(1).cast("int"));
    Column incomeDraw = u("income", hh, y);
    double flawedMax = Math.min(m.poorIncomeMaxFactor(), 1.0);
    Column factor =
        when(coalesce(flaw.equalTo(0), lit(false)),
                lit(m.poorIncomeMinFactor()).plus(incomeDraw.multiply(flawedMax - m.poorIncomeMinFactor())))
            .when(exited, lit(m.exitIncomeMinFactor()).plus(incomeDraw.multiply(m.exitIncomeMaxFactor() - m.exitIncomeMinFactor())))
            .otherwise(lit(m.poorIncomeMinFactor()).plus(incomeDraw.multiply(m.poorIncomeMaxFactor() - m.poorIncomeMinFactor())));
    // Flawed incomes are rounded down so that they stay at or below the line.
    Column income =
        when(coalesce(flaw.equalTo(0), lit(false)), floor(col("_line").multiply(factor)))
            .otherwise(round(col("_line").multiply(factor)))
            .cast("long");
    hy = hy.withColumn(INCOME, income);
    String[] flags = {FOOD_CLOTHING, EDUCATION, MEDICAL_CARE, HOUSING, WATER};
    for (int k = 0; k < flags.length; k++) {
      Column missing =
          coalesce(flaw.equalTo(k + 1), lit(false)).or(coalesce(unmetIndex.equalTo(k + 1), lit(false)));
      hy = hy.withColumn(flags[k], not(missing));
    }
    return hy.select(
        col(COUNTY), col(PROVINCE), col(VILLAGE), col(HOUSEHOLD), col(YEAR), col(SIZE), col(ATTRIBUTE), col(CAUSE),
        col(RELOCATED), col(IDENTIFIED_YEAR), col(STATUS), col(RECORD_EXIT_YEAR), col(INCOME), col(FOOD_CLOTHING),
        col(EDUCATION), col(MEDICAL_CARE), col(HOUSING), col(WATER), col(IS_POOR_NOW), col(EXITED_NOW), col(NEW_NOW),
        col(RETURNED_NOW), col(REMOVED_NOW));
  }

  // ---------------------------------------------------------------------------------------------
  // Persons

  /**
   * One row per person of every household (the same persons every year): relation, sex, birth
   * date, a valid GB 11643 resident ID of the household's county, health and insurance.
   */
  public Dataset<Row> persons(Dataset<Row> households) {
    Dataset<Row> ps =
        households
            .select(col(HOUSEHOLD), col(COUNTY), col(PROVINCE), col(HELPER_PROVINCE), col(SIZE))
            .withColumn(MEMBER_INDEX, explode(sequence(lit(0), col(SIZE).minus(1))));
    Column mi = col(MEMBER_INDEX);
    Column size = col(SIZE);
    Column role =
        when(mi.equalTo(0), lit("HEAD"))
            .when(mi.equalTo(1), lit("SPOUSE"))
            .when(size.geq(7).and(mi.equalTo(size.minus(1))), lit("GRANDCHILD"))
            .when(size.geq(5).and(mi.geq(when(size.geq(7), lit(5)).otherwise(lit(4)))), lit("PARENT"))
            .otherwise(lit("CHILD"));
    ps = ps.withColumn(ROLE, role);
    Column hh = col(HOUSEHOLD);
    // Ages at the end of the first reporting year. A household with parents is younger, one with
    // grandchildren older, so that every generation gap stays plausible.
    Column headDraw = u("head-age", hh);
    Column headAge =
        when(size.geq(7), lit(45).plus(floor(headDraw.multiply(16))))
            .when(size.geq(5), lit(25).plus(floor(headDraw.multiply(31))))
            .otherwise(lit(25).plus(floor(headDraw.multiply(51))));
    Column draw = u("age", hh, mi);
    Column age =
        when(col(ROLE).equalTo("HEAD"), headAge)
            .when(col(ROLE).equalTo("SPOUSE"), greatest(lit(18), headAge.plus(floor(draw.multiply(7))).minus(4)))
            .when(col(ROLE).equalTo("PARENT"), headAge.plus(20).plus(floor(draw.multiply(10))))
            .when(col(ROLE).equalTo("GRANDCHILD"), floor(draw.multiply(10)))
            .otherwise(greatest(lit(0), headAge.minus(20).minus(floor(draw.multiply(15)))));
    Column headMale = u("head-sex", hh).lt(m.headMaleShare());
    Column male =
        when(col(ROLE).equalTo("HEAD"), headMale)
            .when(col(ROLE).equalTo("SPOUSE"), not(headMale))
            .otherwise(u("sex", hh, mi).lt(0.5));
    Column birthYear = lit(p.firstYear()).minus(age).cast("int");
    ps =
        ps.withColumn(MALE, male)
            .withColumn(
                BIRTH_DATE,
                date_add(make_date(birthYear, lit(1), lit(1)), floor(u("birthday", hh, mi).multiply(365)).cast("int")));

    // The sequence is the rank among the county's persons of the same birth date and sex, so
    // that IDs are unique by construction; odd for men, even for women.
    WindowSpec sameDay = Window.partitionBy(col(COUNTY), col(BIRTH_DATE), col(MALE)).orderBy(hh, mi);
    Column n = row_number().over(sameDay);
    Column sequence = when(col(MALE), n.multiply(2).minus(1)).otherwise(n.multiply(2));
    Column first17 =
        concat(
            col(COUNTY),
            org.apache.spark.sql.functions.date_format(col(BIRTH_DATE), "yyyyMMdd"),
            lpad(sequence.cast("string"), 3, "0"));
    ps = ps.withColumn("_n", n).withColumn("_first17", first17);
    ps =
        ps.withColumn(RESIDENT_ID, concat(col("_first17"), ResidentIdColumns.checkCharacter(col("_first17"))))
            .withColumn(HEALTH, Rand.pick(u("health", hh, mi), m.healthShares(), Codebook.labels(Codebook.Health.class)))
            .withColumn(INSURED, u("insured", hh, mi).lt(m.medicalInsuranceShare()));
    return ps.select(
        col(HOUSEHOLD), col(COUNTY), col(PROVINCE), col(HELPER_PROVINCE), col(MEMBER_INDEX), col(ROLE), col(MALE),
        col(BIRTH_DATE), col(RESIDENT_ID), col(HEALTH), col(INSURED), col("_n"));
  }

  /** Persons whose sequence would not fit in three digits (a county too large for one birth date). */
  public static Dataset<Row> sequenceOverflow(Dataset<Row> persons) {
    return persons.filter(col("_n").gt(MAX_SEQUENCE_PER_SEX));
  }

  // ---------------------------------------------------------------------------------------------
  // Villages

  /**
   * One row per village and reporting year with its rural registered population: the persons of
   * the village's households divided by the county's planned baseline incidence, declining by
   * {@code rural-population-drift} a year.
   */
  public Dataset<Row> villageYears(Dataset<Row> households) {
    Dataset<Row> v =
        households
            .groupBy(col(COUNTY), col(PROVINCE), col(VILLAGE), col(BASE_INCIDENCE))
            .agg(sum(col(SIZE)).as("_persons"))
            .withColumn("_pop0", ceil(col("_persons").divide(col(BASE_INCIDENCE))));
    return v.withColumn(YEAR, explode(sequence(lit(p.firstYear()), lit(p.lastYear()))))
        .withColumn(
            RURAL_POPULATION,
            round(
                    col("_pop0").multiply(
                        lit(1.0).minus(col(YEAR).minus(p.baselineYear()).multiply(m.ruralPopulationDrift()))))
                .cast("long"))
        .select(col(COUNTY), col(PROVINCE), col(VILLAGE), col(YEAR), col(RURAL_POPULATION));
  }
}
