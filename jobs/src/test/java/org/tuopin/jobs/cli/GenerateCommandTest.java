package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad options of {@code tuopin generate} stop with exit code 3 and one exact line, before Spark starts. */
class GenerateCommandTest {

  private static String[] run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Tuopin());
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), err.toString().trim()};
  }

  @Test
  void aMalformedProvinceCodeIsAUsageError() {
    assertEquals(
        "3|tuopin generate: error: option --provinces has '5x', not a province code; use 2-digit (52) or 6-digit (520000) codes separated by commas",
        String.join("|", run("generate", "--provinces", "52,5x")));
  }

  @Test
  void aSixDigitCodeThatIsNotAProvinceIsAUsageError() {
    assertEquals(
        "3|tuopin generate: error: option --provinces has '520100', not a province code; use 2-digit (52) or 6-digit (520000) codes separated by commas",
        String.join("|", run("generate", "--provinces", "520100")));
  }

  @Test
  void yearsOutOfOrderAreAUsageError() {
    assertEquals(
        "3|tuopin generate: error: option --years is '2020-2014'; choose years from 2013 to 2020, the first not after the last",
        String.join("|", run("generate", "--years", "2020-2014")));
  }

  @Test
  void anErrorRateAboveOneIsAUsageError() {
    assertEquals(
        "3|tuopin generate: error: option --inject-errors is 1.5; give a share between 0 and 1, such as 0.01",
        String.join("|", run("generate", "--inject-errors", "1.5")));
  }

  @Test
  void zeroHouseholdsIsAUsageError() {
    assertEquals(
        "3|tuopin generate: error: option --households is 0; give a whole number of at least 1",
        String.join("|", run("generate", "--households", "0")));
  }
}
