package org.tuopin.common.cooperation;

import java.util.Locale;

/**
 * The indicators of the assessment, each in one {@link Aspect}. Every indicator except the two
 * poverty-reduction rates is an intensity: its raw value (a count of persons, pairs or an amount in
 * 10,000 yuan) per 10,000 registered poor persons of the helped area at the start of the year, so
 * that a province and a prefecture compare fairly. docs/cooperation.md explains each.
 */
public enum Indicator {
  /** Exited persons of the year / poor persons at the start of the year (curated.exits, curated.incidence). */
  EXIT_RATE(Aspect.POVERTY_REDUCTION, false),
  /** Incidence at the end of the previous year minus incidence at the end of the year (curated.incidence). */
  INCIDENCE_FALL(Aspect.POVERTY_REDUCTION, false),
  /** cooperation_labour.jobs_in_helper per 10,000 poor. */
  JOBS_IN_HELPER(Aspect.LABOUR, true),
  /** cooperation_labour.jobs_near_home per 10,000 poor. */
  JOBS_NEAR_HOME(Aspect.LABOUR, true),
  /**
   * Registered poor persons of the helped area whose work province (silver.members) is the helper's
   * province, per 10,000 poor: the register's own view of labour cooperation.
   */
  REGISTERED_WORKERS_IN_HELPER(Aspect.LABOUR, true),
  /** cooperation_industry.investment (10,000 yuan) per 10,000 poor. */
  INVESTMENT(Aspect.INDUSTRY, true),
  /** cooperation_industry.enterprises per 10,000 poor. */
  ENTERPRISES(Aspect.INDUSTRY, true),
  /** cooperation_industry.poor_employed + poor_benefiting per 10,000 poor. */
  POOR_REACHED_BY_INDUSTRY(Aspect.INDUSTRY, true),
  /** cooperation_talent cadres + teachers + doctors + technicians per 10,000 poor. */
  PERSONNEL_SENT(Aspect.TALENT, true),
  /** cooperation_talent.local_trained per 10,000 poor. */
  LOCAL_TRAINED(Aspect.TALENT, true),
  /** cooperation_pairs: all sub-provincial pairs (county ... hospital) per 10,000 poor. */
  SUB_PROVINCIAL_PAIRS(Aspect.TALENT, true),
  /** cooperation_funds.fiscal_aid (10,000 yuan) per 10,000 poor. */
  FISCAL_AID(Aspect.FUNDING, true),
  /** cooperation_funds.social_donations (10,000 yuan) per 10,000 poor. */
  SOCIAL_DONATIONS(Aspect.FUNDING, true);

  private final Aspect aspect;
  private final boolean perPoor;

  Indicator(Aspect aspect, boolean perPoor) {
    this.aspect = aspect;
    this.perPoor = perPoor;
  }

  public Aspect aspect() {
    return aspect;
  }

  /** True when the scaled value is the raw value per 10,000 poor persons at the start of the year. */
  public boolean perPoor() {
    return perPoor;
  }

  /** The name in tables and configuration (tuopin.cooperation.indicator-weights.&lt;name&gt;). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
