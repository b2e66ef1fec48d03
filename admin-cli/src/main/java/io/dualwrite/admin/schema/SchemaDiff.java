package io.dualwrite.admin.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the schema PostgreSQL should have (the translation of MySQL's, as PostgreSQL itself
 * describes it) with the one it has: tables, column order, types, nullability, defaults and
 * identity, primary key, unique and check constraints, indexes, foreign keys, views.
 */
final class SchemaDiff {
  private SchemaDiff() {}

  /**
   * One difference.
   *
   * @param object what differs: {@code table t}, {@code column t.c}, {@code index i on t}, ...
   * @param detail what about it: {@code missing on PostgreSQL}, {@code type}, ...
   * @param expected what the translation of MySQL's schema has (null when nothing)
   * @param found what PostgreSQL has (null when nothing)
   */
  record Difference(String object, String detail, String expected, String found) {
    String describe() {
      StringBuilder b = new StringBuilder(object).append(": ").append(detail);
      if (expected != null || found != null) {
        b.append(" (expected ")
            .append(expected == null ? "none" : expected)
            .append(", found ")
            .append(found == null ? "none" : found)
            .append(')');
      }
      return b.toString();
    }
  }

  /**
   * The differences for the tables and views in {@code scope} (their names); with {@code extras},
   * also tables and views only PostgreSQL has (except those starting with {@code ignoredPrefix}).
   */
  static List<Difference> compare(
      PgSnapshot expected,
      PgSnapshot actual,
      Set<String> scope,
      boolean extras,
      String ignoredPrefix) {
    List<Difference> out = new ArrayList<>();
    for (PgSnapshot.Table e : expected.tables().values()) {
      if (!scope.contains(e.name())) {
        continue;
      }
      PgSnapshot.Table a = actual.tables().get(e.name());
      if (a == null) {
        out.add(
            new Difference(
                "table " + e.name(),
                actual.views().containsKey(e.name())
                    ? "is a view on PostgreSQL"
                    : "missing on PostgreSQL",
                null,
                null));
        continue;
      }
      table(e, a, out);
    }
    for (Map.Entry<String, String> e : expected.views().entrySet()) {
      if (!scope.contains(e.getKey())) {
        continue;
      }
      String found = actual.views().get(e.getKey());
      if (found == null) {
        out.add(new Difference("view " + e.getKey(), "missing on PostgreSQL", null, null));
      } else if (!found.equals(e.getValue())) {
        out.add(new Difference("view " + e.getKey(), "definition", e.getValue(), found));
      }
    }
    if (extras) {
      for (String t : actual.tables().keySet()) {
        if (!expected.tables().containsKey(t)
            && !scope.contains(t)
            && !t.startsWith(ignoredPrefix)) {
          out.add(new Difference("table " + t, "exists only on PostgreSQL", null, null));
        }
      }
      for (String v : actual.views().keySet()) {
        if (!expected.views().containsKey(v)
            && !scope.contains(v)
            && !v.startsWith(ignoredPrefix)) {
          out.add(new Difference("view " + v, "exists only on PostgreSQL", null, null));
        }
      }
    }
    return out;
  }

  private static void table(PgSnapshot.Table e, PgSnapshot.Table a, List<Difference> out) {
    String t = e.name();
    Map<String, PgSnapshot.Column> found = new LinkedHashMap<>();
    for (PgSnapshot.Column c : a.columns()) {
      found.put(c.name(), c);
    }
    List<String> expectedOrder = new ArrayList<>();
    List<String> commonFound = new ArrayList<>();
    Set<String> expectedNames = new HashSet<>();
    for (PgSnapshot.Column c : e.columns()) {
      expectedNames.add(c.name());
      PgSnapshot.Column f = found.get(c.name());
      if (f == null) {
        out.add(
            new Difference(
                "column " + t + "." + c.name(), "missing on PostgreSQL", c.type(), null));
        continue;
      }
      expectedOrder.add(c.name());
      column(t, c, f, out);
    }
    for (PgSnapshot.Column f : a.columns()) {
      if (!expectedNames.contains(f.name())) {
        out.add(
            new Difference(
                "column " + t + "." + f.name(), "exists only on PostgreSQL", null, f.type()));
      } else {
        commonFound.add(f.name());
      }
    }
    if (!expectedOrder.equals(commonFound)) {
      // INSERT without a column list fills columns by position
      out.add(
          new Difference(
              "table " + t,
              "column order",
              String.join(", ", expectedOrder),
              String.join(", ", commonFound)));
    }
    for (String c : e.constraints()) {
      if (!a.constraints().contains(c)) {
        out.add(new Difference("constraint on " + t, "missing on PostgreSQL", c, null));
      }
    }
    for (String c : a.constraints()) {
      if (!e.constraints().contains(c)) {
        out.add(new Difference("constraint on " + t, "exists only on PostgreSQL", null, c));
      }
    }
    named("foreign key", t, e.foreignKeys(), a.foreignKeys(), out);
    named("index", t, e.indexes(), a.indexes(), out);
  }

  private static void column(
      String t, PgSnapshot.Column e, PgSnapshot.Column f, List<Difference> out) {
    String name = "column " + t + "." + e.name();
    if (!e.type().equals(f.type())) {
      out.add(new Difference(name, "type", e.type(), f.type()));
    }
    if (e.notNull() != f.notNull()) {
      out.add(
          new Difference(
              name,
              "nullability",
              e.notNull() ? "NOT NULL" : "NULL",
              f.notNull() ? "NOT NULL" : "NULL"));
    }
    if (!Objects.equals(e.defaultValue(), f.defaultValue())) {
      out.add(new Difference(name, "default", e.defaultValue(), f.defaultValue()));
    }
    if (!Objects.equals(e.identity(), f.identity())) {
      out.add(
          new Difference(
              name, "identity or generation", identity(e.identity()), identity(f.identity())));
    }
  }

  private static String identity(String code) {
    return switch (code == null ? "" : code) {
      case "" -> "plain column";
      case "d" -> "GENERATED BY DEFAULT AS IDENTITY";
      case "a" -> "GENERATED ALWAYS AS IDENTITY";
      case "s" -> "GENERATED ALWAYS AS (...) STORED";
      default -> code;
    };
  }

  /**
   * Foreign keys or indexes: matched by name, else by definition (a copy under another name is the
   * same key); what is left over is missing or extra.
   */
  private static void named(
      String what,
      String t,
      Map<String, String> expected,
      Map<String, String> found,
      List<Difference> out) {
    Map<String, String> unmatched = new LinkedHashMap<>(found);
    List<Map.Entry<String, String>> byDefinition = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String f = unmatched.remove(e.getKey());
      if (f == null) {
        byDefinition.add(e);
      } else if (!f.equals(e.getValue())) {
        out.add(
            new Difference(what + " " + e.getKey() + " on " + t, "definition", e.getValue(), f));
      }
    }
    for (Map.Entry<String, String> e : byDefinition) {
      String other = null;
      for (Map.Entry<String, String> u : unmatched.entrySet()) {
        if (u.getValue().equals(e.getValue())) {
          other = u.getKey();
          break;
        }
      }
      if (other != null) {
        unmatched.remove(other);
      } else {
        out.add(
            new Difference(
                what + " " + e.getKey() + " on " + t, "missing on PostgreSQL", e.getValue(), null));
      }
    }
    for (Map.Entry<String, String> u : unmatched.entrySet()) {
      out.add(
          new Difference(
              what + " " + u.getKey() + " on " + t,
              "exists only on PostgreSQL",
              null,
              u.getValue()));
    }
  }
}
