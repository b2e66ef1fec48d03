package io.dualwrite.driver;

import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.runtime.DriverRuntime;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for {@code jdbc:dualwrite:} with JavaBean setters, usable from HikariCP's
 * {@code dataSourceClassName} (e.g. {@code dataSource.url}, {@code dataSource.postgresUrl}) and
 * from Spring Boot. Each setter matches a property of the contract: {@code postgresUrl} is {@code
 * dualwrite.postgres.url}, {@code readPercent} is {@code dualwrite.readPercent}, and so on.
 *
 * <p>The data source owns one runtime (rewriter cache, flags, breakers, drift); {@link #close()}
 * stops its background work.
 */
public class DualWriteDataSource implements DataSource, AutoCloseable {
  private String url;
  private final Properties properties = new Properties();
  private Object meterRegistry;
  private PrintWriter logWriter;
  private int loginTimeout;
  private DriverRuntime runtime;

  public String getUrl() {
    return url;
  }

  /** The {@code jdbc:dualwrite:mysql://...} URL. */
  public void setUrl(String url) {
    this.url = url;
  }

  public void setUser(String user) {
    set("user", user);
  }

  public String getUser() {
    return properties.getProperty("user");
  }

  public void setPassword(String password) {
    set("password", password);
  }

  public void setPostgresUrl(String value) {
    set(DualWriteProperty.POSTGRES_URL, value);
  }

  public String getPostgresUrl() {
    return properties.getProperty(DualWriteProperty.POSTGRES_URL.getName());
  }

  public void setPostgresUser(String value) {
    set(DualWriteProperty.POSTGRES_USER, value);
  }

  public void setPostgresPassword(String value) {
    set(DualWriteProperty.POSTGRES_PASSWORD, value);
  }

  public void setPhase(String value) {
    set(DualWriteProperty.PHASE, value);
  }

  public void setReadPercent(int value) {
    set(DualWriteProperty.READ_PERCENT, Integer.toString(value));
  }

  public void setComparePercent(int value) {
    set(DualWriteProperty.COMPARE_PERCENT, Integer.toString(value));
  }

  public void setControl(String value) {
    set(DualWriteProperty.CONTROL, value);
  }

  public void setRefreshMillis(int value) {
    set(DualWriteProperty.REFRESH_MILLIS, Integer.toString(value));
  }

  public void setMirrorTimeoutMillis(int value) {
    set(DualWriteProperty.MIRROR_TIMEOUT_MILLIS, Integer.toString(value));
  }

  public void setOverlapMirror(boolean value) {
    set(DualWriteProperty.OVERLAP_MIRROR, Boolean.toString(value));
  }

  public void setInstance(String value) {
    set(DualWriteProperty.INSTANCE, value);
  }

  public void setConfig(String value) {
    set(DualWriteProperty.CONFIG, value);
  }

  /**
   * Any property by name: a {@code dualwrite.} property or one for Connector/J (e.g. {@code
   * useSSL}).
   */
  public void setProperty(String name, String value) {
    set(name, value);
  }

  /** A Micrometer {@code MeterRegistry} for the driver's meters (default: the global registry). */
  public void setMeterRegistry(Object registry) {
    this.meterRegistry = registry;
  }

  private void set(DualWriteProperty property, String value) {
    set(property.getName(), value);
  }

  private synchronized void set(String name, String value) {
    if (value == null) {
      properties.remove(name);
    } else {
      properties.setProperty(name, value);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connect(null, null);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connect(username, password);
  }

  private Connection connect(String user, String password) throws SQLException {
    if (url == null) {
      throw new SQLException("DualWriteDataSource: url is not set.", "08001");
    }
    Properties props;
    synchronized (this) {
      props = (Properties) properties.clone();
    }
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    DualWriteConfig config = DualWriteConfig.from(url, props);
    return DualWriteConnection.open(runtime(config), config);
  }

  private synchronized DriverRuntime runtime(DualWriteConfig config) {
    if (runtime == null || !runtime.config().runtimeKey().equals(config.runtimeKey())) {
      if (runtime != null) {
        runtime.close();
      }
      runtime = new DriverRuntime(config, meterRegistry);
    }
    return runtime;
  }

  /** Stops the data source's background work; open connections keep working. */
  @Override
  public synchronized void close() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("dualwrite logs through SLF4J", "0A000");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("DualWriteDataSource is not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "DualWriteDataSource[url=" + io.dualwrite.driver.config.Redaction.url(url) + "]";
  }
}
