package io.dualwrite.admin.verify;

import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.verify.InformationSchema.MysqlColumn;
import io.dualwrite.admin.verify.InformationSchema.PgColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the tables of the MySQL database (the one the URL names) and their PostgreSQL counterparts
 * (same names in lower case, in PostgreSQL's current schema) from {@code information_schema}.
 *
 * <p>The control store's own tables ({@code dualwrite_*}) are left out unless named: each side's
 * control tables are that side's own business.
 */
public final class SchemaReader {
  static final String CONTROL_TABLE_PREFIX = "dualwrite_";

  private SchemaReader() {}

  /**
   * The tables to compare: {@code requested} (matched case-insensitively against MySQL's names), or
   * every base table of the MySQL database when empty.
   *
   * @throws AdminException (exit 2) when a requested table does not exist in MySQL
   */
  public static List<TableSpec> read(Connection mysql, Connection pg, List<String> requested)
      throws SQLException {
    List<String> all = InformationSchema.mysqlBaseTables(mysql);
    List<String> names = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      for (String t : all) {
        if (!t.toLowerCase(Locale.ROOT).startsWith(CONTROL_TABLE_PREFIX)) {
          names.add(t);
        }
      }
    } else {
      for (String r : requested) {
        String found = null;
        for (String t : all) {
          if (t.equalsIgnoreCase(r)) {
            found = t;
            break;
          }
        }
        if (found == null) {
          throw AdminException.cannotRun(
              "no table '" + r + "' in the MySQL database (tables: " + String.join(", ", all) + ")",
              null);
        }
        if (!names.contains(found)) {
          names.add(found);
        }
      }
    }
    List<TableSpec> out = new ArrayList<>();
    for (String name : names) {
      out.add(table(mysql, pg, name));
    }
    return out;
  }

  /** One MySQL table and its PostgreSQL counterpart. */
  public static TableSpec table(Connection mysql, Connection pg, String mysqlName)
      throws SQLException {
    String pgName = mysqlName.toLowerCase(Locale.ROOT);
    Map<String, PgColumn> pgColumns = InformationSchema.pgColumns(pg, pgName);
    List<String> problems = new ArrayList<>();
    if (pgColumns.isEmpty()) {
      problems.add("table " + pgName + " does not exist on PostgreSQL");
    }
    boolean pgTableExists = !pgColumns.isEmpty();
    List<Column> columns = new ArrayList<>();
    List<String> mysqlNames = new ArrayList<>();
    for (MysqlColumn c : InformationSchema.mysqlColumns(mysql, mysqlName)) {
      String name = c.name();
      String extra = c.extra() == null ? "" : c.extra().toUpperCase(Locale.ROOT);
      String lower = name.toLowerCase(Locale.ROOT);
      PgColumn pgColumn = pgColumns.remove(lower);
      if (pgColumn == null && pgTableExists) {
        problems.add("column " + lower + " does not exist on PostgreSQL");
      }
      columns.add(
          new Column(
              name,
              lower,
              c.dataType().toLowerCase(Locale.ROOT),
              pgColumn == null ? null : pgColumn.dataType(),
              extra.contains("VIRTUAL") || extra.contains("STORED") || extra.contains("PERSISTENT"),
              pgColumn != null && "ALWAYS".equalsIgnoreCase(pgColumn.isGenerated()),
              scale(c.numericScale()),
              pgColumn == null ? null : scale(pgColumn.numericScale())));
      mysqlNames.add(name);
    }
    for (String extraColumn : pgColumns.keySet()) {
      problems.add("column " + extraColumn + " exists only on PostgreSQL");
    }
    List<Integer> keys = InformationSchema.primaryKey(mysql, mysqlName, mysqlNames);
    return new TableSpec(mysqlName, pgName, columns, keys, problems);
  }

  private static Integer scale(String text) {
    return text == null ? null : Integer.valueOf(text.trim());
  }
}
