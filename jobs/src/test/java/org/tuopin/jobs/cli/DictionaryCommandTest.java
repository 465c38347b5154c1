package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.dictionary.DictionaryRenderer;
import org.tuopin.common.test.SharedSpark;
import picocli.CommandLine;

/** tuopin dictionary writes ref.data_dictionary and the page; an analyst reads the table back with tuopin sql. */
@ExtendWith(SharedSpark.class)
class DictionaryCommandTest {
  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Tuopin.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Outcome(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void writesTheTableAndThePageAndTheTableReadsBack() throws Exception {
    Path warehouse = SharedSpark.tempDir("dictionary");
    Path page = warehouse.resolve("docs/data-dictionary.md");
    int columns = DictionaryRenderer.entries().size();

    Outcome w = run("dictionary", "-Dpaths.warehouse=" + warehouse, "--markdown", page.toString());
    assertEquals(0, w.code(), w.err());
    assertEquals("dictionary: ref.data_dictionary: " + columns + " columns; page " + page + "\n", w.out());
    assertEquals(DictionaryRenderer.markdown(), Files.readString(page, StandardCharsets.UTF_8));

    Outcome r =
        run("sql", "-Dpaths.warehouse=" + warehouse, "--format", "csv",
            "SELECT position, data_type, nullable, description_zh, unit, source FROM ref.data_dictionary "
                + "WHERE qualified_table = 'curated.incidence' AND column_name = 'incidence_rate'");
    assertEquals(0, r.code(), r.err());
    assertEquals("position,data_type,nullable,description_zh,unit,source\n9,double,true,贫困发生率,fraction 0–1,derived by Tuopin\n", r.out());

    Outcome n =
        run("sql", "-Dpaths.warehouse=" + warehouse, "--format", "csv",
            "SELECT count(*) AS n, count(DISTINCT qualified_table) AS t FROM ref.data_dictionary");
    assertEquals("n,t\n" + columns + "," + org.tuopin.common.schema.TableSchemas.all().size() + "\n", n.out());

    Outcome runs =
        run("sql", "-Dpaths.warehouse=" + warehouse, "--format", "csv", "SELECT stage, outcome, rows_out FROM ops.runs");
    assertEquals("stage,outcome,rows_out\ndictionary,OK," + columns + "\n", runs.out());
  }

  @Test
  void tableOnlyLeavesNoPage() {
    Path warehouse = SharedSpark.tempDir("dictionary-table-only");
    Path page = warehouse.resolve("page.md");
    Outcome w = run("dictionary", "-Dpaths.warehouse=" + warehouse, "--markdown", page.toString(), "--table-only");
    assertEquals(0, w.code(), w.err());
    assertEquals(false, Files.exists(page));
  }
}
