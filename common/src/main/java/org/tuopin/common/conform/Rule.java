package org.tuopin.common.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.Bronze;

/**
 * One validation rule, as data: a stable id (it appears in quarantine rows, ops.quality_metrics and
 * tests), the bronze table it checks, its severity, a sentence for docs/rules.md, a Column predicate
 * that is true when a row FAILS (null counts as passing: a rule about a missing value is
 * REQUIRED_FIELD's business), and a message template.
 *
 * <p>The template may name columns in braces, e.g. {@code "household_size {household_size} is not
 * 1..20"}; each is replaced by the row's value ({@code <empty>} when null). Resident IDs never reach
 * bronze, and templates may not name the pseudonym columns either, so a message never identifies a
 * person.
 */
public record Rule(String id, Table table, Severity severity, String description, Column fails, String message) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
  private static final List<String> FORBIDDEN =
      List.of(Bronze.PERSON_KEY, Bronze.HEAD_PERSON_KEY);

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(fails, "fails");
    Matcher m = PLACEHOLDER.matcher(message);
    while (m.find()) {
      if (FORBIDDEN.contains(m.group(1))) {
        throw new IllegalArgumentException("rule " + id + ": a message may not name " + m.group(1));
      }
    }
  }

  /** The row's message as a Column: the template with every {column} replaced by its value. */
  public Column messageColumn() {
    List<Column> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(message);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(lit(message.substring(last, m.start())));
      }
      parts.add(coalesce(col(m.group(1)).cast("string"), lit("<empty>")));
      last = m.end();
    }
    if (last < message.length()) {
      parts.add(lit(message.substring(last)));
    }
    return parts.isEmpty() ? lit("") : concat(parts.toArray(new Column[0]));
  }

  /** The predicate with null read as "passes". */
  public Column failed() {
    return coalesce(fails, lit(false));
  }
}
