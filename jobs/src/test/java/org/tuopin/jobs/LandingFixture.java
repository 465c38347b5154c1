package org.tuopin.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tuopin.common.id.ResidentId;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;

/**
 * Writes tiny landing batches for ingest tests: real CSV files in the declared encoding and a
 * manifest with their true record counts and SHA-256, unless a test overrides them to make a bad
 * batch. Every batch gets distinct households (its own sequence range), so no two batches have the
 * same content by accident. Every resident ID written is remembered, for the privacy checks.
 */
final class LandingFixture {
  final Path root;
  final List<String> rawIds = new ArrayList<>();
  private int nextSeq = 1;

  LandingFixture(Path root) {
    this.root = root;
  }

  /** A valid resident ID (check character computed) for an area and a serial. */
  String id(String area6, int serial) {
    String first17 = area6 + "1980" + String.format("%02d%02d", 1 + serial % 12, 1 + serial % 28) + String.format("%03d", serial % 1000);
    String id = first17 + ResidentId.checkCharacter(first17);
    rawIds.add(id);
    return id;
  }

  static String householdsHeader() {
    return String.join(",", LandingHouseholds.COLUMNS);
  }

  static String membersHeader() {
    return String.join(",", LandingMembers.COLUMNS);
  }

  static String household(String householdId, String headId) {
    return householdId + "," + householdId.substring(0, 12) + ",2016," + headId
        + ",1,一般贫困户,因病,2014,POOR,,2800.5,是,是,是,是,是,否";
  }

  static String member(String residentId, String householdId) {
    return residentId + "," + householdId + ",2016,户主,男,1980-01-01,普通劳动力,非在校生,否,健康,是,否,,0";
  }

  Batch batch(String province, String batchId) {
    return new Batch(province, batchId);
  }

  /** One batch folder under construction. */
  final class Batch {
    final String province;
    final String batchId;
    String encoding = "UTF-8";
    /** The charset the files are really written in, when it differs from the declared one. */
    String fileEncoding;
    java.util.function.UnaryOperator<String> manifestEdit = m -> m;
    String kind = "FULL";
    int year = 2016;
    String snapshotDate = "2016-12-31";
    final List<String> households = new ArrayList<>();
    final List<String> members = new ArrayList<>();
    final List<String> population = new ArrayList<>();
    final List<String> householdIds = new ArrayList<>();
    final List<String> memberIds = new ArrayList<>();
    /** File name to the exact text written instead of header + records. */
    final Map<String, String> text = new LinkedHashMap<>();
    /** File name to the record count written into the manifest instead of the real one. */
    final Map<String, Long> rows = new LinkedHashMap<>();
    final Map<String, String> sha = new LinkedHashMap<>();
    String manifestText;
    boolean noManifest;
    boolean withPopulation;
    String householdsHeader = householdsHeader();
    String membersHeader = membersHeader();
    String bom = "";
    final Map<String, String> extraFiles = new LinkedHashMap<>();

    Batch(String province, String batchId) {
      this.province = province;
      this.batchId = batchId;
    }

    /** Adds n one-person households in a village of the province's first county. */
    Batch households(int n) {
      return households(n, province.substring(0, 2) + "0102001001");
    }

    Batch households(int n, String village) {
      for (int i = 0; i < n; i++) {
        int seq = nextSeq++;
        String hh = village + String.format("%04d", seq);
        String head = id(village.substring(0, 6), seq);
        households.add(household(hh, head));
        members.add(member(head, hh));
        householdIds.add(hh);
        memberIds.add(head);
      }
      return this;
    }

    Batch population() {
      withPopulation = true;
      population.add(province.substring(0, 2) + "0102001001,2016,1200");
      population.add(province.substring(0, 2) + "0102001002,2016,800");
      return this;
    }

    String content(String file, String header, List<String> records) {
      if (text.containsKey(file)) {
        return text.get(file);
      }
      StringBuilder sb = new StringBuilder(bom).append(header).append('\n');
      for (String r : records) {
        sb.append(r).append('\n');
      }
      return sb.toString();
    }

    Path write() {
      Path dir = root.resolve(province).resolve(batchId);
      try {
        Files.createDirectories(dir);
        Charset cs = Charset.forName(fileEncoding != null ? fileEncoding : encoding);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        files.put(LandingHouseholds.FILE, content(LandingHouseholds.FILE, householdsHeader, households).getBytes(cs));
        counts.put(LandingHouseholds.FILE, households.size());
        files.put(LandingMembers.FILE, content(LandingMembers.FILE, membersHeader, members).getBytes(cs));
        counts.put(LandingMembers.FILE, members.size());
        if (withPopulation) {
          files.put(LandingPopulation.FILE, content(LandingPopulation.FILE, String.join(",", LandingPopulation.COLUMNS), population).getBytes(cs));
          counts.put(LandingPopulation.FILE, population.size());
        }
        StringBuilder list = new StringBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
          Files.write(dir.resolve(f.getKey()), f.getValue());
          if (list.length() > 0) {
            list.append(',');
          }
          list.append("{\"name\":\"").append(f.getKey()).append("\",\"rows\":")
              .append(rows.getOrDefault(f.getKey(), (long) counts.get(f.getKey())))
              .append(",\"sha256\":\"").append(sha.getOrDefault(f.getKey(), sha256(f.getValue()))).append("\"}");
        }
        for (Map.Entry<String, String> f : extraFiles.entrySet()) {
          Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        if (!noManifest) {
          String m =
              manifestText != null
                  ? manifestText
                  : "{\"province_code\":\"" + province + "\",\"batch_id\":\"" + batchId + "\",\"reporting_year\":" + year
                      + ",\"snapshot_date\":\"" + snapshotDate + "\",\"encoding\":\"" + encoding + "\",\"kind\":\"" + kind
                      + "\",\"files\":[" + list + "]}";
          Files.writeString(dir.resolve("manifest.json"), manifestEdit.apply(m));
        }
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
