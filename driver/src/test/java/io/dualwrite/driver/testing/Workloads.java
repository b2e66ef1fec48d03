package io.dualwrite.driver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.compare.ValueNormalizer;
import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.testkit.DatabasePair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers shared by the workload and trial integration tests. */
public final class Workloads {
  private Workloads() {}

  /**
   * Every base table of the MySQL test database (the application's view of the schema) with its
   * primary-key columns, in name order.
   */
  public static Map<String, String> tablesWithPrimaryKeys(DatabasePair db) throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    try (Connection c = db.openMysql();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.table_name,"
                    + " (SELECT GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position)"
                    + "    FROM information_schema.key_column_usage k"
                    + "   WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name"
                    + "     AND k.constraint_name = 'PRIMARY')"
                    + " FROM information_schema.tables t"
                    + " WHERE t.table_schema = ? AND t.table_type = 'BASE TABLE'"
                    + " AND t.table_name NOT LIKE 'dualwrite\\_%'"
                    + " ORDER BY t.table_name")) {
      ps.setString(1, db.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String pk = rs.getString(2);
          tables.put(rs.getString(1), pk == null ? "1" : pk);
        }
      }
    }
    return tables;
  }

  /**
   * Compares every base table on both sides row for row over the vendor drivers (values under the
   * driver's comparison normalisation), reporting every differing table at once with only the rows
   * that differ.
   */
  public static void assertEveryTableEqual(DatabasePair db, int expectedTables)
      throws SQLException {
    Map<String, String> tables = tablesWithPrimaryKeys(db);
    assertThat(tables).as("base tables on MySQL").hasSize(expectedTables);
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> t : tables.entrySet()) {
      String sql = "SELECT * FROM " + t.getKey() + " ORDER BY " + t.getValue();
      List<List<Object>> mysql;
      List<List<Object>> postgres;
      try (Connection c = db.openMysql()) {
        mysql = rows(c, sql);
      }
      try (Connection c = db.openPostgres()) {
        postgres = rows(c, sql);
      } catch (SQLException e) {
        differences.add(t.getKey() + ": cannot read on PostgreSQL: " + e.getMessage());
        continue;
      }
      if (!mysql.equals(postgres)) {
        StringBuilder d = new StringBuilder();
        d.append(t.getKey())
            .append(": ")
            .append(mysql.size())
            .append(" rows on MySQL, ")
            .append(postgres.size())
            .append(" on PostgreSQL");
        int shown = 0;
        for (int i = 0; i < Math.max(mysql.size(), postgres.size()) && shown < 6; i++) {
          List<Object> m = i < mysql.size() ? mysql.get(i) : null;
          List<Object> p = i < postgres.size() ? postgres.get(i) : null;
          if (m == null || !m.equals(p)) {
            d.append("\n      mysql    ").append(m).append("\n      postgres ").append(p);
            shown++;
          }
        }
        differences.add(d.toString());
      }
    }
    assertThat(differences).as("tables that differ between MySQL and PostgreSQL").isEmpty();
  }

  /**
   * The rows of {@code sql}, normalised like {@link TableComparison#rows}, except that a MySQL
   * {@code YEAR} (which Connector/J returns as a {@code java.sql.Date} of January 1st) is read as
   * its number, the value the application wrote, and a CHAR without its padding.
   */
  public static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          Object v =
              "YEAR".equalsIgnoreCase(md.getColumnTypeName(i)) && rs.getObject(i) != null
                  ? (Object) rs.getInt(i)
                  : rs.getObject(i);
          // CHAR (MySQL) / character(n) (PostgreSQL): the padding is not part of the value
          String type = md.getColumnTypeName(i);
          boolean fixedChar = "CHAR".equalsIgnoreCase(type) || "bpchar".equalsIgnoreCase(type);
          row.add(fixedChar ? ValueNormalizer.normalize(v, type) : ValueNormalizer.normalize(v));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Records every discrepancy the connection's runtime reports. */
  public static List<Discrepancy> recordDiscrepancies(Connection c) throws SQLException {
    List<Discrepancy> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
    return seen;
  }

  /** One line per discrepancy, for assertion messages. */
  public static String describe(List<Discrepancy> discrepancies) {
    return discrepancies.stream()
        .map(d -> d.kind() + " " + d.sql() + " -> " + d.detail())
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  /** Runs statements on one connection. */
  public static void execute(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /** The single long value of a query. */
  public static long longValue(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from %s", sql).isTrue();
      return rs.getLong(1);
    }
  }

  /** The generated keys of the last execution. */
  public static List<Long> keys(Statement s) throws SQLException {
    List<Long> keys = new ArrayList<>();
    try (ResultSet rs = s.getGeneratedKeys()) {
      while (rs.next()) {
        keys.add(rs.getLong(1));
      }
    }
    return keys;
  }
}
