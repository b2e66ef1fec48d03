package io.dualwrite.admin.fleet;

import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.connect.ConnectionSettings;
import io.dualwrite.admin.connect.Connections;
import io.dualwrite.admin.connect.DatabaseEndpoint;
import io.dualwrite.admin.connect.Secrets;
import io.dualwrite.driver.control.ControlStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and opens the driver's control store ({@link ControlStore}) the way the driver does: {@code
 * --control-url}, else {@code dualwrite.control} from the configuration ({@code none}: no store;
 * {@code primary} or absent: the MySQL database; a JDBC URL). Credentials are the URL's own, else
 * those of the side with the same vendor.
 */
public final class ControlAccess {
  private ControlAccess() {}

  /** Where the store is, or empty for {@code dualwrite.control=none}. */
  public static Optional<DatabaseEndpoint> locate(ConnectionSettings settings, String controlUrl) {
    String url = controlUrl;
    if (url == null) {
      url = settings.dualwriteProperties().get("dualwrite.control");
    }
    if (url != null && url.trim().equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    if (url == null || url.isBlank() || url.trim().equalsIgnoreCase("primary")) {
      return settings.mysql();
    }
    url = url.trim();
    if (url.startsWith(ConnectionSettings.DUALWRITE_PREFIX)) {
      url = "jdbc:" + url.substring(ConnectionSettings.DUALWRITE_PREFIX.length());
    }
    Optional<DatabaseEndpoint> sameVendor =
        url.startsWith("jdbc:postgresql:") ? settings.postgres() : settings.mysql();
    if (url.toLowerCase(Locale.ROOT).contains("user=") || sameVendor.isEmpty()) {
      return Optional.of(new DatabaseEndpoint(url, null, null));
    }
    return Optional.of(
        new DatabaseEndpoint(url, sameVendor.get().user(), sameVendor.get().password()));
  }

  /**
   * Opens the store (creating its tables if needed, as every instance does).
   *
   * @throws AdminException exit 2 when there is no store ({@code none}) or it cannot be reached
   */
  public static ControlStore open(ConnectionSettings settings, String controlUrl, Secrets secrets) {
    DatabaseEndpoint endpoint =
        locate(settings, controlUrl)
            .orElseThrow(
                () ->
                    AdminException.cannotRun(
                        "no control store to open: give --mysql-url or --config (the store is in"
                            + " the MySQL database unless dualwrite.control says otherwise) or"
                            + " --control-url; dualwrite.control=none means there is none",
                        null));
    return open(endpoint, secrets);
  }

  /**
   * How long a command waits for its first control-store connection. An application's driver waits
   * 2 s and retries at its next refresh; a command has no next refresh, and a JVM that has just
   * started on a busy machine can need more than 2 s for its first connection.
   */
  static final Duration CONNECTION_WAIT = Duration.ofSeconds(15);

  static ControlStore open(DatabaseEndpoint endpoint, Secrets secrets) {
    secrets.add(endpoint.password());
    secrets.addFromUrl(endpoint.url());
    try {
      return ControlStore.open(endpoint.url(), endpoint.credentials(), CONNECTION_WAIT);
    } catch (SQLException e) {
      // the pool's timeout wraps the database's own error: name that one too
      String cause =
          e.getCause() instanceof SQLException c && c.getMessage() != null
              ? "; last error: "
                  + secrets.redact(c.getMessage())
                  + (c.getSQLState() == null ? "" : " [SQLState " + c.getSQLState() + "]")
              : "";
      throw AdminException.cannotRun(
          "cannot open the control store at "
              + endpoint.safeUrl()
              + ": "
              + secrets.redact(e.getMessage())
              + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
              + cause,
          e);
    }
  }

  /**
   * The store, only when one is configured and its tables already exist (an application instance
   * created them): commands that merely use drift when there is some never create the tables.
   */
  public static Optional<ControlStore> openIfPresent(
      ConnectionSettings settings, String controlUrl, Secrets secrets) {
    Optional<DatabaseEndpoint> endpoint = locate(settings, controlUrl);
    if (endpoint.isEmpty()) {
      return Optional.empty();
    }
    DatabaseEndpoint e = endpoint.get();
    boolean postgres = e.url().startsWith("jdbc:postgresql:");
    try (Connection c =
            postgres ? Connections.openPostgres(e, secrets) : Connections.openMysql(e, secrets);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'dualwrite_drift'"
                    + (postgres
                        ? " AND table_schema = current_schema()"
                        : " AND table_schema = DATABASE()"));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return Optional.empty();
      }
    } catch (SQLException ex) {
      throw AdminException.cannotRun(
          "cannot read the control store at "
              + e.safeUrl()
              + ": "
              + secrets.redact(ex.getMessage()),
          ex);
    }
    return Optional.of(open(e, secrets));
  }
}
