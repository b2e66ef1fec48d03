package io.dualwrite.driver.control;

import static io.dualwrite.driver.control.ControlFixtures.await;
import static io.dualwrite.driver.control.ControlFixtures.longValue;
import static io.dualwrite.driver.control.ControlFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.control.ControlFixtures.Store;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.Fingerprints;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Discrepancies and drift reach the control store without the application waiting: a flood of
 * identical mismatches is aggregated, a full buffer is summarised, and drift one instance opens is
 * routed around by another and cleared by the admin API.
 */
@ExtendWith(TestDatabases.class)
class ControlDiscrepanciesIT {

  @ParameterizedTest
  @EnumSource(Store.class)
  void tenThousandIdenticalMismatchesBecomeOneRowCountingAllOfThem(Store store, DatabasePair db)
      throws Exception {
    String instance = "flood-" + store;
    String shape = "SELECT total FROM flood_orders WHERE id = ";
    try (DriverRuntime runtime = ControlFixtures.runtime(db, store, instance)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        Thread th =
            new Thread(
                () -> {
                  for (int i = 0; i < 2_500; i++) {
                    runtime
                        .recorder()
                        .record(
                            DiscrepancyKind.READ_MISMATCH,
                            shape + (thread * 2_500 + i),
                            "row 1: total 10.00 vs 10.01",
                            Set.of("flood_orders"),
                            List.of(),
                            false);
                  }
                });
        th.start();
        threads.add(th);
      }
      for (Thread th : threads) {
        th.join();
      }
      String fingerprint = Fingerprints.of(shape + "1");
      await(
          "all 10,000 counted in the store",
          Duration.ofSeconds(10),
          () ->
              longValue(
                      db,
                      store,
                      "SELECT SUM(occurrences) FROM dualwrite_discrepancies"
                          + " WHERE instance = ? AND fingerprint = ?",
                      instance,
                      fingerprint)
                  == 10_000);
      assertThat(
              longValue(
                  db,
                  store,
                  "SELECT COUNT(*) FROM dualwrite_discrepancies WHERE instance = ?",
                  instance))
          .as("rows for 10,000 records of one statement")
          .isEqualTo(1);
      // No record was dropped for a flood of one statement.
      assertThat(
              longValue(
                  db,
                  store,
                  "SELECT COUNT(*) FROM dualwrite_discrepancies WHERE instance = ? AND kind = ?",
                  instance,
                  DiscrepancyBuffer.DROPPED_KIND))
          .isZero();

      try (ControlStore admin = openAdmin(db, store)) {
        DiscrepancySummary summary =
            admin.discrepancySummary(Instant.now().minusSeconds(600)).stream()
                .filter(s -> s.fingerprint().equals(fingerprint))
                .findFirst()
                .orElseThrow();
        assertThat(summary.occurrences()).isEqualTo(10_000);
        assertThat(summary.kind()).isEqualTo("READ_MISMATCH");
        assertThat(summary.instances()).isEqualTo(1);
        assertThat(summary.sampleSql()).startsWith(shape);
        assertThat(summary.sampleDetail()).isEqualTo("row 1: total 10.00 vs 10.01");

        DiscrepancyRow row =
            admin.discrepancies(Instant.now().minusSeconds(600), 100).stream()
                .filter(r -> r.instance().equals(instance))
                .findFirst()
                .orElseThrow();
        assertThat(row.occurrences()).isEqualTo(10_000);
        assertThat(row.tables()).containsExactly("flood_orders");
        assertThat(row.lastSeen()).isAfterOrEqualTo(row.firstSeen());
        assertThat(admin.discrepancies(Instant.now().plusSeconds(600), 100)).isEmpty();
      }
      await(
          "heartbeat counts the records",
          Duration.ofSeconds(3),
          () ->
              longValue(
                      db,
                      store,
                      "SELECT discrepancies FROM dualwrite_instances WHERE instance = ?",
                      instance)
                  == 10_000);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aFullBufferIsWrittenAsARecordsDroppedSummary(Store store, DatabasePair db) throws Exception {
    String instance = "full-" + store;
    // The runtime's own agent is off; one with a five-group buffer is attached instead, with a
    // refresh interval long enough that the test decides when the window is flushed.
    try (DriverRuntime runtime =
        ControlFixtures.runtime(
            db,
            store,
            instance,
            "dualwrite.control",
            "none",
            "dualwrite.refreshMillis",
            "600000")) {
      ControlStore controlStore =
          ControlStore.forRuntime(
              ControlLocation.of(ControlFixtures.config(db, store, instance)),
              runtime.vendors(),
              "dualwrite-control-test");
      try (ControlAgent agent = ControlAgent.start(runtime, controlStore, 5, 100)) {
        for (int i = 0; i < 20; i++) {
          runtime
              .recorder()
              .record(
                  DiscrepancyKind.MIRROR_FAILED,
                  "UPDATE full_t" + i + " SET a = 1",
                  "boom",
                  Set.of(),
                  List.of(),
                  false);
        }
        agent.cycle();

        assertThat(
                rows(
                    db,
                    store,
                    "SELECT kind, occurrences, detail FROM dualwrite_discrepancies"
                        + " WHERE instance = ? ORDER BY id",
                    instance))
            .extracting(r -> r.get(0) + " x" + r.get(1))
            .containsExactly(
                "MIRROR_FAILED x1",
                "MIRROR_FAILED x1",
                "MIRROR_FAILED x1",
                "MIRROR_FAILED x1",
                "MIRROR_FAILED x1",
                "RECORDS_DROPPED x15");
        assertThat(
                rows(
                        db,
                        store,
                        "SELECT detail FROM dualwrite_discrepancies WHERE instance = ? AND kind = ?",
                        instance,
                        "RECORDS_DROPPED")
                    .get(0)
                    .get(0))
            .isEqualTo("15 records dropped: buffer full (MIRROR_FAILED 15)");
        assertThat(
                longValue(
                    db,
                    store,
                    "SELECT discrepancies_dropped FROM dualwrite_instances WHERE instance = ?",
                    instance))
            .isEqualTo(15);

        // The next window starts empty; a repeat adds to the open row instead of a new one.
        runtime
            .recorder()
            .record(
                DiscrepancyKind.MIRROR_FAILED,
                "UPDATE full_t0 SET a = 2",
                "boom",
                Set.of(),
                List.of(),
                false);
        agent.cycle();
        assertThat(
                longValue(
                    db,
                    store,
                    "SELECT COUNT(*) FROM dualwrite_discrepancies WHERE instance = ?",
                    instance))
            .isEqualTo(6);
        assertThat(
                longValue(
                    db,
                    store,
                    "SELECT SUM(occurrences) FROM dualwrite_discrepancies WHERE instance = ?",
                    instance))
            .isEqualTo(21);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void driftFromARealMirrorFailureIsRoutedAroundByAnotherInstanceUntilCleared(
      Store store, DatabasePair db) throws Exception {
    String table = "mysql_only_" + store.name().toLowerCase();
    try (Connection m = db.openMysql();
        Statement s = m.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v VARCHAR(10))");
    }
    try (DriverRuntime a = ControlFixtures.runtime(db, store, "drift-a-" + store);
        DriverRuntime b = ControlFixtures.runtime(db, store, "drift-b-" + store);
        Connection app = DualWriteConnection.open(a, a.config())) {
      assertThat(b.drift().anyDrifted(Set.of(table))).isFalse();
      try (Statement s = app.createStatement()) {
        // The table does not exist on PostgreSQL: the mirror fails, MySQL has the row.
        assertThat(s.executeUpdate("INSERT INTO " + table + " VALUES (7, 'x')")).isEqualTo(1);
      }
      assertThat(a.drift().anyDrifted(Set.of(table))).isTrue();

      long millis =
          await(
              "the other instance routes around the drifted table",
              Duration.ofSeconds(5),
              () -> b.drift().anyDrifted(Set.of(table)));
      assertThat(millis).isLessThanOrEqualTo(2 * 200 + 1000);

      try (ControlStore admin = openAdmin(db, store)) {
        List<DriftEntry> drift =
            admin.drift().stream().filter(d -> d.table().equals(table)).toList();
        assertThat(drift).isNotEmpty();
        assertThat(drift).allSatisfy(d -> assertThat(d.instance()).isEqualTo("drift-a-" + store));
        assertThat(
                admin.discrepancies(Instant.now().minusSeconds(600), 1000).stream()
                    .filter(r -> r.tables().contains(table)))
            .extracting(DiscrepancyRow::kind)
            .contains("MIRROR_FAILED");

        // A repair that started before the drift was recorded must not clear it.
        assertThat(admin.clearDrift(table, List.of(), Instant.EPOCH)).isZero();
        assertThat(admin.drift()).extracting(DriftEntry::table).contains(table);

        assertThat(admin.clearDrift(table, List.of())).isEqualTo(drift.size());
      }
      await(
          "both instances forget the repaired table",
          Duration.ofSeconds(5),
          () -> !a.drift().anyDrifted(Set.of(table)) && !b.drift().anyDrifted(Set.of(table)));
    }
  }

  @Test
  void clearingSomeKeysLeavesTheOthersDrifted(DatabasePair db) throws Exception {
    Store store = Store.POSTGRES;
    try (DriverRuntime a = ControlFixtures.runtime(db, store, "keys-a");
        DriverRuntime b = ControlFixtures.runtime(db, store, "keys-b");
        ControlStore admin = openAdmin(db, store)) {
      a.recorder()
          .record(
              DiscrepancyKind.MIRROR_SKIPPED,
              "INSERT INTO keyed (id) VALUES (?)",
              "POSTGRES side unavailable",
              Set.of("keyed"),
              List.of("1", "2", "3"),
              true);
      await(
          "three keys stored",
          Duration.ofSeconds(5),
          () -> admin.drift().stream().filter(d -> d.table().equals("keyed")).count() == 3);
      await(
          "b routes around keyed",
          Duration.ofSeconds(5),
          () -> b.drift().anyDrifted(Set.of("keyed")));

      assertThat(admin.clearDrift("keyed", List.of("1", "3"))).isEqualTo(2);
      assertThat(admin.drift())
          .filteredOn(d -> d.table().equals("keyed"))
          .extracting(DriftEntry::key)
          .containsExactly("2");
      Thread.sleep(3 * 200 + 200);
      assertThat(b.drift().anyDrifted(Set.of("keyed"))).isTrue();
      assertThat(a.drift().anyDrifted(Set.of("keyed"))).isTrue();
    }
  }

  @Test
  void closingTheRuntimeWritesWhatIsStillBuffered(DatabasePair db) throws Exception {
    Store store = Store.MYSQL;
    // Only the start-up refresh runs: what is recorded afterwards is written by close().
    DriverRuntime runtime =
        ControlFixtures.runtime(db, store, "closing", "dualwrite.refreshMillis", "600000");
    for (int i = 0; i < 3; i++) {
      runtime
          .recorder()
          .record(
              DiscrepancyKind.ROW_COUNT_MISMATCH,
              "UPDATE closing_t SET a = " + i,
              "MYSQL changed 1 rows, POSTGRES 0",
              Set.of("closing_t"),
              List.of(),
              true);
    }
    assertThat(
            longValue(
                db,
                store,
                "SELECT COUNT(*) FROM dualwrite_discrepancies WHERE instance = 'closing'"))
        .isZero();

    runtime.close();

    assertThat(
            rows(
                db,
                store,
                "SELECT kind, occurrences FROM dualwrite_discrepancies WHERE instance = 'closing'"))
        .containsExactly(List.of("ROW_COUNT_MISMATCH", 3L));
    assertThat(
            rows(db, store, "SELECT row_key FROM dualwrite_drift WHERE table_name = 'closing_t'"))
        .containsExactly(List.of(""));
    assertThat(
            longValue(
                db,
                store,
                "SELECT discrepancies FROM dualwrite_instances WHERE instance = 'closing'"))
        .isEqualTo(3);
  }

  private static ControlStore openAdmin(DatabasePair db, Store store) throws Exception {
    return store == Store.MYSQL
        ? ControlStore.open(db.mysql().jdbcUrl(), db.mysql().properties())
        : ControlStore.open(db.postgres().jdbcUrl(), db.postgres().properties());
  }
}
