package org.tuopin.common.domain;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;

/**
 * The code lists of the registry (建档立卡 record layouts, DESIGN.md): labels as provinces deliver
 * them, codes as Tuopin stores them. The generator writes the labels; conform maps them back with
 * {@link #toCode}, so the two can never drift apart.
 */
public final class Codebook {
  private Codebook() {}

  /** 贫困户属性. */
  public enum HouseholdAttribute implements Coded {
    GENERAL("一般贫困户"),
    MINIMUM_ALLOWANCE("低保贫困户"),
    EXTREME_POVERTY_SUPPORT("特困供养贫困户");

    private final String label;

    HouseholdAttribute(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 主要致贫原因. */
  public enum PovertyCause implements Coded {
    ILLNESS("因病"),
    DISABILITY("因残"),
    SCHOOLING("因学"),
    DISASTER("因灾"),
    LAND("缺土地"),
    WATER("缺水"),
    SKILLS("缺技术"),
    LABOUR("缺劳力"),
    CAPITAL("缺资金"),
    TRANSPORT("交通条件落后"),
    MOTIVATION("自身发展动力不足");

    private final String label;

    PovertyCause(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Register status of a household in a reporting year; delivered as the code itself. */
  public enum HouseholdStatus implements Coded {
    POOR,
    EXITED,
    RETURNED,
    REMOVED;

    @Override
    public String label() {
      return name();
    }
  }

  /** 与户主关系. */
  public enum Relation implements Coded {
    HEAD("户主"),
    SPOUSE("配偶"),
    SON("之子"),
    DAUGHTER("之女"),
    FATHER("之父"),
    MOTHER("之母"),
    GRANDSON("之孙子"),
    GRANDDAUGHTER("之孙女"),
    DAUGHTER_IN_LAW("之儿媳"),
    OTHER("其他");

    private final String label;

    Relation(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 性别. */
  public enum Sex implements Coded {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Sex(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 劳动技能. */
  public enum LabourCapacity implements Coded {
    SKILLED("技能劳动力"),
    ORDINARY("普通劳动力"),
    WEAK("弱劳动力或半劳动力"),
    LOST("丧失劳动力"),
    NONE("无劳动力");

    private final String label;

    LabourCapacity(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 在校生状况. */
  public enum Schooling implements Coded {
    NOT_IN_SCHOOL("非在校生"),
    PRESCHOOL("学前教育"),
    PRIMARY("小学"),
    JUNIOR_SECONDARY("初中"),
    SENIOR_SECONDARY("高中"),
    VOCATIONAL_SECONDARY("中职"),
    VOCATIONAL_HIGHER("高职"),
    HIGHER("大专及以上");

    private final String label;

    Schooling(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 健康状况. */
  public enum Health implements Coded {
    HEALTHY("健康"),
    CHRONIC_ILLNESS("长期慢性病"),
    SERIOUS_ILLNESS("患有大病"),
    DISABLED("残疾");

    private final String label;

    Health(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 是 / 否 flags. */
  public enum YesNo implements Coded {
    YES("是"),
    NO("否");

    private final String label;

    YesNo(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The labels of a code list, in declaration order. */
  public static <E extends Enum<E> & Coded> List<String> labels(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Coded::label).collect(Collectors.toList());
  }

  /** Maps a delivered label column to its code; null when the label is unknown (a rule then fires). */
  public static <E extends Enum<E> & Coded> Column toCode(Column label, Class<E> type) {
    Column trimmed = trim(label);
    Column out = null;
    for (E e : type.getEnumConstants()) {
      out = out == null ? when(trimmed.equalTo(e.label()), e.name()) : out.when(trimmed.equalTo(e.label()), e.name());
    }
    return out.otherwise(lit(null).cast("string"));
  }

  /** Maps a 是/否 column to a boolean; null when neither. */
  public static Column toBoolean(Column label) {
    Column trimmed = trim(label);
    return when(trimmed.equalTo(YesNo.YES.label()), lit(true))
        .when(trimmed.equalTo(YesNo.NO.label()), lit(false))
        .otherwise(lit(null).cast("boolean"));
  }
}
