package org.tuopin.common.curated;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.common.schema.SilverHouseholds;

/**
 * What an incremental aggregate must redo when silver changed in some province-years (docs/statistics.md,
 * "Incremental nights"). A household-year's facts read its own year's household and member rows and
 * the household's previous year (for returns to poverty), so a changed household slice (year t,
 * province p) also changes the facts of (t + 1, p); members and population change only their own
 * slice. The area totals are sums of the facts, and cumulative exits, stock residuals and the
 * two-year eligibility flags look back over earlier years, so every curated row from the first
 * changed year on is rewritten.
 */
public final class IncrementalScope {
  private IncrementalScope() {}

  /** One partition of silver: a reporting year of one province. */
  public record Slice(int year, String province) implements Comparable<Slice> {
    private static final Comparator<Slice> ORDER = Comparator.comparingInt(Slice::year).thenComparing(Slice::province);

    @Override
    public int compareTo(Slice o) {
      return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
      return province + "/" + year;
    }
  }

  /** The province-years that rows touch, and how many rows there are. */
  public record Changes(Set<Slice> slices, long rows) {}

  /**
   * The distinct slices of change-feed (or any) rows carrying the silver partition columns, and
   * the number of rows, as one aggregate row: a few hundred pairs at most, never data.
   */
  public static Changes changesOf(Dataset<Row> rows) {
    Row agg =
        rows.agg(collect_set(struct(col(SilverHouseholds.REPORTING_YEAR), col(SilverHouseholds.PROVINCE_CODE))), count(lit(1)))
            .first();
    Set<Slice> out = new TreeSet<>();
    for (Row r : agg.<Row>getList(0)) {
      if (!r.isNullAt(0) && !r.isNullAt(1)) {
        out.add(new Slice(r.getInt(0), r.getString(1)));
      }
    }
    return new Changes(out, agg.getLong(1));
  }

  /**
   * The household-fact slices to recompute: changed household slices and the year after each
   * (within the last year that exists), and changed member slices.
   */
  public static Set<Slice> factSlices(Set<Slice> households, Set<Slice> members, int lastYear) {
    Set<Slice> out = new TreeSet<>(members);
    for (Slice s : households) {
      out.add(s);
      if (s.year() < lastYear) {
        out.add(new Slice(s.year() + 1, s.province()));
      }
    }
    return out;
  }

  /** The household slices the facts of the given slices read: each slice and the year before it. */
  public static Set<Slice> householdInputs(Set<Slice> factSlices) {
    Set<Slice> out = new TreeSet<>(factSlices);
    for (Slice s : factSlices) {
      out.add(new Slice(s.year() - 1, s.province()));
    }
    return out;
  }

  /** The first year whose curated rows change, or null when nothing changed. */
  public static Integer firstYear(List<Set<Slice>> changed) {
    Integer first = null;
    for (Set<Slice> set : changed) {
      for (Slice s : set) {
        first = first == null ? s.year() : Math.min(first, s.year());
      }
    }
    return first;
  }

  /** Rows whose (reporting_year, province_code) is one of the slices: a predicate on silver's partition columns. */
  public static Column in(Set<Slice> slices) {
    return in(slices, col(SilverHouseholds.REPORTING_YEAR), col(SilverHouseholds.PROVINCE_CODE));
  }

  /** Rows whose (year, province) columns are one of the slices. */
  public static Column in(Set<Slice> slices, Column year, Column province) {
    if (slices.isEmpty()) {
      return lit(false);
    }
    // One IN list over a key of the two columns rather than an OR per slice: a few hundred ORs
    // generate more code than a JVM method may hold. Still a partition-column predicate for Delta.
    Object[] keys = slices.stream().map(s -> s.year() + "/" + s.province()).toArray();
    return concat_ws("/", year.cast("string"), province).isin(keys);
  }
}
