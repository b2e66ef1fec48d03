package io.dualwrite.admin.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.driver.Driver;
import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TcpProxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application of the fault suite: four threads on one table through {@code jdbc:dualwrite:} (an
 * insert with generated keys, an update by key, a point read, a three-update transaction), each
 * reconnecting after an error as a pool would, every call timed (each JDBC call of the transaction
 * alone); a second table it never writes. And the checks every fault test makes afterwards: which
 * errors the application saw, how long its longest call took, and that drift names every table that
 * differs (and not the one never written), that {@code repair} of the drift makes the sides equal.
 */
final class FaultApp implements AutoCloseable {
  /** {@code dualwrite.mirrorTimeoutMillis} in the suite (the default). */
  static final int DEADLINE_MILLIS = 2000;

  /** How long each fault lasts: {@code -Ddualwrite.test.faultSeconds=N} (default 6). */
  static final long FAULT_SECONDS = Long.getLong("dualwrite.test.faultSeconds", 6);

  /**
   * Long enough for the breaker's half-open probes (5 s after it opened) to meet the fault: for a
   * path that never answers, the probes must be bounded too.
   */
  static final long PROBED_FAULT_SECONDS = Math.max(FAULT_SECONDS, 10);

  static final int THREADS = 4;

  /** What the application sees when an insert returns no generated key (an error to an ORM). */
  static final String NO_KEY = "the insert returned no generated key";

  record Call(long startNanos, long nanos, String what, SQLException error) {}

  final String table;
  final String quiet;
  private final String url;
  private final Properties props;
  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  private final List<Discrepancy> seen = new CopyOnWriteArrayList<>();
  private final List<Future<?>> futures = new ArrayList<>();
  private final AtomicLong firstSkip = new AtomicLong();
  private final AtomicLong lastSkip = new AtomicLong();
  private ExecutorService pool;
  private volatile boolean running;
  private Connection holder;

  FaultApp(String name, String url, Properties props) {
    this.table = "fault_" + name;
    this.quiet = "fault_" + name + "_quiet";
    this.url = url;
    this.props = props;
  }

  /** {@code jdbcUrl} with its host and port replaced by the proxy's. */
  static String through(String jdbcUrl, TcpProxy proxy) {
    URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
    return "jdbc:"
        + u.getScheme()
        + "://127.0.0.1:"
        + proxy.port()
        + u.getRawPath()
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  static TcpProxy proxyFor(String jdbcUrl) throws Exception {
    URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
    return new TcpProxy(u.getHost(), u.getPort());
  }

  /**
   * Ends every runtime of earlier tests (so none writes to the store of this one) and drops the
   * control tables of {@code store}, so flags come from this test's properties.
   */
  static void freshControlStore(Connection store) throws SQLException {
    Driver.shutdown();
    try (Statement s = store.createStatement()) {
      for (String t :
          List.of(
              "dualwrite_flags",
              "dualwrite_instances",
              "dualwrite_discrepancies",
              "dualwrite_drift")) {
        s.execute("DROP TABLE IF EXISTS " + t);
      }
    }
  }

  /** Creates both tables through the driver (both sides healthy) and seeds 20 rows each. */
  static void createTables(DatabasePair db, String name, String... extra) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, extra);
        Statement s = c.createStatement()) {
      for (String t : List.of("fault_" + name, "fault_" + name + "_quiet")) {
        s.execute("DROP TABLE IF EXISTS " + t);
        s.execute(
            "CREATE TABLE "
                + t
                + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))");
        for (int i = 0; i < 20; i++) {
          s.executeUpdate("INSERT INTO " + t + " (v, note) VALUES (" + i + ", 'seed')");
        }
      }
    }
  }

  /** Opens a connection held until {@link #close} and starts the four threads. */
  void start() throws SQLException {
    holder = DriverManager.getConnection(url, props);
    holder
        .unwrap(DualWriteConnection.class)
        .discrepancyRecorder()
        .addSink(
            d -> {
              if (d.kind() == DiscrepancyKind.MIRROR_SKIPPED) {
                firstSkip.compareAndSet(0, System.nanoTime());
                lastSkip.set(System.nanoTime());
              }
              seen.add(d);
            });
    running = true;
    pool = Executors.newFixedThreadPool(THREADS);
    for (int t = 0; t < THREADS; t++) {
      int kind = t;
      futures.add(
          pool.submit(
              () -> {
                work(kind);
                return null;
              }));
    }
  }

  /** Stops the threads and returns every call they made. */
  List<Call> stop() throws Exception {
    running = false;
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return new ArrayList<>(calls);
  }

  /** When the first write was skipped (the breaker open) as {@code nanoTime}, or 0. */
  long firstSkipNanos() {
    return firstSkip.get();
  }

  /** When the last write was skipped, as {@code nanoTime}, or 0. */
  long lastSkipNanos() {
    return lastSkip.get();
  }

  /**
   * Waits up to {@code seconds} for writes to be mirrored again: no write skipped for a second.
   * Returns the wait in milliseconds, or -1 if they never were.
   */
  long awaitMirroringAgain(long seconds) throws InterruptedException {
    long start = System.nanoTime();
    long until = start + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      if (System.nanoTime() - lastSkip.get() > TimeUnit.SECONDS.toNanos(1)) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      Thread.sleep(50);
    }
    return -1;
  }

  List<Discrepancy> discrepancies() {
    return seen;
  }

  /**
   * Stops the application if running, closes its connection and ends the runtime: its buffered
   * discrepancies and drift reach the control store.
   */
  void finish() throws Exception {
    if (running) {
      stop();
    }
    if (holder != null) {
      try {
        holder.close();
      } catch (SQLException e) {
        // the authoritative side may be gone; nothing to keep
      }
      holder = null;
    }
    Driver.shutdown();
  }

  @Override
  public void close() {
    running = false;
    if (pool != null) {
      pool.shutdownNow();
    }
    Driver.shutdown();
  }

  /** Whether the transaction's failing call was recorded by {@link #timed} already. */
  private final ThreadLocal<Boolean> timedAlone = ThreadLocal.withInitial(() -> false);

  /**
   * The three-update transaction, each JDBC call timed alone as the application call it is (the
   * promise is per call: each of a transaction's calls may wait once before the breaker opens).
   */
  private void transaction(Connection c, PreparedStatement update, ThreadLocalRandom random)
      throws SQLException {
    timed("transaction: setAutoCommit(false)", () -> c.setAutoCommit(false));
    for (int i = 0; i < 3; i++) {
      timed(
          "transaction: update",
          () -> {
            update.setLong(1, 1 + random.nextInt(20));
            update.executeUpdate();
          });
    }
    timed("transaction: commit", c::commit);
    timed("transaction: setAutoCommit(true)", () -> c.setAutoCommit(true));
  }

  private interface JdbcCall {
    void run() throws SQLException;
  }

  private void timed(String what, JdbcCall call) throws SQLException {
    long start = System.nanoTime();
    try {
      call.run();
    } catch (SQLException e) {
      calls.add(new Call(start, System.nanoTime() - start, what, e));
      timedAlone.set(true);
      throw e;
    }
    calls.add(new Call(start, System.nanoTime() - start, what, null));
  }

  private void work(int kind) {
    Connection c = null;
    PreparedStatement insert = null;
    PreparedStatement update = null;
    PreparedStatement read = null;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String what = List.of("insert", "update", "read", "transaction").get(kind);
    while (running) {
      long start = System.nanoTime();
      timedAlone.set(false);
      SQLException error = null;
      try {
        if (c == null) {
          c = DriverManager.getConnection(url, props);
          insert =
              c.prepareStatement(
                  "INSERT INTO " + table + " (v, note) VALUES (?, 'w')",
                  Statement.RETURN_GENERATED_KEYS);
          update = c.prepareStatement("UPDATE " + table + " SET v = v + 1 WHERE id = ?");
          read = c.prepareStatement("SELECT v FROM " + table + " WHERE id = ?");
        }
        switch (kind) {
          case 0 -> {
            insert.setInt(1, random.nextInt(1000));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException(NO_KEY, "HY000");
              }
            }
          }
          case 1 -> {
            update.setLong(1, 1 + random.nextInt(20));
            update.executeUpdate();
          }
          case 2 -> {
            read.setLong(1, 1 + random.nextInt(20));
            try (ResultSet rs = read.executeQuery()) {
              rs.next();
            }
          }
          default -> transaction(c, update, random);
        }
      } catch (SQLException e) {
        error = e;
      }
      if (kind != 3 || error != null && !timedAlone.get()) {
        calls.add(new Call(start, System.nanoTime() - start, what, error));
      }
      if (error != null) {
        // as a pool would: evict the connection, open a new one for the next call
        if (c != null) {
          try {
            c.close();
          } catch (SQLException ignored) {
            // already broken
          }
        }
        c = null;
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the side may be gone
      }
    }
  }

  static long longestMillis(List<Call> calls) {
    return TimeUnit.NANOSECONDS.toMillis(calls.stream().mapToLong(Call::nanos).max().orElse(0));
  }

  /**
   * The longest call, for an assertion's message: what it was, when it started after the first
   * call, and how it ended.
   */
  static String describeLongest(List<Call> calls) {
    long first = calls.stream().mapToLong(Call::startNanos).min().orElse(0);
    return calls.stream()
        .max(java.util.Comparator.comparingLong(Call::nanos))
        .map(
            c ->
                c.what()
                    + " of "
                    + TimeUnit.NANOSECONDS.toMillis(c.nanos())
                    + " ms, started "
                    + TimeUnit.NANOSECONDS.toMillis(c.startNanos() - first)
                    + " ms after the first call, "
                    + (c.error() == null ? "no error" : "error " + c.error()))
        .orElse("no calls");
  }

  static List<String> errors(List<Call> calls) {
    return calls.stream()
        .filter(c -> c.error() != null)
        .map(c -> c.what() + ": " + c.error())
        .toList();
  }

  /**
   * Whether an error is MySQL's own: thrown by MySQL Connector/J (the first frame outside the JDK
   * is the vendor driver's), not raised by dualwrite nor coming from PostgreSQL. At {@code connect}
   * the contract has an unreachable database reported as SQLState 08001: MySQL's exception then
   * comes as the cause of the driver's "Cannot connect to MySQL" with its vendor code.
   */
  static boolean isMysqlOwn(SQLException e) {
    if ("08001".equals(e.getSQLState())
        && e.getMessage().startsWith("Cannot connect to MySQL")
        && e.getCause() instanceof SQLException cause
        && cause.getErrorCode() == e.getErrorCode()) {
      return thrownByConnectorJ(cause);
    }
    return thrownByConnectorJ(e);
  }

  private static boolean thrownByConnectorJ(SQLException e) {
    for (StackTraceElement f : e.getStackTrace()) {
      String c = f.getClassName();
      if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
        continue;
      }
      return c.startsWith("com.mysql.");
    }
    return false;
  }

  static List<String> errorsNotFromMysql(List<Call> calls) {
    return calls.stream()
        .filter(c -> c.error() != null && !isMysqlOwn(c.error()))
        .map(c -> c.what() + ": " + c.error())
        .toList();
  }

  /** What the recovery check saw. */
  record Recovery(List<String> differing, List<String> drift, long rowsRepaired) {}

  /**
   * The checks after a fault, with the application stopped and its runtime closed: every table of
   * this app that differs is named by the control store's drift, the table never written is not;
   * {@code repair} (no {@code --table}: the drift) repairs exactly the drifted tables, and {@code
   * verify} is then equal.
   */
  @SuppressWarnings("unchecked")
  static Recovery assertDriftNamesTheDifferencesAndRepairMakesThemEqual(
      DatabasePair db, String name, String... control) {
    String table = "fault_" + name;
    String quiet = table + "_quiet";
    String tables = "--table=" + table + "," + quiet;
    Result before = CliRun.run("", AdminArgs.of(db, "verify", "--json", tables));
    assertThat(before.exitCode()).as(before.all()).isIn(ExitCodes.OK, ExitCodes.DIFFERENCES);
    List<String> differing = new ArrayList<>();
    for (Object o : (List<Object>) MiniJson.object(before.out()).get("tables")) {
      Map<String, Object> t = (Map<String, Object>) o;
      if (!Boolean.TRUE.equals(t.get("equal"))) {
        differing.add((String) t.get("table"));
      }
    }
    Result status = CliRun.run("", AdminArgs.of(db, "status", concat(control, "--json")));
    assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCodes.OK);
    Map<String, Object> driftJson =
        (Map<String, Object>) MiniJson.object(status.out()).get("drift");
    List<String> drift =
        ((List<Object>) driftJson.get("tables")).stream().map(Object::toString).toList();
    assertThat(drift)
        .as("drift (%s) names every table that differs", status.out())
        .containsAll(differing);
    assertThat(drift).as("drift names no table the application never wrote").doesNotContain(quiet);

    Result repair = CliRun.run("", AdminArgs.of(db, "repair", concat(control, "--json")));
    assertThat(repair.exitCode()).as(repair.all()).isEqualTo(ExitCodes.OK);
    long rows = 0;
    if (!drift.isEmpty()) {
      Map<String, Object> repaired = MiniJson.object(repair.out());
      List<Object> repairedTables = (List<Object>) repaired.get("tables");
      assertThat(repairedTables)
          .extracting(t -> ((Map<String, Object>) t).get("table"))
          .as("repair covers exactly the drift")
          .containsExactlyInAnyOrderElementsOf(drift);
      for (Object t : repairedTables) {
        Map<String, Object> m = (Map<String, Object>) t;
        rows += (Long) m.get("inserted") + (Long) m.get("updated") + (Long) m.get("deleted");
      }
    }
    Result after = CliRun.run("", AdminArgs.of(db, "verify", tables));
    assertThat(after.exitCode()).as("verify after repair: " + after.all()).isEqualTo(ExitCodes.OK);
    return new Recovery(differing, drift, rows);
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Sleeps until {@code nanoTime} reaches {@code until}. */
  static void sleepUntil(long until) throws InterruptedException {
    long left;
    while ((left = until - System.nanoTime()) > 0) {
      Thread.sleep(Math.min(50, TimeUnit.NANOSECONDS.toMillis(left) + 1));
    }
  }
}
