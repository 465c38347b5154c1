package org.tuopin.common.cooperation;

import org.tuopin.common.schema.CuratedCooperationAssessment;

/** The five aspects of the East-West cooperation assessment, each scored 0–100. */
public enum Aspect {
  /** 减贫成效: exits and the fall of incidence in the helped area. */
  POVERTY_REDUCTION("poverty-reduction", CuratedCooperationAssessment.SCORE_POVERTY_REDUCTION),
  /** 劳务协作. */
  LABOUR("labour", CuratedCooperationAssessment.SCORE_LABOUR),
  /** 产业合作. */
  INDUSTRY("industry", CuratedCooperationAssessment.SCORE_INDUSTRY),
  /** 人才支援. */
  TALENT("talent", CuratedCooperationAssessment.SCORE_TALENT),
  /** 资金支持. */
  FUNDING("funding", CuratedCooperationAssessment.SCORE_FUNDING);

  private final String key;
  private final String scoreColumn;

  Aspect(String key, String scoreColumn) {
    this.key = key;
    this.scoreColumn = scoreColumn;
  }

  /** The configuration key (tuopin.cooperation.aspect-weights.&lt;side&gt;.&lt;key&gt;). */
  public String key() {
    return key;
  }

  /** The column of curated.cooperation_assessment holding this aspect's score. */
  public String scoreColumn() {
    return scoreColumn;
  }
}
