package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.control.ControlFixtures.Store;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash recovery in the control store: written tables announced ahead of the next heartbeat, drift
 * opened once for an instance that stopped heartbeating without a clean stop (and never for one
 * that stopped cleanly), a restart under the same name covering its predecessor, and a store
 * created by an older version getting the new columns. On MySQL and PostgreSQL stores.
 */
@ExtendWith(TestDatabases.class)
class ControlCrashIT {
  /** Long enough that only the announcement, not a refresh, can publish a table in the test. */
  private static final String HOUR = "3600000";

  private static ControlStore admin(DatabasePair db, Store store) throws Exception {
    return store == Store.MYSQL
        ? ControlStore.open(db.mysql().jdbcUrl(), db.mysql().properties())
        : ControlStore.open(db.postgres().jdbcUrl(), db.postgres().properties());
  }

  private static String written(DatabasePair db, Store store, String instance) throws Exception {
    List<List<Object>> rows =
        ControlFixtures.rows(
            db,
            store,
            "SELECT written_tables FROM dualwrite_instances WHERE instance = ?",
            instance);
    return rows.isEmpty() ? null : (String) rows.get(0).get(0);
  }

  /** Makes the instance look dead: its last heartbeat four refresh intervals ago. */
  private static void age(DatabasePair db, Store store, String instance) throws Exception {
    ControlFixtures.update(
        db,
        store,
        "UPDATE dualwrite_instances SET last_seen_ms = last_seen_ms - 4 * refresh_millis"
            + " WHERE instance = ?",
        instance);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aDeadInstancesWrittenTablesBecomeDriftOnceAndACleanStopLeavesNone(
      Store store, DatabasePair db) throws Exception {
    ControlFixtures.dropTables(db, store);
    String name = "crash-" + store;
    DriverRuntime rt = ControlFixtures.runtime(db, store, name, "dualwrite.refreshMillis", HOUR);
    try (ControlStore admin = admin(db, store)) {
      assertThat(written(db, store, name)).isEqualTo("[]");
      long ms = System.nanoTime();
      rt.writtenTables().noteWrite(Set.of("orders", "order_lines"));
      ControlFixtures.await(
          "tables announced without waiting for the refresh",
          Duration.ofSeconds(5),
          () -> "[\"order_lines\",\"orders\"]".equals(written(db, store, name)));
      System.out.printf("announced in %d ms%n", (System.nanoTime() - ms) / 1_000_000);

      assertThat(admin.openCrashDrift()).isEmpty(); // alive
      age(db, store, name);
      InstanceStatus dead =
          admin.instances().stream().filter(i -> i.instance().equals(name)).findFirst().get();
      assertThat(dead.crashed()).isTrue();
      assertThat(dead.writtenTables()).containsExactly("order_lines", "orders");

      List<ControlStore.CrashDrift> opened = admin.openCrashDrift();
      assertThat(opened).hasSize(1);
      assertThat(opened.get(0).instance()).isEqualTo(name);
      assertThat(opened.get(0).tables()).containsExactly("order_lines", "orders");
      assertThat(admin.drift())
          .extracting(DriftEntry::table, DriftEntry::key, DriftEntry::instance)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("order_lines", "", name),
              org.assertj.core.groups.Tuple.tuple("orders", "", name));
      assertThat(admin.openCrashDrift()).as("opened once").isEmpty();
      assertThat(admin.instances().get(0).crashDriftOpenedAt()).isNotNull();

      admin.clearDrift("orders", List.of());
      admin.clearDrift("order_lines", List.of());
      rt.close(); // a clean stop: the last heartbeat clears the set and marks the stop
      InstanceStatus stopped = admin.instances().get(0);
      assertThat(stopped.stoppedAt()).isNotNull();
      assertThat(stopped.writtenTables()).isEmpty();
      assertThat(stopped.crashDriftOpenedAt()).isNull();
      age(db, store, name);
      assertThat(admin.instances().get(0).crashed()).isFalse();
      assertThat(admin.openCrashDrift()).isEmpty();
      assertThat(admin.drift()).isEmpty();
    } finally {
      rt.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRestartUnderTheSameNameOpensDriftForItsPredecessor(Store store, DatabasePair db)
      throws Exception {
    ControlFixtures.dropTables(db, store);
    String name = "restart-" + store;
    DriverRuntime first = ControlFixtures.runtime(db, store, name, "dualwrite.refreshMillis", HOUR);
    DriverRuntime second = null;
    try (ControlStore admin = admin(db, store)) {
      first.writtenTables().noteWrite(Set.of("accounts"));
      ControlFixtures.await(
          "announced",
          Duration.ofSeconds(5),
          () -> "[\"accounts\"]".equals(written(db, store, name)));
      Thread.sleep(5); // a different started_at
      // The process "restarts" within three refresh intervals: nobody saw it stale.
      second = ControlFixtures.runtime(db, store, name, "dualwrite.refreshMillis", HOUR);
      assertThat(admin.drift())
          .extracting(DriftEntry::table, DriftEntry::key)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("accounts", ""));
      assertThat(written(db, store, name)).isEqualTo("[]");
    } finally {
      if (second != null) {
        second.close();
      }
      first.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aStoreCreatedByAnOlderVersionGetsTheNewColumns(Store store, DatabasePair db)
      throws Exception {
    ControlFixtures.dropTables(db, store);
    try (Connection c = store.open(db);
        Statement s = c.createStatement()) {
      // dualwrite_instances as the first release created it
      s.execute(
          "CREATE TABLE dualwrite_instances (instance VARCHAR(255) NOT NULL PRIMARY KEY,"
              + " started_at_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL,"
              + " refresh_millis INT NOT NULL, applied_version BIGINT NOT NULL,"
              + " phase VARCHAR(16) NOT NULL, read_percent INT NOT NULL,"
              + " compare_percent INT NOT NULL, mysql_breaker VARCHAR(16) NOT NULL,"
              + " postgres_breaker VARCHAR(16) NOT NULL, mirror_health VARCHAR(16) NOT NULL,"
              + " discrepancies BIGINT NOT NULL, discrepancies_dropped BIGINT NOT NULL,"
              + " drift_tables INT NOT NULL, control_outages INT NOT NULL,"
              + " last_outage_start_ms BIGINT NULL, last_outage_end_ms BIGINT NULL,"
              + " last_outage_error VARCHAR(500) NULL, flags_error VARCHAR(500) NULL)");
      s.execute(
          "INSERT INTO dualwrite_instances VALUES ('old-one', 1, 2, 500, 1, 'DUAL_WRITE', 0, 0,"
              + " 'CLOSED', 'CLOSED', 'CLOSED', 0, 0, 0, 0, NULL, NULL, NULL, NULL)");
    }
    String name = "upgraded-" + store;
    DriverRuntime rt = ControlFixtures.runtime(db, store, name);
    try (ControlStore admin = admin(db, store)) {
      rt.writtenTables().noteWrite(Set.of("t"));
      ControlFixtures.await(
          "announced", Duration.ofSeconds(5), () -> "[\"t\"]".equals(written(db, store, name)));
      InstanceStatus old =
          admin.instances().stream().filter(i -> i.instance().equals("old-one")).findFirst().get();
      // An instance of the older version publishes no tables: nothing to open for it.
      assertThat(old.writtenTables()).isEmpty();
      assertThat(admin.openCrashDrift()).isEmpty();
    } finally {
      rt.close();
    }
  }
}
