package io.dualwrite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * One invocation of every real-database benchmark body against the embedded servers, then the
 * trial's drift check: the suite's real-database numbers come from a mirror that works.
 */
class RealDatabaseBenchmarkIT {

  @Test
  void everyRealDatabaseBenchmarkRunsAndMirrorsWithoutDrift() throws SQLException {
    RealDatabaseBenchmark b = new RealDatabaseBenchmark();
    RealDatabaseBenchmark.Db db = new RealDatabaseBenchmark.Db();
    db.create();
    RealDatabaseBenchmark.Conns c = new RealDatabaseBenchmark.Conns();
    c.open(db);
    try {
      assertThat(b.pointSelectRawMysql(c)).isPositive();
      assertThat(b.pointSelectDualwriteRead0(c)).isPositive();
      assertThat(b.pointSelectRawPostgres(c)).isPositive();
      assertThat(b.pointSelectDualwriteRead100(c)).isPositive();
      assertThat(b.insertRawMysql(c)).isEqualTo(1);
      assertThat(b.insertRawPostgres(c)).isEqualTo(1);
      assertThat(b.insertDualwrite(c)).isEqualTo(1);
      for (int i = 0; i < 40; i++) {
        assertThat(b.mixedRawMysql1Thread(c)).isPositive();
        assertThat(b.mixedRawBoth1Thread(c)).isPositive();
        assertThat(b.mixedDualwrite1Thread(c)).isPositive();
      }
    } finally {
      c.close();
    }
    assertThat(ids(db.db.openMysql(), "item_dw")).isEqualTo(ids(db.db.openPostgres(), "item_dw"));
    assertThat(ids(db.db.openMysql(), "item_mix")).isEqualTo(ids(db.db.openPostgres(), "item_mix"));
  }

  private static String ids(Connection c, String table) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (c;
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name, qty FROM " + table + " ORDER BY id")) {
      while (rs.next()) {
        sb.append(rs.getLong(1))
            .append(':')
            .append(rs.getString(2))
            .append(':')
            .append(rs.getInt(3))
            .append(';');
      }
    }
    return sb.toString();
  }
}
