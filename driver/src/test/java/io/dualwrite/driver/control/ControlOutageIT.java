package io.dualwrite.driver.control;

import static io.dualwrite.driver.control.ControlFixtures.await;
import static io.dualwrite.driver.control.ControlFixtures.longValue;
import static io.dualwrite.driver.control.ControlFixtures.rows;
import static io.dualwrite.driver.control.ControlFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.control.ControlFixtures.Store;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TcpProxy;
import io.dualwrite.testkit.TestDatabases;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control store goes down (a TCP proxy in front of it cuts every connection and refuses new
 * ones) while the application works: the application keeps working, the runtime keeps its last
 * flags, buffered discrepancies wait, and when the store is back the runtime follows the flags
 * changed meanwhile and its heartbeat records the outage.
 */
@ExtendWith(TestDatabases.class)
class ControlOutageIT {
  private static final Store STORE = Store.MYSQL;

  /** The control URL through the proxy: the pair's MySQL database on the proxy's port. */
  private static String throughProxy(DatabasePair db, TcpProxy proxy) {
    URI mysql = URI.create(db.mysql().jdbcUrl().substring("jdbc:".length()));
    return "jdbc:mysql://127.0.0.1:"
        + proxy.port()
        + mysql.getRawPath()
        + (mysql.getRawQuery() == null ? "" : "?" + mysql.getRawQuery());
  }

  private static TcpProxy proxy(DatabasePair db) throws Exception {
    URI mysql = URI.create(db.mysql().jdbcUrl().substring("jdbc:".length()));
    return new TcpProxy(mysql.getHost(), mysql.getPort());
  }

  @Test
  void applicationKeepsWorkingOnItsLastFlagsAndTheHeartbeatRecordsTheOutage(DatabasePair db)
      throws Exception {
    ControlFixtures.dropTables(db, STORE);
    try (TcpProxy proxy = proxy(db);
        DriverRuntime runtime =
            ControlFixtures.runtime(
                db,
                STORE,
                "outage",
                "dualwrite.control",
                throughProxy(db, proxy),
                "dualwrite.readPercent",
                "0");
        Connection app = DualWriteConnection.open(runtime, runtime.config())) {
      try (Statement s = app.createStatement()) {
        s.execute("CREATE TABLE outage_orders (id INT AUTO_INCREMENT PRIMARY KEY, item TEXT)");
      }
      assertThat(runtime.flags().version()).isEqualTo(1);

      proxy.down();
      // Changed while this instance cannot see it.
      update(db, STORE, "UPDATE dualwrite_flags SET read_percent = 40, version = 2 WHERE id = 1");
      long start = System.nanoTime();
      try (PreparedStatement insert =
          app.prepareStatement("INSERT INTO outage_orders (item) VALUES (?)")) {
        for (int i = 0; i < 30; i++) {
          insert.setString(1, "item " + i);
          assertThat(insert.executeUpdate()).isEqualTo(1);
          Thread.sleep(100);
        }
      }
      try (Statement s = app.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outage_orders")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(30);
      }
      // A discrepancy recorded during the outage waits in the buffer.
      runtime
          .recorder()
          .record(
              DiscrepancyKind.READ_MISMATCH,
              "SELECT item FROM outage_orders WHERE id = 1",
              "during the outage",
              Set.of("outage_orders"),
              List.of(),
              false);
      assertThat((System.nanoTime() - start) / 1_000_000)
          .as("30 statements with 100 ms pauses never waited for the control store")
          .isLessThan(3 * 1000 + 2000);
      assertThat(runtime.flags().version()).as("last flags kept").isEqualTo(1);
      assertThat(runtime.flags().readPercent()).isZero();

      proxy.up();
      await(
          "flags changed during the outage are applied",
          Duration.ofSeconds(10),
          () -> runtime.flags().version() == 2);
      assertThat(runtime.flags().readPercent()).isEqualTo(40);
      await(
          "heartbeat with the applied version",
          Duration.ofSeconds(5),
          () ->
              longValue(
                      db,
                      STORE,
                      "SELECT applied_version FROM dualwrite_instances WHERE instance = 'outage'")
                  == 2);
      List<Object> beat =
          rows(
                  db,
                  STORE,
                  "SELECT control_outages, last_outage_start_ms, last_outage_end_ms,"
                      + " last_outage_error FROM dualwrite_instances WHERE instance = 'outage'")
              .get(0);
      assertThat(beat.get(0)).as("one outage however many refreshes failed").isEqualTo(1L);
      long outageMillis = (Long) beat.get(2) - (Long) beat.get(1);
      assertThat(outageMillis).isGreaterThanOrEqualTo(2000);
      assertThat((String) beat.get(3)).isNotBlank().doesNotContain("\n");
      assertThat(
              longValue(
                  db,
                  STORE,
                  "SELECT SUM(occurrences) FROM dualwrite_discrepancies WHERE instance = 'outage'"
                      + " AND detail = 'during the outage'"))
          .isEqualTo(1);
    }
  }

  @Test
  void aRuntimeStartingWhileTheStoreIsDownUsesItsPropertiesThenFollowsTheStore(DatabasePair db)
      throws Exception {
    ControlFixtures.dropTables(db, STORE);
    try (DriverRuntime first = ControlFixtures.runtime(db, STORE, "first")) {
      update(db, STORE, "UPDATE dualwrite_flags SET compare_percent = 25, version = 5");
    }
    try (TcpProxy proxy = proxy(db)) {
      proxy.down();
      long start = System.nanoTime();
      try (DriverRuntime runtime =
              ControlFixtures.runtime(
                  db,
                  STORE,
                  "started-during-outage",
                  "dualwrite.control",
                  throughProxy(db, proxy));
          Connection app = DualWriteConnection.open(runtime, runtime.config())) {
        assertThat((System.nanoTime() - start) / 1_000_000)
            .as("start-up waits at most the control pool's timeout")
            .isLessThan(5000);
        assertThat(runtime.flags().version()).isZero();
        assertThat(runtime.flags().comparePercent()).isZero();
        try (Statement s = app.createStatement();
            ResultSet rs = s.executeQuery("SELECT 1")) {
          assertThat(rs.next()).isTrue();
        }

        proxy.up();
        await(
            "the stored flags win once reachable",
            Duration.ofSeconds(10),
            () -> runtime.flags().version() == 5);
        assertThat(runtime.flags().comparePercent()).isEqualTo(25);
      }
    }
  }
}
