package io.dualwrite.admin.fault;

import static io.dualwrite.admin.fault.FaultApp.DEADLINE_MILLIS;
import static io.dualwrite.admin.fault.FaultApp.FAULT_SECONDS;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control store hangs (a {@link TcpProxy} in front of it holds every byte) while the four
 * threads of {@link FaultApp} write, and PostgreSQL goes down during the hang, so drift is made
 * while nothing can be written to the store. No call fails or waits on the store; once it answers
 * again the drift reaches it, names the table, and repair makes the sides equal. ({@code
 * ControlOutageIT} in the driver covers a store that refuses connections.)
 *
 * <p>{@code -Ddualwrite.test.faultSeconds=N} lengthens the hang (default 6).
 */
@ExtendWith(TestDatabases.class)
class ControlStoreFaultIT {
  @Test
  void hungControlStoreHoldsNoCallAndItsDriftArrivesWhenItAnswers(DatabasePair db)
      throws Exception {
    String name = "control_hang";
    try (Connection mysql = db.openMysql()) {
      FaultApp.freshControlStore(mysql);
    }
    FaultApp.createTables(db, name);
    List<Call> calls;
    try (TcpProxy control = FaultApp.proxyFor(db.mysql().jdbcUrl());
        TcpProxy pg = FaultApp.proxyFor(db.postgres().jdbcUrl())) {
      Properties props =
          DualWriteTestUrls.properties(
              db,
              "dualwrite.readPercent",
              "50",
              "dualwrite.mirrorTimeoutMillis",
              Integer.toString(DEADLINE_MILLIS),
              "dualwrite.control",
              FaultApp.through(db.mysql().jdbcUrl(), control),
              "dualwrite.refreshMillis",
              "200",
              "dualwrite.instance",
              "fault-" + name,
              "dualwrite.postgres.url",
              FaultApp.through(db.postgres().jdbcUrl(), pg));
      try (FaultApp app = new FaultApp(name, DualWriteTestUrls.url(db), props)) {
        app.start();
        Thread.sleep(2000);
        long faultAt = System.nanoTime();
        control.hang();
        Thread.sleep(1000);
        pg.down(); // drift made while the store cannot take it
        FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(Math.max(3, FAULT_SECONDS) - 1));
        pg.up();
        FaultApp.sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(Math.max(3, FAULT_SECONDS)));
        control.resume();
        Thread.sleep(3000);
        calls = app.stop();
        assertThat(app.firstSkipNanos())
            .as("writes skipped while PostgreSQL was down")
            .isPositive();
        app.finish();
      }
    }
    assertThat(calls).as("calls made").hasSizeGreaterThan(20);
    assertThat(FaultApp.errors(calls)).as("application errors").isEmpty();
    assertThat(FaultApp.longestMillis(calls))
        .as("longest application call (%s)", FaultApp.describeLongest(calls))
        .isLessThanOrEqualTo(DEADLINE_MILLIS + 1000L);
    Recovery r = FaultApp.assertDriftNamesTheDifferencesAndRepairMakesThemEqual(db, name);
    assertThat(r.drift()).contains("fault_" + name);
    System.out.printf(
        "ControlStoreFaultIT: %d calls, longest %d ms, differing %s, drift %s, repair wrote %d"
            + " rows%n",
        calls.size(), FaultApp.longestMillis(calls), r.differing(), r.drift(), r.rowsRepaired());
  }
}
