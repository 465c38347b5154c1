package org.tuopin.common.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.domain.Codebook;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.Quarantine;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.SilverPopulation;
import org.tuopin.common.schema.SilverSurvey;

/**
 * Turns evaluated rows into silver rows (typed, codes for labels, divisions derived from the village
 * code, age at 31 December) and quarantine rows (the bronze row and its reasons). Pure functions;
 * the caller chooses which rows (not quarantined, batch not refused).
 */
public final class Silver {
  private Silver() {}

  private static Column province(Column village) {
    return concat(substring(village, 1, 2), lit("0000"));
  }

  private static Column prefecture(Column village) {
    return concat(substring(village, 1, 4), lit("00"));
  }

  private static Column textOrNull(Column c) {
    return when(Typed.present(c), trim(c));
  }

  /** Casts and orders the columns exactly as the schema declares them. */
  private static Dataset<Row> conformTo(Dataset<Row> df, StructType schema) {
    List<Column> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return df.select(out.toArray(new Column[0]));
  }

  private static Column[] lineage() {
    return new Column[] {col(Lineage.BATCH_ID), col(Lineage.SOURCE_FILE), col(Lineage.LINE)};
  }

  /** silver.households rows of evaluated household lines. */
  public static Dataset<Row> households(Dataset<Row> evaluated) {
    Column village = trim(col(LandingHouseholds.VILLAGE_CODE));
    Dataset<Row> df =
        evaluated.select(
            trim(col(LandingHouseholds.HOUSEHOLD_ID)).as(SilverHouseholds.HOUSEHOLD_ID),
            col(Prepared.YEAR).as(SilverHouseholds.REPORTING_YEAR),
            province(village).as(SilverHouseholds.PROVINCE_CODE),
            prefecture(village).as(SilverHouseholds.PREFECTURE_CODE),
            substring(village, 1, 6).as(SilverHouseholds.COUNTY_CODE),
            village.as(SilverHouseholds.VILLAGE_CODE),
            col(Bronze.HEAD_PERSON_KEY).as(SilverHouseholds.HEAD_PERSON_KEY),
            col(Prepared.HOUSEHOLD_SIZE).as(SilverHouseholds.HOUSEHOLD_SIZE),
            Codebook.toCode(col(LandingHouseholds.ATTRIBUTE), Codebook.HouseholdAttribute.class).as(SilverHouseholds.ATTRIBUTE),
            Codebook.toCode(col(LandingHouseholds.MAIN_CAUSE), Codebook.PovertyCause.class).as(SilverHouseholds.MAIN_CAUSE),
            col(Prepared.IDENTIFIED_YEAR).as(SilverHouseholds.IDENTIFIED_YEAR),
            Codebook.toCode(col(LandingHouseholds.STATUS), Codebook.HouseholdStatus.class).as(SilverHouseholds.STATUS),
            col(Prepared.EXIT_YEAR).as(SilverHouseholds.EXIT_YEAR),
            col(Prepared.INCOME).as(SilverHouseholds.PER_CAPITA_INCOME),
            Codebook.toBoolean(col(LandingHouseholds.FOOD_CLOTHING_SECURE)).as(SilverHouseholds.FOOD_CLOTHING_SECURE),
            Codebook.toBoolean(col(LandingHouseholds.COMPULSORY_EDUCATION)).as(SilverHouseholds.COMPULSORY_EDUCATION),
            Codebook.toBoolean(col(LandingHouseholds.BASIC_MEDICAL_CARE)).as(SilverHouseholds.BASIC_MEDICAL_CARE),
            Codebook.toBoolean(col(LandingHouseholds.SAFE_HOUSING)).as(SilverHouseholds.SAFE_HOUSING),
            Codebook.toBoolean(col(LandingHouseholds.SAFE_WATER)).as(SilverHouseholds.SAFE_WATER),
            Codebook.toBoolean(col(LandingHouseholds.RELOCATED)).as(SilverHouseholds.RELOCATED),
            lineage()[0], lineage()[1], lineage()[2]);
    return conformTo(df, SilverHouseholds.SCHEMA);
  }

  /** silver.members rows of evaluated member lines (joined with their household: the village). */
  public static Dataset<Row> members(Dataset<Row> evaluated) {
    Column village = col(Prepared.VILLAGE);
    Dataset<Row> df =
        evaluated.select(
            col(Bronze.PERSON_KEY).as(SilverMembers.PERSON_KEY),
            trim(col(LandingMembers.HOUSEHOLD_ID)).as(SilverMembers.HOUSEHOLD_ID),
            col(Prepared.YEAR).as(SilverMembers.REPORTING_YEAR),
            province(village).as(SilverMembers.PROVINCE_CODE),
            substring(village, 1, 6).as(SilverMembers.COUNTY_CODE),
            trim(village).as(SilverMembers.VILLAGE_CODE),
            Codebook.toCode(col(LandingMembers.RELATION), Codebook.Relation.class).as(SilverMembers.RELATION),
            Codebook.toCode(col(LandingMembers.SEX), Codebook.Sex.class).as(SilverMembers.SEX),
            col(Prepared.BIRTH_DATE).as(SilverMembers.BIRTH_DATE),
            // Completed years at 31 December: everyone born in year b has had the birthday by then.
            col(Prepared.YEAR).minus(year(col(Prepared.BIRTH_DATE))).as(SilverMembers.AGE),
            Codebook.toCode(col(LandingMembers.LABOUR_CAPACITY), Codebook.LabourCapacity.class).as(SilverMembers.LABOUR_CAPACITY),
            Codebook.toCode(col(LandingMembers.SCHOOLING), Codebook.Schooling.class).as(SilverMembers.SCHOOLING),
            Codebook.toBoolean(col(LandingMembers.DROPPED_OUT)).as(SilverMembers.DROPPED_OUT),
            Codebook.toCode(col(LandingMembers.HEALTH), Codebook.Health.class).as(SilverMembers.HEALTH),
            Codebook.toBoolean(col(LandingMembers.MEDICAL_INSURANCE)).as(SilverMembers.MEDICAL_INSURANCE),
            Codebook.toBoolean(col(LandingMembers.WORKS_AWAY)).as(SilverMembers.WORKS_AWAY),
            textOrNull(col(LandingMembers.WORK_PROVINCE)).as(SilverMembers.WORK_PROVINCE),
            col(Prepared.MONTHS_WORKED).as(SilverMembers.MONTHS_WORKED),
            lineage()[0], lineage()[1], lineage()[2]);
    return conformTo(df, SilverMembers.SCHEMA);
  }

  /** silver.population rows of evaluated population lines. */
  public static Dataset<Row> population(Dataset<Row> evaluated) {
    Column village = trim(col(LandingPopulation.VILLAGE_CODE));
    Dataset<Row> df =
        evaluated.select(
            village.as(SilverPopulation.VILLAGE_CODE),
            col(Prepared.YEAR).as(SilverPopulation.REPORTING_YEAR),
            province(village).as(SilverPopulation.PROVINCE_CODE),
            substring(village, 1, 6).as(SilverPopulation.COUNTY_CODE),
            col(Prepared.RURAL_POPULATION).as(SilverPopulation.RURAL_POPULATION),
            lineage()[0], lineage()[1], lineage()[2]);
    return conformTo(df, SilverPopulation.SCHEMA);
  }

  /** silver.cooperation_* rows of evaluated lines of a cooperation file; the delivering province is the helper's. */
  public static Dataset<Row> cooperation(Dataset<Row> evaluated, Cooperation.File file) {
    List<Column> cols = new ArrayList<>();
    cols.add(col(Prepared.YEAR).as(Cooperation.REPORTING_YEAR));
    cols.add(trim(col(Cooperation.HELPER_CODE)).as(Cooperation.HELPER_CODE));
    cols.add(trim(col(Cooperation.HELPED_CODE)).as(Cooperation.HELPED_CODE));
    cols.add(col(Lineage.PROVINCE).as(Cooperation.PROVINCE_CODE));
    for (Cooperation.Measure m : file.measures()) {
      cols.add((m.amount() ? Typed.number(col(m.name())) : Typed.integer(col(m.name())).cast("long")).as(m.name()));
    }
    for (Column c : lineage()) {
      cols.add(c);
    }
    return conformTo(evaluated.select(cols.toArray(new Column[0])), file.silverSchema());
  }

  /** silver.survey rows of evaluated survey lines: the rates are shares of the sample; the delivering province is the county's. */
  public static Dataset<Row> survey(Dataset<Row> evaluated) {
    Column surveyed = col(Prepared.SURVEYED).cast("double");
    Dataset<Row> df =
        evaluated.select(
            col(Prepared.COUNTY).as(SilverSurvey.COUNTY_CODE),
            col(Prepared.YEAR).as(SilverSurvey.REPORTING_YEAR),
            col(Prepared.MISSED).cast("double").divide(surveyed).as(SilverSurvey.MISSED_RATE),
            col(Prepared.APPROVING).cast("double").divide(surveyed).as(SilverSurvey.APPROVAL_RATE),
            col(Lineage.PROVINCE).as(SilverSurvey.PROVINCE_CODE),
            col(Prepared.SURVEYED).as(SilverSurvey.SURVEYED_HOUSEHOLDS),
            col(Prepared.MISSED).as(SilverSurvey.MISSED_HOUSEHOLDS),
            col(Prepared.APPROVING).as(SilverSurvey.APPROVING_HOUSEHOLDS),
            lineage()[0], lineage()[1], lineage()[2]);
    return conformTo(df, SilverSurvey.SCHEMA);
  }

  /**
   * The prepared columns {@link #households} reads, and the duplicate rank, which the members'
   * preparation reads from the evaluated households.
   */
  public static final List<String> HOUSEHOLD_INPUTS =
      List.of(Prepared.YEAR, Prepared.IDENTIFIED_YEAR, Prepared.EXIT_YEAR, Prepared.HOUSEHOLD_SIZE, Prepared.INCOME, Prepared.DUP_RANK);

  /** The prepared columns {@link #members} reads. */
  public static final List<String> MEMBER_INPUTS = List.of(Prepared.YEAR, Prepared.BIRTH_DATE, Prepared.MONTHS_WORKED, Prepared.VILLAGE);

  /**
   * Evaluated lines narrowed to what is read after the evaluation: the quarantine row (the bronze
   * line with its rule ids and messages, {@link #quarantine}), the named prepared columns (for the
   * silver row), each rule's result (for the metrics) and the verdict. The other helper columns
   * (typed values and cross-row facts the rules read, some twenty per line) are dropped before the
   * lines are cached or checkpointed.
   *
   * @param quarantineSchema the quarantine table's schema ({@link Quarantine#HOUSEHOLDS} or {@link Quarantine#MEMBERS})
   * @param rules the number of rules the lines were evaluated with
   */
  public static Dataset<Row> kept(Dataset<Row> evaluated, StructType quarantineSchema, List<String> prepared, int rules) {
    List<Column> out = new ArrayList<>();
    for (StructField f : quarantineSchema.fields()) {
      out.add(col(f.name()));
    }
    for (String p : prepared) {
      out.add(col(p));
    }
    for (int i = 0; i < rules; i++) {
      out.add(col(RuleEvaluator.failedColumn(i)));
    }
    out.add(col(RuleEvaluator.QUARANTINED));
    out.add(col(RuleEvaluator.FAILS_BATCH));
    return evaluated.select(out.toArray(new Column[0]));
  }

  /** The quarantine rows of evaluated lines: the bronze columns, then rule_ids and messages. */
  public static Dataset<Row> quarantine(Dataset<Row> evaluated, StructType quarantineSchema) {
    return conformTo(evaluated, quarantineSchema);
  }
}
