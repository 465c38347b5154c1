package org.tuopin.common.yearend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.curated.ReconcileRule;
import org.tuopin.common.error.Errors;

/**
 * The rule version of a release: the settings that decide the released figures, written as
 * sorted {@code key=value} lines, and the first 16 hex digits of their SHA-256. The settings are
 * the curated rules ({@code tuopin.curated.*}), the small-cell threshold, and the fingerprint of
 * the reference data loaded in the ref tables (poverty lines, thresholds, divisions, de-listing
 * cohorts). Two releases with the same version were computed under the same rules.
 */
public final class RuleVersion {
  private RuleVersion() {}

  /** The rules as text, one sorted {@code key=value} per line. */
  public static String text(TuopinConfig config, String referenceFingerprint) {
    Map<String, String> m = new TreeMap<>();
    TuopinConfig.Curated c = config.curated();
    m.put("curated.safe-water-from-year", String.valueOf(c.safeWaterFromYear()));
    c.afWeights().forEach((k, v) -> m.put("curated.af.weights." + k, String.valueOf(v)));
    m.put("curated.af.cutoff", String.valueOf(c.afCutoff()));
    for (ReconcileRule r : ReconcileRule.values()) {
      m.put("curated.reconcile." + r.key(), String.valueOf(c.severities().get(r)));
    }
    m.put("privacy.small-cell-threshold", String.valueOf(config.privacy().smallCellThreshold()));
    m.put("reference.fingerprint", referenceFingerprint == null ? "none" : referenceFingerprint);
    StringBuilder s = new StringBuilder();
    m.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    return s.toString();
  }

  /** The version: the first 16 hex digits of the SHA-256 of {@link #text}. */
  public static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw Errors.failure("hashing the rule set", e);
    }
  }
}
