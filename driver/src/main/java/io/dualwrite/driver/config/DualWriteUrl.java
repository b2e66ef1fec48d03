package io.dualwrite.driver.config;

import io.dualwrite.driver.DualWriteProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Splits a {@code jdbc:dualwrite:mysql://...} URL (contract section 1) into the MySQL URL handed to
 * Connector/J and the {@code dualwrite.} properties found in its query string.
 *
 * <p>Only the prefix is removed: everything after {@code jdbc:dualwrite:}, with {@code jdbc:} put
 * in front, is the MySQL URL; {@code dualwrite.} parameters are taken out of its query string, all
 * other parameters are kept byte for byte, in order.
 */
public final class DualWriteUrl {
  public static final String PREFIX = "jdbc:dualwrite:";

  private final String mysqlUrl;
  private final Properties queryProperties;

  private DualWriteUrl(String mysqlUrl, Properties queryProperties) {
    this.mysqlUrl = mysqlUrl;
    this.queryProperties = queryProperties;
  }

  public static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  public static DualWriteUrl parse(String url) throws SQLException {
    if (!accepts(url)) {
      throw new SQLException("Not a dualwrite URL (expected " + PREFIX + "mysql://...)", "08001");
    }
    String vendorUrl = "jdbc:" + url.substring(PREFIX.length());
    if (!vendorUrl.startsWith("jdbc:mysql:") && !vendorUrl.startsWith("jdbc:mysql+srv:")) {
      throw new SQLException(
          "dualwrite wraps MySQL URLs: expected "
              + PREFIX
              + "mysql://HOST[:PORT]/DATABASE, got "
              + PREFIX
              + Redaction.url(url.substring(PREFIX.length())),
          "08001");
    }
    int query = vendorUrl.indexOf('?');
    if (query < 0) {
      return new DualWriteUrl(vendorUrl, new Properties());
    }
    Properties ours = new Properties();
    StringBuilder kept = new StringBuilder();
    for (String pair : vendorUrl.substring(query + 1).split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decode(rawName);
      if (DualWriteProperty.isOurs(name)) {
        ours.setProperty(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      } else {
        kept.append(kept.length() == 0 ? "" : "&").append(pair);
      }
    }
    String base = vendorUrl.substring(0, query);
    return new DualWriteUrl(kept.length() == 0 ? base : base + "?" + kept, ours);
  }

  /** The URL for Connector/J: the input without the dualwrite prefix and parameters. */
  public String mysqlUrl() {
    return mysqlUrl;
  }

  /** The {@code dualwrite.} parameters of the query string, decoded. */
  public Properties queryProperties() {
    return queryProperties;
  }

  /** A query-string parameter of the MySQL URL (e.g. {@code user}), decoded, or null. */
  public String mysqlParameter(String name) {
    int query = mysqlUrl.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String pair : mysqlUrl.substring(query + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
        return decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
