package org.tuopin.common.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tuopin.common.schema.Manifest;

/**
 * A batch's {@code manifest.json} (fields: {@link Manifest}), parsed with Jackson and checked
 * against its folder: every required field present and well formed, the province equal to the
 * province folder, the batch id equal to the batch folder, households.csv and members.csv listed
 * (unless the batch holds only cooperation files or the survey: {@link LandingTable#standalone()}).
 *
 * @param files the listed files, in manifest order
 */
public record BatchManifest(
    String provinceCode,
    String batchId,
    int reportingYear,
    String snapshotDate,
    String encoding,
    String kind,
    List<ListedFile> files) {

  /** One file the manifest lists: its data record count (header excluded) and SHA-256 (hex). */
  public record ListedFile(String name, long rows, String sha256) {}

  public BatchManifest {
    files = List.copyOf(files);
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The listed file of a landing table, or null. */
  public ListedFile file(LandingTable t) {
    for (ListedFile f : files) {
      if (f.name().equals(t.fileName())) {
        return f;
      }
    }
    return null;
  }

  /**
   * Parses and checks a manifest.
   *
   * @param provinceFolder the name of the province folder the batch lies in
   * @param batchFolder the name of the batch folder
   */
  static BatchManifest parse(byte[] json, String provinceFolder, String batchFolder) throws BatchRefusal.Refused {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw malformed("manifest.json is not valid JSON" + where);
    } catch (IOException e) {
      throw malformed("manifest.json cannot be read as JSON");
    }
    if (root == null || root.isMissingNode()) {
      throw malformed("manifest.json is empty");
    }
    if (!root.isObject()) {
      throw malformed("manifest.json is not a JSON object");
    }
    String province = text(root, Manifest.PROVINCE_CODE);
    if (!province.matches("[0-9]{2}0000")) {
      throw field(Manifest.PROVINCE_CODE, "is '" + province + "', not a 6-digit province code");
    }
    if (!province.equals(provinceFolder)) {
      throw new BatchRefusal.Refused(
          RefusalRule.PROVINCE_MISMATCH,
          Manifest.FILE,
          0,
          "manifest.json names province " + province + " but the batch lies in folder " + provinceFolder);
    }
    String batchId = text(root, Manifest.BATCH_ID);
    if (!batchId.equals(batchFolder)) {
      throw field(Manifest.BATCH_ID, "is '" + batchId + "' but the batch folder is '" + batchFolder + "'");
    }
    int year = integer(root, Manifest.REPORTING_YEAR);
    String snapshot = text(root, Manifest.SNAPSHOT_DATE);
    try {
      LocalDate.parse(snapshot);
    } catch (DateTimeParseException e) {
      throw field(Manifest.SNAPSHOT_DATE, "is '" + snapshot + "', not a date yyyy-MM-dd");
    }
    String encoding = text(root, Manifest.ENCODING);
    if (!encoding.equals(Manifest.ENCODING_UTF8) && !encoding.equals(Manifest.ENCODING_GB18030)) {
      throw field(Manifest.ENCODING, "is '" + encoding + "'; use " + Manifest.ENCODING_UTF8 + " or " + Manifest.ENCODING_GB18030);
    }
    String kind = text(root, Manifest.KIND);
    if (!kind.equals(Manifest.KIND_FULL) && !kind.equals(Manifest.KIND_CHANGES)) {
      throw field(Manifest.KIND, "is '" + kind + "'; use " + Manifest.KIND_FULL + " or " + Manifest.KIND_CHANGES);
    }
    JsonNode list = root.get(Manifest.FILES);
    if (list == null || list.isNull()) {
      throw field(Manifest.FILES, "is missing");
    }
    if (!list.isArray() || list.isEmpty()) {
      throw field(Manifest.FILES, "must be a non-empty list of {name, rows, sha256}");
    }
    List<ListedFile> files = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode f = list.get(i);
      String at = Manifest.FILES + "[" + i + "].";
      if (!f.isObject()) {
        throw field(Manifest.FILES + "[" + i + "]", "is not an object {name, rows, sha256}");
      }
      String name = text(f, at, Manifest.FILE_NAME);
      if (LandingTable.ofFile(name) == null) {
        throw field(at + Manifest.FILE_NAME, "is '" + name + "', not a landing file of the contract");
      }
      if (!names.add(name)) {
        throw field(at + Manifest.FILE_NAME, "lists " + name + " twice");
      }
      JsonNode rows = f.get(Manifest.FILE_ROWS);
      if (rows == null || !rows.canConvertToLong() || !rows.isIntegralNumber() || rows.asLong() < 0) {
        throw field(at + Manifest.FILE_ROWS, rows == null ? "is missing" : "must be a whole number of records, 0 or more");
      }
      String sha = text(f, at, Manifest.FILE_SHA256).toLowerCase(java.util.Locale.ROOT);
      if (!sha.matches("[0-9a-f]{64}")) {
        throw field(at + Manifest.FILE_SHA256, "is not 64 hexadecimal digits");
      }
      files.add(new ListedFile(name, rows.asLong(), sha));
    }
    // A helper (eastern) province delivers its cooperation files, and a province its third-party
    // survey, in a batch of their own; every other batch carries the register's required files.
    boolean standaloneOnly = names.stream().allMatch(n -> LandingTable.ofFile(n).standalone());
    for (LandingTable t : LandingTable.values()) {
      if (t.required() && !standaloneOnly && !names.contains(t.fileName())) {
        throw field(Manifest.FILES, "does not list " + t.fileName() + ", which every batch delivers");
      }
    }
    return new BatchManifest(province, batchId, year, snapshot, encoding, kind, files);
  }

  private static String text(JsonNode node, String field) throws BatchRefusal.Refused {
    return text(node, "", field);
  }

  private static String text(JsonNode node, String prefix, String field) throws BatchRefusal.Refused {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw field(prefix + field, "is missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw field(prefix + field, "must be a non-empty string");
    }
    return v.asText().trim();
  }

  private static int integer(JsonNode node, String field) throws BatchRefusal.Refused {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw field(field, "is missing");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw field(field, "must be a whole number such as 2016");
    }
    return v.asInt();
  }

  private static BatchRefusal.Refused malformed(String problem) {
    return new BatchRefusal.Refused(RefusalRule.MANIFEST_MALFORMED, Manifest.FILE, 0, problem);
  }

  private static BatchRefusal.Refused field(String field, String problem) {
    return new BatchRefusal.Refused(RefusalRule.MANIFEST_FIELD, Manifest.FILE, 0, "field '" + field + "' " + problem);
  }
}
