package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;

/** DDL: CREATE/ALTER/DROP/TRUNCATE/RENAME TABLE, indexes, views; routines are refused. */
final class Ddl {

  private Ddl() {}

  /**
   * Statements handled from tokens: routines and triggers (refused, naming the object) and DROP
   * TABLE lists (JSqlParser reads one table only). Null when the statement needs the parser.
   */
  static Translation tokenLevel(String sql, Tokens t, int params) {
    String w0 = t.word(0);
    if (w0.equals("CALL")) {
      throw new RefusedException(
          "procedure",
          "CALL " + t.get(1) + " runs a MySQL stored procedure, which is not translated.");
    }
    if (w0.equals("CREATE") || w0.equals("DROP") || w0.equals("ALTER")) {
      // the object type follows optional OR REPLACE, DEFINER = user@host, AGGREGATE, ...
      int i = -1;
      for (int k = 1; k < Math.min(t.size(), 14); k++) {
        String w = t.word(k);
        if (Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT").contains(w)) {
          i = k;
          break;
        }
        if (Set.of("TABLE", "VIEW", "INDEX", "DATABASE", "SCHEMA", "USER", "UNIQUE", "FULLTEXT")
            .contains(w)) {
          break;
        }
      }
      String what = i < 0 ? "" : t.word(i);
      String code =
          switch (what) {
            case "TRIGGER" -> "trigger";
            case "PROCEDURE" -> "procedure";
            case "FUNCTION" -> "function";
            case "EVENT" -> "event";
            default -> null;
          };
      if (code != null) {
        int n = i + 1;
        if (t.is(n, "IF", "NOT", "EXISTS")) {
          n += 3;
        } else if (t.is(n, "IF", "EXISTS")) {
          n += 2;
        }
        String name = Identifiers.normalize(t.get(n));
        throw new RefusedException(
            code,
            "The "
                + what.toLowerCase(java.util.Locale.ROOT)
                + " "
                + name
                + " is MySQL procedural code, which is not translated; recreate it for"
                + " PostgreSQL by hand.");
      }
      if (w0.equals("DROP") && (t.is(1, "TABLE") || t.is(1, "TEMPORARY", "TABLE"))) {
        return dropTables(sql, t, params);
      }
    }
    return null;
  }

  private static Translation dropTables(String sql, Tokens t, int params) {
    int i = t.is(1, "TEMPORARY") ? 3 : 2;
    boolean ifExists = t.is(i, "IF", "EXISTS");
    if (ifExists) {
      i += 2;
    }
    Set<String> tables = new LinkedHashSet<>();
    List<String> printed = new ArrayList<>();
    boolean expectName = true;
    for (; i < t.size(); i++) {
      String tok = t.get(i);
      if (expectName) {
        if (tok.contains(".") && !tok.startsWith("`")) {
          throw RefusedException.syntax(
              "qualified-name", "The database-qualified table " + tok + " is not supported.");
        }
        String name = Identifiers.normalize(tok);
        tables.add(name);
        printed.add(Identifiers.pg(name));
        expectName = false;
      } else if (tok.equals(",")) {
        expectName = true;
      } else if (t.word(i).equals("RESTRICT") || t.word(i).equals("CASCADE")) {
        // no effect in MySQL
        if (i != t.size() - 1) {
          throw RefusedException.syntax("drop-table", "Unexpected " + tok + " in DROP TABLE.");
        }
      } else {
        throw RefusedException.syntax("drop-table", "Unexpected " + tok + " in DROP TABLE.");
      }
    }
    if (tables.isEmpty() || expectName) {
      throw new RefusedException("parse-error", "DROP TABLE without a table name.");
    }
    String pg = "DROP TABLE " + (ifExists ? "IF EXISTS " : "") + String.join(", ", printed);
    return Translation.builder(sql, StatementKind.DDL)
        .postgresSql(pg)
        .mysqlParameterCount(params)
        .tablesWritten(tables)
        .build();
  }

  /** The printer after it printed: action applied to it. */
  private static <P extends DdlPrinter> P printed(
      P printer, java.util.function.Consumer<P> action) {
    action.accept(printer);
    return printer;
  }

  static Translation translate(String sql, Statement statement, int params, SchemaCatalog catalog) {
    DdlPrinter p;
    if (statement instanceof net.sf.jsqlparser.statement.create.table.CreateTable c) {
      p = printed(new CreateTablePrinter(catalog), printer -> printer.createTable(c));
    } else if (statement instanceof net.sf.jsqlparser.statement.alter.Alter a) {
      p = printed(new AlterTablePrinter(catalog), printer -> printer.alter(a));
    } else if (statement instanceof net.sf.jsqlparser.statement.create.index.CreateIndex c) {
      p = printed(new CreateIndexPrinter(catalog), printer -> printer.createIndex(c));
    } else if (statement instanceof net.sf.jsqlparser.statement.drop.Drop d) {
      p = printed(new DropTruncateRenamePrinter(catalog), printer -> printer.drop(d));
    } else if (statement instanceof net.sf.jsqlparser.statement.truncate.Truncate t) {
      p = printed(new DropTruncateRenamePrinter(catalog), printer -> printer.truncate(t));
    } else if (statement instanceof net.sf.jsqlparser.statement.alter.RenameTableStatement r) {
      p = printed(new DropTruncateRenamePrinter(catalog), printer -> printer.renameTables(r));
    } else if (statement instanceof net.sf.jsqlparser.statement.create.view.CreateView v) {
      p = printed(new CreateViewPrinter(catalog), printer -> printer.createView(v));
    } else {
      String name = statement.getClass().getSimpleName();
      throw RefusedException.syntax(
          "statement:" + name, "The statement type " + name + " is not translated.");
    }
    return Translation.builder(sql, StatementKind.DDL)
        .postgresSql(String.join(";\n", p.statements))
        .mysqlParameterCount(params)
        .tablesRead(p.ctx.tablesRead)
        .tablesWritten(p.tablesWritten)
        .build();
  }
}
