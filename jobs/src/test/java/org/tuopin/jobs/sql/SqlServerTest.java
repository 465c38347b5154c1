package org.tuopin.jobs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.test.SharedSpark;
import org.tuopin.jobs.TuopinChild;

/**
 * Starts `tuopin sql-server` as its own process on a free local port, queries it with the Hive
 * JDBC driver as an analyst's client would, checks that it refuses writes, and stops it.
 */
@ExtendWith(SharedSpark.class)
class SqlServerTest {
  private static final Logger LOG = LoggerFactory.getLogger(SqlServerTest.class);

  @Test
  void answersJdbcQueriesAndRefusesWrites() throws Exception {
    Path warehouse = SharedSpark.tempDir("jdbc");
    SharedSpark.spark()
        .sql("SELECT * FROM VALUES ('COUNTY', '522327', 2018, 1234L, 0.021), ('COUNTY', '522328', 2018, 56L, 0.004) "
            + "AS t(level, area_code, reporting_year, poor_persons, incidence_rate)")
        .write()
        .format("delta")
        .save(warehouse.resolve("curated/incidence").toString());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd =
        TuopinChild.command(List.of(), "sql-server", List.of("--port=" + port, "-Dpaths.warehouse=" + warehouse));
    Path log = warehouse.resolve("server.log");
    long t0 = System.nanoTime();
    Process server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Class.forName("org.apache.hive.jdbc.HiveDriver");
      String url = "jdbc:hive2://127.0.0.1:" + port + "/default";
      Connection c = connect(url, server, log);
      LOG.info("sql-server answered its first connection {} ms after the process started", (System.nanoTime() - t0) / 1_000_000);
      try (c; Statement st = c.createStatement()) {
        long q0 = System.nanoTime();
        ResultSet rs =
            st.executeQuery("SELECT area_code, poor_persons, incidence_rate FROM curated.incidence "
                + "WHERE level = 'COUNTY' AND reporting_year = 2018 ORDER BY area_code");
        assertTrue(rs.next());
        assertEquals("522327", rs.getString(1));
        assertEquals(1234L, rs.getLong(2));
        assertEquals(0.021, rs.getDouble(3), 1e-12);
        assertTrue(rs.next());
        assertEquals("522328", rs.getString(1));
        assertEquals(false, rs.next());
        LOG.info("county-level query over JDBC: {} ms", (System.nanoTime() - q0) / 1_000_000);
        SQLException e = assertThrows(SQLException.class, () -> st.execute("DELETE FROM curated.incidence WHERE area_code = '522327'"));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
      }
      assertEquals(2, SharedSpark.spark().read().format("delta").load(warehouse.resolve("curated/incidence").toString()).count());
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static Connection connect(String url, Process server, Path log) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    SQLException last = null;
    while (System.currentTimeMillis() < deadline) {
      if (!server.isAlive()) {
        throw new AssertionError("sql-server exited with " + server.exitValue() + ":\n" + java.nio.file.Files.readString(log));
      }
      try {
        return DriverManager.getConnection(url, "analyst", "");
      } catch (SQLException e) {
        last = e;
        Thread.sleep(500);
      }
    }
    throw new AssertionError("sql-server did not answer within 180 s: " + last + "\n" + java.nio.file.Files.readString(log));
  }
}
