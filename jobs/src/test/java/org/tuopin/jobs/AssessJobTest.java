package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.generate.CooperationFrames;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.InjectedErrors;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.Quarantine;
import org.tuopin.common.test.SharedSpark;

/**
 * The cooperation files on their way to the assessment: an injected bad line is quarantined on its
 * line, and a night with nothing new delivered writes nothing. The assessment itself, on a whole
 * generated nightly, is checked in {@link NightlyEndToEndTest}.
 */
@ExtendWith(SharedSpark.class)
class AssessJobTest {
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
