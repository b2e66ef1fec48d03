package io.dualwrite.driver.runtime;

import io.dualwrite.driver.config.Redaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The only place the vendor drivers are instantiated. They are used directly, not through {@link
 * java.sql.DriverManager}, so the application's own registrations cannot interfere and no lookup
 * happens per connection. The two-argument constructor exists for benchmarks and tests that put a
 * stub driver (no I/O) underneath dualwrite; applications never need it.
 */
public final class VendorDrivers {
  private final java.sql.Driver mysql;
  private final java.sql.Driver postgres;

  public VendorDrivers() {
    this(connectorJ(), new org.postgresql.Driver());
  }

  /** dualwrite over the given drivers for the MySQL side and the PostgreSQL side. */
  public VendorDrivers(java.sql.Driver mysql, java.sql.Driver postgres) {
    this.mysql = mysql;
    this.postgres = postgres;
  }

  private static java.sql.Driver connectorJ() {
    try {
      return new com.mysql.cj.jdbc.NonRegisteringDriver();
    } catch (SQLException e) {
      throw new IllegalStateException("mysql-connector-j cannot be loaded", e);
    }
  }

  public Connection openMysql(String url, Properties props) throws SQLException {
    return open(mysql, "MySQL", url, props);
  }

  public Connection openPostgres(String url, Properties props) throws SQLException {
    if (url == null) {
      throw new SQLException(
          "No PostgreSQL URL configured (dualwrite.postgres.url) for this phase.", "08001");
    }
    return open(postgres, "PostgreSQL", url, props);
  }

  private static Connection open(java.sql.Driver driver, String name, String url, Properties props)
      throws SQLException {
    try {
      Connection c = driver.connect(url, props);
      if (c == null) {
        throw new SQLException(
            name + " driver does not accept the URL " + Redaction.url(url), "08001");
      }
      return c;
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (state != null && state.startsWith("08") && !"08001".equals(state)) {
        // Connector/J reports an unreachable server as 08S01; the contract says 08001.
        throw new SQLException(
            "Cannot connect to "
                + name
                + " at "
                + Redaction.url(url)
                + ": "
                + Redaction.url(e.getMessage()),
            "08001",
            e.getErrorCode(),
            e);
      }
      throw e;
    }
  }
}
