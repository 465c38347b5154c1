package org.tuopin.common.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuopin.common.test.BronzeFixtures.household;
import static org.tuopin.common.test.BronzeFixtures.member;
import static org.tuopin.common.test.BronzeFixtures.population;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.LandingSurvey;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.Quarantine;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.test.BronzeFixtures;
import org.tuopin.common.test.BronzeFixtures.Batch;
import org.tuopin.common.test.BronzeFixtures.Line;
import org.tuopin.common.test.SharedSpark;

/**
 * Every rule on tiny hand-written bronze lines: one evaluation of one small batch in which each
 * line is valid or breaks the rules it names, then one check per line (its exact rule ids). Lines
 * that pass are part of the same frames, so each rule also sees passing rows.
 */
@ExtendWith(SharedSpark.class)
class RulesTest {
  static final TuopinConfig.Conform LIMITS = new TuopinConfig.Conform(2013, 2030, 200_000, 20, 120);
  static final Batch B = new Batch("b1", BronzeFixtures.GUIZHOU, 2019, "FULL");
  static final Batch UNKNOWN_PROVINCE = new Batch("b9", "990000", 2019, "FULL");

  record Expect(String table, String batch, long line, Set<String> ruleIds, boolean quarantined, String why) {}

  static final List<Line> HH = new ArrayList<>();
  static final List<Line> MEM = new ArrayList<>();
  static final List<Line> POP = new ArrayList<>();
  static final List<Line> COOP = new ArrayList<>();
  static final List<Line> SURVEY = new ArrayList<>();
  /** A helper's batch of cooperation files (Guangdong). */
  static final Batch HELPER = new Batch("c1", "440000", 2019, "FULL");
  static final List<Expect> EXPECT = new ArrayList<>();
  static final Map<String, Row> RESULT = new HashMap<>();
  /** The evaluated households and members of every line, for the test of {@link Silver#kept}. */
  static Dataset<Row> evaluatedHouseholds;

  static Dataset<Row> evaluatedMembers;
  static long next = 2;

  static Set<String> ids(String... ids) {
    return new LinkedHashSet<>(List.of(ids));
  }

  static Line hh(Batch b, int n) {
    Line l = household(b, n, next++);
    HH.add(l);
    return l;
  }

  static Line mem(Batch b, int n, int m) {
    Line l = member(b, n, m, next++);
    MEM.add(l);
    return l;
  }

  static void expectHh(Line l, String why, String... ids) {
    EXPECT.add(new Expect("households", l.batch(), l.line(), ids(ids), isQuarantined(ids), why));
  }

  static void expectMem(Line l, String why, String... ids) {
    EXPECT.add(new Expect("members", l.batch(), l.line(), ids(ids), isQuarantined(ids), why));
  }

  static void expectPop(Line l, String why, String... ids) {
    EXPECT.add(new Expect("population", l.batch(), l.line(), ids(ids), isQuarantined(ids), why));
  }

  static Line coop(String helped, long line, String aid, String donations) {
    Line l =
        BronzeFixtures.cooperation(HELPER, Cooperation.File.FUNDS, "440100", helped, line)
            .set(Cooperation.FISCAL_AID, aid)
            .set(Cooperation.SOCIAL_DONATIONS, donations);
    COOP.add(l);
    return l;
  }

  static void expectCoop(Line l, String why, String... ids) {
    EXPECT.add(new Expect("cooperation_funds", l.batch(), l.line(), ids(ids), isQuarantined(ids), why));
  }

  /**
   * A survey line of Guizhou's 2019 survey in a batch of its own ({@code s<n>}, line 2), so that
   * lines about the fixture's one county do not share a key; {@code batch} groups lines that should.
   */
  static Line survey(String batch, String county, String surveyed, String missed, String approving, long line) {
    Line l = BronzeFixtures.survey(new Batch(batch, BronzeFixtures.GUIZHOU, 2019, "FULL"), county, surveyed, missed, approving, line);
    SURVEY.add(l);
    return l;
  }

  static void expectSurvey(Line l, String why, String... ids) {
    EXPECT.add(new Expect("survey", l.batch(), l.line(), ids(ids), isQuarantined(ids), why));
  }

  /** ref.pairings of the fixture: 广州 helps four areas of Guizhou. */
  static Dataset<Row> pairings() {
    StructType schema =
        new StructType()
            .add(org.tuopin.common.reference.ReferenceData.Pairings.HELPER_CODE, DataTypes.StringType)
            .add(org.tuopin.common.reference.ReferenceData.Pairings.HELPED_CODE, DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (String helped : List.of("522700", "520500", "520600", "520700", "520800")) {
      rows.add(org.apache.spark.sql.RowFactory.create("440100", helped));
    }
    return SharedSpark.spark().createDataFrame(rows, schema);
  }

  static boolean isQuarantined(String... ids) {
    Set<String> warn = Set.of(Rules.INCOME_MISSING_FOR_EXIT, Rules.WORK_PROVINCE_UNKNOWN);
    return Stream.of(ids).anyMatch(i -> !warn.contains(i));
  }

  /** A household of one member, both with a change; returns {household, member}. */
  static Line[] single(int n) {
    return new Line[] {hh(B, n), mem(B, n, 1)};
  }

  @BeforeAll
  static void evaluate() {
    Line[] ok = single(1);
    expectHh(ok[0], "valid household");
    expectMem(ok[1], "valid member");

    Line[] p = single(2);
    p[0].set(LandingHouseholds.PER_CAPITA_INCOME, "3千");
    expectHh(p[0], "non-numeric income", Rules.INCOME_NUMERIC);
    expectMem(p[1], "member of a quarantined household", Rules.HOUSEHOLD_QUARANTINED);
    p = single(3);
    p[0].set(LandingHouseholds.PER_CAPITA_INCOME, "-5");
    expectHh(p[0], "negative income", Rules.INCOME_RANGE);
    p = single(4);
    p[0].set(LandingHouseholds.PER_CAPITA_INCOME, "250000");
    expectHh(p[0], "income above the maximum", Rules.INCOME_RANGE);
    p = single(5);
    p[0].set(LandingHouseholds.REPORTING_YEAR, "2020");
    expectHh(p[0], "future reporting year", Rules.YEAR_FUTURE);
    p = single(6);
    p[0].set(Bronze.HEAD_ID_PROBLEM, "CHECK_CHARACTER");
    expectHh(p[0], "head's ID with a bad check character", "ID_CHECK_CHARACTER");
    p = single(7);
    p[0].set(LandingHouseholds.ATTRIBUTE, "穷困户");
    expectHh(p[0], "unknown attribute", Rules.ENUM_ATTRIBUTE);
    p = single(8);
    p[0].set(LandingHouseholds.MAIN_CAUSE, "因穷");
    expectHh(p[0], "unknown cause", Rules.ENUM_CAUSE);
    p = single(9);
    p[0].set(LandingHouseholds.STATUS, "GONE");
    expectHh(p[0], "unknown status", Rules.ENUM_STATUS);
    p = single(10);
    p[0].set(LandingHouseholds.SAFE_WATER, "Y");
    expectHh(p[0], "flag neither 是 nor 否", Rules.ENUM_FLAG);
    p = single(11);
    p[0].set(LandingHouseholds.VILLAGE_CODE, "520102000001").set(LandingHouseholds.HOUSEHOLD_ID, "5201020000010011");
    p[1].set(LandingMembers.HOUSEHOLD_ID, "5201020000010011");
    expectHh(p[0], "village code with a zero township", Rules.VILLAGE_IN_COUNTY);
    p = single(12);
    p[0].set(LandingHouseholds.VILLAGE_CODE, "520199001001").set(LandingHouseholds.HOUSEHOLD_ID, "5201990010010012");
    p[1].set(LandingMembers.HOUSEHOLD_ID, "5201990010010012");
    expectHh(p[0], "county not in ref.divisions", Rules.COUNTY_UNKNOWN);
    p = single(13);
    p[0].set(LandingHouseholds.VILLAGE_CODE, "530102001001").set(LandingHouseholds.HOUSEHOLD_ID, "5301020010010013");
    p[1].set(LandingMembers.HOUSEHOLD_ID, "5301020010010013");
    expectHh(p[0], "county of another province", Rules.COUNTY_IN_PROVINCE);
    p = single(14);
    p[0].set(LandingHouseholds.HOUSEHOLD_ID, "52010200100X0014");
    p[1].set(LandingMembers.HOUSEHOLD_ID, "52010200100X0014");
    expectHh(p[0], "household id not village + 4 digits", Rules.HOUSEHOLD_ID_FORMAT);
    p = single(15);
    p[0].set(LandingHouseholds.HOUSEHOLD_SIZE, " ");
    expectHh(p[0], "household size missing", Rules.REQUIRED_FIELD);
    p = single(16);
    p[0].set(LandingHouseholds.HOUSEHOLD_SIZE, "25");
    expectHh(p[0], "household size too large", Rules.HOUSEHOLD_SIZE_RANGE, Rules.HOUSEHOLD_SIZE_MISMATCH);
    p = single(17);
    p[0].set(LandingHouseholds.STATUS, "EXITED");
    expectHh(p[0], "exited without exit year", Rules.EXIT_YEAR_LOGIC);
    p = single(18);
    p[0].set(LandingHouseholds.EXIT_YEAR, "2018");
    expectHh(p[0], "poor with an exit year", Rules.EXIT_YEAR_LOGIC);
    p = single(19);
    p[0].set(LandingHouseholds.IDENTIFIED_YEAR, "2009");
    expectHh(p[0], "identified before the first year", Rules.YEAR_RANGE);
    p = single(20);
    p[0].set(LandingHouseholds.REPORTING_YEAR, "2018").set(LandingHouseholds.IDENTIFIED_YEAR, "2019");
    expectHh(p[0], "identified after its reporting year, a past year in the batch",
        Rules.REPORTING_YEAR_MISMATCH, Rules.IDENTIFIED_YEAR_LOGIC);
    Line h = hh(B, 21).set(LandingHouseholds.HOUSEHOLD_SIZE, "2");
    Line m1 = mem(B, 21, 1);
    Line m2 = mem(B, 21, 2).set(LandingMembers.RELATION, "户主");
    expectHh(h, "two heads", Rules.HEAD_COUNT);
    expectMem(m1, "member of a two-head household", Rules.HEAD_COUNT, Rules.HOUSEHOLD_QUARANTINED);
    expectMem(m2, "second head", Rules.HEAD_COUNT, Rules.HOUSEHOLD_QUARANTINED);
    p = single(22);
    p[1].set(LandingMembers.RELATION, "之子");
    expectHh(p[0], "no head", Rules.HEAD_COUNT);
    expectMem(p[1], "member of a household without head", Rules.HEAD_COUNT, Rules.HOUSEHOLD_QUARANTINED);
    p = single(23);
    p[0].set(LandingHouseholds.HOUSEHOLD_SIZE, "2");
    expectHh(p[0], "size 2 with one member line", Rules.HOUSEHOLD_SIZE_MISMATCH);
    expectMem(p[1], "member of a household short of members", Rules.HOUSEHOLD_SIZE_MISMATCH, Rules.HOUSEHOLD_QUARANTINED);
    p = single(24);
    Line again = p[0].copy().set(Lineage.LINE, next++);
    HH.add(again);
    expectHh(p[0], "first of two identical lines");
    expectHh(again, "repeat of an identical line", Rules.DUPLICATE_LINE);
    expectMem(p[1], "member of a household delivered twice");
    p = single(25);
    Line variant = p[0].copy().set(Lineage.LINE, next++).set(LandingHouseholds.PER_CAPITA_INCOME, "100");
    HH.add(variant);
    expectHh(p[0], "same key, other content (1)", Rules.DUPLICATE_KEY);
    expectHh(variant, "same key, other content (2)", Rules.DUPLICATE_KEY);
    // Lines are compared by hashes of their content: a value moved to the next column, or an empty
    // value against a missing one, is other content, not a repeat.
    p = single(86);
    p[0].set(LandingHouseholds.SAFE_WATER, null).set(LandingHouseholds.RELOCATED, "否");
    Line shifted = p[0].copy().set(Lineage.LINE, next++).set(LandingHouseholds.SAFE_WATER, "否").set(LandingHouseholds.RELOCATED, null);
    HH.add(shifted);
    expectHh(p[0], "same key, a value in another column (1)", Rules.DUPLICATE_KEY);
    expectHh(shifted, "same key, a value in another column (2)", Rules.DUPLICATE_KEY);
    p = single(87);
    Line missing = p[0].copy().set(Lineage.LINE, next++).set(LandingHouseholds.EXIT_YEAR, null);
    HH.add(missing);
    expectHh(p[0], "same key, empty against missing exit year (1)", Rules.DUPLICATE_KEY);
    expectHh(missing, "same key, empty against missing exit year (2)", Rules.DUPLICATE_KEY);
    Line broken = hh(B, 26);
    for (String c : LandingHouseholds.COLUMNS) {
      if (!c.equals(LandingHouseholds.HEAD_RESIDENT_ID)) {
        broken.set(c, null);
      }
    }
    broken.set(LandingHouseholds.HOUSEHOLD_ID, "5201020010010026,x").set(Bronze.PARSE_ERROR, "expected 17 fields, found 3");
    expectHh(broken, "unparseable line", Rules.PARSE_ERROR);
    p = single(27);
    p[0].set(LandingHouseholds.STATUS, "EXITED").set(LandingHouseholds.EXIT_YEAR, "2018")
        .set(LandingHouseholds.PER_CAPITA_INCOME, "");
    expectHh(p[0], "exited without income: a warning only", Rules.INCOME_MISSING_FOR_EXIT);
    expectMem(p[1], "member of a household with a warning only");

    String[][] idCases = {
      {"LEGACY_15_DIGITS", "ID_LEGACY_15"}, {"BIRTH_DATE", "ID_BIRTH_DATE"}, {"CHECK_CHARACTER", "ID_CHECK_CHARACTER"},
      {"FORMAT", "ID_FORMAT"}, {"MISSING", "ID_MISSING"}, {"AREA_CODE", "ID_AREA_CODE"}
    };
    int n = 40;
    for (String[] c : idCases) {
      p = single(n++);
      p[1].set(Bronze.ID_PROBLEM, c[0]).set(Bronze.ID_BIRTH_DATE, null).set(Bronze.ID_SEX, null);
      if (c[0].equals("MISSING")) {
        p[1].set(Bronze.PERSON_KEY, null);
      }
      expectMem(p[1], "member ID " + c[0], c[1]);
      expectHh(p[0], "household of a member with a bad ID keeps its line");
    }
    h = hh(B, 50).set(LandingHouseholds.HOUSEHOLD_SIZE, "2");
    mem(B, 50, 1);
    Line bad = mem(B, 50, 2).set(LandingMembers.RELATION, "老大");
    expectMem(bad, "unknown relation", Rules.ENUM_RELATION);
    expectHh(h, "household of a member with an unknown relation");
    Object[][] memberCases = {
      {LandingMembers.SEX, "M", Rules.ENUM_SEX},
      {LandingMembers.LABOUR_CAPACITY, "很强", Rules.ENUM_LABOUR},
      {LandingMembers.SCHOOLING, "博士", Rules.ENUM_SCHOOLING},
      {LandingMembers.HEALTH, "好", Rules.ENUM_HEALTH},
      {LandingMembers.DROPPED_OUT, "N", Rules.ENUM_FLAG},
      {LandingMembers.BIRTH_DATE, "1980-02-30", Rules.BIRTH_DATE_FORMAT},
      {LandingMembers.BIRTH_DATE, "1981-05-01", Rules.BIRTH_DATE_MISMATCH},
      {LandingMembers.SEX, "女", Rules.SEX_MISMATCH},
      {LandingMembers.MONTHS_WORKED, "13", Rules.MONTHS_WORKED_RANGE},
      {LandingMembers.MONTHS_WORKED, "six", Rules.MONTHS_WORKED_RANGE},
      {LandingMembers.REPORTING_YEAR, "", Rules.REQUIRED_FIELD},
      {LandingMembers.REPORTING_YEAR, "2020", Rules.YEAR_FUTURE},
      {LandingMembers.WORK_PROVINCE, "990000", Rules.WORK_PROVINCE_UNKNOWN},
    };
    n = 51;
    for (Object[] c : memberCases) {
      p = single(n++);
      p[1].set((String) c[0], c[1]);
      expectMem(p[1], "member " + c[0] + " = " + c[1], (String) c[2]);
    }
    p = single(n++);
    p[1].set(LandingMembers.BIRTH_DATE, "1890-01-01").set(Bronze.ID_BIRTH_DATE, "1890-01-01");
    expectMem(p[1], "member 129 years old", Rules.AGE_RANGE);

    Line orphan = mem(B, 80, 1);
    expectMem(orphan, "member without household line", Rules.ORPHAN_MEMBER);
    Line[] a = single(81);
    Line[] b = single(82);
    b[1].set(Bronze.PERSON_KEY, a[1].get(Bronze.PERSON_KEY));
    expectMem(a[1], "person in two households (1)", Rules.PERSON_IN_TWO_HOUSEHOLDS);
    expectMem(b[1], "person in two households (2)", Rules.PERSON_IN_TWO_HOUSEHOLDS);
    expectHh(a[0], "household of a person also elsewhere");
    p = single(83);
    Line memAgain = p[1].copy().set(Lineage.LINE, next++);
    MEM.add(memAgain);
    expectMem(p[1], "first of two identical member lines");
    expectMem(memAgain, "repeated member line", Rules.DUPLICATE_LINE);
    expectHh(p[0], "household whose member line repeats");
    p = single(84);
    Line memVariant = p[1].copy().set(Lineage.LINE, next++).set(LandingMembers.MONTHS_WORKED, "2")
        .set(LandingMembers.RELATION, "之子");
    MEM.add(memVariant);
    expectMem(p[1], "same person twice in a household (1)",
        Rules.DUPLICATE_KEY, Rules.HOUSEHOLD_SIZE_MISMATCH, Rules.HOUSEHOLD_QUARANTINED);
    expectMem(memVariant, "same person twice in a household (2)",
        Rules.DUPLICATE_KEY, Rules.HOUSEHOLD_SIZE_MISMATCH, Rules.HOUSEHOLD_QUARANTINED);
    expectHh(p[0], "household with a person twice", Rules.HOUSEHOLD_SIZE_MISMATCH);
    p = single(85);
    Line memBroken = member(B, 85, 2, next++);
    for (String c : LandingMembers.COLUMNS) {
      if (!c.equals(LandingMembers.RESIDENT_ID)) {
        memBroken.set(c, null);
      }
    }
    memBroken.set(Bronze.PERSON_KEY, null).set(Bronze.PARSE_ERROR, "unclosed quote");
    MEM.add(memBroken);
    expectMem(memBroken, "unparseable member line", Rules.PARSE_ERROR);
    expectHh(p[0], "household next to an unparseable member line");

    Line foreign = hh(UNKNOWN_PROVINCE, 1);
    Line foreignMember = mem(UNKNOWN_PROVINCE, 1, 1);
    expectHh(foreign, "batch of an unknown province", Rules.PROVINCE_UNKNOWN, Rules.COUNTY_UNKNOWN);
    expectMem(foreignMember, "member in a batch of an unknown province", Rules.PROVINCE_UNKNOWN, Rules.HOUSEHOLD_QUARANTINED);

    Line pop1 = population(B, 1, 2);
    POP.add(pop1);
    expectPop(pop1, "valid population line");
    Line pop = population(B, 2, 3).set(LandingPopulation.RURAL_POPULATION, "-1");
    POP.add(pop);
    expectPop(pop, "negative population", Rules.POPULATION_RANGE);
    pop = population(B, 3, 4).set(LandingPopulation.VILLAGE_CODE, "5201020010");
    POP.add(pop);
    expectPop(pop, "10-digit village code", Rules.VILLAGE_IN_COUNTY);
    pop = population(B, 4, 5).set(LandingPopulation.VILLAGE_CODE, "520199001004");
    POP.add(pop);
    expectPop(pop, "unknown county", Rules.COUNTY_UNKNOWN);
    pop = pop1.copy().set(Lineage.LINE, 6L);
    POP.add(pop);
    expectPop(pop, "repeated population line", Rules.DUPLICATE_LINE);
    pop = population(B, 7, 7).set(LandingPopulation.REPORTING_YEAR, "2031");
    POP.add(pop);
    expectPop(pop, "year beyond the bounds and the batch", Rules.YEAR_RANGE, Rules.YEAR_FUTURE);
    Line popVar = population(B, 8, 8);
    Line popVar2 = popVar.copy().set(Lineage.LINE, 9L).set(LandingPopulation.RURAL_POPULATION, "7");
    POP.add(popVar);
    POP.add(popVar2);
    expectPop(popVar, "same village twice (1)", Rules.DUPLICATE_KEY);
    expectPop(popVar2, "same village twice (2)", Rules.DUPLICATE_KEY);

    expectCoop(coop("522700", 2, "100.5", "20"), "valid funds line");
    expectCoop(coop("520500", 3, null, "7"), "fiscal aid not delivered");
    expectCoop(coop("520600", 4, "-3", "0"), "negative aid", Rules.MEASURE_RANGE);
    expectCoop(coop("520700", 5, "12,000", "abc"), "thousands separator and text", Rules.MEASURE_RANGE);
    expectCoop(coop("530100", 6, "1", "1"), "not a pairing", Rules.PAIRING_UNKNOWN);
    expectCoop(coop("520800", 7, "1", "1").set(Cooperation.HELPER_CODE, null), "helper missing", Rules.REQUIRED_FIELD);

    expectSurvey(survey("s1", "520102", "800", "10", "760", 2), "valid survey line");
    expectSurvey(survey("s2", "520102", "500", "501", "450", 2), "more missed than surveyed", Rules.SURVEY_COUNT_ABOVE_SAMPLE);
    expectSurvey(survey("s3", "520102", "500", "5", "501", 2), "more approving than surveyed", Rules.SURVEY_COUNT_ABOVE_SAMPLE);
    expectSurvey(survey("s4", "520102", "0", "0", "0", 2), "nobody surveyed", Rules.SURVEY_SAMPLE_EMPTY);
    expectSurvey(survey("s5", "520102", "-5", "1.5", "1", 2), "negative sample, fractional count", Rules.SURVEY_COUNT_RANGE);
    expectSurvey(survey("s6", "530102", "800", "10", "760", 2), "a Yunnan county in Guizhou's survey", Rules.COUNTY_IN_PROVINCE);
    expectSurvey(survey("s7", "520199", "800", "10", "760", 2), "county not in ref.divisions", Rules.COUNTY_UNKNOWN);
    expectSurvey(survey("s8", null, "800", "10", "760", 2), "county missing", Rules.REQUIRED_FIELD);
    expectSurvey(
        survey("s9", "520102", "800", "10", "760", 2).set(LandingSurvey.REPORTING_YEAR, "2031"), "year beyond the bounds and the batch",
        Rules.YEAR_RANGE, Rules.YEAR_FUTURE);
    expectSurvey(
        survey("s10", "520102", "800", "10", "760", 2).set(LandingSurvey.REPORTING_YEAR, "2018"), "an earlier year in a 2019 batch",
        Rules.REPORTING_YEAR_MISMATCH);
    expectSurvey(survey("s11", "520102", "800", "10", "760", 2), "first of two identical lines");
    expectSurvey(survey("s11", "520102", "800", "10", "760", 3), "identical repeat", Rules.DUPLICATE_LINE);
    expectSurvey(survey("s12", "520102", "800", "10", "760", 2), "same county and year twice (1)", Rules.DUPLICATE_KEY);
    expectSurvey(survey("s12", "520102", "900", "10", "760", 3), "same county and year twice (2)", Rules.DUPLICATE_KEY);

    Dataset<Row> divisions = BronzeFixtures.divisions();
    collect(
        "survey",
        RuleEvaluator.evaluate(
            Preparation.survey(BronzeFixtures.frame(LandingSurvey.BRONZE, SURVEY), divisions, LIMITS), Rules.survey(LIMITS)));
    collect(
        "cooperation_funds",
        RuleEvaluator.evaluate(
            Preparation.cooperation(
                BronzeFixtures.frame(Cooperation.File.FUNDS.bronzeSchema(), COOP), Cooperation.File.FUNDS, divisions, pairings(), LIMITS),
            Rules.cooperation(LIMITS, Cooperation.File.FUNDS)));
    Dataset<Row> bronzeMembers = BronzeFixtures.frame(Bronze.MEMBERS, MEM);
    Dataset<Row> members = Preparation.memberFacts(bronzeMembers);
    Dataset<Row> households =
        RuleEvaluator.evaluate(
            Preparation.households(
                BronzeFixtures.frame(Bronze.HOUSEHOLDS, HH), Preparation.householdCounts(members), divisions, LIMITS),
            Rules.households(LIMITS));
    StructType silverSchema = SilverMembers.SCHEMA;
    Dataset<Row> noSilver = SharedSpark.spark().createDataFrame(List.of(), silverSchema);
    Dataset<Row> slices =
        SharedSpark.spark()
            .createDataFrame(
                List.of(org.apache.spark.sql.RowFactory.create(2019, BronzeFixtures.GUIZHOU)),
                new StructType()
                    .add(SilverMembers.REPORTING_YEAR, DataTypes.IntegerType)
                    .add(SilverMembers.PROVINCE_CODE, DataTypes.StringType));
    Dataset<Row> evaluatedMembers =
        RuleEvaluator.evaluate(
            Preparation.members(
                bronzeMembers, members, households, Preparation.personConflicts(members, noSilver, slices, false), divisions, LIMITS),
            Rules.members(LIMITS));
    Dataset<Row> evaluatedPopulation =
        RuleEvaluator.evaluate(
            Preparation.population(BronzeFixtures.frame(Bronze.POPULATION, POP), divisions, LIMITS), Rules.population(LIMITS));
    collect("households", households);
    collect("members", evaluatedMembers);
    RulesTest.evaluatedHouseholds = households.cache();
    RulesTest.evaluatedMembers = evaluatedMembers.cache();
    collect("population", evaluatedPopulation);
  }

  static void collect(String table, Dataset<Row> evaluated) {
    for (Row r :
        evaluated
            .select(Lineage.BATCH_ID, Lineage.LINE, Quarantine.RULE_IDS, Quarantine.MESSAGES, RuleEvaluator.QUARANTINED, RuleEvaluator.FAILS_BATCH)
            .collectAsList()) {
      String key = table + "/" + r.getString(0) + "/" + r.getLong(1);
      assertFalse(RESULT.containsKey(key), "one evaluated row per line: " + key);
      RESULT.put(key, r);
    }
  }

  @TestFactory
  Stream<DynamicTest> eachLineBreaksExactlyItsRules() {
    return EXPECT.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.table() + " line " + e.line() + ": " + e.why() + " -> " + e.ruleIds(),
                    () -> {
                      Row r = RESULT.get(e.table() + "/" + e.batch() + "/" + e.line());
                      assertTrue(r != null, "line evaluated");
                      assertEquals(new TreeSet<>(e.ruleIds()), new TreeSet<>(r.<String>getList(2)), e.why());
                      assertEquals(r.<String>getList(2).size(), r.<String>getList(3).size(), "one message per rule id");
                      assertEquals(e.quarantined(), r.getBoolean(4), "quarantined");
                    }));
  }

  @Test
  void everyRuleHasAFailingCase() {
    Set<String> covered = EXPECT.stream().flatMap(e -> e.ruleIds().stream()).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>();
    for (Rule r : Rules.all(LIMITS)) {
      if (!covered.contains(r.id())) {
        missing.add(r.table().tableName() + ":" + r.id());
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyLineWasEvaluatedOnce() {
    assertEquals(HH.size() + MEM.size() + POP.size() + COOP.size() + SURVEY.size(), RESULT.size());
  }

  @Test
  void unknownProvinceFailsItsBatchAndNothingElse() {
    RESULT.forEach(
        (k, r) -> assertEquals(k.contains("/b9/"), r.getBoolean(5), "fails batch: " + k));
  }

  @Test
  void aCooperationMessageNamesTheMeasures() {
    Row bad = RESULT.get("cooperation_funds/c1/5");
    assertEquals(List.of("not a number >= 0 of its kind: fiscal_aid, social_donations"), bad.<String>getList(3));
  }

  @Test
  void surveyMessagesNameTheCountsAndTheCounty() {
    assertEquals(List.of("not a whole number >= 0: surveyed_households, missed_households"), RESULT.get("survey/s5/2").<String>getList(3));
    assertEquals(List.of("missed 501 or approving 450 households above the 500 surveyed"), RESULT.get("survey/s2/2").<String>getList(3));
    assertEquals(List.of("county 530102 is not in the delivering province 520000"), RESULT.get("survey/s6/2").<String>getList(3));
  }

  @Test
  void messagesNameTheValueAndNeverThePseudonym() {
    Row income = RESULT.get("households/b1/" + EXPECT.stream().filter(e -> e.why().equals("non-numeric income")).findFirst().orElseThrow().line());
    assertEquals(List.of("per_capita_income '3千' is not a number"), income.<String>getList(3));
    Row twins = RESULT.get("members/b1/" + EXPECT.stream().filter(e -> e.why().equals("person in two households (1)")).findFirst().orElseThrow().line());
    assertEquals(List.of("the same person is in another household in 2019"), twins.<String>getList(3));
    RESULT.values().forEach(r -> r.<String>getList(3).forEach(m -> assertFalse(m.contains("pk-"), m)));
  }

  @Test
  void theEvaluationHasNoHigherOrderFunction() {
    // A higher-order function (array_compact, filter, transform) has no generated code: Spark
    // evaluates it row by row, on every line of a night.
    for (Dataset<Row> evaluated : List.of(evaluatedHouseholds, evaluatedMembers)) {
      String plan = evaluated.queryExecution().optimizedPlan().toString();
      assertFalse(plan.contains("lambdafunction"), plan);
    }
  }

  @Test
  void perBatchRowsAddUpToTheEvaluatedLines() {
    List<Rule> memberRules = Rules.members(LIMITS);
    assertEquals(evaluatedMembers.count(), RuleEvaluator.rows(RuleEvaluator.perBatch(evaluatedMembers, memberRules)));
    assertTrue(evaluatedMembers.count() > 1);
    assertEquals(0, RuleEvaluator.rows(RuleEvaluator.perBatch(evaluatedMembers.where("false"), memberRules)));
  }

  @Test
  void ruleIdsComeInTheOrderOfTheRulesWithOneMessageEach() {
    List<String> order = Rules.households(LIMITS).stream().map(Rule::id).toList();
    Row r = RESULT.get("households/b1/" + EXPECT.stream().filter(e -> e.ruleIds().size() > 1 && e.table().equals("households") && e.batch().equals("b1")).findFirst().orElseThrow().line());
    List<String> got = r.<String>getList(2);
    assertTrue(got.size() > 1, got.toString());
    List<Integer> positions = got.stream().map(order::indexOf).toList();
    assertEquals(positions.stream().sorted().toList(), positions, got.toString());
    assertEquals(got.size(), r.<String>getList(3).size());
  }

  /** Sorted rows of a frame, as strings. */
  private static List<String> rows(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void keptLinesGiveTheSameSilverQuarantineAndMetrics() {
    Column valid = org.apache.spark.sql.functions.not(org.apache.spark.sql.functions.col(RuleEvaluator.QUARANTINED));
    Column bad = org.apache.spark.sql.functions.col(RuleEvaluator.QUARANTINED);
    List<Rule> hhRules = Rules.households(LIMITS);
    List<Rule> memberRules = Rules.members(LIMITS);
    Dataset<Row> hhKept = Silver.kept(evaluatedHouseholds, Quarantine.HOUSEHOLDS, Silver.HOUSEHOLD_INPUTS, hhRules.size());
    Dataset<Row> memKept = Silver.kept(evaluatedMembers, Quarantine.MEMBERS, Silver.MEMBER_INPUTS, memberRules.size());
    assertTrue(hhKept.columns().length < evaluatedHouseholds.columns().length);
    assertTrue(memKept.columns().length < evaluatedMembers.columns().length);
    assertTrue(evaluatedMembers.where(bad).count() > 0 && evaluatedMembers.where(valid).count() > 0, "both kinds of lines");

    assertEquals(rows(Silver.households(evaluatedHouseholds.where(valid))), rows(Silver.households(hhKept.where(valid))));
    assertEquals(rows(Silver.members(evaluatedMembers.where(valid))), rows(Silver.members(memKept.where(valid))));
    assertEquals(
        rows(Silver.quarantine(evaluatedHouseholds.where(bad), org.tuopin.common.schema.Quarantine.HOUSEHOLDS)),
        rows(Silver.quarantine(hhKept.where(bad), org.tuopin.common.schema.Quarantine.HOUSEHOLDS)));
    assertEquals(
        rows(Silver.quarantine(evaluatedMembers.where(bad), org.tuopin.common.schema.Quarantine.MEMBERS)),
        rows(Silver.quarantine(memKept.where(bad), org.tuopin.common.schema.Quarantine.MEMBERS)));
    assertEquals(rows(RuleEvaluator.perBatch(evaluatedMembers, memberRules)), rows(RuleEvaluator.perBatch(memKept, memberRules)));
    assertEquals(rows(RuleEvaluator.perBatch(evaluatedHouseholds, hhRules)), rows(RuleEvaluator.perBatch(hhKept, hhRules)));
  }
}
