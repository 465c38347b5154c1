package org.tuopin.common.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a resident ID into its {@code person_key}: the lower-case hex HMAC-SHA-256 of the
 * normalised ID (trimmed, upper case) under the pseudonym key. Serializable so that it travels to
 * the executors inside the ingest reader; one {@link Mac} per instance and thread (not thread-safe),
 * created lazily after deserialisation.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] key;
  private transient Mac mac;

  public Pseudonymizer(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("pseudonym key must not be empty");
    }
    this.key = key.clone();
  }

  /** The normalised form every pseudonym is computed over. */
  public static String normalise(String residentId) {
    return residentId.trim().toUpperCase(Locale.ROOT);
  }

  /** The person key of a (non-blank) resident ID. */
  public String personKey(String residentId) {
    if (mac == null) {
      try {
        mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(key, ALGORITHM));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
      }
    }
    byte[] h = mac.doFinal(normalise(residentId).getBytes(StandardCharsets.UTF_8));
    char[] out = new char[h.length * 2];
    for (int i = 0; i < h.length; i++) {
      out[2 * i] = HEX[(h[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[h[i] & 0xF];
    }
    return new String(out);
  }
}
