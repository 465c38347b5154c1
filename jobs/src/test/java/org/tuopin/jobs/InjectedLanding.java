package org.tuopin.jobs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.ops.StageResult;
import org.tuopin.common.privacy.PseudonymKey;
import org.tuopin.common.test.SharedSpark;

/**
 * One generated landing with injected errors and one clean run of it (reference, ingest, conform),
 * made once per test JVM and shared, read-only, by the injected-errors and ingest-crash suites:
 * generating and conforming cost far more than checking. Two provinces (Guizhou delivers GB18030),
 * one year, 240 households, about 1,000 lines; the rate is high (25 %) so that every error kind
 * occurs in every file it applies to at this size.
 */
final class InjectedLanding {
  private InjectedLanding() {}

  static final List<String> PROVINCES = List.of("520000", "640000");
  static final long HOUSEHOLDS = 240;
  static final long SEED = 5;
  static final int YEAR = 2016;
  static final double RATE = 0.25;
  private static final String KEY = "test-pseudonym-key-0123456789abcdef0123456789";

  /** The uninterrupted run: its warehouse, results, and everything it logged. */
  record CleanRun(TuopinConfig config, Catalog catalog, IngestJob.Result ingest, StageResult conform, String log) {}

  private static Path landing;
  private static Path keyFile;
  private static CleanRun clean;

  /** The landing root, generated on first use. */
  static synchronized Path path() {
    if (landing == null) {
      landing = GeneratorFixture.generate("injected-landing", PROVINCES, HOUSEHOLDS, SEED, YEAR, YEAR, RATE);
    }
    return landing;
  }

  /**
   * The batch folders of the landing: one register batch per province, and the cooperation batches the
   * generator also writes for the helpers of those provinces.
   */
  static synchronized int batchFolders() {
    try (var files = Files.walk(path(), 3)) {
      return (int) files.filter(f -> f.getFileName().toString().equals("manifest.json")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pseudonym key file every warehouse of the landing uses, so that person keys agree. */
  static synchronized Path keyFile() {
    if (keyFile == null) {
      try {
        keyFile = SharedSpark.tempDir("injected-key").resolve("key");
        Files.writeString(keyFile, KEY + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keyFile;
  }

  /** Configuration of a warehouse on the landing. */
  static TuopinConfig config(Path warehouse) {
    return TuopinConfig.load(
        null,
        Map.of(
            "paths.reference", GeneratorFixture.REFERENCE,
            "paths.warehouse", warehouse.toString(),
            "paths.landing", path().toString(),
            "privacy.pseudonym-key-file", keyFile().toString(),
            "privacy.pseudonym-key-env", "TUOPIN_TEST_VARIABLE_NEVER_SET",
            "spark.shuffle-partitions", "2"));
  }

  /** The clean run, done on first use. */
  static synchronized CleanRun clean() {
    if (clean == null) {
      TuopinConfig config = config(SharedSpark.tempDir("injected-clean"));
      JobContext ctx = JobContext.create(SharedSpark.spark(), config);
      StringWriter log = new StringWriter();
      IngestJob.Result ingest;
      StageResult conform;
      try (PrivacyScan.LogCapture capture = new PrivacyScan.LogCapture(log)) {
        new ReferenceJob(ctx).execute();
        ingest = new IngestJob(ctx, new IngestJob.Options(null, false), PseudonymKey.resolve(config)).execute();
        conform = new ConformJob(ctx, false).execute();
      }
      SharedSpark.spark().sparkContext().setJobDescription(null);
      clean = new CleanRun(config, ctx.catalog(), ingest, conform, log.toString());
    }
    return clean;
  }
}
