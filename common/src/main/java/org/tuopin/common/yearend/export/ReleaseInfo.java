package org.tuopin.common.yearend.export;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The release an export shows (a row of ops.releases): every export names it, so a figure can be
 * traced to the table versions, code and rules it came from.
 */
public record ReleaseInfo(
    String releaseId,
    int year,
    int revision,
    String previousReleaseId,
    Instant releasedAt,
    String codeVersion,
    String ruleVersion,
    String note,
    Map<String, Long> tableVersions) {
  public ReleaseInfo {
    tableVersions = new TreeMap<>(tableVersions);
  }
}
