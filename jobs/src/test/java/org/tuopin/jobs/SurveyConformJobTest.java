package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.conform.Rules;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.LandingSurvey;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.Quarantine;
import org.tuopin.common.schema.SilverSurvey;
import org.tuopin.common.test.SharedSpark;

/**
 * Survey batches through ingest and conform-survey in a temporary warehouse: good lines reach
 * silver.survey with their exact rates, bad lines are quarantined with their rule ids, a survey of
 * another province's county is refused at ingest, a night without a new survey batch leaves
 * silver.survey's version alone, and a later batch of the same province and year replaces the
 * earlier one. A survey-only batch is outside the batch-size rule: it is not compared with the
 * province's register batch, nor does it become the batch the next register batch is compared with.
 */
@ExtendWith(SharedSpark.class)
class SurveyConformJobTest {
  private static final String GUIZHOU = "520000";
  private static final String YUNNAN = "530000";

  /** Writes a survey-only batch folder: survey.csv (header + lines) and its manifest. */
  private static void surveyBatch(Path landing, String province, String batchId, int year, String... lines) {
    StringBuilder csv = new StringBuilder(String.join(",", LandingSurvey.COLUMNS)).append('\n');
    for (String l : lines) {
      csv.append(l).append('\n');
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    String manifest =
        "{\"province_code\":\"" + province + "\",\"batch_id\":\"" + batchId + "\",\"reporting_year\":" + year
            + ",\"snapshot_date\":\"" + year + "-12-31\",\"encoding\":\"UTF-8\",\"kind\":\"FULL\",\"files\":[{\"name\":\""
            + LandingSurvey.FILE + "\",\"rows\":" + lines.length + ",\"sha256\":\"" + LandingFixture.sha256(bytes) + "\"}]}";
    try {
      Path dir = Files.createDirectories(landing.resolve(province).resolve(batchId));
      Files.write(dir.resolve(LandingSurvey.FILE), bytes);
      Files.writeString(dir.resolve("manifest.json"), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void registerBatch(LandingFixture landing, String batchId, int households) {
    LandingFixture.Batch b = landing.batch(GUIZHOU, batchId).households(households);
    b.year = 2019;
    b.snapshotDate = "2019-12-31";
    b.write();
  }

  private static Dataset<Row> silver(String... countyYearMissedApprovalSurveyedBatch) {
    StructType schema =
        new StructType()
            .add(SilverSurvey.COUNTY_CODE, DataTypes.StringType)
            .add(SilverSurvey.REPORTING_YEAR, DataTypes.IntegerType)
            .add(SilverSurvey.MISSED_RATE, DataTypes.DoubleType)
            .add(SilverSurvey.APPROVAL_RATE, DataTypes.DoubleType)
            .add(SilverSurvey.PROVINCE_CODE, DataTypes.StringType)
            .add(SilverSurvey.SURVEYED_HOUSEHOLDS, DataTypes.LongType)
            .add(Lineage.BATCH_ID, DataTypes.StringType);
    List<Row> rows =
        Arrays.stream(countyYearMissedApprovalSurveyedBatch)
            .map(s -> s.split(" "))
            .map(f -> RowFactory.create(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), GUIZHOU, Long.parseLong(f[4]), f[5]))
            .toList();
    return SharedSpark.spark().createDataFrame(rows, schema);
  }

  private static Dataset<Row> silverColumns(Dataset<Row> df) {
    return df.select(
        SilverSurvey.COUNTY_CODE, SilverSurvey.REPORTING_YEAR, SilverSurvey.MISSED_RATE, SilverSurvey.APPROVAL_RATE,
        SilverSurvey.PROVINCE_CODE, SilverSurvey.SURVEYED_HOUSEHOLDS, Lineage.BATCH_ID);
  }

  @Test
  void goodLinesReachSilverBadOnesQuarantineForeignCountiesAreRefusedAndOnlyNewBatchesRewriteSilver() {
    Path landing = SharedSpark.tempDir("survey-landing");
    TuopinConfig config =
        TuopinConfig.load(
            null,
            Map.of(
                "paths.reference", GeneratorFixture.REFERENCE,
                "paths.warehouse", SharedSpark.tempDir("survey-wh").toString(),
                "paths.landing", landing.toString()));
    JobContext ctx = JobContext.create(SharedSpark.spark(), config);
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 3);
    new ReferenceJob(ctx).execute();
    LandingFixture register = new LandingFixture(landing);
    registerBatch(register, "520000-2019-FULL-001", 5);
    surveyBatch(
        landing, GUIZHOU, "520000-2019-FULL-SURVEY-001", 2019,
        "2019,520102,800,8,760",
        "2019,520103,500,5,450",
        "2019,520111,500,600,450",
        "2019,529999,400,1,390",
        "2019,520112,0,0,0");
    // Yunnan delivering a Guizhou county: the county code is checked like a village code.
    surveyBatch(landing, YUNNAN, "530000-2019-FULL-SURVEY-001", 2019, "2019,530102,300,1,290", "2019,520113,300,1,290");

    IngestJob.Result ingest = new IngestJob(ctx, new IngestJob.Options(null, false), key).execute();
    assertEquals(1, ingest.refusedBatches(), ingest.batches().toString());
    assertEquals(2, ingest.loadedBatches(), ingest.batches().toString());
    assertEquals(
        "province 530000 batch 530000-2019-FULL-SURVEY-001 refused: survey.csv line 3: county 520113 is not in province 530000"
            + " (1 record of other provinces) [ingest.foreign-county]; deliver only records of the province's own counties",
        ingest.batches().stream().filter(IngestJob.BatchOutcome::refused).findFirst().orElseThrow().reason());

    StageResult first = new SurveyConformJob(ctx).execute();
    assertEquals(ExitStatus.OK, first.outcome(), first.message());
    assertEquals(5, first.rowsIn());
    assertEquals(3, first.rowsQuarantined());
    SharedSpark.assertSameRows(
        silver(
            "520102 2019 0.01 0.95 800 520000-2019-FULL-SURVEY-001",
            "520103 2019 0.01 0.9 500 520000-2019-FULL-SURVEY-001"),
        silverColumns(ctx.catalog().read(ctx.spark(), Table.SILVER_SURVEY)));
    Dataset<Row> quarantine = ctx.catalog().read(ctx.spark(), Table.QUARANTINE_SURVEY);
    assertEquals(
        List.of(
            "520111 " + Rules.SURVEY_COUNT_ABOVE_SAMPLE, "520112 " + Rules.SURVEY_SAMPLE_EMPTY, "529999 " + Rules.COUNTY_UNKNOWN),
        quarantine
            .orderBy(LandingSurvey.COUNTY_CODE)
            .select(org.apache.spark.sql.functions.concat_ws(" ", col(LandingSurvey.COUNTY_CODE), org.apache.spark.sql.functions.concat_ws(",", col(Quarantine.RULE_IDS))))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());

    // Nothing new: silver.survey keeps its version, so the incremental aggregate is not forced to rebuild.
    long silverVersion = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_SURVEY));
    long bronzeVersion = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.BRONZE_SURVEY));
    StageResult again = new SurveyConformJob(JobContext.create(SharedSpark.spark(), config)).execute();
    assertEquals(ExitStatus.OK, again.outcome());
    assertEquals("bronze.survey unchanged since version " + bronzeVersion + ": silver.survey kept", again.message());
    assertEquals(silverVersion, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_SURVEY)));

    // A later FULL survey batch of the same province and year replaces the earlier one whole.
    surveyBatch(landing, GUIZHOU, "520000-2019-FULL-SURVEY-002", 2019, "2019,520102,1000,15,920");
    // 1 household after 5: compared with the register batch, not with the surveys loaded since.
    registerBatch(register, "520000-2019-FULL-002", 1);
    IngestJob.Result later = new IngestJob(ctx, new IngestJob.Options(null, false), key).execute();
    assertEquals(
        "province 520000 batch 520000-2019-FULL-002 refused: 2 household and member records are 80.0 % fewer than the 10 of the"
            + " previous FULL batch 520000-2019-FULL-001, more than the 20.0 % allowed by tuopin.ingest.max-row-drop-share"
            + " [ingest.row-count-drop]; check the extract; if the drop is real, rerun with --force",
        later.batches().stream().filter(b -> b.batchId().equals("520000-2019-FULL-002")).findFirst().orElseThrow().reason());
    // The refused Yunnan batch is checked again (and refused again) on every ingest until it is fixed.
    assertEquals(
        List.of("520000-2019-FULL-SURVEY-002"),
        later.batches().stream().filter(b -> !b.refused()).map(IngestJob.BatchOutcome::batchId).toList(),
        later.batches().toString());
    StageResult replaced = new SurveyConformJob(ctx).execute();
    assertEquals(ExitStatus.OK, replaced.outcome(), replaced.message());
    SharedSpark.assertSameRows(
        silver("520102 2019 0.015 0.92 1000 520000-2019-FULL-SURVEY-002"),
        silverColumns(ctx.catalog().read(ctx.spark(), Table.SILVER_SURVEY)));
    assertEquals(0, ctx.catalog().read(ctx.spark(), Table.QUARANTINE_SURVEY).count());
  }
}
