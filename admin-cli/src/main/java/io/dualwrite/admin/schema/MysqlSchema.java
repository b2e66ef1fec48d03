package io.dualwrite.admin.schema;

import io.dualwrite.admin.AdminException;
import io.dualwrite.rewriter.ColumnInfo;
import io.dualwrite.rewriter.InformationSchemaCatalog;
import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.TableInfo;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the live MySQL schema of the connected database and translates it with the rewriter the
 * driver uses, against the catalog the driver reads ({@link InformationSchemaCatalog}): each base
 * table from {@code SHOW CREATE TABLE}, each view from {@code information_schema.VIEWS}.
 *
 * <p>The control store's tables ({@code dualwrite_*}) are left out unless named.
 */
final class MysqlSchema {
  static final String CONTROL_TABLE_PREFIX = "dualwrite_";

  /** A MySQL table's AUTO_INCREMENT column and the next value MySQL will give it. */
  record AutoIncrement(String table, String column, long next) {}

  /** What was read: the objects in creation order, AUTO_INCREMENT counters, notes. */
  record Plan(
      List<SchemaObject> objects,
      Set<String> relations,
      List<AutoIncrement> autoIncrements,
      List<String> notes,
      boolean everything) {}

  private final Connection mysql;
  private final String database;
  private final InformationSchemaCatalog catalog;
  private final Rewriter rewriter;

  MysqlSchema(Connection mysql, String database) throws SQLException {
    this.mysql = mysql;
    this.database = database;
    this.catalog = InformationSchemaCatalog.load(mysql, database);
    this.rewriter = Rewriter.builder().catalog(catalog).cacheSize(0).build();
    try (Statement s = mysql.createStatement()) {
      // MySQL 8 caches information_schema.TABLES.AUTO_INCREMENT; MariaDB has no such cache
      s.execute("SET SESSION information_schema_stats_expiry = 0");
    } catch (SQLException e) {
      // MariaDB: unknown variable, and nothing to do
    }
    try (Statement s = mysql.createStatement()) {
      // SHOW CREATE VIEW opens the view under the session's sql_mode: with ONLY_FULL_GROUP_BY,
      // MariaDB refuses to show a view created without it; and with ANSI_QUOTES it would print
      // double quotes. The statements are read as printed under the default mode.
      s.execute("SET SESSION sql_mode = ''");
    }
  }

  /**
   * What PostgreSQL offers, the translations of views (SHA1 through pgcrypto, UPPER under a case
   * mapping collation) and keys ({@code utf8mb4_0900_ai_ci} columns under {@link
   * io.dualwrite.rewriter.Collations#AI_CI}) depend on. Call before {@link #read}.
   */
  void postgres(io.dualwrite.rewriter.PostgresCapabilities capabilities) {
    catalog.postgres(capabilities);
  }

  /**
   * Reads {@code requested} (all when empty) and what they need: the tables their foreign keys
   * reference and the relations views read, transitively.
   *
   * @throws AdminException (exit 2) when a requested name is neither a table nor a view
   */
  Plan read(List<String> requested) throws SQLException {
    Map<String, String> kinds = relations(); // lower-case name -> MySQL name + kind
    Map<String, String> mysqlNames = new LinkedHashMap<>();
    Map<String, Boolean> isView = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : kinds.entrySet()) {
      String[] parts = e.getValue().split("\t", 2);
      mysqlNames.put(e.getKey(), parts[0]);
      isView.put(e.getKey(), parts[1].equalsIgnoreCase("VIEW"));
    }
    Deque<String> todo = new ArrayDeque<>();
    boolean everything = requested == null || requested.isEmpty();
    if (everything) {
      for (String name : mysqlNames.keySet()) {
        if (!name.startsWith(CONTROL_TABLE_PREFIX)) {
          todo.add(name);
        }
      }
    } else {
      for (String r : requested) {
        String name = r.toLowerCase(Locale.ROOT);
        if (!mysqlNames.containsKey(name)) {
          throw AdminException.cannotRun(
              "no table or view '"
                  + r
                  + "' in the MySQL database "
                  + database
                  + " (it has: "
                  + String.join(", ", mysqlNames.values())
                  + ")",
              null);
        }
        todo.add(name);
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    List<SchemaObject> objects = new ArrayList<>();
    List<AutoIncrement> counters = new ArrayList<>();
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (!seen.add(name)) {
        continue;
      }
      List<SchemaObject> read =
          isView.get(name) ? List.of(view(name, mysqlNames.get(name))) : table(name, mysqlNames);
      for (SchemaObject o : read) {
        objects.add(o);
        for (String need : o.needs()) {
          if (mysqlNames.containsKey(need) && !seen.contains(need)) {
            todo.add(need);
          }
        }
      }
      if (!isView.get(name)) {
        autoIncrement(name, mysqlNames.get(name)).ifPresent(counters::add);
      }
    }
    List<String> notes = everything ? proceduralCode() : List.of();
    return new Plan(DependencyOrder.order(objects), seen, counters, notes, everything);
  }

  /** Base tables and views, lower-case name to "MySQL name TAB type". */
  private Map<String, String> relations() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    // SHOW FULL TABLES lists without opening the views (MariaDB's information_schema.TABLES opens
    // them and fails on a view its session's sql_mode rejects)
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SHOW FULL TABLES")) {
      while (rs.next()) {
        String type = rs.getString(2);
        if (type.equalsIgnoreCase("BASE TABLE") || type.equalsIgnoreCase("VIEW")) {
          out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(1) + "\t" + type);
        }
      }
    }
    return out;
  }

  private List<SchemaObject> table(String name, Map<String, String> mysqlNames)
      throws SQLException {
    String ddl;
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + backticks(mysqlNames.get(name)))) {
      rs.next();
      ddl = rs.getString(2);
    }
    Translation t = rewriter.translate(ddl);
    if (t.isRefused()) {
      return List.of(
          SchemaObject.refused(
              SchemaObject.Kind.TABLE,
              name,
              t.refusal().reason() + " (" + t.refusal().code() + ")"));
    }
    return TranslatedTable.split(name, t.postgresSql());
  }

  private SchemaObject view(String name, String mysqlName) throws SQLException {
    // SHOW CREATE VIEW names the current database's tables unqualified (information_schema.VIEWS
    // qualifies them); it runs under this session's empty sql_mode (see the constructor)
    String sql;
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SHOW CREATE VIEW " + backticks(mysqlName))) {
      if (!rs.next() || rs.getString(2) == null) {
        return SchemaObject.refused(
            SchemaObject.Kind.VIEW, name, "MySQL shows no definition of this view");
      }
      sql = rs.getString(2);
    } catch (SQLException e) {
      return SchemaObject.refused(
          SchemaObject.Kind.VIEW, name, "MySQL cannot show the view: " + e.getMessage());
    }
    Translation t = rewriter.translate(sql);
    if (t.isRefused()) {
      return SchemaObject.refused(
          SchemaObject.Kind.VIEW, name, t.refusal().reason() + " (" + t.refusal().code() + ")");
    }
    Set<String> needs = new LinkedHashSet<>();
    for (String r : t.tablesRead()) {
      needs.add(r.toLowerCase(Locale.ROOT));
    }
    needs.remove(name);
    return new SchemaObject(
        SchemaObject.Kind.VIEW, name, name, List.of(t.postgresSql()), needs, null);
  }

  private Optional<AutoIncrement> autoIncrement(String name, String mysqlName) throws SQLException {
    Optional<TableInfo> info = catalog.table(name);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    String column = null;
    for (ColumnInfo c : info.get().columns()) {
      if (c.autoIncrement()) {
        column = c.name();
      }
    }
    if (column == null) {
      return Optional.empty();
    }
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT AUTO_INCREMENT FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
      ps.setString(1, mysqlName);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          return Optional.of(new AutoIncrement(name, column, rs.getLong(1)));
        }
      }
    }
    return Optional.empty();
  }

  /** What schema leaves alone: triggers, routines and events, counted. */
  private List<String> proceduralCode() {
    List<String> notes = new ArrayList<>();
    String[][] queries = {
      {"trigger", "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"},
      {
        "routine",
        "SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME) FROM information_schema.ROUTINES"
            + " WHERE ROUTINE_SCHEMA = ?"
      },
      {"event", "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"}
    };
    for (String[] q : queries) {
      List<String> names = new ArrayList<>();
      try (PreparedStatement ps = mysql.prepareStatement(q[1])) {
        ps.setString(1, database);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1));
          }
        }
      } catch (SQLException e) {
        continue; // not visible to this user: nothing to say
      }
      if (!names.isEmpty()) {
        notes.add(
            names.size()
                + " "
                + q[0]
                + (names.size() == 1 ? "" : "s")
                + " not created (MySQL procedural code is not translated; recreate by hand): "
                + String.join(", ", names));
      }
    }
    return notes;
  }

  static String backticks(String name) {
    return '`' + name.replace("`", "``") + '`';
  }
}
