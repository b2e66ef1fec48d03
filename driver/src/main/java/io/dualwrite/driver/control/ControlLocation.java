package io.dualwrite.driver.control;

import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.config.Redaction;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a configuration's control store lives: a JDBC URL, the vendor driver's properties for it,
 * and the SQL dialect.
 *
 * <p>{@code dualwrite.control=primary} is always the MySQL database of the {@code
 * jdbc:dualwrite:mysql://} URL, whatever the phase. The store must not move when the phase changes
 * (every instance, including one started later with edited properties, must read the same flags),
 * and MySQL is the one database every configuration names. To retire MySQL after {@code PG_ONLY},
 * first point {@code dualwrite.control} at a JDBC URL (see docs/control-store.md).
 *
 * <p>With a URL, the credentials are the URL's own when it names a {@code user}; otherwise those of
 * the side with the same vendor (MySQL's {@code user}/{@code password} for a {@code jdbc:mysql:}
 * URL, {@code dualwrite.postgres.*} for a {@code jdbc:postgresql:} URL). Timeouts are always short:
 * an unreachable control store must cost the refresh thread seconds, not minutes.
 */
record ControlLocation(String url, Properties properties, ControlDialect dialect) {

  static ControlLocation of(DualWriteConfig config) throws SQLException {
    return switch (config.controlMode()) {
      case NONE ->
          throw new SQLException(
              "dualwrite.control is none: this configuration has no control store.", "22023");
      case PRIMARY ->
          new ControlLocation(
              config.mysqlUrl(),
              withTimeouts(ControlDialect.MYSQL, config.mysqlProperties()),
              ControlDialect.MYSQL);
      case URL -> {
        String url = config.controlUrl();
        ControlDialect dialect = ControlDialect.forUrl(url);
        Properties side =
            dialect == ControlDialect.MYSQL
                ? config.mysqlProperties()
                : config.postgresProperties();
        Properties props = new Properties();
        boolean ownCredentials = namesUser(url);
        if (!ownCredentials) {
          copy(side, props, "user");
          copy(side, props, "password");
        }
        if (dialect == ControlDialect.MYSQL) {
          // The application's own Connector/J settings (SSL, time zone) apply to MySQL hosts.
          for (String key : side.stringPropertyNames()) {
            boolean credential = key.equals("user") || key.equals("password");
            if (!credential || !ownCredentials) {
              props.putIfAbsent(key, side.getProperty(key));
            }
          }
        }
        yield new ControlLocation(url, withTimeouts(dialect, props), dialect);
      }
    };
  }

  /** A location for an explicit URL and properties (the admin tool's entry point). */
  static ControlLocation of(String url, Properties given) throws SQLException {
    ControlDialect dialect = ControlDialect.forUrl(url);
    Properties props = new Properties();
    if (given != null) {
      props.putAll(given);
    }
    return new ControlLocation(url, withTimeouts(dialect, props), dialect);
  }

  private static Properties withTimeouts(ControlDialect dialect, Properties props) {
    if (dialect == ControlDialect.MYSQL) {
      props.setProperty("connectTimeout", "2000");
      props.setProperty("socketTimeout", "10000");
    } else {
      props.setProperty("connectTimeout", "2");
      props.setProperty("loginTimeout", "3");
      props.setProperty("socketTimeout", "10");
      props.setProperty("ApplicationName", "dualwrite-control");
      // The control store runs whole statements in its own transactions: no savepoint per call.
      props.remove("autosave");
      props.remove("cleanupSavepoints");
    }
    return props;
  }

  private static boolean namesUser(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return false;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      if (pair.startsWith("user=")) {
        return true;
      }
    }
    return false;
  }

  private static void copy(Properties from, Properties to, String key) {
    String value = from.getProperty(key);
    if (value != null) {
      to.setProperty(key, value);
    }
  }

  /** Never the password. */
  @Override
  public String toString() {
    return dialect + " " + Redaction.url(url);
  }
}
