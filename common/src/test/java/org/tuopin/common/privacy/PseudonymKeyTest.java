package org.tuopin.common.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.error.TuopinException;

class PseudonymKeyTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  /** A valid 18-character ID (check character computed): area 520102, born 1980-01-01. */
  private static final String ID = "52010219800101001" + org.tuopin.common.id.ResidentId.checkCharacter("52010219800101001");

  private static TuopinConfig.Privacy privacy(Path file) {
    return new TuopinConfig.Privacy("TEST_KEY_VAR", file.toString(), 10);
  }

  @Test
  void environmentVariableWinsOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("k");
    Files.writeString(file, "f".repeat(64));
    byte[] key = PseudonymKey.resolve(TuopinConfig.Environment.PRODUCTION, privacy(file), Map.of("TEST_KEY_VAR", " " + KEY + "\n")::get);
    assertArrayEquals(KEY.getBytes(StandardCharsets.UTF_8), key);
  }

  @Test
  void localRunCreatesAMissingKeyFileOnceAndReusesIt(@TempDir Path dir) {
    Path file = dir.resolve("sub/.pseudonym.key");
    byte[] first = PseudonymKey.resolve(TuopinConfig.Environment.LOCAL, privacy(file), v -> null);
    assertTrue(Files.isRegularFile(file));
    assertEquals(64, first.length);
    byte[] second = PseudonymKey.resolve(TuopinConfig.Environment.LOCAL, privacy(file), v -> null);
    assertArrayEquals(first, second);
  }

  @Test
  void productionWithoutKeyStopsWithAConfigurationError(@TempDir Path dir) {
    Path file = dir.resolve("absent.key");
    TuopinException e =
        assertThrows(TuopinException.class, () -> PseudonymKey.resolve(TuopinConfig.Environment.PRODUCTION, privacy(file), v -> null));
    assertEquals(ExitStatus.CONFIG_ERROR, e.status());
    assertEquals(
        "configuration key 'tuopin.privacy.pseudonym-key-env' names TEST_KEY_VAR, which is not set, and the key file "
            + file + " does not exist; set TEST_KEY_VAR or create the key file (a production run never generates a pseudonym key)",
        e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void shortKeyIsRefused(@TempDir Path dir) {
    TuopinException e =
        assertThrows(
            TuopinException.class,
            () -> PseudonymKey.resolve(TuopinConfig.Environment.LOCAL, privacy(dir.resolve("k")), Map.of("TEST_KEY_VAR", "short")::get));
    assertEquals(
        "configuration key 'tuopin.privacy.pseudonym-key-env' leads to a pseudonym key (environment variable TEST_KEY_VAR) of 5 characters; use a key of at least 32 characters, e.g. 64 random hex digits",
        e.getMessage());
  }

  @Test
  void personKeyIsDeterministicNormalisedAndKeyed() {
    Pseudonymizer p = new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8));
    String k = p.personKey(ID);
    assertTrue(k.matches("[0-9a-f]{64}"));
    assertEquals(k, new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8)).personKey(" " + ID.toLowerCase() + " "));
    assertNotEquals(k, new Pseudonymizer("another key of enough length 1234".getBytes(StandardCharsets.UTF_8)).personKey(ID));
    assertFalse(k.contains(ID.substring(0, 6)) && k.contains(ID.substring(6, 14)));
  }

  @Test
  void personKeyMatchesAnIndependentHmac() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = java.util.HexFormat.of().formatHex(mac.doFinal(ID.getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8)).personKey(ID));
  }
}
