package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transactions, savepoints and session settings written as SQL are handled on both sides. */
@ExtendWith(TestDatabases.class)
class SessionStatementsIT {

  @BeforeAll
  static void schema(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20))");
    }
  }

  @Test
  void sqlTransactionsAndSavepointsAreMirroredWithoutDiscrepancies(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.execute("START TRANSACTION");
      s.executeUpdate("INSERT INTO notes VALUES (1, 'rolled back')");
      s.execute("ROLLBACK");
      s.execute("BEGIN");
      s.executeUpdate("INSERT INTO notes VALUES (2, 'kept')");
      s.execute("SAVEPOINT sp1");
      s.executeUpdate("INSERT INTO notes VALUES (3, 'undone')");
      s.execute("ROLLBACK TO SAVEPOINT sp1");
      s.execute("RELEASE SAVEPOINT sp1");
      s.execute("COMMIT");
      s.execute("SET autocommit = 0");
      assertThat(c.getAutoCommit()).isFalse();
      s.executeUpdate("INSERT INTO notes VALUES (4, 'later')");
      c.commit();
      s.execute("SET autocommit = 1");
      s.execute("SET NAMES utf8mb4");
      s.execute("SET time_zone = '+02:00'");
      s.execute("USE " + db.name());
      try (ResultSet rs = s.executeQuery("SHOW TABLES")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("notes");
      }
    }
    assertThat(seen).isEmpty();
    assertSameRows(db, "notes", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT string_agg(body, ',' ORDER BY id) FROM notes")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("kept,later");
    }
  }

  @Test
  void timeZoneSetOnTheConnectionAppliesToPinnedValuesOnBothSides(DatabasePair db)
      throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE stamps (id INT PRIMARY KEY, at DATETIME NOT NULL)");
      s.execute("SET time_zone = '+05:00'");
      s.executeUpdate("INSERT INTO stamps VALUES (1, NOW())");
      try (ResultSet rs =
          s.executeQuery("SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), at) FROM stamps")) {
        rs.next();
        assertThat(rs.getInt(1)).isBetween(299, 300);
      }
    }
    assertSameRows(db, "stamps", "id");
  }
}
