package io.dualwrite.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How to reach one database: a JDBC URL and the credentials for it.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record Endpoint(String jdbcUrl, String user, String password) {

  /** Opens a new connection; the caller closes it. */
  public Connection open() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, properties());
  }

  /** {@code user} and {@code password} as JDBC connection properties. */
  public Properties properties() {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    return props;
  }

  @Override
  public String toString() {
    return "Endpoint[" + jdbcUrl + ", user=" + user + "]";
  }
}
