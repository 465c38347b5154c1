package org.tuopin.jobs.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;
import org.tuopin.common.error.Errors;

/**
 * Opens an in-memory DuckDB connection, the independent engine that cross-checks the curated
 * figures. DuckDB is not in the runtime jar: it is taken from the class path when present (tests)
 * or from {@code lib/duckdb_jdbc.jar} beside the running jar (where the build copies it).
 */
public final class DuckDb {
  private DuckDb() {}

  private static final String DRIVER = "org.duckdb.DuckDBDriver";

  public static Connection open(int threads) {
    try {
      Driver driver = driver();
      Properties p = new Properties();
      p.setProperty("threads", String.valueOf(threads));
      return driver.connect("jdbc:duckdb:", p);
    } catch (java.sql.SQLException e) {
      throw Errors.failure("opening DuckDB", e);
    }
  }

  private static Driver driver() {
    ClassLoader own = DuckDb.class.getClassLoader();
    try {
      return (Driver) Class.forName(DRIVER, true, own).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException notOnClassPath) {
      try {
        Path jar = Path.of(DuckDb.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.getParent().resolve("lib").resolve("duckdb_jdbc.jar");
        if (!Files.isRegularFile(lib)) {
          throw Errors.missingInput("DuckDB driver " + lib, "rebuild with 'mvn -DskipTests package', which copies it there");
        }
        URLClassLoader cl = new URLClassLoader(new URL[] {lib.toUri().toURL()}, own);
        return (Driver) Class.forName(DRIVER, true, cl).getDeclaredConstructor().newInstance();
      } catch (org.tuopin.common.error.TuopinException e) {
        throw e;
      } catch (Exception e) {
        throw Errors.failure("loading the DuckDB driver", e);
      }
    } catch (ReflectiveOperationException e) {
      throw Errors.failure("loading the DuckDB driver", e);
    }
  }
}
