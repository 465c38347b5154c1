package org.tuopin.common.id;

/**
 * Administrative division codes: 6-digit GB/T 2260 codes for province ({@code PP0000}), prefecture
 * ({@code PPCC00}) and county ({@code PPCCDD}); 12-digit statistical codes for villages (the
 * county code, a 3-digit township, a 3-digit village). Whether a code exists is a question for
 * {@code ref.divisions}; this class checks only the shape and the nesting.
 */
public final class DivisionCode {
  private DivisionCode() {}

  /** The nation in curated tables. */
  public static final String NATION = "000000";

  /** True for the 2-digit province prefixes that GB/T 2260 assigns (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82). */
  public static boolean isProvincePrefix(int p) {
    return (p >= 11 && p <= 15)
        || (p >= 21 && p <= 23)
        || (p >= 31 && p <= 37)
        || (p >= 41 && p <= 46)
        || (p >= 50 && p <= 54)
        || (p >= 61 && p <= 65)
        || p == 71
        || p == 81
        || p == 82;
  }

  /**
   * True for a 6-digit code that can name a county-level unit: a valid province prefix and not a
   * province total. A code ending in 00 may be a county-level unit (prefecture-level cities without
   * districts such as 东莞 441900 or 儋州 460400), so only ref.divisions can say whether a code is a
   * county or a prefecture total.
   */
  public static boolean isCountyCode(String code) {
    return code != null
        && code.matches("[0-9]{6}")
        && isProvincePrefix(Integer.parseInt(code.substring(0, 2)))
        && !code.endsWith("0000");
  }

  /** True for a 12-digit village code whose township and village parts are not zero. */
  public static boolean isVillageCode(String code) {
    return code != null
        && code.matches("[0-9]{12}")
        && isCountyCode(code.substring(0, 6))
        && !code.substring(6, 9).equals("000")
        && !code.substring(9).equals("000");
  }

  /** The county containing a 12-digit village code. */
  public static String countyOfVillage(String village) {
    return village.substring(0, 6);
  }

  /** The 6-digit province code ({@code PP0000}) of any division code. */
  public static String provinceOf(String code) {
    return code.substring(0, 2) + "0000";
  }

  /** The 6-digit prefecture code ({@code PPCC00}) of a county or village code. */
  public static String prefectureOf(String code) {
    return code.substring(0, 4) + "00";
  }
}
