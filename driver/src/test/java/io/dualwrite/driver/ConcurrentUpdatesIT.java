package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Eight threads update the same few rows in conflicting transactions. The updates do not commute
 * ({@code v = (v * 31 + k) % p}), so the two databases end equal only if they applied the
 * transactions in the same order: MySQL's row locks order them, and each transaction takes
 * PostgreSQL's locks while still holding MySQL's. In autocommit mode the driver holds MySQL's row
 * locks until the mirror ran, for the same reason.
 */
@ExtendWith(TestDatabases.class)
class ConcurrentUpdatesIT {
  private static final int THREADS = 8;
  private static final int TRANSACTIONS_PER_THREAD = 40;

  @Test
  void conflictingUpdatesFromEightThreadsEndEqualOnBothSides(DatabasePair db) throws Exception {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, v BIGINT NOT NULL)");
      s.execute("INSERT INTO accounts VALUES (1, 1), (2, 2), (3, 3), (4, 4)");
    }
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                try (Connection c = DualWriteTestUrls.connect(db);
                    PreparedStatement ps =
                        c.prepareStatement(
                            "UPDATE accounts SET v = (v * 31 + ?) % 1000000007 WHERE id = ?")) {
                  c.setAutoCommit(false);
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
                    try {
                      for (int row = 0; row < 2; row++) {
                        ps.setInt(1, thread * 1000 + i);
                        ps.setInt(2, 1 + random.nextInt(4));
                        ps.executeUpdate();
                      }
                      c.commit();
                      committed.incrementAndGet();
                    } catch (SQLException e) {
                      // Deadlock or lock wait timeout on the authoritative side: as an app would.
                      c.rollback();
                      retried.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(committed.get()).isGreaterThan(THREADS * TRANSACTIONS_PER_THREAD / 2);
    assertSameRows(db, "accounts", "id");
  }

  @Test
  void conflictingAutocommitWritesFromEightThreadsEndEqualOnBothSides(DatabasePair db)
      throws Exception {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE counters (id INT PRIMARY KEY, v BIGINT NOT NULL, hits INT NOT NULL)");
      s.execute("INSERT INTO counters VALUES (1, 1, 0), (2, 2, 0)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                try (Connection c = DualWriteTestUrls.connect(db);
                    PreparedStatement update =
                        c.prepareStatement(
                            "UPDATE counters SET v = (v * 31 + ?) % 1000000007 WHERE id = ?");
                    PreparedStatement upsert =
                        c.prepareStatement(
                            "INSERT INTO counters (id, v, hits) VALUES (?, ?, 1)"
                                + " ON DUPLICATE KEY UPDATE v = (v * 7 + VALUES(v)) % 1000000007,"
                                + " hits = hits + 1")) {
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
                    update.setInt(1, thread * 1000 + i);
                    update.setInt(2, 1 + random.nextInt(2));
                    update.executeUpdate();
                    upsert.setInt(1, 3 + random.nextInt(3));
                    upsert.setInt(2, thread * 1000 + i);
                    upsert.executeUpdate();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    try (Connection c = db.openMysql();
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT SUM(hits) FROM counters")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(THREADS * TRANSACTIONS_PER_THREAD);
    }
    assertSameRows(db, "counters", "id");
  }
}
