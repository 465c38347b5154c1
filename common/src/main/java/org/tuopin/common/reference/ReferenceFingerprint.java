package org.tuopin.common.reference;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tuopin.common.error.Errors;

/**
 * A SHA-256 over the names and bytes of the reference CSV files, so that the nightly run reloads
 * the ref tables only when the reference data changed. The files are small configuration data.
 */
public final class ReferenceFingerprint {
  private ReferenceFingerprint() {}

  /** Delta table property of ref.provinces holding the fingerprint of the files last loaded. */
  public static final String PROPERTY = "tuopin.reference.fingerprint";

  public static String of(Configuration hadoop, String dir) {
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root)) {
        throw Errors.missingInput("reference folder " + dir, "set tuopin.paths.reference to the folder holding the reference CSV files (conf/reference)");
      }
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus s : fs.listStatus(root)) {
        if (s.isFile() && s.getPath().getName().endsWith(".csv")) {
          files.add(s);
        }
      }
      files.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (FileStatus s : files) {
        md.update(s.getPath().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        try (InputStream in = fs.open(s.getPath())) {
          int n;
          while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw Errors.failure("reading reference folder " + dir, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
