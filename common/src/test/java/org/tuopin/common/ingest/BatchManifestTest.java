package org.tuopin.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchManifestTest {
  private static final String SHA = "a".repeat(64);
  private static final String FILES =
      "\"files\":[{\"name\":\"households.csv\",\"rows\":3,\"sha256\":\"" + SHA + "\"},"
          + "{\"name\":\"members.csv\",\"rows\":5,\"sha256\":\"" + SHA.toUpperCase() + "\"}]";

  private static String manifest(String province, String batch, String kind, String encoding) {
    return "{\"province_code\":\"" + province + "\",\"batch_id\":\"" + batch + "\",\"reporting_year\":2016,"
        + "\"snapshot_date\":\"2016-12-31\",\"encoding\":\"" + encoding + "\",\"kind\":\"" + kind + "\"," + FILES + "}";
  }

  private static BatchManifest parse(String json) throws BatchRefusal.Refused {
    return BatchManifest.parse(json.getBytes(StandardCharsets.UTF_8), "520000", "B1");
  }

  private static String refusal(String json) {
    return assertThrows(BatchRefusal.Refused.class, () -> parse(json)).refusal.reason("520000", "B1");
  }

  @Test
  void validManifestIsParsed() throws BatchRefusal.Refused {
    BatchManifest m = parse(manifest("520000", "B1", "FULL", "GB18030"));
    assertEquals("520000", m.provinceCode());
    assertEquals(2016, m.reportingYear());
    assertEquals("GB18030", m.encoding());
    assertEquals(2, m.files().size());
    assertEquals(new BatchManifest.ListedFile("members.csv", 5, SHA), m.file(LandingTable.MEMBERS));
  }

  @Test
  void aHelperDeliversItsCooperationFilesInABatchOfTheirOwn() throws BatchRefusal.Refused {
    String json =
        "{\"province_code\":\"520000\",\"batch_id\":\"B1\",\"reporting_year\":2018,\"snapshot_date\":\"2018-12-31\","
            + "\"encoding\":\"UTF-8\",\"kind\":\"FULL\",\"files\":["
            + "{\"name\":\"cooperation_funds.csv\",\"rows\":2,\"sha256\":\"" + "b".repeat(64) + "\"},"
            + "{\"name\":\"cooperation_talent.csv\",\"rows\":2,\"sha256\":\"" + SHA + "\"}]}";
    BatchManifest m = parse(json);
    assertEquals(2, m.files().size());
    assertEquals(null, m.file(LandingTable.HOUSEHOLDS));
    // Identified by all its checksums, sorted, as ops.ingested_files records them.
    assertEquals(SHA + "/" + "b".repeat(64), IngestHistory.contentKey(m));
    // A register batch still needs both register files, cooperation files or not.
    String mixed = json.replace("\"files\":[", "\"files\":[{\"name\":\"members.csv\",\"rows\":5,\"sha256\":\"" + SHA + "\"},");
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: field 'files' does not list households.csv, which every batch delivers [ingest.manifest-field]; correct the manifest (see docs/ingest.md, landing contract)",
        refusal(mixed));
  }

  @Test
  void aProvinceDeliversItsSurveyInABatchOfItsOwn() throws BatchRefusal.Refused {
    String json =
        "{\"province_code\":\"520000\",\"batch_id\":\"B1\",\"reporting_year\":2018,\"snapshot_date\":\"2018-12-31\","
            + "\"encoding\":\"UTF-8\",\"kind\":\"FULL\",\"files\":["
            + "{\"name\":\"survey.csv\",\"rows\":3,\"sha256\":\"" + SHA + "\"}]}";
    BatchManifest m = parse(json);
    assertEquals(new BatchManifest.ListedFile("survey.csv", 3, SHA), m.file(LandingTable.SURVEY));
    assertEquals(SHA, IngestHistory.contentKey(m));
    String mixed = json.replace("\"files\":[", "\"files\":[{\"name\":\"members.csv\",\"rows\":5,\"sha256\":\"" + SHA + "\"},");
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: field 'files' does not list households.csv, which every batch delivers [ingest.manifest-field]; correct the manifest (see docs/ingest.md, landing contract)",
        refusal(mixed));
  }

  @Test
  void malformedJsonNamesItsPosition() {
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: manifest.json is not valid JSON (line 1, column 3) [ingest.manifest-malformed]; deliver a manifest.json that is valid JSON",
        refusal("{x"));
  }

  @Test
  void provinceMustMatchItsFolder() {
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: manifest.json names province 530000 but the batch lies in folder 520000 [ingest.province-mismatch]; deliver the batch under its own province's folder",
        refusal(manifest("530000", "B1", "FULL", "UTF-8")));
  }

  @Test
  void fieldProblemsNameTheField() {
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: field 'kind' is 'DELTA'; use FULL or CHANGES [ingest.manifest-field]; correct the manifest (see docs/ingest.md, landing contract)",
        refusal(manifest("520000", "B1", "DELTA", "UTF-8")));
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: field 'encoding' is 'GBK'; use UTF-8 or GB18030 [ingest.manifest-field]; correct the manifest (see docs/ingest.md, landing contract)",
        refusal(manifest("520000", "B1", "FULL", "GBK")));
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: field 'batch_id' is 'B2' but the batch folder is 'B1' [ingest.manifest-field]; correct the manifest (see docs/ingest.md, landing contract)",
        refusal(manifest("520000", "B2", "FULL", "UTF-8")));
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: field 'kind' is missing [ingest.manifest-field]; correct the manifest (see docs/ingest.md, landing contract)",
        refusal(manifest("520000", "B1", "FULL", "UTF-8").replace("\"kind\":\"FULL\",", "")));
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: field 'files' does not list members.csv, which every batch delivers [ingest.manifest-field]; correct the manifest (see docs/ingest.md, landing contract)",
        refusal(manifest("520000", "B1", "FULL", "UTF-8").replaceAll(",\\{\"name\":\"members.csv\"[^}]*}", "")));
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: field 'files[0].rows' must be a whole number of records, 0 or more [ingest.manifest-field]; correct the manifest (see docs/ingest.md, landing contract)",
        refusal(manifest("520000", "B1", "FULL", "UTF-8").replace("\"rows\":3", "\"rows\":-3")));
  }

  @Test
  void notAnObjectIsMalformed() {
    assertEquals(
        "province 520000 batch B1 refused: manifest.json: manifest.json is not a JSON object [ingest.manifest-malformed]; deliver a manifest.json that is valid JSON",
        refusal("[1,2]"));
  }
}
