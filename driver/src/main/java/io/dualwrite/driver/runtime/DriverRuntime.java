package io.dualwrite.driver.runtime;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.config.Redaction;
import io.dualwrite.driver.control.ControlAgent;
import io.dualwrite.driver.control.WriteWindows;
import io.dualwrite.driver.control.WrittenTables;
import io.dualwrite.driver.discrepancy.DiscrepancyRecorder;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.driver.metrics.DriverMetrics;
import io.dualwrite.driver.metrics.GaugeSource;
import io.dualwrite.driver.mirror.PostgresDdl;
import io.dualwrite.driver.mirror.SequenceKeeper;
import io.dualwrite.driver.net.ExchangeDeadline;
import io.dualwrite.driver.routing.Flags;
import io.dualwrite.driver.vendor.PostgresKeyColumns;
import io.dualwrite.driver.vendor.PostgresResultShapes;
import io.dualwrite.rewriter.Collations;
import io.dualwrite.rewriter.InformationSchemaCatalog;
import io.dualwrite.rewriter.PostgresCapabilities;
import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.SchemaCatalog;
import io.dualwrite.rewriter.TableInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the connections of one configuration share: the rewriter and its schema catalog, the current
 * flags, the breakers, drift, discrepancy recording and metrics. One per configuration per class
 * loader (see {@link io.dualwrite.driver.Driver}) or per {@code DualWriteDataSource}.
 */
public final class DriverRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DriverRuntime.class);

  private final DualWriteConfig config;
  private final VendorDrivers vendors;
  private static final long RELOAD_ON_MISS_MILLIS = 5000;

  /**
   * At JVM exit, how long beyond {@code mirrorTimeoutMillis} the exit hook waits for writes in
   * flight to reach both sides before it publishes an unclean stop (a mirrored statement in flight
   * ends within about the mirror timeout once its authoritative statement ran).
   */
  private static final long EXIT_WAIT_EXTRA_MILLIS = 1000;

  private final DelegatingCatalog catalog = new DelegatingCatalog();
  private final Rewriter rewriter;
  private final SideHealth health;
  private final DriftTracker drift = new DriftTracker();
  private final io.dualwrite.driver.discrepancy.BackfillTables backfill =
      new io.dualwrite.driver.discrepancy.BackfillTables();
  private final SequenceKeeper sequences = new SequenceKeeper();
  private final PostgresDdl postgresDdl = new PostgresDdl();
  private final PostgresKeyColumns postgresKeyColumns = new PostgresKeyColumns();
  private final PostgresResultShapes resultShapes;
  private final DriverMetrics metrics;
  private final DiscrepancyRecorder recorder;
  private final ScheduledExecutorService scheduler;
  private final ControlAgent control;
  private final WrittenTables writtenTables = new WrittenTables();
  private final WriteWindows windows = new WriteWindows(writtenTables);
  private final PreparedTransactions preparedTransactions;
  private volatile Flags flags;

  public DriverRuntime(DualWriteConfig config, Object meterRegistry) {
    this(config, meterRegistry, new VendorDrivers());
  }

  /** A runtime over the given vendor drivers (benchmarks and tests use stub drivers). */
  public DriverRuntime(DualWriteConfig config, Object meterRegistry, VendorDrivers vendors) {
    this.config = config;
    this.vendors = vendors;
    this.flags =
        new Flags(config.phase(), config.readPercent(), config.comparePercent(), /* version */ 0);
    this.rewriter = Rewriter.builder().catalog(catalog).build();
    this.resultShapes = new PostgresResultShapes(rewriter.catalog(), this::mysqlIsMariaDb);
    this.health = new SideHealth(config.instance(), config.mirrorTimeoutMillis());
    this.preparedTransactions =
        new PreparedTransactions(config.instance(), config.mirrorTimeoutMillis());
    this.metrics = DriverMetrics.create(meterRegistry, config.instance());
    this.recorder = new DiscrepancyRecorder(config.instance(), drift, metrics);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dualwrite-runtime-" + config.instance());
              t.setDaemon(true);
              return t;
            });
    metrics.gauges(new Gauges());
    long probeMillis = 1000;
    scheduler.scheduleWithFixedDelay(
        this::probeUnhealthySide, probeMillis, probeMillis, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::commitLeftBehind, 5, 60, TimeUnit.SECONDS);
    // Last: reads the stored flags (they win over the starting properties) before the first
    // connection, then refreshes them on the scheduler; inert with dualwrite.control=none.
    this.control = ControlAgent.start(this);
    ExitFlush.register(this);
  }

  public DualWriteConfig config() {
    return config;
  }

  public VendorDrivers vendors() {
    return vendors;
  }

  public Rewriter rewriter() {
    return rewriter;
  }

  public SideHealth health() {
    return health;
  }

  /** Per SQL text, the MySQL labels and column types of its results served by PostgreSQL. */
  public PostgresResultShapes resultShapes() {
    return resultShapes;
  }

  /** Runs translated DDL on PostgreSQL, holding back foreign keys to tables not created yet. */
  public PostgresDdl postgresDdl() {
    return postgresDdl;
  }

  /** PostgreSQL's generated-key columns of tables MySQL's schema does not know. */
  public PostgresKeyColumns postgresKeyColumns() {
    return postgresKeyColumns;
  }

  public SequenceKeeper sequences() {
    return sequences;
  }

  public DriftTracker drift() {
    return drift;
  }

  /** The tables dualwrite-admin backfill is still copying (from the control store). */
  public io.dualwrite.driver.discrepancy.BackfillTables backfill() {
    return backfill;
  }

  public DiscrepancyRecorder recorder() {
    return recorder;
  }

  public DriverMetrics metrics() {
    return metrics;
  }

  private volatile boolean mysqlGetsWholeSeconds;

  /**
   * Learns, from a MySQL-side connection, whether Connector/J sends that server timestamps without
   * fractional seconds: it does for a server that announces a version older than 5.6.4, as MariaDB
   * does (5.5.5-10.11...). The mirror then sends PostgreSQL the same whole seconds.
   */
  public void noteMysqlServer(String productVersion) {
    mysqlGetsWholeSeconds = olderThanFractionalSeconds(productVersion);
    mysqlIsMariaDb = productVersion != null && productVersion.contains("MariaDB");
  }

  private volatile boolean mysqlIsMariaDb;

  /**
   * What PostgreSQL offers the translations ({@link PostgresCapabilities}: extensions, the
   * collation {@code dualwrite_ai_ci}, the collation UPPER/LOWER need), learnt once per runtime.
   */
  private volatile PostgresCapabilities postgres = PostgresCapabilities.NONE;

  private final java.util.concurrent.atomic.AtomicBoolean postgresExtensionsAsked =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * With the first catalog, before any statement is translated: PostgreSQL's extensions, over a
   * connection of their own within the deadline, unless PostgreSQL's breaker is open (then the
   * first PostgreSQL-side connection asks).
   */
  private void askPostgresExtensions() {
    if (!flags.phase().usesPostgres()
        || !health.isClosed(Side.POSTGRES)
        || !postgresExtensionsAsked.compareAndSet(false, true)) {
      return; // MYSQL_ONLY never touches PostgreSQL
    }
    long start = System.nanoTime();
    try (Connection pg =
        vendors.openPostgres(
            config.postgresUrl(), config.propertiesAsMirror(true), new ExchangeDeadline(true))) {
      pg.setNetworkTimeout(Runnable::run, config.mirrorTimeoutMillis());
      learnPostgresExtensions(pg);
    } catch (SQLException | RuntimeException e) {
      // a PostgreSQL that does not answer: the breaker learns it here, so the application's
      // first mirrored statement does not wait for it a second time
      if (flags.phase().authoritative() != Side.POSTGRES) {
        health.failure(Side.POSTGRES, System.nanoTime() - start, e);
      }
      postgresExtensionsAsked.set(false); // the first PostgreSQL-side connection asks again
      LOG.debug("cannot reach PostgreSQL to list its extensions: {}", e.toString());
    }
  }

  /**
   * Learns, once per runtime, from the first PostgreSQL-side connection, which extensions are
   * installed there (e.g. pgcrypto, which SHA1 needs; see the rewriter's function table), whether
   * it has the collation {@link Collations#AI_CI}, and the collation UPPER/LOWER need ({@link
   * Collations#CASE_MAPPING_SQL}). A server that cannot be asked counts as having none: what needs
   * one stays refused by name (or folds case only).
   */
  public void notePostgresExtensions(Connection pg) {
    if (!postgresExtensionsAsked.compareAndSet(false, true)) {
      return;
    }
    try {
      learnPostgresExtensions(pg);
    } catch (SQLException | RuntimeException e) {
      LOG.debug("cannot list PostgreSQL's extensions: {}", e.toString());
    }
  }

  private void learnPostgresExtensions(Connection pg) throws SQLException {
    PostgresCapabilities learnt = PostgresCapabilities.read(pg);
    if (!learnt.equals(PostgresCapabilities.NONE)) {
      postgres = learnt;
      catalog.extensionsLearnt();
    }
  }

  /**
   * Whether the MySQL side is MariaDB (its version names itself), learnt from the catalog's
   * connection (first use, before any translation) or the first MySQL-side application connection;
   * false (MySQL's behaviour) before either opened.
   */
  public boolean mysqlIsMariaDb() {
    return mysqlIsMariaDb;
  }

  /** Whether the MySQL side receives timestamps in whole seconds (see {@link #noteMysqlServer}). */
  public boolean mysqlGetsWholeSeconds() {
    return mysqlGetsWholeSeconds;
  }

  static boolean olderThanFractionalSeconds(String version) {
    if (version == null) {
      return false;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)").matcher(version);
    if (!m.find()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = Integer.parseInt(m.group(3));
    return major < 5 || (major == 5 && (minor < 6 || (minor == 6 && patch < 4)));
  }

  /** Tables written recently, published with the heartbeat (crash recovery). */
  public WrittenTables writtenTables() {
    return writtenTables;
  }

  /** The writes in flight between the two sides, for a clean stop at JVM exit. */
  public WriteWindows windows() {
    return windows;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** The fleet's current flags; connections apply them at their next transaction boundary. */
  public Flags flags() {
    return flags;
  }

  public void setFlags(Flags newFlags) {
    this.flags = newFlags;
  }

  /**
   * Loads the schema catalog from MySQL on first use. The catalog is read over a connection of its
   * own (opened and closed for each load), so it never depends on an application connection.
   */
  public void ensureCatalog() {
    if (!catalog.loaded()) {
      loadCatalog("first use");
    }
  }

  /** After DDL: re-read the catalog; cached translations of the old catalog are not used again. */
  public void schemaChanged() {
    postgresKeyColumns.clear();
    loadCatalog("DDL");
  }

  private void loadCatalog(String why) {
    if (!flags.phase().usesMysql() && !config.phase().usesMysql()) {
      return; // PG_ONLY: MySQL is gone; keep what was loaded
    }
    // In PG_PRIMARY MySQL is the other side: its schema is read within the deadline, like any
    // statement there, and not at all while its breaker is open, since this runs on the
    // application's thread (the first connection, DDL, an unknown table).
    boolean mysqlIsOther = flags.phase().authoritative() != Side.MYSQL;
    if (mysqlIsOther && !health.isClosed(Side.MYSQL)) {
      return;
    }
    synchronized (catalog) {
      if (mysqlIsOther && !health.isClosed(Side.MYSQL)) {
        return; // the load this thread waited for failed
      }
      long start = System.nanoTime();
      try (Connection mysql =
          vendors.openMysql(
              config.mysqlUrl(),
              mysqlIsOther ? config.propertiesAsMirror(false) : config.mysqlProperties(),
              new ExchangeDeadline(mysqlIsOther))) {
        if (mysqlIsOther) {
          mysql.setNetworkTimeout(Runnable::run, config.mirrorTimeoutMillis());
        }
        try {
          noteMysqlServer(mysql.getMetaData().getDatabaseProductVersion());
        } catch (SQLException | RuntimeException unknown) {
          // a driver that cannot say: the first application connection may
        }
        catalog.set(InformationSchemaCatalog.load(mysql, mysql.getCatalog()));
        askPostgresExtensions();
      } catch (SQLException | RuntimeException e) {
        if (mysqlIsOther) {
          health.failure(Side.MYSQL, System.nanoTime() - start, e);
        }
        LOG.warn(
            "cannot load the schema catalog from MySQL ({}); translating without it: {} {}",
            why,
            e.getClass().getSimpleName(),
            Redaction.url(SafeText.error(e)));
        LOG.debug("catalog load failure", e);
      }
    }
  }

  /** PostgreSQL's two-phase commit, as {@code PG_PRIMARY} uses it. */
  public PreparedTransactions preparedTransactions() {
    return preparedTransactions;
  }

  /**
   * In {@code PG_PRIMARY}, commits the transactions an instance prepared on PostgreSQL and left
   * behind when it died before {@code COMMIT PREPARED} (see {@link PreparedTransactions}): they
   * hold row locks until then. The tables they wrote are the dead instance's, opened as drift from
   * its last heartbeat.
   */
  private void commitLeftBehind() {
    if (flags.phase().authoritative() != Side.POSTGRES) {
      return;
    }
    try (Connection c =
        vendors.openPostgres(config.postgresUrl(), config.propertiesAsMirror(true))) {
      c.setNetworkTimeout(Runnable::run, Math.max(10_000, config.mirrorTimeoutMillis()));
      PreparedTransactions.commitLeftBehind(c, preparedTransactions.orphanAfterMillis());
    } catch (SQLException | RuntimeException e) {
      LOG.debug("could not look for prepared transactions left behind: {}", e.toString());
    }
  }

  /**
   * While the non-authoritative side's breaker is not closed, checks it with a fresh connection, so
   * it can close again even when the application sends no writes (the half-open probe).
   */
  private void probeUnhealthySide() {
    Side other = flags.phase().authoritative().other();
    if (!flags.phase().mirrorsWrites()) {
      return;
    }
    // Half-open lets a few calls through; make them all, so the breaker can decide at once.
    while (!health.isClosed(other) && health.tryAcquire(other)) {
      long start = System.nanoTime();
      try (Connection c =
          other == Side.POSTGRES
              ? vendors.openPostgres(
                  config.postgresUrl(), config.propertiesAsMirror(true), new ExchangeDeadline(true))
              : vendors.openMysql(
                  config.mysqlUrl(),
                  config.propertiesAsMirror(false),
                  new ExchangeDeadline(true))) {
        if (c.isValid(Math.max(1, (config.mirrorTimeoutMillis() + 999) / 1000))) {
          health.success(other, System.nanoTime() - start);
        } else {
          health.failure(other, System.nanoTime() - start, new SQLException("not valid", "08006"));
          return;
        }
      } catch (SQLException | RuntimeException e) {
        health.failure(other, System.nanoTime() - start, e);
        return;
      }
    }
  }

  @Override
  /**
   * Stops the background work and writes what is buffered to the control store. Also run at JVM
   * exit for every runtime not closed before ({@link ExitFlush}). Idempotent.
   */
  public void close() {
    ExitFlush.forget(this);
    if (jvmExiting()) {
      // Application threads may still be writing: clean only while none is between its two sides
      windows.atExit(config.mirrorTimeoutMillis() + EXIT_WAIT_EXTRA_MILLIS, control);
    } else {
      control.close();
    }
    scheduler.shutdownNow();
    metrics.close();
  }

  /** What this runtime shows in the driver's gauges. */
  private final class Gauges implements GaugeSource {
    @Override
    public Phase phase() {
      return flags.phase();
    }

    @Override
    public int readPercent() {
      return flags.readPercent();
    }

    @Override
    public int comparePercent() {
      return flags.comparePercent();
    }

    @Override
    public int breakerState() {
      return health.stateCode(flags.phase().authoritative().other());
    }

    @Override
    public int driftTables() {
      return drift.size();
    }
  }

  private static boolean jvmExiting() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  /**
   * The catalog the rewriter holds: its content is swapped after DDL, and re-read (at most every
   * {@value #RELOAD_ON_MISS_MILLIS} ms) when a statement names a table it does not know, so tables
   * created outside the driver are picked up.
   */
  private final class DelegatingCatalog implements SchemaCatalog {
    private volatile SchemaCatalog current = SchemaCatalog.EMPTY;
    private volatile boolean loaded;
    private volatile long loadedAt;
    private final AtomicLong generation = new AtomicLong();

    boolean loaded() {
      return loaded;
    }

    void set(SchemaCatalog catalog) {
      current = catalog;
      loaded = true;
      loadedAt = System.nanoTime();
      generation.incrementAndGet();
    }

    @Override
    public Optional<TableInfo> table(String name) {
      Optional<TableInfo> table = current.table(name);
      if (table.isEmpty()
          && loaded
          && System.nanoTime() - loadedAt > RELOAD_ON_MISS_MILLIS * 1_000_000L) {
        loadedAt = System.nanoTime(); // one reload per interval, whatever happens
        loadCatalog("unknown table " + Redaction.oneLine(name));
        table = current.table(name);
      }
      return table;
    }

    @Override
    public String database() {
      return current.database();
    }

    @Override
    public boolean truncatesFractionalSeconds() {
      return mysqlIsMariaDb; // MariaDB cuts a fraction beyond the column's precision; MySQL rounds
    }

    @Override
    public PostgresCapabilities postgres() {
      return postgres;
    }

    @Override
    public String mysqlDefaultCollation() {
      return current.mysqlDefaultCollation();
    }

    void extensionsLearnt() {
      generation.incrementAndGet(); // translations refused for want of an extension are made again
    }

    @Override
    public long generation() {
      return generation.get();
    }
  }
}
