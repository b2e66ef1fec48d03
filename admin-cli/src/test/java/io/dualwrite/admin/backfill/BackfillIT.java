package io.dualwrite.admin.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code backfill} copies 65,334 existing rows (composite keys, a foreign key with ON DELETE
 * CASCADE, JSON, DECIMAL, DATETIME(6), ENUM, BLOB, FLOAT, DOUBLE, TINYINT) while eight application
 * threads write through the driver in DUAL_WRITE, at three isolation levels, to rows already copied
 * and not yet copied: afterwards verify is equal, the application saw no error and no discrepancy
 * or drift was recorded. Also killed in the middle (a child JVM, kill -9) and resumed. The tables
 * and rows are created on MySQL alone, as a live database has them; {@code schema} creates
 * PostgreSQL's tables from it.
 */
@ExtendWith(TestDatabases.class)
class BackfillIT {
  static final int CUSTOMERS = 20_000;
  static final int EVENTS = 12_000;

  @BeforeEach
  void populate(DatabasePair db) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      for (String t : List.of("dualwrite_backfill", "dualwrite_discrepancies", "dualwrite_drift")) {
        try {
          s.execute("DELETE FROM " + t);
        } catch (SQLException absent) {
          // created by the first instance
        }
      }
    }
    // The database as it was before dualwrite: tables created on MySQL alone, PostgreSQL empty.
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("DROP TABLE IF EXISTS orders, customer, event_log");
    }
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute("DROP TABLE IF EXISTS orders");
      s.execute("DROP TABLE IF EXISTS customer");
      s.execute("DROP TABLE IF EXISTS event_log");
      s.execute(
          "CREATE TABLE customer (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " name VARCHAR(60) NOT NULL, status ENUM('new','active','gone') NOT NULL,"
              + " balance DECIMAL(14,4) NOT NULL, created DATETIME(6) NOT NULL, prefs JSON NULL,"
              + " avatar BLOB NULL, score DOUBLE NULL, rating FLOAT NULL,"
              + " vip TINYINT(1) NOT NULL DEFAULT 0, note TEXT NULL, flags BIT(12) NULL)");
      s.execute(
          "CREATE TABLE orders (customer_id BIGINT NOT NULL, order_no INT NOT NULL,"
              + " placed DATETIME(6) NOT NULL, amount DECIMAL(12,2) NOT NULL,"
              + " state ENUM('open','paid','shipped') NOT NULL, PRIMARY KEY (customer_id, order_no),"
              + " CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id)"
              + " ON DELETE CASCADE)");
      s.execute(
          "CREATE TABLE event_log (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " kind VARCHAR(20) NOT NULL, payload JSON NULL, data VARBINARY(64) NULL,"
              + " at DATETIME(6) NOT NULL)");
    }
    // The rows the database had before dualwrite: on MySQL only.
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      StringBuilder b = new StringBuilder();
      for (int i = 1; i <= CUSTOMERS; i++) {
        b.append(b.length() == 0 ? "INSERT INTO customer VALUES " : ", ")
            .append("(")
            .append(i)
            .append(", 'name ")
            .append(i)
            .append(" \\\\ tab\\there', '")
            .append(new String[] {"new", "active", "gone"}[i % 3])
            .append("', ")
            .append(i)
            .append(".1234, '2024-02-29 12:34:56.")
            .append(String.format("%06d", i % 1_000_000))
            .append("', '{\"n\": ")
            .append(i)
            .append(", \"tags\": [\"a\", \"b\\\\nc\"]}', X'")
            .append(String.format("%08x", i))
            .append("00ff', ")
            .append(i / 7.0)
            .append(", ")
            .append(i / 3.0)
            .append(", ")
            .append(i % 2)
            .append(", ")
            .append(i % 5 == 0 ? "NULL" : "'line1\\nline2'")
            .append(", ")
            .append(i % 7 == 0 ? "NULL" : String.valueOf(i % 4096))
            .append(")");
        if (i % 1000 == 0) {
          s.execute(b.toString());
          b.setLength(0);
        }
      }
      b.setLength(0);
      int orders = 0;
      for (int i = 1; i <= CUSTOMERS; i++) {
        int n = i % 3 == 0 ? 1 : 2;
        for (int k = 1; k <= n; k++) {
          b.append(b.length() == 0 ? "INSERT INTO orders VALUES " : ", ")
              .append("(")
              .append(i)
              .append(", ")
              .append(k)
              .append(", '2024-03-01 00:00:00.000001', ")
              .append(k * 10 + i % 100)
              .append(".50, 'open')");
          orders++;
        }
        if (b.length() > 60_000) {
          s.execute(b.toString());
          b.setLength(0);
        }
      }
      if (b.length() > 0) {
        s.execute(b.toString());
      }
      b.setLength(0);
      for (int i = 1; i <= EVENTS; i++) {
        b.append(b.length() == 0 ? "INSERT INTO event_log VALUES " : ", ")
            .append("(")
            .append(i)
            .append(", 'k")
            .append(i % 10)
            .append("', '{\"e\": ")
            .append(i)
            .append("}', X'")
            .append(String.format("%04x", i))
            .append("', '2023-12-31 23:59:59.999999')");
        if (i % 1000 == 0) {
          s.execute(b.toString());
          b.setLength(0);
        }
      }
      assertThat(CUSTOMERS + orders + EVENTS).isGreaterThanOrEqualTo(50_000);
    }
    // schema reads the live MySQL schema and creates PostgreSQL's tables, keys and indexes
    Result schema = CliRun.run("", AdminArgs.of(db, "schema", "--no-progress"));
    assertThat(schema.exitCode()).as(schema.all()).isEqualTo(ExitCodes.OK);
    assertThat(schema.out())
        .contains("created: table customer")
        .contains("created: table orders")
        .contains("created: table event_log")
        .contains("created: foreign key orders_customer on orders")
        .contains("0 refused, 0 failed");
    Result check = CliRun.run("", AdminArgs.of(db, "schema", "--check"));
    assertThat(check.exitCode()).as(check.all()).isEqualTo(ExitCodes.OK);
  }

  /** Eight application threads writing through the driver with the control store on. */
  static final class Workload implements AutoCloseable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong operations = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicReference<Throwable> firstError = new AtomicReference<>();
    final List<Thread> threads = new ArrayList<>();

    Workload(DatabasePair db, String instance) {
      Properties props =
          DualWriteTestUrls.properties(
              db,
              "dualwrite.control",
              "primary",
              "dualwrite.refreshMillis",
              "200",
              "dualwrite.instance",
              instance);
      String url = DualWriteTestUrls.url(db);
      int[] levels = {
        Connection.TRANSACTION_REPEATABLE_READ,
        Connection.TRANSACTION_READ_COMMITTED,
        Connection.TRANSACTION_SERIALIZABLE
      };
      for (int i = 0; i < 8; i++) {
        int id = i;
        Thread t =
            new Thread(
                () -> {
                  try (Connection c = DriverManager.getConnection(url, props)) {
                    c.setTransactionIsolation(levels[id % levels.length]);
                    long counter = 0;
                    while (running.get()) {
                      counter++;
                      try {
                        operate(c, id, counter);
                        operations.incrementAndGet();
                      } catch (SQLException e) {
                        try {
                          if (!c.getAutoCommit()) {
                            c.rollback();
                            c.setAutoCommit(true);
                          }
                        } catch (SQLException ignored) {
                          // reported below
                        }
                        if (e.getErrorCode() == 1213
                            || e.getErrorCode() == 1205
                            || "40001".equals(e.getSQLState())) {
                          retried.incrementAndGet(); // MySQL's own deadlocks between app threads
                        } else {
                          errors.incrementAndGet();
                          firstError.compareAndSet(null, e);
                        }
                      }
                    }
                  } catch (Throwable e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                  }
                },
                "app-" + i);
        threads.add(t);
        t.start();
      }
    }

    /** Customers whose id is a multiple of 7 are never deleted: orders may reference them. */
    private static void operate(Connection c, int thread, long n) throws SQLException {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      int op = r.nextInt(100);
      long id = 1 + r.nextInt(CUSTOMERS + 2000);
      if (op < 15) {
        c.setAutoCommit(false);
        long newId;
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO customer (name, status, balance, created, prefs, avatar, score,"
                    + " rating, vip, note) VALUES (?, 'new', ?, NOW(6), ?, ?, ?, ?, 1, NULL)",
                Statement.RETURN_GENERATED_KEYS)) {
          ps.setString(1, "app " + thread + "-" + n);
          ps.setBigDecimal(2, new java.math.BigDecimal("12.3456"));
          ps.setString(3, "{\"app\": " + n + "}");
          ps.setBytes(4, new byte[] {1, 2, (byte) thread});
          ps.setDouble(5, n / 3.0);
          ps.setFloat(6, n / 7.0f);
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            newId = keys.getLong(1);
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO orders (customer_id, order_no, placed, amount, state) VALUES (?, 1,"
                    + " NOW(6), 5.25, 'open')")) {
          ps.setLong(1, newId);
          ps.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
      } else if (op < 40) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE customer SET balance = balance * 2 + 1, status = ?, prefs = ?,"
                    + " note = CONCAT(COALESCE(note, ''), 'x') WHERE id = ?")) {
          ps.setString(1, r.nextBoolean() ? "active" : "gone");
          ps.setString(2, "{\"t\": " + thread + ", \"n\": " + n + "}");
          ps.setLong(3, id);
          ps.executeUpdate();
        }
      } else if (op < 50) {
        if (id % 7 == 0) {
          id++;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM customer WHERE id = ?")) {
          ps.setLong(1, id);
          ps.executeUpdate();
        }
      } else if (op < 65) {
        c.setAutoCommit(false);
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE orders SET amount = amount + 1, state = ? WHERE customer_id = ? AND"
                    + " order_no = ?")) {
          ps.setString(1, r.nextBoolean() ? "paid" : "shipped");
          ps.setLong(2, id);
          ps.setInt(3, 1 + r.nextInt(2));
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE customer SET balance = balance - 1 WHERE id = ?")) {
          ps.setLong(1, id);
          ps.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
      } else if (op < 75) {
        // a new order of an existing customer (maybe not copied yet: PostgreSQL lacks the parent)
        long parent = 7L * (1 + r.nextInt(CUSTOMERS / 7));
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO orders (customer_id, order_no, placed, amount, state) VALUES (?, ?,"
                    + " NOW(6), 1.00, 'open')")) {
          ps.setLong(1, parent);
          ps.setLong(2, 1_000_000L * (thread + 1) + n);
          ps.executeUpdate();
        }
      } else if (op < 85) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO event_log (kind, payload, data, at) VALUES ('app', ?, ?, NOW(6))")) {
          ps.setString(1, "{\"n\": " + n + "}");
          ps.setBytes(2, new byte[] {(byte) n, 0});
          ps.executeUpdate();
        }
      } else if (op < 93) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE event_log SET payload = ?, data = NULL, kind = 'upd' WHERE id = ?")) {
          ps.setString(1, "{\"u\": " + n + "}");
          ps.setLong(2, 1 + r.nextInt(EVENTS + 1000));
          ps.executeUpdate();
        }
      } else {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM event_log WHERE id = ?")) {
          ps.setLong(1, 1 + r.nextInt(EVENTS + 1000));
          ps.executeUpdate();
        }
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(30));
      }
    }
  }

  static void awaitOperations(Workload w, long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (w.operations.get() < n && System.nanoTime() < deadline && w.errors.get() == 0) {
      Thread.sleep(20);
    }
  }

  static long count(DatabasePair db, String sql) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Verify equal, no application error, nothing recorded, sequences past every copied key. */
  static void assertEqualAndClean(DatabasePair db, Workload w) throws Exception {
    assertThat(w.errors.get()).as("application errors: %s", w.firstError.get()).isZero();
    Thread.sleep(1000); // one more refresh: discrepancies buffered by the instance are written
    Result verify = CliRun.run("", AdminArgs.of(db, "verify"));
    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(ExitCodes.OK);
    assertThat(count(db, "SELECT COUNT(*) FROM dualwrite_discrepancies"))
        .as("discrepancies recorded")
        .isZero();
    assertThat(count(db, "SELECT COUNT(*) FROM dualwrite_drift")).as("drift").isZero();
    // PostgreSQL's sequences are past every copied key
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_sequence_last_value(pg_get_serial_sequence('customer', 'id')),"
                    + " (SELECT max(id) FROM customer),"
                    + " pg_sequence_last_value(pg_get_serial_sequence('event_log', 'id')),"
                    + " (SELECT max(id) FROM event_log)")) {
      rs.next();
      assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(rs.getLong(2));
      assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(rs.getLong(4));
    }
  }

  /**
   * {@code backfill --prepare}: the tables are known as being backfilled before the application
   * writes, so its first mirrored writes of rows not copied yet are not discrepancies.
   */
  private static void prepare(DatabasePair db) {
    Result r = CliRun.run("", AdminArgs.of(db, "backfill", "--prepare", "--no-progress"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("backfill: customer: registered");
  }

  @Test
  void copiesWhileEightThreadsWriteAndBothSidesEndEqual(DatabasePair db) throws Exception {
    prepare(db);
    Workload w = new Workload(db, "backfill-app-1");
    try {
      awaitOperations(w, 200);
      Result r =
          CliRun.run(
              "",
              AdminArgs.of(
                  db,
                  "backfill",
                  "--threads=2",
                  "--chunk-rows=1000",
                  "--instance-wait-seconds=20"));
      assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
      assertThat(r.out())
          .contains("backfill: customer: complete")
          .contains("backfill: orders: complete")
          .contains("backfill: event_log: complete")
          .contains("backfill: 3 of 3 tables complete");
      long during = w.operations.get();
      awaitOperations(w, during + 200);
      assertThat(w.operations.get()).isGreaterThan(during);
    } finally {
      w.close();
    }
    assertEqualAndClean(db, w);
    // once complete, the guard rails let reads move
    Result read = CliRun.run("", AdminArgs.of(db, "set-read-percent", "10", "--timeout=10"));
    assertThat(read.exitCode()).as(read.all()).isEqualTo(ExitCodes.OK);
    Result back = CliRun.run("", AdminArgs.of(db, "set-read-percent", "0", "--timeout=10"));
    assertThat(back.exitCode()).as(back.all()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void killedInTheMiddleThenResumedEndsEqual(DatabasePair db) throws Exception {
    prepare(db);
    Workload w = new Workload(db, "backfill-app-2");
    try {
      awaitOperations(w, 200);
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(AdminCli.class.getName());
      cmd.addAll(
          List.of(
              AdminArgs.of(
                  db,
                  "backfill",
                  "--threads=2",
                  "--chunk-rows=200",
                  "--max-rows-per-second=8000",
                  "--lease-seconds=5",
                  "--no-progress")));
      Process child =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long copied = 0;
        while (System.nanoTime() < deadline && child.isAlive()) {
          try {
            copied = count(db, "SELECT COALESCE(SUM(rows_copied), 0) FROM dualwrite_backfill");
          } catch (SQLException notYet) {
            copied = 0;
          }
          if (copied >= 15_000) {
            break;
          }
          Thread.sleep(50);
        }
        assertThat(child.isAlive()).as("still copying when killed").isTrue();
        assertThat(copied).isGreaterThanOrEqualTo(15_000);
      } finally {
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
      }
      long checkpointed = count(db, "SELECT COALESCE(SUM(rows_copied), 0) FROM dualwrite_backfill");
      assertThat(checkpointed).isGreaterThanOrEqualTo(15_000);

      // incomplete: the guard rails refuse to move reads or the phase
      Result read = CliRun.run("", AdminArgs.of(db, "set-read-percent", "50", "--timeout=0"));
      assertThat(read.exitCode()).as(read.all()).isEqualTo(ExitCodes.DIFFERENCES);
      assertThat(read.err()).contains("backfill");
      Result phase = CliRun.run("", AdminArgs.of(db, "set-phase", "PG_PRIMARY", "--timeout=0"));
      assertThat(phase.exitCode()).as(phase.all()).isEqualTo(ExitCodes.DIFFERENCES);
      assertThat(phase.err()).contains("backfill");

      // without --resume an interrupted table is refused; with it, it continues
      Result again = CliRun.run("", AdminArgs.of(db, "backfill", "--no-progress"));
      assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.DIFFERENCES);
      assertThat(again.out()).contains("--resume continues it");

      long rowsNow =
          count(
              db,
              "SELECT (SELECT COUNT(*) FROM customer) + (SELECT COUNT(*) FROM orders)"
                  + " + (SELECT COUNT(*) FROM event_log)");
      Result resumed =
          CliRun.run(
              "",
              AdminArgs.of(
                  db, "backfill", "--resume", "--threads=2", "--chunk-rows=1000", "--json"));
      assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(ExitCodes.OK);
      long thisRun = 0;
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"rowsThisRun\":\\s*(\\d+)").matcher(resumed.out());
      while (m.find()) {
        thisRun += Long.parseLong(m.group(1));
      }
      assertThat(thisRun).isPositive();
      // finished chunks were not copied again: a run from the first key would copy about every
      // row; this one copied what was left after the checkpoints (at least 15,000 rows were)
      assertThat(thisRun).isLessThan(rowsNow - 5_000);
      awaitOperations(w, w.operations.get() + 200);
    } finally {
      w.close();
    }
    assertEqualAndClean(db, w);
  }
}
