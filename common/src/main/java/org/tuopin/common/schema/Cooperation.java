package org.tuopin.common.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Table;

/**
 * The East-West cooperation inputs (东西部扶贫协作): five landing files {@code cooperation_*.csv}
 * that a helper (eastern) province delivers, one line per reporting year, helper and helped area
 * (a pairing of {@code ref.pairings}), each with its measures. Every file has the same three key
 * columns followed by its own measures, so the layers are derived from one description per file
 * ({@link File}): bronze = landing columns as strings + {@link Bronze#PARSE_ERROR} + metadata;
 * silver = key typed, {@link #PROVINCE_CODE} (the delivering province), measures typed, lineage;
 * quarantine = bronze + reasons. Key of silver: ({@link #REPORTING_YEAR}, {@link #HELPER_CODE},
 * {@link #HELPED_CODE}).
 */
public final class Cooperation {
  private Cooperation() {}

  public static final String REPORTING_YEAR = "reporting_year";
  /** Division code of the helping eastern province or city (the pairing's helper in ref.pairings). */
  public static final String HELPER_CODE = "helper_code";
  /** Division code of the helped western province or prefecture. */
  public static final String HELPED_CODE = "helped_code";
  /** Silver only: the delivering (helper) province, PP0000. */
  public static final String PROVINCE_CODE = "province_code";

  /** The key columns every cooperation file starts with, in this order. */
  public static final List<String> KEY_COLUMNS = List.of(REPORTING_YEAR, HELPER_CODE, HELPED_CODE);
  public static final List<String> SILVER_KEY = KEY_COLUMNS;
  public static final List<String> PARTITION_BY = List.of(REPORTING_YEAR, PROVINCE_CODE);

  // cooperation_funds.csv (资金支持), 万元 = 10,000 yuan.
  /** Fiscal aid from the helper's budget to the helped area in the year, 10,000 yuan (财政援助资金). */
  public static final String FISCAL_AID = "fiscal_aid";
  /** Social donations mobilised for the helped area, 10,000 yuan (社会帮扶资金). */
  public static final String SOCIAL_DONATIONS = "social_donations";

  // cooperation_industry.csv (产业合作).
  /** Enterprises of the helper that invested in the helped area in the year (引导企业落地). */
  public static final String ENTERPRISES = "enterprises";
  /** Their actual investment, 10,000 yuan (实际投资额). */
  public static final String INVESTMENT = "investment";
  /** Industrial parks built jointly (共建产业园区). */
  public static final String PARKS = "parks";
  /** Registered poor persons employed by those enterprises (带动贫困人口就业). */
  public static final String POOR_EMPLOYED = "poor_employed";
  /** Registered poor persons benefiting otherwise (dividends, purchase contracts; 带动贫困人口增收). */
  public static final String POOR_BENEFITING = "poor_benefiting";

  // cooperation_talent.csv (人才支援).
  /** Party and government cadres seconded to the helped area (选派挂职干部). */
  public static final String CADRES_SECONDED = "cadres_seconded";
  /** Teachers sent (支教教师). */
  public static final String TEACHERS = "teachers";
  /** Doctors sent (支医医生). */
  public static final String DOCTORS = "doctors";
  /** Agricultural and other technicians sent (专业技术人才). */
  public static final String TECHNICIANS = "technicians";
  /** Cadres and technicians of the helped area trained by the helper (培训干部人才), persons. */
  public static final String LOCAL_TRAINED = "local_trained";

  // cooperation_labour.csv (劳务协作).
  /** Registered poor persons of the helped area placed in stable jobs in the helper province (到东部就业). */
  public static final String JOBS_IN_HELPER = "jobs_in_helper";
  /** Registered poor persons placed in jobs near home with the helper's support (就地就近就业). */
  public static final String JOBS_NEAR_HOME = "jobs_near_home";
  /** Registered poor persons given vocational training (职业技能培训). */
  public static final String POOR_TRAINED = "poor_trained";

  // cooperation_pairs.csv (携手奔小康 and other sub-provincial pairings), pairs in force at year end.
  public static final String COUNTY_PAIRS = "county_pairs";
  public static final String TOWNSHIP_PAIRS = "township_pairs";
  public static final String VILLAGE_PAIRS = "village_pairs";
  public static final String ENTERPRISE_PAIRS = "enterprise_pairs";
  public static final String SCHOOL_PAIRS = "school_pairs";
  public static final String HOSPITAL_PAIRS = "hospital_pairs";

  /** A measure column: an amount (decimal, 10,000 yuan) or a count (whole number). */
  public record Measure(String name, boolean amount) {
    public DataType type() {
      return amount ? DoubleType : LongType;
    }
  }

  private static Measure count(String n) {
    return new Measure(n, false);
  }

  private static Measure amount(String n) {
    return new Measure(n, true);
  }

  /** The five cooperation files with their tables in every layer. */
  public enum File {
    FUNDS(
        "cooperation_funds.csv", Table.BRONZE_COOPERATION_FUNDS, Table.SILVER_COOPERATION_FUNDS,
        Table.QUARANTINE_COOPERATION_FUNDS, List.of(amount(FISCAL_AID), amount(SOCIAL_DONATIONS))),
    INDUSTRY(
        "cooperation_industry.csv", Table.BRONZE_COOPERATION_INDUSTRY, Table.SILVER_COOPERATION_INDUSTRY,
        Table.QUARANTINE_COOPERATION_INDUSTRY,
        List.of(count(ENTERPRISES), amount(INVESTMENT), count(PARKS), count(POOR_EMPLOYED), count(POOR_BENEFITING))),
    TALENT(
        "cooperation_talent.csv", Table.BRONZE_COOPERATION_TALENT, Table.SILVER_COOPERATION_TALENT,
        Table.QUARANTINE_COOPERATION_TALENT,
        List.of(count(CADRES_SECONDED), count(TEACHERS), count(DOCTORS), count(TECHNICIANS), count(LOCAL_TRAINED))),
    LABOUR(
        "cooperation_labour.csv", Table.BRONZE_COOPERATION_LABOUR, Table.SILVER_COOPERATION_LABOUR,
        Table.QUARANTINE_COOPERATION_LABOUR, List.of(count(JOBS_IN_HELPER), count(JOBS_NEAR_HOME), count(POOR_TRAINED))),
    PAIRS(
        "cooperation_pairs.csv", Table.BRONZE_COOPERATION_PAIRS, Table.SILVER_COOPERATION_PAIRS,
        Table.QUARANTINE_COOPERATION_PAIRS,
        List.of(
            count(COUNTY_PAIRS), count(TOWNSHIP_PAIRS), count(VILLAGE_PAIRS), count(ENTERPRISE_PAIRS),
            count(SCHOOL_PAIRS), count(HOSPITAL_PAIRS)));

    private final String fileName;
    private final Table bronze;
    private final Table silver;
    private final Table quarantine;
    private final List<Measure> measures;

    File(String fileName, Table bronze, Table silver, Table quarantine, List<Measure> measures) {
      this.fileName = fileName;
      this.bronze = bronze;
      this.silver = silver;
      this.quarantine = quarantine;
      this.measures = measures;
    }

    public String fileName() {
      return fileName;
    }

    public Table bronze() {
      return bronze;
    }

    public Table silver() {
      return silver;
    }

    public Table quarantine() {
      return quarantine;
    }

    public List<Measure> measures() {
      return measures;
    }

    public List<String> measureNames() {
      return measures.stream().map(Measure::name).toList();
    }

    /** Landing columns in contract order: the key, then the measures. */
    public List<String> columns() {
      List<String> out = new ArrayList<>(KEY_COLUMNS);
      out.addAll(measureNames());
      return out;
    }

    /** The landing file read as strings. */
    public StructType landingSchema() {
      return Schemas.allStrings(columns());
    }

    /** bronze.cooperation_*: landing columns as strings, the parse error, then {@link Bronze#METADATA}. */
    public StructType bronzeSchema() {
      List<StructField> f = new ArrayList<>();
      for (String c : columns()) {
        f.add(createStructField(c, StringType, true));
      }
      f.add(createStructField(Bronze.PARSE_ERROR, StringType, true));
      f.addAll(Bronze.METADATA);
      return new StructType(f.toArray(new StructField[0]));
    }

    /** silver.cooperation_*: typed key, delivering province, typed measures (null when not delivered), lineage. */
    public StructType silverSchema() {
      List<StructField> f = new ArrayList<>();
      f.add(createStructField(REPORTING_YEAR, IntegerType, false));
      f.add(createStructField(HELPER_CODE, StringType, false));
      f.add(createStructField(HELPED_CODE, StringType, false));
      f.add(createStructField(PROVINCE_CODE, StringType, false));
      for (Measure m : measures) {
        f.add(createStructField(m.name(), m.type(), true));
      }
      f.add(createStructField(Lineage.BATCH_ID, StringType, false));
      f.add(createStructField(Lineage.SOURCE_FILE, StringType, false));
      f.add(createStructField(Lineage.LINE, LongType, false));
      return new StructType(f.toArray(new StructField[0]));
    }

    /** quarantine.cooperation_*: the bronze row, then rule ids and messages. */
    public StructType quarantineSchema() {
      List<StructField> f = new ArrayList<>(List.of(bronzeSchema().fields()));
      f.add(createStructField(Quarantine.RULE_IDS, org.apache.spark.sql.types.DataTypes.createArrayType(StringType, true), false));
      f.add(createStructField(Quarantine.MESSAGES, org.apache.spark.sql.types.DataTypes.createArrayType(StringType, true), false));
      return new StructType(f.toArray(new StructField[0]));
    }

    /** The file of a landing file name, or null. */
    public static File ofFileName(String name) {
      for (File f : values()) {
        if (f.fileName.equals(name)) {
          return f;
        }
      }
      return null;
    }
  }
}
