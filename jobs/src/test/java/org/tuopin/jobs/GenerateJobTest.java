package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.domain.Codebook;
import org.tuopin.common.generate.ErrorKind;
import org.tuopin.common.generate.LandingLayout;
import org.tuopin.common.id.DivisionCode;
import org.tuopin.common.id.ResidentId;
import org.tuopin.common.schema.ExpectedCountyYear;
import org.tuopin.common.schema.InjectedErrors;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.LandingSurvey;
import org.tuopin.common.schema.Manifest;
import org.tuopin.common.schema.Schemas;
import org.tuopin.common.test.SharedSpark;

/**
 * The generator on a small run (300 households in Guizhou, delivered in GB18030, and Ningxia, in
 * UTF-8, over two years): byte-identical reruns, valid IDs and codes, manifests that match their
 * files, and expected figures equal to a recount of the files.
 */
@ExtendWith(SharedSpark.class)
class GenerateJobTest {
  private static final List<String> PROVINCES = List.of("520000", "640000");
  private static final long HOUSEHOLDS = 300;
  private static final long SEED = 11;
  private static final int FIRST = 2016;
  private static final int LAST = 2017;

  private static Path run;

  @BeforeAll
  static void generate() {
    run = GeneratorFixture.generate("gen-a", PROVINCES, HOUSEHOLDS, SEED, FIRST, LAST, 0.0);
  }

  @Test
  void sameArgumentsGiveByteIdenticalFiles() throws IOException {
    Path again = GeneratorFixture.generate("gen-b", PROVINCES, HOUSEHOLDS, SEED, FIRST, LAST, 0.0);
    Map<String, String> a = GeneratorFixture.hashes(run);
    Map<String, String> b = GeneratorFixture.hashes(again);
    // 2 provinces x 2 years x (manifest + 3 CSV files) + the expected figures, and the cooperation
    // batches of their 7 helper provinces (大连 辽宁, 上海, 苏州 江苏, 杭州 宁波 浙江, 青岛 山东, 广州 广东
    // for 贵州; 福建 for 宁夏) x 2 years x (manifest + 5 CSV files), and the survey batches (manifest +
    // survey.csv) of the province-years with a de-listing cohort: 贵州 2016 and 2017, 宁夏 2017.
    assertEquals(2 * 2 * 4 + 1 + 7 * 2 * 6 + 3 * 2, a.size(), a.keySet().toString());
    assertEquals(a, b);
  }

  @Test
  void layoutIsOneFullBatchPerProvinceAndYear() throws IOException {
    List<Path> batches = GeneratorFixture.batches(run);
    List<String> names = new ArrayList<>();
    for (Path b : batches) {
      names.add(run.relativize(b).toString());
    }
    assertEquals(
        List.of(
            "520000/520000-2016-FULL-001", "520000/520000-2017-FULL-001",
            "640000/640000-2016-FULL-001", "640000/640000-2017-FULL-001"),
        names);
    for (Path b : batches) {
      JsonNode m = GeneratorFixture.manifest(b);
      String province = b.getParent().getFileName().toString();
      int year = m.get(Manifest.REPORTING_YEAR).asInt();
      assertEquals(province, m.get(Manifest.PROVINCE_CODE).asText());
      assertEquals(b.getFileName().toString(), m.get(Manifest.BATCH_ID).asText());
      assertEquals(year + "-12-31", m.get(Manifest.SNAPSHOT_DATE).asText());
      assertEquals(Manifest.KIND_FULL, m.get(Manifest.KIND).asText());
      assertEquals(province.equals("520000") ? "GB18030" : "UTF-8", m.get(Manifest.ENCODING).asText());
      try (var files = Files.list(b)) {
        assertEquals(Set.of(Manifest.FILE, LandingHouseholds.FILE, LandingMembers.FILE, LandingPopulation.FILE),
            new HashSet<>(files.map(p -> p.getFileName().toString()).toList()));
      }
    }
    assertTrue(Files.isRegularFile(run.resolve("_generator").resolve(ExpectedCountyYear.FILE)));
  }

  @Test
  void surveyBatchesHoldOneLinePerPoorCountyOfItsCohortWithinTheBoundsAndTheExpectedRates() throws IOException {
    Map<String, Integer> cohort = new HashMap<>();
    List<String> poor = Files.readAllLines(Path.of(GeneratorFixture.REFERENCE, "poor_counties.csv"));
    int delisted = List.of(GeneratorFixture.fields(poor.get(0))).indexOf("delisted_year");
    for (String l : poor.subList(1, poor.size())) {
      cohort.put(l.substring(0, 6), Integer.parseInt(GeneratorFixture.fields(l)[delisted]));
    }
    Map<String, String> expectedRates = new HashMap<>();
    List<String> expected = Files.readAllLines(run.resolve("_generator").resolve(ExpectedCountyYear.FILE));
    for (String l : expected.subList(1, expected.size())) {
      String[] f = GeneratorFixture.fields(l);
      String missed = f[ExpectedCountyYear.COLUMNS.indexOf(ExpectedCountyYear.MISSED_RATE)];
      if (!missed.isEmpty()) {
        expectedRates.put(f[0] + "/" + f[1], missed + "/" + f[ExpectedCountyYear.COLUMNS.indexOf(ExpectedCountyYear.APPROVAL_RATE)]);
      }
    }
    List<String> names = new ArrayList<>();
    Map<String, String> rates = new HashMap<>();
    for (Path b : GeneratorFixture.surveyBatches(run)) {
      names.add(run.relativize(b).toString());
      String province = b.getParent().getFileName().toString();
      JsonNode m = GeneratorFixture.manifest(b);
      int year = m.get(Manifest.REPORTING_YEAR).asInt();
      assertEquals(LandingLayout.surveyBatchId(province, year), m.get(Manifest.BATCH_ID).asText());
      assertEquals(1, m.get(Manifest.FILES).size());
      JsonNode f = m.get(Manifest.FILES).get(0);
      assertEquals(LandingSurvey.FILE, f.get(Manifest.FILE_NAME).asText());
      assertEquals(GeneratorFixture.sha256(Files.readAllBytes(b.resolve(LandingSurvey.FILE))), f.get(Manifest.FILE_SHA256).asText());
      List<String> lines = GeneratorFixture.lines(b, LandingSurvey.FILE);
      assertEquals(String.join(",", LandingSurvey.COLUMNS), lines.get(0));
      assertEquals(lines.size() - 1, f.get(Manifest.FILE_ROWS).asLong());
      for (String line : lines.subList(1, lines.size())) {
        String[] v = GeneratorFixture.fields(line);
        String county = v[LandingSurvey.COLUMNS.indexOf(LandingSurvey.COUNTY_CODE)];
        long surveyed = Long.parseLong(v[LandingSurvey.COLUMNS.indexOf(LandingSurvey.SURVEYED_HOUSEHOLDS)]);
        long missed = Long.parseLong(v[LandingSurvey.COLUMNS.indexOf(LandingSurvey.MISSED_HOUSEHOLDS)]);
        long approving = Long.parseLong(v[LandingSurvey.COLUMNS.indexOf(LandingSurvey.APPROVING_HOUSEHOLDS)]);
        assertEquals(String.valueOf(year), v[LandingSurvey.COLUMNS.indexOf(LandingSurvey.REPORTING_YEAR)]);
        assertEquals(province, DivisionCode.provinceOf(county), county);
        assertEquals(year, cohort.get(county), "a survey line only in the county's de-listing year: " + county);
        assertTrue(surveyed >= 300 && surveyed <= 2000, line);
        assertTrue(missed < 0.02 * surveyed && approving >= 0.9 * surveyed && approving <= surveyed, line);
        rates.put(county + "/" + year, ((double) missed / surveyed) + "/" + ((double) approving / surveyed));
      }
    }
    assertEquals(
        List.of("520000/520000-2016-FULL-SURVEY-001", "520000/520000-2017-FULL-SURVEY-001", "640000/640000-2017-FULL-SURVEY-001"),
        names);
    // Every line is in the expected figures with its rates, and no other county-year has rates there.
    assertEquals(rates, expectedRates);
    assertTrue(rates.size() >= 3, rates.toString());
  }

  @Test
  void manifestsMatchTheirFilesAndEncodingsDecodeCleanly() throws IOException {
    for (Path b : GeneratorFixture.batches(run)) {
      JsonNode m = GeneratorFixture.manifest(b);
      assertEquals(3, m.get(Manifest.FILES).size());
      for (JsonNode f : m.get(Manifest.FILES)) {
        String name = f.get(Manifest.FILE_NAME).asText();
        byte[] bytes = Files.readAllBytes(b.resolve(name));
        assertEquals(GeneratorFixture.sha256(bytes), f.get(Manifest.FILE_SHA256).asText(), b + "/" + name);
        List<String> lines = GeneratorFixture.lines(b, name);
        assertEquals(lines.size() - 1, f.get(Manifest.FILE_ROWS).asLong(), b + "/" + name);
        assertEquals(String.join(",", LandingLayout.columns(name)), lines.get(0));
        int columns = LandingLayout.columns(name).size();
        for (String line : lines) {
          assertEquals(columns, GeneratorFixture.fields(line).length, name);
        }
        if (m.get(Manifest.ENCODING).asText().equals(Manifest.ENCODING_GB18030) && !name.equals(LandingPopulation.FILE)) {
          // Chinese labels really are GB18030 bytes: the same file is not valid UTF-8.
          assertThrows(CharacterCodingException.class, () -> GeneratorFixture.decodeStrict(bytes, StandardCharsets.UTF_8));
        }
      }
    }
  }

  @Test
  void everyIdIsValidAndInItsCountyAndEveryVillageInsideItsCounty() throws IOException {
    Set<String> knownCounties = knownCounties();
    Set<String> ids = new HashSet<>();
    int members = 0;
    for (Path b : GeneratorFixture.batches(run)) {
      String province = b.getParent().getFileName().toString();
      Map<String, String> headOf = new HashMap<>();
      List<String> ml = GeneratorFixture.lines(b, LandingMembers.FILE);
      for (String line : ml.subList(1, ml.size())) {
        String[] f = GeneratorFixture.fields(line);
        String id = f[LandingMembers.COLUMNS.indexOf(LandingMembers.RESIDENT_ID)];
        String household = f[LandingMembers.COLUMNS.indexOf(LandingMembers.HOUSEHOLD_ID)];
        String sex = f[LandingMembers.COLUMNS.indexOf(LandingMembers.SEX)];
        String birth = f[LandingMembers.COLUMNS.indexOf(LandingMembers.BIRTH_DATE)];
        String year = f[LandingMembers.COLUMNS.indexOf(LandingMembers.REPORTING_YEAR)];
        assertEquals(Optional.empty(), ResidentId.validate(id), "an ID of household " + household);
        assertEquals(household.substring(0, 6), id.substring(0, 6), "ID area code = county of household " + household);
        assertEquals(sex.equals(Codebook.Sex.MALE.label()), ResidentId.isMale(id), "sex parity in household " + household);
        assertEquals(Optional.of(LocalDate.parse(birth)), ResidentId.birthDate(id));
        assertTrue(ids.add(id + "/" + year), "one row per person and year");
        if (f[LandingMembers.COLUMNS.indexOf(LandingMembers.RELATION)].equals(Codebook.Relation.HEAD.label())) {
          headOf.put(household, id);
        }
        members++;
      }
      List<String> hl = GeneratorFixture.lines(b, LandingHouseholds.FILE);
      for (String line : hl.subList(1, hl.size())) {
        String[] f = GeneratorFixture.fields(line);
        String household = f[LandingHouseholds.COLUMNS.indexOf(LandingHouseholds.HOUSEHOLD_ID)];
        String village = f[LandingHouseholds.COLUMNS.indexOf(LandingHouseholds.VILLAGE_CODE)];
        assertTrue(DivisionCode.isVillageCode(village), village);
        assertTrue(knownCounties.contains(DivisionCode.countyOfVillage(village)), village);
        assertEquals(province, DivisionCode.provinceOf(village));
        assertTrue(household.matches("[0-9]{16}") && household.startsWith(village), household);
        assertEquals(headOf.get(household), f[LandingHouseholds.COLUMNS.indexOf(LandingHouseholds.HEAD_RESIDENT_ID)]);
      }
      List<String> pl = GeneratorFixture.lines(b, LandingPopulation.FILE);
      for (String line : pl.subList(1, pl.size())) {
        String village = GeneratorFixture.fields(line)[0];
        assertTrue(DivisionCode.isVillageCode(village) && knownCounties.contains(DivisionCode.countyOfVillage(village)), village);
      }
    }
    assertTrue(members > 2 * HOUSEHOLDS * 2, "about 3.2 members per household-year: " + members);
    // The same person carries the same ID every year.
    assertEquals(members, ids.size());
  }

  @Test
  void expectedFiguresEqualARecountOfTheFiles() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> households = readAll(spark, LandingHouseholds.FILE, LandingHouseholds.COLUMNS);
    Dataset<Row> population = readAll(spark, LandingPopulation.FILE, LandingPopulation.COLUMNS);
    Dataset<Row> recount = Recount.countyYears(households, population);
    Dataset<Row> expected =
        spark.read().option("header", "true").schema(Schemas.allStrings(ExpectedCountyYear.COLUMNS))
            .csv(run.resolve("_generator").resolve(ExpectedCountyYear.FILE).toString());
    // Same types and nullability on both sides, so that only values can differ.
    List<Column> typed = new ArrayList<>();
    typed.add(nullable(col(ExpectedCountyYear.COUNTY_CODE)).as(ExpectedCountyYear.COUNTY_CODE));
    typed.add(nullable(col(ExpectedCountyYear.REPORTING_YEAR).cast("int")).as(ExpectedCountyYear.REPORTING_YEAR));
    for (String c : ExpectedCountyYear.COUNTS) {
      typed.add(nullable(col(c).cast("long")).as(c));
    }
    Dataset<Row> exp = expected.select(typed.toArray(new Column[0]));
    assertTrue(exp.count() > 20, "county-years expected");
    SharedSpark.assertSameRows(exp, recount.select(typed.toArray(new Column[0])));
  }

  @Test
  void injectedErrorsAreListedWhereTheyAreAndLeaveTheRestClean() throws IOException {
    Path bad = GeneratorFixture.generate("gen-errors", PROVINCES, HOUSEHOLDS, SEED, FIRST, LAST, 0.05);
    Path list = bad.resolve("_generator").resolve(InjectedErrors.FILE);
    List<String> rows = Files.readAllLines(list, StandardCharsets.UTF_8);
    assertEquals(String.join(",", InjectedErrors.COLUMNS), rows.get(0));
    // About 5 % of some 2,500 data lines.
    assertTrue(rows.size() - 1 > 60 && rows.size() - 1 < 200, "injected lines: " + (rows.size() - 1));
    // The expected figures describe the clean data: the same as those of the clean run.
    assertEquals(
        GeneratorFixture.sha256(Files.readAllBytes(run.resolve("_generator").resolve(ExpectedCountyYear.FILE))),
        GeneratorFixture.sha256(Files.readAllBytes(bad.resolve("_generator").resolve(ExpectedCountyYear.FILE))));
    Map<String, Set<Integer>> listed = new HashMap<>();
    Set<ErrorKind> seen = new HashSet<>();
    Set<String> knownCounties = knownCounties();
    for (String row : rows.subList(1, rows.size())) {
      String[] r = GeneratorFixture.fields(row);
      if (r[InjectedErrors.COLUMNS.indexOf(InjectedErrors.FILE_NAME)].startsWith("cooperation_")) {
        // The helpers' cooperation lines: AssessJobTest follows them to quarantine.
        continue;
      }
      ErrorKind kind = ErrorKind.valueOf(r[InjectedErrors.COLUMNS.indexOf(InjectedErrors.KIND)]);
      seen.add(kind);
      assertEquals(kind.ruleId(), r[InjectedErrors.COLUMNS.indexOf(InjectedErrors.EXPECTED_OUTCOME)]);
      String province = r[InjectedErrors.COLUMNS.indexOf(InjectedErrors.PROVINCE_CODE)];
      Path batch = bad.resolve(province).resolve(r[InjectedErrors.COLUMNS.indexOf(InjectedErrors.BATCH_ID)]);
      String file = r[InjectedErrors.COLUMNS.indexOf(InjectedErrors.FILE_NAME)];
      int line = Integer.parseInt(r[InjectedErrors.COLUMNS.indexOf(InjectedErrors.LINE)]);
      listed.computeIfAbsent(batch + "/" + file, k -> new HashSet<>()).add(line);
      List<String> lines = GeneratorFixture.lines(batch, file);
      String[] f = GeneratorFixture.fields(lines.get(line - 1));
      assertEquals(LandingLayout.columns(file).size(), f.length, "well-formed " + kind);
      assertTrue(shows(kind, file, f, lines.get(line - 2), lines.get(line - 1), knownCounties), kind + " at " + file + ":" + line);
    }
    assertTrue(seen.size() >= 10, "most kinds occur: " + seen);
    for (Path b : GeneratorFixture.batches(bad)) {
      JsonNode m = GeneratorFixture.manifest(b);
      for (JsonNode f : m.get(Manifest.FILES)) {
        String name = f.get(Manifest.FILE_NAME).asText();
        assertEquals(GeneratorFixture.sha256(Files.readAllBytes(b.resolve(name))), f.get(Manifest.FILE_SHA256).asText());
        List<String> lines = GeneratorFixture.lines(b, name);
        assertEquals(lines.size() - 1, f.get(Manifest.FILE_ROWS).asLong());
        if (name.equals(LandingPopulation.FILE)) {
          continue;
        }
        // Every line not listed carries a valid ID.
        Set<Integer> hit = listed.getOrDefault(b + "/" + name, Set.of());
        int idColumn =
            name.equals(LandingMembers.FILE)
                ? LandingMembers.COLUMNS.indexOf(LandingMembers.RESIDENT_ID)
                : LandingHouseholds.COLUMNS.indexOf(LandingHouseholds.HEAD_RESIDENT_ID);
        for (int i = 2; i <= lines.size(); i++) {
          if (!hit.contains(i)) {
            assertEquals(Optional.empty(), ResidentId.validate(GeneratorFixture.fields(lines.get(i - 1))[idColumn]), name + ":" + i);
          }
        }
      }
    }
  }

  /** True when a corrupted line shows its kind's fault. */
  private static boolean shows(ErrorKind kind, String file, String[] f, String previous, String line, Set<String> counties) {
    boolean members = file.equals(LandingMembers.FILE);
    List<String> cols = LandingLayout.columns(file);
    String id = members ? f[cols.indexOf(LandingMembers.RESIDENT_ID)] : f[cols.indexOf(LandingHouseholds.HEAD_RESIDENT_ID)];
    switch (kind) {
      case BAD_CHECK_CHARACTER:
        return ResidentId.validate(id).equals(Optional.of(ResidentId.Problem.CHECK_CHARACTER));
      case LEGACY_15_DIGIT_ID:
        return ResidentId.validate(id).equals(Optional.of(ResidentId.Problem.LEGACY_15_DIGITS));
      case IMPOSSIBLE_BIRTH_DATE:
        return ResidentId.validate(id).equals(Optional.of(ResidentId.Problem.BIRTH_DATE));
      case DUPLICATE_LINE:
        return line.equals(previous);
      case MISSING_REQUIRED_FIELD:
        return members ? f[cols.indexOf(LandingMembers.SEX)].isEmpty() : f[cols.indexOf(LandingHouseholds.HOUSEHOLD_SIZE)].isEmpty();
      case NON_NUMERIC_INCOME:
        return !f[cols.indexOf(LandingHouseholds.PER_CAPITA_INCOME)].matches("-?[0-9]+");
      case NEGATIVE_INCOME:
        return f[cols.indexOf(LandingHouseholds.PER_CAPITA_INCOME)].matches("-[0-9]+");
      case UNKNOWN_ATTRIBUTE:
        return !Codebook.labels(Codebook.HouseholdAttribute.class).contains(f[cols.indexOf(LandingHouseholds.ATTRIBUTE)]);
      case FUTURE_YEAR:
        return Integer.parseInt(f[cols.indexOf(LandingHouseholds.IDENTIFIED_YEAR)]) > Integer.parseInt(f[cols.indexOf(LandingHouseholds.REPORTING_YEAR)]);
      case VILLAGE_OUTSIDE_COUNTY:
        String village = f[cols.indexOf(LandingHouseholds.VILLAGE_CODE)];
        return !counties.contains(village.substring(0, 6)) && !f[cols.indexOf(LandingHouseholds.HOUSEHOLD_ID)].startsWith(village);
      case EXITED_WITHOUT_EXIT_YEAR:
        return f[cols.indexOf(LandingHouseholds.STATUS)].equals("EXITED") && f[cols.indexOf(LandingHouseholds.EXIT_YEAR)].isEmpty();
      case MONTHS_WORKED_OUT_OF_RANGE:
        return Integer.parseInt(f[cols.indexOf(LandingMembers.MONTHS_WORKED)]) > 12;
      case ORPHAN_MEMBER:
        return f[cols.indexOf(LandingMembers.HOUSEHOLD_ID)].endsWith("0000");
      default:
        return false;
    }
  }

  private static Column nullable(Column c) {
    return when(c.isNotNull(), c);
  }

  private static Set<String> knownCounties() throws IOException {
    Set<String> out = new HashSet<>();
    for (String file : List.of("counties.csv", "poor_counties.csv")) {
      List<String> lines = Files.readAllLines(Path.of(GeneratorFixture.REFERENCE, file));
      for (String l : lines.subList(1, lines.size())) {
        out.add(l.substring(0, 6));
      }
    }
    return out;
  }

  /** Reads one file kind of every batch of the run, each with its manifest's encoding. */
  private static Dataset<Row> readAll(SparkSession spark, String file, List<String> columns) {
    Dataset<Row> all = null;
    for (String province : PROVINCES) {
      String encoding = province.equals("520000") ? "GB18030" : "UTF-8";
      Dataset<Row> d =
          spark.read().option("header", "true").option("encoding", encoding).schema(Schemas.allStrings(columns))
              .csv(run.resolve(province).resolve("*").resolve(file).toString());
      all = all == null ? d : all.unionByName(d);
    }
    return all;
  }
}
