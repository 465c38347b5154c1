package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.tuopin.common.generate.ModelColumns.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.config.GeneratorModel;
import org.tuopin.common.domain.Codebook.Health;
import org.tuopin.common.domain.Codebook.LabourCapacity;
import org.tuopin.common.domain.Codebook.Relation;
import org.tuopin.common.domain.Codebook.Schooling;
import org.tuopin.common.domain.Codebook.Sex;
import org.tuopin.common.domain.Codebook.YesNo;
import org.tuopin.common.schema.ExpectedCountyYear;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;

/**
 * Turns the model frames of {@link RegistryModel} into the landing files' rows (all strings, in
 * the landing column order, Chinese labels, 是/否, null for an empty field) plus the partition
 * columns {@link LandingLayout#BATCH_PROVINCE} and {@link LandingLayout#BATCH_YEAR}, and computes
 * the expected figures from the model.
 */
public final class LandingFrames {
  private final GenerateParams p;
  private final GeneratorModel m;

  public LandingFrames(GenerateParams params) {
    this.p = params;
    this.m = params.model();
  }

  private Column u(String salt, Column... keys) {
    return Rand.uniform(p.seed(), salt, keys);
  }

  private static Column yesNo(Column flag) {
    return when(flag, lit(YesNo.YES.label())).otherwise(lit(YesNo.NO.label()));
  }

  private static Column str(Column c) {
    return c.cast("string");
  }

  private static List<Column> batch(Column province, Column year) {
    List<Column> out = new ArrayList<>();
    out.add(province.as(LandingLayout.BATCH_PROVINCE));
    out.add(year.cast("int").as(LandingLayout.BATCH_YEAR));
    return out;
  }

  /** households.csv rows: one per household-year, the head's resident ID joined from the persons. */
  public Dataset<Row> households(Dataset<Row> householdYears, Dataset<Row> persons) {
    Dataset<Row> heads =
        persons.filter(col(MEMBER_INDEX).equalTo(0)).select(col(HOUSEHOLD).as("_head_hh"), col(RESIDENT_ID).as("_head_id"));
    Dataset<Row> h = householdYears.join(heads, col(HOUSEHOLD).equalTo(col("_head_hh")));
    List<Column> cols = new ArrayList<>();
    cols.add(col(HOUSEHOLD).as(LandingHouseholds.HOUSEHOLD_ID));
    cols.add(col(VILLAGE).as(LandingHouseholds.VILLAGE_CODE));
    cols.add(str(col(YEAR)).as(LandingHouseholds.REPORTING_YEAR));
    cols.add(col("_head_id").as(LandingHouseholds.HEAD_RESIDENT_ID));
    cols.add(str(col(SIZE)).as(LandingHouseholds.HOUSEHOLD_SIZE));
    cols.add(col(ATTRIBUTE).as(LandingHouseholds.ATTRIBUTE));
    cols.add(col(CAUSE).as(LandingHouseholds.MAIN_CAUSE));
    cols.add(str(col(IDENTIFIED_YEAR)).as(LandingHouseholds.IDENTIFIED_YEAR));
    cols.add(col(STATUS).as(LandingHouseholds.STATUS));
    cols.add(str(col(RECORD_EXIT_YEAR)).as(LandingHouseholds.EXIT_YEAR));
    cols.add(str(col(INCOME)).as(LandingHouseholds.PER_CAPITA_INCOME));
    cols.add(yesNo(col(FOOD_CLOTHING)).as(LandingHouseholds.FOOD_CLOTHING_SECURE));
    cols.add(yesNo(col(EDUCATION)).as(LandingHouseholds.COMPULSORY_EDUCATION));
    cols.add(yesNo(col(MEDICAL_CARE)).as(LandingHouseholds.BASIC_MEDICAL_CARE));
    cols.add(yesNo(col(HOUSING)).as(LandingHouseholds.SAFE_HOUSING));
    cols.add(yesNo(col(WATER)).as(LandingHouseholds.SAFE_WATER));
    cols.add(yesNo(col(RELOCATED)).as(LandingHouseholds.RELOCATED));
    cols.addAll(batch(col(PROVINCE), col(YEAR)));
    return h.select(cols.toArray(new Column[0]));
  }

  /**
   * members.csv rows: every person of every household-year. Labour, schooling and work follow
   * the person's age in that year; health and insurance are the person's own.
   */
  public Dataset<Row> members(Dataset<Row> householdYears, Dataset<Row> persons) {
    Dataset<Row> years = householdYears.select(col(HOUSEHOLD).as("_hy_hh"), col(YEAR));
    Dataset<Row> x = persons.join(years, col(HOUSEHOLD).equalTo(col("_hy_hh")));
    Column id = col(RESIDENT_ID);
    Column age = col(YEAR).minus(year(col(BIRTH_DATE)));
    Column health = col(HEALTH);
    Column healthy = health.equalTo(Health.HEALTHY.label());
    Column labourDraw = u("labour", id);
    Column labour =
        when(age.lt(16), lit(LabourCapacity.NONE.label()))
            .when(health.isin(Health.SERIOUS_ILLNESS.label(), Health.DISABLED.label()), lit(LabourCapacity.LOST.label()))
            .when(age.gt(65).or(not(healthy)), lit(LabourCapacity.WEAK.label()))
            .when(labourDraw.lt(m.skilledLabourShare()), lit(LabourCapacity.SKILLED.label()))
            .when(labourDraw.lt(m.skilledLabourShare() + m.weakLabourShare()), lit(LabourCapacity.WEAK.label()))
            .otherwise(lit(LabourCapacity.ORDINARY.label()));
    Column dropped = age.between(6, 15).and(u("drop-out", id).lt(m.dropOutShare()));
    Column schoolDraw = u("school", id);
    Column schooling =
        when(dropped, lit(Schooling.NOT_IN_SCHOOL.label()))
            .when(age.between(3, 5), lit(Schooling.PRESCHOOL.label()))
            .when(age.between(6, 11), lit(Schooling.PRIMARY.label()))
            .when(age.between(12, 14), lit(Schooling.JUNIOR_SECONDARY.label()))
            .when(age.between(15, 17).and(schoolDraw.lt(m.vocationalShare())), lit(Schooling.VOCATIONAL_SECONDARY.label()))
            .when(age.between(15, 17), lit(Schooling.SENIOR_SECONDARY.label()))
            .when(age.between(18, 21).and(schoolDraw.lt(m.higherEducationShare() / 2)), lit(Schooling.VOCATIONAL_HIGHER.label()))
            .when(age.between(18, 21).and(schoolDraw.lt(m.higherEducationShare())), lit(Schooling.HIGHER.label()))
            .otherwise(lit(Schooling.NOT_IN_SCHOOL.label()));
    Column able = labour.isin(LabourCapacity.SKILLED.label(), LabourCapacity.ORDINARY.label());
    Column away = able.and(age.between(16, 60)).and(schooling.equalTo(Schooling.NOT_IN_SCHOOL.label()))
        .and(u("works-away", id).lt(m.worksAwayShare()));
    Column helper = col(HELPER_PROVINCE).isNotNull().and(u("helper", id).lt(m.helperProvinceShare()));
    Column workProvince = when(away, when(helper, col(HELPER_PROVINCE)).otherwise(col(PROVINCE)));
    Column months = when(away, floor(u("months", id, col(YEAR)).multiply(10)).plus(3)).otherwise(lit(0));
    Column relation =
        when(col(ROLE).equalTo("HEAD"), lit(Relation.HEAD.label()))
            .when(col(ROLE).equalTo("SPOUSE"), lit(Relation.SPOUSE.label()))
            .when(col(ROLE).equalTo("PARENT"), when(col(MALE), lit(Relation.FATHER.label())).otherwise(lit(Relation.MOTHER.label())))
            .when(col(ROLE).equalTo("GRANDCHILD"), when(col(MALE), lit(Relation.GRANDSON.label())).otherwise(lit(Relation.GRANDDAUGHTER.label())))
            .otherwise(when(col(MALE), lit(Relation.SON.label())).otherwise(lit(Relation.DAUGHTER.label())));
    List<Column> cols = new ArrayList<>();
    cols.add(id.as(LandingMembers.RESIDENT_ID));
    cols.add(col(HOUSEHOLD).as(LandingMembers.HOUSEHOLD_ID));
    cols.add(str(col(YEAR)).as(LandingMembers.REPORTING_YEAR));
    cols.add(relation.as(LandingMembers.RELATION));
    cols.add(when(col(MALE), lit(Sex.MALE.label())).otherwise(lit(Sex.FEMALE.label())).as(LandingMembers.SEX));
    cols.add(date_format(col(BIRTH_DATE), "yyyy-MM-dd").as(LandingMembers.BIRTH_DATE));
    cols.add(labour.as(LandingMembers.LABOUR_CAPACITY));
    cols.add(schooling.as(LandingMembers.SCHOOLING));
    cols.add(yesNo(dropped).as(LandingMembers.DROPPED_OUT));
    cols.add(health.as(LandingMembers.HEALTH));
    cols.add(yesNo(col(INSURED)).as(LandingMembers.MEDICAL_INSURANCE));
    cols.add(yesNo(away).as(LandingMembers.WORKS_AWAY));
    cols.add(workProvince.as(LandingMembers.WORK_PROVINCE));
    cols.add(str(months).as(LandingMembers.MONTHS_WORKED));
    cols.addAll(batch(col(PROVINCE), col(YEAR)));
    return x.select(cols.toArray(new Column[0]));
  }

  /** population.csv rows: one per village and year. */
  public Dataset<Row> population(Dataset<Row> villageYears) {
    List<Column> cols = new ArrayList<>();
    cols.add(col(VILLAGE).as(LandingPopulation.VILLAGE_CODE));
    cols.add(str(col(YEAR)).as(LandingPopulation.REPORTING_YEAR));
    cols.add(str(col(RURAL_POPULATION)).as(LandingPopulation.RURAL_POPULATION));
    cols.addAll(batch(col(PROVINCE), col(YEAR)));
    return villageYears.select(cols.toArray(new Column[0]));
  }

  /**
   * The expected figures per county and year, from the model's own flags (never from the files):
   * every county-year that has villages, zero where nothing happened; the survey's rates where the
   * generator delivers a survey line, null elsewhere.
   *
   * @param surveyRates {@link SurveyFrames#expectedRates}
   */
  public static Dataset<Row> expected(Dataset<Row> householdYears, Dataset<Row> villageYears, Dataset<Row> surveyRates) {
    Dataset<Row> counts =
        householdYears
            .groupBy(col(COUNTY).as("_c"), col(YEAR).as("_y"))
            .agg(
                count(IS_POOR_NOW, null).as(ExpectedCountyYear.POOR_HOUSEHOLDS),
                count(IS_POOR_NOW, SIZE).as(ExpectedCountyYear.POOR_PERSONS),
                count(EXITED_NOW, null).as(ExpectedCountyYear.EXITED_HOUSEHOLDS),
                count(EXITED_NOW, SIZE).as(ExpectedCountyYear.EXITED_PERSONS),
                count(NEW_NOW, null).as(ExpectedCountyYear.NEW_HOUSEHOLDS),
                count(NEW_NOW, SIZE).as(ExpectedCountyYear.NEW_PERSONS),
                count(RETURNED_NOW, null).as(ExpectedCountyYear.RETURNED_HOUSEHOLDS),
                count(RETURNED_NOW, SIZE).as(ExpectedCountyYear.RETURNED_PERSONS),
                count(REMOVED_NOW, null).as(ExpectedCountyYear.REMOVED_HOUSEHOLDS),
                count(REMOVED_NOW, SIZE).as(ExpectedCountyYear.REMOVED_PERSONS));
    Dataset<Row> population =
        villageYears.groupBy(col(COUNTY), col(YEAR)).agg(sum(col(RURAL_POPULATION)).as(ExpectedCountyYear.RURAL_POPULATION));
    Dataset<Row> joined =
        population
            .join(counts, col(COUNTY).equalTo(col("_c")).and(col(YEAR).equalTo(col("_y"))), "left")
            .join(
                surveyRates,
                col(COUNTY).equalTo(col(SurveyFrames.EXPECTED_COUNTY)).and(col(YEAR).equalTo(col(SurveyFrames.EXPECTED_YEAR))),
                "left");
    List<Column> cols = new ArrayList<>();
    cols.add(col(COUNTY).as(ExpectedCountyYear.COUNTY_CODE));
    cols.add(col(YEAR).cast("int").as(ExpectedCountyYear.REPORTING_YEAR));
    for (String c : ExpectedCountyYear.COUNTS) {
      cols.add(coalesce(col(c), lit(0L)).cast("long").as(c));
    }
    cols.add(col(ExpectedCountyYear.MISSED_RATE));
    cols.add(col(ExpectedCountyYear.APPROVAL_RATE));
    return joined.select(cols.toArray(new Column[0]));
  }

  /** Households (weight null) or persons (weight = size) where the flag holds. */
  private static Column count(String flag, String weight) {
    Column w = weight == null ? lit(1L) : col(weight).cast("long");
    return sum(when(col(flag), w).otherwise(lit(0L)));
  }
}
