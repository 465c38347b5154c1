package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.sort_array;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.generate.CooperationFrames;
import org.tuopin.common.generate.ErrorInjection;
import org.tuopin.common.generate.GenerateParams;
import org.tuopin.common.generate.LandingFrames;
import org.tuopin.common.generate.LandingLayout;
import org.tuopin.common.generate.RegistryModel;
import org.tuopin.common.generate.SurveyFrames;
import org.tuopin.common.reference.ReferenceData;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.ExpectedCountyYear;
import org.tuopin.common.schema.InjectedErrors;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.LandingSurvey;
import org.tuopin.common.schema.Manifest;

/**
 * {@code tuopin generate}: writes a synthetic register as landing batches (one FULL batch per
 * province and reporting year) plus the generator's expected figures, from the model of {@link
 * RegistryModel}. Spark writes each file kind once, partitioned by province and year, one sorted
 * file per batch; the job then moves every part file to its exact name (transcoding it to GB18030
 * for the provinces configured so), hashes it while streaming, and writes the manifests.
 */
public final class GenerateJob {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateJob.class);
  private static final String TMP = "tmp";
  private static final int BUFFER = 1 << 16;

  /** What to generate; provinces empty means every province with poor counties. */
  public record Request(
      String out, List<String> provinces, long households, long seed, int firstYear, int lastYear, double injectRate) {
    public Request {
      provinces = List.copyOf(provinces);
    }
  }

  /** What was written. */
  public record Result(
      String out,
      List<String> provinces,
      int batches,
      long householdRows,
      long memberRows,
      long populationRows,
      long injectedLines,
      long bytes,
      Duration elapsed) {
    public Result {
      provinces = List.copyOf(provinces);
    }
  }

  private final JobContext ctx;
  private final Request request;

  public GenerateJob(JobContext ctx, Request request) {
    this.ctx = ctx;
    this.request = request;
  }

  public Result execute() throws IOException {
    Instant start = Instant.now();
    TuopinConfig config = ctx.config();
    ReferenceData ref = new ReferenceData(ctx.spark(), config.paths().reference());
    ctx.describe("generate: resolve provinces");
    List<String> provinces = resolveProvinces(ref);
    GenerateParams params =
        new GenerateParams(
            provinces, request.households(), request.seed(), request.firstYear(), request.lastYear(),
            request.injectRate(), config.generator().model());
    Set<String> gb18030 = new TreeSet<>();
    for (int p : config.generator().gb18030Provinces()) {
      gb18030.add(p + "0000");
    }
    LOG.info(
        "generating {} households in {} provinces, years {}-{}, seed {}, error rate {} into {}",
        params.households(), provinces.size(), params.firstYear(), params.lastYear(), params.seed(), params.injectRate(), request.out());

    Path out = new Path(request.out());
    FileSystem fs = rawFileSystem(out);
    Path book = new Path(out, LandingLayout.BOOKKEEPING_DIR);
    Path tmp = new Path(book, TMP);
    fs.delete(tmp, true);
    for (String p : provinces) {
      for (int y = params.firstYear(); y <= params.lastYear(); y++) {
        fs.delete(new Path(new Path(out, p), LandingLayout.batchId(p, y)), true);
        fs.delete(new Path(new Path(out, p), LandingLayout.surveyBatchId(p, y)), true);
      }
    }
    fs.delete(new Path(book, InjectedErrors.FILE), false);

    RegistryModel model = new RegistryModel(ref, params);
    ctx.describe("generate: check reference data");
    model.checkReference();
    long t = System.nanoTime();
    ctx.describe("generate: counties and households");
    Dataset<Row> counties = model.counties().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> households = model.households(counties).persist(StorageLevel.MEMORY_AND_DISK());
    long countyCount = counties.count();
    long householdCount = households.count();
    LOG.info("model: {} counties, {} households ({} ms)", countyCount, householdCount, ms(t));
    t = System.nanoTime();
    ctx.describe("generate: persons and resident IDs");
    Dataset<Row> persons = model.persons(households).persist(StorageLevel.MEMORY_AND_DISK());
    long overflow = RegistryModel.sequenceOverflow(persons).count();
    if (overflow > 0) {
      throw Errors.failure(
          "assigning resident IDs",
          new IllegalStateException(overflow + " persons share a county, birth date and sex with 499 others; lower --households or add villages"));
    }
    Dataset<Row> householdYears = model.householdYears(households).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> villageYears = model.villageYears(households).persist(StorageLevel.MEMORY_AND_DISK());
    LOG.info("model: {} persons, {} household-years, {} village-years ({} ms)", persons.count(), householdYears.count(), villageYears.count(), ms(t));

    t = System.nanoTime();
    ctx.describe("generate: expected figures");
    Dataset<Row> survey = SurveyFrames.lines(counties, params).persist(StorageLevel.MEMORY_ONLY());
    Dataset<Row> expected = LandingFrames.expected(householdYears, villageYears, SurveyFrames.expectedRates(survey));
    writeSingleCsv(fs, expected, ExpectedCountyYear.COLUMNS, new Path(tmp, "expected"), new Path(book, ExpectedCountyYear.FILE), StandardCharsets.UTF_8);
    LOG.info("expected figures written to {} ({} ms)", new Path(book, ExpectedCountyYear.FILE), ms(t));

    LandingFrames frames = new LandingFrames(params);
    ErrorInjection injection = new ErrorInjection(params.seed(), params.injectRate());
    Dataset<Row> injected = null;
    for (String file : LandingLayout.FILES) {
      t = System.nanoTime();
      Dataset<Row> frame =
          file.equals(LandingHouseholds.FILE)
              ? frames.households(householdYears, persons)
              : file.equals(LandingMembers.FILE) ? frames.members(householdYears, persons) : frames.population(villageYears);
      if (params.injectRate() > 0 && !file.equals(LandingPopulation.FILE)) {
        Dataset<Row> corrupted = injection.corrupt(frame, file);
        Dataset<Row> list = ErrorInjection.injected(corrupted, file);
        injected = injected == null ? list : injected.unionByName(list);
        frame = corrupted.drop(ErrorInjection.KIND, ErrorInjection.COPY);
      }
      ctx.describe("generate: write " + file);
      writePartitioned(frame, file, new Path(tmp, file));
      LOG.info("{} written for all batches ({} ms)", file, ms(t));
    }
    t = System.nanoTime();
    ctx.describe("generate: write " + LandingSurvey.FILE);
    writeSurvey(survey, new Path(tmp, LandingSurvey.FILE));
    LOG.info("{} written for all survey batches ({} ms)", LandingSurvey.FILE, ms(t));
    Dataset<Row> cooperationInjected = writeCooperation(ref, params, tmp);
    if (cooperationInjected != null) {
      injected = injected == null ? cooperationInjected : injected.unionByName(cooperationInjected);
    }
    long injectedLines = 0;
    if (injected != null) {
      t = System.nanoTime();
      ctx.describe("generate: injected error list");
      writeSingleCsv(fs, injected, InjectedErrors.COLUMNS, new Path(tmp, "injected"), new Path(book, InjectedErrors.FILE), StandardCharsets.UTF_8);
      injectedLines = countLines(fs, new Path(book, InjectedErrors.FILE)) - 1;
      LOG.info("{} injected errors listed in {} ({} ms)", injectedLines, new Path(book, InjectedErrors.FILE), ms(t));
    }

    long[] rows = new long[LandingLayout.FILES.size()];
    long bytes = 0;
    int batches = 0;
    for (String p : provinces) {
      Charset charset = gb18030.contains(p) ? Charset.forName(Manifest.ENCODING_GB18030) : StandardCharsets.UTF_8;
      for (int y = params.firstYear(); y <= params.lastYear(); y++) {
        long bt = System.nanoTime();
        String batchId = LandingLayout.batchId(p, y);
        Path dir = new Path(new Path(out, p), batchId);
        fs.mkdirs(dir);
        ObjectNode manifest = manifest(p, batchId, y, charset);
        ArrayNode files = manifest.putArray(Manifest.FILES);
        long[] batchRows = new long[LandingLayout.FILES.size()];
        for (int i = 0; i < LandingLayout.FILES.size(); i++) {
          String file = LandingLayout.FILES.get(i);
          Path partDir =
              new Path(new Path(new Path(tmp, file), LandingLayout.BATCH_PROVINCE + "=" + p), LandingLayout.BATCH_YEAR + "=" + y);
          Path target = new Path(dir, file);
          Placed placed = place(fs, partDir, target, charset, LandingLayout.columns(file));
          ObjectNode f = files.addObject();
          f.put(Manifest.FILE_NAME, file);
          f.put(Manifest.FILE_ROWS, placed.rows());
          f.put(Manifest.FILE_SHA256, placed.sha256());
          batchRows[i] = placed.rows();
          rows[i] += placed.rows();
          bytes += placed.bytes();
        }
        byte[] json = manifestBytes(manifest);
        try (OutputStream o = fs.create(new Path(dir, Manifest.FILE), true)) {
          o.write(json);
        }
        bytes += json.length;
        batches++;
        LOG.info(
            "batch {}: {} households, {} members, {} villages, {} ({} ms)",
            batchId, batchRows[0], batchRows[1], batchRows[2], charset.name(), ms(bt));
      }
    }
    batches += placeCooperation(fs, out, tmp, params, gb18030);
    batches += placeSurvey(fs, out, tmp, provinces, params, gb18030);
    fs.delete(tmp, true);
    for (Dataset<Row> d : List.of(survey, villageYears, householdYears, persons, households, counties)) {
      d.unpersist();
    }
    Result r =
        new Result(request.out(), provinces, batches, rows[0], rows[1], rows[2], injectedLines, bytes, Duration.between(start, Instant.now()));
    LOG.info(
        "generated {} batches: {} household lines, {} member lines, {} village lines, {} injected errors, {} MB in {} s",
        r.batches(), r.householdRows(), r.memberRows(), r.populationRows(), r.injectedLines(), r.bytes() / 1_000_000, r.elapsed().toMillis() / 1000.0);
    return r;
  }

  // ------------------------------------------------------------------ cooperation files

  /**
   * Writes the cooperation files of every helper of a generated province, partitioned like the
   * register files; returns the injected-error rows, or null when none were injected.
   */
  private Dataset<Row> writeCooperation(ReferenceData ref, GenerateParams params, Path tmp) {
    long t = System.nanoTime();
    List<Row> yearRows = new ArrayList<>();
    for (int y = params.firstYear(); y <= params.lastYear(); y++) {
      yearRows.add(org.apache.spark.sql.RowFactory.create(y));
    }
    Dataset<Row> years =
        ctx.spark().createDataFrame(
            yearRows, new org.apache.spark.sql.types.StructType().add(LandingLayout.BATCH_YEAR, org.apache.spark.sql.types.DataTypes.IntegerType));
    Dataset<Row> pairingYears = CooperationFrames.pairingYears(ref.pairings(), params, years).persist(StorageLevel.MEMORY_ONLY());
    Dataset<Row> injected = null;
    for (Cooperation.File f : Cooperation.File.values()) {
      ctx.describe("generate: write " + f.fileName());
      Dataset<Row> frame = CooperationFrames.frame(pairingYears, f, params);
      if (params.injectRate() > 0 && f == Cooperation.File.FUNDS) {
        injected = CooperationFrames.injected(frame, f);
      }
      List<Column> order = new ArrayList<>();
      for (String c : CooperationFrames.sortColumns()) {
        order.add(col(c));
      }
      writeByBatch(frame, f.columns(), order, new Path(tmp, f.fileName()));
    }
    pairingYears.unpersist();
    LOG.info("cooperation files written for all helper batches ({} ms)", ms(t));
    return injected;
  }

  /**
   * Puts each helper province's cooperation files of a year in a batch folder of their own, with
   * its manifest; the helper provinces are those Spark wrote a partition for (file metadata only).
   */
  private int placeCooperation(FileSystem fs, Path out, Path tmp, GenerateParams params, Set<String> gb18030) throws IOException {
    Path fundsDir = new Path(tmp, Cooperation.File.FUNDS.fileName());
    if (!fs.exists(fundsDir)) {
      return 0;
    }
    Set<String> helpers = new TreeSet<>();
    for (FileStatus s : fs.listStatus(fundsDir)) {
      String name = s.getPath().getName();
      if (s.isDirectory() && name.startsWith(LandingLayout.BATCH_PROVINCE + "=")) {
        helpers.add(name.substring(LandingLayout.BATCH_PROVINCE.length() + 1));
      }
    }
    int batches = 0;
    for (String p : helpers) {
      Charset charset = gb18030.contains(p) ? Charset.forName(Manifest.ENCODING_GB18030) : StandardCharsets.UTF_8;
      for (int y = params.firstYear(); y <= params.lastYear(); y++) {
        String batchId = LandingLayout.cooperationBatchId(p, y);
        Path dir = new Path(new Path(out, p), batchId);
        fs.delete(dir, true);
        fs.mkdirs(dir);
        ObjectNode manifest = manifest(p, batchId, y, charset);
        ArrayNode files = manifest.putArray(Manifest.FILES);
        long lines = 0;
        for (Cooperation.File f : Cooperation.File.values()) {
          Path partDir =
              new Path(new Path(new Path(tmp, f.fileName()), LandingLayout.BATCH_PROVINCE + "=" + p), LandingLayout.BATCH_YEAR + "=" + y);
          Placed placed = place(fs, partDir, new Path(dir, f.fileName()), charset, f.columns());
          ObjectNode o = files.addObject();
          o.put(Manifest.FILE_NAME, f.fileName());
          o.put(Manifest.FILE_ROWS, placed.rows());
          o.put(Manifest.FILE_SHA256, placed.sha256());
          lines += placed.rows();
        }
        try (OutputStream o = fs.create(new Path(dir, Manifest.FILE), true)) {
          o.write(manifestBytes(manifest));
        }
        batches++;
        LOG.info("cooperation batch {}: {} lines in {} files", batchId, lines, Cooperation.File.values().length);
      }
    }
    return batches;
  }

  // ------------------------------------------------------------------ third-party survey

  /** Writes the survey lines partitioned by province and year, one sorted file per batch. */
  private static void writeSurvey(Dataset<Row> survey, Path dir) {
    List<Column> order = new ArrayList<>();
    for (String c : SurveyFrames.sortColumns()) {
      order.add(col(c));
    }
    writeByBatch(SurveyFrames.frame(survey), LandingSurvey.COLUMNS, order, dir);
  }

  /**
   * Puts each province's survey of a year in a batch folder of its own, with its manifest; only the
   * province-years that have survey lines (file metadata only) get a batch, since a header-only
   * file is refused at ingest.
   */
  private int placeSurvey(FileSystem fs, Path out, Path tmp, List<String> provinces, GenerateParams params, Set<String> gb18030)
      throws IOException {
    Path dir = new Path(tmp, LandingSurvey.FILE);
    int batches = 0;
    for (String p : provinces) {
      Charset charset = gb18030.contains(p) ? Charset.forName(Manifest.ENCODING_GB18030) : StandardCharsets.UTF_8;
      for (int y = params.firstYear(); y <= params.lastYear(); y++) {
        Path partDir = new Path(new Path(dir, LandingLayout.BATCH_PROVINCE + "=" + p), LandingLayout.BATCH_YEAR + "=" + y);
        if (!fs.exists(partDir)) {
          continue;
        }
        String batchId = LandingLayout.surveyBatchId(p, y);
        Path batch = new Path(new Path(out, p), batchId);
        fs.mkdirs(batch);
        ObjectNode manifest = manifest(p, batchId, y, charset);
        ArrayNode files = manifest.putArray(Manifest.FILES);
        Placed placed = place(fs, partDir, new Path(batch, LandingSurvey.FILE), charset, LandingSurvey.COLUMNS);
        ObjectNode o = files.addObject();
        o.put(Manifest.FILE_NAME, LandingSurvey.FILE);
        o.put(Manifest.FILE_ROWS, placed.rows());
        o.put(Manifest.FILE_SHA256, placed.sha256());
        try (OutputStream os = fs.create(new Path(batch, Manifest.FILE), true)) {
          os.write(manifestBytes(manifest));
        }
        batches++;
        LOG.info("survey batch {}: {} counties", batchId, placed.rows());
      }
    }
    return batches;
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /**
   * The requested provinces, checked against provinces.csv, or every province with poor counties
   * when none was requested. Read as one aggregate row.
   */
  private List<String> resolveProvinces(ReferenceData ref) {
    Dataset<Row> all = ref.provinces();
    Column codes = concat_ws(",", sort_array(collect_list(col(ReferenceData.Provinces.PROVINCE_CODE))));
    if (request.provinces().isEmpty()) {
      String list = all.filter(col(ReferenceData.Provinces.HAS_POOR_COUNTIES)).agg(codes).first().getString(0);
      return Arrays.asList(list.split(","));
    }
    Set<String> known =
        new TreeSet<>(Arrays.asList(all.filter(col(ReferenceData.Provinces.PROVINCE_CODE).isin(request.provinces().toArray())).agg(codes).first().getString(0).split(",")));
    for (String p : request.provinces()) {
      if (!known.contains(p)) {
        throw Errors.usage("--provinces", "names " + p + ", which is not a province of conf/reference/provinces.csv", "use codes such as 52 or 520000");
      }
    }
    return new ArrayList<>(new TreeSet<>(request.provinces()));
  }

  /** Writes one CSV file per (province, year) partition, rows in the file's fixed order. */
  private static void writePartitioned(Dataset<Row> frame, String file, Path dir) {
    List<Column> order = new ArrayList<>();
    for (String c : LandingLayout.sortColumns(file)) {
      order.add(col(c).asc_nulls_first());
    }
    writeByBatch(frame, LandingLayout.columns(file), order, dir);
  }

  /**
   * Writes a landing frame's columns as one UTF-8 CSV part file per (province, year) partition, its
   * lines in the given order; {@link #place} then moves each to its batch folder.
   */
  private static void writeByBatch(Dataset<Row> frame, List<String> columns, List<Column> order, Path dir) {
    List<Column> select = new ArrayList<>();
    for (String c : columns) {
      select.add(col(c));
    }
    select.add(col(LandingLayout.BATCH_PROVINCE));
    select.add(col(LandingLayout.BATCH_YEAR));
    frame
        .select(select.toArray(new Column[0]))
        .repartition(col(LandingLayout.BATCH_PROVINCE), col(LandingLayout.BATCH_YEAR))
        .sortWithinPartitions(order.toArray(new Column[0]))
        .write()
        .mode("overwrite")
        .partitionBy(LandingLayout.BATCH_PROVINCE, LandingLayout.BATCH_YEAR)
        .option("header", "true")
        .option("encoding", StandardCharsets.UTF_8.name())
        .option("lineSep", "\n")
        .csv(dir.toString());
  }

  /** Writes a small frame as one sorted CSV file with an exact name, in a charset; returns what was placed. */
  static Placed writeSingleCsv(FileSystem fs, Dataset<Row> frame, List<String> columns, Path tmp, Path target, Charset charset)
      throws IOException {
    List<Column> cols = new ArrayList<>();
    for (String c : columns) {
      cols.add(col(c));
    }
    frame
        .select(cols.toArray(new Column[0]))
        .repartition(1)
        .sortWithinPartitions(cols.toArray(new Column[0]))
        .write()
        .mode("overwrite")
        .option("header", "true")
        .option("lineSep", "\n")
        .csv(tmp.toString());
    return place(fs, tmp, target, charset, columns);
  }

  /** A file put in place: its data rows (header excluded), SHA-256 and size. */
  record Placed(long rows, String sha256, long bytes) {}

  /**
   * Moves the single part file of a Spark output folder to its exact name, transcoding from UTF-8
   * when the target charset differs, and hashes the bytes written. An empty partition (a batch
   * without rows of that kind) becomes a header-only file.
   */
  static Placed place(FileSystem fs, Path partDir, Path target, Charset charset, List<String> columns)
      throws IOException {
    Path part = null;
    if (fs.exists(partDir)) {
      for (FileStatus s : fs.listStatus(partDir)) {
        String name = s.getPath().getName();
        if (name.startsWith("part-") && name.endsWith(".csv")) {
          if (part != null) {
            throw Errors.failure("placing " + target, new IllegalStateException("more than one part file in " + partDir));
          }
          part = s.getPath();
        }
      }
    }
    MessageDigest sha = sha256();
    long newlines = 0;
    long bytes = 0;
    try (OutputStream raw = fs.create(target, true);
        CountingStream counted = new CountingStream(new DigestOutputStream(raw, sha))) {
      if (part == null) {
        Writer w = new OutputStreamWriter(counted, charset);
        w.write(String.join(",", columns) + "\n");
        w.flush();
      } else if (charset.equals(StandardCharsets.UTF_8)) {
        try (InputStream in = fs.open(part)) {
          in.transferTo(counted);
        }
      } else {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(part), StandardCharsets.UTF_8), BUFFER)) {
          Writer w = new BufferedWriter(new OutputStreamWriter(counted, charset), BUFFER);
          r.transferTo(w);
          w.flush();
        }
      }
      newlines = counted.newlines();
      bytes = counted.bytes();
    }
    if (part != null) {
      fs.delete(partDir, true);
    }
    return new Placed(newlines - 1, HexFormat.of().formatHex(sha.digest()), bytes);
  }

  private static long countLines(FileSystem fs, Path p) throws IOException {
    long n = 0;
    try (InputStream in = fs.open(p)) {
      byte[] buf = new byte[BUFFER];
      int k;
      while ((k = in.read(buf)) > 0) {
        for (int i = 0; i < k; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw Errors.failure("hashing landing files", e);
    }
  }

  /** The local file system without checksum side files, so that batch folders hold only their files. */
  private FileSystem rawFileSystem(Path p) throws IOException {
    FileSystem fs = p.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
    return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
  }

  static ObjectNode manifest(String province, String batchId, int year, Charset charset) {
    ObjectNode m = new ObjectMapper().createObjectNode();
    m.put(Manifest.PROVINCE_CODE, province);
    m.put(Manifest.BATCH_ID, batchId);
    m.put(Manifest.REPORTING_YEAR, year);
    m.put(Manifest.SNAPSHOT_DATE, LandingLayout.snapshotDate(year));
    m.put(Manifest.ENCODING, charset.equals(StandardCharsets.UTF_8) ? Manifest.ENCODING_UTF8 : Manifest.ENCODING_GB18030);
    m.put(Manifest.KIND, Manifest.KIND_FULL);
    return m;
  }

  /** Pretty JSON with \n line ends whatever the platform, so that manifests are byte-identical. */
  static byte[] manifestBytes(ObjectNode manifest) throws IOException {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    String json = new ObjectMapper().writer(printer).writeValueAsString(manifest) + "\n";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Counts bytes and line feeds of what passes through. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    private long bytes;
    private long newlines;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
      if (b == '\n') {
        newlines++;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          newlines++;
        }
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    long bytes() {
      return bytes;
    }

    long newlines() {
      return newlines;
    }
  }
}
