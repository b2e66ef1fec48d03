package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/** Translates one statement (no caching here; see {@link Rewriter}). */
final class Translator {

  private final SchemaCatalog catalog;
  private final int maxStatementLength;
  private final long parseTimeoutMillis;

  Translator(SchemaCatalog catalog, int maxStatementLength, long parseTimeoutMillis) {
    this.catalog = catalog;
    this.maxStatementLength = maxStatementLength;
    this.parseTimeoutMillis = parseTimeoutMillis;
  }

  Translation translate(String sql) {
    if (sql.length() > maxStatementLength) {
      return Translation.refused(
          sql,
          StatementKind.OTHER,
          new Refusal(
              "statement-too-long",
              "The statement has "
                  + sql.length()
                  + " characters, more than the limit of "
                  + maxStatementLength
                  + "."),
          0);
    }
    MysqlLexer.Result lexed;
    try {
      lexed = MysqlLexer.normalize(sql);
    } catch (MysqlLexer.LexException e) {
      return Translation.refused(
          sql,
          StatementKind.OTHER,
          new Refusal("parse-error", "The statement cannot be read: " + e.getMessage() + "."),
          0);
    }
    int params = lexed.parameterCount();
    Tokens tokens = Tokens.of(lexed.sql());
    StatementKind guessed = guessKind(tokens);
    try {
      if (tokens.size() == 0) {
        throw new RefusedException("parse-error", "The statement is empty.");
      }
      SessionStatements.Result session = SessionStatements.classify(tokens);
      if (session != null) {
        return new Translation(
            sql,
            session.kind(),
            null,
            session.postgresSql(),
            params,
            null,
            false,
            Set.of(),
            Set.of(),
            List.of(),
            null,
            null,
            session.command());
      }
      Translation routine = Ddl.tokenLevel(sql, tokens, params);
      if (routine != null) {
        return routine;
      }
      // MySQL 8.0.19 row alias: INSERT ... VALUES (...) AS new ON DUPLICATE KEY UPDATE c = new.c
      String toParse = lexed.sql();
      String rowAlias = null;
      if (guessed == StatementKind.UPSERT) {
        for (int k = 3; k < tokens.size(); k++) {
          if (tokens.is(k, "ON", "DUPLICATE") && tokens.word(k - 2).equals("AS")) {
            rowAlias = Identifiers.normalize(tokens.get(k - 1));
            toParse =
                toParse.substring(0, tokens.start(k - 2)) + toParse.substring(tokens.start(k));
            break;
          }
          if (tokens.is(k, "ON", "DUPLICATE") && tokens.get(k - 1).equals(")")) {
            for (int j = k - 2; j > 2; j--) {
              if (tokens.get(j).equals("(") && tokens.word(j - 2).equals("AS")) {
                throw RefusedException.syntax(
                    "row-alias-columns",
                    "A row alias with column aliases (AS new(a, b)) is not supported; use"
                        + " AS new and new.column.");
              }
              if (tokens.get(j).equals(")") || tokens.word(j).equals("VALUES")) {
                break;
              }
            }
          }
        }
      }
      if (rowAlias == null) {
        toParse = convertToCast(toParse, tokens);
      }
      Statement statement;
      try {
        statement = SqlParsing.parse(toParse, parseTimeoutMillis);
      } catch (SqlParsing.ParseFailure f) {
        if (f.timeout) {
          throw new RefusedException(
              "parse-timeout",
              "Parsing the statement took longer than " + parseTimeoutMillis + " ms.");
        }
        throw new RefusedException(
            "parse-error", "The statement could not be parsed: " + f.getMessage());
      }
      return translateParsed(sql, statement, params, rowAlias);
    } catch (RefusedException r) {
      return Translation.refused(sql, guessed, r.refusal, params);
    }
  }

  private static final Set<String> CONVERT_TYPES =
      Set.of(
          "SIGNED",
          "UNSIGNED",
          "CHAR",
          "NCHAR",
          "DECIMAL",
          "DEC",
          "NUMERIC",
          "DATE",
          "DATETIME",
          "TIME",
          "BINARY",
          "DOUBLE",
          "FLOAT",
          "REAL",
          "JSON",
          "INTEGER",
          "INT");

  /**
   * MySQL's CONVERT(expr, type) is CAST(expr AS type); JSqlParser reads only the CAST spelling, so
   * the tokens are respelled (innermost last, keeping earlier offsets valid).
   */
  static String convertToCast(String sql, Tokens t) {
    List<int[]> edits = new ArrayList<>(); // {convertToken, commaToken}
    for (int i = 0; i + 1 < t.size(); i++) {
      if (!t.word(i).equals("CONVERT") || !t.get(i + 1).equals("(")) {
        continue;
      }
      int depth = 0;
      for (int j = i + 1; j < t.size(); j++) {
        String tok = t.get(j);
        if (tok.equals("(")) {
          depth++;
        } else if (tok.equals(")")) {
          if (--depth == 0) {
            break;
          }
        } else if (tok.equals(",") && depth == 1) {
          if (CONVERT_TYPES.contains(t.word(j + 1))) {
            edits.add(new int[] {i, j});
          }
          break;
        }
      }
    }
    if (edits.isEmpty()) {
      return sql;
    }
    StringBuilder b = new StringBuilder(sql);
    for (int k = edits.size() - 1; k >= 0; k--) {
      int comma = t.start(edits.get(k)[1]);
      b.replace(comma, comma + 1, " AS ");
      int convert = t.start(edits.get(k)[0]);
      b.replace(convert, convert + "CONVERT".length(), "CAST");
    }
    return b.toString();
  }

  /** The kind a refused statement most likely has, from its first words. */
  static StatementKind guessKind(Tokens t) {
    switch (t.word(0)) {
      case "SELECT", "WITH", "VALUES", "TABLE", "(":
        return StatementKind.SELECT;
      case "INSERT":
        for (int i = 1; i < t.size(); i++) {
          if (t.is(i, "ON", "DUPLICATE")) {
            return StatementKind.UPSERT;
          }
        }
        return t.is(1, "IGNORE") ? StatementKind.INSERT_IGNORE : StatementKind.INSERT;
      case "REPLACE":
        return StatementKind.REPLACE;
      case "UPDATE":
        return StatementKind.UPDATE;
      case "DELETE":
        return StatementKind.DELETE;
      case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME":
        return StatementKind.DDL;
      default:
        return StatementKind.OTHER;
    }
  }

  private Translation translateParsed(
      String sql, Statement statement, int params, String rowAlias) {
    if (statement instanceof Select s) {
      PrintContext ctx = new PrintContext(catalog);
      DmlPrinter p = new DmlPrinter(ctx);
      p.select(s);
      return plain(sql, StatementKind.SELECT, p, ctx, params, ctx.lockingRead, null);
    }
    if (statement instanceof Insert || statement instanceof Upsert) {
      return insert(sql, statement, params, rowAlias);
    }
    if (statement instanceof Update u) {
      return write(
          sql,
          StatementKind.UPDATE,
          statement,
          params,
          (p, c) -> p.update(u, c),
          tableOf(u.getTable()));
    }
    if (statement instanceof Delete d) {
      return write(
          sql,
          StatementKind.DELETE,
          statement,
          params,
          (p, c) -> p.delete(d, c),
          tableOf(d.getTable()));
    }
    return Ddl.translate(sql, statement, params, catalog);
  }

  private Optional<TableInfo> tableOf(net.sf.jsqlparser.schema.Table t) {
    return t == null || t.getName() == null
        ? Optional.empty()
        : catalog.table(Identifiers.normalize(t.getName()));
  }

  interface Pass {
    void print(DmlPrinter printer, Optional<TableInfo> table);
  }

  private static Translation plain(
      String sql,
      StatementKind kind,
      DmlPrinter p,
      PrintContext ctx,
      int params,
      boolean locking,
      AutoIncrement ai) {
    return new Translation(
        sql,
        kind,
        null,
        p.b.toString(),
        params,
        ctx.parameterMap(),
        locking,
        ctx.tablesRead,
        ctx.tablesWritten,
        List.of(),
        null,
        ai,
        null);
  }

  /** UPDATE / DELETE: a plain pass, plus a pinned pass when there are non-deterministic calls. */
  private Translation write(
      String sql,
      StatementKind kind,
      Statement statement,
      int params,
      Pass pass,
      Optional<TableInfo> table) {
    PrintContext ctx = new PrintContext(catalog);
    List<Binding> mysqlBindings = new ArrayList<>();
    String mysqlPinned = MysqlPinDeParser.pin(statement, ctx, mysqlBindings);
    DmlPrinter p = new DmlPrinter(ctx);
    pass.print(p, table);
    if (ctx.calls.isEmpty()) {
      return plain(sql, kind, p, ctx, params, false, null);
    }
    String pg = p.b.toString();
    int[] map = ctx.parameterMap();
    PrintContext pinCtx = pinnedContext(ctx);
    DmlPrinter pinned = new DmlPrinter(pinCtx);
    pass.print(pinned, table);
    PinnedStatement pin =
        new PinnedStatement(
            mysqlPinned, mysqlBindings, pinned.b.toString(), pinCtx.pinnedBindings());
    return new Translation(
        sql,
        kind,
        null,
        pg,
        params,
        map,
        false,
        ctx.tablesRead,
        ctx.tablesWritten,
        ctx.calls,
        pin,
        null,
        null);
  }

  private PrintContext pinnedContext(PrintContext analysed) {
    PrintContext c = new PrintContext(catalog);
    c.excludedAlias = analysed.excludedAlias;
    c.callIndex.putAll(analysed.callIndex);
    c.calls.addAll(analysed.calls);
    c.pinCalls = true;
    return c;
  }

  private Translation insert(String sql, Statement statement, int params, String rowAlias) {
    DmlPrinter.InsertShape shape =
        statement instanceof Insert i ? DmlPrinter.shape(i) : DmlPrinter.shape((Upsert) statement);
    Optional<TableInfo> table = tableOf(shape.table());
    PrintContext ctx = new PrintContext(catalog);
    ctx.excludedAlias = rowAlias;
    List<Binding> mysqlBindings = new ArrayList<>();
    String mysqlPinned = MysqlPinDeParser.pin(statement, ctx, mysqlBindings);
    DmlPrinter p = new DmlPrinter(ctx);
    p.insert(shape, table, null);
    String pg = p.b.toString();
    int[] map = ctx.parameterMap();

    PinnedStatement pin = null;
    if (!ctx.calls.isEmpty()) {
      PrintContext pinCtx = pinnedContext(ctx);
      DmlPrinter pinned = new DmlPrinter(pinCtx);
      pinned.insert(shape, table, null);
      pin =
          new PinnedStatement(
              mysqlPinned, mysqlBindings, pinned.b.toString(), pinCtx.pinnedBindings());
    }

    AutoIncrement ai = null;
    Optional<ColumnInfo> aiColumn = table.flatMap(TableInfo::autoIncrementColumn);
    if (aiColumn.isPresent()) {
      String column = aiColumn.get().name();
      List<String> inserted = DmlPrinter.insertedColumns(shape, table);
      int position = inserted.indexOf(column);
      int rowCount = shape.rows() == null ? 0 : shape.rows().size();
      boolean literalGenerates =
          position >= 0
              && shape.rows() != null
              && shape.rows().stream().anyMatch(r -> DmlPrinter.generatesKey(r.get(position)));
      boolean supplied = position >= 0 && !literalGenerates;
      String withKeys = null;
      List<KeyBinding> keyBindings = List.of();
      if (!supplied && shape.rows() != null) {
        PrintContext keyCtx = ctx.calls.isEmpty() ? new PrintContext(catalog) : pinnedContext(ctx);
        keyCtx.excludedAlias = rowAlias;
        DmlPrinter keyed = new DmlPrinter(keyCtx);
        keyed.insert(shape, table, new DmlPrinter.KeyPlan(column, position, position < 0));
        withKeys = keyed.b.toString();
        keyBindings = keyCtx.keyBindings();
      }
      ai =
          new AutoIncrement(
              Identifiers.normalize(shape.table().getName()),
              column,
              supplied,
              withKeys,
              keyBindings,
              rowCount);
    }
    return new Translation(
        sql,
        shape.kind(),
        null,
        pg,
        params,
        map,
        false,
        ctx.tablesRead,
        ctx.tablesWritten,
        ctx.calls,
        pin,
        ai,
        null);
  }
}
