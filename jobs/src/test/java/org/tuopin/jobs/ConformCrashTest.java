package org.tuopin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.Bronze;
import org.tuopin.common.schema.LandingHouseholds;
import org.tuopin.common.test.BronzeFixtures;
import org.tuopin.common.test.BronzeFixtures.Batch;
import org.tuopin.common.test.BronzeFixtures.Line;
import org.tuopin.common.test.SharedSpark;

/**
 * A real {@code kill -9} of a child JVM running {@code tuopin conform}, between its silver MERGEs;
 * then a rerun in this JVM must leave every table as a clean run does.
 */
@ExtendWith(SharedSpark.class)
class ConformCrashTest {
  /** The log line after which the child is killed: silver.households is merged, members not yet. */
  static final String KILL_AFTER = "merging silver.members";

  static final Table[] COMPARED = {
    Table.SILVER_HOUSEHOLDS, Table.SILVER_MEMBERS, Table.QUARANTINE_HOUSEHOLDS, Table.QUARANTINE_MEMBERS
  };

  static void bronze(ConformWarehouse w) {
    Batch gz = new Batch("gz-2019-full-1", BronzeFixtures.GUIZHOU, 2019, "FULL");
    Batch yn = new Batch("yn-2019-full-1", BronzeFixtures.YUNNAN, 2019, "FULL");
    List<Line> hh = new ArrayList<>();
    List<Line> mem = new ArrayList<>();
    long line = 2;
    for (Batch b : List.of(gz, yn)) {
      for (int n = 1; n <= 4; n++) {
        Line h = BronzeFixtures.household(b, n, line++);
        hh.add(h);
        mem.add(BronzeFixtures.member(b, n, 1, line++));
        if (n == 4) {
          h.set(LandingHouseholds.PER_CAPITA_INCOME, "-1");
        }
      }
    }
    mem.add(BronzeFixtures.member(gz, 9, 1, line++).set(Bronze.ID_PROBLEM, "FORMAT"));
    w.bronze(hh, mem, List.of());
  }

  @Test
  void killedBetweenMergesConvergesToTheCleanResultOnRerun() throws Exception {
    ConformWarehouse clean = new ConformWarehouse("conform-clean");
    bronze(clean);
    clean.conform(false);
    ConformWarehouse crashed = new ConformWarehouse("conform-crashed");
    bronze(crashed);

    List<String> cmd = TuopinChild.command(List.of(), "conform", List.of("-Dpaths.warehouse=" + crashed.dir));
    TuopinChild.killAt(cmd, KILL_AFTER, Duration.ofMinutes(5));

    // Each table as before or as after: households merged, members untouched, no batch settled.
    assertEquals(clean.rows(Table.SILVER_HOUSEHOLDS, "*"), crashed.rows(Table.SILVER_HOUSEHOLDS, "*"));
    assertEquals(0, crashed.read(Table.SILVER_MEMBERS).count());
    assertEquals(0, crashed.read(Table.OPS_CONFORMED_BATCHES).count());

    crashed.conform(false);
    for (Table t : COMPARED) {
      assertEquals(clean.rows(t, "*"), crashed.rows(t, "*"), t.qualifiedName());
    }
    assertEquals(
        clean.rows(Table.OPS_CONFORMED_BATCHES, "batch_id", "outcome", "rows_in", "rows_quarantined"),
        crashed.rows(Table.OPS_CONFORMED_BATCHES, "batch_id", "outcome", "rows_in", "rows_quarantined"));
  }
}
