package io.dualwrite.admin.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits the rewriter's translation of one {@code CREATE TABLE} into the objects {@code schema}
 * creates one by one. The rewriter prints each piece as a statement of its own (the driver's DDL
 * mirroring relies on the same shapes): the {@code CREATE TABLE} with its primary key and checks;
 * {@code CREATE [UNIQUE] INDEX name ON ...} per index; {@code ALTER TABLE t ADD CONSTRAINT name
 * FOREIGN KEY ... REFERENCES r ...} per foreign key; {@code COMMENT ON} and {@code ALTER TABLE ...
 * RESTART WITH} that belong to the table.
 */
final class TranslatedTable {
  private TranslatedTable() {}

  static List<SchemaObject> split(String table, String postgresSql) {
    List<String> tableStatements = new ArrayList<>();
    List<SchemaObject> rest = new ArrayList<>();
    for (String sql : postgresSql.split(";\n")) {
      if (sql.isBlank()) {
        continue;
      }
      String u = sql.toUpperCase(Locale.ROOT);
      if (u.startsWith("CREATE INDEX ") || u.startsWith("CREATE UNIQUE INDEX ")) {
        int at = u.indexOf("INDEX ") + "INDEX ".length();
        if (u.startsWith("IF NOT EXISTS ", at)) {
          at += "IF NOT EXISTS ".length();
        }
        rest.add(
            new SchemaObject(
                SchemaObject.Kind.INDEX,
                table,
                identifierAt(sql, at),
                List.of(sql),
                Set.of(table),
                null));
      } else if (u.startsWith("ALTER TABLE ") && u.contains(" FOREIGN KEY ")) {
        int constraint = u.indexOf(" ADD CONSTRAINT ");
        int references = u.indexOf(" REFERENCES ");
        if (constraint < 0 || references < 0) {
          rest.add(
              new SchemaObject(
                  SchemaObject.Kind.FOREIGN_KEY,
                  table,
                  table + "_fkey",
                  List.of(),
                  Set.of(table),
                  "a foreign key without a name cannot be told apart on a second run: " + sql));
          continue;
        }
        String name = identifierAt(sql, constraint + " ADD CONSTRAINT ".length());
        String parent = identifierAt(sql, references + " REFERENCES ".length());
        Set<String> needs = new LinkedHashSet<>(List.of(table, parent));
        rest.add(
            new SchemaObject(
                SchemaObject.Kind.FOREIGN_KEY, table, name, List.of(sql), needs, null));
      } else {
        tableStatements.add(sql);
      }
    }
    List<SchemaObject> out = new ArrayList<>();
    out.add(
        new SchemaObject(
            SchemaObject.Kind.TABLE, table, table, List.copyOf(tableStatements), Set.of(), null));
    out.addAll(rest);
    return out;
  }

  /** The identifier starting at {@code at}: {@code "quoted ""name"""} or a bare word. */
  static String identifierAt(String sql, int at) {
    if (at < sql.length() && sql.charAt(at) == '"') {
      StringBuilder b = new StringBuilder();
      for (int i = at + 1; i < sql.length(); i++) {
        char c = sql.charAt(i);
        if (c == '"') {
          if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
            b.append('"');
            i++;
          } else {
            return b.toString();
          }
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }
    int end = at;
    while (end < sql.length() && sql.charAt(end) != ' ' && sql.charAt(end) != '(') {
      end++;
    }
    return sql.substring(at, end);
  }

  /** How PostgreSQL spells {@code name} in SQL: quoted unless a plain lower-case identifier. */
  static String quote(String name) {
    if (name.matches("[a-z_][a-z0-9_]*")) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
