package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.config.GeneratorModel;
import org.tuopin.common.schema.ExpectedCountyYear;
import org.tuopin.common.schema.LandingSurvey;

/**
 * The synthetic third-party survey ({@code survey.csv}): for every national poor county of the
 * model whose announced de-listing year is a generated year, one line in that year (the assessment
 * of its exit cohort), delivered by its province in a batch of its own
 * ({@link LandingLayout#surveyBatchId}). The sample size, missed and approving households are
 * deterministic draws (seed, county) within the bounds of {@code tuopin.generator.model.survey-*},
 * which keep the missed-identification rate below and the approval rate at or above the 2016
 * thresholds: the announced counties come out ELIGIBLE when their incidence allows it.
 */
public final class SurveyFrames {
  private SurveyFrames() {}

  /**
   * The survey lines as typed model columns: {@link ModelColumns#COUNTY}, {@link ModelColumns#PROVINCE},
   * {@link ModelColumns#YEAR}, and the three household counts (long) under their landing names.
   *
   * @param counties the model's counties ({@link RegistryModel#counties()})
   */
  public static Dataset<Row> lines(Dataset<Row> counties, GenerateParams params) {
    GeneratorModel m = params.model();
    Column county = col(ModelColumns.COUNTY);
    Column surveyed =
        Rand.between(Rand.uniform(params.seed(), "survey-sample", county), lit(m.surveySampleMin()), lit(m.surveySampleMax()))
            .cast("long");
    // floor and ceil keep the drawn shares on the right side of their bounds after rounding to households.
    Column missed = floor(surveyed.multiply(Rand.uniform(params.seed(), "survey-missed", county).multiply(m.surveyMaxMissedShare())));
    Column approvalShare =
        lit(m.surveyMinApprovalShare()).plus(Rand.uniform(params.seed(), "survey-approval", county).multiply(1.0 - m.surveyMinApprovalShare()));
    Column approving = least(surveyed, ceil(surveyed.multiply(approvalShare)));
    return counties
        .where(
            col(ModelColumns.IS_POOR)
                .and(col(ModelColumns.DELISTED_YEAR).between(params.firstYear(), params.lastYear())))
        .select(
            county,
            col(ModelColumns.PROVINCE),
            col(ModelColumns.DELISTED_YEAR).cast("int").as(ModelColumns.YEAR),
            surveyed.as(LandingSurvey.SURVEYED_HOUSEHOLDS),
            missed.cast("long").as(LandingSurvey.MISSED_HOUSEHOLDS),
            approving.cast("long").as(LandingSurvey.APPROVING_HOUSEHOLDS));
  }

  /** The landing lines of {@link #lines}: the file's columns as strings plus the partition columns. */
  public static Dataset<Row> frame(Dataset<Row> lines) {
    return lines.select(
        col(ModelColumns.PROVINCE).as(LandingLayout.BATCH_PROVINCE),
        col(ModelColumns.YEAR).as(LandingLayout.BATCH_YEAR),
        col(ModelColumns.YEAR).cast("string").as(LandingSurvey.REPORTING_YEAR),
        col(ModelColumns.COUNTY).as(LandingSurvey.COUNTY_CODE),
        col(LandingSurvey.SURVEYED_HOUSEHOLDS).cast("string").as(LandingSurvey.SURVEYED_HOUSEHOLDS),
        col(LandingSurvey.MISSED_HOUSEHOLDS).cast("string").as(LandingSurvey.MISSED_HOUSEHOLDS),
        col(LandingSurvey.APPROVING_HOUSEHOLDS).cast("string").as(LandingSurvey.APPROVING_HOUSEHOLDS));
  }

  /** Sort order of the lines in a file, after the batch: the county. */
  public static List<String> sortColumns() {
    return List.of(LandingSurvey.COUNTY_CODE);
  }

  /**
   * The expected rates of {@link #lines} per county and year, under the names of
   * {@link ExpectedCountyYear} (with the key columns named {@code _s_county}, {@code _s_year}), for
   * the join into the expected figures.
   */
  public static Dataset<Row> expectedRates(Dataset<Row> lines) {
    Column surveyed = col(LandingSurvey.SURVEYED_HOUSEHOLDS).cast("double");
    return lines.select(
        col(ModelColumns.COUNTY).as(EXPECTED_COUNTY),
        col(ModelColumns.YEAR).as(EXPECTED_YEAR),
        col(LandingSurvey.MISSED_HOUSEHOLDS).cast("double").divide(surveyed).as(ExpectedCountyYear.MISSED_RATE),
        col(LandingSurvey.APPROVING_HOUSEHOLDS).cast("double").divide(surveyed).as(ExpectedCountyYear.APPROVAL_RATE));
  }

  /** Key columns of {@link #expectedRates}. */
  public static final String EXPECTED_COUNTY = "_s_county";
  public static final String EXPECTED_YEAR = "_s_year";
}
