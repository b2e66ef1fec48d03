package io.dualwrite.admin.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.admin.verify.BenchTables;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark, not a test (skipped unless {@code -Ddualwrite.backfill.bench=true}; run by {@code
 * benchmarks/backfill/run.sh}): rows per second of {@code dualwrite-admin backfill} against a raw
 * pipeline, each MySQL table streamed by one {@code SELECT} (no locks, no transaction of its own)
 * straight into PostgreSQL's {@code COPY}, in the same run on the same rows: without a workload,
 * and while an application writes through the driver in {@code DUAL_WRITE}. The tables are {@link
 * BenchTables}' two ({@code dualwrite.backfill.bench.rows} / 2 rows each, default 1,000,000 in
 * all), created on PostgreSQL by {@code dualwrite-admin schema}; both pipelines copy the two tables
 * at once (two threads). The raw pipeline writes into copies of the tables ({@code ..._raw}), so
 * the application's mirrored writes never meet its rows.
 */
@ExtendWith(TestDatabases.class)
class BackfillBenchIT {
  private static final List<String> TABLES = List.of("bench_single", "bench_composite");

  /**
   * {@code backfill --chunk-rows} values to measure, comma-separated ({@code
   * dualwrite.backfill.bench.chunkRows}); empty: the tool's default.
   */
  private static final List<String> CHUNK_ROWS =
      List.of(System.getProperty("dualwrite.backfill.bench.chunkRows", "").split(",", -1));

  @Test
  void rowsPerSecondOfBackfillAgainstARawCopy(DatabasePair db) throws Exception {
    assumeTrue(
        Boolean.getBoolean("dualwrite.backfill.bench"), "benchmark: -Ddualwrite.backfill.bench");
    int total = Integer.getInteger("dualwrite.backfill.bench.rows", 1_000_000);
    int appThreads = Integer.getInteger("dualwrite.backfill.bench.appThreads", 4);
    clearControlTables(db);
    long t0 = System.nanoTime();
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      for (String t : TABLES) {
        s.execute("DROP TABLE IF EXISTS " + t);
        s.execute("DROP TABLE IF EXISTS " + t + "_raw");
      }
    }
    BenchTables.mysql(db, total / 2);
    Result schema = CliRun.run("", AdminArgs.of(db, "schema", tableOptions()));
    assertThat(schema.exitCode()).as(schema.all()).isEqualTo(ExitCodes.OK);
    Result phase = CliRun.run("", AdminArgs.of(db, "set-phase", "DUAL_WRITE", "--timeout=0"));
    assertThat(phase.exitCode()).as(phase.all()).isEqualTo(ExitCodes.OK);

    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      for (String t : TABLES) {
        s.execute("CREATE TABLE " + t + "_raw (LIKE " + t + " INCLUDING ALL)");
      }
    }
    double loadSeconds = (System.nanoTime() - t0) / 1e9;

    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "Tables: bench_single and bench_composite, %,d rows each on MySQL, created on"
                + " PostgreSQL by `schema`; loaded in %.1f s. Application: %d threads through the"
                + " driver in DUAL_WRITE (updates, inserts and deletes by key, autocommit, 2 ms"
                + " apart).",
            total / 2,
            loadSeconds,
            appThreads));
    lines.add("");
    lines.add(
        "| round | workload | pipeline | rows copied | seconds | rows/s | app operations/s |");
    lines.add("|---|---|---|---:|---:|---:|---:|");
    double[][] best = new double[2][2]; // [workload][raw, backfill]
    for (int round = 1; round <= 2; round++) {
      for (int loaded = 0; loaded <= 1; loaded++) {
        truncate(db, "_raw");
        truncate(db, "");
        Result prepare = CliRun.run("", AdminArgs.of(db, "backfill", "--prepare", "--no-progress"));
        assertThat(prepare.exitCode()).as(prepare.all()).isEqualTo(ExitCodes.OK);
        Workload app = loaded == 1 ? new Workload(db, appThreads, total / 2, round) : null;
        try {
          if (app != null) {
            app.awaitOperations(200);
          }
          double raw = measure(lines, round, app, "raw SELECT -> COPY", total, () -> rawCopy(db));
          best[loaded][0] = Math.max(best[loaded][0], raw);
          for (String chunkRows : CHUNK_ROWS) {
            if (!chunkRows.equals(CHUNK_ROWS.get(0))) {
              // registered again first, and known to the application (its refresh is 200 ms)
              // before PostgreSQL's rows go: its writes of them are then no discrepancy
              Result again =
                  CliRun.run("", AdminArgs.of(db, "backfill", "--prepare", "--no-progress"));
              assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.OK);
              Thread.sleep(1000);
              truncate(db, "");
            }
            String label = chunkRows.isEmpty() ? "backfill" : "backfill --chunk-rows=" + chunkRows;
            double backfill =
                measure(lines, round, app, label, total, () -> backfill(db, chunkRows));
            best[loaded][1] = Math.max(best[loaded][1], backfill);
          }
        } finally {
          if (app != null) {
            app.close();
          }
        }
        if (app != null) {
          assertThat(app.errors.get()).as("application errors: %s", app.firstError.get()).isZero();
          Thread.sleep(1000); // the instance's buffered records reach the control store
          Result verify = CliRun.run("", AdminArgs.of(db, "verify", tableOptions()));
          assertThat(verify.exitCode()).as(verify.all()).isEqualTo(ExitCodes.OK);
          assertThat(count(db, "SELECT COUNT(*) FROM dualwrite_discrepancies"))
              .as("discrepancies recorded")
              .isZero();
        }
      }
    }
    lines.add("");
    for (int loaded = 0; loaded <= 1; loaded++) {
      lines.add(
          String.format(
              Locale.ROOT,
              "Best rows/s %s: raw %,.0f; backfill %,.0f; ratio **%.2f** (target: at least 0.5).",
              loaded == 1 ? "with the workload" : "without a workload",
              best[loaded][0],
              best[loaded][1],
              best[loaded][1] / best[loaded][0]));
    }
    String out = String.join("\n", lines) + "\n";
    System.out.println(out);
    Path file =
        Path.of(System.getProperty("dualwrite.backfill.bench.out", "target/backfill-bench.md"));
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  private interface Run {
    void run() throws Exception;
  }

  private static double measure(
      List<String> lines, int round, Workload app, String pipeline, int total, Run run)
      throws Exception {
    long ops0 = app == null ? 0 : app.operations.get();
    long start = System.nanoTime();
    run.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = total / seconds;
    lines.add(
        String.format(
            Locale.ROOT,
            "| %d | %s | %s | %,d | %.2f | %,.0f | %s |",
            round,
            app == null ? "none" : "application",
            pipeline,
            total,
            seconds,
            perSecond,
            app == null
                ? "—"
                : String.format(Locale.ROOT, "%,.0f", (app.operations.get() - ops0) / seconds)));
    return perSecond;
  }

  private static String[] tableOptions() {
    return TABLES.stream().map(t -> "--table=" + t).toArray(String[]::new);
  }

  private static void backfill(DatabasePair db, String chunkRows) {
    List<String> args = new ArrayList<>(List.of(tableOptions()));
    args.addAll(List.of("--threads=2", "--no-progress"));
    if (!chunkRows.isEmpty()) {
      args.add("--chunk-rows=" + chunkRows);
    }
    Result r = CliRun.run("", AdminArgs.of(db, "backfill", args.toArray(String[]::new)));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
  }

  /** Both tables at once, each streamed from MySQL into COPY on PostgreSQL. */
  private static void rawCopy(DatabasePair db) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(TABLES.size());
    try {
      List<Future<Long>> copied = new ArrayList<>();
      for (String t : TABLES) {
        copied.add(pool.submit(() -> rawCopy(db, t, t + "_raw")));
      }
      for (Future<Long> f : copied) {
        f.get(30, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long rawCopy(DatabasePair db, String table, String target) throws Exception {
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement s =
            mysql.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.setFetchSize(Integer.MIN_VALUE); // Connector/J streams the rows
      CopyIn in =
          pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
      long rows = 0;
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        int[] types = new int[n + 1];
        for (int i = 1; i <= n; i++) {
          types[i] = md.getColumnType(i);
        }
        StringBuilder b = new StringBuilder(1 << 20);
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            if (i > 1) {
              b.append('\t');
            }
            appendCopyText(b, rs, i, types[i]);
          }
          b.append('\n');
          rows++;
          if (b.length() >= 1 << 20) {
            write(in, b);
          }
        }
        write(in, b);
        in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
      return rows;
    }
  }

  private static void write(CopyIn in, StringBuilder b) throws SQLException {
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    b.setLength(0);
  }

  private static void appendCopyText(StringBuilder b, ResultSet rs, int i, int type)
      throws SQLException {
    switch (type) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] v = rs.getBytes(i);
        if (v == null) {
          b.append("\\N");
        } else {
          b.append("\\\\x");
          for (byte x : v) {
            b.append(Character.forDigit((x >> 4) & 0xf, 16))
                .append(Character.forDigit(x & 0xf, 16));
          }
        }
      }
      case Types.BIT, Types.BOOLEAN -> {
        boolean v = rs.getBoolean(i);
        b.append(rs.wasNull() ? "\\N" : v ? "1" : "0");
      }
      default -> {
        String v = rs.getString(i);
        if (v == null) {
          b.append("\\N");
        } else {
          for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
              case '\\' -> b.append("\\\\");
              case '\t' -> b.append("\\t");
              case '\n' -> b.append("\\n");
              case '\r' -> b.append("\\r");
              default -> b.append(c);
            }
          }
        }
      }
    }
  }

  private static void truncate(DatabasePair db, String suffix) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      for (String t : TABLES) {
        s.execute("TRUNCATE " + t + suffix);
      }
    }
  }

  private static void clearControlTables(DatabasePair db) throws SQLException {
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
  }

  private static long count(DatabasePair db, String sql) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Application threads writing through the driver in DUAL_WRITE: updates of existing rows of both
   * tables (copied or not yet), inserts past the existing keys and deletes of those inserts.
   */
  private static final class Workload implements AutoCloseable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong operations = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    Workload(DatabasePair db, int count, int rowsPerTable, int round) {
      Properties props =
          DualWriteTestUrls.properties(
              db,
              "dualwrite.control",
              "primary",
              "dualwrite.refreshMillis",
              "200",
              "dualwrite.instance",
              "backfill-bench-app");
      String url = DualWriteTestUrls.url(db);
      for (int i = 0; i < count; i++) {
        long base = 100_000_000L * round + 10_000_000L * (i + 1) + rowsPerTable;
        Thread t =
            new Thread(
                () -> {
                  try (Connection c = DriverManager.getConnection(url, props)) {
                    long next = base;
                    while (running.get()) {
                      try {
                        next = operate(c, rowsPerTable, base, next);
                        operations.incrementAndGet();
                        Thread.sleep(2);
                      } catch (SQLException e) {
                        if (e.getErrorCode() != 1213 && e.getErrorCode() != 1205) {
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
                "bench-app-" + i);
        threads.add(t);
        t.start();
      }
    }

    private static long operate(Connection c, int rows, long base, long next) throws SQLException {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      int op = r.nextInt(10);
      if (op < 4) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE bench_single SET n = n + 1, amount = amount + 1, name = ? WHERE id = ?")) {
          ps.setString(1, "app " + next);
          ps.setLong(2, 1 + r.nextInt(rows));
          ps.executeUpdate();
        }
      } else if (op < 7) {
        int k = r.nextInt(rows);
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE bench_composite SET qty = qty + 1, ratio = ratio * 2 WHERE a = ? AND b"
                    + " = ?")) {
          ps.setInt(1, k / 50);
          ps.setInt(2, k % 50);
          ps.executeUpdate();
        }
      } else if (op < 9) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO bench_single (id, n, amount, name, created, day, flag, code,"
                    + " payload) VALUES (?, 1, 2.50, 'app', NOW(6), CURDATE(), 1, 'app', ?)")) {
          ps.setLong(1, next + 1);
          ps.setBytes(2, new byte[] {1, 0, (byte) next});
          ps.executeUpdate();
        }
        return next + 1;
      } else if (next > base) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM bench_single WHERE id = ?")) {
          ps.setLong(1, next);
          ps.executeUpdate();
        }
      }
      return next;
    }

    void awaitOperations(long n) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (operations.get() < n && System.nanoTime() < deadline && errors.get() == 0) {
        Thread.sleep(20);
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
}
