package io.dualwrite.driver.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements of the MySQL Sakila schema script (the repository's copy in the rewriter's corpus,
 * BSD licence, see {@code sakila-LICENSE.txt} there), split the way the mysql client splits them:
 * on the current {@code DELIMITER}, outside quotes and comments. Each statement is sent through the
 * driver one by one, as an application's migration tool would.
 */
final class SakilaScript {
  enum Kind {
    /** {@code SET ...} session statements (foreign-key checks, SQL mode). */
    SESSION,
    /** {@code DROP SCHEMA / CREATE SCHEMA / USE sakila}: the test uses its own database. */
    SCHEMA,
    TABLE,
    VIEW,
    TRIGGER,
    /** Procedures and functions. */
    ROUTINE
  }

  record Stmt(Kind kind, String name, String sql) {}

  private SakilaScript() {}

  /** The repository's one copy, kept with the rewriter's corpus (tests run in driver/). */
  static final java.nio.file.Path SCRIPT =
      java.nio.file.Path.of(
          "../rewriter/src/test/resources/equivalence/corpus/sakila-mysql-schema.sql");

  static List<Stmt> load() {
    String text;
    try {
      text = java.nio.file.Files.readString(SCRIPT, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Stmt> out = new ArrayList<>();
    for (String sql : split(text)) {
      // The views name the schema 'sakila' explicitly; the test database has another name.
      String local = sql.replace("sakila.", "");
      out.add(new Stmt(kind(local), name(local), local));
    }
    return out;
  }

  static List<Stmt> of(List<Stmt> all, Kind... kinds) {
    List<Kind> wanted = List.of(kinds);
    return all.stream().filter(s -> wanted.contains(s.kind())).toList();
  }

  /** Tables ordered so that each one's REFERENCES targets come first (cycles left in order). */
  static List<Stmt> inForeignKeyOrder(List<Stmt> tables) {
    java.util.Map<String, Stmt> byName = new java.util.LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    List<Stmt> out = new ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    java.util.Set<String> visiting = new java.util.HashSet<>();
    for (String name : byName.keySet()) {
      visit(name, byName, done, visiting, out);
    }
    return out;
  }

  private static void visit(
      String name,
      java.util.Map<String, Stmt> byName,
      java.util.Set<String> done,
      java.util.Set<String> visiting,
      List<Stmt> out) {
    Stmt t = byName.get(name);
    if (t == null || done.contains(name) || !visiting.add(name)) {
      return;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("REFERENCES\\s+`?(\\w+)`?").matcher(t.sql());
    while (m.find()) {
      if (!m.group(1).equals(name)) {
        visit(m.group(1), byName, done, visiting, out);
      }
    }
    visiting.remove(name);
    if (done.add(name)) {
      out.add(t);
    }
  }

  /** The CREATE TABLE without the line of one named constraint. */
  static String withoutConstraint(String createTable, String constraint) {
    List<String> lines = new ArrayList<>(List.of(createTable.split("\n")));
    boolean removed = lines.removeIf(l -> l.contains("CONSTRAINT " + constraint + " "));
    if (!removed) {
      throw new IllegalStateException("no constraint " + constraint + " in " + createTable);
    }
    String joined = String.join("\n", lines);
    // the removed line may have been the last of the list: drop a dangling comma
    return joined.replaceAll(",\\s*\\n\\)", "\n)");
  }

  private static Kind kind(String sql) {
    String u = sql.toUpperCase(Locale.ROOT);
    if (u.startsWith("SET ")) {
      return Kind.SESSION;
    }
    if (u.startsWith("DROP SCHEMA") || u.startsWith("CREATE SCHEMA") || u.startsWith("USE ")) {
      return Kind.SCHEMA;
    }
    if (u.startsWith("CREATE TABLE")) {
      return Kind.TABLE;
    }
    if (u.startsWith("CREATE TRIGGER")) {
      return Kind.TRIGGER;
    }
    if (u.startsWith("CREATE PROCEDURE") || u.startsWith("CREATE FUNCTION")) {
      return Kind.ROUTINE;
    }
    if (u.startsWith("CREATE") && u.contains(" VIEW ")) {
      return Kind.VIEW;
    }
    throw new IllegalStateException("unexpected statement in the Sakila script: " + sql);
  }

  private static String name(String sql) {
    String[] words = sql.split("[\\s(]+");
    for (int i = 0; i < words.length - 1; i++) {
      String w = words[i].toUpperCase(Locale.ROOT);
      if (w.equals("TABLE")
          || w.equals("VIEW")
          || w.equals("TRIGGER")
          || w.equals("PROCEDURE")
          || w.equals("FUNCTION")) {
        return words[i + 1].replace("`", "");
      }
    }
    return sql.length() > 40 ? sql.substring(0, 40) : sql;
  }

  /** Splits a mysql-client script; {@code DELIMITER} lines change the statement terminator. */
  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    String delimiter = ";";
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (current.length() == 0 && trimmed.toUpperCase(Locale.ROOT).startsWith("DELIMITER ")) {
        delimiter = trimmed.substring("DELIMITER ".length()).strip();
        continue;
      }
      if (trimmed.startsWith("--") || (current.length() == 0 && trimmed.isEmpty())) {
        continue;
      }
      current.append(line).append('\n');
      String text = current.toString().stripTrailing();
      if (text.endsWith(delimiter) && !insideQuotes(text)) {
        String sql = text.substring(0, text.length() - delimiter.length()).strip();
        if (!sql.isEmpty()) {
          statements.add(sql);
        }
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("unterminated statement: " + current);
    }
    return statements;
  }

  private static boolean insideQuotes(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote == 0 && (ch == '\'' || ch == '"' || ch == '`')) {
        quote = ch;
      } else if (quote != 0 && ch == '\\') {
        i++;
      } else if (ch == quote) {
        quote = 0;
      }
    }
    return quote != 0;
  }
}
