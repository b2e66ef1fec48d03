package io.dualwrite.admin.verify;

import io.dualwrite.admin.AdminException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    List<String> all = new ArrayList<>();
    try (PreparedStatement ps =
            mysql.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(rs.getString(1));
      }
    }
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
    Map<String, String[]> pgColumns = new LinkedHashMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT column_name, data_type, is_generated, numeric_scale"
                + " FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + " ORDER BY ordinal_position")) {
      ps.setString(1, pgName);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pgColumns.put(
              rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
        }
      }
    }
    List<String> problems = new ArrayList<>();
    if (pgColumns.isEmpty()) {
      problems.add("table " + pgName + " does not exist on PostgreSQL");
    }
    boolean pgTableExists = !pgColumns.isEmpty();
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT column_name, data_type, extra, numeric_scale FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, mysqlName);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          String extra = rs.getString(3) == null ? "" : rs.getString(3).toUpperCase(Locale.ROOT);
          String lower = name.toLowerCase(Locale.ROOT);
          String[] pgColumn = pgColumns.remove(lower);
          if (pgColumn == null && pgTableExists) {
            problems.add("column " + lower + " does not exist on PostgreSQL");
          }
          columns.add(
              new Column(
                  name,
                  lower,
                  rs.getString(2).toLowerCase(Locale.ROOT),
                  pgColumn == null ? null : pgColumn[0],
                  extra.contains("VIRTUAL")
                      || extra.contains("STORED")
                      || extra.contains("PERSISTENT"),
                  pgColumn != null && "ALWAYS".equalsIgnoreCase(pgColumn[1]),
                  scale(rs.getString(4)),
                  pgColumn == null ? null : scale(pgColumn[2])));
        }
      }
    }
    for (String extraColumn : pgColumns.keySet()) {
      problems.add("column " + extraColumn + " exists only on PostgreSQL");
    }
    List<Integer> keys = new ArrayList<>();
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT column_name FROM information_schema.key_column_usage"
                + " WHERE table_schema = DATABASE() AND table_name = ? AND constraint_name = 'PRIMARY'"
                + " ORDER BY ordinal_position")) {
      ps.setString(1, mysqlName);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1);
          for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).mysqlName().equalsIgnoreCase(key)) {
              keys.add(i);
            }
          }
        }
      }
    }
    return new TableSpec(mysqlName, pgName, columns, keys, problems);
  }

  private static Integer scale(String text) {
    return text == null ? null : Integer.valueOf(text.trim());
  }
}
