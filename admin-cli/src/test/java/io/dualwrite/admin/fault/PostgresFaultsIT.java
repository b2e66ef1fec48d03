package io.dualwrite.admin.fault;

import static io.dualwrite.admin.fault.FaultApp.DEADLINE_MILLIS;
import static io.dualwrite.admin.fault.FaultApp.FAULT_SECONDS;
import static io.dualwrite.admin.fault.FaultApp.PROBED_FAULT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.fault.FaultApp.Call;
import io.dualwrite.admin.fault.FaultApp.Recovery;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TcpProxy;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults of PostgreSQL, the side that is not authoritative in DUAL_WRITE, between the driver and
 * the server (a {@link TcpProxy}), under the four threads of {@link FaultApp} with half the reads
 * served by PostgreSQL: a half-open path, a server that accepts connections and never answers, and
 * PostgreSQL killed in the middle of a transaction and restarted. Each asserts no application
 * error, every call within {@code dualwrite.mirrorTimeoutMillis} plus 1 s, drift naming the table,
 * and both sides equal after {@code repair}. {@link io.dualwrite.driver.fault.PostgresHangIT} (in
 * the driver) covers hang, added latency and reset.
 *
 * <p>{@code -Ddualwrite.test.faultSeconds=N} lengthens each fault (default 6).
 */
@ExtendWith(TestDatabases.class)
class PostgresFaultsIT {
  private static final long MARGIN_MILLIS = 1000;

  private static Properties props(DatabasePair db, String name, TcpProxy proxy) {
    return DualWriteTestUrls.properties(
        db,
        "dualwrite.readPercent",
        "50",
        "dualwrite.mirrorTimeoutMillis",
        Integer.toString(DEADLINE_MILLIS),
        "dualwrite.control",
        "primary",
        "dualwrite.refreshMillis",
        "200",
        "dualwrite.instance",
        "fault-" + name,
        "dualwrite.postgres.url",
        FaultApp.through(db.postgres().jdbcUrl(), proxy));
  }

  private static void fresh(DatabasePair db, String name) throws Exception {
    try (Connection mysql = db.openMysql()) {
      FaultApp.freshControlStore(mysql);
    }
    FaultApp.createTables(db, name);
  }

  private static void report(String test, List<Call> calls, long skipMillis, Recovery r) {
    report(test, calls, skipMillis, -1, r);
  }

  private static void report(
      String test, List<Call> calls, long skipMillis, long resumedMillis, Recovery r) {
    System.out.printf(
        "PostgresFaultsIT %s: %d calls, longest %d ms, first skipped write %d ms after the fault,"
            + " mirroring again %d ms after it ended, differing %s, drift %s, repair wrote %d"
            + " rows%n",
        test,
        calls.size(),
        FaultApp.longestMillis(calls),
        skipMillis,
        resumedMillis,
        r.differing(),
        r.drift(),
        r.rowsRepaired());
  }

  private static void assertBoundedAndErrorFree(List<Call> calls) {
    assertThat(calls).as("calls made").hasSizeGreaterThan(20);
    assertThat(FaultApp.errors(calls)).as("application errors").isEmpty();
    assertThat(FaultApp.longestMillis(calls))
        .as("longest application call (%s)", FaultApp.describeLongest(calls))
        .isLessThanOrEqualTo(DEADLINE_MILLIS + MARGIN_MILLIS);
  }

  /**
   * The path to PostgreSQL goes half-open: bytes of every open connection vanish both ways and
   * nothing is closed, so no end learns the connection is dead; new connections (reconnects,
   * probes) reach a server that accepts and never answers. Then the path heals (the dead
   * connections stay dead until the test closes them, as keepalive would).
   */
  @Test
  void halfOpenPathToPostgresNeverHoldsACallPastTheDeadline(DatabasePair db) throws Exception {
    String name = "half_open";
    fresh(db, name);
    List<Call> calls;
    long skipMillis;
    long resumedMillis;
    try (TcpProxy proxy = FaultApp.proxyFor(db.postgres().jdbcUrl());
        FaultApp app = new FaultApp(name, DualWriteTestUrls.url(db), props(db, name, proxy))) {
      app.start();
      Thread.sleep(3000);
      long faultAt = System.nanoTime();
      proxy.halfOpen();
      FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(PROBED_FAULT_SECONDS));
      proxy.heal();
      resumedMillis = app.awaitMirroringAgain(10);
      calls = app.stop();
      skipMillis = TimeUnit.NANOSECONDS.toMillis(app.firstSkipNanos() - faultAt);
      assertThat(app.firstSkipNanos()).as("breaker opened (writes skipped)").isPositive();
      proxy.closeLost(); // PostgreSQL's keepalive would end them: their row locks go
      app.finish();
    }
    assertBoundedAndErrorFree(calls);
    assertThat(skipMillis).as("from the fault to the breaker opening").isLessThanOrEqualTo(3000);
    assertThat(resumedMillis).as("writes mirrored again after the path healed").isNotNegative();
    Recovery r = FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(db, name);
    assertThat(r.drift()).contains("fault_" + name);
    report(name, calls, skipMillis, resumedMillis, r);
  }

  /**
   * PostgreSQL's address answers TCP and never speaks (a server stuck before its greeting) from
   * before the application's first connection: every connection attempt the driver makes, from
   * application threads or its probes, gives up within the deadline.
   */
  @Test
  void postgresThatAcceptsAndNeverAnswersNeverHoldsACallPastTheDeadline(DatabasePair db)
      throws Exception {
    String name = "silent";
    fresh(db, name);
    List<Call> calls;
    long skipMillis;
    long resumedMillis;
    try (TcpProxy proxy = FaultApp.proxyFor(db.postgres().jdbcUrl());
        FaultApp app = new FaultApp(name, DualWriteTestUrls.url(db), props(db, name, proxy))) {
      proxy.halfOpen(); // nothing open yet: every connection is accepted and never answered
      long faultAt = System.nanoTime();
      app.start();
      FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(PROBED_FAULT_SECONDS));
      proxy.heal();
      resumedMillis = app.awaitMirroringAgain(10);
      calls = app.stop();
      assertThat(app.firstSkipNanos()).as("breaker opened (writes skipped)").isPositive();
      skipMillis = TimeUnit.NANOSECONDS.toMillis(app.firstSkipNanos() - faultAt);
      proxy.closeLost();
      app.finish();
    }
    assertBoundedAndErrorFree(calls);
    assertThat(skipMillis)
        .as("from the first connection attempt to the breaker opening")
        .isLessThanOrEqualTo(DEADLINE_MILLIS + 1000);
    assertThat(resumedMillis).as("writes mirrored again once PostgreSQL answers").isNotNegative();
    Recovery r = FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(db, name);
    assertThat(r.drift()).contains("fault_" + name);
    report(name, calls, skipMillis, resumedMillis, r);
  }

  /**
   * PostgreSQL dies (every connection reset, new ones refused) while an application transaction has
   * written to it, and comes back a few seconds later: the transaction commits on MySQL, no call
   * fails or waits, drift names the table, repair makes the sides equal.
   */
  @Test
  void postgresKilledInTheMiddleOfATransactionLeavesDriftThatRepairCloses(DatabasePair db)
      throws Exception {
    String name = "pg_killed";
    fresh(db, name);
    List<Call> calls;
    long skipMillis;
    long txMillis;
    try (TcpProxy proxy = FaultApp.proxyFor(db.postgres().jdbcUrl());
        FaultApp app = new FaultApp(name, DualWriteTestUrls.url(db), props(db, name, proxy))) {
      app.start();
      Thread.sleep(2000);
      long faultAt;
      try (Connection tx =
              DriverManager.getConnection(DualWriteTestUrls.url(db), props(db, name, proxy));
          Statement s = tx.createStatement()) {
        // Rows of its own: the application's threads update rows 1-20 in random order, so a
        // transaction over two of those can deadlock with them on MySQL (1213), driver or not.
        long first = insertOwnRow(s, name);
        long second = insertOwnRow(s, name);
        tx.setAutoCommit(false);
        s.executeUpdate("UPDATE fault_" + name + " SET note = 'before-kill' WHERE id = " + first);
        s.executeUpdate("INSERT INTO fault_" + name + " (v, note) VALUES (-1, 'in-tx')");
        faultAt = System.nanoTime();
        proxy.reset(); // killed: every connection reset ...
        proxy.down(); // ... and nothing listening until it restarts
        s.executeUpdate("UPDATE fault_" + name + " SET note = 'after-kill' WHERE id = " + second);
        tx.commit();
        txMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultAt);
      }
      FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(Math.max(3, FAULT_SECONDS / 2)));
      proxy.up(); // restarted
      Thread.sleep(3000);
      calls = app.stop();
      assertThat(app.firstSkipNanos()).as("breaker opened (writes skipped)").isPositive();
      skipMillis = TimeUnit.NANOSECONDS.toMillis(app.firstSkipNanos() - faultAt);
      app.finish();
    }
    assertBoundedAndErrorFree(calls);
    assertThat(txMillis)
        .as("the rest of the transaction")
        .isLessThanOrEqualTo(DEADLINE_MILLIS + MARGIN_MILLIS);
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM fault_"
                    + name
                    + " WHERE note IN ('before-kill', 'in-tx',"
                    + " 'after-kill')")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the transaction committed on MySQL").isEqualTo(3);
    }
    Recovery r = FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(db, name);
    assertThat(r.drift()).contains("fault_" + name);
    assertThat(r.differing()).as("PostgreSQL lost the transaction").contains("fault_" + name);
    report(name, calls, skipMillis, r);
  }

  /** Inserts a row the application's threads never update; returns its id. */
  private static long insertOwnRow(Statement s, String name) throws SQLException {
    s.executeUpdate(
        "INSERT INTO fault_" + name + " (v, note) VALUES (-2, 'own')",
        Statement.RETURN_GENERATED_KEYS);
    try (ResultSet keys = s.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
