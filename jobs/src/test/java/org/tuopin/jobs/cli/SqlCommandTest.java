package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.test.SharedSpark;
import picocli.CommandLine;

/** tuopin sql against a tiny warehouse: formats, read-only guard, one-line errors. */
@ExtendWith(SharedSpark.class)
class SqlCommandTest {
  static Path warehouse;

  @BeforeAll
  static void tables() {
    warehouse = SharedSpark.tempDir("sql");
    SharedSpark.spark()
        .sql("SELECT * FROM VALUES ('520000', '贵州省', 2016), ('530000', '云南省', 2017) AS t(code, name, year)")
        .write()
        .format("delta")
        .save(warehouse.resolve("ref/provinces").toString());
  }

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Tuopin.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 2];
    all[0] = "sql";
    all[1] = "-Dpaths.warehouse=" + warehouse;
    System.arraycopy(args, 0, all, 2, args.length);
    return new Outcome(cli.execute(all), out.toString(), err.toString());
  }

  @Test
  void printsAnAlignedTable() {
    Outcome o = run("SELECT code, name FROM ref.provinces ORDER BY code");
    assertEquals(0, o.code(), o.err());
    assertEquals(
        String.join("\n", "code   | name", "-------+-------", "520000 | 贵州省", "530000 | 云南省", "(2 rows)", ""),
        o.out());
  }

  @Test
  void printsCsvAndJson() {
    assertEquals("code,year\n520000,2016\n", run("--format", "csv", "SELECT code, year FROM ref.provinces WHERE year = 2016").out());
    assertEquals("{\"code\":\"530000\",\"year\":2017}\n", run("--format", "json", "SELECT code, year FROM ref.provinces WHERE year = 2017").out());
  }

  @Test
  void limitSaysRowsWereLeftOut() {
    Outcome o = run("--limit", "1", "SELECT code FROM ref.provinces ORDER BY code");
    assertEquals(String.join("\n", "code", "------", "520000", "(1 row; more left out by --limit 1)", ""), o.out());
  }

  @Test
  void writesAreRefusedWithoutAdmin() {
    Outcome o = run("DELETE FROM ref.provinces");
    assertEquals(3, o.code());
    assertEquals(
        "tuopin sql: error: option QUERY is a DELETE statement, which changes data; only reading statements run without --admin",
        o.err().strip());
    assertEquals(2, SharedSpark.spark().read().format("delta").load(warehouse.resolve("ref/provinces").toString()).count());
  }

  @Test
  void unknownTableIsOneLine() {
    Outcome o = run("SELECT * FROM curated.nope");
    assertEquals(3, o.code());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertEquals(true, o.err().startsWith("tuopin sql: error: option QUERY cannot be run: [TABLE_OR_VIEW_NOT_FOUND]"), o.err());
  }
}
