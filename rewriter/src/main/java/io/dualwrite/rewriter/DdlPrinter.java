package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * The base of the DDL printers ({@link CreateTablePrinter}, {@link AlterTablePrinter}, {@link
 * CreateIndexPrinter}, {@link CreateViewPrinter}, {@link DropTruncateRenamePrinter}): column
 * definitions, keys and indexes with the documented type mapping. One MySQL statement may become
 * several PostgreSQL statements (CREATE TABLE then CREATE INDEX, COMMENT ON ...).
 *
 * <p>Index names: MySQL scopes them per table, PostgreSQL per schema, so an index {@code i} of
 * table {@code t} is named {@code t_i} on PostgreSQL (DROP INDEX i ON t maps the same way).
 */
abstract class DdlPrinter {

  final PrintContext ctx;

  final List<String> statements = new ArrayList<>();

  /**
   * Text columns of the table being printed that compare case-insensitively in MySQL. Index parts
   * on them become lower(col), so MySQL's case-insensitive uniqueness holds on PostgreSQL and the
   * lower(col) = lower(?) comparisons the rewriter prints can use the index.
   */
  final Set<String> caseInsensitive = new java.util.HashSet<>();

  /**
   * Of {@link #caseInsensitive}, the columns of MySQL's {@code utf8mb4_0900_ai_ci}, which ignores
   * accents too, when the PostgreSQL side has {@link Collations#AI_CI}: their key parts are {@code
   * col COLLATE dualwrite_ai_ci}, so uniqueness ignores accents as in MySQL and the comparisons the
   * rewriter prints under that collation use the index. Empty without the collation.
   */
  final Set<String> accentInsensitive = new java.util.HashSet<>();

  /** Binary string columns of the CREATE TABLE being printed (bytea on PostgreSQL). */
  final Set<String> binary = new java.util.HashSet<>();

  final Set<String> tablesWritten = new LinkedHashSet<>();

  /**
   * BIGINT UNSIGNED columns of the table being created that are foreign keys to an identity (a
   * BIGINT UNSIGNED AUTO_INCREMENT, itself printed as bigint): they are printed as bigint too, as
   * PostgreSQL refuses a foreign key between numeric and bigint.
   */
  final Set<String> identityReferences = new java.util.HashSet<>();

  DdlPrinter(SchemaCatalog catalog) {
    this.ctx = new PrintContext(catalog);
  }

  /** A parsed MySQL column type: lower-case name, arguments, UNSIGNED/ZEROFILL. */
  record MysqlType(String name, List<String> args, boolean unsigned, boolean zerofill) {}

  static MysqlType parseType(ColDataType type, List<String> specs) {
    String raw = type.getDataType().trim();
    List<String> args = new ArrayList<>();
    if (type.getArgumentsStringList() != null) {
      args.addAll(type.getArgumentsStringList());
    }
    String rest = "";
    int open = raw.indexOf('(');
    String head = raw;
    if (open >= 0) {
      int close = raw.lastIndexOf(')');
      head = raw.substring(0, open).trim();
      for (String a : raw.substring(open + 1, close).split(",")) {
        if (!a.isBlank()) {
          args.add(a.trim());
        }
      }
      rest = raw.substring(close + 1).trim();
    }
    List<String> words = new ArrayList<>(List.of((head + " " + rest).trim().split("\\s+")));
    boolean unsigned = false;
    boolean zerofill = false;
    List<String> name = new ArrayList<>();
    for (String w : words) {
      String u = w.toUpperCase(Locale.ROOT);
      if (u.equals("UNSIGNED")) {
        unsigned = true;
      } else if (u.equals("ZEROFILL")) {
        zerofill = true;
      } else if (u.equals("SIGNED")) {
        unsigned = false;
      } else if (!u.isEmpty()) {
        name.add(w.toLowerCase(Locale.ROOT));
      }
    }
    if (specs != null) {
      for (String sp : specs) {
        String u = sp.toUpperCase(Locale.ROOT);
        if (u.equals("UNSIGNED")) {
          unsigned = true;
        } else if (u.equals("ZEROFILL")) {
          zerofill = true;
        }
      }
    }
    // "character set x" / "binary" qualifiers on string types
    int cs = name.indexOf("character");
    if (cs > 0) {
      name = name.subList(0, cs);
    }
    return new MysqlType(String.join(" ", name), args, unsigned, zerofill);
  }

  static String table(net.sf.jsqlparser.schema.Table t) {
    if (t.getSchemaName() != null) {
      throw RefusedException.syntax(
          "qualified-name", "The database-qualified table " + t + " is not supported.");
    }
    return Identifiers.normalize(t.getName());
  }

  static String indexName(String table, String index) {
    String n = table + "_" + Identifiers.normalize(index);
    return n.length() > 63 ? n.substring(0, 63) : n;
  }

  /** One translated column: its definition and the statements it needs after the table. */
  final class ColumnOut {
    final String name;
    final StringBuilder def = new StringBuilder();
    boolean autoIncrement;
    boolean primaryKey;
    boolean unique;
    String comment;
    String notNull;
    String defaultValue;
    String pgType;
    String check;
    final List<String> extraChecks = new ArrayList<>();

    ColumnOut(String name) {
      this.name = name;
    }
  }

  ColumnOut column(String columnName, ColDataType type, List<String> specs, boolean alter) {
    String name = Identifiers.normalize(columnName);
    String pgName = Identifiers.pg(name);
    ColumnOut out = new ColumnOut(name);
    MysqlType mt = parseType(type, specs);
    if (mt.zerofill()) {
      throw RefusedException.syntax(
          "type:zerofill", "ZEROFILL changes how MySQL prints numbers; PostgreSQL cannot.");
    }
    List<String> sp = specs == null ? List.of() : specs;
    boolean autoIncrement = false;
    for (String s : sp) {
      if (s.equalsIgnoreCase("AUTO_INCREMENT")) {
        autoIncrement = true;
      }
    }
    TypeMapping.ColumnType ct = TypeMapping.columnType(mt, pgName);
    String pgType = ct.pgType();
    if (autoIncrement) {
      if (!ct.integer()) {
        throw RefusedException.syntax(
            "auto-increment",
            "AUTO_INCREMENT on a non-integer column " + name + " is not supported.");
      }
      // identity needs smallint/integer/bigint: BIGINT UNSIGNED keys become bigint
      if (pgType.startsWith("numeric")) {
        pgType = "bigint";
      }
      out.autoIncrement = true;
    }
    String check = ct.check();
    if (!autoIncrement
        && !alter
        && mt.name().equals("bigint")
        && mt.unsigned()
        && identityReferences.contains(name)) {
      // a foreign key to a BIGINT UNSIGNED AUTO_INCREMENT (bigint on PostgreSQL) must be bigint
      pgType = "bigint";
      check = pgName + " >= 0";
    }
    out.pgType = pgType;
    out.check = check;
    for (int i = 0; i < sp.size(); i++) {
      i = columnOption(out, sp, i, mt);
    }
    appendDefinition(out, pgName, alter);
    return out;
  }

  /**
   * Applies the column option starting at sp[i] (NOT NULL, DEFAULT x, COMMENT '...', ...) to out;
   * returns the index of its last word.
   */
  private int columnOption(ColumnOut out, List<String> sp, int i, MysqlType mt) {
    String name = out.name;
    String pgType = out.pgType;
    String u = sp.get(i).toUpperCase(Locale.ROOT);
    switch (u) {
      case "NOT" -> {
        if (!sp.get(i + 1).equalsIgnoreCase("NULL")) {
          throw RefusedException.syntax(
              "column-option", "Unsupported column option NOT " + sp.get(i + 1) + ".");
        }
        out.notNull = "NOT NULL";
        i++;
      }
      case "NULL" -> out.notNull = "NULL";
      case "AUTO_INCREMENT", "UNSIGNED", "SIGNED" -> {}
      // BINARY (a _bin collation): PostgreSQL compares case-sensitively already
      case "BINARY" -> {}
      case "PRIMARY" -> {
        if (sp.size() > i + 1 && sp.get(i + 1).equalsIgnoreCase("KEY")) {
          i++;
        }
        out.primaryKey = true;
      }
      case "KEY" -> out.primaryKey = true; // MySQL: KEY in a column definition means PRIMARY KEY
      case "UNIQUE" -> {
        if (sp.size() > i + 1 && sp.get(i + 1).equalsIgnoreCase("KEY")) {
          i++;
        }
        out.unique = true;
      }
      case "DEFAULT" -> {
        int[] consumed = new int[1];
        out.defaultValue = defaultValue(sp, i + 1, mt, pgType, consumed);
        i += consumed[0];
      }
      case "ON" -> {
        // ON UPDATE CURRENT_TIMESTAMP[(n)]: recorded by the catalog, set by the driver
        if (sp.size() > i + 2
            && sp.get(i + 1).equalsIgnoreCase("UPDATE")
            && isCurrentTimestamp(sp.get(i + 2))) {
          i += 2;
          if (sp.size() > i + 1 && sp.get(i + 1).startsWith("(")) {
            i++;
          }
        } else {
          throw RefusedException.syntax(
              "column-option", "Unsupported column option ON " + sp.get(i + 1) + ".");
        }
      }
      case "COMMENT" -> {
        out.comment = Tokens.stringValue(sp.get(i + 1));
        i++;
      }
      case "CONSTRAINT", "CHECK" -> {
        // [CONSTRAINT [name]] CHECK (expr): enforced by MySQL 8.0.16+ (and MariaDB)
        String constraintName = null;
        if (u.equals("CONSTRAINT")) {
          if (sp.size() > i + 2 && !sp.get(i + 1).equalsIgnoreCase("CHECK")) {
            constraintName = sp.get(i + 1);
            i++;
          }
          i++;
          if (!sp.get(i).equalsIgnoreCase("CHECK")) {
            throw RefusedException.syntax(
                "column-option:CONSTRAINT", "Unsupported column constraint on " + name + ".");
          }
        }
        if (sp.size() <= i + 1 || !sp.get(i + 1).startsWith("(")) {
          throw RefusedException.syntax(
              "column-option:CHECK", "Unsupported CHECK form on " + name + ".");
        }
        if (isMariaDbJson(mt, sp.get(i + 1), name)) {
          // MariaDB's JSON: a LONGTEXT with CHECK (json_valid(col)), as SHOW CREATE TABLE prints
          // it; the catalog calls it json, so it becomes jsonb like MySQL's JSON
          out.pgType = "jsonb";
        } else {
          out.extraChecks.add(columnCheck(constraintName, sp.get(i + 1), name));
        }
        i++;
      }
      case "CHARACTER", "CHARSET", "COLLATE" -> {
        // PostgreSQL is UTF8; collation semantics are handled by the catalog
        if (u.equals("CHARACTER")) {
          i++;
        }
        i++;
      }
      case "AFTER", "FIRST" ->
          throw RefusedException.syntax(
              "column-position",
              "Column positions (FIRST/AFTER) cannot be reproduced by PostgreSQL, and INSERTs"
                  + " without a column list would then fill different columns.");
      default ->
          throw RefusedException.syntax(
              "column-option:" + u,
              "The column option " + sp.get(i) + " on " + name + " is not supported.");
    }
    return i;
  }

  /** The column definition from what column() found. */
  private void appendDefinition(ColumnOut out, String pgName, boolean alter) {
    out.def.append(pgName).append(' ').append(out.pgType);
    if (out.autoIncrement) {
      out.def.append(" GENERATED BY DEFAULT AS IDENTITY");
    }
    if (out.notNull != null && (!alter)) {
      out.def.append(' ').append(out.notNull);
    }
    if (out.defaultValue != null) {
      out.def.append(" DEFAULT ").append(out.defaultValue);
    }
    if (out.primaryKey) {
      out.def.append(" PRIMARY KEY");
    }
    if (out.unique && !caseInsensitive.contains(out.name)) {
      out.def.append(" UNIQUE"); // on a case-insensitive column: a lower(col) index instead
    }
    if (out.check != null) {
      out.def.append(" CHECK (").append(out.check).append(')');
    }
    for (String c : out.extraChecks) {
      out.def.append(' ').append(c);
    }
  }

  /**
   * The parse budget of a column-level CHECK's condition (its statement was parsed under the
   * rewriter's own budget; the condition is a part of it, kept as text by JSqlParser).
   */
  private static final long CHECK_PARSE_TIMEOUT_MILLIS = 2000;

  /**
   * Whether a column CHECK is MariaDB's JSON marker: exactly {@code (json_valid(column))} on a
   * LONGTEXT column (MariaDB's JSON type is that LONGTEXT; its SHOW CREATE TABLE prints it so).
   */
  static boolean isMariaDbJson(MysqlType mt, String parenthesised, String column) {
    if (!mt.name().equals("longtext")) {
      return false;
    }
    net.sf.jsqlparser.expression.Expression condition;
    try {
      condition = SqlParsing.parseCondition(parenthesised, CHECK_PARSE_TIMEOUT_MILLIS);
    } catch (SqlParsing.ParseFailure ex) {
      return false;
    }
    while (condition
            instanceof
            net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> p
        && p.size() == 1) {
      condition = (net.sf.jsqlparser.expression.Expression) p.get(0);
    }
    if (!(condition instanceof net.sf.jsqlparser.expression.Function f)
        || !"JSON_VALID".equalsIgnoreCase(f.getName())
        || f.getParameters() == null
        || f.getParameters().size() != 1
        || !(f.getParameters().get(0) instanceof net.sf.jsqlparser.schema.Column c)
        || c.getTable() != null && c.getTable().getName() != null) {
      return false;
    }
    return Identifiers.normalize(c.getColumnName()).equals(column);
  }

  /** A column-level CHECK: the condition translated like a table-level one. */
  String columnCheck(String constraintName, String parenthesised, String column) {
    net.sf.jsqlparser.expression.Expression condition;
    try {
      condition = SqlParsing.parseCondition(parenthesised, CHECK_PARSE_TIMEOUT_MILLIS);
    } catch (SqlParsing.ParseFailure ex) {
      throw RefusedException.syntax(
          "column-option:CHECK", "The CHECK on " + column + " could not be parsed.");
    }
    PgExpressionDeParser e = new PgExpressionDeParser(ctx);
    StringBuilder b = new StringBuilder();
    e.setBuilder(b);
    e.cond(condition);
    return (constraintName != null
            ? "CONSTRAINT " + Identifiers.pg(Identifiers.normalize(constraintName)) + " "
            : "")
        + "CHECK ("
        + b
        + ")";
  }

  /**
   * Whether COLLATE / CHARSET / BINARY options leave text case-insensitive; {@code inherited} when
   * they say nothing (MySQL's and MariaDB's default collations are _ci).
   */
  static boolean collationIsCaseInsensitive(List<String> options, boolean inherited) {
    boolean[] ci = {inherited};
    collationOptions(
        options,
        (option, value) -> {
          if (option.equals("COLLATE")) {
            ci[0] = value.endsWith("_ci");
          } else if (option.equals("BINARY") || value.equals("binary")) {
            ci[0] = false; // BINARY, or CHARSET binary
          }
        });
    return ci[0];
  }

  /**
   * Calls {@code option} with each COLLATE, BINARY, CHARSET or (CHARACTER) SET option (upper case)
   * and the value after it (lower case, unquoted; {@code =} skipped), in order.
   */
  private static void collationOptions(
      List<String> options, java.util.function.BiConsumer<String, String> option) {
    if (options == null) {
      return;
    }
    for (int i = 0; i < options.size(); i++) {
      String u = options.get(i).toUpperCase(Locale.ROOT);
      if (!u.equals("COLLATE") && !u.equals("BINARY") && !u.equals("CHARSET") && !u.equals("SET")) {
        continue;
      }
      String next = i + 1 < options.size() ? options.get(i + 1) : "";
      if (next.equals("=") && i + 2 < options.size()) {
        next = options.get(i + 2);
      }
      option.accept(u, Identifiers.normalize(next.replace("'", "")).toLowerCase(Locale.ROOT));
    }
  }

  /**
   * The collation COLLATE / CHARSET / BINARY options give text (lower case), {@code inherited} when
   * they name none. A character set without a collation gets that set's default, whatever the
   * table's or database's collation (MySQL 9.7.4: {@code CHARACTER SET utf8mb4} in a {@code
   * COLLATE=utf8mb4_general_ci} table is {@code utf8mb4_0900_ai_ci}): for utf8mb4 on MySQL 8 or
   * later ({@code mysql}, the catalog knows MySQL's default collation) {@code utf8mb4_0900_ai_ci},
   * else unknown (null). BINARY and the binary set are {@code binary}.
   */
  static String collationOf(List<String> options, String inherited, boolean mysql) {
    String[] collate = {null};
    String[] charset = {null};
    collationOptions(
        options,
        (option, value) -> {
          if (option.equals("COLLATE")) {
            collate[0] = value;
          } else if (option.equals("BINARY") || value.equals("binary")) {
            charset[0] = "binary";
          } else {
            charset[0] = value;
          }
        });
    if (collate[0] != null) {
      return collate[0];
    }
    if (charset[0] == null) {
      return inherited;
    }
    return charset[0].equals("binary")
        ? "binary"
        : charset[0].equals("utf8mb4") && mysql ? "utf8mb4_0900_ai_ci" : null;
  }

  static boolean isCurrentTimestamp(String token) {
    String u = token.toUpperCase(Locale.ROOT);
    return u.equals("CURRENT_TIMESTAMP")
        || u.equals("CURRENT_TIMESTAMP()")
        || u.equals("NOW()")
        || u.equals("LOCALTIMESTAMP")
        || u.equals("LOCALTIME");
  }

  static String defaultValue(List<String> sp, int i, MysqlType mt, String pgType, int[] consumed) {
    if (i >= sp.size()) {
      throw RefusedException.syntax("default", "DEFAULT without a value.");
    }
    String v = sp.get(i);
    consumed[0] = 1;
    String u = v.toUpperCase(Locale.ROOT);
    if (isCurrentTimestamp(v) || u.equals("NOW")) {
      String precision = "0";
      if (sp.size() > i + 1 && sp.get(i + 1).startsWith("(")) {
        String p = sp.get(i + 1).replaceAll("[()\\s]", "");
        precision = p.isEmpty() ? "0" : p;
        consumed[0] = 2;
      }
      if (!pgType.startsWith("timestamp")) {
        throw RefusedException.syntax(
            "default", "DEFAULT CURRENT_TIMESTAMP on a non-timestamp column.");
      }
      return "LOCALTIMESTAMP(" + precision + ")";
    }
    if (u.equals("NULL")) {
      return "NULL";
    }
    if (u.equals("TRUE") || u.equals("FALSE")) {
      return u.equals("TRUE") ? "1" : "0";
    }
    if (mt.name().equals("bit")) {
      return bitDefault(v);
    }
    String str = Tokens.stringValue(v);
    if (str != null) {
      if (str.startsWith("0000-00-00")) {
        throw RefusedException.syntax(
            "zero-date", "The zero date default '" + str + "' cannot be stored by PostgreSQL.");
      }
      if (pgType.equals("bytea")) {
        return binaryDefault(str, mt);
      }
      return "'" + str.replace("'", "''") + "'";
    }
    if (v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
      return v;
    }
    throw RefusedException.syntax(
        "default", "The DEFAULT " + v + " is not a literal the rewriter can translate.");
  }

  /**
   * The number a BIT column's default stores: b'101', 0b101, X'05', 0x05, 5 or a string's bytes
   * ('A' is 65), as MySQL stores each.
   */
  private static String bitDefault(String v) {
    String t = v.trim();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)(?:b'([01]*)'|0b([01]+))").matcher(t);
    if (m.matches()) {
      String digits = m.group(1) != null ? m.group(1) : m.group(2);
      return digits.isEmpty() ? "0" : new java.math.BigInteger(digits, 2).toString();
    }
    m = java.util.regex.Pattern.compile("(?i)(?:x'([0-9a-f]*)'|0x([0-9a-f]+))").matcher(t);
    if (m.matches()) {
      String digits = m.group(1) != null ? m.group(1) : m.group(2);
      return digits.isEmpty() ? "0" : new java.math.BigInteger(digits, 16).toString();
    }
    if (t.matches("[0-9]+")) {
      return t;
    }
    String str = Tokens.stringValue(t);
    if (str != null) {
      byte[] bytes = str.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return bytes.length == 0 ? "0" : new java.math.BigInteger(1, bytes).toString();
    }
    throw RefusedException.syntax(
        "default", "The DEFAULT " + v + " of a BIT column is not a literal the rewriter reads.");
  }

  /**
   * A string default of a binary column as the bytes MySQL stores: the string's UTF-8 bytes, and
   * for {@code BINARY(n)} zero bytes up to n (MySQL pads a BINARY). As a bytea hex literal: a NUL
   * byte ({@code DEFAULT '\0\0'}, BenchBase wikipedia) cannot appear in PostgreSQL's SQL text.
   */
  static String binaryDefault(String value, MysqlType mt) {
    byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (mt.name().equals("binary")) {
      int n = mt.args().isEmpty() ? 1 : Integer.parseInt(mt.args().get(0).trim());
      if (bytes.length < n) {
        bytes = java.util.Arrays.copyOf(bytes, n);
      }
    }
    return "'\\x" + java.util.HexFormat.of().formatHex(bytes) + "'::bytea";
  }

  /** An index or constraint of a table: an inline constraint (returned) or a statement added. */
  String tableIndex(String t, Index index, List<String> after, boolean ifNotExists) {
    if (index instanceof CheckConstraint check) {
      PgExpressionDeParser e = new PgExpressionDeParser(ctx);
      StringBuilder b = new StringBuilder();
      e.setBuilder(b);
      e.cond(check.getExpression());
      String name = check.getName();
      return (name != null && !name.equals("null")
              ? "CONSTRAINT " + Identifiers.pg(name) + " "
              : "")
          + "CHECK ("
          + b
          + ")";
    }
    if (index instanceof ForeignKeyIndex fk) {
      // A separate statement after the CREATE TABLE, so the driver can create the table even when
      // the referenced one does not exist yet (MySQL dumps rely on FOREIGN_KEY_CHECKS=0) and add
      // the key once it does.
      after.add("ALTER TABLE " + Identifiers.pg(t) + " ADD " + foreignKey(fk));
      return null;
    }
    String rawType =
        index.getType() != null
            ? index.getType()
            : index.getIndexKeyword() != null ? index.getIndexKeyword() : "INDEX";
    String type = rawType.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    List<String> cols = indexColumns(index, t);
    switch (type) {
      case "PRIMARY KEY" -> {
        checkPlainColumns(index, "PRIMARY KEY");
        List<String> plain = indexColumns(index, Set.of(), Set.of(), binaryColumns(t));
        if (!plain.equals(cols)) {
          // MySQL's primary key is case-insensitive too: keep the key, add the folded uniqueness
          after.add(createIndex(t, "primary_ci", true, cols, ifNotExists));
        }
        return "PRIMARY KEY (" + String.join(", ", plain) + ")";
      }
      case "UNIQUE", "UNIQUE KEY", "UNIQUE INDEX" -> {
        after.add(
            createIndex(
                t,
                index.getName() != null ? index.getName() : unnamedIndex(cols.get(0)),
                true,
                cols,
                ifNotExists));
        return null;
      }
      case "KEY", "INDEX" -> {
        after.add(
            createIndex(
                t,
                index.getName() != null ? index.getName() : unnamedIndex(cols.get(0)),
                false,
                cols,
                ifNotExists));
        return null;
      }
      case "FULLTEXT", "FULLTEXT KEY", "FULLTEXT INDEX" -> {
        after.add(fullText(t, index, ifNotExists));
        return null;
      }
      default ->
          throw RefusedException.syntax(
              "index:" + type, "The index type " + type + " is not supported.");
    }
  }

  /**
   * The name given to an unnamed index from its first part: its letters and digits ({@code
   * lower(email)} is {@code loweremail}), leaving out a {@code COLLATE} (MySQL's own default name
   * is the column's).
   */
  static String unnamedIndex(String firstPart) {
    int collate = firstPart.indexOf(" COLLATE ");
    return (collate < 0 ? firstPart : firstPart.substring(0, collate)).replaceAll("\\W", "");
  }

  static void checkPlainColumns(Index index, String what) {
    for (Index.ColumnParams p : index.getColumns()) {
      if (p.getParams() != null && !p.getParams().isEmpty()) {
        throw RefusedException.syntax("prefix-key", what + " on a column prefix is not supported.");
      }
    }
  }

  /** The case-insensitive text columns of table t: from CREATE TABLE, else from the catalog. */
  Set<String> caseInsensitiveColumns(String t) {
    if (!caseInsensitive.isEmpty()) {
      return caseInsensitive;
    }
    return catalogTextColumns(t, ColumnInfo::caseInsensitive);
  }

  /** The text columns of table t in the catalog that {@code which} accepts. */
  private Set<String> catalogTextColumns(String t, java.util.function.Predicate<ColumnInfo> which) {
    Set<String> fromCatalog = new java.util.HashSet<>();
    ctx.catalog
        .table(t)
        .ifPresent(
            info -> {
              for (ColumnInfo c : info.columns()) {
                if (which.test(c) && TypeMapping.isText(c.mysqlType())) {
                  fromCatalog.add(c.name());
                }
              }
            });
    return fromCatalog;
  }

  /**
   * Binary string columns of table {@code t}: of the CREATE TABLE being printed, or the catalog.
   */
  Set<String> binaryColumns(String t) {
    Set<String> out = new java.util.HashSet<>(binary);
    ctx.catalog
        .table(t)
        .ifPresent(
            info -> {
              for (ColumnInfo c : info.columns()) {
                if (TypeMapping.isBinary(c.mysqlType())) {
                  out.add(c.name());
                }
              }
            });
    return out;
  }

  /**
   * The {@link #accentInsensitive} columns of table t: of the CREATE TABLE being printed, else from
   * the catalog; none when PostgreSQL lacks {@link Collations#AI_CI}.
   */
  Set<String> accentInsensitiveColumns(String t) {
    if (!caseInsensitive.isEmpty()) {
      return accentInsensitive;
    }
    return ctx.catalog.postgresHasCollation(Collations.AI_CI)
        ? catalogTextColumns(t, ColumnInfo::accentInsensitive)
        : Set.of();
  }

  /**
   * A key part of column {@code name} (normalized) on PostgreSQL: {@code col COLLATE
   * dualwrite_ai_ci} when accent-insensitive, {@code lower(col)} when case-insensitive, else the
   * column.
   */
  static String keyPart(String name, Set<String> ci, Set<String> ai) {
    String c = Identifiers.pg(name);
    return ai.contains(name)
        ? c + " COLLATE " + Collations.AI_CI
        : ci.contains(name) ? "lower(" + c + ")" : c;
  }

  /** {@link #indexColumns(Index, Set, Set, Set)} of table {@code t}'s index. */
  List<String> indexColumns(Index index, String t) {
    return indexColumns(
        index, caseInsensitiveColumns(t), accentInsensitiveColumns(t), binaryColumns(t));
  }

  /**
   * Index columns; a prefix part a(10) becomes left(a, 10) (of a binary column, which counts bytes:
   * substring(a FROM 1 FOR 10)); a case-insensitive text column lower(a), an accent-insensitive one
   * ({@code ai}) {@code a COLLATE dualwrite_ai_ci}.
   */
  static List<String> indexColumns(
      Index index, Set<String> ci, Set<String> ai, Set<String> binary) {
    List<String> cols = new ArrayList<>();
    for (Index.ColumnParams p : index.getColumns()) {
      String name = Identifiers.normalize(p.getColumnName());
      boolean accents = ai.contains(name);
      String c = accents ? Identifiers.pg(p.getColumnName()) : keyPart(name, ci, Set.of());
      List<String> params = p.getParams();
      if (params != null && !params.isEmpty()) {
        StringBuilder suffix = new StringBuilder();
        String prefix = null;
        for (String param : params) {
          String v = param.replaceAll("[()\\s]", "");
          if (v.matches("[0-9]+")) {
            prefix = v;
          } else if (v.equalsIgnoreCase("ASC") || v.equalsIgnoreCase("DESC")) {
            suffix.append(' ').append(v.toUpperCase(Locale.ROOT));
          } else {
            throw RefusedException.syntax("index-part", "Unsupported index part " + p + ".");
          }
        }
        boolean bytes = binary.contains(Identifiers.normalize(p.getColumnName()));
        c =
            (prefix == null
                    ? c
                    : bytes
                        ? "(substring(" + c + " FROM 1 FOR " + prefix + "))"
                        : "(left(" + c + ", " + prefix + "))")
                + (accents ? " COLLATE " + Collations.AI_CI : "")
                + suffix;
      } else if (accents) {
        c += " COLLATE " + Collations.AI_CI;
      }
      cols.add(c);
    }
    return cols;
  }

  static String createIndex(
      String t, String name, boolean unique, List<String> cols, boolean ifNotExists) {
    return "CREATE "
        + (unique ? "UNIQUE " : "")
        + "INDEX "
        + (ifNotExists ? "IF NOT EXISTS " : "")
        + Identifiers.pg(indexName(t, name))
        + " ON "
        + Identifiers.pg(t)
        + " ("
        + String.join(", ", cols)
        + ")";
  }

  static String fullText(String t, Index index, boolean ifNotExists) {
    StringBuilder doc = new StringBuilder();
    for (Index.ColumnParams p : index.getColumns()) {
      if (doc.length() > 0) {
        doc.append(" || ' ' || ");
      }
      doc.append("coalesce(").append(Identifiers.pg(p.getColumnName())).append(", '')");
    }
    // MATCH ... AGAINST itself is refused; the GIN index keeps the column searchable on PostgreSQL
    return "CREATE INDEX "
        + (ifNotExists ? "IF NOT EXISTS " : "")
        + Identifiers.pg(indexName(t, index.getName()))
        + " ON "
        + Identifiers.pg(t)
        + " USING gin (to_tsvector('simple', "
        + doc
        + "))";
  }

  /**
   * Whether a one-column foreign key references a BIGINT UNSIGNED AUTO_INCREMENT column: one of
   * {@code created} (when it references itself), else one the catalog knows. A referenced column
   * the rewriter cannot see counts as one (the Laravel/Rails id pattern); a known non-identity
   * column does not.
   */
  boolean referencesIdentity(ForeignKeyIndex fk, String table, CreateTable created) {
    if (fk.getColumnsNames().size() != 1 || fk.getReferencedColumnNames().size() != 1) {
      return false;
    }
    String refTable = Identifiers.normalize(fk.getTable().getName());
    String refColumn = Identifiers.normalize(fk.getReferencedColumnNames().get(0));
    if (created != null && refTable.equals(table)) {
      for (ColumnDefinition cd : created.getColumnDefinitions()) {
        if (Identifiers.normalize(cd.getColumnName()).equals(refColumn)) {
          MysqlType mt = parseType(cd.getColDataType(), cd.getColumnSpecs());
          boolean ai = false;
          for (String spec :
              cd.getColumnSpecs() == null ? List.<String>of() : cd.getColumnSpecs()) {
            ai |= spec.equalsIgnoreCase("AUTO_INCREMENT");
          }
          return ai && mt.name().equals("bigint") && mt.unsigned();
        }
      }
      return false;
    }
    Optional<ColumnInfo> ref = ctx.catalog.table(refTable).flatMap(ti -> ti.column(refColumn));
    if (ctx.catalog.table(refTable).isPresent() && ref.isEmpty()) {
      return false;
    }
    return ref.map(ci -> ci.autoIncrement() && isBigintUnsigned(ci.mysqlType())).orElse(true);
  }

  static boolean isBigintUnsigned(String mysqlType) {
    String m = mysqlType.toLowerCase(Locale.ROOT);
    return m.startsWith("bigint") && m.contains("unsigned");
  }

  String foreignKey(ForeignKeyIndex fk) {
    StringBuilder b = new StringBuilder();
    if (fk.getName() != null) {
      b.append("CONSTRAINT ").append(Identifiers.pg(fk.getName())).append(' ');
    }
    List<String> cols = new ArrayList<>();
    for (String c : fk.getColumnsNames()) {
      cols.add(Identifiers.pg(c));
    }
    List<String> refs = new ArrayList<>();
    for (String c : fk.getReferencedColumnNames()) {
      refs.add(Identifiers.pg(c));
    }
    String refTable = table(fk.getTable());
    ctx.tablesRead.add(refTable);
    b.append("FOREIGN KEY (").append(String.join(", ", cols)).append(") REFERENCES ");
    b.append(Identifiers.pg(refTable)).append(" (").append(String.join(", ", refs)).append(')');
    if (fk.getOnDeleteReferenceOption() != null) {
      b.append(" ON DELETE ").append(referenceOption(fk.getOnDeleteReferenceOption()));
    }
    if (fk.getOnUpdateReferenceOption() != null) {
      b.append(" ON UPDATE ").append(referenceOption(fk.getOnUpdateReferenceOption()));
    }
    return b.toString();
  }

  static String referenceOption(String option) {
    String u = option.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    return switch (u) {
      case "CASCADE", "SET NULL", "RESTRICT", "NO ACTION" -> u;
      default ->
          throw RefusedException.syntax(
              "foreign-key", "Unsupported reference option " + option + ".");
    };
  }
}
