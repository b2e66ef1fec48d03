package io.dualwrite.admin.backfill;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.control.BackfillPart;
import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.control.InstanceStatus;
import io.dualwrite.driver.control.StoredFlags;
import io.dualwrite.driver.discrepancy.SafeText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs a backfill: registers the tables in the control store, waits until every live instance of
 * the application knows them, then copies them with worker threads, each table leased to one
 * process at a time and checkpointed after every chunk. See {@link ChunkCopier} for one chunk and
 * docs/consistency.md ("Backfill") for why the result equals MySQL.
 */
final class Backfiller {

  /** Opens a new pair of connections for a worker. */
  interface Connector {
    Connection mysql() throws SQLException;

    Connection postgres() throws SQLException;
  }

  /** What the command shows while it runs. */
  interface Listener {
    void progress(List<TableState> tables);

    void note(String line);
  }

  /** The settings of one run. */
  record Options(
      int threads,
      int chunkRows,
      long maxRowsPerSecond,
      boolean resume,
      int maxThreadsRunning,
      long leaseMillis,
      int lockWaitSeconds,
      int pgLockTimeoutMillis,
      long instanceWaitMillis,
      String owner,
      boolean prepareOnly) {}

  /** One table's state in this run. */
  static final class TableState {
    final TableInfo info;
    volatile String state; // waiting, copying, complete, refused, failed, stopped, elsewhere
    volatile String reason;
    volatile long rowsCopied;
    volatile long rowsThisRun;
    volatile long estimate;
    volatile long startNanos;
    volatile long endNanos;
    volatile String leasedBy;
    boolean taken;

    TableState(TableInfo info) {
      this.info = info;
      this.estimate = info.rowsEstimate();
      this.state = "waiting";
    }

    boolean terminal() {
      return switch (state) {
        case "complete", "refused", "failed", "stopped" -> true;
        default -> false;
      };
    }
  }

  private final ControlStore store;
  private final Connector connector;
  private final Options options;
  private final Listener listener;
  private final LongSupplier nanoTime;
  private final Map<String, TableState> states = new LinkedHashMap<>();
  private volatile boolean stop;
  private volatile String stopReason;
  private long nextFreeNanos;
  private volatile long lastPhaseCheck;

  Backfiller(
      ControlStore store,
      Connector connector,
      Options options,
      Listener listener,
      LongSupplier nanoTime) {
    this.store = store;
    this.connector = connector;
    this.options = options;
    this.listener = listener;
    this.nanoTime = nanoTime;
  }

  /** Asks the workers to stop after their current chunk (Ctrl-C). */
  void stop(String why) {
    if (stopReason == null) {
      stopReason = why;
    }
    stop = true;
  }

  /** The refusal of a run outside DUAL_WRITE, or empty when the phase allows one. */
  static Optional<String> phaseRefusal(Optional<StoredFlags> flags) {
    return phaseRefusal(flags, false);
  }

  /**
   * With {@code prepareOnly}, MYSQL_ONLY is allowed too: registering the tables before the fleet
   * moves to DUAL_WRITE keeps its first mirrored writes of rows not copied yet from being recorded
   * as discrepancies.
   */
  static Optional<String> phaseRefusal(Optional<StoredFlags> flags, boolean prepareOnly) {
    if (prepareOnly && (flags.isEmpty() || flags.get().phase() == Phase.MYSQL_ONLY)) {
      return Optional.empty();
    }
    if (flags.isEmpty()) {
      return Optional.of(
          "no application instance has created the fleet's flags in the control store yet: start"
              + " the application in DUAL_WRITE with dualwrite.control set (or run set-phase"
              + " DUAL_WRITE), so its writes are mirrored while rows are copied");
    }
    Phase phase = flags.get().phase();
    if (phase != Phase.DUAL_WRITE) {
      return Optional.of(
          "the fleet is in phase "
              + phase
              + "; a backfill copies rows while the application's writes are mirrored from MySQL"
              + " to PostgreSQL, which happens only in DUAL_WRITE (run set-phase DUAL_WRITE first)");
    }
    return Optional.empty();
  }

  /** Copies {@code tables} in this order (parents before children); returns every table's state. */
  List<TableState> run(List<TableInfo> tables) throws SQLException {
    for (TableInfo t : tables) {
      TableState s = new TableState(t);
      states.put(t.storeName(), s);
      if (t.problem() != null) {
        s.state = "refused";
        s.reason = t.problem();
      }
    }
    boolean registered = register();
    if ((registered || options.prepareOnly()) && !awaitInstances()) {
      for (TableState s : states.values()) {
        if (!s.terminal()) {
          s.state = "stopped";
          s.reason =
              "not every live application instance confirmed it knows the tables being backfilled"
                  + " within "
                  + options.instanceWaitMillis() / 1000
                  + " s; nothing was copied (run again with --resume)";
        }
      }
      return new ArrayList<>(states.values());
    }
    if (options.prepareOnly()) {
      for (TableState s : states.values()) {
        if (!s.terminal()) {
          s.state = "registered";
        }
      }
      return new ArrayList<>(states.values());
    }
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      Thread w = new Thread(this::work, "dualwrite-backfill-" + (i + 1));
      w.setDaemon(true);
      workers.add(w);
      w.start();
    }
    try {
      for (Thread w : workers) {
        while (w.isAlive()) {
          w.join(1000);
          listener.progress(snapshot());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop("interrupted");
    }
    for (TableState s : states.values()) {
      if (!s.terminal()) {
        s.state = "stopped";
        s.reason = stopReason == null ? "another process is copying it" : stopReason;
      }
    }
    listener.progress(snapshot());
    return new ArrayList<>(states.values());
  }

  private synchronized List<TableState> snapshot() {
    return new ArrayList<>(states.values());
  }

  /**
   * Registers each table's key range in the control store (or finds it there with --resume).
   *
   * @return whether a table was registered now (then instances must learn of it before copying)
   */
  private boolean register() throws SQLException {
    boolean registered = false;
    for (TableState s : states.values()) {
      if (s.terminal()) {
        continue;
      }
      String name = s.info.storeName();
      List<BackfillPart> parts = store.backfillParts(name);
      if (parts.isEmpty()) {
        store.registerBackfillPart(name, 0, List.of(), List.of(), s.info.rowsEstimate());
        registered = true;
        continue;
      }
      boolean complete = parts.stream().allMatch(BackfillPart::complete);
      long copied = parts.stream().mapToLong(BackfillPart::rowsCopied).sum();
      s.rowsCopied = copied;
      if (complete && options.resume()) {
        s.state = "complete";
        s.reason = "already complete";
        continue;
      }
      if (complete) {
        if (!store.forgetBackfill(name)) {
          s.state = "refused";
          s.reason = "another process holds its lease";
          continue;
        }
        s.rowsCopied = 0;
        store.registerBackfillPart(name, 0, List.of(), List.of(), s.info.rowsEstimate());
        registered = true;
        continue;
      }
      boolean untouched =
          parts.stream()
              .allMatch(
                  p -> p.rowsCopied() == 0 && p.checkpoint().isEmpty() && p.leaseOwner() == null);
      if (!options.resume() && !untouched) {
        s.state = "refused";
        s.reason =
            "a backfill of this table was started and is not complete ("
                + copied
                + " rows copied): --resume continues it (or shares the work with the process"
                + " copying it)";
      }
    }
    return registered;
  }

  /**
   * Waits until every live instance wrote two heartbeats after the tables were registered: the
   * second one's refresh started after the first was written, so it read the registered tables
   * before it (ControlAgent reads them before each heartbeat). Instances stale or stopped are not
   * waited for.
   */
  private boolean awaitInstances() throws SQLException {
    Instant registeredAt = store.databaseNow();
    Map<String, Instant> firstAfter = new HashMap<>();
    long deadline =
        nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(options.instanceWaitMillis());
    while (true) {
      List<String> waiting = new ArrayList<>();
      for (InstanceStatus i : store.instances()) {
        if (i.stoppedAt() != null || i.millisSinceSeen() > 3L * i.refreshMillis()) {
          continue;
        }
        Instant first = firstAfter.get(i.instance());
        if (first == null) {
          if (i.lastSeen().isAfter(registeredAt)) {
            firstAfter.put(i.instance(), i.lastSeen());
          }
          waiting.add(i.instance());
        } else if (!i.lastSeen().isAfter(first)) {
          waiting.add(i.instance());
        }
      }
      if (waiting.isEmpty()) {
        return true;
      }
      if (stop || nanoTime.getAsLong() > deadline) {
        listener.note(
            "backfill: instances that did not confirm the tables being backfilled: "
                + String.join(", ", waiting));
        return false;
      }
      sleep(100);
    }
  }

  private void work() {
    ChunkCopier copier = null;
    try {
      while (!stop) {
        TableState next = pick();
        if (next == null) {
          if (allSettled()) {
            return;
          }
          sleep(Math.min(1000, Math.max(100, options.leaseMillis() / 4)));
          refreshOthers();
          continue;
        }
        try {
          if (copier == null) {
            copier = newCopier();
          }
          copyTable(next, copier);
        } catch (SQLException | RuntimeException e) {
          if (copier != null) {
            copier.close();
            copier = null;
          }
          synchronized (this) {
            next.state = "failed";
            next.reason = safe(e);
            next.endNanos = nanoTime.getAsLong();
          }
          releaseQuietly(next);
        } finally {
          synchronized (this) {
            next.taken = false;
          }
        }
      }
    } finally {
      if (copier != null) {
        copier.close();
      }
    }
  }

  private ChunkCopier newCopier() throws SQLException {
    Connection mysql = connector.mysql();
    Connection pg;
    try {
      pg = connector.postgres();
    } catch (SQLException e) {
      mysql.close();
      throw e;
    }
    return new ChunkCopier(mysql, pg, options.lockWaitSeconds(), options.pgLockTimeoutMillis());
  }

  private synchronized boolean allSettled() {
    for (TableState s : states.values()) {
      if (!s.terminal()) {
        return false;
      }
    }
    return true;
  }

  /** The next table this worker may copy, leased; null when none is free now. */
  private TableState pick() {
    List<TableState> candidates = new ArrayList<>();
    synchronized (this) {
      for (TableState s : states.values()) {
        if (s.terminal() || s.taken) {
          continue;
        }
        String failedParent = failedParent(s);
        if (failedParent != null) {
          s.state = "stopped";
          s.reason =
              "it references table "
                  + failedParent
                  + ", whose backfill did not complete (a referenced table is complete before the"
                  + " tables referencing it start)";
          continue;
        }
        if (!parentsComplete(s)) {
          continue;
        }
        candidates.add(s);
      }
    }
    for (TableState s : candidates) {
      synchronized (this) {
        if (s.taken || s.terminal()) {
          continue;
        }
        s.taken = true;
      }
      boolean leased;
      try {
        leased = store.leaseBackfill(s.info.storeName(), 0, options.owner(), options.leaseMillis());
      } catch (SQLException e) {
        leased = false;
      }
      if (leased) {
        return s;
      }
      synchronized (this) {
        s.taken = false;
        s.state = "elsewhere";
      }
    }
    return null;
  }

  private String failedParent(TableState s) {
    for (String parent : s.info.parents()) {
      TableState p = states.get(parent);
      if (p != null && p.terminal() && !"complete".equals(p.state)) {
        return p.info.mysqlName();
      }
    }
    return null;
  }

  /**
   * Whether the tables {@code s} references (in this run) are complete: a child table starts only
   * then, so a cascading delete of a parent on MySQL finds its copied children on PostgreSQL too.
   */
  private boolean parentsComplete(TableState s) {
    for (String parent : s.info.parents()) {
      TableState p = states.get(parent);
      if (p != null && !"complete".equals(p.state)) {
        return false;
      }
    }
    return true;
  }

  /** Tables another process is copying: complete when it finished them. */
  private void refreshOthers() {
    for (TableState s : snapshot()) {
      if (!"elsewhere".equals(s.state)) {
        continue;
      }
      try {
        List<BackfillPart> parts = store.backfillParts(s.info.storeName());
        long copied = parts.stream().mapToLong(BackfillPart::rowsCopied).sum();
        s.rowsCopied = copied;
        s.leasedBy = parts.isEmpty() ? null : parts.get(0).leaseOwner();
        if (!parts.isEmpty() && parts.stream().allMatch(BackfillPart::complete)) {
          s.state = "complete";
          s.reason = "copied by another process";
        }
      } catch (SQLException e) {
        // the next look will tell
      }
    }
  }

  private void copyTable(TableState s, ChunkCopier copier) throws SQLException {
    String name = s.info.storeName();
    BackfillPart part =
        store.backfillParts(name).stream()
            .filter(p -> p.part() == 0)
            .findFirst()
            .orElseThrow(() -> new SQLException("backfill part of " + name + " vanished"));
    List<String> after = part.checkpoint();
    long copied = part.rowsCopied();
    long chunks = part.chunks();
    synchronized (this) {
      s.state = "copying";
      s.rowsCopied = copied;
      s.startNanos = nanoTime.getAsLong();
      s.leasedBy = options.owner();
      if (s.estimate < copied) {
        s.estimate = copied;
      }
    }
    int limit = options.chunkRows();
    while (true) {
      if (stop) {
        releaseQuietly(s);
        synchronized (this) {
          s.state = "stopped";
          s.reason = stopReason;
          s.endNanos = nanoTime.getAsLong();
        }
        return;
      }
      checkPhase();
      if (stop) {
        continue;
      }
      waitForLoad(copier);
      ChunkCopier.Chunk chunk = null;
      int attempts = 0;
      while (chunk == null) {
        try {
          chunk = copier.copy(s.info, after, limit);
        } catch (SQLException e) {
          attempts++;
          if (!retryable(e) || attempts > 30 || stop) {
            throw e;
          }
          if (attempts % 2 == 0) {
            limit = Math.max(1, limit / 2);
          }
          sleep(Math.min(2000, 50L * attempts) + ThreadLocalRandom.current().nextInt(50));
        }
      }
      if (limit < options.chunkRows()) {
        limit = Math.min(options.chunkRows(), limit * 2);
      }
      throttle(chunk.rows());
      copied += chunk.rows();
      chunks++;
      after = chunk.lastKey();
      s.rowsCopied = copied;
      s.rowsThisRun += chunk.rows();
      if (s.estimate < copied) {
        s.estimate = copied;
      }
      if (chunk.reachedEnd()) {
        copier.keepSequenceAhead(s.info);
      }
      boolean held =
          store.checkpointBackfill(
              name,
              0,
              options.owner(),
              after,
              copied,
              chunks,
              options.leaseMillis(),
              chunk.reachedEnd());
      if (!held) {
        synchronized (this) {
          s.state = "elsewhere";
          s.reason = "its lease expired and another process took it over";
        }
        return;
      }
      if (chunk.reachedEnd()) {
        synchronized (this) {
          s.state = "complete";
          s.endNanos = nanoTime.getAsLong();
        }
        return;
      }
    }
  }

  /** Every few seconds: the fleet must still be in DUAL_WRITE, or copying stops. */
  private void checkPhase() {
    long now = nanoTime.getAsLong();
    if (now - lastPhaseCheck < TimeUnit.SECONDS.toNanos(2)) {
      return;
    }
    lastPhaseCheck = now;
    try {
      Optional<String> refusal = phaseRefusal(store.flags());
      if (refusal.isPresent()) {
        stop("stopped: " + refusal.get());
      }
    } catch (SQLException e) {
      // the control store is down: the next check tells; chunks stay correct meanwhile
    }
  }

  /** Pauses while MySQL's Threads_running is above the threshold (gh-ost's max-load). */
  private void waitForLoad(ChunkCopier copier) throws SQLException {
    if (options.maxThreadsRunning() <= 0) {
      return;
    }
    boolean said = false;
    while (!stop) {
      long running = copier.threadsRunning();
      if (running <= options.maxThreadsRunning()) {
        return;
      }
      if (!said) {
        listener.note(
            "backfill: pausing: MySQL Threads_running "
                + running
                + " is above "
                + options.maxThreadsRunning());
        said = true;
      }
      sleep(500);
    }
  }

  /** Keeps the whole process under --max-rows-per-second. */
  private void throttle(int rows) {
    if (options.maxRowsPerSecond() <= 0 || rows == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      long cost = TimeUnit.SECONDS.toNanos(1) * rows / options.maxRowsPerSecond();
      nextFreeNanos = Math.max(nextFreeNanos, now) + cost;
      wait = nextFreeNanos - now - cost;
    }
    if (wait > 0) {
      sleep(TimeUnit.NANOSECONDS.toMillis(wait));
    }
  }

  static boolean retryable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState() == null ? "" : s.getSQLState();
        int code = s.getErrorCode();
        if (code == 1205
            || code == 1213
            || state.equals("40001")
            || state.equals("40P01")
            || state.equals("55P03")) {
          return true;
        }
      }
    }
    return false;
  }

  private void releaseQuietly(TableState s) {
    try {
      store.releaseBackfill(s.info.storeName(), 0, options.owner());
    } catch (SQLException ignored) {
      // the lease expires on its own
    }
  }

  /** An error without data values: SQLState and the message with literals hidden. */
  static String safe(Throwable e) {
    String state = e instanceof SQLException s && s.getSQLState() != null ? s.getSQLState() : null;
    String text = SafeText.error(e);
    return (state == null ? "" : "[" + state + "] ") + text;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** MySQL's Threads_running (used by {@link ChunkCopier#threadsRunning()}). */
  static long threadsRunning(Connection mysql) throws SQLException {
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_running'")) {
      return rs.next() ? rs.getLong(2) : 0;
    }
  }
}
