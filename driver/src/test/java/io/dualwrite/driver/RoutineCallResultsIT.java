package io.dualwrite.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code CALL p()} answers through dualwrite as Connector/J answers alone: {@code executeQuery}
 * gives the routine's first result set (it threw S1009, "returns no result set", since a call is
 * classed as a write), {@code execute} and {@code getMoreResults()} walk every result, through
 * {@code Statement}, {@code PreparedStatement} and {@code CallableStatement}. The call still runs
 * on MySQL only and is recorded as a skipped mirror with drift on every table.
 */
@ExtendWith(TestDatabases.class)
class RoutineCallResultsIT {
  private static final String TABLE = "rc_rows";

  @BeforeAll
  static void createRoutines(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, v INT NOT NULL)");
      s.execute("INSERT INTO " + TABLE + " VALUES (1, 10), (2, 20), (3, 30)");
    }
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      for (String p : List.of("rc_select", "rc_write_select", "rc_two", "rc_write_only")) {
        s.execute("DROP PROCEDURE IF EXISTS " + p);
      }
      s.execute(
          "CREATE PROCEDURE rc_select(IN n INT) SELECT id, v FROM "
              + TABLE
              + " WHERE id <= n ORDER BY id");
      s.execute(
          "CREATE PROCEDURE rc_write_select(IN n INT) BEGIN UPDATE "
              + TABLE
              + " SET v = n WHERE id = 3; SELECT id, v FROM "
              + TABLE
              + " WHERE id = 3; END");
      s.execute("CREATE PROCEDURE rc_two() BEGIN SELECT 1 AS a; SELECT 'two' AS b, 2 AS c; END");
      s.execute(
          "CREATE PROCEDURE rc_write_only(IN n INT) UPDATE " + TABLE + " SET v = n WHERE id = 2");
    }
  }

  private static final List<String> CALLS =
      List.of(
          "CALL rc_select(2)",
          "CALL rc_write_select(33)",
          "CALL rc_two()",
          "CALL rc_write_only(22)");

  @Test
  void statementExecuteQueryOfACallGivesTheRoutinesResultAsConnectorJDoes(DatabasePair db)
      throws SQLException {
    for (String call : CALLS) {
      String expected;
      try (Connection mysql = db.openMysql();
          Statement s = mysql.createStatement()) {
        expected = query(() -> s.executeQuery(call));
      }
      try (Connection c = DualWriteTestUrls.connect(db);
          Statement s = c.createStatement()) {
        assertThat(query(() -> s.executeQuery(call))).as(call).isEqualTo(expected);
      }
    }
  }

  @Test
  void statementExecuteOfACallWalksEveryResultAsConnectorJDoes(DatabasePair db)
      throws SQLException {
    for (String call : CALLS) {
      List<String> expected;
      try (Connection mysql = db.openMysql();
          Statement s = mysql.createStatement()) {
        expected = results(s, s.execute(call));
      }
      try (Connection c = DualWriteTestUrls.connect(db);
          Statement s = c.createStatement()) {
        assertThat(results(s, s.execute(call))).as(call).isEqualTo(expected);
      }
    }
  }

  @Test
  void preparedAndCallableExecuteQueryOfACallGiveTheRoutinesResult(DatabasePair db)
      throws SQLException {
    for (String routine : List.of("rc_select", "rc_write_select", "rc_write_only")) {
      String sql = "CALL " + routine + "(?)";
      String expectedQuery;
      List<String> expectedResults;
      String expectedCallable;
      try (Connection mysql = db.openMysql()) {
        expectedQuery = preparedQuery(mysql.prepareStatement(sql));
        expectedResults = preparedResults(mysql.prepareStatement(sql));
        expectedCallable = preparedQuery(mysql.prepareCall("{call " + routine + "(?)}"));
      }
      try (Connection c = DualWriteTestUrls.connect(db)) {
        assertThat(preparedQuery(c.prepareStatement(sql))).as(sql).isEqualTo(expectedQuery);
        assertThat(preparedResults(c.prepareStatement(sql))).as(sql).isEqualTo(expectedResults);
        assertThat(preparedQuery(c.prepareCall("{call " + routine + "(?)}")))
            .as("callable " + routine)
            .isEqualTo(expectedCallable);
      }
    }
  }

  @Test
  void aCallReadThroughExecuteQueryRunsOnMysqlOnlyAndIsRecorded(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      DualWriteConnection dw = c.unwrap(DualWriteConnection.class);
      dw.discrepancyRecorder().addSink(seen::add);
      try (ResultSet rs = s.executeQuery("CALL rc_write_select(77)")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("v")).isEqualTo(77);
        assertThat(rs.getStatement()).isSameAs(s);
      }
      try (PreparedStatement ps = c.prepareStatement("CALL rc_write_select(?)")) {
        ps.setInt(1, 78);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt("v")).isEqualTo(78);
        }
      }
      assertThat(dw.drift().snapshot().keySet()).contains(DriftTracker.ALL_TABLES);
    }
    assertThat(seen)
        .filteredOn(d -> d.kind() == DiscrepancyKind.MIRROR_SKIPPED)
        .extracting(Discrepancy::sql)
        .containsExactly("CALL rc_write_select(?)", "CALL rc_write_select(?)");
    assertThat(seen).noneMatch(d -> d.kind() == DiscrepancyKind.UNTRANSLATABLE);
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SELECT v FROM " + TABLE + " WHERE id = 3")) {
      rs.next();
      assertThat(rs.getInt(1)).as("on MySQL").isEqualTo(78);
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT v FROM " + TABLE + " WHERE id = 3")) {
      rs.next();
      assertThat(rs.getInt(1)).as("not on PostgreSQL").isEqualTo(30);
    }
  }

  @FunctionalInterface
  private interface Query {
    ResultSet run() throws SQLException;
  }

  /** What executeQuery gave: its rows, or the error. */
  private static String query(Query q) {
    try (ResultSet rs = q.run()) {
      return rs == null ? "null" : rows(rs);
    } catch (SQLException e) {
      return "error " + e.getSQLState() + " " + e.getErrorCode() + " " + e.getMessage();
    }
  }

  private static String preparedQuery(PreparedStatement ps) throws SQLException {
    try (ps) {
      ps.setInt(1, 5);
      return query(ps::executeQuery);
    }
  }

  private static List<String> preparedResults(PreparedStatement ps) throws SQLException {
    try (ps) {
      ps.setInt(1, 6);
      return results(ps, ps.execute());
    }
  }

  /** Every result of the execution, in order: rows, or an update count. */
  private static List<String> results(Statement s, boolean isResult) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      if (isResult) {
        try (ResultSet rs = s.getResultSet()) {
          out.add(rows(rs));
        }
      } else {
        long count = s.getLargeUpdateCount();
        if (count == -1) {
          break;
        }
        out.add("count " + count);
      }
      isResult = s.getMoreResults();
    }
    return out;
  }

  private static String rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    StringBuilder b = new StringBuilder("rows [");
    for (int i = 1; i <= md.getColumnCount(); i++) {
      b.append(i > 1 ? "," : "").append(md.getColumnLabel(i));
    }
    b.append(']');
    while (rs.next()) {
      b.append(" (");
      for (int i = 1; i <= md.getColumnCount(); i++) {
        b.append(i > 1 ? "," : "").append(rs.getString(i));
      }
      b.append(')');
    }
    return b.toString();
  }
}
