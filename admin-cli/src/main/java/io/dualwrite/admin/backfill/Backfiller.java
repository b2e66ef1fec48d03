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
 * Runs a backfill: registers the tables in the control store (each as one key range, or as {@code
 * --parts} ranges cut at primary-key boundaries by {@link KeySplit}), waits until every live
 * instance of the application knows them, then copies them with worker threads, each part leased to
 * one process at a time and checkpointed after every chunk; a table is complete when all its parts
 * are. See {@link ChunkCopier} for one chunk and docs/consistency.md ("Backfill") for why the
 * result equals MySQL.
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
      boolean prepareOnly,
      int parts) {}

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
    volatile int partsCompletedHere;
    final List<PartState> parts = new ArrayList<>();

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

  /** One key range of a table ({@code dualwrite_backfill} row) in this run. */
  static final class PartState {
    final int part;
    volatile String state; // waiting, copying, complete, failed, stopped, elsewhere
    volatile String reason;
    volatile long rowsCopied;
    volatile String leasedBy;
    boolean taken;

    /** Whether a lease may be free: not seen held by another process since the last look. */
    volatile boolean mayLease = true;

    PartState(BackfillPart row) {
      this.part = row.part();
      this.state = row.complete() ? "complete" : "waiting";
      this.rowsCopied = row.rowsCopied();
      this.leasedBy = row.leaseOwner();
    }

    boolean terminal() {
      return switch (state) {
        case "complete", "failed", "stopped" -> true;
        default -> false;
      };
    }
  }

  /** A part a worker leased. */
  private record Pick(TableState table, PartState part) {}

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
   * Registers each table's key ranges in the control store (or finds them there with --resume): one
   * range, or {@link Options#parts()} cut at primary-key boundaries. A table registered already
   * keeps its ranges (whichever process registered it first).
   *
   * @return whether a table may have been registered moments ago (then instances must learn of it
   *     before copying): by this process, or untouched yet by the one that registered it
   */
  private boolean register() throws SQLException {
    boolean fresh = false;
    Connection mysql = null;
    try {
      for (TableState s : states.values()) {
        if (s.terminal()) {
          continue;
        }
        String name = s.info.storeName();
        List<BackfillPart> parts = store.backfillParts(name);
        boolean complete = !parts.isEmpty() && parts.stream().allMatch(BackfillPart::complete);
        if (complete && options.resume()) {
          attach(s, parts);
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
          parts = List.of();
        }
        if (parts.isEmpty()) {
          List<List<String>> bounds = List.of();
          if (options.parts() > 1) {
            if (mysql == null) {
              mysql = connector.mysql();
            }
            bounds = KeySplit.boundaries(mysql, s.info, options.parts());
          }
          store.registerBackfillParts(name, bounds, s.info.rowsEstimate());
          fresh = true; // by this process, or by another one a moment ago
          attach(s, store.backfillParts(name));
          continue;
        }
        long copied = parts.stream().mapToLong(BackfillPart::rowsCopied).sum();
        boolean untouched =
            parts.stream()
                .allMatch(
                    p -> p.rowsCopied() == 0 && p.checkpoint().isEmpty() && p.leaseOwner() == null);
        if (!options.resume() && !untouched) {
          s.rowsCopied = copied;
          s.state = "refused";
          s.reason =
              "a backfill of this table was started and is not complete ("
                  + copied
                  + " rows copied): --resume continues it (or shares the work with the process"
                  + " copying it)";
          continue;
        }
        fresh |= untouched;
        attach(s, parts);
      }
    } finally {
      if (mysql != null) {
        mysql.close();
      }
    }
    return fresh;
  }

  /** Takes a table's parts as the control store has them. */
  private synchronized void attach(TableState s, List<BackfillPart> rows) throws SQLException {
    if (rows.isEmpty()) {
      throw new SQLException("the backfill parts of " + s.info.mysqlName() + " vanished");
    }
    s.parts.clear();
    for (BackfillPart row : rows) {
      s.parts.add(new PartState(row));
    }
    settle(s);
  }

  /**
   * A table's state from its parts': complete when all are; copying while this process copies one;
   * failed or stopped when every part ended and one did not complete.
   */
  private synchronized void settle(TableState s) {
    if (s.parts.isEmpty() || "refused".equals(s.state)) {
      return;
    }
    long copied = 0;
    boolean allComplete = true;
    boolean allEnded = true;
    boolean copying = false;
    boolean elsewhere = false;
    PartState failed = null;
    PartState stopped = null;
    for (PartState p : s.parts) {
      copied += p.rowsCopied;
      allComplete &= "complete".equals(p.state);
      allEnded &= p.terminal();
      copying |= "copying".equals(p.state);
      elsewhere |= "elsewhere".equals(p.state);
      if (failed == null && "failed".equals(p.state)) {
        failed = p;
      }
      if (stopped == null && "stopped".equals(p.state)) {
        stopped = p;
      }
    }
    s.rowsCopied = copied;
    if (s.estimate < copied) {
      s.estimate = copied;
    }
    boolean wasEnded = s.terminal();
    if (allComplete) {
      s.state = "complete";
      if (s.reason == null && s.partsCompletedHere == 0) {
        s.reason = "copied by another process";
      }
    } else if (copying) {
      s.state = "copying";
    } else if (allEnded) {
      PartState why = failed != null ? failed : stopped;
      s.state = why.state;
      s.reason = (s.parts.size() > 1 ? "part " + why.part + ": " : "") + why.reason;
    } else {
      s.state = elsewhere ? "elsewhere" : "waiting";
    }
    if (s.terminal() && !wasEnded) {
      s.endNanos = nanoTime.getAsLong();
    }
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
        Pick next = pick();
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
          copyPart(next.table(), next.part(), copier);
        } catch (SQLException | RuntimeException e) {
          if (copier != null) {
            copier.close();
            copier = null;
          }
          synchronized (this) {
            next.part().state = "failed";
            next.part().reason = safe(e);
            settle(next.table());
          }
          releaseQuietly(next.table(), next.part());
        } finally {
          synchronized (this) {
            next.part().taken = false;
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

  /**
   * The next part this worker may copy, leased; null when none is free now. Parts no other process
   * was seen holding come first; a part seen leased elsewhere is tried again, and taken over once
   * its lease expired.
   */
  private Pick pick() {
    List<Pick> candidates = new ArrayList<>();
    List<Pick> heldElsewhere = new ArrayList<>();
    synchronized (this) {
      for (TableState s : states.values()) {
        if (s.terminal()) {
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
        for (PartState p : s.parts) {
          if (p.terminal() || p.taken || !p.mayLease) {
            continue;
          }
          ("elsewhere".equals(p.state) ? heldElsewhere : candidates).add(new Pick(s, p));
        }
      }
    }
    candidates.addAll(heldElsewhere);
    for (Pick c : candidates) {
      synchronized (this) {
        if (c.part().taken || c.part().terminal()) {
          continue;
        }
        c.part().taken = true;
      }
      boolean leased;
      try {
        leased =
            store.leaseBackfill(
                c.table().info.storeName(), c.part().part, options.owner(), options.leaseMillis());
      } catch (SQLException e) {
        leased = false;
      }
      if (leased) {
        return c;
      }
      synchronized (this) {
        c.part().taken = false;
        c.part().state = "elsewhere";
        c.part().mayLease = false; // until a look at the store finds its lease expired
        settle(c.table());
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

  /**
   * Parts another process is copying: complete when it finished them, to be tried again when their
   * lease expired (the store's clock says so).
   */
  private void refreshOthers() {
    for (TableState s : snapshot()) {
      boolean any;
      synchronized (this) {
        any = s.parts.stream().anyMatch(p -> "elsewhere".equals(p.state));
      }
      if (!any) {
        continue;
      }
      try {
        List<BackfillPart> rows = store.backfillParts(s.info.storeName());
        synchronized (this) {
          for (BackfillPart row : rows) {
            for (PartState p : s.parts) {
              if (p.part != row.part() || !"elsewhere".equals(p.state)) {
                continue;
              }
              p.rowsCopied = row.rowsCopied();
              p.leasedBy = row.leaseOwner();
              p.mayLease = row.leaseExpired();
              if (row.complete()) {
                p.state = "complete";
                p.reason = "copied by another process";
              }
            }
          }
          s.leasedBy =
              rows.stream()
                  .map(BackfillPart::leaseOwner)
                  .filter(o -> o != null)
                  .findFirst()
                  .orElse(null);
          settle(s);
        }
      } catch (SQLException e) {
        // the next look will tell
      }
    }
  }

  /**
   * Copies one part from its checkpoint (or its start) to its end, chunk by chunk. The part's last
   * chunk moves PostgreSQL's sequence before the part is marked complete: every part does, so the
   * last move of a table comes after all its chunks, and before the table counts as complete.
   */
  private void copyPart(TableState s, PartState part, ChunkCopier copier) throws SQLException {
    String name = s.info.storeName();
    BackfillPart row =
        store.backfillParts(name).stream()
            .filter(p -> p.part() == part.part)
            .findFirst()
            .orElseThrow(
                () -> new SQLException("backfill part " + part.part + " of " + name + " vanished"));
    List<String> after = row.checkpoint().isEmpty() ? row.rangeStart() : row.checkpoint();
    List<String> upTo = row.rangeEnd();
    long copied = row.rowsCopied();
    long chunks = row.chunks();
    synchronized (this) {
      part.state = "copying";
      part.rowsCopied = copied;
      part.leasedBy = options.owner();
      s.leasedBy = options.owner();
      if (s.startNanos == 0) {
        s.startNanos = nanoTime.getAsLong();
      }
      settle(s);
    }
    int limit = options.chunkRows();
    while (true) {
      if (stop) {
        releaseQuietly(s, part);
        synchronized (this) {
          part.state = "stopped";
          part.reason = stopReason;
          settle(s);
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
          chunk = copier.copy(s.info, after, upTo, limit);
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
      synchronized (this) {
        part.rowsCopied = copied;
        s.rowsThisRun += chunk.rows();
        settle(s);
      }
      if (chunk.reachedEnd()) {
        copier.keepSequenceAhead(s.info);
      }
      boolean held =
          store.checkpointBackfill(
              name,
              part.part,
              options.owner(),
              after,
              copied,
              chunks,
              options.leaseMillis(),
              chunk.reachedEnd());
      if (!held) {
        synchronized (this) {
          part.mayLease = false;
          part.state = "elsewhere";
          part.reason = "its lease expired and another process took it over";
          settle(s);
        }
        return;
      }
      if (chunk.reachedEnd()) {
        synchronized (this) {
          part.state = "complete";
          s.partsCompletedHere++;
          settle(s);
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

  private void releaseQuietly(TableState s, PartState part) {
    try {
      store.releaseBackfill(s.info.storeName(), part.part, options.owner());
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
