package org.tuopin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.domain.Codebook.HouseholdStatus;
import org.tuopin.common.domain.Codebook.YesNo;
import org.tuopin.common.schema.ExpectedCountyYear;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.Manifest;
import org.tuopin.common.schema.Schemas;
import org.tuopin.common.test.SharedSpark;

/**
 * The generator on a medium run (12,000 households in Guizhou and Yunnan, 2014-2020) looks like the
 * register: poor counties cross their threshold in their de-listing year, incidence falls every
 * year to almost nothing in 2020, households have about 3.2 persons, exits are above the line
 * apart from a few questionable ones. The figures come from the expected file, which
 * {@link GenerateJobTest} proves equal to a recount of the files.
 */
@ExtendWith(SharedSpark.class)
class GeneratorRealismTest {
  /** Counties below this rural population are too small for the rank allocation to be exact. */
  private static final long MIN_RURAL_POPULATION = 500;

  private static Path run;
  private static final Map<String, Map<Integer, long[]>> figures = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    run = GeneratorFixture.generate("gen-medium", List.of("520000", "530000"), 12_000, 20141231, 2014, 2020, 0.0);
    List<String> lines = Files.readAllLines(run.resolve("_generator").resolve(ExpectedCountyYear.FILE));
    int poor = ExpectedCountyYear.COLUMNS.indexOf(ExpectedCountyYear.POOR_PERSONS);
    int pop = ExpectedCountyYear.COLUMNS.indexOf(ExpectedCountyYear.RURAL_POPULATION);
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      figures.computeIfAbsent(f[0], k -> new HashMap<>()).put(Integer.parseInt(f[1]), new long[] {Long.parseLong(f[poor]), Long.parseLong(f[pop])});
    }
  }

  @Test
  void poorCountiesCrossTheirThresholdInTheirDelistingYear() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(GeneratorFixture.REFERENCE, "poor_counties.csv"));
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      String county = f[0];
      Map<Integer, long[]> years = figures.get(county);
      if (years == null) {
        continue;
      }
      int delisted = Integer.parseInt(f[9]);
      double threshold = Double.parseDouble(f[10]) / 100.0;
      long[] before = years.get(delisted - 1);
      long[] at = years.get(delisted);
      if (before == null || at == null || before[1] < MIN_RURAL_POPULATION) {
        continue;
      }
      checked++;
      double incBefore = (double) before[0] / before[1];
      double incAt = (double) at[0] / at[1];
      if (incBefore < threshold || incAt >= threshold) {
        wrong.add(county + " " + delisted + ": " + incBefore + " -> " + incAt);
      }
    }
    assertTrue(checked >= 100, "poor counties checked: " + checked);
    assertEquals(List.of(), wrong);
  }

  @Test
  void incidenceFallsEveryYearToAlmostNothing() {
    long[] poor = new long[2021];
    long[] pop = new long[2021];
    for (Map<Integer, long[]> years : figures.values()) {
      years.forEach((y, v) -> {
        poor[y] += v[0];
        pop[y] += v[1];
      });
    }
    double first = (double) poor[2014] / pop[2014];
    assertTrue(first > 0.05 && first < 0.20, "2014 incidence " + first);
    for (int y = 2015; y <= 2020; y++) {
      assertTrue((double) poor[y] / pop[y] < (double) poor[y - 1] / pop[y - 1], "incidence falls in " + y);
    }
    // Only returns to poverty remain poor in 2020.
    assertTrue(poor[2020] < poor[2014] / 100, "poor persons in 2020: " + poor[2020]);
  }

  @Test
  void householdsHaveAboutThreePointTwoPersons() throws IOException {
    long households = 0;
    long members = 0;
    for (Path b : GeneratorFixture.batches(run)) {
      JsonNode m = GeneratorFixture.manifest(b);
      households += m.get(Manifest.FILES).get(0).get(Manifest.FILE_ROWS).asLong();
      members += m.get(Manifest.FILES).get(1).get(Manifest.FILE_ROWS).asLong();
    }
    double mean = (double) members / households;
    assertTrue(mean >= 3.0 && mean <= 3.4, "mean household size " + mean);
  }

  @Test
  void exitsAreAboveTheLineApartFromAFewQuestionableOnes() {
    Dataset<Row> h =
        SharedSpark.spark().read().option("header", "true").option("encoding", "GB18030")
            .schema(Schemas.allStrings(LandingHouseholds.COLUMNS))
            .csv(run.resolve("530000").resolve("*").resolve(LandingHouseholds.FILE).toString());
    Dataset<Row> lines =
        SharedSpark.spark().read().option("header", "true").csv(Path.of(GeneratorFixture.REFERENCE, "poverty_lines.csv").toString());
    Dataset<Row> x = h.join(lines, h.col(LandingHouseholds.REPORTING_YEAR).equalTo(lines.col("year")));
    Column income = col(LandingHouseholds.PER_CAPITA_INCOME).cast("double");
    Column line = col("line_yuan_current_prices").cast("double");
    Column year = col(LandingHouseholds.REPORTING_YEAR).cast("int");
    Column exitNow =
        col(LandingHouseholds.STATUS).equalTo(HouseholdStatus.EXITED.name()).and(col(LandingHouseholds.EXIT_YEAR).cast("int").equalTo(year));
    String no = YesNo.NO.label();
    Column failed =
        income.leq(line)
            .or(col(LandingHouseholds.FOOD_CLOTHING_SECURE).equalTo(no))
            .or(col(LandingHouseholds.COMPULSORY_EDUCATION).equalTo(no))
            .or(col(LandingHouseholds.BASIC_MEDICAL_CARE).equalTo(no))
            .or(col(LandingHouseholds.SAFE_HOUSING).equalTo(no))
            .or(col(LandingHouseholds.SAFE_WATER).equalTo(no).and(year.geq(2019)));
    long exits = x.filter(exitNow).count();
    long questionable = x.filter(exitNow.and(failed)).count();
    double share = (double) questionable / exits;
    assertTrue(exits > 3000, "exits " + exits);
    assertTrue(share > 0.01 && share < 0.05, "questionable share " + share);
    Dataset<Row> poor = x.filter(col(LandingHouseholds.STATUS).equalTo(HouseholdStatus.POOR.name()));
    long below = poor.filter(when(income.lt(line), lit(true)).otherwise(lit(false))).count();
    assertTrue((double) below / poor.count() > 0.8, "poor households below the line: " + below + " of " + poor.count());
  }
}
