package org.tuopin.common.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tuopin.common.error.Errors;
import org.tuopin.common.schema.Manifest;

/**
 * Lists the batches of the landing area ({@code <landing>/<province>/<batch_id>/}, skipping
 * folders whose name starts with {@code _} or {@code .}) and checks what can be checked without
 * reading the data files: the manifest, and that the folder holds exactly the listed CSV files.
 * Runs on the driver over file metadata only.
 */
public final class LandingScanner {
  private LandingScanner() {}

  /** Every batch folder, checked, in {@link LandingBatch#ORDER}. */
  public static List<LandingBatch> scan(Configuration hadoop, String landingRoot) {
    Path root = new Path(landingRoot);
    List<LandingBatch> out = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.isDirectory(root)) {
        throw Errors.missingInput("landing folder " + landingRoot, "deliver batches there or set tuopin.paths.landing");
      }
      for (FileStatus p : fs.listStatus(root)) {
        if (!p.isDirectory() || hidden(p.getPath().getName())) {
          continue;
        }
        for (FileStatus b : fs.listStatus(p.getPath())) {
          if (b.isDirectory() && !hidden(b.getPath().getName())) {
            out.add(check(fs, p.getPath().getName(), b.getPath()));
          }
        }
      }
    } catch (IOException e) {
      throw Errors.failure("listing landing folder " + landingRoot, e);
    }
    out.sort(LandingBatch.ORDER);
    return out;
  }

  private static boolean hidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  private static LandingBatch check(FileSystem fs, String province, Path dir) throws IOException {
    String batchId = dir.getName();
    String rel = province + "/" + batchId;
    String abs = dir.toString();
    try {
      if (!province.matches("[0-9]{2}0000")) {
        throw new BatchRefusal.Refused(
            RefusalRule.PROVINCE_MISMATCH, null, 0, "the province folder '" + province + "' is not a 6-digit province code");
      }
      byte[] json;
      try (InputStream in = fs.open(new Path(dir, Manifest.FILE))) {
        json = in.readAllBytes();
      } catch (FileNotFoundException e) {
        throw new BatchRefusal.Refused(RefusalRule.MANIFEST_MISSING, Manifest.FILE, 0, "the batch folder has no manifest.json");
      }
      BatchManifest m = BatchManifest.parse(json, province, batchId);
      Set<String> present = new HashSet<>();
      for (FileStatus f : fs.listStatus(dir)) {
        if (f.isFile()) {
          present.add(f.getPath().getName());
        }
      }
      Set<String> listed = new HashSet<>();
      for (BatchManifest.ListedFile f : m.files()) {
        listed.add(f.name());
        if (!present.contains(f.name())) {
          throw new BatchRefusal.Refused(
              RefusalRule.FILE_MISSING, f.name(), 0, "the manifest lists this file but the batch folder does not hold it");
        }
      }
      for (String name : present.stream().sorted().toList()) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv") && !listed.contains(name)) {
          throw new BatchRefusal.Refused(
              RefusalRule.FILE_UNLISTED, name, 0, "the batch folder holds this file but the manifest does not list it");
        }
      }
      return new LandingBatch(province, batchId, abs, rel, m, null);
    } catch (BatchRefusal.Refused r) {
      return new LandingBatch(province, batchId, abs, rel, null, r.refusal);
    }
  }
}
