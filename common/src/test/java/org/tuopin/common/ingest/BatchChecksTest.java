package org.tuopin.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchChecksTest {
  private static final String SHA_H = "1".repeat(64);
  private static final String SHA_M = "2".repeat(64);

  private static LandingBatch batch(String kind, long householdRows, long memberRows) {
    BatchManifest m =
        new BatchManifest(
            "520000", "B1", 2016, "2016-12-31", "UTF-8", kind,
            List.of(new BatchManifest.ListedFile("households.csv", householdRows, SHA_H), new BatchManifest.ListedFile("members.csv", memberRows, SHA_M)));
    return new LandingBatch("520000", "B1", "/l/520000/B1", "520000/B1", m, null);
  }

  private static FileSummary summary(String file, String sha, long records, long unclosedLine, long foreign) {
    return new FileSummary(
        "520000", "B1", file, 100, sha, records, 0, unclosedLine, foreign, foreign > 0 ? 4 : 0, foreign > 0 ? "530102" : null, 0, 0, null, 0, null, 5);
  }

  @Test
  void aMatchingBatchPasses() {
    Map<String, FileSummary> s =
        Map.of("households.csv", summary("households.csv", SHA_H, 3, 0, 0), "members.csv", summary("members.csv", SHA_M, 7, 0, 0));
    assertEquals(Optional.empty(), BatchChecks.afterRead(batch("FULL", 3, 7), s));
    assertEquals(10, BatchChecks.sizeRows(s));
  }

  @Test
  void aChangesBatchMayLeaveOneFileEmptyButNotAll() {
    Map<String, FileSummary> oneEmpty =
        Map.of("households.csv", summary("households.csv", SHA_H, 2, 0, 0), "members.csv", summary("members.csv", SHA_M, 0, 0, 0));
    assertEquals(Optional.empty(), BatchChecks.afterRead(batch("CHANGES", 2, 0), oneEmpty));
    Map<String, FileSummary> allEmpty =
        Map.of("households.csv", summary("households.csv", SHA_H, 0, 0, 0), "members.csv", summary("members.csv", SHA_M, 0, 0, 0));
    assertEquals(
        "province 520000 batch B1 refused: households.csv: the file has a header but no records, and neither has any other file of this CHANGES batch [ingest.header-only]; deliver the records, or omit an unchanged file in a CHANGES batch",
        BatchChecks.afterRead(batch("CHANGES", 0, 0), allEmpty).orElseThrow().reason("520000", "B1"));
  }

  @Test
  void foreignRecordsRefuseWithTheFirstLine() {
    Map<String, FileSummary> s =
        Map.of("households.csv", summary("households.csv", SHA_H, 3, 0, 2), "members.csv", summary("members.csv", SHA_M, 7, 0, 0));
    assertEquals(
        "province 520000 batch B1 refused: households.csv line 4: county 530102 is not in province 520000 (2 records of other provinces) [ingest.foreign-county]; deliver only records of the province's own counties",
        BatchChecks.afterRead(batch("FULL", 3, 7), s).orElseThrow().reason("520000", "B1"));
  }

  @Test
  void sizeRuleRefusesOnlyADropBeyondTheShare() {
    BatchChecks.Previous before = new BatchChecks.Previous("B0", 100);
    assertEquals(Optional.empty(), BatchChecks.sizeDrop(80, before, "FULL", 0.20));
    assertEquals(Optional.empty(), BatchChecks.sizeDrop(150, before, "FULL", 0.20));
    assertEquals(Optional.empty(), BatchChecks.sizeDrop(10, null, "FULL", 0.20));
    Optional<BatchRefusal> r = BatchChecks.sizeDrop(79, before, "FULL", 0.20);
    assertTrue(r.isPresent());
    assertEquals(
        "province 520000 batch B1 refused: 79 household and member records are 21.0 % fewer than the 100 of the previous FULL batch B0, more than the 20.0 % allowed by tuopin.ingest.max-row-drop-share [ingest.row-count-drop]; check the extract; if the drop is real, rerun with --force",
        r.get().reason("520000", "B1"));
  }
}
