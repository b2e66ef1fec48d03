package io.dualwrite.driver.concurrency;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The other side loses its copy of a transaction for a reason MySQL did not have (here: its
 * connection is terminated by the server) while MySQL still holds the transaction's row locks. The
 * driver opens a new connection, replays the transaction's mirrored statements, with their binds
 * and generated keys, and goes on: both sides end equal and nothing is recorded.
 */
@ExtendWith(TestDatabases.class)
class MirrorReplayIT {

  private static int terminatePostgresBackends(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        var rs =
            s.executeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void transactionIsReplayedWhenThePostgresConnectionIsLostBeforeAStatement(DatabasePair db)
      throws Exception {
    List<Discrepancy> records = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db)) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE replay_a (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT NOT NULL,"
                + " note VARCHAR(20))");
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert =
              c.prepareStatement("INSERT INTO replay_a (v, note) VALUES (?, ?)");
          PreparedStatement update =
              c.prepareStatement("UPDATE replay_a SET v = v * 3 + ? WHERE id = ?")) {
        insert.setInt(1, 10);
        insert.setString(2, "first");
        insert.executeUpdate();
        insert.setInt(1, 20);
        insert.setString(2, "second");
        insert.executeUpdate();
        update.setInt(1, 1);
        update.setLong(2, 1);
        update.executeUpdate();

        assertThat(terminatePostgresBackends(db)).isPositive();

        insert.setInt(1, 30);
        insert.setString(2, "third");
        insert.executeUpdate();
        update.setInt(1, 2);
        update.setLong(2, 2);
        update.executeUpdate();
      }
      c.commit();
    }
    assertSameRows(db, "replay_a", "id");
    assertThat(records).isEmpty();
  }

  /**
   * At COMMIT a lost connection leaves the outcome unknown (the commit may have been applied before
   * the connection broke), so the transaction is not replayed, which could apply it twice: the
   * application's commit succeeds and the tables are recorded with drift for repair.
   */
  @Test
  void connectionLostAtCommitIsRecordedWithDriftAndNeverReplayed(DatabasePair db) throws Exception {
    List<Discrepancy> records = new CopyOnWriteArrayList<>();
    // The mirror not overlapped: every statement is over on PostgreSQL before the connection is
    // terminated, so it is lost at COMMIT (overlapped, the last one could be lost in flight, and
    // the transaction would then be rebuilt like the test above)
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.overlapMirror", "false")) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE replay_b (id INT PRIMARY KEY, v INT NOT NULL)");
        s.execute("INSERT INTO replay_b VALUES (1, 1), (2, 2)");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE replay_b SET v = v * 7 + 1 WHERE id = 1");
        s.executeUpdate("INSERT INTO replay_b VALUES (3, 3)");
        s.executeUpdate("DELETE FROM replay_b WHERE id = 2");
      }
      assertThat(terminatePostgresBackends(db)).isPositive();
      c.commit();
      assertThat(c.unwrap(DualWriteConnection.class).drift().snapshot()).containsKey("replay_b");
    }
    assertThat(records).extracting(d -> d.kind().name()).containsExactly("COMMIT_FAILED");
  }
}
