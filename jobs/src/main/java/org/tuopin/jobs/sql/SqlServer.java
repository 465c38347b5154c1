package org.tuopin.jobs.sql;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.tuopin.common.error.Errors;
import org.tuopin.jobs.JobContext;

/** Starts the Spark Thrift server on a session whose catalogue has every table registered. */
public final class SqlServer {
  private SqlServer() {}

  /** Registers the tables, starts the server and waits until the port accepts connections. */
  public static HiveThriftServer2 start(JobContext ctx, String host, int port) {
    ReadOnlyExtension.trusted(() -> ctx.catalog().registerAll(ctx.spark()));
    ctx.spark().conf().set("hive.server2.thrift.port", String.valueOf(port));
    ctx.spark().conf().set("hive.server2.thrift.bind.host", host);
    ctx.spark().conf().set("hive.server2.transport.mode", "binary");
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(ctx.spark().sqlContext());
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 500);
        return server;
      } catch (IOException notYet) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    server.stop();
    throw Errors.failure("starting the SQL server on " + host + ":" + port, new IOException("the port did not open within 60 s (in use?)"));
  }
}
