package io.dualwrite.admin.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@code verify} of many tables on a few connection pairs: tables whose keys both servers order
 * alike by checksums of key ranges ({@link ChunkVerifier}), the ranges of every table spread over
 * the threads; other tables (text keys, no primary key) row by row ({@link TableVerifier}), one
 * table per thread. Each thread holds one MySQL and one PostgreSQL connection.
 */
final class ChecksumRun {
  /** A MySQL and a PostgreSQL connection, used by one task at a time. */
  record Pair(Connection mysql, Connection pg) {}

  /** What the run compares with. */
  record Settings(int chunkRows, int leafRows, int maxListed, boolean showValues) {}

  private final BlockingQueue<Pair> pairs;
  private final int threads;
  private final Settings settings;
  private final LongSupplier nanoTime;
  private final VerifyProgress progress;

  ChecksumRun(List<Pair> pairs, Settings settings, LongSupplier nanoTime, VerifyProgress progress) {
    this.pairs = new ArrayBlockingQueue<>(pairs.size(), false, pairs);
    this.threads = pairs.size();
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.progress = progress;
  }

  /** Whether PostgreSQL's md5 hashes text as UTF-8, as MySQL's is made to. */
  static boolean postgresUtf8(Connection pg) throws SQLException {
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_encoding")) {
      return rs.next() && rs.getString(1).equalsIgnoreCase("UTF8");
    }
  }

  /** Whether MySQL lacks MD5 (MySQL 9 removed it): then both servers hash with SHA-256. */
  static boolean mysqlWithoutMd5(Connection mysql) throws SQLException {
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SELECT MD5('')")) {
      return !rs.next();
    } catch (SQLException e) {
      if ("42000".equals(e.getSQLState()) || e.getErrorCode() == 1305) {
        return true;
      }
      throw e;
    }
  }

  List<TableResult> run(List<TableSpec> specs) throws SQLException {
    if (specs.isEmpty()) {
      return List.of();
    }
    boolean pgUtf8;
    Pair first = pairs.peek();
    pgUtf8 = postgresUtf8(first.pg());
    boolean sha256 = mysqlWithoutMd5(first.mysql());
    ExecutorService pool = Executors.newFixedThreadPool(threads, ChecksumRun::daemon);
    try {
      List<TableTask> tasks = new ArrayList<>();
      for (TableSpec t : specs) {
        TableTask task = new TableTask(t);
        if (ChunkVerifier.applies(t)) {
          task.verifier =
              new ChunkVerifier(
                  t,
                  settings.leafRows(),
                  settings.maxListed(),
                  settings.showValues(),
                  pgUtf8,
                  sha256);
          task.ranges = pool.submit(() -> withPair(p -> task.discover(p)));
        } else {
          task.byRows = pool.submit(() -> withPair(p -> task.byRows(p)));
        }
        tasks.add(task);
      }
      for (TableTask task : tasks) {
        if (task.ranges != null) {
          for (ChunkVerifier.Range r : get(task.ranges)) {
            task.chunks.add(pool.submit(() -> withPair(p -> task.chunk(p, r))));
          }
        }
      }
      List<TableResult> results = new ArrayList<>();
      for (TableTask task : tasks) {
        TableResult r = task.byRows != null ? get(task.byRows) : task.result();
        synchronized (progress) {
          progress.done(r);
        }
        results.add(r);
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private interface PairWork<T> {
    T run(Pair p) throws SQLException;
  }

  private <T> T withPair(PairWork<T> work) throws SQLException, InterruptedException {
    Pair p = pairs.take();
    try {
      return work.run(p);
    } finally {
      pairs.add(p);
    }
  }

  private static <T> T get(Future<T> f) throws SQLException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("verify interrupted", "57014", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException s) {
        throw s;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "dualwrite-verify");
    t.setDaemon(true);
    return t;
  }

  /** One table: its ranges and their outcomes, or its row-by-row result. */
  private final class TableTask {
    final TableSpec t;
    ChunkVerifier verifier;
    Future<List<ChunkVerifier.Range>> ranges;
    Future<TableResult> byRows;
    final List<Future<ChunkVerifier.Outcome>> chunks = new ArrayList<>();
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong differences = new AtomicLong();
    final AtomicLong finished = new AtomicLong();
    volatile long start;

    TableTask(TableSpec t) {
      this.t = t;
    }

    List<ChunkVerifier.Range> discover(Pair p) throws SQLException {
      start = nanoTime.getAsLong();
      return verifier.ranges(p.mysql(), settings.chunkRows());
    }

    TableResult byRows(Pair p) throws SQLException {
      TableVerifier.Listener listener =
          (table, rows, diffs, nanos) -> {
            synchronized (progress) {
              progress.chunk(table, rows, diffs, nanos);
            }
          };
      return new TableVerifier(
              p.mysql(),
              p.pg(),
              settings.leafRows(),
              settings.maxListed(),
              settings.showValues(),
              nanoTime,
              listener)
          .verify(t);
    }

    ChunkVerifier.Outcome chunk(Pair p, ChunkVerifier.Range r) throws SQLException {
      ChunkVerifier.Outcome o = verifier.compare(p.mysql(), p.pg(), r);
      long rows = rowsRead.addAndGet(o.mysqlRows + o.pgRows);
      long diffs = differences.addAndGet(o.differences());
      long now = nanoTime.getAsLong();
      finished.accumulateAndGet(now, Math::max);
      synchronized (progress) {
        progress.chunk(t, rows, diffs, now - start);
      }
      return o;
    }

    TableResult result() throws SQLException {
      long mysqlRows = 0;
      long pgRows = 0;
      long missing = 0;
      long extra = 0;
      long changed = 0;
      List<KeyDiff> listed = new ArrayList<>();
      List<KeyDiff> extras = new ArrayList<>();
      for (Future<ChunkVerifier.Outcome> f : chunks) {
        ChunkVerifier.Outcome o = get(f);
        mysqlRows += o.mysqlRows;
        pgRows += o.pgRows;
        missing += o.missing;
        extra += o.extra;
        changed += o.changed;
        listed.addAll(o.missingOrChanged);
        extras.addAll(o.extras);
      }
      // as the row compare lists them: missing and changed keys in key order, then extra ones
      listed.addAll(extras);
      if (listed.size() > settings.maxListed()) {
        listed = new ArrayList<>(listed.subList(0, settings.maxListed()));
      }
      long end = Math.max(finished.get(), start);
      return new TableResult(
          t, mysqlRows, pgRows, missing, extra, changed, listed, null, end - start);
    }
  }
}
