package io.dualwrite.driver.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MySQL's TIME is a duration up to 838:59:59; TIMEDIFF and SEC_TO_TIME as result columns are
 * PostgreSQL intervals of hours (the rewriter's {@code durationResults}). A read PostgreSQL serves
 * gives the application what Connector/J gives for MySQL's TIME: the text, a {@code Time} within a
 * day, the same error beyond one; a compared read finds nothing to record.
 */
@ExtendWith(TestDatabases.class)
class DurationReadsIT {

  private static final String READ =
      "SELECT id, TIMEDIFF(a, b) AS d, SEC_TO_TIME(n) AS s FROM dur_it ORDER BY id";

  @Test
  void durationsBeyondADayReadFromPostgresAsFromMysql(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE dur_it (id INT PRIMARY KEY, a DATETIME NULL, b DATETIME NULL, n INT NULL)");
      s.executeUpdate(
          "INSERT INTO dur_it VALUES (1, '2024-01-03 12:00:00', '2024-01-01 00:00:00', 90061),"
              + " (2, '2024-01-01 00:00:00', '2024-01-01 01:30:00', -3661),"
              + " (3, '2024-03-01 00:00:00', '2024-01-01 00:00:00', 4000000),"
              + " (4, NULL, NULL, NULL), (5, '2024-01-01 10:00:00', '2024-01-01 09:00:00', 0)");
    }
    List<String> mysql;
    try (Connection m = db.openMysql();
        Statement s = m.createStatement();
        ResultSet rs = s.executeQuery(READ)) {
      mysql = asTheApplicationSeesIt(rs);
    }
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.readPercent", "100");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(READ)) {
      assertThat(asTheApplicationSeesIt(rs)).isEqualTo(mysql);
    }
    assertThat(mysql).contains("1 d 60:00:00", "2 s -01:01:01", "3 d 838:59:59", "5 d 01:00:00");

    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(READ)) {
      assertThat(asTheApplicationSeesIt(rs))
          .as("served by MySQL through the driver")
          .isEqualTo(mysql);
    }
    List<Discrepancy> records = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.comparePercent", "100")) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(READ)) {
        while (rs.next()) {
          rs.getString(2);
        }
      }
    }
    assertThat(records).as("a compared read of durations").isEmpty();
  }

  /** Metadata of d and s, then per row and column: getString, getObject, getTime. */
  private static List<String> asTheApplicationSeesIt(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 2; i <= 3; i++) {
      out.add(md.getColumnTypeName(i) + " " + md.getColumnType(i) + " " + md.getColumnClassName(i));
    }
    while (rs.next()) {
      for (int column = 2; column <= 3; column++) {
        int i = column;
        out.add(rs.getInt(1) + " " + md.getColumnLabel(i) + " " + rs.getString(i));
        out.add(
            rs.getInt(1)
                + " "
                + md.getColumnLabel(i)
                + " object "
                + attempt(() -> rs.getObject(i)));
        out.add(
            rs.getInt(1) + " " + md.getColumnLabel(i) + " time " + attempt(() -> rs.getTime(i)));
        out.add(
            rs.getInt(1)
                + " "
                + md.getColumnLabel(i)
                + " as Time "
                + attempt(() -> rs.getObject(i, java.sql.Time.class)));
        out.add(
            rs.getInt(1)
                + " "
                + md.getColumnLabel(i)
                + " as LocalDateTime "
                + attempt(() -> rs.getObject(i, java.time.LocalDateTime.class)));
        out.add(
            rs.getInt(1)
                + " "
                + md.getColumnLabel(i)
                + " as Duration "
                + attempt(() -> rs.getObject(i, java.time.Duration.class)));
      }
    }
    return out;
  }

  private interface Getter {
    Object get() throws SQLException;
  }

  private static String attempt(Getter g) {
    try {
      Object o = g.get();
      return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
    } catch (SQLException | RuntimeException e) {
      return "error " + e.getClass().getSimpleName();
    }
  }
}
