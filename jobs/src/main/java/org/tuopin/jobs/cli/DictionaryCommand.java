package org.tuopin.jobs.cli;

import java.io.File;
import java.io.PrintWriter;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.jobs.DictionaryJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin dictionary}: writes the data dictionary rendered from the code. */
@Command(
    name = "dictionary",
    mixinStandardHelpOptions = true,
    description = {
      "Write the data dictionary rendered from the code (every table, column, type, meaning in English and",
      "Chinese, unit and source): the table ref.data_dictionary and the page docs/data-dictionary.md.",
    })
public final class DictionaryCommand extends JobCommand {
  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      defaultValue = "docs/data-dictionary.md",
      description = "Where to write the Markdown page (default: ${DEFAULT-VALUE}, relative to the working directory).")
  File markdown;

  @Option(names = "--table-only", description = "Write only ref.data_dictionary, not the page.")
  boolean tableOnly;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    return withSpark(
        config,
        ctx -> {
          StageResult r = new DictionaryJob(ctx).execute(tableOnly ? null : markdown.toPath());
          out.println("dictionary: " + r.message());
          out.flush();
          return r.outcome();
        });
  }
}
