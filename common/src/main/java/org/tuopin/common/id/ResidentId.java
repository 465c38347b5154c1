package org.tuopin.common.id;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The resident identity number of GB 11643-1999: 6-digit area code, 8-digit birth date, 3-digit
 * sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
 *
 * <p>This is the plain-Java form, used by tests and small tools; Spark code uses the equivalent
 * Column expressions of {@link ResidentIdColumns}. Neither ever puts the number in a message.
 */
public final class ResidentId {
  private ResidentId() {}

  /** Weights of the 17 leading digits. */
  static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  /** Check character for each value of the weighted sum modulo 11. */
  static final String CHECK_CHARS = "10X98765432";

  /** Why a number is not a valid 18-character resident ID. */
  public enum Problem {
    MISSING("resident ID is empty"),
    LEGACY_15_DIGITS("resident ID has 15 digits (the pre-1999 form); the register needs the 18-character form"),
    FORMAT("resident ID is not 17 digits followed by a digit or X"),
    AREA_CODE("resident ID does not start with a valid province code"),
    BIRTH_DATE("resident ID carries an impossible birth date"),
    CHECK_CHARACTER("resident ID's check character does not match its first 17 digits");

    private final String message;

    Problem(String message) {
      this.message = message;
    }

    /** A message that names the problem and never the number. */
    public String message() {
      return message;
    }
  }

  /** The check character for 17 leading digits. */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != 17) {
      throw new IllegalArgumentException("need exactly 17 digits");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("need exactly 17 digits");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  /** Empty when the number is a valid 18-character ID, else the first problem found. */
  public static Optional<Problem> validate(String id) {
    if (id == null || id.isBlank()) {
      return Optional.of(Problem.MISSING);
    }
    String s = id.trim().toUpperCase(java.util.Locale.ROOT);
    if (s.matches("[0-9]{15}")) {
      return Optional.of(Problem.LEGACY_15_DIGITS);
    }
    if (!s.matches("[0-9]{17}[0-9X]")) {
      return Optional.of(Problem.FORMAT);
    }
    int province = Integer.parseInt(s.substring(0, 2));
    if (!DivisionCode.isProvincePrefix(province)) {
      return Optional.of(Problem.AREA_CODE);
    }
    if (birthDate(s).isEmpty()) {
      return Optional.of(Problem.BIRTH_DATE);
    }
    if (checkCharacter(s.substring(0, 17)) != s.charAt(17)) {
      return Optional.of(Problem.CHECK_CHARACTER);
    }
    return Optional.empty();
  }

  /** The birth date encoded in positions 7–14, when it is a real date from 1900 on. */
  public static Optional<LocalDate> birthDate(String id) {
    try {
      LocalDate d =
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14)));
      return d.getYear() < 1900 ? Optional.empty() : Optional.of(d);
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** True for a man: the 17th character (last of the sequence) is odd. */
  public static boolean isMale(String id) {
    return (id.charAt(16) - '0') % 2 == 1;
  }
}
