package io.dualwrite.testkit.stub;

import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * A {@link java.sql.Driver} that does no I/O: its connections answer every query with {@link
 * #rows()} canned rows and every write with one changed row. It stands in for mysql-connector-j and
 * pgjdbc when the question is what dualwrite's own code costs, so that nothing but the wrapper is
 * measured. It accepts {@code jdbc:mysql://stub...} and {@code jdbc:postgresql://stub...}.
 *
 * <p>Queries on {@code information_schema} (dualwrite's schema catalog) return no rows, so the
 * rewriter runs with an empty catalog, as it would for a schema it knows nothing about.
 *
 * <p>For tests of what dualwrite decides, and off by default:
 *
 * <ul>
 *   <li>a {@link #journal(boolean) journal}: every execution and connection-level call on either
 *       side, in order, as {@code "mysql: <sql>"} / {@code "postgres: <sql>"}; a prepared batch as
 *       {@code "mysql: [batch of 3] <sql>"} (a plain statement's batch: its statements joined by
 *       {@code "; "}); connection calls as {@code "mysql: connect"}, {@code "mysql:
 *       setAutoCommit(false)"}, {@code "mysql: commit()"}, {@code "mysql: rollback()"}, {@code
 *       "mysql: setTransactionIsolation(2)"}, {@code "mysql: setReadOnly(true)"};
 *   <li>{@link #failNext(Vendor, String, SQLException) fault injection}: the next execution on a
 *       side whose SQL (or connection call, as journaled without the side) matches throws the given
 *       exception;
 *   <li>the {@link #updateCount(Vendor, int) update count} a write (and each batch row) returns on
 *       a side.
 * </ul>
 *
 * <p>With the journal off and no fault pending, an execution costs one volatile read more than
 * without these features: no allocation, no lock.
 */
public final class StubDriver implements java.sql.Driver {

  /** One side of the stub: the URL prefix it answers to, and its name in the journal. */
  public enum Vendor {
    MYSQL("mysql"),
    POSTGRES("postgres");

    private final String label;

    Vendor(String label) {
      this.label = label;
    }

    /** {@code "mysql"} or {@code "postgres"}, as journal entries start. */
    public String label() {
      return label;
    }
  }

  /** A pending injected failure. */
  private record Fault(Vendor side, Predicate<String> matches, SQLException failure) {}

  private volatile int rows = 1;
  private volatile int mysqlUpdateCount = 1;
  private volatile int postgresUpdateCount = 1;

  /** True while the journal is on or a fault is pending: only then are executions looked at. */
  private volatile boolean watching;

  private boolean journaling;
  private final List<String> journal = new ArrayList<>();
  private final List<Fault> faults = new ArrayList<>();
  private long mysqlWrites;
  private long postgresWrites;
  private long mysqlQueries;
  private long postgresQueries;

  /** How many rows every following query returns (default 1). */
  public StubDriver rows(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0");
    }
    this.rows = rows;
    return this;
  }

  public int rows() {
    return rows;
  }

  /** The update count every following write on {@code side} returns, per batch row too. */
  public StubDriver updateCount(Vendor side, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    if (side == Vendor.MYSQL) {
      mysqlUpdateCount = count;
    } else {
      postgresUpdateCount = count;
    }
    return this;
  }

  int updateCount(boolean postgres) {
    return postgres ? postgresUpdateCount : mysqlUpdateCount;
  }

  /** Starts (from an empty journal) or stops the journal. */
  public synchronized StubDriver journal(boolean on) {
    journaling = on;
    journal.clear();
    watching = journaling || !faults.isEmpty();
    return this;
  }

  /** The journal so far, oldest first (a copy). */
  public synchronized List<String> journal() {
    return List.copyOf(journal);
  }

  /** Empties the journal; it stays on if it was. */
  public synchronized void clearJournal() {
    journal.clear();
  }

  /**
   * The next execution on {@code side} whose SQL starts with {@code sqlPrefix} (ignoring case and
   * leading blanks) throws {@code failure}; so does a connection-level call named that way ({@code
   * "commit()"}, {@code "setAutoCommit(true)"}).
   */
  public StubDriver failNext(Vendor side, String sqlPrefix, SQLException failure) {
    String prefix = sqlPrefix.strip();
    return failNext(
        side, sql -> sql.strip().regionMatches(true, 0, prefix, 0, prefix.length()), failure);
  }

  /** The next execution on {@code side} whose SQL {@code matches} throws {@code failure}. */
  public synchronized StubDriver failNext(
      Vendor side, Predicate<String> matches, SQLException failure) {
    faults.add(new Fault(side, matches, failure));
    watching = true;
    return this;
  }

  /** Whether any injected failure has not happened yet. */
  public synchronized boolean faultsPending() {
    return !faults.isEmpty();
  }

  /**
   * Called by the stub's connections and statements before they act, only while {@link #watching}:
   * journals the event and throws the first pending failure it matches.
   *
   * @param sql what a fault is matched against: the SQL, or the connection call
   * @param prefix put before {@code sql} in the journal ({@code "[batch of 3] "}), or null
   */
  synchronized void observe(boolean postgres, String sql, String prefix) throws SQLException {
    Vendor side = postgres ? Vendor.POSTGRES : Vendor.MYSQL;
    if (journaling) {
      journal.add(side.label() + ": " + (prefix == null ? sql : prefix + sql));
    }
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.side() == side && f.matches().test(sql)) {
        it.remove();
        watching = journaling || !faults.isEmpty();
        throw f.failure();
      }
    }
  }

  boolean watching() {
    return watching;
  }

  /**
   * Writes executed so far on {@code jdbc:mysql://stub} connections (a plain counter: a driver
   * instance serves one benchmark thread).
   */
  public long mysqlWrites() {
    return mysqlWrites;
  }

  /** Writes executed so far on {@code jdbc:postgresql://stub} connections. */
  public long postgresWrites() {
    return postgresWrites;
  }

  /** Queries executed so far on {@code jdbc:mysql://stub} connections. */
  public long mysqlQueries() {
    return mysqlQueries;
  }

  /** Queries executed so far on {@code jdbc:postgresql://stub} connections. */
  public long postgresQueries() {
    return postgresQueries;
  }

  void countQuery(boolean postgres) {
    if (postgres) {
      postgresQueries++;
    } else {
      mysqlQueries++;
    }
  }

  void countWrite(boolean postgres) {
    if (postgres) {
      postgresWrites++;
    } else {
      mysqlWrites++;
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    boolean postgres = url.startsWith("jdbc:postgresql:");
    if (watching) {
      observe(postgres, "connect", null);
    }
    return new StubConnection(this, postgres);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null
        && (url.startsWith("jdbc:mysql://stub") || url.startsWith("jdbc:postgresql://stub"));
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("stub: getParentLogger");
  }
}
