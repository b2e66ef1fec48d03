package io.dualwrite.driver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.compare.ResultComparator;
import io.dualwrite.driver.compare.ValueNormalizer;
import io.dualwrite.testkit.DatabasePair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table on both sides directly over the vendor drivers (never through dualwrite) and
 * asserts they hold the same rows, value for value under the comparison normalisation.
 */
public final class TableComparison {
  private TableComparison() {}

  public static void assertSameRows(DatabasePair db, String table, String orderBy)
      throws SQLException {
    String sql = "SELECT * FROM " + table + " ORDER BY " + orderBy;
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement ms = mysql.createStatement();
        Statement ps = pg.createStatement();
        ResultSet m = ms.executeQuery(sql);
        ResultSet p = ps.executeQuery(sql)) {
      int columns = m.getMetaData().getColumnCount();
      // YEAR and JSON compare by value when either side's metadata says so (MariaDB calls JSON
      // LONGTEXT), exactly as compared reads do.
      String[] types = ResultComparator.columnTypes(m.getMetaData(), p.getMetaData(), columns);
      List<List<Object>> onPostgres = rows(p, types);
      List<List<Object>> onMysql = rows(m, types);
      assertThat(onPostgres)
          .as(
              "rows of %s on PostgreSQL vs MySQL (%d vs %d rows; first difference: %s; only on"
                  + " PostgreSQL: %s; only on MySQL: %s)",
              table,
              onPostgres.size(),
              onMysql.size(),
              firstDifference(onPostgres, onMysql),
              onlyIn(onPostgres, onMysql),
              onlyIn(onMysql, onPostgres))
          .isEqualTo(onMysql);
    }
  }

  /** The first row where the two lists differ, for a readable failure message on large tables. */
  private static String firstDifference(List<List<Object>> postgres, List<List<Object>> mysql) {
    for (int i = 0; i < Math.max(postgres.size(), mysql.size()); i++) {
      List<Object> p = i < postgres.size() ? postgres.get(i) : null;
      List<Object> m = i < mysql.size() ? mysql.get(i) : null;
      if (!java.util.Objects.equals(p, m)) {
        return "row " + i + ": PostgreSQL " + p + ", MySQL " + m;
      }
    }
    return "none";
  }

  /**
   * The rows of {@code these} that {@code those} lacks (as many times as they lack them), the first
   * {@value #LISTED} shown: a large table's failure message names every row that differs.
   */
  private static String onlyIn(List<List<Object>> these, List<List<Object>> those) {
    java.util.Map<List<Object>, Integer> left = new java.util.HashMap<>();
    for (List<Object> row : those) {
      left.merge(row, 1, Integer::sum);
    }
    List<List<Object>> only = new ArrayList<>();
    for (List<Object> row : these) {
      if (left.merge(row, -1, Integer::sum) < 0) {
        only.add(row);
      }
    }
    return only.size()
        + " rows"
        + (only.isEmpty() ? "" : " " + only.subList(0, Math.min(LISTED, only.size())));
  }

  private static final int LISTED = 40;

  private static List<List<Object>> rows(ResultSet rs, String[] types) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(types.length);
      for (int i = 1; i <= types.length; i++) {
        row.add(ValueNormalizer.normalize(rs.getObject(i), types[i - 1]));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The rows of {@code sql}, normalised. */
  public static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(ValueNormalizer.normalize(rs, i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The number of rows of {@code table} on one side. */
  public static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
