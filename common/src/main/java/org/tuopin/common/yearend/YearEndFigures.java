package org.tuopin.common.yearend;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.tuopin.common.curated.AreaStatus;
import org.tuopin.common.curated.Level;
import org.tuopin.common.id.DivisionCode;
import org.tuopin.common.reference.ReferenceData.Divisions;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedCountyStatus;
import org.tuopin.common.schema.CuratedExitQuality;
import org.tuopin.common.schema.CuratedExits;
import org.tuopin.common.schema.CuratedIncidence;
import org.tuopin.common.schema.CuratedPovertyMeasures;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.SilverHouseholds;
import org.tuopin.common.schema.SilverMembers;
import org.tuopin.common.schema.YearEndReleases;
import org.tuopin.common.schema.YearEndSummary;

/**
 * The year-end summary as pure functions of the curated tables: every figure is read from a curated
 * table (nothing is recomputed from silver), rolled up over the same county-to-province-to-region
 * map as the curated roll-up, and the curated small-cell flag is carried along unchanged.
 */
public final class YearEndFigures {
  private YearEndFigures() {}

  /** The levels of the published summary, from the top. */
  public static final List<Level> SUMMARY_LEVELS = List.of(Level.NATION, Level.REGION, Level.PROVINCE);

  /** Chinese names of the nation and the regions (the other areas are named by ref.divisions). */
  public static final Map<String, String> FIXED_NAMES =
      Map.of(DivisionCode.NATION, "全国", "east", "东部", "central", "中部", "west", "西部");

  /**
   * What the summary reads.
   *
   * @param cooperation curated.cooperation_assessment, or null when it does not exist (the
   *     cooperation counts are then null and {@link YearEndSummary#COOP_ASSESSED} false)
   * @param divisions ref.divisions (code, name, level, province, region)
   */
  public record Inputs(
      Dataset<Row> incidence,
      Dataset<Row> exits,
      Dataset<Row> countyStatus,
      Dataset<Row> villageStatus,
      Dataset<Row> exitQuality,
      Dataset<Row> povertyMeasures,
      Dataset<Row> cooperation,
      Dataset<Row> divisions) {}

  private static final String COUNTY = "_county";
  private static final String PROVINCE = "_province";

  /**
   * The pinned rows of a release without its id: NATION, REGION and PROVINCE rows of every year up
   * to {@code year}, and COUNTY rows of {@code year} (columns of {@link YearEndSummary} after the
   * release id, in that order).
   */
  public static Dataset<Row> rows(Inputs in, int year) {
    Column wanted =
        col(CuratedIncidence.LEVEL).isin(Level.NATION.name(), Level.REGION.name(), Level.PROVINCE.name())
            .and(col(CuratedIncidence.REPORTING_YEAR).leq(year))
            .or(col(CuratedIncidence.LEVEL).equalTo(Level.COUNTY.name()).and(col(CuratedIncidence.REPORTING_YEAR).equalTo(year)));
    List<String> key = List.of(YearEndSummary.LEVEL, YearEndSummary.AREA_CODE, YearEndSummary.REPORTING_YEAR);
    Dataset<Row> base =
        in.incidence()
            .filter(wanted)
            .select(
                col(CuratedIncidence.LEVEL), col(CuratedIncidence.AREA_CODE), col(CuratedIncidence.PARENT_CODE),
                col(CuratedIncidence.REPORTING_YEAR), col(CuratedIncidence.POOR_PERSONS), col(CuratedIncidence.POOR_HOUSEHOLDS),
                col(CuratedIncidence.RURAL_POPULATION), col(CuratedIncidence.INCIDENCE_RATE), col(CuratedIncidence.SUPPRESSED));
    Dataset<Row> exits =
        in.exits()
            .select(
                col(CuratedExits.LEVEL), col(CuratedExits.AREA_CODE), col(CuratedExits.REPORTING_YEAR),
                col(CuratedExits.EXITED_PERSONS), col(CuratedExits.EXITED_HOUSEHOLDS), col(CuratedExits.NEW_PERSONS),
                col(CuratedExits.RETURNED_PERSONS), col(CuratedExits.REMOVED_PERSONS), col(CuratedExits.CUMULATIVE_EXITED_PERSONS),
                col(CuratedExits.WRONG_EXIT_RATE));
    Dataset<Row> measures =
        in.povertyMeasures()
            .select(
                col(CuratedPovertyMeasures.LEVEL), col(CuratedPovertyMeasures.AREA_CODE), col(CuratedPovertyMeasures.REPORTING_YEAR),
                col(CuratedPovertyMeasures.POVERTY_LINE), col(CuratedPovertyMeasures.FGT0), col(CuratedPovertyMeasures.FGT1),
                col(CuratedPovertyMeasures.FGT2), col(CuratedPovertyMeasures.AF_H), col(CuratedPovertyMeasures.AF_A),
                col(CuratedPovertyMeasures.AF_M0));
    Dataset<Row> areas = countyAreas(in.divisions());
    Dataset<Row> out =
        base.join(exits, seq(key), "left")
            .join(measures, seq(key), "left")
            .join(rollUp(countyCounts(in, year), areas), seq(key), "left")
            .join(names(in.divisions()), seq(List.of(YearEndSummary.LEVEL, YearEndSummary.AREA_CODE)), "left");
    for (String c : List.of(
        YearEndSummary.QUESTIONABLE_EXIT_HOUSEHOLDS, YearEndSummary.QUESTIONABLE_EXIT_PERSONS, YearEndSummary.POOR_COUNTIES,
        YearEndSummary.COUNTIES_DELISTED, YearEndSummary.COUNTIES_ELIGIBLE, YearEndSummary.COUNTIES_DELISTED_NOT_ELIGIBLE,
        YearEndSummary.VILLAGES_EXITED, YearEndSummary.VILLAGES_ELIGIBLE)) {
      // An area absent from a county-keyed table has none of what it counts.
      out = out.withColumn(c, coalesce(col(c), lit(0L)));
    }
    out = withCooperation(out, in.cooperation(), areas, year);
    List<Column> select = new ArrayList<>();
    for (StructField f : YearEndSummary.SCHEMA.fields()) {
      if (!f.name().equals(YearEndSummary.RELEASE_ID)) {
        select.add(col(f.name()).cast(f.dataType()).as(f.name()));
      }
    }
    return out.select(select.toArray(new Column[0]));
  }

  /** The published summary of one year: the NATION, REGION and PROVINCE rows of pinned release rows. */
  public static Dataset<Row> summaryOfYear(Dataset<Row> pinned, int year) {
    List<String> levels = new ArrayList<>();
    SUMMARY_LEVELS.forEach(l -> levels.add(l.name()));
    List<Column> select = new ArrayList<>();
    for (String c : YearEndSummary.SCHEMA.fieldNames()) {
      select.add(col(c));
    }
    return pinned
        .filter(col(YearEndSummary.LEVEL).isin(levels.toArray()).and(col(YearEndSummary.REPORTING_YEAR).equalTo(year)))
        .select(select.toArray(new Column[0]));
  }

  /**
   * Each county's silver records up to {@code year} reduced to counts and sums of 64-bit hashes:
   * a later release compares them to tell records that arrived from records that were corrected,
   * without keeping (or being able to re-read) the records themselves.
   */
  public static Dataset<Row> fingerprints(Dataset<Row> households, Dataset<Row> members, int year) {
    List<Column> content = new ArrayList<>();
    for (String c : households.columns()) {
      // Lineage says where a record came from, not what it says: a re-delivery is not a correction.
      if (SilverHouseholds.SCHEMA.getFieldIndex(c).isDefined() && !isLineage(c)) {
        content.add(col(c));
      }
    }
    Dataset<Row> h = households.filter(col(SilverHouseholds.REPORTING_YEAR).leq(year));
    Dataset<Row> perHousehold =
        members
            .filter(col(SilverMembers.REPORTING_YEAR).leq(year))
            .groupBy(col(SilverMembers.HOUSEHOLD_ID), col(SilverMembers.REPORTING_YEAR))
            .agg(
                count(lit(1)).as("_members"),
                sum(hash(col(SilverMembers.PERSON_KEY), col(SilverMembers.HOUSEHOLD_ID), col(SilverMembers.REPORTING_YEAR))).as("_member_hash"));
    Dataset<Row> byCounty =
        h.select(
                col(SilverHouseholds.COUNTY_CODE), col(SilverHouseholds.HOUSEHOLD_ID), col(SilverHouseholds.REPORTING_YEAR),
                hash(col(SilverHouseholds.HOUSEHOLD_ID), col(SilverHouseholds.REPORTING_YEAR)).as("_key_hash"),
                hash(content.toArray(new Column[0])).as("_content_hash"))
            .join(perHousehold, seq(List.of(SilverHouseholds.HOUSEHOLD_ID, SilverHouseholds.REPORTING_YEAR)), "left")
            .groupBy(col(SilverHouseholds.COUNTY_CODE))
            .agg(
                count(lit(1)).as(YearEndReleases.RECORDS),
                sum(col("_key_hash")).as(YearEndReleases.RECORD_KEY_HASH),
                sum(col("_content_hash")).as(YearEndReleases.RECORD_CONTENT_HASH),
                coalesce(sum(col("_members")), lit(0L)).as(YearEndReleases.MEMBER_RECORDS),
                coalesce(sum(col("_member_hash")), lit(0).cast(YearEndReleases.HASH_TYPE)).as(YearEndReleases.MEMBER_KEY_HASH));
    return byCounty.select(
        lit(Level.COUNTY.name()).as(YearEndReleases.LEVEL),
        col(SilverHouseholds.COUNTY_CODE).as(YearEndReleases.AREA_CODE),
        lit(year).as(YearEndReleases.REPORTING_YEAR),
        col(YearEndReleases.RECORDS),
        col(YearEndReleases.RECORD_KEY_HASH).cast(YearEndReleases.HASH_TYPE).as(YearEndReleases.RECORD_KEY_HASH),
        col(YearEndReleases.RECORD_CONTENT_HASH).cast(YearEndReleases.HASH_TYPE).as(YearEndReleases.RECORD_CONTENT_HASH),
        col(YearEndReleases.MEMBER_RECORDS),
        col(YearEndReleases.MEMBER_KEY_HASH).cast(YearEndReleases.HASH_TYPE).as(YearEndReleases.MEMBER_KEY_HASH));
  }

  /** The pinned rows of a release: {@link #rows} with the release id and the county fingerprints. */
  public static Dataset<Row> pinned(Dataset<Row> rows, Dataset<Row> fingerprints, String releaseId, int year) {
    Dataset<Row> joined =
        rows.join(fingerprints, seq(List.of(YearEndReleases.LEVEL, YearEndReleases.AREA_CODE, YearEndReleases.REPORTING_YEAR)), "left")
            .withColumn(YearEndReleases.RELEASE_ID, lit(releaseId))
            .withColumn(YearEndReleases.RELEASE_YEAR, lit(year));
    List<Column> select = new ArrayList<>();
    for (StructField f : YearEndReleases.SCHEMA.fields()) {
      select.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return joined.select(select.toArray(new Column[0]));
  }

  private static boolean isLineage(String c) {
    return List.of(Lineage.PROVINCE, Lineage.BATCH_ID, Lineage.SOURCE_FILE, Lineage.LINE, Lineage.INGESTED_AT, Lineage.RUN_ID).contains(c);
  }

  private static Column hash(Column... cols) {
    return xxhash64(cols).cast(YearEndReleases.HASH_TYPE);
  }

  /**
   * For every county of ref.divisions, the areas it counts towards at each level: itself, its
   * province, its region and the nation (the curated roll-up's map).
   */
  static Dataset<Row> countyAreas(Dataset<Row> divisions) {
    Dataset<Row> counties =
        divisions.filter(col(Divisions.LEVEL).equalTo(Level.COUNTY.name()))
            .select(col(Divisions.CODE).as(COUNTY), col(Divisions.PROVINCE_CODE).as(PROVINCE), col(Divisions.REGION).as("_region"));
    return counties.select(col(COUNTY), col(PROVINCE), lit(Level.COUNTY.name()).as(YearEndSummary.LEVEL), col(COUNTY).as(YearEndSummary.AREA_CODE))
        .unionByName(counties.select(col(COUNTY), col(PROVINCE), lit(Level.PROVINCE.name()).as(YearEndSummary.LEVEL), col(PROVINCE).as(YearEndSummary.AREA_CODE)))
        .unionByName(counties.select(col(COUNTY), col(PROVINCE), lit(Level.REGION.name()).as(YearEndSummary.LEVEL), col("_region").as(YearEndSummary.AREA_CODE)))
        .unionByName(counties.select(col(COUNTY), col(PROVINCE), lit(Level.NATION.name()).as(YearEndSummary.LEVEL), lit(DivisionCode.NATION).as(YearEndSummary.AREA_CODE)));
  }

  /** Per county and year up to {@code year}: the counts read from county-keyed curated tables. */
  private static Dataset<Row> countyCounts(Inputs in, int year) {
    String y = YearEndSummary.REPORTING_YEAR;
    Dataset<Row> quality =
        in.exitQuality()
            .filter(col(CuratedExitQuality.REPORTING_YEAR).leq(year))
            .groupBy(col(CuratedExitQuality.COUNTY_CODE).as(COUNTY), col(CuratedExitQuality.REPORTING_YEAR).as(y))
            .agg(
                count(lit(1)).as(YearEndSummary.QUESTIONABLE_EXIT_HOUSEHOLDS),
                sum(col(CuratedExitQuality.PERSONS)).as(YearEndSummary.QUESTIONABLE_EXIT_PERSONS));
    Column eligible = col(CuratedCountyStatus.ELIGIBLE).eqNullSafe(lit(true));
    Dataset<Row> counties =
        in.countyStatus()
            .filter(col(CuratedCountyStatus.REPORTING_YEAR).leq(year))
            .groupBy(col(CuratedCountyStatus.COUNTY_CODE).as(COUNTY), col(CuratedCountyStatus.REPORTING_YEAR).as(y))
            .agg(
                count(lit(1)).as(YearEndSummary.POOR_COUNTIES),
                sum(when(col(CuratedCountyStatus.ANNOUNCED_DELISTED_YEAR).equalTo(col(CuratedCountyStatus.REPORTING_YEAR)), 1L).otherwise(0L))
                    .as(YearEndSummary.COUNTIES_DELISTED),
                sum(when(eligible, 1L).otherwise(0L)).as(YearEndSummary.COUNTIES_ELIGIBLE),
                sum(when(array_contains(col(CuratedCountyStatus.FLAGS), AreaStatus.Flag.ANNOUNCED_NOT_ELIGIBLE.name()), 1L).otherwise(0L))
                    .as(YearEndSummary.COUNTIES_DELISTED_NOT_ELIGIBLE));
    // A village exits in the first year it is eligible by rule; villages have no announcement list.
    Dataset<Row> villages = in.villageStatus().filter(col(CuratedCountyStatus.REPORTING_YEAR).leq(year));
    Dataset<Row> firstEligible =
        villages.filter(eligible)
            .groupBy(col(CuratedCountyStatus.AREA_CODE), col(CuratedCountyStatus.COUNTY_CODE))
            .agg(min(col(CuratedCountyStatus.REPORTING_YEAR)).as(y))
            .groupBy(col(CuratedCountyStatus.COUNTY_CODE).as(COUNTY), col(y))
            .agg(count(lit(1)).as(YearEndSummary.VILLAGES_EXITED));
    Dataset<Row> eligibleVillages =
        villages.filter(eligible)
            .groupBy(col(CuratedCountyStatus.COUNTY_CODE).as(COUNTY), col(CuratedCountyStatus.REPORTING_YEAR).as(y))
            .agg(count(lit(1)).as(YearEndSummary.VILLAGES_ELIGIBLE));
    List<String> k = List.of(COUNTY, y);
    return quality.join(counties, seq(k), "full").join(firstEligible, seq(k), "full").join(eligibleVillages, seq(k), "full");
  }

  private static Dataset<Row> rollUp(Dataset<Row> countyCounts, Dataset<Row> areas) {
    List<String> cols =
        List.of(
            YearEndSummary.QUESTIONABLE_EXIT_HOUSEHOLDS, YearEndSummary.QUESTIONABLE_EXIT_PERSONS, YearEndSummary.POOR_COUNTIES,
            YearEndSummary.COUNTIES_DELISTED, YearEndSummary.COUNTIES_ELIGIBLE, YearEndSummary.COUNTIES_DELISTED_NOT_ELIGIBLE,
            YearEndSummary.VILLAGES_EXITED, YearEndSummary.VILLAGES_ELIGIBLE);
    List<Column> aggs = new ArrayList<>();
    for (String c : cols) {
      aggs.add(coalesce(sum(col(c)), lit(0L)).as(c));
    }
    return countyCounts
        .join(areas, seq(List.of(COUNTY)))
        .groupBy(col(YearEndSummary.LEVEL), col(YearEndSummary.AREA_CODE), col(YearEndSummary.REPORTING_YEAR))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
  }

  /**
   * Grade counts per province (helper side by the helper's province, helped side by the helped
   * area's province), rolled up to regions and the nation; null everywhere when not assessed.
   */
  private static Dataset<Row> withCooperation(Dataset<Row> out, Dataset<Row> cooperation, Dataset<Row> areas, int year) {
    List<String> all = new ArrayList<>(YearEndSummary.COOP_HELPER);
    all.addAll(YearEndSummary.COOP_HELPED);
    if (cooperation == null) {
      Dataset<Row> o = out.withColumn(YearEndSummary.COOP_ASSESSED, lit(false));
      for (String c : all) {
        o = o.withColumn(c, lit(null).cast("long"));
      }
      return o;
    }
    Column provinceOfHelper = concat(substring(col(CuratedCooperationAssessment.HELPER_CODE), 1, 2), lit("0000"));
    Column provinceOfHelped = concat(substring(col(CuratedCooperationAssessment.HELPED_CODE), 1, 2), lit("0000"));
    Column isHelper = col(CuratedCooperationAssessment.SIDE).equalTo(CuratedCooperationAssessment.SIDE_HELPER);
    List<Column> aggs = new ArrayList<>();
    for (int i = 0; i < YearEndSummary.GRADES.size(); i++) {
      Column isGrade = col(CuratedCooperationAssessment.GRADE).equalTo(YearEndSummary.GRADES.get(i));
      aggs.add(sum(when(isHelper.and(isGrade), 1L).otherwise(0L)).as(YearEndSummary.COOP_HELPER.get(i)));
      aggs.add(sum(when(isHelper.unary_$bang().and(isGrade), 1L).otherwise(0L)).as(YearEndSummary.COOP_HELPED.get(i)));
    }
    Dataset<Row> byProvince =
        cooperation
            .filter(col(CuratedCooperationAssessment.REPORTING_YEAR).leq(year))
            .withColumn(PROVINCE, when(isHelper, provinceOfHelper).otherwise(provinceOfHelped))
            .groupBy(col(PROVINCE), col(CuratedCooperationAssessment.REPORTING_YEAR).as(YearEndSummary.REPORTING_YEAR))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    Dataset<Row> provinceAreas =
        areas.filter(col(YearEndSummary.LEVEL).isin(Level.NATION.name(), Level.REGION.name(), Level.PROVINCE.name()))
            .select(col(PROVINCE), col(YearEndSummary.LEVEL), col(YearEndSummary.AREA_CODE))
            .distinct();
    List<Column> sums = new ArrayList<>();
    for (String c : all) {
      sums.add(sum(col(c)).as(c));
    }
    Dataset<Row> rolled =
        byProvince
            .join(provinceAreas, seq(List.of(PROVINCE)))
            .groupBy(col(YearEndSummary.LEVEL), col(YearEndSummary.AREA_CODE), col(YearEndSummary.REPORTING_YEAR))
            .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
    Dataset<Row> o =
        out.join(rolled, seq(List.of(YearEndSummary.LEVEL, YearEndSummary.AREA_CODE, YearEndSummary.REPORTING_YEAR)), "left")
            .withColumn(YearEndSummary.COOP_ASSESSED, lit(true));
    Column atCounty = col(YearEndSummary.LEVEL).equalTo(Level.COUNTY.name());
    for (String c : all) {
      // Pairings are assessed per province; a county has no grade of its own.
      o = o.withColumn(c, when(atCounty, lit(null).cast("long")).otherwise(coalesce(col(c), lit(0L))));
    }
    return o;
  }

  private static Dataset<Row> names(Dataset<Row> divisions) {
    Dataset<Row> named =
        divisions.filter(col(Divisions.LEVEL).isin(Level.PROVINCE.name(), Level.COUNTY.name()))
            .select(col(Divisions.LEVEL).as(YearEndSummary.LEVEL), col(Divisions.CODE).as(YearEndSummary.AREA_CODE), col(Divisions.NAME).as(YearEndSummary.AREA_NAME));
    List<Row> fixed = new ArrayList<>();
    FIXED_NAMES.forEach((code, name) -> fixed.add(org.apache.spark.sql.RowFactory.create(
        code.equals(DivisionCode.NATION) ? Level.NATION.name() : Level.REGION.name(), code, name)));
    Dataset<Row> top = divisions.sparkSession().createDataFrame(fixed, named.schema());
    return named.unionByName(top).dropDuplicates(new String[] {YearEndSummary.LEVEL, YearEndSummary.AREA_CODE});
  }

  static scala.collection.Seq<String> seq(List<String> names) {
    return scala.collection.JavaConverters.asScalaBuffer(names).toSeq();
  }
}
