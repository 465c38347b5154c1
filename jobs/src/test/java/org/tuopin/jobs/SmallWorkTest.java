package org.tuopin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.test.SharedSpark;

@ExtendWith(SharedSpark.class)
class SmallWorkTest {
  private static final String SET_BEFORE = "spark.sql.shuffle.partitions";
  private static final String UNSET_BEFORE = "spark.sql.tuopin.test.small-work";

  @TempDir Path tmp;

  private JobContext context(long maxLines) throws IOException {
    File f = tmp.resolve("small-work-" + maxLines + ".conf").toFile();
    Files.writeString(
        f.toPath(),
        "tuopin.spark.small-work { max-lines = " + maxLines + "\n"
            + "  settings { \"" + SET_BEFORE + "\" = \"7\", \"" + UNSET_BEFORE + "\" = \"on\" } }\n",
        StandardCharsets.UTF_8);
    return JobContext.create(SharedSpark.spark(), TuopinConfig.load(f, Map.of()));
  }

  @Test
  void workWithinTheLimitRunsWithTheSettingsAndPutsTheSessionsBack() throws IOException {
    SparkSession spark = SharedSpark.spark();
    RuntimeConfig conf = spark.conf();
    String partitions = conf.get(SET_BEFORE);
    assertFalse(conf.contains(UNSET_BEFORE));

    try (SmallWork small = SmallWork.apply(context(100), "conform", 100)) {
      assertTrue(small.applied());
      assertEquals("7", conf.get(SET_BEFORE));
      assertEquals("on", conf.get(UNSET_BEFORE));
    }

    assertEquals(partitions, conf.get(SET_BEFORE));
    assertFalse(conf.contains(UNSET_BEFORE), "a setting the session did not have is removed again");
  }

  @Test
  void aStepRunsWithTheSessionsOwnSettingsAndTheSmallWorkSettingsComeBackAfterIt() throws IOException {
    RuntimeConfig conf = SharedSpark.spark().conf();
    String partitions = conf.get(SET_BEFORE);
    try (SmallWork small = SmallWork.apply(context(100), "conform", 10)) {
      String inside = small.withSessionSettings("a big step", () -> conf.get(SET_BEFORE) + "/" + conf.contains(UNSET_BEFORE));
      assertEquals(partitions + "/false", inside, "the session's value, and a key it did not have is unset");
      assertEquals("7", conf.get(SET_BEFORE));
      assertEquals("on", conf.get(UNSET_BEFORE));

      assertThrows(
          IllegalStateException.class,
          () -> small.withSessionSettings("a failing step", () -> {
            throw new IllegalStateException("failed");
          }));
      assertEquals("7", conf.get(SET_BEFORE), "back after a step that failed too");
      assertEquals("on", conf.get(UNSET_BEFORE));
    }
    assertEquals(partitions, conf.get(SET_BEFORE));
    assertFalse(conf.contains(UNSET_BEFORE));

    try (SmallWork none = SmallWork.apply(context(100), "conform", 101)) {
      assertEquals(partitions, none.withSessionSettings("a step of large work", () -> conf.get(SET_BEFORE)));
      assertFalse(conf.contains(UNSET_BEFORE));
    }
  }

  @Test
  void largerWorkOrALimitOfZeroChangesNothing() throws IOException {
    RuntimeConfig conf = SharedSpark.spark().conf();
    String partitions = conf.get(SET_BEFORE);
    try (SmallWork small = SmallWork.apply(context(100), "aggregate", 101)) {
      assertFalse(small.applied());
      assertEquals(partitions, conf.get(SET_BEFORE));
      assertFalse(conf.contains(UNSET_BEFORE));
    }
    try (SmallWork small = SmallWork.apply(context(0), "aggregate", 0)) {
      assertFalse(small.applied(), "0 turns it off");
      assertFalse(conf.contains(UNSET_BEFORE));
    }
    assertEquals(partitions, conf.get(SET_BEFORE));
  }

  @Test
  void theEmbeddedDefaultsTurnOffGeneratedCodeForFiftyThousandLines() {
    TuopinConfig.SmallWork s = TuopinConfig.load(null, Map.of()).spark().smallWork();
    assertEquals(50_000L, s.maxLines());
    assertEquals("false", s.settings().get("spark.sql.codegen.wholeStage"));
    assertEquals("NO_CODEGEN", s.settings().get("spark.sql.codegen.factoryMode"));
    assertTrue(s.covers(50_000));
    assertFalse(s.covers(50_001));
  }
}
