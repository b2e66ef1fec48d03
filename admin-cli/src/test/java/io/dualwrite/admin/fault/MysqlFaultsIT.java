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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults of MySQL (a {@link TcpProxy} between the driver and MySQL, the control store behind it
 * too) under the four threads of {@link FaultApp}. In DUAL_WRITE MySQL is authoritative: while it
 * hangs or after it is killed the application sees MySQL's own behaviour and errors only, nothing
 * MySQL did not commit stays on PostgreSQL unrecorded, and repair of the drift makes the sides
 * equal. In PG_PRIMARY MySQL is the other side: a hung MySQL never holds a call past {@code
 * dualwrite.mirrorTimeoutMillis} plus 1 s nor fails one.
 *
 * <p>{@code -Ddualwrite.test.faultSeconds=N} lengthens each fault (default 6).
 */
@ExtendWith(TestDatabases.class)
class MysqlFaultsIT {
  private static final long MARGIN_MILLIS = 1000;

  /** DUAL_WRITE with the application's MySQL URL (and so the control store) through the proxy. */
  private static Properties dualWrite(DatabasePair db, String name) {
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
        "fault-" + name);
  }

  private static String dualWriteUrl(DatabasePair db, TcpProxy proxy) {
    return "jdbc:dualwrite:" + FaultApp.through(db.mysql().jdbcUrl(), proxy).substring(5);
  }

  private static void fresh(DatabasePair db, String name) throws Exception {
    try (Connection mysql = db.openMysql()) {
      FaultApp.freshControlStore(mysql);
    }
    FaultApp.createTables(db, name);
  }

  private static void report(String test, List<Call> calls, Recovery r) {
    long errors = calls.stream().filter(c -> c.error() != null).count();
    System.out.printf(
        "MysqlFaultsIT %s: %d calls, %d errors, longest %d ms, differing %s, drift %s,"
            + " repair wrote %d rows%n",
        test,
        calls.size(),
        errors,
        FaultApp.longestMillis(calls),
        r.differing(),
        r.drift(),
        r.rowsRepaired());
  }

  /**
   * MySQL stops answering (every byte held both ways, new connections unanswered), then resumes.
   */
  @Test
  void hungMysqlGivesTheApplicationMysqlsBehaviourAndLeavesNothingUnrecorded(DatabasePair db)
      throws Exception {
    String name = "mysql_hang";
    fresh(db, name);
    List<Call> calls;
    try (TcpProxy proxy = FaultApp.proxyFor(db.mysql().jdbcUrl());
        FaultApp app = new FaultApp(name, dualWriteUrl(db, proxy), dualWrite(db, name))) {
      app.start();
      Thread.sleep(2000);
      long faultAt = System.nanoTime();
      proxy.hang();
      FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(FAULT_SECONDS));
      proxy.resume();
      Thread.sleep(3000);
      calls = app.stop();
      app.finish();
    }
    assertThat(calls).as("calls made").hasSizeGreaterThan(20);
    assertThat(FaultApp.errorsNotFromMysql(calls)).as("errors not MySQL's own").isEmpty();
    assertThat(FaultApp.longestMillis(calls))
        .as("longest call: the hang itself, nothing added (%s)", FaultApp.describeLongest(calls))
        .isLessThanOrEqualTo(
            TimeUnit.SECONDS.toMillis(FAULT_SECONDS) + DEADLINE_MILLIS + MARGIN_MILLIS);
    report(name, calls, FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(db, name));
  }

  /**
   * MySQL dies (every connection reset, new ones refused) and restarts a few seconds later: the
   * application sees MySQL's own errors only, and reconnects; whatever PostgreSQL got that MySQL
   * did not commit is named by drift and repaired.
   */
  @Test
  void killedMysqlGivesTheApplicationOnlyMysqlErrorsAndLeavesNothingUnrecorded(DatabasePair db)
      throws Exception {
    String name = "mysql_killed";
    fresh(db, name);
    List<Call> calls;
    try (TcpProxy proxy = FaultApp.proxyFor(db.mysql().jdbcUrl());
        FaultApp app = new FaultApp(name, dualWriteUrl(db, proxy), dualWrite(db, name))) {
      app.start();
      Thread.sleep(2000);
      long faultAt = System.nanoTime();
      proxy.reset();
      proxy.down();
      FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(Math.max(3, FAULT_SECONDS / 2)));
      proxy.up();
      Thread.sleep(3000);
      calls = app.stop();
      app.finish();
    }
    assertThat(calls).as("calls made").hasSizeGreaterThan(20);
    assertThat(calls.stream().filter(c -> c.error() != null)).as("MySQL's errors").isNotEmpty();
    assertThat(FaultApp.errorsNotFromMysql(calls)).as("errors not MySQL's own").isEmpty();
    assertThat(FaultApp.longestMillis(calls))
        .as("longest call (%s)", FaultApp.describeLongest(calls))
        .isLessThanOrEqualTo(DEADLINE_MILLIS + MARGIN_MILLIS);
    report(name, calls, FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(db, name));
  }

  /**
   * PG_PRIMARY: PostgreSQL is authoritative and MySQL, now the other side, hangs; the control store
   * is in PostgreSQL. No call fails, none waits past the deadline plus 1 s, the breaker opens
   * within 3 s, drift names the table and repair (from PostgreSQL) makes MySQL equal.
   */
  @Test
  void hungMysqlInPgPrimaryNeverHoldsACallPastTheDeadline(DatabasePair db) throws Exception {
    String name = "pgp_mysql_hang";
    try (Connection pg = db.openPostgres()) {
      FaultApp.freshControlStore(pg);
    }
    FaultApp.createTables(db, name);
    String control = db.postgres().jdbcUrl();
    List<Call> calls;
    long skipMillis;
    try (TcpProxy proxy = FaultApp.proxyFor(db.mysql().jdbcUrl())) {
      Properties props = dualWrite(db, name);
      props.setProperty("dualwrite.phase", "PG_PRIMARY");
      props.setProperty("dualwrite.control", control);
      try (FaultApp app = new FaultApp(name, dualWriteUrl(db, proxy), props)) {
        app.start();
        Thread.sleep(3000);
        long faultAt = System.nanoTime();
        proxy.hang();
        FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(FAULT_SECONDS));
        proxy.resume();
        Thread.sleep(3000);
        calls = app.stop();
        assertThat(app.firstSkipNanos()).as("breaker opened (writes skipped)").isPositive();
        skipMillis = TimeUnit.NANOSECONDS.toMillis(app.firstSkipNanos() - faultAt);
        app.finish();
      }
    }
    assertThat(calls).as("calls made").hasSizeGreaterThan(20);
    assertThat(FaultApp.errors(calls)).as("application errors").isEmpty();
    assertThat(FaultApp.longestMillis(calls))
        .as("longest application call (%s)", FaultApp.describeLongest(calls))
        .isLessThanOrEqualTo(DEADLINE_MILLIS + MARGIN_MILLIS);
    assertThat(skipMillis).as("from the fault to the breaker opening").isLessThanOrEqualTo(3000);
    Recovery r =
        FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(
            db, name, "--control-url=" + control);
    assertThat(r.drift()).contains("fault_" + name);
    System.out.printf(
        "MysqlFaultsIT %s: first skipped write %d ms after the hang%n", name, skipMillis);
    report(name, calls, r);
  }

  /**
   * PG_PRIMARY: the path to MySQL, the other side, goes half-open (bytes vanish both ways, nothing
   * closed; new connections accepted and never answered), then heals. No call fails or waits past
   * the deadline plus 1 s, and once the path heals the driver's probes reach MySQL again (none is
   * stuck on a dead connection): writes are mirrored again within 10 s.
   */
  @Test
  void halfOpenMysqlInPgPrimaryNeverHoldsACallAndMirroringResumes(DatabasePair db)
      throws Exception {
    String name = "pgp_mysql_half_open";
    try (Connection pg = db.openPostgres()) {
      FaultApp.freshControlStore(pg);
    }
    FaultApp.createTables(db, name);
    String control = db.postgres().jdbcUrl();
    List<Call> calls;
    long skipMillis;
    long resumedMillis;
    try (TcpProxy proxy = FaultApp.proxyFor(db.mysql().jdbcUrl())) {
      Properties props = dualWrite(db, name);
      props.setProperty("dualwrite.phase", "PG_PRIMARY");
      props.setProperty("dualwrite.control", control);
      try (FaultApp app = new FaultApp(name, dualWriteUrl(db, proxy), props)) {
        app.start();
        Thread.sleep(3000);
        long faultAt = System.nanoTime();
        proxy.halfOpen();
        FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(PROBED_FAULT_SECONDS));
        proxy.heal();
        resumedMillis = app.awaitMirroringAgain(10);
        calls = app.stop();
        assertThat(app.firstSkipNanos()).as("breaker opened (writes skipped)").isPositive();
        skipMillis = TimeUnit.NANOSECONDS.toMillis(app.firstSkipNanos() - faultAt);
        proxy.closeLost();
        app.finish();
      }
    }
    assertThat(calls).as("calls made").hasSizeGreaterThan(20);
    assertThat(FaultApp.errors(calls)).as("application errors").isEmpty();
    assertThat(FaultApp.longestMillis(calls))
        .as("longest application call (%s)", FaultApp.describeLongest(calls))
        .isLessThanOrEqualTo(DEADLINE_MILLIS + MARGIN_MILLIS);
    assertThat(skipMillis).as("from the fault to the breaker opening").isLessThanOrEqualTo(3000);
    assertThat(resumedMillis).as("writes mirrored again after the path healed").isNotNegative();
    Recovery r =
        FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(
            db, name, "--control-url=" + control);
    assertThat(r.drift()).contains("fault_" + name);
    System.out.printf(
        "MysqlFaultsIT %s: first skipped write %d ms after the fault, mirroring again %d ms after"
            + " the path healed%n",
        name, skipMillis, resumedMillis);
    report(name, calls, r);
  }

  /**
   * PG_PRIMARY: MySQL, the other side, accepts connections and never answers from before the
   * application's first connection (the driver has not read MySQL's schema yet). Connecting and
   * every call stay within the deadline plus 1 s, without errors; once MySQL answers, writes are
   * mirrored again.
   */
  @Test
  void silentMysqlInPgPrimaryFromTheStartNeverHoldsAConnectOrACall(DatabasePair db)
      throws Exception {
    String name = "pgp_mysql_silent";
    try (Connection pg = db.openPostgres()) {
      FaultApp.freshControlStore(pg);
    }
    FaultApp.createTables(db, name);
    String control = db.postgres().jdbcUrl();
    List<Call> calls;
    long startMillis;
    long resumedMillis;
    try (TcpProxy proxy = FaultApp.proxyFor(db.mysql().jdbcUrl())) {
      Properties props = dualWrite(db, name);
      props.setProperty("dualwrite.phase", "PG_PRIMARY");
      props.setProperty("dualwrite.control", control);
      try (FaultApp app = new FaultApp(name, dualWriteUrl(db, proxy), props)) {
        proxy.halfOpen(); // nothing open yet: every connection is accepted and never answered
        long faultAt = System.nanoTime();
        ExecutorService starter = Executors.newSingleThreadExecutor();
        try {
          starter
              .submit(
                  () -> {
                    app.start();
                    return null;
                  })
              .get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          StringBuilder where = new StringBuilder();
          Thread.getAllStackTraces()
              .forEach(
                  (t, frames) -> {
                    if (List.of(frames).stream()
                        .anyMatch(f -> f.getClassName().startsWith("io.dualwrite.driver"))) {
                      where.append(t.getName()).append('\n');
                      for (StackTraceElement f : frames) {
                        where.append("  at ").append(f).append('\n');
                      }
                    }
                  });
          throw new AssertionError(
              "connecting waited 30 s on a MySQL that never answers:\n" + where, e);
        } finally {
          starter.shutdownNow();
        }
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultAt);
        FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(PROBED_FAULT_SECONDS));
        proxy.heal();
        resumedMillis = app.awaitMirroringAgain(10);
        calls = app.stop();
        proxy.closeLost();
        app.finish();
      }
    }
    assertThat(startMillis)
        .as("first connect")
        .isLessThanOrEqualTo(DEADLINE_MILLIS + MARGIN_MILLIS);
    assertThat(calls).as("calls made").hasSizeGreaterThan(20);
    // No schema from MySQL: the inserts' generated keys come from PostgreSQL's own catalog.
    assertThat(FaultApp.errors(calls)).as("application errors").isEmpty();
    assertThat(FaultApp.longestMillis(calls))
        .as("longest application call (%s)", FaultApp.describeLongest(calls))
        .isLessThanOrEqualTo(DEADLINE_MILLIS + MARGIN_MILLIS);
    assertThat(resumedMillis).as("writes mirrored again once MySQL answers").isNotNegative();
    Recovery r =
        FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(
            db, name, "--control-url=" + control);
    System.out.printf(
        "MysqlFaultsIT %s: first connect %d ms, mirroring again %d ms after MySQL answered%n",
        name, startMillis, resumedMillis);
    report(name, calls, r);
  }
}
