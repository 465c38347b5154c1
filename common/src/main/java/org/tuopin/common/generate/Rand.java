package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Deterministic randomness as Column expressions: a uniform draw in [0, 1) is the xxhash64 of the
 * seed, a salt naming the decision and the row's stable keys. Unlike {@code rand(seed)}, the draw
 * does not depend on partitioning or row order, so the same arguments give the same data.
 */
final class Rand {
  private Rand() {}

  private static final long BUCKETS = 1L << 40;

  /** A uniform draw in [0, 1) for one named decision on one row. */
  static Column uniform(long seed, String salt, Column... keys) {
    Column[] all = new Column[keys.length + 2];
    all[0] = lit(seed);
    all[1] = lit(salt);
    System.arraycopy(keys, 0, all, 2, keys.length);
    return pmod(xxhash64(all), lit(BUCKETS)).cast("double").divide(lit((double) BUCKETS));
  }

  /**
   * The value whose cumulative share first exceeds the draw: {@code values.get(i)} with probability
   * {@code shares.get(i)}.
   */
  static Column pick(Column draw, List<Double> shares, List<? extends Object> values) {
    Column out = null;
    double cum = 0;
    int last = -1;
    for (int i = 0; i < shares.size(); i++) {
      if (shares.get(i) <= 0) {
        continue;
      }
      cum += shares.get(i);
      last = i;
      out = out == null ? when(draw.lt(cum), lit(values.get(i))) : out.when(draw.lt(cum), lit(values.get(i)));
    }
    // Rounding of the cumulative sum must never leave a draw without a value.
    return out.otherwise(lit(values.get(last)));
  }

  /** A whole number in [lo, hi] (inclusive bounds as columns) from a draw. */
  static Column between(Column draw, Column lo, Column hi) {
    return lo.plus(org.apache.spark.sql.functions.floor(draw.multiply(hi.minus(lo).plus(1)))).cast("int");
  }
}
