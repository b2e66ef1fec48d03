package io.dualwrite.rewriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SchemaCatalog} read from MySQL's (or MariaDB's) information_schema for one schema, over
 * plain java.sql: COLUMNS for types, nullability, AUTO_INCREMENT, ON UPDATE CURRENT_TIMESTAMP and
 * collations; STATISTICS for the primary and unique keys. Thread-safe: a reload swaps an immutable
 * snapshot and bumps {@link #generation()}, so a {@link Rewriter} using this catalog stops serving
 * translations made against the old one.
 */
public final class InformationSchemaCatalog implements SchemaCatalog {

  private static final String COLUMNS_SQL =
      "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, EXTRA, COLLATION_NAME,"
          + " COLUMN_DEFAULT"
          + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
          + " ORDER BY TABLE_NAME, ORDINAL_POSITION";

  private static final String KEYS_SQL =
      "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME"
          + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND NON_UNIQUE = 0"
          + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

  private final String schema;
  private final Connection connection;
  private final AtomicLong generation = new AtomicLong(1);
  private volatile Map<String, TableInfo> tables;

  private final String defaultCollation;

  private InformationSchemaCatalog(
      Connection connection, String schema, Map<String, TableInfo> t, String defaultCollation) {
    this.connection = connection;
    this.schema = schema;
    this.tables = t;
    this.defaultCollation = defaultCollation;
  }

  /**
   * Reads the catalog of {@code schema} through {@code mysql}. The connection is kept for {@link
   * #reload()}; the caller still owns (and closes) it.
   */
  public static InformationSchemaCatalog load(Connection mysql, String schema) throws SQLException {
    Objects.requireNonNull(mysql, "mysql");
    Objects.requireNonNull(schema, "schema");
    return new InformationSchemaCatalog(
        mysql, schema, read(mysql, schema), defaultCollation(mysql, schema));
  }

  /** The schema's default collation on MySQL (lower case); null on MariaDB or when not found. */
  private static String defaultCollation(Connection mysql, String schema) throws SQLException {
    if (isMariaDb(mysql)) {
      return null;
    }
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        String c = rs.next() ? rs.getString(1) : null;
        return c == null ? null : c.toLowerCase(Locale.ROOT);
      }
    }
  }

  @Override
  public String mysqlDefaultCollation() {
    return defaultCollation;
  }

  /** Re-reads the catalog through the connection given to {@link #load}. */
  public void reload() throws SQLException {
    reload(connection);
  }

  /** Re-reads the catalog through {@code mysql}. */
  public void reload(Connection mysql) throws SQLException {
    Map<String, TableInfo> fresh = read(mysql, schema);
    tables = fresh;
    generation.incrementAndGet();
  }

  @Override
  public String database() {
    return schema;
  }

  /** The schema this catalog describes. */
  public String schema() {
    return schema;
  }

  /** The known table names (lower-case). */
  public java.util.Set<String> tableNames() {
    return tables.keySet();
  }

  @Override
  public Optional<TableInfo> table(String name) {
    return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public long generation() {
    return generation.get();
  }

  private volatile PostgresCapabilities postgres = PostgresCapabilities.NONE;

  /**
   * Records what the PostgreSQL side offers ({@link PostgresCapabilities#read}); a change bumps
   * {@link #generation()}, so cached translations are made again.
   */
  public void postgres(PostgresCapabilities capabilities) {
    if (!capabilities.equals(postgres)) {
      postgres = capabilities;
      generation.incrementAndGet();
    }
  }

  @Override
  public PostgresCapabilities postgres() {
    return postgres;
  }

  /**
   * MariaDB's JSON is a LONGTEXT with a {@code json_valid(column)} check; MySQL 8 reports {@code
   * json}. The catalog says {@code json} for both, so translations follow MySQL 8's JSON column.
   */
  private static final String MARIADB_JSON_SQL =
      "SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
          + " WHERE CONSTRAINT_SCHEMA = ? AND CHECK_CLAUSE LIKE 'json_valid(%'";

  private static final java.util.regex.Pattern JSON_VALID =
      java.util.regex.Pattern.compile("(?i)json_valid\\(`?([^`()]+)`?\\)");

  /** table.column of MariaDB's JSON columns (none on MySQL). */
  private static java.util.Set<String> mariadbJsonColumns(Connection c, String schema)
      throws SQLException {
    java.util.Set<String> json = new java.util.HashSet<>();
    if (!isMariaDb(c)) {
      return json; // MySQL, or no metadata (a minimal driver): not known to be MariaDB
    }
    try (PreparedStatement ps = c.prepareStatement(MARIADB_JSON_SQL)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          java.util.regex.Matcher m = JSON_VALID.matcher(rs.getString(2).trim());
          if (m.matches()) {
            json.add(
                rs.getString(1).toLowerCase(Locale.ROOT)
                    + "."
                    + m.group(1).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return json;
  }

  /** Whether {@code c} is a MariaDB server (its version says so), else MySQL. */
  private static boolean isMariaDb(Connection c) {
    try {
      String version = c.getMetaData().getDatabaseProductVersion();
      return version != null && version.contains("MariaDB");
    } catch (SQLException | RuntimeException e) {
      return false; // no metadata (a minimal driver): not known to be MariaDB
    }
  }

  private static Map<String, TableInfo> read(Connection c, String schema) throws SQLException {
    java.util.Set<String> mariadbJson = mariadbJsonColumns(c, schema);
    boolean mariaDb = isMariaDb(c);
    Map<String, List<ColumnInfo>> columns = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS_SQL)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString(1).toLowerCase(Locale.ROOT);
          String extra = String.valueOf(rs.getString(5)).toLowerCase(Locale.ROOT);
          String collation = rs.getString(6);
          // MySQL 8: "CURRENT_TIMESTAMP" / "CURRENT_TIMESTAMP(3)"; MariaDB: "current_timestamp()"
          String columnDefault = String.valueOf(rs.getString(7)).toLowerCase(Locale.ROOT);
          String column = rs.getString(2).toLowerCase(Locale.ROOT);
          String type = lowerOutsideQuotes(rs.getString(3));
          if (type.equals("longtext") && mariadbJson.contains(table + "." + column)) {
            type = "json";
            collation = null;
          }
          columns
              .computeIfAbsent(table, k -> new ArrayList<>())
              .add(
                  new ColumnInfo(
                      column,
                      type,
                      "YES".equalsIgnoreCase(rs.getString(4)),
                      extra.contains("auto_increment"),
                      // MySQL 8: "on update CURRENT_TIMESTAMP", MariaDB: "on update
                      // current_timestamp()"
                      extra.contains("on update current_timestamp"),
                      collation != null && collation.toLowerCase(Locale.ROOT).endsWith("_ci"),
                      columnDefault.startsWith("current_timestamp")
                          || columnDefault.startsWith("now("),
                      !mariaDb && "utf8mb4_0900_ai_ci".equalsIgnoreCase(collation)));
        }
      }
    }
    Map<String, List<String>> primary = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> unique = new LinkedHashMap<>();
    java.util.Set<String> expressionKeys = new java.util.HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(KEYS_SQL)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString(1).toLowerCase(Locale.ROOT);
          String index = rs.getString(2);
          String column = rs.getString(5);
          if (column == null) {
            // a functional key part (MySQL 8): the key exists but cannot be named by columns
            expressionKeys.add(table + "." + index);
            continue;
          }
          column = column.toLowerCase(Locale.ROOT);
          if (index.equals("PRIMARY")) {
            primary.computeIfAbsent(table, k -> new ArrayList<>()).add(column);
          } else {
            unique
                .computeIfAbsent(table, k -> new LinkedHashMap<>())
                .computeIfAbsent(index, k -> new ArrayList<>())
                .add(column);
          }
        }
      }
    }
    Map<String, TableInfo> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<ColumnInfo>> e : columns.entrySet()) {
      String table = e.getKey();
      List<List<String>> uniques = new ArrayList<>();
      Map<String, List<String>> byIndex = unique.getOrDefault(table, Map.of());
      for (Map.Entry<String, List<String>> u : byIndex.entrySet()) {
        if (!expressionKeys.contains(table + "." + u.getKey())) {
          uniques.add(u.getValue());
        }
      }
      result.put(
          table,
          new TableInfo(table, e.getValue(), primary.getOrDefault(table, List.of()), uniques));
    }
    return Map.copyOf(result);
  }

  /**
   * A COLUMN_TYPE in lower case except its quoted ENUM/SET members, whose case is the stored text
   * ({@code ENUM('PG','G')} is {@code enum('PG','G')}: MySQL stores 'pg' as 'PG').
   */
  static String lowerOutsideQuotes(String columnType) {
    StringBuilder out = new StringBuilder(columnType.length());
    boolean quoted = false;
    for (int i = 0; i < columnType.length(); i++) {
      char c = columnType.charAt(i);
      if (c == '\'') {
        quoted = !quoted; // a doubled quote inside a member toggles twice
      }
      out.append(quoted || c == '\'' ? c : Character.toLowerCase(c));
    }
    return out.toString();
  }
}
