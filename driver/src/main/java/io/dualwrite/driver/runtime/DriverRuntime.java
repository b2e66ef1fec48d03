package io.dualwrite.driver.runtime;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.control.ControlAgent;
import io.dualwrite.driver.discrepancy.DiscrepancyRecorder;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.metrics.DriverMetrics;
import io.dualwrite.driver.mirror.SequenceKeeper;
import io.dualwrite.driver.routing.Flags;
import io.dualwrite.rewriter.InformationSchemaCatalog;
import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.SchemaCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final DelegatingCatalog catalog = new DelegatingCatalog();
  private final Rewriter rewriter;
  private final SideHealth health;
  private final DriftTracker drift = new DriftTracker();
  private final SequenceKeeper sequences = new SequenceKeeper();
  private final DriverMetrics metrics;
  private final DiscrepancyRecorder recorder;
  private final ScheduledExecutorService scheduler;
  private final ControlAgent control;
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
    this.health = new SideHealth(config.instance());
    this.metrics = DriverMetrics.create(meterRegistry, config.instance());
    this.recorder = new DiscrepancyRecorder(config.instance(), drift, metrics);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dualwrite-runtime-" + config.instance());
              t.setDaemon(true);
              return t;
            });
    metrics.gauges(() -> health.stateCode(flags.phase().authoritative().other()), drift::size);
    long probeMillis = 1000;
    scheduler.scheduleWithFixedDelay(
        this::probeUnhealthySide, probeMillis, probeMillis, TimeUnit.MILLISECONDS);
    // Last: reads the stored flags (they win over the starting properties) before the first
    // connection, then refreshes them on the scheduler; inert with dualwrite.control=none.
    this.control = ControlAgent.start(this);
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

  public SequenceKeeper sequences() {
    return sequences;
  }

  public DriftTracker drift() {
    return drift;
  }

  public DiscrepancyRecorder recorder() {
    return recorder;
  }

  public DriverMetrics metrics() {
    return metrics;
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

  /** Loads the schema catalog from MySQL the first time a MySQL connection is available. */
  public void ensureCatalog(Connection mysql) {
    if (catalog.loaded()) {
      return;
    }
    synchronized (catalog) {
      if (catalog.loaded()) {
        return;
      }
      try {
        catalog.set(InformationSchemaCatalog.load(mysql, mysql.getCatalog()));
        rewriter.invalidate();
      } catch (SQLException e) {
        LOG.warn("cannot load the schema catalog from MySQL; translating without it", e);
      }
    }
  }

  /** After DDL: re-read the catalog and drop cached translations that may depend on it. */
  public void schemaChanged(Connection mysql) {
    synchronized (catalog) {
      try {
        catalog.set(InformationSchemaCatalog.load(mysql, mysql.getCatalog()));
      } catch (SQLException e) {
        LOG.warn("cannot reload the schema catalog from MySQL after DDL", e);
      }
      rewriter.invalidate();
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
              ? vendors.openPostgres(config.postgresUrl(), config.postgresProperties())
              : vendors.openMysql(config.mysqlUrl(), config.mysqlProperties())) {
        if (c.isValid(2)) {
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
  public void close() {
    control.close();
    scheduler.shutdownNow();
  }

  /** A catalog whose contents are swapped after DDL; the rewriter keeps one reference to it. */
  private static final class DelegatingCatalog implements SchemaCatalog {
    private volatile SchemaCatalog current = SchemaCatalog.EMPTY;
    private volatile boolean loaded;

    boolean loaded() {
      return loaded;
    }

    void set(SchemaCatalog catalog) {
      current = catalog;
      loaded = true;
    }

    @Override
    public Optional<io.dualwrite.rewriter.TableInfo> table(String name) {
      return current.table(name);
    }
  }
}
