package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ingest.DeltaCommits;
import org.tuopin.common.ops.PausePoint;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.privacy.PseudonymKey;
import org.tuopin.common.schema.IngestedFiles;
import org.tuopin.common.schema.Lineage;
import org.tuopin.common.schema.QualityMetrics;
import org.tuopin.common.test.SharedSpark;

/**
 * A real {@code kill -9} of a child JVM running {@code tuopin ingest} on a generated landing, at
 * three steps in a row (each rerun is killed at the next step), then a last rerun in this JVM: bronze
 * and ops.ingested_files must equal those of the uninterrupted load of {@link InjectedLanding} (no
 * batch twice, none lost), and conform must then give the same silver and quarantine. The child stops at each step through
 * {@link PausePoint}, so the kill lands exactly there.
 */
@ExtendWith(SharedSpark.class)
class IngestCrashTest {
  /** First run: bronze.households committed, a data file of bronze.members written but not committed. */
  static final String MID_MEMBERS = "ingest:wrote " + Table.BRONZE_MEMBERS.qualifiedName();
  /** Second run: bronze and ops.quality_metrics written, no batch recorded as loaded yet. */
  static final String BEFORE_RECORD = "ingest:before " + Table.OPS_INGESTED_FILES.qualifiedName();
  /** Third run: batches recorded as loaded, ops.runs not yet written. */
  static final String AFTER_RECORD = "ingest:after " + Table.OPS_INGESTED_FILES.qualifiedName();

  static final Table[] BRONZE = {Table.BRONZE_HOUSEHOLDS, Table.BRONZE_MEMBERS, Table.BRONZE_POPULATION};
  static final Table[] CONFORMED = {
    Table.SILVER_HOUSEHOLDS, Table.SILVER_MEMBERS, Table.SILVER_POPULATION,
    Table.QUARANTINE_HOUSEHOLDS, Table.QUARANTINE_MEMBERS, Table.QUARANTINE_POPULATION
  };

  /** A warehouse on the shared landing, with the run-independent view of its tables. */
  private static final class Warehouse {
    final Path dir;
    final TuopinConfig config;
    final Catalog catalog;

    Warehouse(Path dir) {
      this.dir = dir;
      config = InjectedLanding.config(dir);
      catalog = new Catalog(JobContext.qualified(SharedSpark.spark(), dir.toString()));
    }

    Warehouse(InjectedLanding.CleanRun run) {
      this.dir = Path.of(run.config().paths().warehouse());
      config = run.config();
      catalog = run.catalog();
    }

    JobContext ctx() {
      return new JobContext(SharedSpark.spark(), config, catalog, JobContext.newRunId());
    }

    IngestJob.Result ingest() {
      return new IngestJob(ctx(), new IngestJob.Options(null, false), PseudonymKey.resolve(config)).execute();
    }

    StageResult conform() {
      JobContext ctx = ctx();
      new ReferenceJob(ctx).execute();
      return new ConformJob(ctx, false).execute();
    }

    boolean exists(Table t) {
      return catalog.exists(SharedSpark.spark(), t);
    }

    long count(Table t) {
      return exists(t) ? catalog.read(SharedSpark.spark(), t).count() : 0;
    }

    /** A table without the columns that name the run or its time. */
    Dataset<Row> content(Table t) {
      return catalog.read(SharedSpark.spark(), t)
          .drop(Lineage.RUN_ID, Lineage.INGESTED_AT, IngestedFiles.RUN_ID, IngestedFiles.INGESTED_AT, QualityMetrics.MEASURED_AT);
    }

    /** Runs {@code tuopin ingest} in a child JVM that pauses at the point, and kills it there with SIGKILL. */
    void ingestKilledAt(String point) throws IOException, InterruptedException {
      List<String> cmd =
          TuopinChild.command(
              List.of("-D" + PausePoint.PROPERTY + "=" + point),
              "ingest",
              List.of(
                  "-Dpaths.warehouse=" + dir,
                  "-Dpaths.landing=" + config.paths().landing(),
                  "-Dprivacy.pseudonym-key-file=" + InjectedLanding.keyFile(),
                  "-Dprivacy.pseudonym-key-env=TUOPIN_TEST_VARIABLE_NEVER_SET"));
      TuopinChild.killAt(cmd, PausePoint.PAUSED + point, Duration.ofMinutes(2));
    }
  }

  @Test
  void ingestKilledAtEachStepConvergesToTheCleanLoad() throws Exception {
    // The uninterrupted load (and conform) of the same landing, in another warehouse.
    Warehouse clean = new Warehouse(InjectedLanding.clean());
    Warehouse crashed = new Warehouse(SharedSpark.tempDir("ingest-crash"));

    // 1. Killed while writing bronze.members: households committed, a members file written but not
    // committed, nothing recorded.
    crashed.ingestKilledAt(MID_MEMBERS);
    assertEquals(clean.count(Table.BRONZE_HOUSEHOLDS), crashed.count(Table.BRONZE_HOUSEHOLDS));
    assertEquals(-1, DeltaCommits.latestCommitMillis(SharedSpark.spark().sparkContext().hadoopConfiguration(), crashed.catalog.path(Table.BRONZE_MEMBERS)));
    assertTrue(dataFiles(crashed.dir.resolve("bronze").resolve("members")) > 0, "a members data file was written before the kill");
    assertFalse(crashed.exists(Table.OPS_INGESTED_FILES));

    // 2. The rerun, killed before it records its batches: the first run's households are gone and
    // every table holds each line once.
    crashed.ingestKilledAt(BEFORE_RECORD);
    for (Table t : BRONZE) {
      assertSameContent(clean.content(t), crashed.content(t), t + " after the second kill");
    }
    assertFalse(crashed.exists(Table.OPS_INGESTED_FILES));

    // 3. The next rerun, killed after recording its batches and before its ops.runs row.
    crashed.ingestKilledAt(AFTER_RECORD);
    assertSameContent(clean.content(Table.OPS_INGESTED_FILES), crashed.content(Table.OPS_INGESTED_FILES), "ops.ingested_files after the third kill");
    assertFalse(crashed.exists(Table.OPS_RUNS), "a killed run writes no ops.runs row");

    // 4. A last run to completion: nothing left to load, and every table as after the clean load.
    IngestJob.Result last = crashed.ingest();
    assertEquals(ExitStatus.OK, last.stage().outcome());
    assertEquals(0, last.loadedBatches());
    assertEquals(InjectedLanding.batchFolders(), last.alreadyLoaded(), "register and cooperation batches");
    for (Table t : BRONZE) {
      assertSameContent(clean.content(t), crashed.content(t), t.qualifiedName());
    }
    assertSameContent(clean.content(Table.OPS_INGESTED_FILES), crashed.content(Table.OPS_INGESTED_FILES), "ops.ingested_files");
    // Runs killed after writing their metrics measured the same batches again: same measurements.
    assertSameContent(ingestMetrics(clean), ingestMetrics(crashed), "ops.quality_metrics of ingest");

    // 5. Conform gives the same silver and quarantine.
    StageResult crashedConform = crashed.conform();
    assertEquals(InjectedLanding.clean().conform().rowsQuarantined(), crashedConform.rowsQuarantined());
    for (Table t : CONFORMED) {
      assertSameContent(clean.content(t), crashed.content(t), t.qualifiedName());
    }
    SharedSpark.spark().sparkContext().setJobDescription(null);
  }

  private static Dataset<Row> ingestMetrics(Warehouse w) {
    return w.content(Table.OPS_QUALITY_METRICS).filter(col(QualityMetrics.STAGE).equalTo(IngestJob.STAGE)).distinct();
  }

  /** Both ways, so that a missing row and a row too many (a batch loaded twice) fail alike. */
  private static void assertSameContent(Dataset<Row> expected, Dataset<Row> actual, String what) {
    assertEquals(expected.count(), actual.count(), what + ": rows");
    assertEquals(0, expected.exceptAll(actual).count(), what + ": rows missing");
    assertEquals(0, actual.exceptAll(expected).count(), what + ": rows too many");
  }

  /** Parquet data files under a table folder, committed or not. */
  private static long dataFiles(Path table) throws IOException {
    if (!Files.isDirectory(table)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(table)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    }
  }
}
