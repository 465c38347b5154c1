package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  @Test
  void productionWithoutKeyStopsWithExitCode3BeforeSparkStarts(@TempDir Path dir) {
    Path key = dir.resolve("absent.key");
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code =
          Tuopin.execute(
              "ingest",
              "-Denvironment=production",
              "-Dprivacy.pseudonym-key-env=TUOPIN_TEST_VARIABLE_NEVER_SET",
              "-Dprivacy.pseudonym-key-file=" + key,
              "-Dpaths.landing=" + dir.resolve("landing"),
              "-Dpaths.warehouse=" + dir.resolve("warehouse"));
    } finally {
      System.setErr(original);
    }
    assertEquals(3, code);
    assertEquals(
        "tuopin ingest: error: configuration key 'tuopin.privacy.pseudonym-key-env' names TUOPIN_TEST_VARIABLE_NEVER_SET, which is not set, and the key file "
            + key + " does not exist; set TUOPIN_TEST_VARIABLE_NEVER_SET or create the key file (a production run never generates a pseudonym key)",
        err.toString(StandardCharsets.UTF_8).strip());
    assertFalse(Files.exists(key));
    assertFalse(Files.exists(dir.resolve("warehouse")));
  }
}
