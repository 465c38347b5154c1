package org.tuopin.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.test.SharedSpark;

@ExtendWith(SharedSpark.class)
class ResidentIdTest {
  // Synthetic numbers built for these tests (area 520102, a Guiyang district), not real persons.
  // 52010219800101001 -> weighted sum 5*7+2*9+0+1*5+0+2*4+1*2+9*1+8*6+0+0+1*9+0+1*5+0+0+1*2 = 141; 141 mod 11 = 9 -> '3'.
  private static final String VALID = "520102198001010013";

  @Test
  void checkCharacterFollowsIso7064Mod112() {
    assertEquals('3', ResidentId.checkCharacter("52010219800101001"));
    // A sum that is 2 mod 11 gives 'X'.
    String first17 = findFirst17WithCheck('X');
    assertEquals('X', ResidentId.checkCharacter(first17));
  }

  @Test
  void validNumberHasNoProblem() {
    assertEquals(Optional.empty(), ResidentId.validate(VALID));
    assertEquals(LocalDate.of(1980, 1, 1), ResidentId.birthDate(VALID).orElseThrow());
    assertTrue(ResidentId.isMale(VALID));
  }

  @Test
  void xCheckCharacterIsValidInEitherCase() {
    String id = findFirst17WithCheck('X') + "X";
    assertEquals(Optional.empty(), ResidentId.validate(id));
    assertEquals(Optional.empty(), ResidentId.validate(id.toLowerCase()));
  }

  @Test
  void eachProblemIsNamed() {
    assertEquals(Optional.of(ResidentId.Problem.CHECK_CHARACTER), ResidentId.validate("520102198001010014"));
    assertEquals(Optional.of(ResidentId.Problem.LEGACY_15_DIGITS), ResidentId.validate("520102800101001"));
    assertEquals(Optional.of(ResidentId.Problem.BIRTH_DATE), ResidentId.validate(withCheck("52010219800230001")));
    assertEquals(Optional.of(ResidentId.Problem.BIRTH_DATE), ResidentId.validate(withCheck("52010218991231001")));
    assertEquals(Optional.of(ResidentId.Problem.FORMAT), ResidentId.validate("52010219800101001A"));
    assertEquals(Optional.of(ResidentId.Problem.FORMAT), ResidentId.validate("5201021980010100"));
    assertEquals(Optional.of(ResidentId.Problem.AREA_CODE), ResidentId.validate(withCheck("99010219800101001")));
    assertEquals(Optional.of(ResidentId.Problem.MISSING), ResidentId.validate("  "));
    assertEquals(Optional.of(ResidentId.Problem.MISSING), ResidentId.validate(null));
  }

  @Test
  void problemMessagesNeverContainTheNumber() {
    for (ResidentId.Problem p : ResidentId.Problem.values()) {
      assertFalse(p.message().matches(".*[0-9]{6,}.*"), p.name());
    }
  }

  @Test
  void columnFormAgreesWithJavaForm() {
    List<String> ids =
        List.of(
            VALID,
            "520102198001010014",
            "520102800101001",
            withCheck("52010219800230001"),
            "52010219800101001A",
            withCheck("99010219800101001"),
            findFirst17WithCheck('X') + "x",
            withCheck("53292219950715002"));
    Dataset<Row> df = SharedSpark.spark().createDataset(ids, Encoders.STRING()).toDF("id");
    List<Row> rows =
        df.select(
                col("id"),
                ResidentIdColumns.problem(col("id")).as("problem"),
                ResidentIdColumns.birthDate(col("id")).cast("string").as("birth"),
                ResidentIdColumns.sexCode(col("id")).as("sex"))
            .collectAsList();
    for (Row r : rows) {
      String id = r.getString(0);
      Optional<ResidentId.Problem> expected = ResidentId.validate(id);
      assertEquals(expected.map(Enum::name).orElse(null), r.getString(1), id);
      if (expected.isEmpty()) {
        assertEquals(ResidentId.birthDate(id.toUpperCase()).orElseThrow().toString(), r.getString(2));
        assertEquals(ResidentId.isMale(id) ? "MALE" : "FEMALE", r.getString(3));
      }
    }
    Row check =
        SharedSpark.spark()
            .createDataset(List.of("52010219800101001"), Encoders.STRING())
            .toDF("d")
            .select(ResidentIdColumns.checkCharacter(col("d")))
            .first();
    assertEquals("3", check.getString(0));
  }

  @Test
  void nullIdHasMissingProblemInColumnForm() {
    Dataset<Row> df =
        SharedSpark.spark().sql("SELECT CAST(NULL AS STRING) AS id");
    assertEquals("MISSING", df.select(ResidentIdColumns.problem(col("id"))).first().getString(0));
    assertNull(df.select(ResidentIdColumns.birthDate(col("id"))).first().get(0));
  }

  private static String withCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * ResidentId.WEIGHTS[i];
    }
    return first17 + ResidentId.CHECK_CHARS.charAt(sum % 11);
  }

  private static String findFirst17WithCheck(char c) {
    for (int seq = 0; seq < 1000; seq++) {
      String first17 = String.format("52010219800101%03d", seq);
      if (ResidentId.checkCharacter(first17) == c) {
        return first17;
      }
    }
    throw new AssertionError("no sequence gives " + c);
  }
}
