package org.tuopin.common.cooperation;

/** The grades of the assessment, best first, with the labels stored in curated.cooperation_assessment. */
public enum Grade {
  GOOD("好"),
  FAIRLY_GOOD("较好"),
  AVERAGE("一般"),
  POOR("较差");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
