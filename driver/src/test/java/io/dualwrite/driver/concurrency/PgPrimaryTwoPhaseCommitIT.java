package io.dualwrite.driver.concurrency;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dualwrite.driver.Driver;
import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.runtime.PreparedTransactions;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code PG_PRIMARY} at {@code SERIALIZABLE}: PostgreSQL refuses the second of two transactions in
 * a write skew at its commit ({@code 40001}), after MySQL (the other side, at READ COMMITTED) could
 * have committed it. With prepared transactions PostgreSQL decides first: the application gets the
 * serialization failure, MySQL's copy is rolled back, nothing is recorded and the sides are equal.
 */
@ExtendWith(TestDatabases.class)
class PgPrimaryTwoPhaseCommitIT {
  private static final String TABLE = "tpc_skew";

  @BeforeEach
  void rows(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, on_call INT NOT NULL)");
      s.execute("INSERT INTO " + TABLE + " VALUES (1, 1), (2, 1)");
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SHOW max_prepared_transactions")) {
      rs.next();
      assumeThat(rs.getInt(1))
          .as("the PostgreSQL test server allows prepared transactions")
          .isPositive();
    }
  }

  private static Connection pgPrimary(DatabasePair db, List<Discrepancy> seen) throws SQLException {
    return pgPrimary(db, seen, "jdbc");
  }

  /**
   * A {@code PG_PRIMARY} connection at SERIALIZABLE, set by {@code isolation}: {@code jdbc}
   * (setTransactionIsolation), {@code sql-session} ({@code SET SESSION TRANSACTION ...}) or {@code
   * sql-next} ({@code SET TRANSACTION ...} before each transaction, in {@link #begin}).
   */
  private static Connection pgPrimary(DatabasePair db, List<Discrepancy> seen, String isolation)
      throws SQLException {
    Connection c =
        DualWriteTestUrls.connect(
            db, "dualwrite.phase", "PG_PRIMARY", "dualwrite.readPercent", "100");
    c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
    switch (isolation) {
      case "jdbc" -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      case "sql-session" -> {
        try (Statement s = c.createStatement()) {
          s.execute("SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        }
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      }
      default -> {}
    }
    return c;
  }

  /** Each of two doctors goes off call if the other is still on call: the classic write skew. */
  @ParameterizedTest(name = "{0} boundaries, isolation by {1}")
  @CsvSource({
    "jdbc, jdbc",
    "sql, jdbc",
    "setAutoCommit, jdbc",
    "sql, sql-session",
    "jdbc, sql-session",
    "sql, sql-next",
    "jdbc, sql-next"
  })
  void theSecondOfAWriteSkewIsRefusedOnBothSides(
      String boundaries, String isolation, DatabasePair db) throws Exception {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    boolean next = isolation.equals("sql-next");
    try (Connection a = pgPrimary(db, seen, isolation);
        Connection b = pgPrimary(db, seen, isolation);
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      begin(a, sa, boundaries, next);
      begin(b, sb, boundaries, next);
      assertThat(onCall(sa)).isEqualTo(2);
      assertThat(onCall(sb)).isEqualTo(2);
      sa.executeUpdate("UPDATE " + TABLE + " SET on_call = 0 WHERE id = 1");
      sb.executeUpdate("UPDATE " + TABLE + " SET on_call = 0 WHERE id = 2");
      commit(a, sa, boundaries);
      SQLException refused =
          catchThrowableOfType(() -> commit(b, sb, boundaries), SQLException.class);
      assertThat((Throwable) refused).as("the second commit is refused").isNotNull();
      assertThat(refused.getSQLState()).isEqualTo("40001");
      // The connection goes on: a new transaction on both sides.
      begin(b, sb, boundaries, next);
      assertThat(onCall(sb)).isEqualTo(1);
      commit(b, sb, boundaries);
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, TABLE, "id");
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      assertThat(onCall(s)).as("MySQL has only the first transaction").isEqualTo(1);
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE 'dualwrite:%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("prepared transactions left").isZero();
    }
  }

  /**
   * A transaction an instance prepared and never committed (it died between the two steps) is
   * committed by {@link PreparedTransactions#commitLeftBehind} once old enough; another
   * application's prepared transaction is left alone.
   */
  @Test
  void aPreparedTransactionLeftBehindIsCommitted(DatabasePair db) throws Exception {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      pg.setAutoCommit(false);
      s.executeUpdate("UPDATE " + TABLE + " SET on_call = 7 WHERE id = 1");
      s.execute("PREPARE TRANSACTION 'dualwrite:crashed-instance:1'");
      s.executeUpdate("UPDATE " + TABLE + " SET on_call = 8 WHERE id = 2");
      s.execute("PREPARE TRANSACTION 'someone-else:1'");
      pg.setAutoCommit(true);
      try {
        assertThat(PreparedTransactions.commitLeftBehind(pg, 3_600_000))
            .as("younger than the threshold: left to its owner")
            .isZero();
        assertThat(PreparedTransactions.commitLeftBehind(pg, 0)).isEqualTo(1);
        assertThat(PreparedTransactions.commitLeftBehind(pg, 0)).isZero();
        try (ResultSet rs = s.executeQuery("SELECT id, on_call FROM " + TABLE + " ORDER BY id")) {
          rs.next();
          assertThat(rs.getInt(2)).as("the left-behind transaction committed").isEqualTo(7);
          rs.next();
          assertThat(rs.getInt(2)).as("another application's prepared transaction").isEqualTo(1);
        }
      } finally {
        s.execute("ROLLBACK PREPARED 'someone-else:1'");
      }
    }
    Driver.shutdown();
  }

  /**
   * A deadlock on PostgreSQL: the victim hears MySQL's 1213, after which MySQL would have rolled
   * its whole transaction back. So does the driver, on both sides, at once: the victim's first
   * update is gone from both databases before it calls rollback, and its locks with it.
   */
  @Test
  void aDeadlockOnPostgresEndsTheVictimsTransactionOnBothSides(DatabasePair db) throws Exception {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection a = pgPrimary(db, seen);
        Connection b = pgPrimary(db, seen);
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      a.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      b.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      sa.executeUpdate("UPDATE " + TABLE + " SET on_call = 10 WHERE id = 1");
      sb.executeUpdate("UPDATE " + TABLE + " SET on_call = 20 WHERE id = 2");
      java.util.concurrent.Future<Integer> aWaits =
          java.util.concurrent.Executors.newSingleThreadExecutor()
              .submit(() -> sa.executeUpdate("UPDATE " + TABLE + " SET on_call = 11 WHERE id = 2"));
      Thread.sleep(300); // a waits for b's row 2
      SQLException victim = null;
      try {
        sb.executeUpdate("UPDATE " + TABLE + " SET on_call = 21 WHERE id = 1");
      } catch (SQLException e) {
        victim = e;
      }
      SQLException aError = null;
      try {
        aWaits.get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        aError = (SQLException) e.getCause();
      }
      // PostgreSQL picks one of the two
      SQLException lost = victim != null ? victim : aError;
      Connection loser = victim != null ? b : a;
      Connection winner = victim != null ? a : b;
      assertThat((Throwable) lost).as("one of them is the deadlock's victim").isNotNull();
      assertThat(lost.getErrorCode()).isEqualTo(1213);
      int loserRow = victim != null ? 2 : 1;
      try (Connection mysql = db.openMysql();
          Statement s = mysql.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT on_call FROM " + TABLE + " WHERE id = " + loserRow)) {
        rs.next();
        assertThat(rs.getInt(1)).as("the victim's first update, gone on MySQL").isEqualTo(1);
      }
      winner.commit();
      loser.rollback(); // what the application does; nothing is left to roll back
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, TABLE, "id");
    Driver.shutdown();
  }

  /**
   * PostgreSQL refuses, with {@code 40001}, the read that follows an {@code INSERT ... SELECT}: the
   * mirror reads the inserted rows back by key to write them on MySQL, and that read meets a row of
   * a prepared transaction W while this transaction R already has a conflict in from a third one,
   * T0 (T0 -> R -> W, "canceled on conflict out to pivot, during read"). PostgreSQL does not doom R
   * for it: pgjdbc's autosave rolls back the read alone and R, the insert still in it, could
   * commit. The application hears MySQL's 1213, so the insert must be gone on both sides: in
   * autocommit mode (the held transaction) as inside a transaction.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"autocommit", "transaction", "autocommit batch"})
  void aSerializationFailureReadingTheInsertedRowsBackUndoesTheInsertOnBothSides(
      String how, DatabasePair db) throws Exception {
    boolean autoCommit = how.startsWith("autocommit");
    String log = "tpc_log_" + how.replace(' ', '_');
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection r = pgPrimary(db, seen);
        Statement sr = r.createStatement();
        Connection t0 = db.openPostgres();
        Connection w = db.openPostgres();
        Statement s0 = t0.createStatement();
        Statement sw = w.createStatement()) {
      sr.execute("DROP TABLE IF EXISTS " + log);
      sr.execute(
          "CREATE TABLE "
              + log
              + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, doctor INT NOT NULL, on_call INT)");
      // PostgreSQL reads the table whole (as it does a table too small for its index to pay),
      // so the read back meets W's row.
      s0.execute("ALTER TABLE " + log + " DROP CONSTRAINT " + log + "_pkey");
      for (Connection c : List.of(t0, w)) {
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        c.setAutoCommit(false);
      }
      s0.executeQuery("SELECT count(*) FROM " + log).close(); // T0 reads what R will write
      sw.executeUpdate("INSERT INTO " + log + " (id, doctor, on_call) VALUES (1000, 9, 9)");
      String gid = "someone-else:" + log;
      sw.execute("PREPARE TRANSACTION '" + gid + "'");
      w.setAutoCommit(true);
      try {
        r.setAutoCommit(autoCommit);
        String insert =
            "INSERT INTO " + log + " (doctor, on_call) SELECT id, on_call FROM " + TABLE;
        SQLException refused =
            catchThrowableOfType(
                () -> {
                  if (how.endsWith("batch")) {
                    try (PreparedStatement ps = r.prepareStatement(insert + " WHERE id = ?")) {
                      ps.setInt(1, 1);
                      ps.addBatch();
                      ps.setInt(1, 2);
                      ps.addBatch();
                      ps.executeBatch();
                    }
                  } else {
                    sr.executeUpdate(insert + " WHERE id = 1");
                  }
                },
                SQLException.class);
        assertThat((Throwable) refused).as("PostgreSQL refused the read back").isNotNull();
        assertThat(refused.getErrorCode()).isEqualTo(1213);
        if (!autoCommit) {
          r.rollback(); // what the application does after 1213
          r.setAutoCommit(true);
        }
      } finally {
        sw.execute("ROLLBACK PREPARED '" + gid + "'");
        t0.rollback();
      }
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    try (Connection pg = db.openPostgres();
        Connection mysql = db.openMysql()) {
      assertThat(TableComparison.count(pg, log)).as("rows on PostgreSQL").isZero();
      assertThat(TableComparison.count(mysql, log)).as("rows on MySQL").isZero();
    }
  }

  private static void begin(Connection c, Statement s, String boundaries) throws SQLException {
    begin(c, s, boundaries, false);
  }

  /** With {@code next}: {@code SET TRANSACTION ISOLATION LEVEL SERIALIZABLE} for it first. */
  private static void begin(Connection c, Statement s, String boundaries, boolean next)
      throws SQLException {
    if (boundaries.equals("sql")) {
      if (next) {
        s.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"); // autocommit: kept for BEGIN
      }
      s.execute("START TRANSACTION");
    } else {
      c.setAutoCommit(false);
      if (next) {
        s.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"); // begins it on PostgreSQL
      }
    }
  }

  private static void commit(Connection c, Statement s, String boundaries) throws SQLException {
    switch (boundaries) {
      case "sql" -> s.execute("COMMIT");
      case "setAutoCommit" -> c.setAutoCommit(true); // JDBC: commits the open transaction
      default -> c.commit();
    }
  }

  private static int onCall(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT SUM(on_call) FROM " + TABLE)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
