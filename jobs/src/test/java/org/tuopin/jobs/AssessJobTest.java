package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.cooperation.Grade;
import org.tuopin.common.cooperation.Indicator;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.generate.CooperationFrames;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedCooperationIndicators;
import org.tuopin.common.schema.CuratedCooperationRoster;
import org.tuopin.common.schema.InjectedErrors;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.Quarantine;
import org.tuopin.common.test.SharedSpark;

/**
 * Generated data for Qinghai (helped by Jiangsu: 西宁, 海东) and Ningxia (helped by Fujian) through
 * the nightly, which ends with the assessment: one row per pairing, side and year, graded, and the
 * cooperation files through bronze, quarantine and silver.
 */
@ExtendWith(SharedSpark.class)
class AssessJobTest {
  private static final List<String> PROVINCES = List.of("630000", "640000");
  /** Every pairing of ref.pairings is assessed, whether or not its areas delivered anything. */
  private static final int PAIRINGS = 32;
  /** The pairings with generated data: 江苏→西宁, 江苏→海东, 福建→宁夏. */
  private static final int PAIRINGS_WITH_DATA = 3;
  private static final int YEARS = 2;

  private static JobContext context(String name, Path landing) {
    TuopinConfig config =
        TuopinConfig.load(
            null,
            Map.of(
                "paths.reference", GeneratorFixture.REFERENCE,
                "paths.warehouse", SharedSpark.tempDir(name + "-wh").toString(),
                "paths.landing", landing.toString()));
    return JobContext.create(SharedSpark.spark(), config);
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 5);
    return key;
  }

  @Test
  void theNightlyAssessesEveryPairingSideAndYear() {
    Path landing = GeneratorFixture.generate("assess-landing", PROVINCES, 240, 11L, 2017, 2018, 0.0);
    JobContext ctx = context("assess", landing);
    NightlyJob.Result r = new NightlyJob(ctx, new NightlyJob.Options(null, true, false), key()).execute();
    assertEquals(ExitStatus.OK, r.outcome(), r.stages().toString());
    assertEquals("assess", r.stages().get(r.stages().size() - 1).stage());

    for (Cooperation.File f : Cooperation.File.values()) {
      assertEquals(PAIRINGS_WITH_DATA * YEARS, ctx.catalog().read(ctx.spark(), f.silver()).count(), f.silver().qualifiedName());
    }
    Dataset<Row> a = ctx.catalog().read(ctx.spark(), Table.CURATED_COOPERATION_ASSESSMENT);
    assertEquals(PAIRINGS * 2 * YEARS, a.count());
    assertEquals(
        PAIRINGS * 2 * YEARS,
        a.select(
                col(CuratedCooperationAssessment.HELPER_CODE), col(CuratedCooperationAssessment.HELPED_CODE),
                col(CuratedCooperationAssessment.SIDE), col(CuratedCooperationAssessment.REPORTING_YEAR))
            .distinct()
            .count(),
        "one row per pairing, side and year");
    // Pairings whose helped area has no register data (29 of 32: no poor base) cannot be assessed:
    // no total, grade or rank. The three with data are graded every year and side, ranked among themselves.
    List<String> labels = Arrays.stream(Grade.values()).map(Grade::label).toList();
    Column total = col(CuratedCooperationAssessment.TOTAL);
    Dataset<Row> graded = a.where(total.isNotNull());
    assertEquals(PAIRINGS_WITH_DATA * 2 * YEARS, graded.count());
    assertEquals(0, graded.where(col(CuratedCooperationAssessment.GRADE).isNull().or(col(CuratedCooperationAssessment.GRADE).isin(labels.toArray()).unary_$bang())).count());
    assertEquals(0, graded.where(col(CuratedCooperationAssessment.RANK).gt(PAIRINGS_WITH_DATA)).count());
    assertEquals(
        0,
        a.where(total.isNull().and(col(CuratedCooperationAssessment.GRADE).isNotNull().or(col(CuratedCooperationAssessment.RANK).isNotNull())))
            .count());
    assertEquals(0, a.where(col(CuratedCooperationAssessment.HELPED_CODE).equalTo("150000").and(total.isNotNull())).count());
    // Ningxia (a whole helped province) has register data and cooperation files: it scores on
    // funding, both sides, both years. The first year (2017) has no year before: no poverty-reduction
    // score for anyone; the second has one.
    Dataset<Row> ningxia = a.where(col(CuratedCooperationAssessment.HELPED_CODE).equalTo("640000"));
    assertEquals(2L * YEARS, ningxia.where(col(CuratedCooperationAssessment.SCORE_FUNDING).gt(0)).count());
    assertEquals(0, graded.where(col(CuratedCooperationAssessment.REPORTING_YEAR).equalTo(2017)
        .and(col(CuratedCooperationAssessment.SCORE_POVERTY_REDUCTION).isNotNull())).count());
    assertEquals(PAIRINGS_WITH_DATA * 2, graded.where(col(CuratedCooperationAssessment.REPORTING_YEAR).equalTo(2018)
        .and(col(CuratedCooperationAssessment.SCORE_POVERTY_REDUCTION).isNotNull())).count());

    Dataset<Row> ind = ctx.catalog().read(ctx.spark(), Table.CURATED_COOPERATION_INDICATORS);
    assertEquals((long) PAIRINGS * 2 * YEARS * Indicator.values().length, ind.count());
    // Members of the helped areas work in the helper's province (the generator's model): the
    // register's view of labour cooperation is not empty.
    assertTrue(
        ind.where(col(CuratedCooperationIndicators.INDICATOR).equalTo(Indicator.REGISTERED_WORKERS_IN_HELPER.key())
                .and(col(CuratedCooperationIndicators.RAW_VALUE).gt(0)))
            .count() > 0);
    // Traceability: every total is the sum of its indicators' contributions.
    Dataset<Row> sums =
        ind.groupBy(
                col(CuratedCooperationIndicators.HELPER_CODE), col(CuratedCooperationIndicators.HELPED_CODE),
                col(CuratedCooperationIndicators.SIDE), col(CuratedCooperationIndicators.REPORTING_YEAR))
            .agg(org.apache.spark.sql.functions.sum(col(CuratedCooperationIndicators.CONTRIBUTION)).as("_sum"));
    Dataset<Row> off =
        a.join(sums, scala.collection.JavaConverters.asScalaBuffer(CuratedCooperationAssessment.KEY).toSeq())
            .where(org.apache.spark.sql.functions.abs(col("_sum").minus(col(CuratedCooperationAssessment.TOTAL))).gt(1e-9));
    assertEquals(0, off.count());

    Dataset<Row> roster = ctx.catalog().read(ctx.spark(), Table.CURATED_COOPERATION_ROSTER);
    int rotation = ctx.config().cooperation().rosterOrder().size();
    assertEquals((long) rotation * YEARS, roster.count());
    assertEquals(0, roster.where(col(CuratedCooperationRoster.ASSESSOR_CODE).equalTo(col(CuratedCooperationRoster.ASSESSED_CODE))).count());

    // Assessing one year again replaces that year only and gives the same grades, ranks and totals
    // (to 1e-9: sums of doubles may add up in another order).
    org.apache.spark.sql.Column[] stable = {
      col(CuratedCooperationAssessment.HELPER_CODE), col(CuratedCooperationAssessment.HELPED_CODE),
      col(CuratedCooperationAssessment.SIDE), col(CuratedCooperationAssessment.GRADE), col(CuratedCooperationAssessment.RANK),
      org.apache.spark.sql.functions.round(col(CuratedCooperationAssessment.TOTAL), 9)
    };
    Dataset<Row> before = a.where(col(CuratedCooperationAssessment.REPORTING_YEAR).equalTo(2018)).select(stable).localCheckpoint();
    assertEquals(ExitStatus.OK, new AssessJob(ctx, 2018, null).execute().outcome());
    Dataset<Row> after = ctx.catalog().read(ctx.spark(), Table.CURATED_COOPERATION_ASSESSMENT);
    assertEquals(PAIRINGS * 2 * YEARS, after.count());
    assertEquals(0, before.exceptAll(after.where(col(CuratedCooperationAssessment.REPORTING_YEAR).equalTo(2018)).select(stable)).count());
  }

  @Test
  void anInjectedNegativeAidIsQuarantinedOnItsLine() {
    Path landing = GeneratorFixture.generate("coop-errors-landing", List.of("640000"), 120, 3L, 2018, 2018, 0.001);
    JobContext ctx = context("coop-errors", landing);
    new ReferenceJob(ctx).execute();
    IngestJob.Result ingest = new IngestJob(ctx, new IngestJob.Options(null, false), key()).execute();
    assertEquals(0, ingest.refusedBatches(), ingest.batches().toString());
    assertEquals(ExitStatus.OK, new CooperationConformJob(ctx).execute().outcome());

    Dataset<Row> expected =
        SharedSpark.spark()
            .read()
            .option("header", "true")
            .csv(landing.resolve("_generator").resolve(InjectedErrors.FILE).toString())
            .where(col(InjectedErrors.FILE_NAME).equalTo(Cooperation.File.FUNDS.fileName()));
    assertEquals(1, expected.count(), "one injected funds line in the one year");
    Row e = expected.first();
    assertEquals(CooperationFrames.NEGATIVE_AID_RULE, e.getAs(InjectedErrors.EXPECTED_OUTCOME));
    Dataset<Row> q = ctx.catalog().read(ctx.spark(), Table.QUARANTINE_COOPERATION_FUNDS);
    assertEquals(1, q.count());
    Row got = q.first();
    assertEquals("350000/" + e.getAs(InjectedErrors.BATCH_ID) + "/" + Cooperation.File.FUNDS.fileName(), got.getAs(Lineage.SOURCE_FILE));
    assertEquals(Long.parseLong(e.getAs(InjectedErrors.LINE)), got.<Long>getAs(Lineage.LINE));
    assertEquals(List.of(CooperationFrames.NEGATIVE_AID_RULE), got.getList(got.fieldIndex(Quarantine.RULE_IDS)));
    assertTrue(got.<String>getList(got.fieldIndex(Quarantine.MESSAGES)).get(0).startsWith("not a number >= 0 of its kind: fiscal_aid"));
    // The quarantined line is not in silver; the other files' lines are.
    assertEquals(0, ctx.catalog().read(ctx.spark(), Table.SILVER_COOPERATION_FUNDS).count());
    assertEquals(1, ctx.catalog().read(ctx.spark(), Table.SILVER_COOPERATION_TALENT).count());

    // Nothing new delivered: the next run writes nothing (silver and quarantine keep their versions);
    // forced, it conforms again.
    long silverVersion = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_COOPERATION_TALENT));
    long quarantineVersion = DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.QUARANTINE_COOPERATION_FUNDS));
    StageResult again = new CooperationConformJob(ctx).execute();
    assertEquals(ExitStatus.OK, again.outcome());
    assertEquals(0, again.rowsIn());
    assertTrue(again.message().startsWith("nothing delivered since the last conform-cooperation"), again.message());
    assertEquals(silverVersion, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_COOPERATION_TALENT)));
    assertEquals(quarantineVersion, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.QUARANTINE_COOPERATION_FUNDS)));
    StageResult forced = new CooperationConformJob(ctx, true).execute();
    assertTrue(forced.rowsIn() > 0, forced.message());
    assertEquals(silverVersion + 1, DeltaTables.latestVersion(ctx.spark(), ctx.catalog().path(Table.SILVER_COOPERATION_TALENT)));
  }
}
