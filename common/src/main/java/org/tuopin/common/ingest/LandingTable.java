package org.tuopin.common.ingest;

import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.Cooperation;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.schema.LandingPopulation;
import org.tuopin.common.schema.LandingSurvey;

/**
 * The landing files ingest reads, each with its bronze table and what the reader must do to it:
 * which column holds a resident ID (replaced by its pseudonym) and where the record's village code
 * is (checked against the delivering province). The cooperation files of helper provinces
 * ({@code cooperation_*.csv}) and the third-party survey ({@code survey.csv}) are optional and may
 * form a batch of their own.
 */
public enum LandingTable {
  HOUSEHOLDS(
      LandingHouseholds.FILE,
      LandingHouseholds.COLUMNS,
      Table.BRONZE_HOUSEHOLDS,
      Bronze.HOUSEHOLDS,
      true,
      LandingHouseholds.HEAD_RESIDENT_ID,
      Bronze.HEAD_PERSON_KEY,
      Bronze.HEAD_ID_PROBLEM,
      LandingHouseholds.VILLAGE_CODE),
  MEMBERS(
      LandingMembers.FILE,
      LandingMembers.COLUMNS,
      Table.BRONZE_MEMBERS,
      Bronze.MEMBERS,
      true,
      LandingMembers.RESIDENT_ID,
      Bronze.PERSON_KEY,
      Bronze.ID_PROBLEM,
      // A household id starts with its 12-digit village code.
      LandingMembers.HOUSEHOLD_ID),
  POPULATION(
      LandingPopulation.FILE,
      LandingPopulation.COLUMNS,
      Table.BRONZE_POPULATION,
      Bronze.POPULATION,
      false,
      null,
      null,
      null,
      LandingPopulation.VILLAGE_CODE),
  // The surveyed county stands where a village code would: a province may survey only its own counties.
  SURVEY(
      LandingSurvey.FILE,
      LandingSurvey.COLUMNS,
      Table.BRONZE_SURVEY,
      LandingSurvey.BRONZE,
      false,
      null,
      null,
      null,
      LandingSurvey.COUNTY_CODE),
  COOPERATION_FUNDS(Cooperation.File.FUNDS),
  COOPERATION_INDUSTRY(Cooperation.File.INDUSTRY),
  COOPERATION_TALENT(Cooperation.File.TALENT),
  COOPERATION_LABOUR(Cooperation.File.LABOUR),
  COOPERATION_PAIRS(Cooperation.File.PAIRS);

  private final String fileName;
  private final List<String> columns;
  private final Table bronze;
  private final StructType bronzeSchema;
  private final boolean required;
  private final String idColumn;
  private final String personKeyColumn;
  private final String idProblemColumn;
  private final String villageColumn;

  /**
   * A cooperation file of a helper province: optional, no resident ID, and its helper code stands
   * where a village code would, so a helper may only deliver lines of its own province's pairings.
   */
  LandingTable(Cooperation.File file) {
    this(file.fileName(), file.columns(), file.bronze(), file.bronzeSchema(), false, null, null, null, Cooperation.HELPER_CODE);
  }

  LandingTable(
      String fileName,
      List<String> columns,
      Table bronze,
      StructType bronzeSchema,
      boolean required,
      String idColumn,
      String personKeyColumn,
      String idProblemColumn,
      String villageColumn) {
    this.fileName = fileName;
    this.columns = columns;
    this.bronze = bronze;
    this.bronzeSchema = bronzeSchema;
    this.required = required;
    this.idColumn = idColumn;
    this.personKeyColumn = personKeyColumn;
    this.idProblemColumn = idProblemColumn;
    this.villageColumn = villageColumn;
  }

  /** File name in the batch folder. */
  public String fileName() {
    return fileName;
  }

  /** Declared columns of the landing file, in their contract order. */
  public List<String> columns() {
    return columns;
  }

  public Table bronze() {
    return bronze;
  }

  public StructType bronzeSchema() {
    return bronzeSchema;
  }

  /** Whether every batch must deliver this file. */
  public boolean required() {
    return required;
  }

  /** The landing column holding a resident ID, or null. */
  public String idColumn() {
    return idColumn;
  }

  public String personKeyColumn() {
    return personKeyColumn;
  }

  public String idProblemColumn() {
    return idProblemColumn;
  }

  /**
   * The landing column whose first 12 characters are the record's village code (for the survey, its
   * county code; for a cooperation file, its helper code): ingest checks its first two digits
   * against the delivering province.
   */
  public String villageColumn() {
    return villageColumn;
  }

  /** The cooperation file this table reads, or null for the register's own files. */
  public Cooperation.File cooperation() {
    return Cooperation.File.ofFileName(fileName);
  }

  /**
   * Whether the file may come in a batch without the register's files: a helper's cooperation
   * files and the third-party survey.
   */
  public boolean standalone() {
    return this == SURVEY || cooperation() != null;
  }

  /** The table of a landing file name, or null for a name ingest does not know. */
  public static LandingTable ofFile(String name) {
    for (LandingTable t : values()) {
      if (t.fileName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
