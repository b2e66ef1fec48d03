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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code dualwrite.overlapMirror}: inside a transaction a mirrored write runs on PostgreSQL while
 * the application's next statement runs on MySQL, and everything that next uses PostgreSQL waits
 * for it. A second PostgreSQL session holds a row lock, so the mirrored write is provably still
 * running (waiting for that lock, seen in {@code pg_stat_activity}) when the application goes on.
 */
@ExtendWith(TestDatabases.class)
class MirrorPipelineIT {

  /** Long enough that the held lock never runs out PostgreSQL's lock wait (half of it). */
  private static final String[] SLOW_LOCKS = {"dualwrite.mirrorTimeoutMillis", "30000"};

  private static final long WAIT_MILLIS = 20_000;

  /** Sessions of this database waiting for a lock, seen from {@code holder}. */
  private static int waitingForALock(Connection holder) throws SQLException {
    return sessions(holder, "wait_event_type = 'Lock'");
  }

  /** dualwrite's PostgreSQL sessions inside a transaction, seen from {@code other}. */
  private static int dualwriteTransactionsOpen(Connection other) throws SQLException {
    return sessions(other, "application_name = 'dualwrite' AND state LIKE 'idle in transaction%'");
  }

  /** Sessions of this database that match {@code condition}, seen from {@code c}. */
  private static int sessions(Connection c, String condition) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                    + condition)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void awaitALockWaiter(Connection holder) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (waitingForALock(holder) == 0) {
      assertThat(System.nanoTime())
          .as("a mirrored write waiting for the lock")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Something another session does. */
  private interface SessionAction {
    void run() throws Exception;
  }

  /** Runs {@code action} on {@code executor} once the calling thread is waiting. */
  private static Future<?> onceThisThreadWaits(ExecutorService executor, SessionAction action) {
    Thread app = Thread.currentThread();
    return executor.submit(
        () -> {
          while (app.getState() != Thread.State.WAITING) {
            Thread.sleep(10);
          }
          action.run();
          return null;
        });
  }

  /** A PostgreSQL session holding row {@code id} of {@code table} locked until rolled back. */
  private static Connection lockOnPostgres(DatabasePair db, String table, int id)
      throws SQLException {
    Connection holder = db.openPostgres();
    holder.setAutoCommit(false);
    try (Statement s = holder.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT v FROM " + table + " WHERE id = " + id + " FOR UPDATE")) {
      assertThat(rs.next()).isTrue();
    }
    return holder;
  }

  @Test
  void theNextStatementRunsOnMysqlWhileTheMirroredWriteWaitsOnPostgres(DatabasePair db)
      throws Exception {
    List<Discrepancy> records = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db, SLOW_LOCKS)) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE pipe_a (id INT PRIMARY KEY, v INT NOT NULL)");
        s.execute("INSERT INTO pipe_a VALUES (1, 1), (2, 2)");
      }
      try (Connection holder = lockOnPostgres(db, "pipe_a", 1)) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          assertThat(s.executeUpdate("UPDATE pipe_a SET v = v * 31 + 7 WHERE id = 1")).isEqualTo(1);
          awaitALockWaiter(holder); // the call returned; its PostgreSQL copy is still waiting
          try (ResultSet rs = s.executeQuery("SELECT v FROM pipe_a WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("MySQL's row, read while the mirror waits").isEqualTo(38);
          }
          holder.rollback();
          // the next write waits for the one in flight, then goes the same way
          assertThat(s.executeUpdate("UPDATE pipe_a SET v = v * 31 + 7 WHERE id = 1")).isEqualTo(1);
          assertThat(s.executeUpdate("UPDATE pipe_a SET v = v - 1 WHERE id = 2")).isEqualTo(1);
        }
        c.commit();
      }
    }
    assertSameRows(db, "pipe_a", "id");
    assertThat(records).isEmpty();
  }

  @Test
  void closingTheStatementWaitsForItsWriteInFlight(DatabasePair db) throws Exception {
    List<Discrepancy> records = new CopyOnWriteArrayList<>();
    ExecutorService releaser = Executors.newSingleThreadExecutor();
    try (Connection c = DualWriteTestUrls.connect(db, SLOW_LOCKS)) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE pipe_b (id INT PRIMARY KEY, v INT NOT NULL, b VARBINARY(8))");
        s.execute("INSERT INTO pipe_b VALUES (1, 1, NULL)");
      }
      try (Connection holder = lockOnPostgres(db, "pipe_b", 1)) {
        c.setAutoCommit(false);
        PreparedStatement update =
            c.prepareStatement("UPDATE pipe_b SET v = ?, b = ? WHERE id = ?");
        byte[] bytes = {1, 2, 3};
        update.setInt(1, 5);
        update.setBytes(2, bytes);
        update.setInt(3, 1);
        assertThat(update.executeUpdate()).isEqualTo(1);
        bytes[0] = 9; // after the call: the mirror binds what the application bound
        awaitALockWaiter(holder);
        // release the lock only once the application's close() is waiting
        Future<?> released = onceThisThreadWaits(releaser, holder::rollback);
        update.close();
        released.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        c.commit();
      }
    } finally {
      releaser.shutdownNow();
    }
    assertSameRows(db, "pipe_b", "id");
    assertThat(records).isEmpty();
  }

  /**
   * MySQL's connection dies inside the transaction while a mirrored write waits on PostgreSQL: the
   * server has rolled the transaction back, so PostgreSQL's copy is rolled back at once (not at the
   * application's next call), and what the abandoned write found there (here: its row deleted by
   * another session meanwhile) is no discrepancy.
   */
  @Test
  void mysqlsConnectionLostWithAWriteInFlightRollsPostgresBackAndRecordsNothing(DatabasePair db)
      throws Exception {
    List<Discrepancy> records = new CopyOnWriteArrayList<>();
    ExecutorService releaser = Executors.newSingleThreadExecutor();
    Connection c = DualWriteTestUrls.connect(db, SLOW_LOCKS);
    try {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      long mysqlSession;
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE pipe_d (id INT PRIMARY KEY, v INT NOT NULL)");
        s.execute("INSERT INTO pipe_d VALUES (1, 1), (2, 2)");
        try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
          rs.next();
          mysqlSession = rs.getLong(1);
        }
      }
      try (Connection holder = lockOnPostgres(db, "pipe_d", 1);
          Connection killer = db.openMysql()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          assertThat(s.executeUpdate("UPDATE pipe_d SET v = 10 WHERE id = 1")).isEqualTo(1);
          awaitALockWaiter(holder);
          try (Statement k = killer.createStatement()) {
            k.execute("KILL " + mysqlSession);
          }
          // once the application waits for the write in flight, its row goes away
          Future<?> released =
              onceThisThreadWaits(
                  releaser,
                  () -> {
                    try (Statement h = holder.createStatement()) {
                      h.execute("DELETE FROM pipe_d WHERE id = 1");
                    }
                    holder.commit();
                  });
          SQLException lost = null;
          try {
            s.executeUpdate("UPDATE pipe_d SET v = 20 WHERE id = 2");
          } catch (SQLException e) {
            lost = e;
          }
          assertThat(lost != null).as("MySQL's connection was killed").isTrue();
          assertThat(lost.getSQLState()).as(lost.toString()).startsWith("08");
          try {
            released.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
          } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                "the failing call did not wait for the write in flight to abandon it", e);
          }
          assertThat(dualwriteTransactionsOpen(holder))
              .as("PostgreSQL's copy rolled back with MySQL's transaction")
              .isZero();
        }
      }
    } finally {
      releaser.shutdownNow();
      try {
        c.close();
      } catch (SQLException broken) {
        // Connector/J on MySQL 9.7 has not marked the killed connection closed, so its close()
        // tries a rollback and fails with 08S01, as the raw driver's would
        assertThat(broken.getSQLState()).as(broken.toString()).startsWith("08");
      }
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT v FROM pipe_d WHERE id = 2")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).as("row 2 on PostgreSQL, as MySQL rolled it back").isEqualTo(2);
    }
    assertThat(records).isEmpty();
  }

  @Test
  void withTheOverlapOffTheCallReturnsOnlyOnceTheMirroredWriteIsOver(DatabasePair db)
      throws Exception {
    try (Connection c =
        DualWriteTestUrls.connect(
            db, "dualwrite.mirrorTimeoutMillis", "30000", "dualwrite.overlapMirror", "false")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE pipe_c (id INT PRIMARY KEY, v INT NOT NULL)");
        s.execute("INSERT INTO pipe_c VALUES (1, 1)");
      }
      ExecutorService releaser = Executors.newSingleThreadExecutor();
      try (Connection holder = lockOnPostgres(db, "pipe_c", 1)) {
        c.setAutoCommit(false);
        AtomicBoolean releasing = new AtomicBoolean();
        Future<?> released =
            releaser.submit(
                () -> {
                  awaitALockWaiter(holder);
                  releasing.set(true);
                  holder.rollback();
                  return null;
                });
        try (Statement s = c.createStatement()) {
          assertThat(s.executeUpdate("UPDATE pipe_c SET v = 2 WHERE id = 1")).isEqualTo(1);
        }
        // the call could only return once the lock was being released
        assertThat(releasing).isTrue();
        released.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        c.commit();
      } finally {
        releaser.shutdownNow();
      }
    }
    assertSameRows(db, "pipe_c", "id");
  }
}
