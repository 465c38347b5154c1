package org.tuopin.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.schema.Manifest;
import org.tuopin.common.test.SharedSpark;

/** Runs the generator into temporary folders and reads what it wrote, for the generator tests. */
final class GeneratorFixture {
  private GeneratorFixture() {}

  static final String REFERENCE = "../conf/reference";

  static TuopinConfig config() {
    return config("");
  }

  /** The reference data, a fresh warehouse, and further settings written as in a --conf file (HOCON). */
  static TuopinConfig config(String conf) {
    Path wh = SharedSpark.tempDir("wh");
    Map<String, String> paths = Map.of("paths.reference", REFERENCE, "paths.warehouse", wh.toString());
    if (conf.isEmpty()) {
      return TuopinConfig.load(null, paths);
    }
    try {
      Path file = Files.writeString(wh.resolve("test.conf"), conf);
      return TuopinConfig.load(file.toFile(), paths);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Generates into a fresh folder and returns it. */
  static Path generate(String name, List<String> provinces, long households, long seed, int first, int last, double rate) {
    return generate(name, provinces, households, seed, first, last, rate, "");
  }

  /**
   * Generates into a fresh folder with further settings (HOCON, as in a --conf file; e.g. the
   * generator's GB18030 provinces) and returns it.
   */
  static Path generate(String name, List<String> provinces, long households, long seed, int first, int last, double rate, String conf) {
    Path out = SharedSpark.tempDir(name);
    TuopinConfig config = config(conf);
    JobContext ctx = JobContext.create(SharedSpark.spark(), config);
    try {
      new GenerateJob(ctx, new GenerateJob.Request(out.toString(), provinces, households, seed, first, last, rate)).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Relative path to SHA-256 of every regular file under a folder. */
  static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every register batch folder (one with a manifest, not a cooperation or survey batch) under a landing root, sorted. */
  static List<Path> batches(Path root) throws IOException {
    return allBatches(root).stream().filter(p -> !isCooperation(p) && !isSurvey(p)).toList();
  }

  /** The provinces' third-party survey batch folders under a landing root, sorted. */
  static List<Path> surveyBatches(Path root) throws IOException {
    return allBatches(root).stream().filter(GeneratorFixture::isSurvey).toList();
  }

  private static boolean isSurvey(Path batch) {
    return batch.getFileName().toString().endsWith(org.tuopin.common.generate.LandingLayout.SURVEY_SEQUENCE);
  }

  /** The helpers' cooperation batch folders under a landing root, sorted. */
  static List<Path> cooperationBatches(Path root) throws IOException {
    return allBatches(root).stream().filter(GeneratorFixture::isCooperation).toList();
  }

  private static boolean isCooperation(Path batch) {
    return batch.getFileName().toString().endsWith(org.tuopin.common.generate.LandingLayout.COOPERATION_SEQUENCE);
  }

  private static List<Path> allBatches(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().equals(Manifest.FILE))
          .map(Path::getParent)
          .sorted()
          .toList();
    }
  }

  static JsonNode manifest(Path batch) throws IOException {
    try (InputStream in = Files.newInputStream(batch.resolve(Manifest.FILE))) {
      return new ObjectMapper().readTree(in);
    }
  }

  static Charset charset(Path batch) throws IOException {
    return Charset.forName(manifest(batch).get(Manifest.ENCODING).asText());
  }

  /** Decodes strictly: a byte sequence that is not valid in the charset fails. */
  static String decodeStrict(byte[] bytes, Charset cs) throws CharacterCodingException {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** The lines of a landing file (header first), decoded with the batch's declared encoding. */
  static List<String> lines(Path batch, String file) throws IOException {
    String text = decodeStrict(Files.readAllBytes(batch.resolve(file)), charset(batch));
    return Arrays.asList(text.split("\n", -1)).subList(0, text.endsWith("\n") ? text.split("\n", -1).length - 1 : text.split("\n", -1).length);
  }

  /** The fields of a CSV line the generator writes (no quoting needed: no field holds a comma). */
  static String[] fields(String line) {
    return line.split(",", -1);
  }
}
