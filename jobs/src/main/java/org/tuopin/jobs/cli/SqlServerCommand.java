package org.tuopin.jobs.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.jobs.JobContext;
import org.tuopin.jobs.SparkSessions;
import org.tuopin.jobs.sql.ReadOnlyExtension;
import org.tuopin.jobs.sql.SqlServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tuopin sql-server}: the Spark Thrift (HiveServer2) JDBC server over the catalogue. */
@Command(
    name = "sql-server",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the registered tables over JDBC (HiveServer2 protocol) until stopped with Ctrl-C.",
      "Connect with jdbc:hive2://HOST:PORT/default (DBeaver, beeline, R RJDBC, Python JayDeBeApi).",
      "Read-only unless --admin is given.",
    })
public final class SqlServerCommand extends JobCommand {
  private static final Logger LOG = LoggerFactory.getLogger(SqlServerCommand.class);

  @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port = 10000;

  @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host = "127.0.0.1";

  @Option(names = "--admin", description = "Allow statements that change tables.")
  boolean admin;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    if (port < 1 || port > 65535) {
      throw Errors.usage("--port", "is " + port, "use a TCP port from 1 to 65535");
    }
    List<String> ext = admin ? List.of() : List.of(ReadOnlyExtension.class.getName());
    SparkSession spark = SparkSessions.create(config, ext);
    try {
      JobContext ctx = JobContext.create(spark, config);
      long t0 = System.nanoTime();
      HiveThriftServer2 server = SqlServer.start(ctx, host, port);
      LOG.info(
          "SQL server ready in {} ms: jdbc:hive2://{}:{}/default ({}); Ctrl-C stops it",
          (System.nanoTime() - t0) / 1_000_000, host, port, admin ? "read-write" : "read-only");
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.stop();
        stop.countDown();
      }));
      stop.await();
      return ExitStatus.OK;
    } finally {
      spark.stop();
    }
  }
}
