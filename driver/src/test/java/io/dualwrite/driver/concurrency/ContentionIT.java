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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sixteen application threads on a hot set of 50 rows for a fixed time, at each isolation level:
 * inserts, updates that do not commute ({@code v = (v * 31 + k) % p}), upserts, deletes, inserts
 * into an AUTO_INCREMENT table (one row, and several at once by INSERT ... SELECT), in autocommit
 * and in transactions of up to four statements, with the deadlocks, lock wait timeouts and
 * duplicate keys MySQL gives such a workload handled as an application would (roll back, go on).
 * Both databases must end with the same rows without any repair, and the driver must have recorded
 * nothing: every write was mirrored in the order MySQL's row locks gave it, and the mirror never
 * failed for a reason MySQL did not have.
 *
 * <p>{@code -Ddualwrite.test.contentionSeconds=N} sets the time per isolation level (default 60);
 * {@code -Ddualwrite.test.contentionCases=PG_PRIMARY:8,DUAL_WRITE:4} runs only those phases and
 * levels (default: all), to repeat one case.
 */
@ExtendWith(TestDatabases.class)
class ContentionIT {
  private static final int THREADS = 16;
  private static final int HOT_ROWS = 50;
  private static final long SECONDS = Long.getLong("dualwrite.test.contentionSeconds", 60);
  private static final String CASES = System.getProperty("dualwrite.test.contentionCases", "");

  /** Each phase that mirrors writes, at each isolation level. */
  static Stream<Arguments> phasesAndLevels() {
    List<Arguments> all = new ArrayList<>();
    for (String phase : List.of("DUAL_WRITE", "PG_PRIMARY")) {
      for (int isolation :
          List.of(
              Connection.TRANSACTION_READ_UNCOMMITTED,
              Connection.TRANSACTION_READ_COMMITTED,
              Connection.TRANSACTION_REPEATABLE_READ,
              Connection.TRANSACTION_SERIALIZABLE)) {
        if (CASES.isBlank() || List.of(CASES.split(",")).contains(phase + ":" + isolation)) {
          all.add(Arguments.of(phase, isolation));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}, isolation {1}")
  @MethodSource("phasesAndLevels")
  void hotRowsEndEqualWithNothingRecorded(String phase, int isolation, DatabasePair db)
      throws Exception {
    String suffix = (phase.equals("DUAL_WRITE") ? "_i" : "_pgp_i") + isolation;
    String hot = "hot" + suffix;
    String log = "hot_log" + suffix;
    Queue records = new Queue();
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      s.execute(
          "CREATE TABLE "
              + hot
              + " (id INT PRIMARY KEY, v BIGINT NOT NULL, n INT NOT NULL DEFAULT 0,"
              + " note VARCHAR(40))");
      s.execute(
          "CREATE TABLE "
              + log
              + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, hot_id INT NOT NULL, v BIGINT NOT NULL)");
      StringBuilder rows = new StringBuilder();
      for (int id = 1; id <= HOT_ROWS; id += 2) {
        rows.append(rows.length() == 0 ? "" : ", ").append("(").append(id).append(", ").append(id);
        rows.append(", 0, 'seed')");
      }
      s.execute("INSERT INTO " + hot + " (id, v, n, note) VALUES " + rows);
    }

    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                runThread(db, phase, hot, log, isolation, thread, deadline, outcomes);
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(SECONDS + 180, TimeUnit.SECONDS);
    }
    pool.shutdown();

    Map<String, Long> summary = new TreeMap<>();
    outcomes.forEach((k, v) -> summary.put(k, v.sum()));
    System.out.printf(
        "ContentionIT %s isolation %d, %d s: %s%n", phase, isolation, SECONDS, summary);
    assertThat(summary.getOrDefault("ok", 0L)).as("statements that succeeded").isGreaterThan(100);
    assertSameRows(db, hot, "id");
    assertSameRows(db, log, "id");
    assertThat(records.all()).as("discrepancies recorded").isEmpty();
  }

  private static void runThread(
      DatabasePair db,
      String phase,
      String hot,
      String log,
      int isolation,
      int thread,
      long deadline,
      Map<String, LongAdder> outcomes)
      throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase);
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + hot + " (id, v, n, note) VALUES (?, ?, 0, ?)");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE " + hot + " SET v = (v * 31 + ?) % 1000000007, n = n + 1 WHERE id = ?");
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO "
                    + hot
                    + " (id, v, n, note) VALUES (?, ?, 1, ?) ON DUPLICATE KEY UPDATE"
                    + " v = (v * 7 + VALUES(v)) % 1000000007, n = n + 1, note = VALUES(note)");
        PreparedStatement delete = c.prepareStatement("DELETE FROM " + hot + " WHERE id = ?");
        PreparedStatement append =
            c.prepareStatement(
                "INSERT INTO " + log + " (hot_id, v) SELECT id, v FROM " + hot + " WHERE id = ?");
        PreparedStatement appendMany =
            c.prepareStatement(
                "INSERT INTO "
                    + log
                    + " (hot_id, v) SELECT id, v FROM "
                    + hot
                    + " WHERE id BETWEEN ? AND ? ORDER BY id");
        PreparedStatement keyed =
            c.prepareStatement(
                "INSERT INTO " + log + " (hot_id, v) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      c.setTransactionIsolation(isolation);
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long k = (long) thread << 32;
      while (System.nanoTime() < deadline) {
        boolean transaction = random.nextBoolean();
        c.setAutoCommit(!transaction);
        int statements = transaction ? 1 + random.nextInt(4) : 1;
        try {
          for (int i = 0; i < statements; i++) {
            int id = 1 + random.nextInt(HOT_ROWS);
            k++;
            switch (random.nextInt(7)) {
              case 0 -> {
                insert.setInt(1, id);
                insert.setLong(2, k % 1000);
                insert.setString(3, "t" + thread);
                insert.executeUpdate();
              }
              case 1 -> {
                update.setLong(1, k % 1000);
                update.setInt(2, id);
                update.executeUpdate();
              }
              case 2 -> {
                upsert.setInt(1, id);
                upsert.setLong(2, k % 1000);
                upsert.setString(3, "u" + thread);
                upsert.executeUpdate();
              }
              case 3 -> {
                delete.setInt(1, id);
                delete.executeUpdate();
              }
              case 4 -> {
                append.setInt(1, id);
                append.executeUpdate();
              }
              case 5 -> {
                // several rows at once: under innodb_autoinc_lock_mode=2 (MySQL 8+) their keys
                // may interleave with other sessions' unless the driver makes them one block
                appendMany.setInt(1, id);
                appendMany.setInt(2, id + 5);
                appendMany.executeUpdate();
              }
              default -> {
                keyed.setInt(1, id);
                keyed.setLong(2, k % 1000);
                keyed.executeUpdate();
              }
            }
          }
          if (transaction) {
            c.commit();
          }
          outcomes.computeIfAbsent("ok", x -> new LongAdder()).add(statements);
        } catch (SQLException e) {
          // What MySQL itself gives this workload: 1062 duplicate key, 1213 deadlock, 1205 lock
          // wait timeout. The application rolls back and goes on.
          outcomes.computeIfAbsent("mysql " + e.getErrorCode(), x -> new LongAdder()).increment();
          if (transaction) {
            c.rollback();
          }
        }
      }
      c.setAutoCommit(true);
    }
  }

  /** The records a sink received, from every thread. */
  private static final class Queue {
    private final ConcurrentLinkedQueue<String> records = new ConcurrentLinkedQueue<>();

    void add(Discrepancy d) {
      records.add(d.kind() + " " + d.sql() + ": " + d.detail());
    }

    List<String> all() {
      return List.copyOf(records);
    }
  }
}
