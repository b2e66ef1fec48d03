package io.dualwrite.admin.backfill;

import io.dualwrite.admin.verify.InformationSchema;
import io.dualwrite.admin.verify.InformationSchema.MysqlColumn;
import io.dualwrite.admin.verify.InformationSchema.PgColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A table as the backfill copies it: MySQL's columns (information_schema), PostgreSQL's (the same
 * names in lower case, as the rewriter creates them), the primary key, the AUTO_INCREMENT column,
 * and the tables its foreign keys reference. {@link #problem()} says why it cannot be copied.
 */
record TableInfo(
    String mysqlName,
    String pgName,
    List<Col> columns,
    List<Integer> key,
    String autoIncrement,
    long autoIncrementNext,
    long rowsEstimate,
    Set<String> parents,
    boolean pgIdentity,
    String problem) {

  /** A column: MySQL's name and data type, PostgreSQL's type, whether PostgreSQL generates it. */
  record Col(
      String mysqlName, String pgName, String mysqlType, String pgType, boolean pgGenerated) {
    /** Bytes on MySQL, bytea on PostgreSQL (values as hex). */
    boolean binary() {
      return switch (mysqlType) {
        case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> true;
        default -> false;
      };
    }

    /**
     * Ordered alike by both databases: numbers, dates and times, bytes. Text keys are not: MySQL's
     * collations are not PostgreSQL's.
     */
    boolean sameOrderOnBoth() {
      return switch (mysqlType) {
        case "tinyint",
            "smallint",
            "mediumint",
            "int",
            "integer",
            "bigint",
            "decimal",
            "year",
            "date",
            "datetime",
            "timestamp",
            "time" ->
            true;
        default -> binary();
      };
    }
  }

  /** The table's name as the control store and the driver know it (lower case). */
  String storeName() {
    return mysqlName.toLowerCase(Locale.ROOT);
  }

  List<Col> keyColumns() {
    List<Col> out = new ArrayList<>();
    for (int i : key) {
      out.add(columns.get(i));
    }
    return out;
  }

  /** Whether extra rows on PostgreSQL inside a chunk's key range can be found by a range scan. */
  boolean keyOrderAgrees() {
    for (Col c : keyColumns()) {
      if (!c.sameOrderOnBoth()) {
        return false;
      }
    }
    return true;
  }

  static String mq(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  static String pq(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The base tables of MySQL's current database, but the control store's. */
  static List<String> mysqlTables(Connection mysql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String t : InformationSchema.mysqlBaseTables(mysql)) {
      if (!t.toLowerCase(Locale.ROOT).startsWith("dualwrite_")) {
        out.add(t);
      }
    }
    return out;
  }

  /** Reads a table on both sides; a table that cannot be copied has a {@link #problem()}. */
  static TableInfo read(Connection mysql, Connection pg, String table) throws SQLException {
    String pgName = table.toLowerCase(Locale.ROOT);
    Map<String, PgColumn> pgCols = InformationSchema.pgColumns(pg, pgName);
    boolean identity = false;
    for (PgColumn c : pgCols.values()) {
      identity |= "YES".equalsIgnoreCase(c.isIdentity());
    }
    List<Col> cols = new ArrayList<>();
    List<String> colNames = new ArrayList<>();
    String autoInc = null;
    List<String> problems = new ArrayList<>();
    for (MysqlColumn c : InformationSchema.mysqlColumns(mysql, table)) {
      String name = c.name();
      String type = c.dataType().toLowerCase(Locale.ROOT);
      String extra = c.extra() == null ? "" : c.extra().toLowerCase(Locale.ROOT);
      String pgColName = name.toLowerCase(Locale.ROOT);
      PgColumn pgc = pgCols.get(pgColName);
      if (pgc == null && !pgCols.isEmpty()) {
        problems.add("column " + name + " is missing on PostgreSQL");
      }
      if (extra.contains("auto_increment")) {
        autoInc = name;
      }
      cols.add(
          new Col(
              name,
              pgColName,
              type,
              pgc == null ? null : pgc.dataType(),
              pgc != null && "ALWAYS".equalsIgnoreCase(pgc.isGenerated())));
      colNames.add(name);
    }
    if (cols.isEmpty()) {
      return new TableInfo(
          table, pgName, cols, List.of(), null, 0, 0, Set.of(), false, "no such table on MySQL");
    }
    if (pgCols.isEmpty()) {
      problems.add(
          0, "the table is missing on PostgreSQL (create it first: dualwrite-admin schema)");
    }
    List<Integer> key = InformationSchema.primaryKey(mysql, table, colNames);
    if (key.isEmpty()) {
      problems.add(
          0,
          "no primary key: the backfill copies in key order under MySQL's row locks, which needs"
              + " one (add a primary key, or copy the table while nothing writes it)");
    }
    long estimate = 0;
    long next = 0;
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT table_rows, auto_increment FROM information_schema.tables WHERE table_schema"
                + " = DATABASE() AND table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          estimate = rs.getLong(1);
          next = rs.getLong(2);
        }
      }
    }
    Set<String> parents = new LinkedHashSet<>();
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT DISTINCT referenced_table_name FROM information_schema.key_column_usage WHERE"
                + " table_schema = DATABASE() AND table_name = ? AND referenced_table_name IS NOT"
                + " NULL AND referenced_table_schema = DATABASE()")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String p = rs.getString(1).toLowerCase(Locale.ROOT);
          if (!p.equals(pgName)) {
            parents.add(p);
          }
        }
      }
    }
    return new TableInfo(
        table,
        pgName,
        cols,
        key,
        autoInc,
        next,
        estimate,
        parents,
        identity,
        problems.isEmpty() ? null : String.join("; ", problems));
  }
}
