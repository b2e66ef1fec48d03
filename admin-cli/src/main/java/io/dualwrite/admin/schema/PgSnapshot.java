package io.dualwrite.admin.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A PostgreSQL schema as its catalog describes it, in PostgreSQL's own words ({@code format_type},
 * {@code pg_get_expr}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code
 * pg_get_viewdef}), so two schemas created from the same DDL read the same. Names are printed
 * unqualified when the session's {@code search_path} makes them visible.
 */
record PgSnapshot(Map<String, Table> tables, Map<String, String> views) {

  /** One column: its type, nullability, default, identity ('' , 'a', 'd'), generation. */
  record Column(String name, String type, boolean notNull, String defaultValue, String identity) {}

  /**
   * One table.
   *
   * @param constraints primary key, unique and check constraints by definition (name ignored)
   * @param foreignKeys foreign keys by name: their definition
   * @param indexes indexes not behind a constraint, by name: their definition without the name
   */
  record Table(
      String name,
      List<Column> columns,
      Set<String> constraints,
      Map<String, String> foreignKeys,
      Map<String, String> indexes) {}

  /** The names of relations in {@code schema}: kind 'r'/'p' table, 'v'/'m' view, 'i' index. */
  static Map<String, String> relations(Connection pg, String schema) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid ="
                + " c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r','p','v','m','i','I')")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  /** Table name + "." + constraint name of every foreign key in {@code schema}. */
  static Set<String> foreignKeyNames(Connection pg, String schema) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT c.relname, k.conname FROM pg_constraint k JOIN pg_class c ON c.oid ="
                + " k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND k.contype = 'f'")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + "." + rs.getString(2));
        }
      }
    }
    return out;
  }

  /** Reads every table and view of {@code schema}. */
  static PgSnapshot read(Connection pg, String schema) throws SQLException {
    Map<String, List<Column>> columns = new LinkedHashMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity::text || a.attgenerated::text"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                + " AND NOT a.attisdropped"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                + " WHERE n.nspname = ? AND c.relkind IN ('r','p') ORDER BY c.relname, a.attnum")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Column(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getBoolean(4),
                      rs.getString(5),
                      rs.getString(6)));
        }
      }
    }
    Map<String, Set<String>> constraints = new LinkedHashMap<>();
    Map<String, Map<String, String>> foreignKeys = new LinkedHashMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid, true)"
                + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND k.contype IN ('p','u','c','f','x')")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(3).equals("f")) {
            foreignKeys
                .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                .put(rs.getString(2), rs.getString(4));
          } else {
            constraints.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(4));
          }
        }
      }
    }
    Map<String, Map<String, String>> indexes = new LinkedHashMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT t.relname, i.relname, replace(replace(pg_get_indexdef(i.oid), ' INDEX '"
                + " || quote_ident(i.relname) || ' ON ', ' INDEX ON '),"
                + " ' ON ' || quote_ident(n.nspname) || '.', ' ON ')"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                + " JOIN pg_class t ON t.oid = x.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
                + " WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid"
                + " AND k.contype IN ('p','u','x'))")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          indexes
              .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    Map<String, Table> tables = new TreeMap<>();
    for (Map.Entry<String, List<Column>> e : columns.entrySet()) {
      String t = e.getKey();
      tables.put(
          t,
          new Table(
              t,
              e.getValue(),
              constraints.getOrDefault(t, Set.of()),
              foreignKeys.getOrDefault(t, Map.of()),
              indexes.getOrDefault(t, Map.of())));
    }
    Map<String, String> views = new TreeMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT c.relname, pg_get_viewdef(c.oid, true) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('v','m')")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          views.put(rs.getString(1), rs.getString(2).strip());
        }
      }
    }
    return new PgSnapshot(tables, views);
  }
}
