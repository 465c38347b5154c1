package org.tuopin.common.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.domain.Codebook;
import org.tuopin.common.domain.Coded;
import org.tuopin.common.id.ResidentId;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.LandingSurvey;
import org.tuopin.common.schema.Lineage;

/**
 * The validation rules of conform, per bronze table, as data (docs/rules.md lists them). Each
 * predicate reads bronze columns and the {@link Prepared} helpers and is true when the row fails.
 *
 * <p>A line that could not be split into columns ({@code _parse_error}) is checked only by
 * PARSE_ERROR and PROVINCE_UNKNOWN: its other columns mean nothing, so every other rule passes it.
 */
public final class Rules {
  private Rules() {}

  /** Months in a year: the calendar bound of months_worked, not a policy threshold. */
  static final int MONTHS_IN_YEAR = 12;

  public static final String PARSE_ERROR = "PARSE_ERROR";
  public static final String PROVINCE_UNKNOWN = "PROVINCE_UNKNOWN";
  public static final String REQUIRED_FIELD = "REQUIRED_FIELD";
  public static final String HOUSEHOLD_ID_FORMAT = "HOUSEHOLD_ID_FORMAT";
  public static final String VILLAGE_IN_COUNTY = "VILLAGE_IN_COUNTY";
  public static final String COUNTY_UNKNOWN = "COUNTY_UNKNOWN";
  public static final String COUNTY_IN_PROVINCE = "COUNTY_IN_PROVINCE";
  public static final String ENUM_ATTRIBUTE = "ENUM_ATTRIBUTE";
  public static final String ENUM_CAUSE = "ENUM_CAUSE";
  public static final String ENUM_STATUS = "ENUM_STATUS";
  public static final String ENUM_RELATION = "ENUM_RELATION";
  public static final String ENUM_SEX = "ENUM_SEX";
  public static final String ENUM_LABOUR = "ENUM_LABOUR";
  public static final String ENUM_SCHOOLING = "ENUM_SCHOOLING";
  public static final String ENUM_HEALTH = "ENUM_HEALTH";
  public static final String ENUM_FLAG = "ENUM_FLAG";
  public static final String YEAR_RANGE = "YEAR_RANGE";
  public static final String YEAR_FUTURE = "YEAR_FUTURE";
  public static final String REPORTING_YEAR_MISMATCH = "REPORTING_YEAR_MISMATCH";
  public static final String IDENTIFIED_YEAR_LOGIC = "IDENTIFIED_YEAR_LOGIC";
  public static final String EXIT_YEAR_LOGIC = "EXIT_YEAR_LOGIC";
  public static final String INCOME_NUMERIC = "INCOME_NUMERIC";
  public static final String INCOME_RANGE = "INCOME_RANGE";
  public static final String INCOME_MISSING_FOR_EXIT = "INCOME_MISSING_FOR_EXIT";
  public static final String HOUSEHOLD_SIZE_RANGE = "HOUSEHOLD_SIZE_RANGE";
  public static final String HEAD_COUNT = "HEAD_COUNT";
  public static final String HOUSEHOLD_SIZE_MISMATCH = "HOUSEHOLD_SIZE_MISMATCH";
  public static final String BIRTH_DATE_FORMAT = "BIRTH_DATE_FORMAT";
  public static final String BIRTH_DATE_MISMATCH = "BIRTH_DATE_MISMATCH";
  public static final String SEX_MISMATCH = "SEX_MISMATCH";
  public static final String AGE_RANGE = "AGE_RANGE";
  public static final String MONTHS_WORKED_RANGE = "MONTHS_WORKED_RANGE";
  public static final String WORK_PROVINCE_UNKNOWN = "WORK_PROVINCE_UNKNOWN";
  public static final String ORPHAN_MEMBER = "ORPHAN_MEMBER";
  public static final String HOUSEHOLD_QUARANTINED = "HOUSEHOLD_QUARANTINED";
  public static final String PERSON_IN_TWO_HOUSEHOLDS = "PERSON_IN_TWO_HOUSEHOLDS";
  public static final String POPULATION_RANGE = "POPULATION_RANGE";
  public static final String DUPLICATE_LINE = "DUPLICATE_LINE";
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
  public static final String PAIRING_UNKNOWN = "PAIRING_UNKNOWN";
  public static final String MEASURE_RANGE = "MEASURE_RANGE";
  public static final String SURVEY_COUNT_RANGE = "SURVEY_COUNT_RANGE";
  public static final String SURVEY_SAMPLE_EMPTY = "SURVEY_SAMPLE_EMPTY";
  public static final String SURVEY_COUNT_ABOVE_SAMPLE = "SURVEY_COUNT_ABOVE_SAMPLE";

  /** The rule id for each resident-ID problem found at ingest (Bronze.ID_PROBLEM values). */
  public static String idRule(ResidentId.Problem p) {
    switch (p) {
      case LEGACY_15_DIGITS:
        return "ID_LEGACY_15";
      case CHECK_CHARACTER:
        return "ID_CHECK_CHARACTER";
      default:
        return "ID_" + p.name();
    }
  }

  private static Column parsed() {
    return col(Bronze.PARSE_ERROR).isNull();
  }

  /** Builds rules of one table; every rule but the first two applies to parsed lines only. */
  private static final class Builder {
    private final Table table;
    private final List<Rule> rules = new ArrayList<>();

    Builder(Table table) {
      this.table = table;
      rules.add(
          new Rule(
              PARSE_ERROR, table, Severity.QUARANTINE,
              "The line could not be split into the declared columns (field count, quoting).",
              col(Bronze.PARSE_ERROR).isNotNull(),
              "line could not be parsed: {" + Bronze.PARSE_ERROR + "}"));
      rules.add(
          new Rule(
              PROVINCE_UNKNOWN, table, Severity.FAIL_BATCH,
              "The delivering province (_province) is not a province of ref.divisions: the batch is refused whole.",
              col(Prepared.PROVINCE_KNOWN).unary_$bang(),
              "delivering province {" + Lineage.PROVINCE + "} is not a province of ref.divisions"));
    }

    Builder add(String id, Severity s, String description, Column fails, String message) {
      rules.add(new Rule(id, table, s, description, parsed().and(fails), message));
      return this;
    }

    Builder quarantine(String id, String description, Column fails, String message) {
      return add(id, Severity.QUARANTINE, description, fails, message);
    }

    <E extends Enum<E> & Coded> Builder enumeration(String id, String column, Class<E> type) {
      return quarantine(
          id,
          "A non-empty " + column + " must be one of the labels of " + type.getSimpleName() + ": "
              + String.join(" ", Codebook.labels(type)) + ".",
          Typed.present(col(column)).and(Codebook.toCode(col(column), type).isNull()),
          column + " '{" + column + "}' is not a known label");
    }

    Builder idRules(String problemColumn, String whose) {
      for (ResidentId.Problem p : ResidentId.Problem.values()) {
        quarantine(
            idRule(p),
            whose + " " + p.message() + " (found at ingest: " + problemColumn + " = " + p.name() + ").",
            col(problemColumn).equalTo(p.name()),
            whose + " " + p.message());
      }
      return this;
    }

    Builder common(TuopinConfig.Conform limits, String yearColumns) {
      quarantine(
          REQUIRED_FIELD, "Every required column has a value.",
          col(Prepared.MISSING).notEqual(""),
          "required field(s) empty: {" + Prepared.MISSING + "}");
      quarantine(
          YEAR_RANGE,
          "Each year (" + yearColumns + ") is a 4-digit year within tuopin.conform.min-year .. max-year.",
          col(Prepared.BAD_YEARS).notEqual(""),
          "not a year in " + limits.minYear() + ".." + limits.maxYear() + ": {" + Prepared.BAD_YEARS + "}");
      quarantine(
          YEAR_FUTURE, "No year (" + yearColumns + ") is after the batch's reporting year (_batch_year).",
          col(Prepared.FUTURE_YEARS).notEqual(""),
          "year after the batch year {" + Bronze.BATCH_YEAR + "}: {" + Prepared.FUTURE_YEARS + "}");
      quarantine(
          REPORTING_YEAR_MISMATCH,
          "reporting_year is not before the batch's reporting year: a batch delivers one year.",
          col(Prepared.YEAR).lt(col(Bronze.BATCH_YEAR)),
          "reporting_year {" + LandingHouseholds.REPORTING_YEAR + "} in a batch of year {" + Bronze.BATCH_YEAR + "}");
      return this;
    }

    Builder duplicates(String key) {
      quarantine(
          DUPLICATE_LINE,
          "A line identical to an earlier line (by _line) of the same batch: the first is kept, the repeats quarantined.",
          col(Prepared.DUP_RANK).gt(1),
          "repeats an earlier line of the batch");
      quarantine(
          DUPLICATE_KEY,
          "Two or more different lines of one batch with the same key (" + key + "): all are quarantined.",
          col(Prepared.KEY_ROWS).gt(col(Prepared.CONTENT_ROWS)),
          "{" + Prepared.KEY_ROWS + "} different lines of the batch share this line's key (" + key + ")");
      return this;
    }

    Builder divisions(String villageColumn) {
      Column village = trim(col(villageColumn));
      Column shapeOk =
          village.rlike("^[0-9]{12}$")
              // Not a province total; a county part ending in 00 is a county-level city without
              // districts (东莞 441900, 儋州 460400), so only ref.divisions decides (COUNTY_UNKNOWN).
              .and(substring(village, 3, 4).notEqual("0000"))
              .and(substring(village, 7, 3).notEqual("000"))
              .and(substring(village, 10, 3).notEqual("000"));
      quarantine(
          VILLAGE_IN_COUNTY,
          "The village code has 12 digits: a county-level code (not a province total), a non-zero township and village part.",
          Typed.present(col(villageColumn)).and(shapeOk.unary_$bang()),
          "village code '{" + villageColumn + "}' is not a 12-digit village code inside a county");
      quarantine(
          COUNTY_UNKNOWN, "The village's county (its first 6 digits) is a county of ref.divisions.",
          shapeOk.and(col(Prepared.COUNTY_KNOWN).unary_$bang()),
          "county {" + Prepared.COUNTY + "} is not a county of ref.divisions");
      quarantine(
          COUNTY_IN_PROVINCE, "The village's county lies in the delivering province (_province).",
          shapeOk.and(substring(village, 1, 2).notEqual(substring(col(Lineage.PROVINCE), 1, 2))),
          "county {" + Prepared.COUNTY + "} is not in the delivering province {" + Lineage.PROVINCE + "}");
      return this;
    }

    List<Rule> build() {
      return Collections.unmodifiableList(rules);
    }
  }

  /** Rules of bronze.households. */
  public static List<Rule> households(TuopinConfig.Conform limits) {
    Column status = Codebook.toCode(col(LandingHouseholds.STATUS), Codebook.HouseholdStatus.class);
    Column reporting = col(Prepared.YEAR);
    Column identified = col(Prepared.IDENTIFIED_YEAR);
    Column exit = col(Prepared.EXIT_YEAR);
    Column size = col(Prepared.HOUSEHOLD_SIZE);
    Column income = col(Prepared.INCOME);
    Builder b = new Builder(Table.BRONZE_HOUSEHOLDS);
    b.common(limits, "reporting_year, identified_year, exit_year");
    b.quarantine(
        HOUSEHOLD_ID_FORMAT, "household_id is the household's 12-digit village code followed by a 4-digit sequence.",
        Typed.present(col(LandingHouseholds.HOUSEHOLD_ID))
            .and(
                trim(col(LandingHouseholds.HOUSEHOLD_ID)).rlike("^[0-9]{16}$").unary_$bang()
                    .or(substring(trim(col(LandingHouseholds.HOUSEHOLD_ID)), 1, 12).notEqual(trim(col(LandingHouseholds.VILLAGE_CODE))))),
        "household_id '{" + LandingHouseholds.HOUSEHOLD_ID + "}' is not village code {" + LandingHouseholds.VILLAGE_CODE + "} + 4 digits");
    b.divisions(LandingHouseholds.VILLAGE_CODE);
    b.idRules(Bronze.HEAD_ID_PROBLEM, "head's");
    b.enumeration(ENUM_ATTRIBUTE, LandingHouseholds.ATTRIBUTE, Codebook.HouseholdAttribute.class);
    b.enumeration(ENUM_CAUSE, LandingHouseholds.MAIN_CAUSE, Codebook.PovertyCause.class);
    b.enumeration(ENUM_STATUS, LandingHouseholds.STATUS, Codebook.HouseholdStatus.class);
    b.quarantine(
        ENUM_FLAG, "Each yes/no column is empty, 是 or 否.",
        col(Prepared.BAD_FLAGS).notEqual(""),
        "not 是/否: {" + Prepared.BAD_FLAGS + "}");
    b.quarantine(
        IDENTIFIED_YEAR_LOGIC, "identified_year is not after reporting_year.",
        identified.gt(reporting),
        "identified in {" + LandingHouseholds.IDENTIFIED_YEAR + "}, after the reporting year {" + LandingHouseholds.REPORTING_YEAR + "}");
    b.quarantine(
        EXIT_YEAR_LOGIC,
        "An EXITED household has an exit year from its identification year to the reporting year; a POOR household has none.",
        status.equalTo(Codebook.HouseholdStatus.EXITED.name())
            .and(exit.isNull().or(exit.lt(identified)).or(exit.gt(reporting)))
            .or(status.equalTo(Codebook.HouseholdStatus.POOR.name()).and(Typed.present(col(LandingHouseholds.EXIT_YEAR)))),
        "status {" + LandingHouseholds.STATUS + "} with exit year '{" + LandingHouseholds.EXIT_YEAR + "}' (identified {"
            + LandingHouseholds.IDENTIFIED_YEAR + "}, reporting {" + LandingHouseholds.REPORTING_YEAR + "})");
    b.quarantine(
        INCOME_NUMERIC, "A non-empty per_capita_income is a decimal number.",
        Typed.present(col(LandingHouseholds.PER_CAPITA_INCOME)).and(income.isNull()),
        "per_capita_income '{" + LandingHouseholds.PER_CAPITA_INCOME + "}' is not a number");
    b.quarantine(
        INCOME_RANGE, "per_capita_income is from 0 to tuopin.conform.max-per-capita-income yuan.",
        income.lt(0).or(income.gt(limits.maxPerCapitaIncome())),
        "per_capita_income {" + LandingHouseholds.PER_CAPITA_INCOME + "} is outside 0.."
            + String.format(Locale.ROOT, "%.0f", limits.maxPerCapitaIncome()));
    b.add(
        INCOME_MISSING_FOR_EXIT, Severity.WARN,
        "An EXITED household has a per_capita_income (the exit standard cannot be checked without it).",
        status.equalTo(Codebook.HouseholdStatus.EXITED.name()).and(Typed.blank(col(LandingHouseholds.PER_CAPITA_INCOME))),
        "exited household without per_capita_income");
    b.quarantine(
        HOUSEHOLD_SIZE_RANGE, "household_size is a whole number from 1 to tuopin.conform.max-household-size.",
        Typed.present(col(LandingHouseholds.HOUSEHOLD_SIZE)).and(size.isNull().or(size.lt(1)).or(size.gt(limits.maxHouseholdSize()))),
        "household_size '{" + LandingHouseholds.HOUSEHOLD_SIZE + "}' is not 1.." + limits.maxHouseholdSize());
    b.quarantine(
        HEAD_COUNT, "Exactly one member line of the household in the batch has relation 户主.",
        col(Prepared.HEADS).notEqual(1),
        "{" + Prepared.HEADS + "} heads (户主) among the household's member lines, not 1");
    b.quarantine(
        HOUSEHOLD_SIZE_MISMATCH, "The batch has as many member lines for the household as its household_size.",
        size.isNotNull().and(col(Prepared.MEMBER_ROWS).notEqual(size)),
        "household_size {" + LandingHouseholds.HOUSEHOLD_SIZE + "} but {" + Prepared.MEMBER_ROWS + "} member lines");
    b.duplicates("household_id, reporting_year");
    return b.build();
  }

  /** Rules of bronze.members. */
  public static List<Rule> members(TuopinConfig.Conform limits) {
    Column sex = Codebook.toCode(col(LandingMembers.SEX), Codebook.Sex.class);
    Column birth = col(Prepared.BIRTH_DATE);
    Column age = col(Prepared.YEAR).minus(year(birth));
    Column months = col(Prepared.MONTHS_WORKED);
    Builder b = new Builder(Table.BRONZE_MEMBERS);
    b.common(limits, "reporting_year");
    b.idRules(Bronze.ID_PROBLEM, "member's");
    b.enumeration(ENUM_RELATION, LandingMembers.RELATION, Codebook.Relation.class);
    b.enumeration(ENUM_SEX, LandingMembers.SEX, Codebook.Sex.class);
    b.enumeration(ENUM_LABOUR, LandingMembers.LABOUR_CAPACITY, Codebook.LabourCapacity.class);
    b.enumeration(ENUM_SCHOOLING, LandingMembers.SCHOOLING, Codebook.Schooling.class);
    b.enumeration(ENUM_HEALTH, LandingMembers.HEALTH, Codebook.Health.class);
    b.quarantine(
        ENUM_FLAG, "Each yes/no column is empty, 是 or 否.",
        col(Prepared.BAD_FLAGS).notEqual(""),
        "not 是/否: {" + Prepared.BAD_FLAGS + "}");
    b.quarantine(
        BIRTH_DATE_FORMAT, "A non-empty birth_date is a real date written yyyy-MM-dd.",
        Typed.present(col(LandingMembers.BIRTH_DATE)).and(birth.isNull()),
        "birth_date '{" + LandingMembers.BIRTH_DATE + "}' is not a yyyy-MM-dd date");
    b.quarantine(
        BIRTH_DATE_MISMATCH, "birth_date equals the birth date encoded in the resident ID.",
        birth.notEqual(col(Bronze.ID_BIRTH_DATE).cast("date")),
        "birth_date {" + LandingMembers.BIRTH_DATE + "} differs from the birth date in the resident ID");
    b.quarantine(
        SEX_MISMATCH, "sex equals the sex encoded in the resident ID (parity of its 17th character).",
        sex.notEqual(col(Bronze.ID_SEX)),
        "sex {" + LandingMembers.SEX + "} differs from the sex in the resident ID");
    b.quarantine(
        AGE_RANGE, "The member is born by 31 December of the reporting year and at most tuopin.conform.max-age years old then.",
        age.lt(0).or(age.gt(limits.maxAge())),
        "birth_date {" + LandingMembers.BIRTH_DATE + "} gives an age outside 0.." + limits.maxAge() + " in {" + LandingMembers.REPORTING_YEAR + "}");
    b.quarantine(
        MONTHS_WORKED_RANGE, "A non-empty months_worked is a whole number from 0 to 12.",
        Typed.present(col(LandingMembers.MONTHS_WORKED)).and(months.isNull().or(months.lt(0)).or(months.gt(MONTHS_IN_YEAR))),
        "months_worked '{" + LandingMembers.MONTHS_WORKED + "}' is not 0.." + MONTHS_IN_YEAR);
    b.add(
        WORK_PROVINCE_UNKNOWN, Severity.WARN,
        "A member working away (works_away 是) names a province of ref.divisions as work_province.",
        Codebook.toBoolean(col(LandingMembers.WORKS_AWAY)).and(col(Prepared.WORK_PROVINCE_KNOWN).unary_$bang()),
        "works away but work_province '{" + LandingMembers.WORK_PROVINCE + "}' is not a province");
    b.quarantine(
        ORPHAN_MEMBER, "The member's household has a household line in the same batch.",
        col(Prepared.HOUSEHOLD_FOUND).unary_$bang(),
        "household {" + LandingMembers.HOUSEHOLD_ID + "} has no household line in the batch");
    b.quarantine(
        HEAD_COUNT, "The member's household has exactly one head (户主) among its member lines in the batch.",
        col(Prepared.HOUSEHOLD_FOUND).and(col(Prepared.HEADS).notEqual(1)),
        "household {" + LandingMembers.HOUSEHOLD_ID + "} has {" + Prepared.HEADS + "} heads (户主), not 1");
    b.quarantine(
        HOUSEHOLD_SIZE_MISMATCH, "The member's household has as many member lines in the batch as its household_size.",
        col(Prepared.HOUSEHOLD_FOUND).and(col(Prepared.MEMBER_ROWS).notEqual(col(Prepared.HOUSEHOLD_SIZE))),
        "household {" + LandingMembers.HOUSEHOLD_ID + "} declares {" + Prepared.HOUSEHOLD_DECLARED_SIZE
            + "} members but has {" + Prepared.MEMBER_ROWS + "} member lines");
    b.quarantine(
        HOUSEHOLD_QUARANTINED, "The member's household line is quarantined: a household goes to silver whole or not at all.",
        col(Prepared.HOUSEHOLD_FOUND).and(col(Prepared.HOUSEHOLD_QUARANTINED)),
        "household {" + LandingMembers.HOUSEHOLD_ID + "} is quarantined");
    b.quarantine(
        PERSON_IN_TWO_HOUSEHOLDS,
        "The person (person_key) is in no other household in the same reporting year: in this run's batches, or in silver for another province. Every incoming line involved is quarantined.",
        col(Prepared.IN_TWO_HOUSEHOLDS),
        "the same person is in another household in {" + LandingMembers.REPORTING_YEAR + "}");
    b.duplicates("household_id, person_key, reporting_year");
    return b.build();
  }

  /** Rules of bronze.population. */
  public static List<Rule> population(TuopinConfig.Conform limits) {
    Builder b = new Builder(Table.BRONZE_POPULATION);
    b.common(limits, "reporting_year");
    b.divisions(LandingPopulation.VILLAGE_CODE);
    b.quarantine(
        POPULATION_RANGE, "rural_population is a whole number, 0 or more.",
        Typed.present(col(LandingPopulation.RURAL_POPULATION))
            .and(col(Prepared.RURAL_POPULATION).isNull().or(col(Prepared.RURAL_POPULATION).lt(0))),
        "rural_population '{" + LandingPopulation.RURAL_POPULATION + "}' is not a whole number >= 0");
    b.duplicates("village_code, reporting_year");
    return b.build();
  }

  /** Rules of a cooperation file's bronze table (bronze.cooperation_*). */
  public static List<Rule> cooperation(TuopinConfig.Conform limits, Cooperation.File file) {
    Builder b = new Builder(file.bronze());
    b.common(limits, "reporting_year");
    b.quarantine(
        PAIRING_UNKNOWN,
        "helper_code and helped_code are a pairing of ref.pairings (the helper's own pairings: ingest refuses a batch with a helper of another province).",
        Typed.present(col(Cooperation.HELPER_CODE)).and(Typed.present(col(Cooperation.HELPED_CODE)))
            .and(col(Prepared.PAIRING_KNOWN).unary_$bang()),
        "helper {" + Cooperation.HELPER_CODE + "} and helped area {" + Cooperation.HELPED_CODE + "} are not a pairing of ref.pairings");
    b.quarantine(
        MEASURE_RANGE,
        "Each non-empty measure (" + String.join(", ", file.measureNames())
            + ") is a number of its kind, 0 or more: a whole number for counts of persons, enterprises or pairs, a decimal for amounts in 10,000 yuan. An empty measure means not delivered.",
        col(Prepared.BAD_MEASURES).notEqual(""),
        "not a number >= 0 of its kind: {" + Prepared.BAD_MEASURES + "}");
    b.duplicates("reporting_year, helper_code, helped_code");
    return b.build();
  }

  /** Rules of bronze.survey, the third-party assessment survey. */
  public static List<Rule> survey(TuopinConfig.Conform limits) {
    Column county = col(Prepared.COUNTY);
    Column surveyed = col(Prepared.SURVEYED);
    Builder b = new Builder(Table.BRONZE_SURVEY);
    b.common(limits, "reporting_year");
    b.quarantine(
        SURVEY_COUNT_RANGE,
        "surveyed_households, missed_households and approving_households are whole numbers, 0 or more.",
        col(Prepared.BAD_COUNTS).notEqual(""),
        "not a whole number >= 0: {" + Prepared.BAD_COUNTS + "}");
    b.quarantine(
        SURVEY_SAMPLE_EMPTY, "surveyed_households is above 0: the rates are shares of the sample.",
        surveyed.equalTo(0),
        "surveyed_households is 0");
    b.quarantine(
        SURVEY_COUNT_ABOVE_SAMPLE, "Neither missed_households nor approving_households is above a valid surveyed_households.",
        surveyed.gt(0).and(col(Prepared.MISSED).gt(surveyed).or(col(Prepared.APPROVING).gt(surveyed))),
        "missed {" + LandingSurvey.MISSED_HOUSEHOLDS + "} or approving {" + LandingSurvey.APPROVING_HOUSEHOLDS
            + "} households above the {" + LandingSurvey.SURVEYED_HOUSEHOLDS + "} surveyed");
    b.quarantine(
        COUNTY_UNKNOWN, "county_code is a county of ref.divisions.",
        Typed.present(col(LandingSurvey.COUNTY_CODE)).and(col(Prepared.COUNTY_KNOWN).unary_$bang()),
        "county '{" + LandingSurvey.COUNTY_CODE + "}' is not a county of ref.divisions");
    b.quarantine(
        COUNTY_IN_PROVINCE,
        "The county lies in the delivering province (_province; ingest refuses a batch with a county of another province).",
        Typed.present(col(LandingSurvey.COUNTY_CODE)).and(substring(county, 1, 2).notEqual(substring(col(Lineage.PROVINCE), 1, 2))),
        "county {" + Prepared.COUNTY + "} is not in the delivering province {" + Lineage.PROVINCE + "}");
    b.duplicates("county_code, reporting_year");
    return b.build();
  }

  /** Every rule of every table, in order: the content of docs/rules.md. */
  public static List<Rule> all(TuopinConfig.Conform limits) {
    List<Rule> all = new ArrayList<>(households(limits));
    all.addAll(members(limits));
    all.addAll(population(limits));
    all.addAll(survey(limits));
    for (Cooperation.File f : Cooperation.File.values()) {
      all.addAll(cooperation(limits, f));
    }
    return all;
  }

  /** Renders {@link #all} as the Markdown table of docs/rules.md. */
  public static String markdown(TuopinConfig.Conform limits) {
    StringBuilder sb = new StringBuilder("| id | table | severity | description |\n|---|---|---|---|\n");
    for (Rule r : all(limits)) {
      sb.append("| ").append(r.id()).append(" | ").append(r.table().qualifiedName()).append(" | ")
          .append(r.severity()).append(" | ").append(r.description().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }
}
