package org.tuopin.common.curated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.curated.IncrementalScope.Slice;
import org.tuopin.common.test.SharedSpark;

@ExtendWith(SharedSpark.class)
class IncrementalScopeTest {
  private static Set<Slice> set(Slice... s) {
    return new TreeSet<>(List.of(s));
  }

  @Test
  void aHouseholdChangeAlsoRedoesTheNextYearButNotBeyondTheLast() {
    Set<Slice> facts =
        IncrementalScope.factSlices(
            set(new Slice(2018, "510000"), new Slice(2020, "520000")), set(new Slice(2016, "630000")), 2020);
    assertEquals(
        set(new Slice(2016, "630000"), new Slice(2018, "510000"), new Slice(2019, "510000"), new Slice(2020, "520000")), facts);
  }

  @Test
  void factsReadTheirYearAndTheYearBefore() {
    assertEquals(
        set(new Slice(2018, "510000"), new Slice(2019, "510000"), new Slice(2020, "510000")),
        IncrementalScope.householdInputs(set(new Slice(2019, "510000"), new Slice(2020, "510000"))));
  }

  @Test
  void theFirstChangedYearOverAllSets() {
    assertEquals(2017, IncrementalScope.firstYear(List.of(set(new Slice(2019, "510000")), set(new Slice(2017, "110000")))));
    assertNull(IncrementalScope.firstYear(List.of(set(), set())));
  }

  @Test
  void slicesOfRowsAndThePredicateSelectingThem() {
    var spark = SharedSpark.spark();
    var rows =
        spark.sql(
            "SELECT * FROM VALUES (2019, '510000', 'a'), (2019, '510000', 'b'), (2020, '520000', 'c'), (2018, '510000', 'd')"
                + " AS t(reporting_year, province_code, v)");
    assertEquals(set(new Slice(2018, "510000"), new Slice(2019, "510000"), new Slice(2020, "520000")), IncrementalScope.changesOf(rows).slices());
    assertEquals(3L, rows.where(IncrementalScope.in(set(new Slice(2019, "510000"), new Slice(2020, "520000")))).count());
    assertEquals(0L, rows.where(IncrementalScope.in(set())).count());
  }

  @Test
  void changesCountTheRowsBesideTheirSlices() {
    var spark = SharedSpark.spark();
    var rows =
        spark.sql(
            "SELECT * FROM VALUES (2019, '510000', 'a'), (2019, '510000', 'b'), (2020, '520000', 'c')"
                + " AS t(reporting_year, province_code, v)");
    IncrementalScope.Changes c = IncrementalScope.changesOf(rows);
    assertEquals(set(new Slice(2019, "510000"), new Slice(2020, "520000")), c.slices());
    assertEquals(3L, c.rows());
    IncrementalScope.Changes none = IncrementalScope.changesOf(rows.where("v = 'z'"));
    assertEquals(set(), none.slices());
    assertEquals(0L, none.rows());
  }
}
