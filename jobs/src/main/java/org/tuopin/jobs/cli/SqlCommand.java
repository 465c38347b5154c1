package org.tuopin.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.Errors;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.jobs.JobContext;
import org.tuopin.jobs.sql.ResultPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tuopin sql}: read-only SQL over the catalogue (ref, bronze, silver, quarantine, curated, ops). */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run SQL over the registered tables and print the result.",
      "Tables are named <layer>.<table>, e.g. curated.incidence; Delta time travel works:",
      "  SELECT * FROM curated.incidence VERSION AS OF 3",
    })
public final class SqlCommand extends JobCommand {
  /** Statements that only read. Anything else needs --admin. */
  private static final Pattern READ_ONLY =
      Pattern.compile("^\\s*(SELECT|WITH|SHOW|DESCRIBE|DESC|EXPLAIN|VALUES|TABLE|FROM)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The SQL statement (or use -f).")
  String query;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statement from a file.")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json.")
  String format = "table";

  @Option(names = "--limit", paramLabel = "N", description = "Print at most N rows (default: ${DEFAULT-VALUE}).")
  int limit = 1000;

  @Option(names = "--admin", description = "Allow statements that write or change tables (DDL, INSERT, MERGE, ...).")
  boolean admin;

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    String sql = statement();
    ResultPrinter.Format fmt = ResultPrinter.Format.parse(format);
    if (limit < 1) {
      throw Errors.usage("--limit", "is " + limit, "give a positive number of rows");
    }
    return withSpark(
        config,
        ctx -> {
          ctx.catalog().registerAll(ctx.spark());
          checkReadOnly(ctx, sql);
          Dataset<Row> df;
          try {
            df = ctx.spark().sql(sql);
          } catch (Exception e) {
            if (!(e instanceof org.apache.spark.sql.AnalysisException)) {
              throw e;
            }
            throw Errors.usage("QUERY", "cannot be run: " + Errors.oneLine(e), "check table and column names (SHOW TABLES IN curated)");
          }
          PrintWriter out = spec.commandLine().getOut();
          new ResultPrinter(fmt, limit).print(df, out);
          out.flush();
          return ExitStatus.OK;
        });
  }

  private String statement() throws IOException {
    if ((query == null) == (file == null)) {
      throw Errors.usage("QUERY", "is needed once", "give the statement as an argument or with -f FILE, not both");
    }
    String sql = file != null ? Files.readString(file, StandardCharsets.UTF_8) : query;
    sql = sql.strip();
    while (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).strip();
    }
    if (sql.isEmpty()) {
      throw Errors.usage("QUERY", "is empty", "give a SELECT statement");
    }
    return sql;
  }

  private void checkReadOnly(JobContext ctx, String sql) {
    if (admin) {
      return;
    }
    LogicalPlan plan;
    try {
      plan = ctx.spark().sessionState().sqlParser().parsePlan(sql);
    } catch (ParseException e) {
      throw Errors.usage("QUERY", "is not valid SQL: " + Errors.oneLine(e).replaceAll("\\s+", " "), "fix the statement");
    }
    boolean writes = !plan.collect(new scala.PartialFunction<LogicalPlan, Boolean>() {
      @Override
      public boolean isDefinedAt(LogicalPlan p) {
        return p instanceof InsertIntoStatement;
      }

      @Override
      public Boolean apply(LogicalPlan p) {
        return Boolean.TRUE;
      }
    }).isEmpty();
    if (writes || !READ_ONLY.matcher(sql).matches()) {
      String verb = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
      throw Errors.usage("QUERY", "is a " + verb + " statement, which changes data", "only reading statements run without --admin");
    }
  }
}
