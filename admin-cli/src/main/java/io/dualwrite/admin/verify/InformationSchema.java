package io.dualwrite.admin.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code information_schema} queries that describe a table on each side, shared by {@code
 * verify} and {@code repair} ({@link SchemaReader}) and {@code backfill}: the MySQL database's base
 * tables, a table's columns on MySQL and on PostgreSQL, and its primary key. Values come back as
 * the servers report them; each caller decides what they mean for it.
 */
public final class InformationSchema {
  private InformationSchema() {}

  /**
   * A MySQL column as {@code information_schema.columns} has it.
   *
   * @param extra {@code extra} (auto_increment, VIRTUAL GENERATED, ...), or null
   * @param numericScale {@code numeric_scale} as text, or null
   */
  public record MysqlColumn(String name, String dataType, String extra, String numericScale) {}

  /**
   * A PostgreSQL column as {@code information_schema.columns} has it.
   *
   * @param isGenerated {@code is_generated}: ALWAYS for a generated column
   * @param numericScale {@code numeric_scale} as text, or null
   * @param isIdentity {@code is_identity}: YES for an identity column
   */
  public record PgColumn(
      String dataType, String isGenerated, String numericScale, String isIdentity) {}

  /** Every base table of MySQL's current database, by name (the control store's included). */
  public static List<String> mysqlBaseTables(Connection mysql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
            mysql.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The columns of {@code table} in MySQL's current database, in their order; empty if none. */
  public static List<MysqlColumn> mysqlColumns(Connection mysql, String table) throws SQLException {
    List<MysqlColumn> out = new ArrayList<>();
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT column_name, data_type, extra, numeric_scale FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MysqlColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  /**
   * The columns of {@code table} in PostgreSQL's current schema, by name in their order; empty when
   * the table does not exist.
   */
  public static Map<String, PgColumn> pgColumns(Connection pg, String table) throws SQLException {
    Map<String, PgColumn> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT column_name, data_type, is_generated, numeric_scale, is_identity"
                + " FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + " ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              new PgColumn(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
      }
    }
    return out;
  }

  /**
   * The positions in {@code columns} (MySQL's column names, matched case-insensitively) of the
   * MySQL table's primary key, in key order; empty without a primary key.
   */
  public static List<Integer> primaryKey(Connection mysql, String table, List<String> columns)
      throws SQLException {
    List<Integer> key = new ArrayList<>();
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT column_name FROM information_schema.key_column_usage"
                + " WHERE table_schema = DATABASE() AND table_name = ? AND constraint_name = 'PRIMARY'"
                + " ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
              key.add(i);
            }
          }
        }
      }
    }
    return key;
  }
}
