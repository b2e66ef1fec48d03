package io.dualwrite.testkit.stub;

import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A {@link java.sql.Driver} that does no I/O: its connections answer every query with {@link
 * #rows()} canned rows and every write with one changed row. It stands in for mysql-connector-j and
 * pgjdbc when the question is what dualwrite's own code costs, so that nothing but the wrapper is
 * measured. It accepts {@code jdbc:mysql://stub...} and {@code jdbc:postgresql://stub...}.
 *
 * <p>Queries on {@code information_schema} (dualwrite's schema catalog) return no rows, so the
 * rewriter runs with an empty catalog, as it would for a schema it knows nothing about.
 */
public final class StubDriver implements java.sql.Driver {
  private volatile int rows = 1;
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
    return acceptsURL(url) ? new StubConnection(this, url.startsWith("jdbc:postgresql:")) : null;
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
