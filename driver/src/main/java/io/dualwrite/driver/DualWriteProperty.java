package io.dualwrite.driver;

import io.dualwrite.driver.config.Redaction;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every property of the dualwrite driver (contract section 2), in the manner of pgjdbc's {@code
 * PGProperty}: name, default, description, allowed values, and typed getters that fail with
 * SQLState {@code 22023} naming the property. {@link Driver#getPropertyInfo} and the property table
 * in docs/driver.md are generated from this enum.
 */
public enum DualWriteProperty {
  POSTGRES_URL(
      "dualwrite.postgres.url",
      null,
      "The PostgreSQL side: a jdbc:postgresql:// URL (URL-encoded inside a query string). Required"
          + " unless the phase is MYSQL_ONLY.",
      Kind.TEXT),
  POSTGRES_USER(
      "dualwrite.postgres.user", null, "PostgreSQL user. Default: MySQL's user.", Kind.TEXT),
  POSTGRES_PASSWORD(
      "dualwrite.postgres.password",
      null,
      "PostgreSQL password. Default: MySQL's password.",
      Kind.SECRET),
  PHASE(
      "dualwrite.phase",
      "DUAL_WRITE",
      "Starting phase, used until the control store says otherwise.",
      Kind.PHASE),
  READ_PERCENT(
      "dualwrite.readPercent",
      "0",
      "Share of eligible reads served by PostgreSQL, 0-100.",
      Kind.PERCENT),
  COMPARE_PERCENT(
      "dualwrite.comparePercent",
      "0",
      "Share of reads run on both sides and compared, 0-100; the authoritative side's result is"
          + " returned.",
      Kind.PERCENT),
  CONTROL(
      "dualwrite.control",
      "primary",
      "Where flags, heartbeats, discrepancies and drift live: none (static configuration from these"
          + " properties), primary (the MySQL database of the URL, whatever the phase), or a"
          + " jdbc:mysql:// or jdbc:postgresql:// URL.",
      Kind.TEXT),
  REFRESH_MILLIS(
      "dualwrite.refreshMillis",
      "1000",
      "How often an instance re-reads the control store, in milliseconds (100-3600000).",
      Kind.MILLIS),
  MIRROR_TIMEOUT_MILLIS(
      "dualwrite.mirrorTimeoutMillis",
      "2000",
      "Deadline, in milliseconds (100-60000), for each statement on the side that is not"
          + " authoritative (mirrored writes, reads it serves, opening its connection): a hung or"
          + " slow side never holds an application call, or the authoritative side's row locks,"
          + " much longer.",
      Kind.DEADLINE),
  OVERLAP_MIRROR(
      "dualwrite.overlapMirror",
      "true",
      "Inside a transaction, a write mirrored to the side that is not authoritative runs there while"
          + " the application's next statement runs on the authoritative side (MySQL); false runs"
          + " each mirrored write before the application's call returns.",
      Kind.BOOLEAN),
  INSTANCE(
      "dualwrite.instance",
      null,
      "This process's name in status. Default: hostname:pid.",
      Kind.TEXT),
  CONFIG(
      "dualwrite.config",
      null,
      "A properties file with any of these properties; the URL and connection properties win over"
          + " it.",
      Kind.TEXT);

  /** Every property name starts with this; such names are never passed to a vendor driver. */
  public static final String PREFIX = "dualwrite.";

  private static final Map<String, DualWriteProperty> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(p -> p.name, Function.identity()));

  /** How a value is checked. */
  enum Kind {
    TEXT,
    SECRET,
    PHASE,
    PERCENT,
    MILLIS,
    DEADLINE,
    BOOLEAN
  }

  private final String name;
  private final String defaultValue;
  private final String description;
  private final Kind kind;

  DualWriteProperty(String name, String defaultValue, String description, Kind kind) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.description = description;
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public String getDescription() {
    return description;
  }

  /** The allowed values when they are a closed set, else an empty array. */
  public String[] getChoices() {
    if (kind == Kind.PHASE) {
      return Arrays.stream(Phase.values()).map(Enum::name).toArray(String[]::new);
    }
    if (kind == Kind.BOOLEAN) {
      return new String[] {"true", "false"};
    }
    return new String[0];
  }

  /** Whether the value is a secret that must never be shown. */
  public boolean isSecret() {
    return kind == Kind.SECRET;
  }

  /**
   * Whether {@code name} is in this driver's namespace: it starts with {@code dualwrite.} in any
   * letter case ({@code Dualwrite.readPercent} is ours, and refused as misspelt, never handed to a
   * vendor driver that would ignore it).
   */
  public static boolean isOurs(String name) {
    return name != null && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** The property whose name equals {@code name} ignoring case, if any (for a hint). */
  public static Optional<DualWriteProperty> forNameIgnoringCase(String name) {
    return Arrays.stream(values()).filter(p -> p.name.equalsIgnoreCase(name)).findFirst();
  }

  /** The property with this exact name, if any. */
  public static Optional<DualWriteProperty> forName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The raw value in {@code props}, or the default (possibly null). */
  public String get(Properties props) {
    String value = props.getProperty(name);
    return value == null ? defaultValue : value;
  }

  /** Whether {@code props} sets this property explicitly. */
  public boolean isPresent(Properties props) {
    return props.getProperty(name) != null;
  }

  public int getInt(Properties props) throws SQLException {
    String raw = get(props);
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw invalid(raw, "a whole number");
    }
    switch (kind) {
      case PERCENT:
        if (value < 0 || value > 100) {
          throw invalid(raw, "a whole number from 0 to 100");
        }
        break;
      case MILLIS:
        if (value < 100 || value > 3_600_000) {
          throw invalid(raw, "milliseconds from 100 to 3600000");
        }
        break;
      case DEADLINE:
        if (value < 100 || value > 60_000) {
          throw invalid(raw, "milliseconds from 100 to 60000");
        }
        break;
      default:
        break;
    }
    return value;
  }

  /** A {@code true}/{@code false} value, in any letter case. */
  public boolean getBoolean(Properties props) throws SQLException {
    String raw = get(props);
    String v = raw == null ? "" : raw.trim();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid(raw, "true or false");
  }

  public Phase getPhase(Properties props) throws SQLException {
    String raw = get(props);
    try {
      return Phase.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(raw, "one of " + String.join(", ", getChoices()));
    }
  }

  /** Checks the value in {@code props} against this property's kind. */
  public void validate(Properties props) throws SQLException {
    if (get(props) == null) {
      return;
    }
    switch (kind) {
      case PERCENT, MILLIS, DEADLINE -> getInt(props);
      case PHASE -> getPhase(props);
      case BOOLEAN -> getBoolean(props);
      default -> {}
    }
  }

  /** A bad value: SQLState 22023, naming the property; secrets are never echoed. */
  public SQLException invalid(String raw, String expected) {
    String shown = isSecret() ? "(hidden)" : "'" + Redaction.oneLine(Redaction.url(raw)) + "'";
    return new SQLException(
        "Invalid value " + shown + " for " + name + ": expected " + expected + ".", "22023");
  }

  /**
   * The property table of docs/driver.md, generated from this enum ({@code DualWritePropertyTest}
   * checks that docs/driver.md holds exactly this text).
   */
  public static String markdownTable() {
    StringBuilder b = new StringBuilder("| property | default | meaning |\n|---|---|---|\n");
    for (DualWriteProperty p : values()) {
      b.append("| `")
          .append(p.name)
          .append("` | ")
          .append(p.defaultValue == null ? "none" : "`" + p.defaultValue + "`")
          .append(" | ")
          .append(p.description)
          .append(
              p.getChoices().length == 0
                  ? ""
                  : " One of " + String.join(", ", p.getChoices()) + ".")
          .append(" |\n");
    }
    return b.toString();
  }

  /** For {@link java.sql.Driver#getPropertyInfo}. */
  public DriverPropertyInfo toDriverPropertyInfo(Properties props) {
    String value = isSecret() ? null : Redaction.url(get(props));
    DriverPropertyInfo info = new DriverPropertyInfo(name, value);
    info.description =
        description + (defaultValue == null ? "" : " Default: " + defaultValue + ".");
    info.required = this == POSTGRES_URL;
    String[] choices = getChoices();
    info.choices = choices.length == 0 ? null : choices;
    return info;
  }
}
