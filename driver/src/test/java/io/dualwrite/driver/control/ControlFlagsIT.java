package io.dualwrite.driver.control;

import static io.dualwrite.driver.control.ControlFixtures.await;
import static io.dualwrite.driver.control.ControlFixtures.longValue;
import static io.dualwrite.driver.control.ControlFixtures.rows;
import static io.dualwrite.driver.control.ControlFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.control.ControlFixtures.Store;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The flags part of the control store: tables created once by many instances at once, the stored
 * flags winning over starting properties, a change written in the table reaching a running runtime
 * within refreshMillis + 1 s and a connection at its next transaction boundary only, and heartbeats
 * reporting the applied version. On MySQL ({@code primary}) and PostgreSQL (a URL).
 */
@ExtendWith(TestDatabases.class)
class ControlFlagsIT {

  @ParameterizedTest
  @EnumSource(Store.class)
  void tablesAreCreatedOnceWhenManyRuntimesStartAtOnceAndTheStoreWinsAfterwards(
      Store store, DatabasePair db) throws Exception {
    int n = 6;
    // Several rounds from no tables at all: the creation race differs from run to run.
    for (int round = 0; round < 3; round++) {
      ControlFixtures.dropTables(db, store);
      String prefix = "start-" + store + "-" + round + "-";
      List<DriverRuntime> runtimes = startAtOnce(db, store, prefix, n);
      try {
        assertThat(rows(db, store, "SELECT id, phase, read_percent, version FROM dualwrite_flags"))
            .as("round %d", round)
            .containsExactly(List.of(1L, "DUAL_WRITE", 10L, 1L));
        for (DriverRuntime r : runtimes) {
          assertThat(r.flags().version()).as("round %d", round).isEqualTo(1);
          assertThat(r.flags().readPercent()).isEqualTo(10);
        }
        assertThat(
                longValue(
                    db,
                    store,
                    "SELECT COUNT(*) FROM dualwrite_instances WHERE applied_version = 1"
                        + " AND control_outages = 0 AND instance LIKE ?",
                    prefix + "%"))
            .isEqualTo(n);
      } finally {
        runtimes.forEach(DriverRuntime::close);
      }
    }

    // A later instance with other starting properties follows the store, not its properties.
    try (DriverRuntime late =
        ControlFixtures.runtime(
            db,
            store,
            "late-" + store,
            "dualwrite.readPercent",
            "90",
            "dualwrite.comparePercent",
            "50")) {
      assertThat(late.flags().readPercent()).isEqualTo(10);
      assertThat(late.flags().comparePercent()).isZero();
      assertThat(late.flags().version()).isEqualTo(1);
    }
    assertThat(longValue(db, store, "SELECT COUNT(*) FROM dualwrite_flags")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void creatingTheTablesFromManyWarmConnectionsAtTheSameInstantNeverFails(
      Store store, DatabasePair db) throws Exception {
    int n = 8;
    List<ControlStore> stores = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      for (int i = 0; i < n; i++) {
        ControlStore s =
            ControlStore.forRuntime(
                ControlLocation.of(ControlFixtures.config(db, store, "ddl-" + i)),
                new io.dualwrite.driver.runtime.VendorDrivers(),
                "ddl-" + i);
        s.databaseNow(); // a connection is open and idle in the pool: no connect time skew
        stores.add(s);
      }
      for (int round = 0; round < 5; round++) {
        ControlFixtures.dropTables(db, store);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> done = new ArrayList<>();
        for (ControlStore s : stores) {
          done.add(
              pool.submit(
                  () -> {
                    go.await();
                    s.ensureSchema();
                    return s.flagsOrCreate(Phase.DUAL_WRITE, 0, 0, "ddl test");
                  }));
        }
        go.countDown();
        for (Future<Object> f : done) {
          assertThat(f.get()).isInstanceOf(StoredFlags.class);
        }
        assertThat(longValue(db, store, "SELECT COUNT(*) FROM dualwrite_flags")).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
      stores.forEach(ControlStore::close);
    }
  }

  private static List<DriverRuntime> startAtOnce(DatabasePair db, Store store, String prefix, int n)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<DriverRuntime>> started = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String name = prefix + i;
        Callable<DriverRuntime> start =
            () -> {
              go.await();
              return ControlFixtures.runtime(db, store, name, "dualwrite.readPercent", "10");
            };
        started.add(pool.submit(start));
      }
      go.countDown();
      List<DriverRuntime> runtimes = new ArrayList<>();
      for (Future<DriverRuntime> f : started) {
        runtimes.add(f.get());
      }
      return runtimes;
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aFlagsChangeInTheTableReachesTheRuntimeInTimeAndConnectionsAtTheirNextBoundary(
      Store store, DatabasePair db) throws Exception {
    ControlFixtures.dropTables(db, store);
    String table = "marker_" + store.name().toLowerCase();
    try (Connection m = db.openMysql();
        Statement s = m.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, side VARCHAR(10))");
      s.execute("INSERT INTO " + table + " VALUES (1, 'mysql')");
    }
    try (Connection p = db.openPostgres();
        Statement s = p.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, side VARCHAR(10))");
      s.execute("INSERT INTO " + table + " VALUES (1, 'postgres')");
    }
    String instance = "flags-" + store;
    try (DriverRuntime runtime = ControlFixtures.runtime(db, store, instance);
        Connection c = DualWriteConnection.open(runtime, runtime.config())) {
      assertThat(runtime.flags().readPercent()).isZero();
      c.setAutoCommit(false);
      assertThat(side(c, table)).isEqualTo("mysql");

      long version = runtime.flags().version();
      update(
          db,
          store,
          "UPDATE dualwrite_flags SET read_percent = 100, version = version + 1,"
              + " updated_by = 'test' WHERE id = 1");
      long millis =
          await(
              "runtime applies read_percent 100",
              Duration.ofSeconds(5),
              () -> runtime.flags().readPercent() == 100);
      assertThat(millis).as("pick-up time").isLessThanOrEqualTo(200 + 1000);
      assertThat(runtime.flags().version()).isEqualTo(version + 1);

      assertThat(side(c, table)).as("inside the open transaction").isEqualTo("mysql");
      c.commit();
      assertThat(side(c, table)).as("after the transaction boundary").isEqualTo("postgres");
      c.commit();

      await(
          "heartbeat reports the applied version",
          Duration.ofSeconds(3),
          () ->
              longValue(
                      db,
                      store,
                      "SELECT applied_version FROM dualwrite_instances WHERE instance = ?",
                      instance)
                  == version + 1);
      List<Object> beat =
          rows(
                  db,
                  store,
                  "SELECT phase, read_percent, refresh_millis, mysql_breaker, postgres_breaker,"
                      + " mirror_health, control_outages, flags_error FROM dualwrite_instances"
                      + " WHERE instance = ?",
                  instance)
              .get(0);
      assertThat(beat)
          .containsExactly("DUAL_WRITE", 100L, 200L, "CLOSED", "CLOSED", "CLOSED", 0L, null);
    }
  }

  @Test
  void theAdminApiMovesEveryInstanceAndSeesItInTheirHeartbeats(DatabasePair db) throws Exception {
    Store store = Store.POSTGRES;
    ControlFixtures.dropTables(db, store);
    try (DriverRuntime a = ControlFixtures.runtime(db, store, "api-a");
        DriverRuntime b = ControlFixtures.runtime(db, store, "api-b");
        ControlStore admin =
            ControlStore.open(db.postgres().jdbcUrl(), db.postgres().properties())) {
      StoredFlags before = admin.flags().orElseThrow();
      assertThat(before.version()).isEqualTo(1);
      assertThat(before.updatedBy()).contains("starting properties");

      StoredFlags after = admin.setFlags(Phase.PG_PRIMARY, 30, 5, "ops@test");
      assertThat(after.version()).isEqualTo(2);
      assertThat(after.phase()).isEqualTo(Phase.PG_PRIMARY);
      assertThat(after.updatedBy()).isEqualTo("ops@test");
      assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());

      await(
          "both instances report version 2",
          Duration.ofSeconds(5),
          () ->
              admin.instances().stream()
                      .filter(i -> i.instance().startsWith("api-"))
                      .filter(i -> i.appliedVersion() == 2 && i.phase() == Phase.PG_PRIMARY)
                      .count()
                  == 2);
      assertThat(a.flags().phase()).isEqualTo(Phase.PG_PRIMARY);
      assertThat(b.flags().readPercent()).isEqualTo(30);
      InstanceStatus status =
          admin.instances().stream()
              .filter(i -> i.instance().equals("api-a"))
              .findFirst()
              .orElseThrow();
      assertThat(status.stale()).isFalse();
      assertThat(status.refreshMillis()).isEqualTo(200);
      assertThat(status.mirrorHealth()).isEqualTo("CLOSED");
      assertThat(status.millisSinceSeen()).isLessThan(3_000);

      // A guard-railed change against a version someone else moved past is refused.
      Optional<StoredFlags> stale = admin.setFlagsIfVersion(1, Phase.DUAL_WRITE, 0, 0, "ops@test");
      assertThat(stale).isEmpty();
      Optional<StoredFlags> back = admin.setFlagsIfVersion(2, Phase.DUAL_WRITE, 0, 0, "ops@test");
      assertThat(back).map(StoredFlags::version).contains(3L);
      await(
          "instances move back to DUAL_WRITE",
          Duration.ofSeconds(3),
          () -> a.flags().phase() == Phase.DUAL_WRITE && b.flags().phase() == Phase.DUAL_WRITE);

      assertThat(admin.removeInstance("api-b")).isTrue();
      assertThat(admin.databaseNow()).isNotNull();
    }
  }

  @Test
  void flagsThisInstanceCannotApplyAreRefusedAndReportedInItsHeartbeat(DatabasePair db)
      throws Exception {
    Store store = Store.MYSQL;
    ControlFixtures.dropTables(db, store);
    // MYSQL_ONLY without a PostgreSQL URL: it cannot follow a move to DUAL_WRITE.
    java.util.Properties p = db.mysql().properties();
    p.setProperty("dualwrite.phase", "MYSQL_ONLY");
    p.setProperty("dualwrite.instance", "mysql-only");
    p.setProperty("dualwrite.refreshMillis", "200");
    try (DriverRuntime runtime =
        new DriverRuntime(
            io.dualwrite.driver.config.DualWriteConfig.from(
                io.dualwrite.driver.testing.DualWriteTestUrls.url(db), p),
            null)) {
      assertThat(runtime.flags().phase()).isEqualTo(Phase.MYSQL_ONLY);
      update(db, store, "UPDATE dualwrite_flags SET phase = 'DUAL_WRITE', version = 2");
      await(
          "heartbeat names the refusal",
          Duration.ofSeconds(3),
          () ->
              rows(
                          db,
                          store,
                          "SELECT flags_error FROM dualwrite_instances WHERE instance = 'mysql-only'")
                      .get(0)
                      .get(0)
                  != null);
      assertThat(runtime.flags().phase()).isEqualTo(Phase.MYSQL_ONLY);
      assertThat(runtime.flags().version()).isEqualTo(1);
      assertThat(
              rows(
                      db,
                      store,
                      "SELECT applied_version, flags_error FROM dualwrite_instances"
                          + " WHERE instance = 'mysql-only'")
                  .get(0))
          .satisfies(
              row -> {
                assertThat(row.get(0)).isEqualTo(1L);
                assertThat((String) row.get(1)).contains("dualwrite.postgres.url");
              });
    }
  }

  @Test
  void aFlagsRowWithAnUnknownPhaseIsRefusedWithoutCountingAsAnOutage(DatabasePair db)
      throws Exception {
    Store store = Store.POSTGRES;
    ControlFixtures.dropTables(db, store);
    try (DriverRuntime runtime = ControlFixtures.runtime(db, store, "bogus")) {
      update(db, store, "UPDATE dualwrite_flags SET phase = 'BOGUS', version = 9");
      await(
          "heartbeat names the bad row",
          Duration.ofSeconds(3),
          () ->
              rows(
                          db,
                          store,
                          "SELECT flags_error FROM dualwrite_instances WHERE instance = 'bogus'")
                      .get(0)
                      .get(0)
                  != null);
      List<Object> beat =
          rows(
                  db,
                  store,
                  "SELECT applied_version, control_outages, flags_error FROM dualwrite_instances"
                      + " WHERE instance = 'bogus'")
              .get(0);
      assertThat(beat.get(0)).isEqualTo(1L);
      assertThat(beat.get(1)).isEqualTo(0L);
      assertThat((String) beat.get(2)).contains("BOGUS");
      assertThat(runtime.flags().phase()).isEqualTo(Phase.DUAL_WRITE);

      update(db, store, "UPDATE dualwrite_flags SET phase = 'MYSQL_ONLY', version = 10");
      await(
          "a valid row is applied again",
          Duration.ofSeconds(3),
          () -> runtime.flags().version() == 10);
      assertThat(runtime.flags().phase()).isEqualTo(Phase.MYSQL_ONLY);
      await(
          "and the error is gone from the heartbeat",
          Duration.ofSeconds(3),
          () ->
              rows(
                          db,
                          store,
                          "SELECT flags_error FROM dualwrite_instances WHERE instance = 'bogus'")
                      .get(0)
                      .get(0)
                  == null);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theAdminOpenedFromTheDriverConfigurationFindsTheStoreTheInstancesUse(
      Store store, DatabasePair db) throws Exception {
    String instance = "same-store-" + store;
    try (DriverRuntime runtime = ControlFixtures.runtime(db, store, instance);
        ControlStore admin = ControlStore.open(runtime.config())) {
      assertThat(admin.flags().orElseThrow().version()).isEqualTo(runtime.flags().version());
      assertThat(admin.instances()).extracting(InstanceStatus::instance).contains(instance);
      assertThat(admin.describe())
          .startsWith(store.name())
          .doesNotContain(String.valueOf(db.mysql().password()) + "@");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ControlStore.open(
                    ControlFixtures.config(db, store, "x", "dualwrite.control", "none")))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
  }

  private static String side(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT side FROM " + table + " WHERE id = 1")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
