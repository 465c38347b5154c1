package org.tuopin.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.error.TuopinException;

class TuopinConfigTest {
  @TempDir Path tmp;

  @Test
  void embeddedDefaultsLoad() {
    TuopinConfig c = TuopinConfig.load(null, Map.of());
    assertEquals(TuopinConfig.Environment.LOCAL, c.environment());
    assertEquals("local[*]", c.spark().master());
    assertEquals("./warehouse", c.paths().warehouse());
    assertEquals("./landing", c.paths().landing());
    assertEquals(0.20, c.ingest().maxRowDropShare());
    assertEquals(10, c.privacy().smallCellThreshold());
    assertEquals(2014, c.generator().firstYear());
    assertEquals(List.of(45, 52, 53, 62, 65), c.generator().gb18030Provinces());
  }

  @Test
  void precedenceIsOverrideThenFileThenDefault() throws IOException {
    File f = write("tuopin.paths.warehouse = \"/data/wh\"\ntuopin.spark.shuffle-partitions = 64\n");
    TuopinConfig c = TuopinConfig.load(f, Map.of("spark.shuffle-partitions", "16"));
    assertEquals("/data/wh", c.paths().warehouse());
    assertEquals(16, c.spark().shufflePartitions());
    assertEquals("./landing", c.paths().landing());
    TuopinConfig prefixed = TuopinConfig.load(f, Map.of("tuopin.paths.landing", "/in"));
    assertEquals("/in", prefixed.paths().landing());
  }

  @Test
  void extraSparkSettingsPassThrough() throws IOException {
    File f = write("tuopin.spark.extra { \"spark.executor.memory\" = \"8g\" }\n");
    Map<String, String> extra = TuopinConfig.load(f, Map.of()).spark().extra();
    assertEquals("8g", extra.get("spark.executor.memory"));
    assertEquals("4", extra.get("spark.databricks.delta.snapshotPartitions"), "the embedded default stays unless overridden");
  }

  @Test
  void clusterExampleIsValid() {
    TuopinConfig c = TuopinConfig.load(new File("../conf/cluster.conf.example"), Map.of());
    assertEquals(TuopinConfig.Environment.PRODUCTION, c.environment());
    assertEquals("", c.spark().master());
    assertEquals("hdfs:///data/tuopin/warehouse", c.paths().warehouse());
    assertEquals("16g", c.spark().extra().get("spark.executor.memory"));
  }

  @Test
  void unknownKeyIsRefused() {
    assertMessage(
        Map.of("paths.warehuose", "/x"),
        "configuration key 'tuopin.paths.warehuose' is not a known setting; check its spelling against conf/local.conf");
  }

  @Test
  void outOfRangeValueIsRefused() {
    assertMessage(
        Map.of("ingest.max-row-drop-share", "1.5"),
        "configuration key 'tuopin.ingest.max-row-drop-share' is 1.5, outside 0.0..1.0; use a value in that range");
  }

  @Test
  void wrongTypeIsRefused() {
    assertMessage(
        Map.of("spark.shuffle-partitions", "many"),
        "configuration key 'tuopin.spark.shuffle-partitions' must be a whole number; write a whole number");
  }

  @Test
  void badEnumIsRefused() {
    assertMessage(
        Map.of("environment", "staging"),
        "configuration key 'tuopin.environment' is 'staging'; use one of local, production");
    assertMessage(
        Map.of("spark.log-level", "loud"),
        "configuration key 'tuopin.spark.log-level' is 'LOUD'; use one of DEBUG, ERROR, INFO, TRACE, WARN");
  }

  @Test
  void emptyPathIsRefused() {
    assertMessage(
        Map.of("paths.warehouse", ""),
        "configuration key 'tuopin.paths.warehouse' is empty; give it a value (see conf/local.conf)");
  }

  @Test
  void yearsOutOfOrderAreRefused() {
    assertMessage(
        Map.of("generator.first-year", "2018", "generator.last-year", "2016"),
        "configuration key 'tuopin.generator.last-year' is 2016, before generator.first-year 2018; set a last year on or after the first year");
  }

  @Test
  void badProvinceListIsRefused() throws IOException {
    File f = write("tuopin.generator.gb18030-provinces = [52, 99]\n");
    TuopinException e = assertThrows(TuopinException.class, () -> TuopinConfig.load(f, Map.of()));
    assertEquals(
        "configuration key 'tuopin.generator.gb18030-provinces' contains 99, not a 2-digit province code; use codes such as 52 or 53",
        e.getMessage());
    assertMessage(
        Map.of("generator.gb18030-provinces", "52"),
        "configuration key 'tuopin.generator.gb18030-provinces' must be a list of 2-digit province codes; write it as [52, 53]");
  }

  @Test
  void missingFileIsRefused() {
    TuopinException e =
        assertThrows(TuopinException.class, () -> TuopinConfig.load(new File(tmp.toFile(), "nope.conf"), Map.of()));
    assertEquals(ExitStatus.CONFIG_ERROR, e.status());
    assertEquals(
        "configuration file " + tmp.resolve("nope.conf") + ": no such file; pass an existing HOCON file to --conf",
        e.getMessage());
  }

  @Test
  void unparseableFileIsRefusedWithItsPosition() throws IOException {
    File f = write("tuopin { paths { warehouse = \n");
    TuopinException e = assertThrows(TuopinException.class, () -> TuopinConfig.load(f, Map.of()));
    assertEquals(ExitStatus.CONFIG_ERROR, e.status());
    assertEquals(true, e.getMessage().startsWith("configuration file " + f.getPath() + ": "), e.getMessage());
    assertEquals(true, e.getMessage().contains(": 2:") || e.getMessage().contains(": 1:"), e.getMessage());
  }

  private File write(String text) throws IOException {
    Path p = Files.createTempFile(tmp, "tuopin", ".conf");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toFile();
  }

  private static void assertMessage(Map<String, String> overrides, String expected) {
    TuopinException e = assertThrows(TuopinException.class, () -> TuopinConfig.load(null, overrides));
    assertEquals(ExitStatus.CONFIG_ERROR, e.status());
    assertEquals(expected, e.getMessage());
  }
}
