package io.dualwrite.driver.runtime;

import io.dualwrite.driver.config.Redaction;
import io.dualwrite.driver.net.ExchangeDeadline;
import io.dualwrite.driver.net.MysqlSocketFactory;
import io.dualwrite.driver.net.PostgresSocketFactory;
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
    return openPostgres(url, props, null);
  }

  /**
   * A side's MySQL connection, whose sockets follow {@code deadline} (see {@link
   * ExchangeDeadline}), unless the application chose its own {@code socketFactory} (in {@code
   * props} or in the URL) or Connector/J cannot load dualwrite's.
   */
  public Connection openMysql(String url, Properties props, ExchangeDeadline deadline)
      throws SQLException {
    if (deadline == null
        || !MYSQL_FACTORY_VISIBLE
        || namesSocketFactory(props)
        || mysqlUrlNamesSocketFactory(url)) {
      return open(mysql, "MySQL", url, props);
    }
    Properties p = copy(props);
    p.setProperty(SOCKET_FACTORY, MysqlSocketFactory.class.getName());
    try (ExchangeDeadline.Registration r = deadline.openingHere()) {
      return open(mysql, "MySQL", url, p);
    }
  }

  /** A side's PostgreSQL connection, its sockets following {@code deadline} (as for MySQL). */
  public Connection openPostgres(String url, Properties props, ExchangeDeadline deadline)
      throws SQLException {
    if (url == null) {
      throw new SQLException(
          "No PostgreSQL URL configured (dualwrite.postgres.url) for this phase.", "08001");
    }
    if (deadline == null
        || !POSTGRES_FACTORY_VISIBLE
        || namesSocketFactory(props)
        || postgresUrlNamesSocketFactory(url)) {
      return open(postgres, "PostgreSQL", url, props);
    }
    Properties p = copy(props);
    p.setProperty(SOCKET_FACTORY, PostgresSocketFactory.class.getName());
    try (ExchangeDeadline.Registration r = deadline.registerFor(p)) {
      return open(postgres, "PostgreSQL", url, p);
    }
  }

  /** The property both vendor drivers read their socket factory's class name from. */
  private static final String SOCKET_FACTORY = "socketFactory";

  private static final boolean POSTGRES_FACTORY_VISIBLE =
      visible(PostgresSocketFactory.class, org.postgresql.Driver.class);

  private static final boolean MYSQL_FACTORY_VISIBLE =
      visible(MysqlSocketFactory.class, com.mysql.cj.jdbc.NonRegisteringDriver.class);

  /** Whether the application's properties name a socket factory. */
  private static boolean namesSocketFactory(Properties props) {
    return props != null && props.getProperty(SOCKET_FACTORY) != null;
  }

  /**
   * Whether the URL names a socket factory, as Connector/J reads it (its query, or a host's
   * properties in the {@code address=(...)} form). Connector/J lets the connection properties
   * override the URL's query, so dualwrite's factory given in the properties would replace the
   * application's. A URL Connector/J cannot parse names none: connecting reports it.
   */
  private static boolean mysqlUrlNamesSocketFactory(String url) {
    try {
      return com.mysql.cj.conf.ConnectionUrl.getConnectionUrlInstance(url, null)
              .getMainHost()
              .getProperty(SOCKET_FACTORY)
          != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether the URL's query names a socket factory, as pgjdbc reads it. pgjdbc lets the URL win
   * over the properties, so the application's factory would be used anyway; dualwrite then
   * registers nothing for it. A URL pgjdbc cannot parse names none, as for MySQL.
   */
  private static boolean postgresUrlNamesSocketFactory(String url) {
    try {
      Properties parsed = org.postgresql.Driver.parseURL(url, null);
      return parsed != null && parsed.getProperty(SOCKET_FACTORY) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether the vendor driver, loading by name from its own class loader, finds {@code c}. */
  private static boolean visible(Class<?> c, Class<?> vendor) {
    try {
      return Class.forName(c.getName(), false, vendor.getClassLoader()) == c;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Properties copy(Properties props) {
    Properties p = new Properties();
    if (props != null) {
      p.putAll(props);
    }
    return p;
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
