package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * Prints MySQL DDL as PostgreSQL DDL with the documented type mapping. One MySQL statement may
 * become several PostgreSQL statements (CREATE TABLE then CREATE INDEX, COMMENT ON ...).
 *
 * <p>Index names: MySQL scopes them per table, PostgreSQL per schema, so an index {@code i} of
 * table {@code t} is named {@code t_i} on PostgreSQL (DROP INDEX i ON t maps the same way).
 */
final class DdlPrinter {

  final PrintContext ctx;
  final List<String> statements = new ArrayList<>();

  /**
   * Text columns of the table being printed that compare case-insensitively in MySQL. Index parts
   * on them become lower(col), so MySQL's case-insensitive uniqueness holds on PostgreSQL and the
   * lower(col) = lower(?) comparisons the rewriter prints can use the index.
   */
  private final Set<String> caseInsensitive = new java.util.HashSet<>();

  final Set<String> tablesWritten = new LinkedHashSet<>();

  /**
   * BIGINT UNSIGNED columns of the table being created that are foreign keys to an identity (a
   * BIGINT UNSIGNED AUTO_INCREMENT, itself printed as bigint): they are printed as bigint too, as
   * PostgreSQL refuses a foreign key between numeric and bigint.
   */
  private final Set<String> identityReferences = new java.util.HashSet<>();

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

  private static String table(net.sf.jsqlparser.schema.Table t) {
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

  // ------------------------------------------------------------------ CREATE TABLE

  /** One translated column: its definition and the statements it needs after the table. */
  private final class ColumnOut {
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

  private ColumnOut column(String columnName, ColDataType type, List<String> specs, boolean alter) {
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
          out.extraChecks.add(columnCheck(constraintName, sp.get(i + 1), name));
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
    }
    out.def.append(pgName).append(' ').append(pgType);
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
    if (out.unique && !caseInsensitive.contains(name)) {
      out.def.append(" UNIQUE"); // on a case-insensitive column: a lower(col) index instead
    }
    if (out.check != null) {
      out.def.append(" CHECK (").append(out.check).append(')');
    }
    for (String c : out.extraChecks) {
      out.def.append(' ').append(c);
    }
    return out;
  }

  /** A column-level CHECK: the condition translated like a table-level one. */
  private String columnCheck(String constraintName, String parenthesised, String column) {
    net.sf.jsqlparser.expression.Expression condition;
    try {
      condition = net.sf.jsqlparser.parser.CCJSqlParserUtil.parseCondExpression(parenthesised);
    } catch (net.sf.jsqlparser.JSQLParserException ex) {
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
    if (options == null) {
      return inherited;
    }
    boolean ci = inherited;
    for (int i = 0; i < options.size(); i++) {
      String u = options.get(i).toUpperCase(Locale.ROOT);
      String next = i + 1 < options.size() ? options.get(i + 1) : "";
      if (next.equals("=") && i + 2 < options.size()) {
        next = options.get(i + 2);
      }
      String value = Identifiers.normalize(next.replace("'", "")).toLowerCase(Locale.ROOT);
      if (u.equals("COLLATE")) {
        ci = value.endsWith("_ci");
      } else if (u.equals("BINARY")) {
        ci = false;
      } else if ((u.equals("CHARSET") || u.equals("SET")) && value.equals("binary")) {
        ci = false;
      }
    }
    return ci;
  }

  private static boolean isCurrentTimestamp(String token) {
    String u = token.toUpperCase(Locale.ROOT);
    return u.equals("CURRENT_TIMESTAMP")
        || u.equals("CURRENT_TIMESTAMP()")
        || u.equals("NOW()")
        || u.equals("LOCALTIMESTAMP")
        || u.equals("LOCALTIME");
  }

  private static String defaultValue(
      List<String> sp, int i, MysqlType mt, String pgType, int[] consumed) {
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
    if (mt.name().equals("bit") && (u.matches("B'[01]'") || u.matches("0B[01]"))) {
      return u.substring(u.length() - 2, u.length() - 1).replace("'", "") + "";
    }
    String str = Tokens.stringValue(v);
    if (str != null) {
      if (str.startsWith("0000-00-00")) {
        throw RefusedException.syntax(
            "zero-date", "The zero date default '" + str + "' cannot be stored by PostgreSQL.");
      }
      if (mt.name().equals("bit")) {
        throw RefusedException.syntax("default", "BIT defaults are not supported.");
      }
      return "'" + str.replace("'", "''") + "'";
    }
    if (v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
      return v;
    }
    throw RefusedException.syntax(
        "default", "The DEFAULT " + v + " is not a literal the rewriter can translate.");
  }

  void createTable(CreateTable c) {
    String t = table(c.getTable());
    boolean tableCi = collationIsCaseInsensitive(c.getTableOptionsStrings(), true);
    for (ColumnDefinition cd :
        c.getColumnDefinitions() == null ? List.<ColumnDefinition>of() : c.getColumnDefinitions()) {
      MysqlType mt = parseType(cd.getColDataType(), cd.getColumnSpecs());
      if (TypeMapping.isText(mt.name())
          && collationIsCaseInsensitive(cd.getColumnSpecs(), tableCi)
          && !cd.getColDataType().getDataType().toUpperCase(Locale.ROOT).contains("BINARY")) {
        caseInsensitive.add(Identifiers.normalize(cd.getColumnName()));
      }
    }
    if (c.getSelect() == null
        && c.getLikeTable() != null
        && (c.getColumnDefinitions() == null || c.getColumnDefinitions().isEmpty())) {
      createLike(t, c);
      return;
    }
    if (c.getSelect() != null || c.getLikeTable() != null) {
      throw RefusedException.syntax(
          "create-table-as",
          "CREATE TABLE ... AS SELECT derives column types PostgreSQL would derive differently;"
              + " create the table explicitly.");
    }
    if (c.getColumnDefinitions() == null || c.getColumnDefinitions().isEmpty()) {
      throw RefusedException.syntax("create-table", "CREATE TABLE without columns.");
    }
    if (c.getIndexes() != null) {
      for (Index index : c.getIndexes()) {
        if (index instanceof ForeignKeyIndex fk && referencesIdentity(fk, t, c)) {
          identityReferences.add(Identifiers.normalize(fk.getColumnsNames().get(0)));
        }
      }
    }
    boolean temporary = false;
    if (c.getCreateOptionsStrings() != null) {
      for (String o : c.getCreateOptionsStrings()) {
        if (o.equalsIgnoreCase("TEMPORARY")) {
          temporary = true;
        } else {
          throw RefusedException.syntax(
              "create-option", "CREATE " + o + " TABLE is not supported.");
        }
      }
    }
    tablesWritten.add(t);
    String pt = Identifiers.pg(t);
    boolean ifNotExists = c.isIfNotExists();
    StringBuilder b = new StringBuilder();
    b.append("CREATE ").append(temporary ? "TEMPORARY " : "").append("TABLE ");
    b.append(ifNotExists ? "IF NOT EXISTS " : "").append(pt).append(" (");
    List<String> after = new ArrayList<>();
    String aiColumn = null;
    boolean first = true;
    for (ColumnDefinition cd : c.getColumnDefinitions()) {
      ColumnOut col = column(cd.getColumnName(), cd.getColDataType(), cd.getColumnSpecs(), false);
      b.append(first ? "" : ", ").append(col.def);
      first = false;
      if (col.autoIncrement) {
        aiColumn = col.name;
      }
      if (col.comment != null) {
        after.add(
            "COMMENT ON COLUMN "
                + pt
                + "."
                + Identifiers.pg(col.name)
                + " IS '"
                + col.comment.replace("'", "''")
                + "'");
      }
      if ((col.unique || col.primaryKey) && caseInsensitive.contains(col.name)) {
        // MySQL compares keys on _ci columns case-insensitively
        after.add(
            createIndex(
                t,
                col.name + "_ci",
                true,
                List.of("lower(" + Identifiers.pg(col.name) + ")"),
                ifNotExists));
      }
    }
    if (c.getIndexes() != null) {
      for (Index index : c.getIndexes()) {
        String constraint = tableIndex(t, index, after, ifNotExists);
        if (constraint != null) {
          b.append(", ").append(constraint);
        }
      }
    }
    b.append(')');
    statements.add(b.toString());
    tableOptions(t, c.getTableOptionsStrings(), aiColumn);
    statements.addAll(after);
  }

  /**
   * CREATE TABLE t LIKE s: MySQL copies the columns, defaults, AUTO_INCREMENT (with a fresh
   * counter), indexes and CHECKs but no foreign keys; PostgreSQL's LIKE ... INCLUDING ALL copies
   * the translated table's columns, defaults, identity (a new sequence), CHECK and NOT NULL
   * constraints, indexes (the _ci lower() ones too) and comments, and no foreign keys either. The
   * copied indexes get names PostgreSQL chooses.
   */
  private void createLike(String t, CreateTable c) {
    if (c.getCreateOptionsStrings() != null && !c.getCreateOptionsStrings().isEmpty()) {
      throw RefusedException.syntax(
          "create-option",
          "CREATE " + c.getCreateOptionsStrings() + " TABLE ... LIKE is not supported.");
    }
    if (c.getTableOptionsStrings() != null && !c.getTableOptionsStrings().isEmpty()) {
      throw RefusedException.syntax(
          "create-table-like", "CREATE TABLE ... LIKE with table options is not MySQL.");
    }
    String source = table(c.getLikeTable());
    tablesWritten.add(t);
    statements.add(
        "CREATE TABLE "
            + (c.isIfNotExists() ? "IF NOT EXISTS " : "")
            + Identifiers.pg(t)
            + " (LIKE "
            + Identifiers.pg(source)
            + " INCLUDING ALL)");
  }

  private void tableOptions(String t, List<String> options, String aiColumn) {
    if (options == null) {
      return;
    }
    for (int i = 0; i < options.size(); i++) {
      String u = options.get(i).toUpperCase(Locale.ROOT);
      String value =
          i + 2 < options.size() && options.get(i + 1).equals("=") ? options.get(i + 2) : null;
      int skip = value != null ? 2 : (i + 1 < options.size() ? 1 : 0);
      if (value == null && i + 1 < options.size()) {
        value = options.get(i + 1);
      }
      switch (u) {
        case "DEFAULT" -> skip = 0;
        case "ENGINE",
            "CHARSET",
            "COLLATE",
            "ROW_FORMAT",
            "STATS_PERSISTENT",
            "PACK_KEYS",
            "CHECKSUM",
            "KEY_BLOCK_SIZE",
            "AVG_ROW_LENGTH",
            "MAX_ROWS",
            "MIN_ROWS" -> {}
        case "CHARACTER" -> {
          // CHARACTER SET [=] x
          skip = options.get(i + 2).equals("=") ? 3 : 2;
        }
        case "AUTO_INCREMENT" -> {
          if (aiColumn == null) {
            throw RefusedException.syntax(
                "auto-increment", "AUTO_INCREMENT= on a table without an AUTO_INCREMENT column.");
          }
          statements.add(
              "ALTER TABLE "
                  + Identifiers.pg(t)
                  + " ALTER COLUMN "
                  + Identifiers.pg(aiColumn)
                  + " RESTART WITH "
                  + Long.parseLong(value));
        }
        case "COMMENT" -> {
          String text = Tokens.stringValue(value);
          statements.add(
              "COMMENT ON TABLE "
                  + Identifiers.pg(t)
                  + " IS '"
                  + String.valueOf(text).replace("'", "''")
                  + "'");
        }
        default ->
            throw RefusedException.syntax(
                "table-option:" + u, "The table option " + options.get(i) + " is not supported.");
      }
      i += skip;
    }
  }

  /** An index or constraint of a table: an inline constraint (returned) or a statement added. */
  private String tableIndex(String t, Index index, List<String> after, boolean ifNotExists) {
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
    List<String> cols = indexColumns(index, caseInsensitiveColumns(t));
    switch (type) {
      case "PRIMARY KEY" -> {
        checkPlainColumns(index, "PRIMARY KEY");
        List<String> plain = indexColumns(index, Set.of());
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
                index.getName() != null ? index.getName() : cols.get(0).replaceAll("\\W", ""),
                true,
                cols,
                ifNotExists));
        return null;
      }
      case "KEY", "INDEX" -> {
        after.add(
            createIndex(
                t,
                index.getName() != null ? index.getName() : cols.get(0).replaceAll("\\W", ""),
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

  private static void checkPlainColumns(Index index, String what) {
    for (Index.ColumnParams p : index.getColumns()) {
      if (p.getParams() != null && !p.getParams().isEmpty()) {
        throw RefusedException.syntax("prefix-key", what + " on a column prefix is not supported.");
      }
    }
  }

  /** The case-insensitive text columns of table t: from CREATE TABLE, else from the catalog. */
  private Set<String> caseInsensitiveColumns(String t) {
    if (!caseInsensitive.isEmpty()) {
      return caseInsensitive;
    }
    Set<String> fromCatalog = new java.util.HashSet<>();
    ctx.catalog
        .table(t)
        .ifPresent(
            info -> {
              for (ColumnInfo c : info.columns()) {
                if (c.caseInsensitive() && TypeMapping.isText(c.mysqlType())) {
                  fromCatalog.add(c.name());
                }
              }
            });
    return fromCatalog;
  }

  /**
   * Index columns; a prefix part a(10) becomes left(a, 10); a case-insensitive text column
   * lower(a).
   */
  private static List<String> indexColumns(Index index, Set<String> ci) {
    List<String> cols = new ArrayList<>();
    for (Index.ColumnParams p : index.getColumns()) {
      String c = Identifiers.pg(p.getColumnName());
      if (ci.contains(Identifiers.normalize(p.getColumnName()))) {
        c = "lower(" + c + ")";
      }
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
        c = (prefix != null ? "(left(" + c + ", " + prefix + "))" : c) + suffix;
      }
      cols.add(c);
    }
    return cols;
  }

  private static String createIndex(
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

  private static String fullText(String t, Index index, boolean ifNotExists) {
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
  private boolean referencesIdentity(ForeignKeyIndex fk, String table, CreateTable created) {
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

  private static boolean isBigintUnsigned(String mysqlType) {
    String m = mysqlType.toLowerCase(Locale.ROOT);
    return m.startsWith("bigint") && m.contains("unsigned");
  }

  private String foreignKey(ForeignKeyIndex fk) {
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

  private static String referenceOption(String option) {
    String u = option.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    return switch (u) {
      case "CASCADE", "SET NULL", "RESTRICT", "NO ACTION" -> u;
      default ->
          throw RefusedException.syntax(
              "foreign-key", "Unsupported reference option " + option + ".");
    };
  }

  // ------------------------------------------------------------------ other DDL

  void createIndex(CreateIndex c) {
    String t = table(c.getTable());
    tablesWritten.add(t);
    Index index = c.getIndex();
    if (c.getTailParameters() != null && !c.getTailParameters().isEmpty()) {
      throw RefusedException.syntax(
          "index-option", "Index options " + c.getTailParameters() + " are not supported.");
    }
    if (index.getUsing() != null) {
      throw RefusedException.syntax(
          "index-using", "USING " + index.getUsing() + " is not supported.");
    }
    String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
    if (type.contains("FULLTEXT")) {
      statements.add(fullText(t, index, false));
    } else if (type.contains("SPATIAL")) {
      throw RefusedException.syntax("index:SPATIAL", "SPATIAL indexes are not supported.");
    } else {
      statements.add(
          createIndex(
              t,
              index.getName(),
              type.contains("UNIQUE"),
              indexColumns(index, caseInsensitiveColumns(t)),
              false));
    }
  }

  void drop(Drop d) {
    String type = d.getType().toUpperCase(Locale.ROOT);
    switch (type) {
      case "INDEX" -> {
        List<String> params = d.getParameters();
        if (params == null || params.size() != 2 || !params.get(0).equalsIgnoreCase("ON")) {
          throw RefusedException.syntax("drop-index", "DROP INDEX needs ON table in MySQL.");
        }
        String t = Identifiers.normalize(params.get(1));
        tablesWritten.add(t);
        statements.add("DROP INDEX " + Identifiers.pg(indexName(t, d.getName().getName())));
      }
      case "VIEW" -> {
        String v = table(d.getName());
        tablesWritten.add(v);
        statements.add("DROP VIEW " + (d.isIfExists() ? "IF EXISTS " : "") + Identifiers.pg(v));
      }
      default ->
          throw RefusedException.syntax("drop:" + type, "DROP " + type + " is not translated.");
    }
  }

  /** Table options with no PostgreSQL meaning: storage, row format, default character set. */
  private static final java.util.regex.Pattern STORAGE_OPTION =
      java.util.regex.Pattern.compile(
          "(?is)(DEFAULT\\s+)?(ENGINE|CHARSET|CHARACTER\\s+SET|COLLATE|ROW_FORMAT|KEY_BLOCK_SIZE"
              + "|STATS_AUTO_RECALC|STATS_PERSISTENT|STATS_SAMPLE_PAGES|CHECKSUM|PACK_KEYS"
              + "|AVG_ROW_LENGTH|MAX_ROWS|MIN_ROWS|DELAY_KEY_WRITE|COMPRESSION)\\b.*");

  private static final java.util.regex.Pattern AUTO_INCREMENT_OPTION =
      java.util.regex.Pattern.compile("(?is)AUTO_INCREMENT\\s*=?\\s*([0-9]+)");

  private static final java.util.regex.Pattern COMMENT_OPTION =
      java.util.regex.Pattern.compile("(?is)COMMENT\\s*=?\\s*'((?:[^'\\\\]|\\\\.|'')*)'");

  /**
   * {@code ALTER TABLE t <table option>}: storage options (ENGINE, ROW_FORMAT, DEFAULT CHARSET, a
   * default COLLATE, which only new columns take, and the catalog reads them from MySQL) have no
   * PostgreSQL counterpart and translate to nothing; {@code COMMENT = '...'} is {@code COMMENT ON
   * TABLE}; {@code AUTO_INCREMENT = n} moves the identity's sequence to n, or past the largest key
   * when that is higher, as MySQL does; {@code CONVERT TO CHARACTER SET} keeps the columns as they
   * are unless it makes them case-sensitive (refused: their comparisons and keys would change).
   */
  private void tableOption(String t, AlterExpression e, List<String> after) {
    String text = e.toString().trim();
    if (e.getOperation() == AlterOperation.CONVERT) {
      String collation = e.getCollation();
      if (collation != null
          && !collation.replace("'", "").toLowerCase(Locale.ROOT).endsWith("_ci")) {
        throw RefusedException.syntax(
            "alter:convert-collation",
            "CONVERT TO ... COLLATE "
                + collation
                + " makes the text columns case-sensitive; their comparisons and keys would differ"
                + " on PostgreSQL.");
      }
      return;
    }
    java.util.regex.Matcher comment = COMMENT_OPTION.matcher(text);
    if (comment.matches()) {
      String body = MysqlLexer.decodeCanonical(comment.group(1));
      after.add("COMMENT ON TABLE " + Identifiers.pg(t) + " IS '" + body.replace("'", "''") + "'");
      return;
    }
    java.util.regex.Matcher ai = AUTO_INCREMENT_OPTION.matcher(text);
    if (ai.matches()) {
      String column =
          ctx.catalog
              .table(t)
              .flatMap(
                  info -> info.columns().stream().filter(ColumnInfo::autoIncrement).findFirst())
              .map(ColumnInfo::name)
              .orElseThrow(
                  () ->
                      RefusedException.syntax(
                          "alter:auto-increment",
                          "ALTER TABLE "
                              + t
                              + " AUTO_INCREMENT needs the table's AUTO_INCREMENT column from the"
                              + " schema catalog, which does not know it."));
      String c = Identifiers.pg(column);
      // a DO block, so the statement returns no rows, as MySQL's ALTER TABLE does
      after.add(
          "DO $dw$BEGIN PERFORM setval(pg_get_serial_sequence('"
              + Identifiers.pg(t).replace("'", "''")
              + "', '"
              + column.replace("'", "''")
              + "'), GREATEST("
              + ai.group(1)
              + ", (SELECT COALESCE(MAX("
              + c
              + "), 0) + 1 FROM "
              + Identifiers.pg(t)
              + ")), false); END$dw$");
      return;
    }
    if (STORAGE_OPTION.matcher(text).matches()) {
      return; // nothing to do on PostgreSQL
    }
    throw RefusedException.syntax(
        "alter:" + e.getOperation(), "ALTER TABLE ... " + text + " is not translated.");
  }

  void truncate(Truncate t) {
    List<String> names = new ArrayList<>();
    List<net.sf.jsqlparser.schema.Table> tables =
        t.getTables() != null && !t.getTables().isEmpty() ? t.getTables() : List.of(t.getTable());
    for (net.sf.jsqlparser.schema.Table table : tables) {
      String n = table(table);
      tablesWritten.add(n);
      names.add(Identifiers.pg(n));
    }
    // MySQL TRUNCATE also resets AUTO_INCREMENT
    statements.add("TRUNCATE TABLE " + String.join(", ", names) + " RESTART IDENTITY");
  }

  void renameTables(RenameTableStatement r) {
    for (var e : r.getTableNames()) {
      String from = table(e.getKey());
      String to = table(e.getValue());
      tablesWritten.add(from);
      tablesWritten.add(to);
      statements.add("ALTER TABLE " + Identifiers.pg(from) + " RENAME TO " + Identifiers.pg(to));
    }
  }

  void createView(CreateView v) {
    if (v.getForce() != null
            && v.getForce() != net.sf.jsqlparser.statement.create.view.ForceOption.NONE
        || v.getTemporary() != null
            && v.getTemporary() != net.sf.jsqlparser.statement.create.view.TemporaryOption.NONE
        || v.isMaterialized()) {
      throw RefusedException.syntax("create-view", "This CREATE VIEW form is not MySQL.");
    }
    String name = table(v.getView());
    tablesWritten.add(name);
    StringBuilder b = new StringBuilder();
    PgExpressionDeParser e = new PgExpressionDeParser(ctx);
    PgSelectDeParser s = new PgSelectDeParser(e, b);
    b.append(v.isOrReplace() ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ")
        .append(Identifiers.pg(name));
    if (v.getColumnNames() != null && !v.getColumnNames().isEmpty()) {
      b.append(" (");
      for (int i = 0; i < v.getColumnNames().size(); i++) {
        b.append(i > 0 ? ", " : "")
            .append(Identifiers.pg(v.getColumnNames().get(i).getColumnName()));
      }
      b.append(')');
    }
    b.append(" AS ");
    v.getSelect().accept((SelectVisitor<StringBuilder>) s, null);
    statements.add(b.toString());
  }

  // ------------------------------------------------------------------ ALTER TABLE

  void alter(Alter a) {
    String t = table(a.getTable());
    tablesWritten.add(t);
    String pt = Identifiers.pg(t);
    if (a.isUseOnly() || a.getAlterExpressions() == null) {
      throw RefusedException.syntax("alter", "Unsupported ALTER TABLE form.");
    }
    List<String> actions = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (AlterExpression e : a.getAlterExpressions()) {
      AlterOperation op = e.getOperation();
      switch (op) {
        case ADD -> add(t, e, actions, after);
        case DROP -> dropPart(t, e, actions, after);
        case ALTER -> {
          if (e.getColumnSetDefaultList() != null || e.getColumnDropDefaultList() != null) {
            alterDefault(t, e, actions);
          } else {
            modify(t, e, actions, after);
          }
        }
        case MODIFY, CHANGE -> modify(t, e, actions, after);
        case RENAME -> {
          if (e.getColumnOldName() != null && e.getColumnName() != null) {
            actions.add(
                "RENAME COLUMN "
                    + Identifiers.pg(e.getColumnOldName())
                    + " TO "
                    + Identifiers.pg(e.getColumnName()));
          } else {
            throw RefusedException.syntax("alter:rename", "Unsupported ALTER TABLE RENAME form.");
          }
        }
        case DROP_PRIMARY_KEY -> actions.add("DROP CONSTRAINT " + Identifiers.pg(t + "_pkey"));
        case RENAME_INDEX, RENAME_KEY -> {
          // indexes are created as <table>_<name> (indexName), so renamed the same way
          String from = e.getOldIndex() == null ? null : e.getOldIndex().getName();
          String to = e.getIndex() == null ? null : e.getIndex().getName();
          if (from == null || to == null) {
            throw RefusedException.syntax("alter:rename-index", "Unsupported RENAME INDEX form.");
          }
          after.add(
              "ALTER INDEX "
                  + Identifiers.pg(indexName(t, from))
                  + " RENAME TO "
                  + Identifiers.pg(indexName(t, to)));
        }
        case RENAME_TABLE -> {
          String to = Identifiers.normalize(e.getNewTableName());
          tablesWritten.add(to);
          after.add("ALTER TABLE " + pt + " RENAME TO " + Identifiers.pg(to));
        }
        case ENGINE, UNSPECIFIC, SET_TABLE_OPTION, CONVERT, COMMENT, COMMENT_WITH_EQUAL_SIGN ->
            tableOption(t, e, after);
        default ->
            throw RefusedException.syntax(
                "alter:" + op, "ALTER TABLE ... " + op + " is not translated.");
      }
    }
    // PostgreSQL cannot combine RENAME COLUMN with other actions
    for (String action : actions) {
      statements.add("ALTER TABLE " + pt + " " + action);
    }
    statements.addAll(after);
  }

  private void add(String t, AlterExpression e, List<String> actions, List<String> after) {
    if (e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
      for (AlterExpression.ColumnDataType cd : e.getColDataTypeList()) {
        ColumnOut col = column(cd.getColumnName(), cd.getColDataType(), cd.getColumnSpecs(), false);
        actions.add("ADD COLUMN " + col.def);
        if (col.comment != null) {
          after.add(
              "COMMENT ON COLUMN "
                  + Identifiers.pg(t)
                  + "."
                  + Identifiers.pg(col.name)
                  + " IS '"
                  + col.comment.replace("'", "''")
                  + "'");
        }
      }
      return;
    }
    if (e.getUk() && e.getUkColumns() != null) {
      List<String> cols = new ArrayList<>();
      Set<String> ci = caseInsensitiveColumns(t);
      for (String c : e.getUkColumns()) {
        String pgc = Identifiers.pg(c);
        cols.add(ci.contains(Identifiers.normalize(c)) ? "lower(" + pgc + ")" : pgc);
      }
      String name = e.getUkName() != null ? e.getUkName() : e.getUkColumns().get(0);
      after.add(createIndex(t, name, true, cols, false));
      return;
    }
    if (e.getPkColumns() != null && !e.getPkColumns().isEmpty()) {
      List<String> cols = new ArrayList<>();
      for (String c : e.getPkColumns()) {
        cols.add(Identifiers.pg(c));
      }
      actions.add("ADD PRIMARY KEY (" + String.join(", ", cols) + ")");
      return;
    }
    Index index = e.getIndex();
    if (index != null) {
      if (index instanceof ForeignKeyIndex fk) {
        // the column was created as numeric(20,0) before it became a key to a bigint identity
        String local =
            fk.getColumnsNames().size() == 1
                ? Identifiers.normalize(fk.getColumnsNames().get(0))
                : null;
        Optional<ColumnInfo> known =
            local == null ? Optional.empty() : ctx.catalog.table(t).flatMap(ti -> ti.column(local));
        if (known.isPresent()
            && !known.get().autoIncrement()
            && isBigintUnsigned(known.get().mysqlType())
            && referencesIdentity(fk, t, null)) {
          actions.add("ALTER COLUMN " + Identifiers.pg(local) + " TYPE bigint");
        }
        actions.add("ADD " + foreignKey(fk));
        return;
      }
      String constraint = tableIndex(t, index, after, false);
      if (constraint != null) {
        actions.add("ADD " + constraint);
      }
      return;
    }
    throw RefusedException.syntax("alter:add", "Unsupported ALTER TABLE ADD form: " + e + ".");
  }

  private void dropPart(String t, AlterExpression e, List<String> actions, List<String> after) {
    if (e.getIndex() != null) {
      String type =
          e.getIndex().getType() == null ? "" : e.getIndex().getType().toUpperCase(Locale.ROOT);
      if (type.startsWith("PRIMARY")) {
        actions.add("DROP CONSTRAINT " + Identifiers.pg(t + "_pkey"));
      } else {
        after.add("DROP INDEX " + Identifiers.pg(indexName(t, e.getIndex().getName())));
      }
      return;
    }
    if (e.getConstraintName() != null) {
      actions.add("DROP CONSTRAINT " + Identifiers.pg(e.getConstraintName()));
      return;
    }
    if (e.getColumnName() != null) {
      actions.add("DROP COLUMN " + Identifiers.pg(e.getColumnName()));
      return;
    }
    throw RefusedException.syntax("alter:drop", "Unsupported ALTER TABLE DROP form: " + e + ".");
  }

  /**
   * ALTER [COLUMN] c SET DEFAULT v / DROP DEFAULT: the same actions in PostgreSQL, with the default
   * translated as in CREATE TABLE (the column's type comes from the catalog when it is known).
   */
  private void alterDefault(String t, AlterExpression e, List<String> actions) {
    if (e.getColumnDropDefaultList() != null) {
      for (AlterExpression.ColumnDropDefault d : e.getColumnDropDefaultList()) {
        actions.add("ALTER COLUMN " + Identifiers.pg(d.getColumnName()) + " DROP DEFAULT");
      }
    }
    if (e.getColumnSetDefaultList() != null) {
      for (AlterExpression.ColumnSetDefault d : e.getColumnSetDefaultList()) {
        String column = Identifiers.normalize(d.getColumnName());
        Optional<ColumnInfo> known = ctx.catalog.table(t).flatMap(ti -> ti.column(column));
        String base = known.map(c -> TypeMapping.baseType(c.mysqlType())).orElse("");
        if (base.equals("bit") || (known.isEmpty() && !isPlainLiteral(d.getDefaultValue()))) {
          throw RefusedException.syntax(
              "alter:default",
              "SET DEFAULT "
                  + d.getDefaultValue()
                  + " on "
                  + column
                  + " needs the column's type, which is not known here.");
        }
        String pgType = Set.of("datetime", "timestamp").contains(base) ? "timestamp" : base;
        String value =
            defaultValue(
                List.of(d.getDefaultValue().trim()),
                0,
                new MysqlType(base, List.of(), false, false),
                pgType,
                new int[1]);
        actions.add("ALTER COLUMN " + Identifiers.pg(column) + " SET DEFAULT " + value);
      }
    }
  }

  private static boolean isPlainLiteral(String v) {
    String u = v.trim().toUpperCase(Locale.ROOT);
    return u.equals("NULL")
        || u.matches("-?[0-9]+(\\.[0-9]+)?")
        || (Tokens.stringValue(v.trim()) != null);
  }

  private void modify(String t, AlterExpression e, List<String> actions, List<String> after) {
    if (e.getColDataTypeList() == null || e.getColDataTypeList().size() != 1) {
      throw RefusedException.syntax(
          "alter:modify", "Unsupported ALTER TABLE " + e.getOperation() + " form: " + e + ".");
    }
    AlterExpression.ColumnDataType cd = e.getColDataTypeList().get(0);
    String newName = Identifiers.normalize(cd.getColumnName());
    String oldName =
        e.getColumnOldName() != null ? Identifiers.normalize(e.getColumnOldName()) : newName;
    if (cd.getColDataType() == null) {
      throw RefusedException.syntax(
          "alter:modify", "ALTER COLUMN forms other than MODIFY/CHANGE are not translated.");
    }
    ColumnOut col = column(cd.getColumnName(), cd.getColDataType(), cd.getColumnSpecs(), true);
    if (col.autoIncrement || col.primaryKey || col.unique) {
      throw RefusedException.syntax(
          "alter:modify-key", "MODIFY/CHANGE adding AUTO_INCREMENT or a key is not translated.");
    }
    String c = Identifiers.pg(oldName);
    String pgType = col.pgType;
    // MODIFY/CHANGE redefines the whole column: type, nullability, default and range CHECK
    actions.add("ALTER COLUMN " + c + " TYPE " + pgType + " USING " + c + "::" + pgType);
    actions.add(
        "ALTER COLUMN "
            + c
            + ("NOT NULL".equals(col.notNull) ? " SET NOT NULL" : " DROP NOT NULL"));
    actions.add(
        "ALTER COLUMN "
            + c
            + (col.defaultValue != null ? " SET DEFAULT " + col.defaultValue : " DROP DEFAULT"));
    if (col.check != null) {
      throw RefusedException.syntax(
          "alter:modify-range",
          "MODIFY/CHANGE to a type with a range CHECK (unsigned, tinyint, enum, year) is not"
              + " translated.");
    }
    if (!oldName.equals(newName)) {
      after.add(
          "ALTER TABLE "
              + Identifiers.pg(t)
              + " RENAME COLUMN "
              + c
              + " TO "
              + Identifiers.pg(newName));
    }
  }
}
