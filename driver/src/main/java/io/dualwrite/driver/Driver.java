package io.dualwrite.driver;

import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.config.DualWriteUrl;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.runtime.DriverRuntime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The {@code jdbc:dualwrite:} JDBC driver (contract section 1). Registered with {@link
 * DriverManager} when the class loads and through {@code META-INF/services/java.sql.Driver}.
 *
 * <p>Connections with the same configuration share one {@link DriverRuntime}: the rewriter's cache,
 * the flags, the circuit breakers, drift and metrics.
 */
public final class Driver implements java.sql.Driver {
  static final int MAJOR_VERSION = 0;
  static final int MINOR_VERSION = 1;

  private static final Map<String, DriverRuntime> RUNTIMES = new ConcurrentHashMap<>();

  static {
    try {
      DriverManager.registerDriver(new Driver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // JDBC: not ours, let DriverManager try the next driver
    }
    DualWriteConfig config = DualWriteConfig.from(url, info);
    DriverRuntime runtime =
        RUNTIMES.computeIfAbsent(config.runtimeKey(), key -> new DriverRuntime(config, null));
    return DualWriteConnection.open(runtime, config);
  }

  /**
   * Ends the background work of every runtime made for {@link DriverManager} connections: flag
   * refresh and health probes stop, and discrepancies still buffered are written to the control
   * store. For an application server undeploying the application, or a main method that wants its
   * last discrepancies recorded before exit. Connections still open keep working on their last
   * flags; a later {@code connect} starts a new runtime. ({@link DualWriteDataSource#close()} does
   * the same for a data source's runtime.)
   */
  public static void shutdown() {
    for (String key : RUNTIMES.keySet()) {
      DriverRuntime runtime = RUNTIMES.remove(key);
      if (runtime != null) {
        runtime.close();
      }
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return DualWriteUrl.accepts(url);
  }

  /** Every {@code dualwrite.} property with its current value, default and description. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties merged = new Properties();
    if (url != null && acceptsURL(url)) {
      merged.putAll(DualWriteUrl.parse(url).queryProperties());
    }
    if (info != null) {
      merged.putAll(info);
    }
    DualWriteProperty[] all = DualWriteProperty.values();
    DriverPropertyInfo[] result = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) {
      result[i] = all[i].toDriverPropertyInfo(merged);
    }
    return result;
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /** Not JDBC compliant in the spec's sense: it speaks MySQL SQL to PostgreSQL. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("dualwrite logs through SLF4J", "0A000");
  }
}
