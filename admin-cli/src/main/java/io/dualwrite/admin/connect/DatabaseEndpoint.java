package io.dualwrite.admin.connect;

import java.util.Properties;

/**
 * One side's JDBC URL and credentials, as resolved from the command line and {@code --config}.
 *
 * <p>{@link #toString()} shows the URL with passwords masked and never the password.
 */
public record DatabaseEndpoint(String url, String user, String password) {

  /** {@code user} and {@code password} as JDBC connection properties (absent ones left out). */
  public Properties credentials() {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    return props;
  }

  /** The URL with every password masked: what messages show. */
  public String safeUrl() {
    return Secrets.redactUrl(url);
  }

  @Override
  public String toString() {
    return "DatabaseEndpoint[" + safeUrl() + ", user=" + user + "]";
  }
}
