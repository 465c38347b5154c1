package org.tuopin.common.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cross-assessment rotation. */
class CooperationRosterTest {
  private static final List<String> ORDER = List.of("320000", "440000", "330000", "370000");

  @Test
  void inTheBaseYearEachAssessesTheNext() {
    List<CooperationRoster.Assignment> a = CooperationRoster.assignments(ORDER, 2016, 2016);
    assertEquals(
        List.of(
            new CooperationRoster.Assignment(2016, "320000", "440000", 1),
            new CooperationRoster.Assignment(2016, "440000", "330000", 1),
            new CooperationRoster.Assignment(2016, "330000", "370000", 1),
            new CooperationRoster.Assignment(2016, "370000", "320000", 1)),
        a);
  }

  @Test
  void theOffsetGrowsAndWrapsWithoutSelfAssessment() {
    assertEquals(2, CooperationRoster.offset(2017, 2016, 4));
    assertEquals(3, CooperationRoster.offset(2018, 2016, 4));
    assertEquals(1, CooperationRoster.offset(2019, 2016, 4));
    // Years before the base year rotate backwards the same way.
    assertEquals(3, CooperationRoster.offset(2015, 2016, 4));
    assertEquals(List.of("330000", "370000", "320000", "440000"),
        CooperationRoster.assignments(ORDER, 2016, 2017).stream().map(CooperationRoster.Assignment::assessed).toList());
    // Over n-1 years, each province assesses each other one exactly once, and never itself.
    for (String p : ORDER) {
      Set<String> assessed = new HashSet<>();
      for (int y = 2016; y < 2016 + ORDER.size() - 1; y++) {
        for (CooperationRoster.Assignment x : CooperationRoster.assignments(ORDER, 2016, y)) {
          if (x.assessor().equals(p)) {
            assertNotEquals(p, x.assessed());
            assessed.add(x.assessed());
          }
        }
      }
      assertEquals(ORDER.size() - 1, assessed.size());
    }
  }
}
