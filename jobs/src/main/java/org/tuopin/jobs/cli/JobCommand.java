package org.tuopin.jobs.cli;

import java.io.File;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.error.TuopinException;
import org.tuopin.jobs.JobContext;
import org.tuopin.jobs.SparkSessions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shape of every command: parse, load and validate the configuration, build the session, run,
 * map the outcome to an exit code. A failure prints one line on stderr (the stack trace only with
 * {@code --verbose}).
 */
public abstract class JobCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(JobCommand.class);

  @Option(names = "--conf", paramLabel = "FILE", description = "HOCON configuration file (default: the embedded conf/local.conf).")
  File conf;

  @Option(
      names = "-D",
      paramLabel = "KEY=VALUE",
      description = "Override one configuration key, e.g. -Dpaths.warehouse=/data/wh (the tuopin. prefix is optional).")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      TuopinConfig config = TuopinConfig.load(conf, overrides);
      return run(config).code();
    } catch (TuopinException e) {
      return report(e.status(), e.getMessage(), e);
    } catch (Exception | LinkageError e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        if (root instanceof TuopinException) {
          break;
        }
        root = root.getCause();
      }
      if (root instanceof TuopinException t) {
        return report(t.status(), t.getMessage(), e);
      }
      return report(ExitStatus.FAILURE, spec.name() + " failed: " + Errors.oneLine(root), e);
    }
  }

  private int report(ExitStatus status, String message, Throwable t) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("tuopin " + spec.name() + ": error: " + message);
    if (verbose && t != null) {
      t.printStackTrace(err);
    } else if (status == ExitStatus.FAILURE) {
      err.println("(run again with --verbose for the stack trace)");
    }
    err.flush();
    return status.code();
  }

  /** Runs the command with a validated configuration. */
  protected abstract ExitStatus run(TuopinConfig config) throws Exception;

  /**
   * Runs a body with a SparkSession, stopped afterwards whatever happens. When the JVM already has
   * a session (a test, an embedding application) that one is used and left running.
   */
  protected ExitStatus withSpark(TuopinConfig config, SparkBody body) throws Exception {
    boolean borrowed = SparkSession.getDefaultSession().isDefined();
    long t0 = System.nanoTime();
    SparkSession spark = borrowed ? SparkSession.getDefaultSession().get() : SparkSessions.create(config);
    if (!borrowed) {
      LOG.info("Spark {} started ({} ms, master {})", spark.version(), (System.nanoTime() - t0) / 1_000_000, spark.sparkContext().master());
    }
    try {
      return body.run(JobContext.create(spark, config));
    } finally {
      if (!borrowed) {
        spark.stop();
      }
    }
  }

  /** A command body that needs a session. */
  @FunctionalInterface
  protected interface SparkBody {
    ExitStatus run(JobContext ctx) throws Exception;
  }
}
