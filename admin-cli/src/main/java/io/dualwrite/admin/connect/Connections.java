package io.dualwrite.admin.connect;

import io.dualwrite.admin.AdminException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens the databases for a command. Every failure becomes an {@link AdminException} with exit code
 * 2 and a message that names the side and the URL with passwords masked.
 */
public final class Connections {
  /** Connect timeout used unless the URL sets its own: an unreachable host must not hang a run. */
  static final int CONNECT_TIMEOUT_SECONDS = 10;

  private Connections() {}

  /** Opens the MySQL side (mysql-connector-j). */
  public static Connection openMysql(DatabaseEndpoint endpoint, Secrets secrets) {
    Properties props = endpoint.credentials();
    if (!endpoint.url().toLowerCase(Locale.ROOT).contains("connecttimeout=")) {
      props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS * 1000));
    }
    return open("MySQL", endpoint, props, secrets);
  }

  /** Opens the PostgreSQL side (pgjdbc). */
  public static Connection openPostgres(DatabaseEndpoint endpoint, Secrets secrets) {
    Properties props = endpoint.credentials();
    if (!endpoint.url().toLowerCase(Locale.ROOT).contains("connecttimeout=")) {
      props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    }
    return open("PostgreSQL", endpoint, props, secrets);
  }

  private static Connection open(
      String side, DatabaseEndpoint endpoint, Properties props, Secrets secrets) {
    secrets.add(endpoint.password());
    secrets.addFromUrl(endpoint.url());
    if (!endpoint.url().startsWith("jdbc:")) {
      throw AdminException.cannotRun(
          "the " + side + " URL must be a JDBC URL starting with jdbc:, got " + endpoint.safeUrl(),
          null);
    }
    try {
      return DriverManager.getConnection(endpoint.url(), props);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
      throw AdminException.cannotRun(
          "cannot connect to "
              + side
              + " at "
              + endpoint.safeUrl()
              + (endpoint.user() == null ? "" : " as " + endpoint.user())
              + ": "
              + secrets.redact(firstLine(e.getMessage()))
              + state,
          e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
