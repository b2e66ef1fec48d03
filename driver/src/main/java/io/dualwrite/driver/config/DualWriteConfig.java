package io.dualwrite.driver.config;

import io.dualwrite.driver.DualWriteProperty;
import io.dualwrite.driver.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * One validated configuration of the driver: both vendor URLs with their own properties, and the
 * values of every {@link DualWriteProperty}. Built once per {@code connect}; immutable.
 *
 * <p>Precedence, lowest first: the {@code dualwrite.config} file, the URL's query string, the
 * {@code Properties} passed to {@code connect}. Names starting with {@code dualwrite.} are removed
 * before either vendor driver sees the properties.
 */
public final class DualWriteConfig {

  /** Where the control store lives. */
  public enum ControlMode {
    NONE,
    PRIMARY,
    URL
  }

  /**
   * pgjdbc properties dualwrite sets on the PostgreSQL side unless the user did: bounded timeouts
   * (a hung PostgreSQL must not stall the application for long), {@code stringtype=unspecified} so
   * strings bound by a MySQL application to numeric, date or JSON columns are typed by the server
   * as MySQL would coerce them, and {@code autosave=always} (statement-level rollback).
   */
  static final Properties POSTGRES_DEFAULTS = new Properties();

  static {
    POSTGRES_DEFAULTS.setProperty("connectTimeout", "5");
    POSTGRES_DEFAULTS.setProperty("loginTimeout", "10");
    POSTGRES_DEFAULTS.setProperty("socketTimeout", "60");
    POSTGRES_DEFAULTS.setProperty("stringtype", "unspecified");
    POSTGRES_DEFAULTS.setProperty("ApplicationName", "dualwrite");
    // A failed statement inside a transaction must not abort the rest of it (MySQL semantics, and
    // what keeps later mirrored statements applying): pgjdbc sets a savepoint before each
    // statement in the same network round trip and rolls back to it on error.
    POSTGRES_DEFAULTS.setProperty("autosave", "always");
    POSTGRES_DEFAULTS.setProperty("cleanupSavepoints", "true");
  }

  private final String mysqlUrl;
  private final Properties mysqlProperties;
  private final String postgresUrl;
  private final Properties postgresProperties;
  private final Phase phase;
  private final int readPercent;
  private final int comparePercent;
  private final ControlMode controlMode;
  private final String controlUrl;
  private final int refreshMillis;
  private final int mirrorTimeoutMillis;
  private final boolean overlapMirror;
  private final String instance;

  private DualWriteConfig(
      String mysqlUrl, Properties mysqlProperties, Properties all, Properties postgresProperties)
      throws SQLException {
    this.mysqlUrl = mysqlUrl;
    this.mysqlProperties = mysqlProperties;
    this.postgresProperties = postgresProperties;
    this.phase = DualWriteProperty.PHASE.getPhase(all);
    this.readPercent = DualWriteProperty.READ_PERCENT.getInt(all);
    this.comparePercent = DualWriteProperty.COMPARE_PERCENT.getInt(all);
    this.refreshMillis = DualWriteProperty.REFRESH_MILLIS.getInt(all);
    this.mirrorTimeoutMillis = DualWriteProperty.MIRROR_TIMEOUT_MILLIS.getInt(all);
    this.overlapMirror = DualWriteProperty.OVERLAP_MIRROR.getBoolean(all);
    String pg = DualWriteProperty.POSTGRES_URL.get(all);
    if (pg != null && !pg.isBlank()) {
      pg = pg.trim();
      if (!pg.startsWith("jdbc:postgresql:")) {
        throw DualWriteProperty.POSTGRES_URL.invalid(pg, "a jdbc:postgresql:// URL");
      }
      String malformed = malformedPostgresUrl(pg);
      if (malformed != null) {
        throw DualWriteProperty.POSTGRES_URL.invalid(
            pg, "a well-formed jdbc:postgresql://HOST[:PORT]/DATABASE URL (" + malformed + ")");
      }
    } else {
      pg = null;
      if (phase != Phase.MYSQL_ONLY) {
        throw new SQLException(
            "Missing "
                + DualWriteProperty.POSTGRES_URL.getName()
                + ": a jdbc:postgresql:// URL is required unless "
                + DualWriteProperty.PHASE.getName()
                + " is MYSQL_ONLY.",
            "22023");
      }
    }
    this.postgresUrl = pg;
    String control = DualWriteProperty.CONTROL.get(all).trim();
    switch (control.toLowerCase(Locale.ROOT)) {
      case "none" -> {
        this.controlMode = ControlMode.NONE;
        this.controlUrl = null;
      }
      case "primary" -> {
        this.controlMode = ControlMode.PRIMARY;
        this.controlUrl = null;
      }
      default -> {
        if (!control.startsWith("jdbc:mysql:") && !control.startsWith("jdbc:postgresql:")) {
          throw new SQLException(
              "Invalid value '"
                  + Redaction.url(control)
                  + "' for "
                  + DualWriteProperty.CONTROL.getName()
                  + ": expected none, primary, or a jdbc:mysql:// or jdbc:postgresql:// URL.",
              "22023");
        }
        String malformed =
            control.startsWith("jdbc:postgresql:") ? malformedPostgresUrl(control) : null;
        if (malformed != null) {
          throw DualWriteProperty.CONTROL.invalid(
              control, "a well-formed jdbc:postgresql:// URL (" + malformed + ")");
        }
        this.controlMode = ControlMode.URL;
        this.controlUrl = control;
      }
    }
    String name = DualWriteProperty.INSTANCE.get(all);
    this.instance = name == null || name.isBlank() ? defaultInstanceName() : name.trim();
  }

  /**
   * Builds the configuration for a {@code connect(url, info)} call.
   *
   * @throws SQLException {@code 22023} for an unknown {@code dualwrite.} name or a bad value,
   *     naming the property; {@code 08001} for a URL that is not a dualwrite MySQL URL
   */
  public static DualWriteConfig from(String url, Properties info) throws SQLException {
    DualWriteUrl parsed = DualWriteUrl.parse(url);
    Properties given = info == null ? new Properties() : info;

    // Merge our properties: file < URL query < Properties object.
    Properties ours = new Properties();
    String configFile = given.getProperty(DualWriteProperty.CONFIG.getName());
    if (configFile == null) {
      configFile = parsed.queryProperties().getProperty(DualWriteProperty.CONFIG.getName());
    }
    Properties fromFile = configFile == null ? new Properties() : readFile(configFile);
    copyOurs(fromFile, ours, "file " + configFile);
    copyOurs(parsed.queryProperties(), ours, "the URL");
    copyOurs(given, ours, "the connection properties");
    for (DualWriteProperty p : DualWriteProperty.values()) {
      p.validate(ours);
    }

    // MySQL's own properties: everything not ours, from the file's user/password up.
    Properties mysql = new Properties();
    for (String key : new String[] {"user", "password"}) {
      if (fromFile.getProperty(key) != null) {
        mysql.setProperty(key, fromFile.getProperty(key));
      }
    }
    for (String key : given.stringPropertyNames()) {
      if (!DualWriteProperty.isOurs(key)) {
        mysql.setProperty(key, given.getProperty(key));
      }
    }
    String mysqlUser = firstNonNull(mysql.getProperty("user"), parsed.mysqlParameter("user"));
    String mysqlPassword =
        firstNonNull(mysql.getProperty("password"), parsed.mysqlParameter("password"));

    Properties pg = new Properties();
    pg.putAll(POSTGRES_DEFAULTS);
    String pgUser = firstNonNull(DualWriteProperty.POSTGRES_USER.get(ours), mysqlUser);
    String pgPassword = firstNonNull(DualWriteProperty.POSTGRES_PASSWORD.get(ours), mysqlPassword);
    if (pgUser != null) {
      pg.setProperty("user", pgUser);
    }
    if (pgPassword != null) {
      pg.setProperty("password", pgPassword);
    }
    String pgUrl = DualWriteProperty.POSTGRES_URL.get(ours);
    if (pgUrl != null) {
      // Parameters written in the PostgreSQL URL win over our defaults.
      int q = pgUrl.indexOf('?');
      if (q >= 0) {
        for (String pair : pgUrl.substring(q + 1).split("&")) {
          int eq = pair.indexOf('=');
          String key = eq < 0 ? pair : pair.substring(0, eq);
          if (POSTGRES_DEFAULTS.containsKey(key)) {
            pg.remove(key);
          }
        }
      }
    }
    return new DualWriteConfig(parsed.mysqlUrl(), mysql, ours, pg);
  }

  private static void copyOurs(Properties from, Properties to, String where) throws SQLException {
    for (String key : from.stringPropertyNames()) {
      if (!DualWriteProperty.isOurs(key)) {
        continue;
      }
      if (DualWriteProperty.forName(key).isEmpty()) {
        String hint =
            DualWriteProperty.forNameIgnoringCase(key)
                .map(p -> " (names are case-sensitive: did you mean " + p.getName() + "?)")
                .orElse("");
        throw new SQLException(
            "Unknown property "
                + Redaction.oneLine(key)
                + " in "
                + where
                + hint
                + "; known dualwrite properties: "
                + knownNames()
                + ".",
            "22023");
      }
      to.setProperty(key, from.getProperty(key));
    }
  }

  /**
   * Why pgjdbc would not accept {@code url} (it returns no connection for a URL it cannot parse,
   * which would only show at the first mirrored write), or null when it would.
   */
  static String malformedPostgresUrl(String url) {
    Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
    if (parsed == null) {
      return "pgjdbc cannot parse it: check the port, the host list and the %-escapes";
    }
    try {
      java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "a %-escape is invalid";
    }
    if (url.chars().anyMatch(c -> c <= ' ')) {
      return "it contains white space or control characters";
    }
    String rest = url.substring("jdbc:postgresql:".length());
    if (rest.startsWith("//")) {
      int end = rest.length();
      for (char c : new char[] {'/', '?'}) {
        int at = rest.indexOf(c, 2);
        if (at >= 0 && at < end) {
          end = at;
        }
      }
      for (String host : rest.substring(2, end).split(",", -1)) {
        if (host.isBlank() || host.startsWith(":")) {
          return "a host is empty";
        }
      }
    }
    return null;
  }

  private static String knownNames() {
    StringBuilder b = new StringBuilder();
    for (DualWriteProperty p : DualWriteProperty.values()) {
      b.append(b.length() == 0 ? "" : ", ").append(p.getName());
    }
    return b.toString();
  }

  private static Properties readFile(String file) throws SQLException {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      props.load(in);
    } catch (IOException | RuntimeException e) {
      throw new SQLException(
          "Cannot read "
              + DualWriteProperty.CONFIG.getName()
              + " file '"
              + Redaction.oneLine(file)
              + "': "
              + e.getClass().getSimpleName(),
          "22023",
          e);
    }
    return props;
  }

  private static String defaultInstanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  public String mysqlUrl() {
    return mysqlUrl;
  }

  /** A copy of the properties for Connector/J (user, password and the app's other properties). */
  public Properties mysqlProperties() {
    Properties copy = new Properties();
    copy.putAll(mysqlProperties);
    return copy;
  }

  /** The PostgreSQL URL, or null when the phase is MYSQL_ONLY and none was given. */
  public String postgresUrl() {
    return postgresUrl;
  }

  /** A copy of the properties for pgjdbc (user, password, dualwrite's defaults). */
  public Properties postgresProperties() {
    Properties copy = new Properties();
    copy.putAll(postgresProperties);
    return copy;
  }

  public Phase phase() {
    return phase;
  }

  public int readPercent() {
    return readPercent;
  }

  public int comparePercent() {
    return comparePercent;
  }

  public ControlMode controlMode() {
    return controlMode;
  }

  /** The control store's JDBC URL when {@link #controlMode()} is URL, else null. */
  public String controlUrl() {
    return controlUrl;
  }

  public int refreshMillis() {
    return refreshMillis;
  }

  /**
   * The connection properties of {@code postgres} (else MySQL) when it is not the authoritative
   * side: the vendor's connect and login timeouts (Connector/J's socket timeout too) no longer than
   * {@link #mirrorTimeoutMillis()}, so opening a connection to a hung server is bounded like every
   * statement on it.
   */
  public Properties propertiesAsMirror(boolean postgres) {
    Properties p = postgres ? postgresProperties() : mysqlProperties();
    if (postgres) {
      int seconds = Math.max(1, (mirrorTimeoutMillis + 999) / 1000); // pgjdbc counts in seconds
      capInt(p, "connectTimeout", seconds);
      capInt(p, "loginTimeout", seconds);
    } else {
      capInt(p, "connectTimeout", mirrorTimeoutMillis); // Connector/J: milliseconds, 0 = none
      // Connector/J bounds its handshake only by socketTimeout: a server that accepts and never
      // answers would hold the connect forever (pgjdbc's loginTimeout covers it on that side).
      capInt(p, "socketTimeout", mirrorTimeoutMillis);
    }
    return p;
  }

  private static void capInt(Properties p, String name, int max) {
    String current = p.getProperty(name);
    int value;
    try {
      value = current == null ? 0 : Integer.parseInt(current.trim());
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value <= 0 || value > max) {
      p.setProperty(name, Integer.toString(max));
    }
  }

  /** The deadline of each statement on the side that is not authoritative. */
  public int mirrorTimeoutMillis() {
    return mirrorTimeoutMillis;
  }

  /**
   * {@code dualwrite.overlapMirror}: a mirrored write in a transaction overlaps the next statement.
   */
  public boolean overlapMirror() {
    return overlapMirror;
  }

  public String instance() {
    return instance;
  }

  /**
   * What identifies the shared runtime (rewriter cache, flags, breaker, drift) of connections with
   * this configuration: both databases and users, and every dualwrite setting; never a password.
   */
  public String runtimeKey() {
    return String.join(
        "\u0000",
        mysqlUrl,
        Objects.toString(mysqlProperties.getProperty("user")),
        Objects.toString(postgresUrl),
        Objects.toString(postgresProperties.getProperty("user")),
        phase.name(),
        Integer.toString(readPercent),
        Integer.toString(comparePercent),
        controlMode.name(),
        Objects.toString(controlUrl),
        Integer.toString(refreshMillis),
        Integer.toString(mirrorTimeoutMillis),
        Boolean.toString(overlapMirror),
        instance);
  }

  @Override
  public String toString() {
    return "DualWriteConfig[mysql="
        + Redaction.url(mysqlUrl)
        + ", postgres="
        + Redaction.url(postgresUrl)
        + ", phase="
        + phase
        + ", readPercent="
        + readPercent
        + ", comparePercent="
        + comparePercent
        + ", control="
        + (controlMode == ControlMode.URL ? Redaction.url(controlUrl) : controlMode)
        + ", refreshMillis="
        + refreshMillis
        + ", mirrorTimeoutMillis="
        + mirrorTimeoutMillis
        + ", overlapMirror="
        + overlapMirror
        + ", instance="
        + instance
        + "]";
  }
}
