package org.tuopin.common.dictionary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tuopin.common.catalog.Table;

/**
 * The meaning of every column of every table, in English and Chinese, with unit and source: the
 * one place they are written. {@link DictionaryRenderer} joins it with the schemas of {@link
 * org.tuopin.common.schema.TableSchemas} into docs/data-dictionary.md and the table
 * ref.data_dictionary ({@code tuopin dictionary}); a test fails when a column of a declared table
 * has no entry here.
 *
 * <p>Most column names mean the same in every table (a general entry); a table-specific entry
 * ({@code layer.table.column}) overrides it where the meaning differs.
 */
public final class DataDictionary {
  private DataDictionary() {}

  private static final Map<String, ColumnDoc> DOCS = new LinkedHashMap<>();
  private static final Map<Table, String[]> TABLES = new LinkedHashMap<>();

  private static final String PROVINCE_FILE = "delivered by the province";
  private static final String DERIVED = "derived by Tuopin";
  private static final String FRACTION = "fraction 0–1";

  private static void doc(String column, String en, String zh, String unit, String source) {
    DOCS.put(column, new ColumnDoc(en, zh, unit, source));
  }

  /** An entry for one table only, where the general meaning of the column name does not fit. */
  private static void doc(Table t, String column, String en, String zh, String unit, String source) {
    DOCS.put(t.qualifiedName() + "." + column, new ColumnDoc(en, zh, unit, source));
  }

  private static void table(Table t, String en, String zh) {
    TABLES.put(t, new String[] {en, zh});
  }

  static {
    // Keys, areas and years.
    doc("household_id", "Household number (户编号): the 12-digit village code followed by a 4-digit sequence", "户编号", "code", PROVINCE_FILE);
    doc("village_code", "12-digit statistical village code; its first 6 digits are the county", "村级统计用区划代码", "code", PROVINCE_FILE);
    doc("county_code", "6-digit county code (GB/T 2260)", "县级区划代码", "code", DERIVED + " from the village code");
    doc("prefecture_code", "6-digit prefecture (city) code", "地市级区划代码", "code", DERIVED + " from the village code");
    doc("province_code", "6-digit province code (PP0000)", "省级区划代码", "code", DERIVED + " from the village code");
    doc("reporting_year", "Reporting year: the state of the register at 31 December of this year", "报告年度", "year", PROVINCE_FILE);
    doc("level", "Administrative level: NATION, REGION, PROVINCE, PREFECTURE, COUNTY or VILLAGE", "汇总层级", "code", DERIVED);
    doc("area_code", "Area of the row: 000000 for the nation, east/central/west for regions, 6-digit division codes, 12-digit village codes", "地区代码", "code", DERIVED);
    doc("parent_code", "The area one level up", "上级地区代码", "code", DERIVED);
    doc("person_key", "Keyed pseudonym of the resident ID (HMAC-SHA-256, hex); the ID itself is never stored", "人员假名标识", "hex", DERIVED + " at ingest");
    doc("head_person_key", "Pseudonym of the household head's resident ID", "户主假名标识", "hex", DERIVED + " at ingest");
    // Household record.
    doc("household_size", "Number of household members", "家庭人口数", "persons", PROVINCE_FILE);
    doc("attribute", "Household attribute: GENERAL (一般贫困户), MINIMUM_ALLOWANCE (低保贫困户), EXTREME_POVERTY_SUPPORT (特困供养贫困户)", "贫困户属性", "code", PROVINCE_FILE);
    doc("main_cause", "Main cause of poverty (因病 ILLNESS, 因残 DISABILITY, 因学 SCHOOLING, 因灾 DISASTER, 缺土地 LAND, 缺水 WATER, 缺技术 SKILLS, 缺劳力 LABOUR, 缺资金 CAPITAL, 交通条件落后 TRANSPORT, 自身发展动力不足 MOTIVATION)", "主要致贫原因", "code", PROVINCE_FILE);
    doc("identified_year", "Year the household was identified as poor (识别年度)", "识别年度", "year", PROVINCE_FILE);
    doc("status", "Register status in the reporting year: POOR, EXITED, RETURNED (to poverty) or REMOVED (from the register)", "贫困户状态", "code", PROVINCE_FILE);
    doc("exit_year", "Year the household exited poverty; empty while poor", "脱贫年度", "year", PROVINCE_FILE);
    doc("per_capita_income", "Per-capita net income of the household (人均纯收入)", "人均纯收入", "yuan per person per year", PROVINCE_FILE);
    doc("food_clothing_secure", "Food and clothing secure (不愁吃、不愁穿)", "不愁吃穿", "yes/no", PROVINCE_FILE);
    doc("compulsory_education", "Compulsory education guaranteed (义务教育有保障)", "义务教育有保障", "yes/no", PROVINCE_FILE);
    doc("basic_medical_care", "Basic medical care guaranteed (基本医疗有保障)", "基本医疗有保障", "yes/no", PROVINCE_FILE);
    doc("safe_housing", "Safe housing guaranteed (住房安全有保障)", "住房安全有保障", "yes/no", PROVINCE_FILE);
    doc("safe_water", "Safe drinking water (饮水安全有保障); part of the exit standard from 2019", "饮水安全有保障", "yes/no", PROVINCE_FILE);
    doc("relocated", "Relocated from inhospitable areas (易地扶贫搬迁)", "易地扶贫搬迁", "yes/no", PROVINCE_FILE);
    doc("head_resident_id", "The head's resident ID as delivered; replaced by head_person_key at ingest, never stored", "户主身份证号", "", PROVINCE_FILE);
    // Member record.
    doc("resident_id", "Resident ID number (GB 11643) as delivered; replaced by person_key at ingest, never stored", "身份证号", "", PROVINCE_FILE);
    doc("relation", "Relation to the head (户主 HEAD, 配偶 SPOUSE, 之子 SON, 之女 DAUGHTER, 之父 FATHER, 之母 MOTHER, 之孙子 GRANDSON, 之孙女 GRANDDAUGHTER, 之儿媳 DAUGHTER_IN_LAW, 其他 OTHER)", "与户主关系", "code", PROVINCE_FILE);
    doc("sex", "Sex: MALE or FEMALE (男/女)", "性别", "code", PROVINCE_FILE);
    doc("birth_date", "Date of birth", "出生日期", "date", PROVINCE_FILE);
    doc("age", "Completed years of age at 31 December of the reporting year", "年龄", "years", DERIVED);
    doc("labour_capacity", "Labour capacity (技能劳动力, 普通劳动力, 弱劳动力或半劳动力, 丧失劳动力, 无劳动力)", "劳动技能", "code", PROVINCE_FILE);
    doc("schooling", "Schooling stage (非在校生, 学前教育, 小学, 初中, 高中, 中职, 高职, 大专及以上)", "在校生状况", "code", PROVINCE_FILE);
    doc("dropped_out", "Dropped out of compulsory schooling", "是否辍学", "yes/no", PROVINCE_FILE);
    doc("health", "Health (健康, 长期慢性病, 患有大病, 残疾)", "健康状况", "code", PROVINCE_FILE);
    doc("medical_insurance", "Covered by basic medical insurance for urban and rural residents", "是否参加城乡居民基本医疗保险", "yes/no", PROVINCE_FILE);
    doc("works_away", "Works away from home (外出务工)", "是否外出务工", "yes/no", PROVINCE_FILE);
    doc("work_province", "Province where the person works away (务工地点)", "务工地点", "code", PROVINCE_FILE);
    doc("months_worked", "Months worked away in the year", "务工时间", "months (0–12)", PROVINCE_FILE);
    doc("rural_population", "Rural registered population (乡村户籍人口) at year end: the incidence denominator", "乡村户籍人口", "persons", "population.csv (province)");
    // Bronze and lineage.
    doc("id_problem", "Why the resident ID is invalid (MISSING, LEGACY_15_DIGITS, FORMAT, AREA_CODE, BIRTH_DATE, CHECK_CHARACTER); empty when valid", "身份证号校验问题", "code", DERIVED + " at ingest");
    doc("head_id_problem", "Why the head's resident ID is invalid; empty when valid", "户主身份证号校验问题", "code", DERIVED + " at ingest");
    doc("id_birth_date", "Birth date encoded in the resident ID", "身份证出生日期", "date", DERIVED + " at ingest");
    doc("id_sex", "Sex encoded in the resident ID (parity of the 17th digit)", "身份证性别", "code", DERIVED + " at ingest");
    doc("id_area_code", "Area code of the resident ID (its first 6 digits: a place, not a person)", "身份证地区码", "code", DERIVED + " at ingest");
    doc("_parse_error", "Why the line could not be split into the declared columns; empty when it could", "解析错误", "", DERIVED + " at ingest");
    doc("_province", "Delivering province", "报送省份", "code", "landing folder");
    doc("_batch_id", "Batch the row was delivered in", "批次号", "", "manifest.json");
    doc("_batch_year", "Reporting year of the batch, from its manifest", "批次报告年度", "year", "manifest.json");
    doc("_batch_kind", "FULL (the province's whole register for the year) or CHANGES", "批次类型", "code", "manifest.json");
    doc("_source_file", "File the row came from, relative to the landing root", "来源文件", "path", "landing");
    doc("_line", "Line of the file where the record starts (the header is line 1)", "来源行号", "line", "landing");
    doc("_ingested_at", "When the row was ingested", "入库时间", "timestamp", DERIVED);
    doc("_run_id", "Run that wrote the row", "运行号", "", DERIVED);
    doc("rule_ids", "Every validation rule the row broke (docs/rules.md)", "违反的校验规则", "rule ids", DERIVED + " at conform");
    doc("messages", "One message per broken rule (never containing a resident ID)", "校验信息", "", DERIVED + " at conform");
    // Curated statistics.
    doc("poor_persons", "Registered poor persons at year end: members of households whose status is POOR or RETURNED", "年末建档立卡贫困人口", "persons", DERIVED);
    doc("poor_households", "Registered poor households at year end (status POOR or RETURNED)", "年末建档立卡贫困户数", "households", DERIVED);
    doc("incidence_rate", "Poverty incidence: poor persons / rural registered population", "贫困发生率", FRACTION, DERIVED);
    doc("suppressed", "True when the cell is suppressed in published outputs (fewer poor persons than the small-cell threshold, or secondary suppression)", "是否抑制发布", "yes/no", DERIVED);
    doc("exited_persons", "Persons in households that exited in the year (EXITED with that exit year)", "当年脱贫人口", "persons", DERIVED);
    doc("exited_households", "Households that exited in the year", "当年脱贫户数", "households", DERIVED);
    doc("new_persons", "Persons in households newly identified in the year", "当年新识别人口", "persons", DERIVED);
    doc("new_households", "Households newly identified in the year", "当年新识别户数", "households", DERIVED);
    doc("returned_persons", "Persons in households that returned to poverty (EXITED the year before, POOR or RETURNED now)", "当年返贫人口", "persons", DERIVED);
    doc("returned_households", "Households that returned to poverty in the year", "当年返贫户数", "households", DERIVED);
    doc("removed_persons", "Persons in households removed from the register in the year", "当年清退人口", "persons", DERIVED);
    doc("removed_households", "Households removed from the register in the year", "当年清退户数", "households", DERIVED);
    doc("cumulative_exited_persons", "Persons exited since the first reporting year", "累计脱贫人口", "persons", DERIVED);
    doc("cumulative_exited_households", "Households exited since the first reporting year", "累计脱贫户数", "households", DERIVED);
    doc("wrong_exit_persons", "Persons in households that exited in the year while failing the exit standard", "错退人口", "persons", DERIVED);
    doc("wrong_exit_rate", "Wrong-exit rate (错退率): wrong-exit persons / exited persons", "错退率", FRACTION, DERIVED);
    doc("household_stock_residual", "poor(t) − [poor(t−1) − exits + new + returns − removals], households; 0 when the stock identity holds", "户数存量恒等式残差", "households", DERIVED);
    doc("person_stock_residual", "The same identity in persons (household sizes change between years, so it need not be 0)", "人口存量恒等式残差", "persons", DERIVED);
    doc("threshold", "Incidence threshold for exit (2 %, 3 % in the west, per-county overrides)", "退出贫困发生率标准", FRACTION, "ref.thresholds");
    doc("wrong_exit_threshold", "Wrong-exit rate must be below this", "错退率标准", FRACTION, "ref.thresholds");
    doc("missed_rate", "Missed-identification rate (漏评率) from the third-party survey", "漏评率", FRACTION, "survey (province)");
    doc("missed_threshold", "Missed-identification rate must be below this", "漏评率标准", FRACTION, "ref.thresholds");
    doc("approval_rate", "Approval rate (群众认可度) from the third-party survey", "群众认可度", FRACTION, "survey (province)");
    doc("approval_threshold", "Approval rate must be at least this", "群众认可度标准", FRACTION, "ref.thresholds");
    // Household facts (the aggregate stage's working table).
    doc("is_exited", "The household exited in this reporting year (EXITED with that exit year)", "当年脱贫", "yes/no", DERIVED);
    doc("fails_standard", "Exited in this year while failing the exit standard", "脱贫未达标", "yes/no", DERIVED);
    doc("fgt_poor_persons", "Persons with a known income at or below the year's poverty line (FGT0 numerator)", "收入不高于贫困线人口", "persons", DERIVED);
    doc("fgt_gap_sum", "Person-weighted sum of normalised income gaps (FGT1 numerator)", "贫困距加总", "persons × fraction", DERIVED);
    doc("fgt_gap2_sum", "Person-weighted sum of squared normalised income gaps (FGT2 numerator)", "贫困距平方加总", "persons × fraction²", DERIVED);
    doc("af_score_sum", "Person-weighted sum of deprivation scores of the multidimensionally poor (Alkire–Foster M0 numerator)", "多维贫困剥夺得分加总", "persons × score", DERIVED);
    doc("n_censored_food_clothing_secure", "Multidimensionally poor persons deprived in food and clothing (numerator of the censored headcount)", "不愁吃穿受剥夺的多维贫困人口", "persons", DERIVED);
    doc("n_censored_compulsory_education", "Multidimensionally poor persons deprived in compulsory education", "义务教育受剥夺的多维贫困人口", "persons", DERIVED);
    doc("n_censored_basic_medical_care", "Multidimensionally poor persons deprived in basic medical care", "基本医疗受剥夺的多维贫困人口", "persons", DERIVED);
    doc("n_censored_safe_housing", "Multidimensionally poor persons deprived in safe housing", "住房安全受剥夺的多维贫困人口", "persons", DERIVED);
    doc("n_censored_safe_water", "Multidimensionally poor persons deprived in safe water", "饮水安全受剥夺的多维贫困人口", "persons", DERIVED);
    doc("eligible", "Eligible for exit by the 2016 rules this year", "是否符合退出条件", "yes/no", DERIVED);
    doc("announced_delisted_year", "Officially announced de-listing (exit cohort) year", "公告摘帽年度", "year", "ref.poor_counties");
    doc("flags", "Disagreements between the rule and the announcements, and values exactly on a threshold (docs/statistics.md)", "差异标记", "flag codes", DERIVED);
    doc("persons", "Members of the household in the year", "家庭人口", "persons", DERIVED);
    doc("poverty_line", "National poverty line of the year", "国家扶贫标准", "yuan per person per year", "ref.poverty_lines");
    doc("failed_criteria", "Exit-standard criteria the household failed (INCOME_NOT_ABOVE_LINE, FOOD_CLOTHING, COMPULSORY_EDUCATION, BASIC_MEDICAL_CARE, SAFE_HOUSING, SAFE_WATER)", "未达标项", "criteria", DERIVED);
    doc("registered_persons", "Registered persons the measures are computed over", "建档立卡人口", "persons", DERIVED);
    doc("fgt_persons", "Persons with income at or below the line (FGT headcount)", "收入低于标准人口", "persons", DERIVED);
    doc("fgt0", "Foster–Greer–Thorbecke headcount ratio: share of persons with income at or below the line", "贫困人口比例 (FGT0)", FRACTION, DERIVED);
    doc("fgt1", "FGT poverty gap: mean of max(0, (z − y) / z)", "贫困距 (FGT1)", FRACTION, DERIVED);
    doc("fgt2", "FGT severity: mean of max(0, (z − y) / z)²", "贫困强度 (FGT2)", FRACTION, DERIVED);
    doc("af_poor_persons", "Persons multidimensionally poor (weighted deprivation score at least k)", "多维贫困人口", "persons", DERIVED);
    doc("af_h", "Alkire–Foster headcount H: share multidimensionally poor", "多维贫困发生率 (H)", FRACTION, DERIVED);
    doc("af_a", "Alkire–Foster intensity A: mean deprivation score of the poor", "多维贫困强度 (A)", FRACTION, DERIVED);
    doc("af_m0", "Alkire–Foster adjusted headcount M0 = H × A", "调整后多维贫困指数 (M0)", FRACTION, DERIVED);
    doc("censored_food_clothing_secure", "Censored headcount: share poor and deprived in food and clothing", "删失剥夺率: 吃穿", FRACTION, DERIVED);
    doc("censored_compulsory_education", "Censored headcount: share poor and deprived in compulsory education", "删失剥夺率: 义务教育", FRACTION, DERIVED);
    doc("censored_basic_medical_care", "Censored headcount: share poor and deprived in basic medical care", "删失剥夺率: 基本医疗", FRACTION, DERIVED);
    doc("censored_safe_housing", "Censored headcount: share poor and deprived in safe housing", "删失剥夺率: 住房安全", FRACTION, DERIVED);
    doc("censored_safe_water", "Censored headcount: share poor and deprived in safe water", "删失剥夺率: 饮水安全", FRACTION, DERIVED);
    // Operations.
    doc("run_id", "Run identifier (UTC start time and a random suffix)", "运行号", "", DERIVED);
    doc("batch_date", "The nightly batch date the run was for", "批处理日期", "date", "command line");
    doc("stage", "Pipeline stage (reference, ingest, conform, aggregate, ...)", "阶段", "", DERIVED);
    doc("started_at", "Stage start", "开始时间", "timestamp", DERIVED);
    doc("ended_at", "Stage end", "结束时间", "timestamp", DERIVED);
    doc("rows_in", "Rows read by the stage", "输入行数", "rows", DERIVED);
    doc("rows_out", "Rows written by the stage", "输出行数", "rows", DERIVED);
    doc("rows_quarantined", "Rows sent to quarantine", "隔离行数", "rows", DERIVED);
    doc("table_versions", "Delta version written per table", "写入的表版本", "table → version", DERIVED);
    doc("outcome", "OK, INPUT_REJECTED, FAILURE or CONFIG_ERROR", "结果", "code", DERIVED);
    doc("message", "One-line summary or error", "信息", "", DERIVED);
    doc("batch_id", "Delivered batch", "批次号", "", "manifest.json");
    doc("file", "File of the batch", "文件", "", "landing");
    doc("rows", "Data rows of the file (header excluded)", "行数", "rows", "manifest.json / counted");
    doc("bytes", "Size of the file", "字节数", "bytes", "landing");
    doc("sha256", "SHA-256 of the file's bytes", "文件校验和", "hex", "landing");
    doc("encoding", "File encoding: UTF-8 or GB18030", "文件编码", "", "manifest.json");
    doc("kind", "FULL or CHANGES", "批次类型", "code", "manifest.json");
    doc("reason", "Why the batch or file was refused", "拒收原因", "", DERIVED);
    doc("ingested_at", "When the file was ingested", "入库时间", "timestamp", DERIVED);
    doc("table_name", "Table the metric is about", "表名", "", DERIVED);
    doc("rule_id", "Validation or reconciliation rule", "规则编号", "", "docs/rules.md");
    doc("rows_checked", "Rows the rule was evaluated on", "检查行数", "rows", DERIVED);
    doc("rows_failed", "Rows (or areas) failing the rule", "不通过行数", "rows", DERIVED);
    doc("severity", "WARN, QUARANTINE, FAIL_BATCH or FAIL", "严重程度", "code", DERIVED);
    doc("measured_at", "When the metric was measured", "度量时间", "timestamp", DERIVED);
    // Reference.
    doc("code", "Division code", "区划代码", "code", "ref: counties.csv, provinces.csv");
    doc("name", "Division name", "区划名称", "", "ref: counties.csv, provinces.csv");
    doc("region", "Region: east, central or west (the three belts of poverty monitoring)", "东中西部", "code", "ref: provinces.csv");
    doc("region_nbs4", "NBS four regions: east, central, west, northeast", "四大区域", "code", "ref: provinces.csv");
    doc("is_west12", "One of the 12 western provinces (3 % incidence threshold)", "是否西部12省", "yes/no", "ref: provinces.csv");
    doc("has_poor_counties", "Province with national poor counties (the 22 central and western provinces)", "是否有国家级贫困县", "yes/no", "ref: provinces.csv");
    doc("poor_county_count", "Number of national poor counties", "国家级贫困县数", "counties", "ref: provinces.csv");
    doc("functional_zone", "NBS-only functional zone, not a GB/T 2260 county", "是否功能区", "yes/no", "ref: counties.csv");
    doc("is_poor_county", "A national poor county (one of the 832)", "是否国家级贫困县", "yes/no", "ref: poor_counties.csv");
    doc("province_name", "Province name", "省份名称", "", "ref: provinces.csv");
    doc("county_name", "County name (NBS 2020)", "县名称", "", "ref: poor_counties.csv");
    doc("delisted_year", "De-listing (exit cohort) year of the poor county", "摘帽年度", "year", "ref: poor_counties.csv");
    doc("incidence_threshold", "Default incidence threshold of the county", "贫困发生率退出标准", FRACTION, "ref: poor_counties.csv");
    doc("helper_level", "Helper side's level: province or prefecture", "帮扶方层级", "", "ref: east_west_pairings.csv");
    doc("helper_province_code", "Helper province", "帮扶省份", "code", "ref: east_west_pairings.csv");
    doc("helper_code", "Helper province or city", "帮扶方代码", "code", "ref: east_west_pairings.csv");
    doc("helper_name", "Helper province or city name", "帮扶方名称", "", "ref: east_west_pairings.csv");
    doc("helped_level", "Helped side's level: province or prefecture", "被帮扶方层级", "", "ref: east_west_pairings.csv");
    doc("helped_province_code", "Helped province", "被帮扶省份", "code", "ref: east_west_pairings.csv");
    doc("helped_code", "Helped province or prefecture", "被帮扶方代码", "code", "ref: east_west_pairings.csv");
    doc("helped_name", "Helped province or prefecture name", "被帮扶方名称", "", "ref: east_west_pairings.csv");
    doc("clause_2016_guidance", "The clause of the 2016 guidance that names the pairing", "2016年指导意见原文", "", "ref: east_west_pairings.csv");
    doc("year", "Year", "年份", "year", "ref");
    doc("line_yuan", "National rural poverty line at current prices", "国家农村贫困标准 (现价)", "yuan per person per year", "ref: poverty_lines.csv");
    doc("confidence", "Confidence of the figure: H verified, M one secondary source or derived, L unverified", "可信度", "H/M/L", "ref: SOURCES.md");
    doc("note", "Provenance note", "说明", "", "ref");
    doc("scope", "Scope of a threshold: DEFAULT, REGION, PROVINCE or COUNTY (most specific wins)", "适用范围", "code", "ref: thresholds.csv");
    doc("metric", "Metric the threshold applies to", "指标", "code", "ref: thresholds.csv");
    doc("comparison", "LT (must be strictly below) or GEQ (at least)", "比较方式", "code", "ref: thresholds.csv");
    doc("value", "Threshold value", "阈值", FRACTION, "ref: thresholds.csv");
    doc("rural_poor_10k_persons", "National rural poor population (survey based)", "全国农村贫困人口", "10,000 persons", "ref: national_series.csv");
    // Where a reference table's column means something else than the same name in the statistics.
    doc(Table.REF_DIVISIONS, "level", "Level of the division: PROVINCE, PREFECTURE or COUNTY", "区划层级", "code", "ref: counties.csv, provinces.csv");
    doc(Table.REF_DIVISIONS, "parent_code", "The division one level up (000000 for a province)", "上级区划代码", "code", "ref: counties.csv");
    doc(Table.REF_DIVISIONS, "province_code", "Province the division lies in", "所属省份代码", "code", "ref: counties.csv");
    doc(Table.REF_DIVISIONS, "prefecture_code", "Prefecture the division lies in (empty for a province)", "所属地市代码", "code", "ref: counties.csv");
    doc(Table.REF_PROVINCES, "province_code", "6-digit province code (PP0000)", "省级区划代码", "code", "ref: provinces.csv");
    doc(Table.REF_POOR_COUNTIES, "county_code", "6-digit county code (GB/T 2260, NBS 2020)", "县级区划代码", "code", "ref: poor_counties.csv");
    doc(Table.REF_POOR_COUNTIES, "province_code", "Province of the county", "所属省份代码", "code", "ref: poor_counties.csv");
    doc(Table.REF_POOR_COUNTIES, "prefecture_code", "Prefecture of the county", "所属地市代码", "code", "ref: poor_counties.csv");
    doc(Table.REF_THRESHOLDS, "area_code", "Region, province or county the threshold applies to; empty for DEFAULT", "适用地区代码", "code", "ref: thresholds.csv");
    doc(Table.REF_NATIONAL_SERIES, "incidence_rate", "National rural poverty incidence (survey based, 2010 standard)", "全国农村贫困发生率", FRACTION, "ref: national_series.csv");
    doc(Table.SILVER_SURVEY, "county_code", "County the survey is about", "县级区划代码", "code", "survey (province)");
    // Third-party assessment survey (docs/survey.md).
    String surveyFile = "survey.csv (province)";
    for (Table t : new Table[] {Table.BRONZE_SURVEY, Table.QUARANTINE_SURVEY}) {
      doc(t, "county_code", "County the survey is about (6 digits, in the delivering province)", "县级区划代码", "code", surveyFile);
    }
    doc(Table.SILVER_SURVEY, "province_code", "The delivering province, PP0000", "报送省份代码", "code", DERIVED + " from the batch");
    doc("surveyed_households", "Households the third-party survey sampled in the county (样本户数)", "样本户数", "households", surveyFile);
    doc("missed_households", "Sampled households found poor but not registered (漏评户数)", "漏评户数", "households", surveyFile);
    doc("approving_households", "Sampled households approving of the poverty-reduction work and its results (认可户数)", "认可户数", "households", surveyFile);
    // Conform's book of settled batches.
    doc(Table.OPS_CONFORMED_BATCHES, "province", "Delivering province", "报送省份", "code", "bronze");
    doc(Table.OPS_CONFORMED_BATCHES, "reporting_year", "Reporting year of the batch", "批次报告年度", "year", "bronze");
    doc(Table.OPS_CONFORMED_BATCHES, "outcome", "CONFORMED or REFUSED (a FAIL_BATCH rule fired: nothing of the batch was written)", "处理结果", "code", DERIVED + " at conform");
    doc(Table.OPS_CONFORMED_BATCHES, "rows_in", "Bronze lines of the batch, all tables", "输入行数", "rows", DERIVED + " at conform");
    doc("refused_by", "FAIL_BATCH rules that refused the batch; empty when conformed", "拒收规则", "rule ids", DERIVED + " at conform");
    doc("conformed_at", "When conform settled the batch", "清洗时间", "timestamp", DERIVED);
    // The year-end summary and its releases (docs/year-end.md).
    doc("release_id", "The release the row belongs to: <year>-r<revision>, e.g. 2020-r1", "发布编号", "code", DERIVED + " at year-end");
    doc("release_year", "The year the release is for", "发布年度", "year", DERIVED + " at year-end");
    doc("area_name", "Chinese name of the area (全国, 东部/中部/西部, or the division's name)", "地区名称", "", "ref.divisions");
    doc("questionable_exit_households", "Households on the year's inspection list (exited while failing the exit standard)", "脱贫质量存疑户数", "households", "curated.exit_quality");
    doc("questionable_exit_persons", "Member rows of those households", "脱贫质量存疑人口", "persons", "curated.exit_quality");
    doc("poor_counties", "National poor counties with a curated.county_status row that year", "贫困县数", "counties", "curated.county_status");
    doc("counties_delisted", "Poor counties whose announced de-listing (摘帽) year is this year", "当年摘帽县数", "counties", "ref.poor_counties");
    doc("counties_eligible", "Poor counties eligible for exit by the computed rules this year", "当年符合退出条件县数", "counties", "curated.county_status");
    doc("counties_delisted_not_eligible", "Counties announced as de-listed this year although not eligible by rule (flag ANNOUNCED_NOT_ELIGIBLE)", "摘帽但未达标县数", "counties", "curated.county_status");
    doc("villages_exited", "Villages eligible to exit for the first time this year (贫困村退出)", "当年退出贫困村数", "villages", "curated.village_status");
    doc("villages_eligible", "Villages eligible by rule this year", "符合退出条件村数", "villages", "curated.village_status");
    doc("coop_assessed", "False when curated.cooperation_assessment did not exist; the cooperation counts are then null", "是否已开展协作考核", "yes/no", "curated.cooperation_assessment");
    String coop = "curated.cooperation_assessment";
    doc("coop_helper_good", "Pairing rows of the year graded 好 on the helping side, counted for the helper's province", "帮扶方评为好的结对数", "pairings", coop);
    doc("coop_helper_fairly_good", "The same, graded 较好", "帮扶方评为较好的结对数", "pairings", coop);
    doc("coop_helper_average", "The same, graded 一般", "帮扶方评为一般的结对数", "pairings", coop);
    doc("coop_helper_poor", "The same, graded 较差", "帮扶方评为较差的结对数", "pairings", coop);
    doc("coop_helped_good", "Pairing rows of the year graded 好 on the helped side, counted for the helped area's province", "受帮扶方评为好的结对数", "pairings", coop);
    doc("coop_helped_fairly_good", "The same, graded 较好", "受帮扶方评为较好的结对数", "pairings", coop);
    doc("coop_helped_average", "The same, graded 一般", "受帮扶方评为一般的结对数", "pairings", coop);
    doc("coop_helped_poor", "The same, graded 较差", "受帮扶方评为较差的结对数", "pairings", coop);
    doc("records", "COUNTY rows: silver.households records of the county up to the released year", "户记录数", "records", "silver.households");
    doc("record_key_hash", "COUNTY rows: sum of xxhash64(household_id, reporting_year) over those records; changes when records come or go", "户记录键校验和", "hash", DERIVED);
    doc("record_content_hash", "COUNTY rows: sum of xxhash64 of every non-lineage column of those records; changes when a record is corrected", "户记录内容校验和", "hash", DERIVED);
    doc("member_records", "COUNTY rows: silver.members rows of the county up to the released year", "人员记录数", "records", "silver.members");
    doc("member_key_hash", "COUNTY rows: sum of xxhash64(person_key, household_id, reporting_year) over those member rows", "人员记录键校验和", "hash", DERIVED);
    doc("previous_release_id", "The release this one revises; empty for the first release of a year", "上一发布编号", "code", DERIVED + " at year-end");
    String change = "before: the previous release; after: this one";
    doc("poor_persons_before", "Poor persons of the county in the previous release", "修订前贫困人口", "persons", change);
    doc("poor_persons_after", "Poor persons of the county in this release", "修订后贫困人口", "persons", change);
    doc("incidence_rate_before", "Incidence of the county in the previous release", "修订前贫困发生率", FRACTION, change);
    doc("incidence_rate_after", "Incidence of the county in this release", "修订后贫困发生率", FRACTION, change);
    doc("exited_persons_before", "Exited persons of the county in the previous release", "修订前脱贫人口", "persons", change);
    doc("exited_persons_after", "Exited persons of the county in this release", "修订后脱贫人口", "persons", change);
    doc("returned_persons_before", "Returned persons of the county in the previous release", "修订前返贫人口", "persons", change);
    doc("returned_persons_after", "Returned persons of the county in this release", "修订后返贫人口", "persons", change);
    doc("questionable_exit_persons_before", "Questionable-exit persons of the county in the previous release", "修订前脱贫质量存疑人口", "persons", change);
    doc("questionable_exit_persons_after", "Questionable-exit persons of the county in this release", "修订后脱贫质量存疑人口", "persons", change);
    doc("records_before", "silver.households records of the county behind the previous release", "修订前户记录数", "records", change);
    doc("records_after", "silver.households records of the county behind this release", "修订后户记录数", "records", change);
    doc("changed", "The summary figures whose values differ, in table order", "变动指标", "column names", DERIVED + " at year-end");
    doc("reasons", "Why they changed: LATE_RECORDS, CORRECTIONS, RULE_CHANGE or UNEXPLAINED", "变动原因", "codes", DERIVED + " at year-end");
    doc("revision", "1 for the first release of a year, then 2, 3 ... for revisions", "修订次数", "count", DERIVED + " at year-end");
    doc("released_at", "When the release was made", "发布时间", "timestamp", DERIVED + " at year-end");
    doc("code_version", "Implementation version of the jar, with the git revision when the run could see one", "程序版本", "", DERIVED + " at year-end");
    doc("rule_version", "First 16 hex digits of the SHA-256 of the rules in force (curated and privacy settings, reference fingerprint)", "规则版本", "hex", DERIVED + " at year-end");
    doc("rules", "The rules hashed into rule_version, as text", "规则内容", "", DERIVED + " at year-end");
    doc("pinned_rows", "Rows of the release kept in curated.year_end_releases", "固化行数", "rows", DERIVED + " at year-end");
    doc("counties_changed", "Counties whose figures differ from the previous release; empty for revision 1", "变动县数", "counties", DERIVED + " at year-end");
    // The dictionary itself (ref.data_dictionary).
    doc(Table.REF_DATA_DICTIONARY, "layer", "Layer of the table: ref, bronze, silver, quarantine, curated or ops", "数据层", "code", DERIVED + " from the code");
    doc("qualified_table", "SQL name of the table, e.g. curated.incidence", "表名", "", DERIVED + " from the code");
    doc("table_description_en", "What one row of the table is, in English", "表说明 (英文)", "", DERIVED + " from the code");
    doc("table_description_zh", "The table's name in Chinese", "表说明 (中文)", "", DERIVED + " from the code");
    doc(Table.REF_DATA_DICTIONARY, "position", "Position of the column in the table, from 1", "列序号", "", DERIVED + " from the code");
    doc("column_name", "Name of the column", "列名", "", DERIVED + " from the code");
    doc("data_type", "Spark SQL type of the column (string, int, bigint, double, boolean, date, timestamp, array<...>, map<...>)", "数据类型", "", DERIVED + " from the code");
    doc(Table.REF_DATA_DICTIONARY, "nullable", "Whether the column may be null", "是否可为空", "yes/no", DERIVED + " from the code");
    doc("description_en", "Meaning of the column in English", "英文说明", "", DERIVED + " from the code");
    doc("description_zh", "Meaning of the column in Chinese", "中文说明", "", DERIVED + " from the code");
    doc(Table.REF_DATA_DICTIONARY, "unit", "Unit of the values; empty when none", "计量单位", "", DERIVED + " from the code");
    doc(Table.REF_DATA_DICTIONARY, "source", "Where the values come from: a landing file, a reference file, or derived by Tuopin", "数据来源", "", DERIVED + " from the code");

    // East-West cooperation (docs/cooperation.md).
    String helperFile = "cooperation_*.csv (helper province)";
    doc("helper_code", "Division code of the helping eastern province or city of the pairing (ref.pairings)", "帮扶方区划代码", "code", helperFile);
    doc("helped_code", "Division code of the helped western province or prefecture of the pairing (ref.pairings)", "受帮扶方区划代码", "code", helperFile);
    for (Table t : new Table[] {
        Table.SILVER_COOPERATION_FUNDS, Table.SILVER_COOPERATION_INDUSTRY, Table.SILVER_COOPERATION_TALENT,
        Table.SILVER_COOPERATION_LABOUR, Table.SILVER_COOPERATION_PAIRS}) {
      doc(t.qualifiedName() + ".province_code", "The delivering (helper) province, PP0000", "报送省份代码", "code", DERIVED + " from the batch");
    }
    doc("fiscal_aid", "Fiscal aid from the helper's budget to the helped area in the year (财政援助资金)", "财政援助资金", "10,000 yuan", helperFile);
    doc("social_donations", "Social donations mobilised for the helped area in the year (社会帮扶资金)", "社会帮扶资金", "10,000 yuan", helperFile);
    doc("enterprises", "Enterprises of the helper that invested in the helped area in the year (引导企业落地)", "引导落地企业数", "enterprises", helperFile);
    doc("investment", "Actual investment of those enterprises (实际投资额)", "企业实际投资额", "10,000 yuan", helperFile);
    doc("parks", "Industrial parks built jointly (共建产业园区)", "共建产业园区数", "parks", helperFile);
    doc("poor_employed", "Registered poor persons employed by those enterprises (带动贫困人口就业)", "带动贫困人口就业", "persons", helperFile);
    doc("poor_benefiting", "Registered poor persons benefiting otherwise from the projects: dividends, purchase contracts (带动贫困人口增收)", "带动贫困人口增收", "persons", helperFile);
    doc("cadres_seconded", "Party and government cadres seconded to the helped area (选派挂职干部)", "选派挂职干部", "persons", helperFile);
    doc("teachers", "Teachers sent to the helped area (支教教师)", "支教教师", "persons", helperFile);
    doc("doctors", "Doctors sent to the helped area (支医医生)", "支医医生", "persons", helperFile);
    doc("technicians", "Agricultural and other technicians sent (专业技术人才)", "专业技术人才", "persons", helperFile);
    doc("local_trained", "Cadres and technicians of the helped area trained by the helper (培训干部人才)", "培训干部和专业技术人才", "persons", helperFile);
    doc("jobs_in_helper", "Registered poor persons of the helped area placed in stable jobs in the helper province (到东部就业)", "帮助贫困人口到东部就业", "persons", helperFile);
    doc("jobs_near_home", "Registered poor persons placed in jobs near home with the helper's support (就地就近就业)", "帮助贫困人口就地就近就业", "persons", helperFile);
    doc("poor_trained", "Registered poor persons given vocational training (职业技能培训)", "贫困人口职业技能培训", "persons", helperFile);
    doc("county_pairs", "County pairs in force at year end (携手奔小康)", "县结对数", "pairs", helperFile);
    doc("township_pairs", "Township pairs in force at year end", "乡镇结对数", "pairs", helperFile);
    doc("village_pairs", "Village pairs in force at year end", "村结对数", "pairs", helperFile);
    doc("enterprise_pairs", "Enterprise-village pairs in force at year end (万企帮万村)", "企业结对数", "pairs", helperFile);
    doc("school_pairs", "School pairs in force at year end", "学校结对数", "pairs", helperFile);
    doc("hospital_pairs", "Hospital pairs in force at year end", "医院结对数", "pairs", helperFile);
    doc("side", "Which party of the pairing the row assesses: HELPER (the eastern side) or HELPED (the western side)", "考核对象 (帮扶方/受帮扶方)", "code", DERIVED);
    doc("score_poverty_reduction", "Poverty-reduction score (减贫成效): weighted normalised exit rate and incidence fall of the helped area", "减贫成效得分", "points 0–100", DERIVED);
    doc("score_labour", "Labour-cooperation score (劳务协作)", "劳务协作得分", "points 0–100", DERIVED);
    doc("score_industry", "Industrial-cooperation score (产业合作)", "产业合作得分", "points 0–100", DERIVED);
    doc("score_talent", "Talent-support score (人才支援), including the sub-provincial pairs", "人才支援得分", "points 0–100", DERIVED);
    doc("score_funding", "Funding score (资金支持)", "资金支持得分", "points 0–100", DERIVED);
    doc("total", "Weighted total of the five aspect scores (tuopin.cooperation.aspect-weights of the side); null when nothing could be assessed", "综合得分", "points 0–100", DERIVED);
    doc("grade", "Grade of the total: 好, 较好, 一般 or 较差 (cut-offs tuopin.cooperation.grades); null when the total is", "考核等次", "label", DERIVED);
    doc("rank", "Rank of the total among the pairings of the same side and year; 1 is the best, ties share a rank; null when the total is", "排名", "rank", DERIVED);
    doc("peers", "Number of pairings ranked together (same side and year, with a total)", "参评结对数", "pairings", DERIVED);
    doc("aspect", "Aspect of the indicator: POVERTY_REDUCTION, LABOUR, INDUSTRY, TALENT or FUNDING", "考核方面", "code", DERIVED);
    doc("indicator", "Indicator name, as in tuopin.cooperation.indicator-weights (docs/cooperation.md)", "考核指标", "code", DERIVED);
    doc("raw_value", "The indicator's input as delivered or counted (persons, pairs, 10,000 yuan) or, for exit_rate and incidence_fall, the rate", "指标原始值", "as the indicator", DERIVED);
    doc("poor_base", "Registered poor persons of the helped area at the start of the year (end of the year before; else of the year)", "年初建档立卡贫困人口", "persons", DERIVED + " from curated.incidence");
    doc("value", "The value compared among peers: raw_value per 10,000 poor_base, or the rate itself", "指标值", "as the indicator", DERIVED);
    doc("peer_max", "Highest value of the indicator among the peers (same side and year); negatives count as 0", "同类最高值", "as the indicator", DERIVED);
    doc("normalised", "100 × max(value, 0) / benchmark, at most 100; 0 when the value is missing or every peer has 0", "标准化得分", "points 0–100", DERIVED);
    doc("indicator_weight", "Weight of the indicator within its aspect as applied: tuopin.cooperation.indicator-weights, 0 when not assessable and the others of the aspect scaled up to sum to 1", "指标权重", FRACTION, "conf/local.conf");
    doc("aspect_weight", "Weight of the aspect in the side's total as applied: tuopin.cooperation.aspect-weights, 0 when nothing in the aspect is assessable and the other aspects scaled up to sum to 1", "方面权重", FRACTION, "conf/local.conf");
    doc("contribution", "aspect_weight × indicator_weight × normalised: the indicator's points in the total", "对综合得分的贡献", "points", DERIVED);
    doc("benchmark", "The value that scores 100: the peers' values' quantile tuopin.cooperation.benchmark-quantile (negatives as 0, interpolated), or peer_max when that quantile is 0", "标杆值", "as the indicator", DERIVED + " from conf/local.conf");
    doc("assessable", "Whether the indicator row counts in the score: the helped area had registered poor at the start of the year and, for a rate, the rate exists (not in the first reporting year)", "是否参与评分", "boolean", DERIVED);
    doc("assessor_code", "The province whose team assesses in the cross-assessment (交叉考核)", "考核方省份", "code", DERIVED + " from tuopin.cooperation.roster");
    doc("assessed_code", "The province whose pairings (both sides) it assesses", "被考核方省份", "code", DERIVED + " from tuopin.cooperation.roster");
    doc("rotation_offset", "Positions between assessor and assessed in the configured rotation (1 .. n-1)", "轮换位次", "positions", DERIVED);
    doc("pairings", "Pairings of ref.pairings whose helper lies in the assessed province", "结对数", "pairings", "ref.pairings");
    table(Table.REF_DIVISIONS, "Provinces, prefectures and counties (NBS codes at 2020-06-30)", "行政区划");
    table(Table.REF_PROVINCES, "Provinces with their regions and exit thresholds", "省份");
    table(Table.REF_POOR_COUNTIES, "The 832 national poor counties with their de-listing years", "国家级贫困县");
    table(Table.REF_PAIRINGS, "The 2016 East-West cooperation pairings", "东西部扶贫协作结对");
    table(Table.REF_POVERTY_LINES, "National rural poverty line by year", "国家农村贫困标准");
    table(Table.REF_THRESHOLDS, "Exit thresholds, most specific scope wins", "退出标准");
    table(Table.REF_NATIONAL_SERIES, "National rural poor population and incidence 2012–2020", "全国农村贫困监测数据");
    table(Table.REF_DATA_DICTIONARY, "Every column of every table with its type, meaning, unit and source", "数据字典");
    table(Table.BRONZE_HOUSEHOLDS, "Every delivered household line, as delivered, head's ID pseudonymised", "户记录 (原始层)");
    table(Table.BRONZE_MEMBERS, "Every delivered member line, as delivered, ID pseudonymised", "人员记录 (原始层)");
    table(Table.BRONZE_POPULATION, "Every delivered population line", "乡村人口 (原始层)");
    table(Table.SILVER_HOUSEHOLDS, "Valid households per year, typed and coded", "户记录 (清洗层)");
    table(Table.SILVER_MEMBERS, "Valid persons per year, pseudonymised", "人员记录 (清洗层)");
    table(Table.SILVER_POPULATION, "Rural registered population per village and year", "乡村户籍人口 (清洗层)");
    table(Table.BRONZE_SURVEY, "Every delivered third-party survey line", "第三方评估调查 (原始层)");
    table(Table.SILVER_SURVEY, "Third-party assessment survey per county and year: missed-identification and approval rates", "第三方评估调查 (清洗层)");
    table(Table.QUARANTINE_SURVEY, "Rejected third-party survey lines with every rule they broke", "隔离的第三方评估调查记录");
    table(Table.QUARANTINE_HOUSEHOLDS, "Rejected household lines with every rule they broke", "隔离的户记录");
    table(Table.QUARANTINE_MEMBERS, "Rejected member lines with every rule they broke", "隔离的人员记录");
    table(Table.QUARANTINE_POPULATION, "Rejected population lines with every rule they broke", "隔离的人口记录");
    table(Table.CURATED_HOUSEHOLD_FACTS, "Working table of the aggregate stage: each household-year's member count and contributions to the area totals", "户年度汇总事实表 (工作表)");
    table(Table.CURATED_VILLAGE_BASE, "Working table of the aggregate stage: each village-year's summed household contributions and rural population, from which every level is summed", "村年度汇总表 (工作表)");
    table(Table.CURATED_INCIDENCE, "Poverty incidence per level, area and year", "贫困发生率");
    table(Table.CURATED_EXITS, "Exits, new identifications, returns and removals per level, area and year", "脱贫、新识别、返贫与清退");
    table(Table.CURATED_COUNTY_STATUS, "Poor counties against the exit rules, with disagreement flags", "贫困县退出状态");
    table(Table.CURATED_VILLAGE_STATUS, "Villages against the exit rules", "贫困村退出状态");
    table(Table.CURATED_EXIT_QUALITY, "Households that exited while failing the exit standard (the inspection list)", "脱贫质量核查清单");
    table(Table.CURATED_POVERTY_MEASURES, "FGT and Alkire–Foster poverty measures per level, area and year", "贫困测度");
    table(Table.BRONZE_COOPERATION_FUNDS, "Every delivered cooperation funds line", "东西部协作资金 (原始层)");
    table(Table.BRONZE_COOPERATION_INDUSTRY, "Every delivered industrial cooperation line", "东西部产业合作 (原始层)");
    table(Table.BRONZE_COOPERATION_TALENT, "Every delivered talent support line", "东西部人才支援 (原始层)");
    table(Table.BRONZE_COOPERATION_LABOUR, "Every delivered labour cooperation line", "东西部劳务协作 (原始层)");
    table(Table.BRONZE_COOPERATION_PAIRS, "Every delivered sub-provincial pairings line", "携手奔小康等结对 (原始层)");
    table(Table.SILVER_COOPERATION_FUNDS, "Cooperation funds per pairing and year, typed", "东西部协作资金 (清洗层)");
    table(Table.SILVER_COOPERATION_INDUSTRY, "Industrial cooperation per pairing and year, typed", "东西部产业合作 (清洗层)");
    table(Table.SILVER_COOPERATION_TALENT, "Talent support per pairing and year, typed", "东西部人才支援 (清洗层)");
    table(Table.SILVER_COOPERATION_LABOUR, "Labour cooperation per pairing and year, typed", "东西部劳务协作 (清洗层)");
    table(Table.SILVER_COOPERATION_PAIRS, "Sub-provincial pairings per pairing and year, typed", "携手奔小康等结对 (清洗层)");
    table(Table.QUARANTINE_COOPERATION_FUNDS, "Rejected cooperation funds lines with every rule they broke", "隔离的协作资金记录");
    table(Table.QUARANTINE_COOPERATION_INDUSTRY, "Rejected industrial cooperation lines", "隔离的产业合作记录");
    table(Table.QUARANTINE_COOPERATION_TALENT, "Rejected talent support lines", "隔离的人才支援记录");
    table(Table.QUARANTINE_COOPERATION_LABOUR, "Rejected labour cooperation lines", "隔离的劳务协作记录");
    table(Table.QUARANTINE_COOPERATION_PAIRS, "Rejected sub-provincial pairings lines", "隔离的结对记录");
    table(Table.CURATED_COOPERATION_ASSESSMENT, "East-West cooperation assessment per pairing, side and year", "东西部扶贫协作考核");
    table(Table.CURATED_COOPERATION_INDICATORS, "Every indicator value behind the cooperation assessment", "东西部扶贫协作考核指标");
    table(Table.CURATED_COOPERATION_ROSTER, "Who assesses whom in the yearly cross-assessment", "东西部扶贫协作交叉考核安排");
    table(Table.CURATED_YEAR_END_SUMMARY, "Headline figures of the year per level and area", "年度汇总");
    table(Table.CURATED_YEAR_END_RELEASES, "Every released year-end figure, kept as released: nation, regions, provinces and counties", "年度汇总发布固化数据");
    table(Table.CURATED_YEAR_END_CHANGES, "Per county, what a revised release changed and why", "年度汇总修订变动");
    table(Table.OPS_RUNS, "One row per stage of every run", "运行日志");
    table(Table.OPS_INGESTED_FILES, "Every delivered file, loaded or refused", "已接收文件");
    table(Table.OPS_QUALITY_METRICS, "Rows checked and failed per rule, table and run", "数据质量指标");
    table(Table.OPS_CONFORMED_BATCHES, "One row per bronze batch that conform has settled (conformed or refused)", "已清洗批次");
    table(Table.OPS_RELEASES, "One row per release of a year's figures, with the table versions it read", "数据发布记录");
  }

  /** The documentation of a column in a table: the table-specific entry, else the general one. */
  public static Optional<ColumnDoc> describe(Table t, String column) {
    ColumnDoc specific = DOCS.get(t.qualifiedName() + "." + column);
    return Optional.ofNullable(specific != null ? specific : DOCS.get(column));
  }

  /** English and Chinese description of a table, when written. */
  public static Optional<String[]> describe(Table t) {
    return Optional.ofNullable(TABLES.get(t));
  }
}
