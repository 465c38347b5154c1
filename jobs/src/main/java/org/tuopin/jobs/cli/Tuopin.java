package org.tuopin.jobs.cli;

import java.io.PrintWriter;
import org.tuopin.common.error.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tuopin} command line: one subcommand per job. */
@Command(
    name = "tuopin",
    mixinStandardHelpOptions = true,
    versionProvider = Tuopin.Version.class,
    description = "Tuopin: the nightly Spark/Delta pipeline for national poverty statistics.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      ReferenceCommand.class,
      DictionaryCommand.class,
      SqlCommand.class,
      SqlServerCommand.class,
      GenerateCommand.class,
      ChangesCommand.class,
      IngestCommand.class,
      ConformCommand.class,
      AggregateCommand.class,
      AssessCommand.class,
      NightlyCommand.class,
      BenchCommand.class,
      YearEndCommand.class,
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 failure, 2 input rejected (the rest was loaded), 3 configuration error.",
      "Run 'tuopin <command> --help' for a command's options."
    })
public final class Tuopin implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for main and for tests that capture its output. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Tuopin());
    cli.setParameterExceptionHandler(Tuopin::usageError);
    return cli;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("tuopin " + e.getCommandLine().getCommandName() + ": error: " + e.getMessage()
        + "; see 'tuopin " + (e.getCommandLine().getParent() == null ? "" : e.getCommandLine().getCommandName() + " ") + "--help'");
    err.flush();
    return ExitStatus.CONFIG_ERROR.code();
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Tuopin.class.getPackage().getImplementationVersion();
      return new String[] {"tuopin " + (v == null ? "(development build)" : v)};
    }
  }
}
