package io.dualwrite.admin.connect;

import io.dualwrite.admin.AdminException;
import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the two databases are, resolved the way the driver resolves its own configuration.
 *
 * <p>Sources, strongest first: the command-line options; the {@code --config} properties file;
 * {@code dualwrite.*} parameters in the MySQL URL's query string. Property names are the driver's
 * (contract, sections 1 and 2): {@code url}, {@code user}, {@code password} for MySQL; {@code
 * dualwrite.postgres.url}, {@code dualwrite.postgres.user}, {@code dualwrite.postgres.password} for
 * PostgreSQL, whose user and password default to MySQL's. A MySQL URL may be the application's
 * {@code jdbc:dualwrite:mysql://...} URL: only that prefix is turned into {@code jdbc:}, and its
 * {@code dualwrite.*} parameters are taken out of the URL.
 */
public final class ConnectionSettings {
  public static final String DUALWRITE_PREFIX = "jdbc:dualwrite:";
  static final String MYSQL_URL = "url";
  static final String MYSQL_USER = "user";
  static final String MYSQL_PASSWORD = "password";
  static final String POSTGRES_URL = "dualwrite.postgres.url";
  static final String POSTGRES_USER = "dualwrite.postgres.user";
  static final String POSTGRES_PASSWORD = "dualwrite.postgres.password";

  private final DatabaseEndpoint mysql;
  private final DatabaseEndpoint postgres;
  private final Map<String, String> dualwriteProperties;

  private ConnectionSettings(
      DatabaseEndpoint mysql, DatabaseEndpoint postgres, Map<String, String> dualwriteProperties) {
    this.mysql = mysql;
    this.postgres = postgres;
    this.dualwriteProperties = Collections.unmodifiableMap(dualwriteProperties);
  }

  /** The MySQL side, when a URL was given. */
  public Optional<DatabaseEndpoint> mysql() {
    return Optional.ofNullable(mysql);
  }

  /** The PostgreSQL side, when a URL was given. */
  public Optional<DatabaseEndpoint> postgres() {
    return Optional.ofNullable(postgres);
  }

  /** The MySQL side, or exit 2 saying how to give it. */
  public DatabaseEndpoint requireMysql() {
    return mysql()
        .orElseThrow(
            () ->
                AdminException.cannotRun(
                    "no MySQL database given: use --mysql-url or url= in --config", null));
  }

  /** The PostgreSQL side, or exit 2 saying how to give it. */
  public DatabaseEndpoint requirePostgres() {
    return postgres()
        .orElseThrow(
            () ->
                AdminException.cannotRun(
                    "no PostgreSQL database given: use --postgres-url or dualwrite.postgres.url= in"
                        + " --config",
                    null));
  }

  /**
   * Every {@code dualwrite.*} property found (e.g. {@code dualwrite.control}), for commands that
   * need more than the two endpoints; values as given, passwords included, so never print it.
   */
  public Map<String, String> dualwriteProperties() {
    return dualwriteProperties;
  }

  /**
   * Resolves the settings. {@code postgresOptions} may be null for commands that only read MySQL;
   * the PostgreSQL side then comes from the config file alone. Every password met is registered
   * with {@code secrets}.
   *
   * @throws AdminException (exit 2) when the config file cannot be read
   */
  public static ConnectionSettings resolve(
      Path configFile,
      MysqlOptions mysqlOptions,
      PostgresOptions postgresOptions,
      Secrets secrets) {
    Map<String, String> props = new LinkedHashMap<>();
    if (configFile != null) {
      props.putAll(readConfig(configFile));
    }
    for (Map.Entry<String, String> e : props.entrySet()) {
      if (io.dualwrite.driver.config.Redaction.isSecretName(e.getKey())) {
        secrets.add(e.getValue());
      }
      if (e.getKey().endsWith("url")) {
        secrets.addFromUrl(e.getValue());
      }
    }

    String mysqlUrl = first(mysqlOptions == null ? null : mysqlOptions.url(), props.get(MYSQL_URL));
    secrets.addFromUrl(mysqlUrl);
    if (mysqlUrl != null) {
      mysqlUrl = takeDualwriteParameters(mysqlUrl, props);
    }
    String mysqlUser =
        first(mysqlOptions == null ? null : mysqlOptions.user(), props.get(MYSQL_USER));
    String mysqlPassword =
        first(
            PasswordPrompt.resolve(
                mysqlOptions == null ? null : mysqlOptions.password(), "--mysql-password", "MySQL"),
            props.get(MYSQL_PASSWORD));
    secrets.add(mysqlPassword);

    String pgUrl =
        first(postgresOptions == null ? null : postgresOptions.url(), props.get(POSTGRES_URL));
    secrets.addFromUrl(pgUrl);
    String pgUser =
        first(
            postgresOptions == null ? null : postgresOptions.user(),
            props.get(POSTGRES_USER),
            mysqlUser);
    String pgPassword =
        first(
            PasswordPrompt.resolve(
                postgresOptions == null ? null : postgresOptions.password(),
                "--postgres-password",
                "PostgreSQL"),
            props.get(POSTGRES_PASSWORD),
            mysqlPassword);
    secrets.add(pgPassword);

    Map<String, String> dualwrite = new LinkedHashMap<>();
    props.forEach(
        (k, v) -> {
          if (k.startsWith("dualwrite.")) {
            dualwrite.put(k, v);
          }
        });
    return new ConnectionSettings(
        mysqlUrl == null ? null : new DatabaseEndpoint(mysqlUrl, mysqlUser, mysqlPassword),
        pgUrl == null ? null : new DatabaseEndpoint(pgUrl, pgUser, pgPassword),
        dualwrite);
  }

  private static Map<String, String> readConfig(Path file) {
    Properties loaded = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      loaded.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw AdminException.cannotRun("cannot read the config file " + file + ": " + describe(e), e);
    }
    Map<String, String> props = new LinkedHashMap<>();
    for (String name : loaded.stringPropertyNames()) {
      props.put(name.trim(), loaded.getProperty(name).trim());
    }
    return props;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  /**
   * Turns a {@code jdbc:dualwrite:} URL into the vendor URL (only the prefix changes) and moves its
   * {@code dualwrite.*} query parameters into {@code props}, where names already present win.
   */
  static String takeDualwriteParameters(String url, Map<String, String> props) {
    String vendorUrl =
        url.regionMatches(true, 0, DUALWRITE_PREFIX, 0, DUALWRITE_PREFIX.length())
            ? "jdbc:" + url.substring(DUALWRITE_PREFIX.length())
            : url;
    int query = vendorUrl.indexOf('?');
    if (query < 0) {
      return vendorUrl;
    }
    StringBuilder kept = new StringBuilder(vendorUrl.substring(0, query));
    char separator = '?';
    for (String param : vendorUrl.substring(query + 1).split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = urlDecode(eq < 0 ? param : param.substring(0, eq));
      if (name.startsWith("dualwrite.")) {
        props.putIfAbsent(name, eq < 0 ? "" : urlDecode(param.substring(eq + 1)));
      } else {
        kept.append(separator).append(param);
        separator = '&';
      }
    }
    return kept.toString();
  }

  static String urlDecode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "ConnectionSettings[mysql=" + mysql + ", postgres=" + postgres + "]";
  }
}
