package io.dualwrite.driver.control;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.config.Redaction;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.driver.routing.Flags;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.driver.runtime.SideHealth;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One runtime's link to the control store (contract section 4). Every {@code
 * dualwrite.refreshMillis}, on the runtime's scheduler thread (never the application's), it:
 *
 * <ol>
 *   <li>reads the flags row (one small query) and, when its version differs from the runtime's,
 *       calls {@link DriverRuntime#setFlags}; connections take it at their next transaction
 *       boundary;
 *   <li>writes the discrepancies and drift buffered since the last refresh, in one transaction;
 *   <li>reads the fleet's drifted tables, so reads of a table drifted by any instance go to the
 *       authoritative side, and forgets tables repaired since;
 *   <li>reads the tables {@code dualwrite-admin backfill} is copying ({@code dualwrite_backfill});
 *       see {@link io.dualwrite.driver.discrepancy.BackfillTables};
 *   <li>writes its heartbeat: applied version, breaker states, counts, the last outage.
 * </ol>
 *
 * <p>The first refresh runs when the runtime starts, before the first connection is handed out, so
 * an instance starting in a fleet that moved on never writes under stale flags: the stored flags
 * win over the starting properties, which only create the row if there is none. When the store
 * cannot be reached, the runtime keeps its last flags, the outage is logged once (and its end
 * once), and the next successful heartbeat records it. Nothing the application does waits for the
 * store.
 */
public final class ControlAgent implements AutoCloseable, WriteWindows.StopPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ControlAgent.class);

  /** Distinct kind + fingerprint groups held per flush window before records are dropped. */
  static final int MAX_GROUPS = 1000;

  /** Drift (table, key) pairs held per flush window before whole tables are marked instead. */
  static final int MAX_DRIFT_KEYS = 50_000;

  /** How long a discrepancy row keeps collecting occurrences before a new row is started. */
  static final long ROW_WINDOW_MILLIS = 10 * 60_000L;

  private static final int MAX_OPEN_ROWS = 1000;

  private static final ControlAgent DISABLED = new ControlAgent();

  private final DriverRuntime runtime;
  private final ControlStore store;
  private final DiscrepancyBuffer buffer;
  private final String instance;
  private final long startedAtMillis = System.currentTimeMillis();
  private final Map<DiscrepancyBuffer.GroupKey, ControlStore.OpenRow> openRows =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
            Map.Entry<DiscrepancyBuffer.GroupKey, ControlStore.OpenRow> eldest) {
          return size() > MAX_OPEN_ROWS;
        }
      };
  private ScheduledFuture<?> task;
  private final WrittenTables written;
  private final AtomicBoolean announcePending = new AtomicBoolean();

  // State below is touched only inside synchronized cycle()/close().
  private boolean schemaReady;
  private boolean firstHeartbeatDone;
  private boolean closed;
  private Long outageStartMillis;
  private int outages;
  private Long lastOutageStartMillis;
  private Long lastOutageEndMillis;
  private String lastOutageError;
  private String flagsError;
  private long flagsErrorVersion = Long.MIN_VALUE;
  private Set<String> fleetDrift = new HashSet<>();
  private final Set<String> persistedDrift = new HashSet<>();

  private ControlAgent() {
    this.runtime = null;
    this.store = null;
    this.buffer = null;
    this.instance = null;
    this.written = null;
    this.closed = true;
  }

  private ControlAgent(DriverRuntime runtime, ControlStore store, int maxGroups, int maxDriftKeys) {
    this.runtime = runtime;
    this.store = store;
    this.instance = runtime.config().instance();
    this.written = runtime.writtenTables();
    this.buffer =
        new DiscrepancyBuffer(
            maxGroups, maxDriftKeys, DiscrepancyBuffer.driftInference(runtime.drift()));
  }

  /**
   * Starts the control store link of {@code runtime} as its configuration says ({@code
   * dualwrite.control}); an inert agent for {@code none}. Runs the first refresh on the calling
   * thread, bounded by the pool's two-second connection timeout, then schedules the rest.
   */
  public static ControlAgent start(DriverRuntime runtime) {
    DualWriteConfig config = runtime.config();
    if (config.controlMode() == DualWriteConfig.ControlMode.NONE) {
      return DISABLED;
    }
    ControlLocation location;
    try {
      location = ControlLocation.of(config);
    } catch (SQLException e) {
      LOG.error(
          "dualwrite control store disabled for instance {}: {}; flags stay as configured",
          Redaction.oneLine(config.instance()),
          Redaction.url(SafeText.error(e)));
      return DISABLED;
    }
    ControlStore store =
        ControlStore.forRuntime(
            location, runtime.vendors(), "dualwrite-control-" + poolSuffix(config.instance()));
    return start(runtime, store, MAX_GROUPS, MAX_DRIFT_KEYS);
  }

  /** Starts an agent over a given store and buffer sizes (tests). */
  static ControlAgent start(
      DriverRuntime runtime, ControlStore store, int maxGroups, int maxDriftKeys) {
    ControlAgent agent = new ControlAgent(runtime, store, maxGroups, maxDriftKeys);
    runtime.recorder().addSink(agent.buffer);
    agent.written.onNewTable(agent::wake);
    agent.cycle();
    long every = runtime.config().refreshMillis();
    agent.task =
        runtime
            .scheduler()
            .scheduleWithFixedDelay(agent::cycle, every, every, TimeUnit.MILLISECONDS);
    return agent;
  }

  /** Whether this agent talks to a control store ({@code false} for {@code control=none}). */
  public boolean enabled() {
    return store != null;
  }

  /** The store this agent writes to; null when disabled. */
  ControlStore store() {
    return store;
  }

  DiscrepancyBuffer buffer() {
    return buffer;
  }

  /** One refresh: flags, discrepancies and drift, fleet drift, heartbeat. */
  synchronized void cycle() {
    if (closed) {
      return;
    }
    try {
      if (!schemaReady) {
        store.ensureSchema();
        schemaReady = true;
      }
      Flags current = runtime.flags();
      StoredFlags stored;
      try {
        stored =
            store.flagsOrCreate(
                current.phase(),
                current.readPercent(),
                current.comparePercent(),
                "instance " + instance + " (starting properties)");
      } catch (SQLException e) {
        if (!"22023".equals(e.getSQLState())) {
          throw e;
        }
        stored = null;
        refuse(Long.MIN_VALUE + 1, e.getMessage());
      }
      endOutage();
      if (stored != null) {
        apply(stored);
      }
      flush();
      syncDrift();
      syncBackfill();
      heartbeat(false);
      openCrashDrift();
    } catch (SQLException | RuntimeException e) {
      outage(e);
    }
  }

  /**
   * A write named a table not yet published: publish it now from the scheduler thread (never the
   * application's), without waiting for the next refresh. Coalesced: at most one announcement is
   * queued.
   */
  private void wake() {
    if (!announcePending.compareAndSet(false, true)) {
      return;
    }
    try {
      runtime.scheduler().execute(this::announce);
    } catch (RejectedExecutionException e) {
      announcePending.set(false); // runtime closing
    }
  }

  synchronized void announce() {
    announcePending.set(false);
    if (closed || !schemaReady || !firstHeartbeatDone || outageStartMillis != null) {
      return; // the next refresh publishes them
    }
    try {
      store.announce(instance, written.peek());
    } catch (SQLException | RuntimeException e) {
      outage(e);
    }
  }

  /** Turns the written tables of instances that died (stale, no clean stop) into drift. */
  private void openCrashDrift() throws SQLException {
    for (ControlStore.CrashDrift crash : store.openCrashDrift()) {
      LOG.warn(
          "dualwrite instance {} stopped heartbeating at {} without a clean stop; drift opened on"
              + " the tables it was writing: {} (dualwrite-admin repair covers them)",
          Redaction.oneLine(crash.instance()),
          crash.lastSeen(),
          Redaction.oneLine(String.join(", ", crash.tables())));
    }
  }

  private void apply(StoredFlags stored) {
    Flags current = runtime.flags();
    Flags next = stored.toFlags();
    if (next.equals(current)) {
      flagsError = null;
      flagsErrorVersion = Long.MIN_VALUE;
      return;
    }
    if (next.phase().usesPostgres() && runtime.config().postgresUrl() == null) {
      refuse(
          stored.version(),
          "phase "
              + next.phase()
              + " (flags version "
              + stored.version()
              + ") needs dualwrite.postgres.url, which this instance does not have");
      return;
    }
    runtime.setFlags(next);
    flagsError = null;
    flagsErrorVersion = Long.MIN_VALUE;
    LOG.info(
        "dualwrite flags version {} applied by {}: phase {}, readPercent {}, comparePercent {}"
            + " (set by {})",
        stored.version(),
        Redaction.oneLine(instance),
        next.phase(),
        next.readPercent(),
        next.comparePercent(),
        Redaction.oneLine(stored.updatedBy()));
  }

  /** The stored flags cannot be applied: keep the current ones, say so once per version. */
  private void refuse(long version, String why) {
    flagsError = Redaction.oneLine(why);
    if (flagsErrorVersion != version) {
      flagsErrorVersion = version;
      LOG.error(
          "dualwrite instance {} keeps flags version {}: {}",
          Redaction.oneLine(instance),
          runtime.flags().version(),
          flagsError);
    }
  }

  private void flush() throws SQLException {
    DiscrepancyBuffer.Batch batch = buffer.drain();
    if (batch.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    openRows.values().removeIf(r -> now - r.openedAtMillis() > ROW_WINDOW_MILLIS);
    try {
      store.writeBatch(batch, instance, openRows);
    } catch (SQLException | RuntimeException e) {
      buffer.requeue(batch);
      throw e;
    }
    for (DiscrepancyBuffer.DriftKey k : batch.drift()) {
      persistedDrift.add(k.table());
    }
  }

  /**
   * Makes the local drift view the fleet's: opens every table drifted in the store, and clears the
   * tables that were in the store (or written by this instance) and are no longer, i.e. repaired,
   * unless drift for them is waiting to be written. Tables drifted locally and not yet written are
   * never cleared here.
   */
  private void syncDrift() throws SQLException {
    Set<String> fleet = store.driftTables();
    DriftTracker drift = runtime.drift();
    for (String table : fleet) {
      if (!drift.anyDrifted(List.of(table))) {
        drift.open(List.of(table), List.of());
      }
    }
    Set<String> repaired = new HashSet<>(fleetDrift);
    repaired.addAll(persistedDrift);
    repaired.removeAll(fleet);
    if (!repaired.isEmpty()) {
      repaired.removeAll(buffer.pendingDriftTables());
      for (String table : repaired) {
        drift.clear(table);
        LOG.info(
            "dualwrite drift of table {} cleared in the control store; reads may use both sides"
                + " again",
            Redaction.oneLine(table));
      }
    }
    fleetDrift = fleet;
    persistedDrift.clear();
  }

  /**
   * Takes the tables {@code dualwrite-admin backfill} has not finished, before the heartbeat: a
   * heartbeat written by a refresh that started after a table was registered proves this instance
   * knows it (the backfill waits for that before copying).
   */
  private void syncBackfill() throws SQLException {
    Set<String> tables = store.incompleteBackfillTables();
    if (!tables.equals(runtime.backfill().tables())) {
      runtime.backfill().replaceWith(tables);
      LOG.info(
          "dualwrite instance {}: tables being backfilled: {}",
          Redaction.oneLine(instance),
          Redaction.oneLine(tables.isEmpty() ? "none" : String.join(", ", tables)));
    }
  }

  private void heartbeat(boolean stopped) throws SQLException {
    if (!firstHeartbeatDone) {
      List<String> previous = store.openDriftOfPrevious(instance, startedAtMillis);
      if (!previous.isEmpty()) {
        LOG.warn(
            "dualwrite instance {}: its previous process did not stop cleanly; drift opened on the"
                + " tables it was writing: {}",
            Redaction.oneLine(instance),
            Redaction.oneLine(String.join(", ", previous)));
      }
    }
    Flags flags = runtime.flags();
    SideHealth health = runtime.health();
    Phase phase = flags.phase();
    String mirror =
        phase.mirrorsWrites() ? breaker(health, phase.authoritative().other()) : "NOT_MIRRORING";
    store.heartbeat(
        new Heartbeat(
            instance,
            startedAtMillis,
            runtime.config().refreshMillis(),
            flags.version(),
            phase,
            flags.readPercent(),
            flags.comparePercent(),
            breaker(health, Side.MYSQL),
            breaker(health, Side.POSTGRES),
            mirror,
            buffer.accepted(),
            buffer.droppedTotal(),
            runtime.drift().size(),
            outages,
            lastOutageStartMillis,
            lastOutageEndMillis,
            lastOutageError,
            flagsError,
            stopped ? List.of() : written.rotate(),
            stopped));
    firstHeartbeatDone = true;
  }

  private static String breaker(SideHealth health, Side side) {
    return health.breaker(side).getState().name();
  }

  private void outage(Exception e) {
    if (outageStartMillis != null) {
      return;
    }
    outageStartMillis = System.currentTimeMillis();
    outages++;
    lastOutageError = reason(e);
    Flags flags = runtime.flags();
    LOG.warn(
        "dualwrite control store {} unreachable from instance {}: {}; keeping flags version {}"
            + " (phase {}, readPercent {}, comparePercent {}) and retrying every {} ms",
        store.describe(),
        Redaction.oneLine(instance),
        lastOutageError,
        flags.version(),
        flags.phase(),
        flags.readPercent(),
        flags.comparePercent(),
        runtime.config().refreshMillis());
  }

  private void endOutage() {
    if (outageStartMillis == null) {
      return;
    }
    long now = System.currentTimeMillis();
    lastOutageStartMillis = outageStartMillis;
    lastOutageEndMillis = now;
    outageStartMillis = null;
    LOG.info(
        "dualwrite control store {} reachable again from instance {} after {} ms",
        store.describe(),
        Redaction.oneLine(instance),
        now - lastOutageStartMillis);
  }

  /** Why the store failed, on one line: the pool's timeout says less than the driver's cause. */
  static String reason(Throwable e) {
    Throwable t = e;
    if (t instanceof SQLTransientConnectionException && t.getCause() != null) {
      t = t.getCause();
    }
    String state = t instanceof SQLException s && s.getSQLState() != null ? s.getSQLState() : null;
    String message = t.getMessage() == null ? "" : t.getMessage();
    int nl = message.indexOf('\n');
    if (nl >= 0) {
      message = message.substring(0, nl);
    }
    message = Redaction.url(SafeText.message(message));
    String text =
        t.getClass().getSimpleName() + (state == null ? "" : " " + state) + ": " + message;
    return ControlStore.clip(Redaction.oneLine(text), 500);
  }

  private static String poolSuffix(String instance) {
    return instance.replaceAll("[^A-Za-z0-9_.:-]", "_");
  }

  /**
   * Stops refreshing; writes what is buffered and a last heartbeat, marked as a clean stop, if the
   * store was reachable at the last refresh; closes the pool.
   */
  @Override
  public void close() {
    close(true);
  }

  private void close(boolean clean) {
    if (store == null) {
      return;
    }
    runtime.recorder().removeSink(buffer);
    synchronized (this) {
      if (closed) {
        return;
      }
      publishStop(clean);
      closed = true;
    }
    store.close();
  }

  /**
   * At JVM exit ({@link WriteWindows#atExit}): stops refreshing; writes what is buffered and a
   * heartbeat that marks a clean stop or, with {@code clean} false (a write may still be between
   * its two sides), keeps the written tables published and the stop unmarked, so the fleet opens
   * drift on them once the heartbeat is stale. May be called again (a write after a clean stop
   * takes it back); the store stays open for that, and discrepancies recorded meanwhile are
   * buffered and written with the next call.
   */
  @Override
  public synchronized void publishStop(boolean clean) {
    if (closed) {
      return;
    }
    if (task != null) {
      task.cancel(false);
    }
    if (schemaReady && outageStartMillis == null) {
      try {
        flush();
        heartbeat(clean);
      } catch (SQLException | RuntimeException e) {
        LOG.warn(
            "dualwrite instance {} could not write its last discrepancies to the control store:"
                + " {}",
            Redaction.oneLine(instance),
            reason(e));
      }
    }
  }
}
