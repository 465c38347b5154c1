package org.tuopin.common.ingest;

import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tuopin.common.error.Errors;

/**
 * The time of a Delta table's latest commit, read from the file listing of its {@code _delta_log}
 * (Delta's own commit timestamps are these modification times). Costs one listing, not a Spark
 * job: ingest uses it to skip the bronze scan for interrupted loads when no bronze commit is newer
 * than the last {@code ops.ingested_files} commit.
 */
public final class DeltaCommits {
  private DeltaCommits() {}

  private static final Pattern COMMIT = Pattern.compile("[0-9]{20}\\.json");

  /** Milliseconds since the epoch of the latest commit, or -1 when the table has no log. */
  public static long latestCommitMillis(Configuration hadoop, String tablePath) {
    Path log = new Path(tablePath, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(hadoop);
      if (!fs.exists(log)) {
        return -1;
      }
      String latest = null;
      long millis = -1;
      for (FileStatus f : fs.listStatus(log)) {
        String name = f.getPath().getName();
        if (COMMIT.matcher(name).matches() && (latest == null || name.compareTo(latest) > 0)) {
          latest = name;
          millis = f.getModificationTime();
        }
      }
      return millis;
    } catch (IOException e) {
      throw Errors.failure("listing the Delta log of " + tablePath, e);
    }
  }
}
