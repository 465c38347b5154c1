package org.tuopin.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.error.Errors;
import org.tuopin.common.generate.Corrections;
import org.tuopin.common.generate.LandingLayout;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.Manifest;

/**
 * {@code tuopin changes}: writes, beside each named province's FULL batch of a year, a CHANGES
 * batch correcting the income of a deterministic share of its households (with their members),
 * dated the day after the snapshot. It is what an incremental night looks like, for the bench and
 * for trying the nightly by hand (docs/generator.md).
 */
public final class ChangesJob {
  private static final Logger LOG = LoggerFactory.getLogger(ChangesJob.class);

  /**
   * @param landing landing root holding the FULL batches
   * @param sequence the batch sequence (001, 002 ...) so that successive corrections get new ids
   * @param raise yuan added to each picked household's per-capita income
   */
  public record Request(String landing, List<String> provinces, int year, double share, long seed, int sequence, long raise) {
    public Request {
      provinces = List.copyOf(provinces);
    }
  }

  /** One batch written. */
  public record Written(String province, String batchId, long households, long members) {}

  private final JobContext ctx;
  private final Request request;

  public ChangesJob(JobContext ctx, Request request) {
    this.ctx = ctx;
    this.request = request;
  }

  /** The CHANGES batch id of a province and year, e.g. 520000-2020-CHANGES-002. */
  public static String batchId(String province, int year, int sequence) {
    return String.format(Locale.ROOT, "%s-%d-%s-%03d", province, year, Manifest.KIND_CHANGES, sequence);
  }

  public List<Written> execute() throws IOException {
    Path root = new Path(request.landing());
    FileSystem fs = root.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
    if (fs instanceof LocalFileSystem local) {
      fs = local.getRawFileSystem();
    }
    List<Written> out = new ArrayList<>();
    for (String p : request.provinces()) {
      long t0 = System.nanoTime();
      Path full = new Path(new Path(root, p), LandingLayout.batchId(p, request.year()));
      Path manifestPath = new Path(full, Manifest.FILE);
      if (!fs.exists(manifestPath)) {
        throw Errors.missingInput("batch " + full, "generate the FULL batch of " + p + " " + request.year() + " first");
      }
      JsonNode fullManifest;
      try (InputStream in = fs.open(manifestPath)) {
        fullManifest = new ObjectMapper().readTree(in);
      }
      String encoding = fullManifest.get(Manifest.ENCODING).asText();
      Charset charset = Charset.forName(encoding);
      Dataset<Row> households = readCsv(new Path(full, LandingHouseholds.FILE), encoding, LandingHouseholds.COLUMNS);
      Dataset<Row> members = readCsv(new Path(full, LandingMembers.FILE), encoding, LandingMembers.COLUMNS);
      ctx.describe("changes: correct " + request.share() + " of the households of " + p + " " + request.year());
      Dataset<Row> changed = Corrections.households(households, request.seed(), request.share(), request.raise());
      Dataset<Row> changedMembers = Corrections.members(members, changed);

      String id = batchId(p, request.year(), request.sequence());
      Path dir = new Path(new Path(root, p), id);
      fs.delete(dir, true);
      fs.mkdirs(dir);
      Path tmp = new Path(new Path(root, LandingLayout.BOOKKEEPING_DIR), "tmp-" + id);
      ObjectNode manifest = GenerateJob.manifest(p, id, request.year(), charset);
      manifest.put(Manifest.SNAPSHOT_DATE, LocalDate.parse(LandingLayout.snapshotDate(request.year())).plusDays(request.sequence()).toString());
      manifest.put(Manifest.KIND, Manifest.KIND_CHANGES);
      ArrayNode files = manifest.putArray(Manifest.FILES);
      long[] rows = new long[2];
      int i = 0;
      for (String file : List.of(LandingHouseholds.FILE, LandingMembers.FILE)) {
        Dataset<Row> frame = file.equals(LandingHouseholds.FILE) ? changed : changedMembers;
        GenerateJob.Placed placed =
            GenerateJob.writeSingleCsv(fs, frame, LandingLayout.columns(file), new Path(tmp, file), new Path(dir, file), charset);
        ObjectNode f = files.addObject();
        f.put(Manifest.FILE_NAME, file);
        f.put(Manifest.FILE_ROWS, placed.rows());
        f.put(Manifest.FILE_SHA256, placed.sha256());
        rows[i++] = placed.rows();
      }
      try (OutputStream o = fs.create(new Path(dir, Manifest.FILE), true)) {
        o.write(GenerateJob.manifestBytes(manifest));
      }
      fs.delete(tmp, true);
      LOG.info("changes: batch {}: {} households corrected, {} member lines ({} ms)", id, rows[0], rows[1], (System.nanoTime() - t0) / 1_000_000);
      out.add(new Written(p, id, rows[0], rows[1]));
    }
    return out;
  }

  private Dataset<Row> readCsv(Path file, String encoding, List<String> columns) {
    return ctx.spark().read()
        .option("header", "true")
        .option("encoding", encoding)
        .schema(org.tuopin.common.schema.Schemas.allStrings(columns))
        .csv(file.toString());
  }
}
