package io.dualwrite.driver.control;

import io.dualwrite.driver.runtime.VendorDrivers;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A {@link DataSource} over the runtime's vendor drivers, for HikariCP. */
final class ControlDataSource implements DataSource {
  private final ControlLocation location;
  private final VendorDrivers vendors;
  private volatile int loginTimeout;

  ControlDataSource(ControlLocation location, VendorDrivers vendors) {
    this.location = location;
    this.vendors = vendors;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Properties props = location.properties();
    Properties copy = new Properties();
    copy.putAll(props);
    return location.dialect() == ControlDialect.MYSQL
        ? vendors.openMysql(location.url(), copy)
        : vendors.openPostgres(location.url(), copy);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials come from the configuration");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // logging goes through SLF4J
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
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return location.toString();
  }
}
