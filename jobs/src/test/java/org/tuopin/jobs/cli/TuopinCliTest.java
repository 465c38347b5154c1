package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The command line's contract: help everywhere, exit codes, one-line errors. No Spark needed. */
class TuopinCliTest {
  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Tuopin.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    CommandLine root = Tuopin.commandLine();
    for (String name : root.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Outcome o = run(name, "--help");
      assertEquals(0, o.code(), name);
      assertTrue(o.out().startsWith("Usage: tuopin " + name), name + ": " + o.out());
    }
  }

  @Test
  void unknownOptionIsAConfigurationErrorOnOneLine() {
    Outcome o = run("reference", "--no-such-option");
    assertEquals(3, o.code());
    assertEquals(
        "tuopin reference: error: Unknown option: '--no-such-option'; see 'tuopin reference --help'",
        o.err().strip());
  }

  @Test
  void unknownCommandIsAConfigurationError() {
    Outcome o = run("frobnicate");
    assertEquals(3, o.code());
    assertEquals(1, o.err().strip().lines().count(), o.err());
  }

  @Test
  void badConfigurationStopsBeforeSparkWithExitCode3() {
    Outcome o = run("reference", "-Dpaths.warehuose=/tmp/x");
    assertEquals(3, o.code());
    assertEquals(
        "tuopin reference: error: configuration key 'tuopin.paths.warehuose' is not a known setting; check its spelling against conf/local.conf",
        o.err().strip());
  }

  @Test
  void noCommandPrintsUsageError() {
    Outcome o = run();
    assertEquals(3, o.code());
  }
}
