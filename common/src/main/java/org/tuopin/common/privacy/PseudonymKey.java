package org.tuopin.common.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;

/**
 * Finds the secret key of the resident-ID pseudonyms. The key is the text (trimmed) of the
 * environment variable named by {@code tuopin.privacy.pseudonym-key-env}, else of the file
 * {@code tuopin.privacy.pseudonym-key-file}; at least {@value #MIN_LENGTH} characters. In
 * {@code environment = local} a missing file is created with a random 256-bit key (64 hex
 * characters) and a warning, so the demo runs on a bare machine; in {@code production} a missing key
 * is a configuration error (exit 3), because a new key would silently give every person a new
 * pseudonym. The key itself is never logged.
 */
public final class PseudonymKey {
  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKey.class);
  /** Shorter keys are refused: an HMAC key should carry at least 128 bits. */
  public static final int MIN_LENGTH = 32;
  private static final String ENV_KEY = "tuopin.privacy.pseudonym-key-env";
  private static final String FILE_KEY = "tuopin.privacy.pseudonym-key-file";

  private PseudonymKey() {}

  /** The key of this run, from the process environment. */
  public static byte[] resolve(TuopinConfig config) {
    return resolve(config.environment(), config.privacy(), System::getenv);
  }

  /** The key, with the environment given as a lookup (tests pass their own). */
  public static byte[] resolve(
      TuopinConfig.Environment environment, TuopinConfig.Privacy privacy, Function<String, String> env) {
    String var = privacy.pseudonymKeyEnv();
    String fromEnv = env.apply(var);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return checked(fromEnv.trim(), ENV_KEY, "environment variable " + var);
    }
    Path file = Path.of(privacy.pseudonymKeyFile());
    if (Files.isRegularFile(file)) {
      try {
        return checked(Files.readString(file, StandardCharsets.UTF_8).trim(), FILE_KEY, "key file " + file);
      } catch (IOException e) {
        throw Errors.config(FILE_KEY, "names " + file + ", which cannot be read (" + Errors.oneLine(e) + ")", "make the file readable");
      }
    }
    if (environment == TuopinConfig.Environment.PRODUCTION) {
      throw Errors.config(
          ENV_KEY,
          "names " + var + ", which is not set, and the key file " + file + " does not exist",
          "set " + var + " or create the key file (a production run never generates a pseudonym key)");
    }
    return create(file);
  }

  private static byte[] checked(String key, String configKey, String source) {
    if (key.length() < MIN_LENGTH) {
      throw Errors.config(
          configKey,
          "leads to a pseudonym key (" + source + ") of " + key.length() + " characters",
          "use a key of at least " + MIN_LENGTH + " characters, e.g. 64 random hex digits");
    }
    return key.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] create(Path file) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = HexFormat.of().formatHex(random);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException e) {
      // Another process created it between our check and now: use theirs, so both agree.
      return resolveExisting(file);
    } catch (IOException e) {
      throw Errors.config(FILE_KEY, "names " + file + ", which cannot be created (" + Errors.oneLine(e) + ")", "create the key file yourself or set the key variable");
    }
    LOG.warn(
        "created a new random pseudonym key in {} (environment=local); person keys depend on it: keep the file with the warehouse, and set a managed key in production",
        file);
    return key.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resolveExisting(Path file) {
    try {
      return checked(Files.readString(file, StandardCharsets.UTF_8).trim(), FILE_KEY, "key file " + file);
    } catch (IOException e) {
      throw Errors.config(FILE_KEY, "names " + file + ", which cannot be read (" + Errors.oneLine(e) + ")", "make the file readable");
    }
  }
}
