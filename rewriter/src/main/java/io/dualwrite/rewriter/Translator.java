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
    return translate(sql, SqlMode.DEFAULT);
  }

  /** Translates {@code sql} as MySQL reads it under the session's {@code mode}. */
  Translation translate(String sql, SqlMode mode) {
    if (sql.length() > maxStatementLength) {
      return Translation.refused(
          sql,
          guessKind(Tokens.of(MysqlLexer.firstWord(sql))),
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
      lexed = MysqlLexer.normalize(sql, mode);
    } catch (MysqlLexer.LexException e) {
      return Translation.refused(
          sql,
          guessKind(Tokens.of(MysqlLexer.firstWord(sql))),
          new Refusal("parse-error", "The statement cannot be read: " + e.getMessage() + "."),
          0);
    } catch (RefusedException e) {
      return Translation.refused(
          sql, guessKind(Tokens.of(MysqlLexer.firstWord(sql))), e.refusal, 0);
    }
    int params = lexed.parameterCount();
    Tokens tokens = Tokens.of(lexed.sql());
    StatementKind guessed = guessKind(tokens);
    if (lexed.multiStatement() && !tokens.is(0, "CREATE")) {
      // a routine's body (CREATE PROCEDURE ... BEGIN ...; ... END) holds ';' too: refused below
      return multiStatement(sql, lexed, params);
    }
    try {
      if (tokens.size() == 0) {
        throw new RefusedException("parse-error", "The statement is empty.");
      }
      SessionStatements.Result session = SessionStatements.classify(tokens);
      if (session != null) {
        return Translation.builder(sql, session.kind())
            .postgresSql(session.postgresSql())
            .mysqlParameterCount(params)
            .session(session.command())
            .build();
      }
      checkMode(mode, tokens);
      Translation routine = Ddl.tokenLevel(sql, tokens, params);
      if (routine != null) {
        return routine;
      }
      if (lexed.multiStatement()) {
        return multiStatement(sql, lexed, params);
      }
      PreParseRewrites.Prepared prepared = PreParseRewrites.prepare(lexed.sql(), tokens, guessed);
      String toParse = prepared.sql();
      String rowAlias = prepared.rowAlias();
      List<String> rowAliasColumns = prepared.rowAliasColumns();
      if (guessed == StatementKind.INSERT
          && rowAlias == null
          && params == 0
          && toParse.length() >= CHUNKED_INSERT_MIN_LENGTH) {
        Translation chunked = translateChunked(sql, toParse, mode);
        if (chunked != null) {
          return chunked;
        }
      }
      Statement statement;
      try {
        statement = parseWithLongLists(toParse);
      } catch (SqlParsing.ParseFailure f) {
        if (f.timeout) {
          throw new RefusedException(
              "parse-timeout",
              "Parsing the statement took longer than "
                  + parseBudgetMillis(toParse.length())
                  + " ms.");
        }
        RefusedException named = unparsedConstruct(tokens);
        if (named != null) {
          throw named;
        }
        throw new RefusedException(
            "parse-error", "The statement could not be parsed: " + f.getMessage());
      }
      // the labels are read before anything rewrites the tree: MySQL labels what was written
      ResultColumns columns = statement instanceof Select s ? ResultColumns.of(s) : null;
      CurrentDatabase.unqualify(statement, toParse, catalog.database());
      return translateParsed(
          sql, statement, params, rowAlias, rowAliasColumns, mode, prepared.jsonTables(), columns);
    } catch (RefusedException r) {
      return Translation.refused(sql, guessed, r.refusal, params);
    }
  }

  /**
   * For a statement JSqlParser cannot read: the MySQL construct in it that is refused by name, so
   * the refusal says what and why rather than where the parser stopped (null when none is known).
   */
  static RefusedException unparsedConstruct(Tokens tokens) {
    for (int k = 0; k + 1 < tokens.size(); k++) {
      if (tokens.is(k, "SOUNDS", "LIKE")) {
        return RefusedException.syntax(
            "sounds-like",
            "SOUNDS LIKE compares MySQL's SOUNDEX codes, which core PostgreSQL does not compute.");
      }
      if (tokens.word(k).equals("CHAR")
          && tokens.get(k + 1).equals("(")
          && (k == 0 || !tokens.word(k - 1).equals("AS"))) {
        return RefusedException.function(
            "CHAR",
            "CHAR(N, ...) is not translated yet: MySQL builds a binary string from the bytes of"
                + " each integer (CHAR(256) is two bytes), optionally read in a character set.");
      }
      if (tokens.word(k).equals("JSON_TABLE") && tokens.get(k + 1).equals("(")) {
        return RefusedException.syntax(
            "json-table",
            "JSON_TABLE is translated in queries and in INSERT ... SELECT (not in CREATE VIEW or"
                + " CREATE TABLE ... SELECT, nor with a JSON_TABLE inside another's document);"
                + " this statement could not be parsed.");
      }
    }
    return null;
  }

  /**
   * Parses {@code toParse}, with long literal IN lists collapsed for the parse and put back into
   * the tree ({@link LiteralLists}); the whole text when that does not apply.
   */
  private Statement parseWithLongLists(String toParse) throws SqlParsing.ParseFailure {
    LiteralLists.Collapsed collapsed = LiteralLists.collapse(toParse);
    if (collapsed != null) {
      try {
        Statement statement =
            SqlParsing.parse(collapsed.sql(), parseBudgetMillis(collapsed.sql().length()));
        if (collapsed.expand(statement)) {
          return statement;
        }
      } catch (SqlParsing.ParseFailure f) {
        if (f.timeout) {
          throw f;
        }
        // a syntax error the whole text reports in its own words
      }
    }
    return SqlParsing.parse(toParse, parseBudgetMillis(toParse.length()));
  }

  /** Plain INSERTs at least this long are translated in chunks of rows (see translateChunked). */
  static final int CHUNKED_INSERT_MIN_LENGTH = 50_000;

  private static final int ROWS_PER_CHUNK = 1000;

  /**
   * A long plain {@code INSERT ... VALUES (...), (...), ...} without parameters (a mysqldump
   * extended insert): each chunk of rows is translated as its own INSERT by the ordinary pipeline,
   * and the rows are joined under the first chunk's head. Rows are independent, so the result is
   * the one translating the whole statement gives, in linear time and small parse trees. Returns
   * null (translate the statement whole) unless every chunk is a plain INSERT with no computed
   * values or generated keys and the same head.
   */
  private Translation translateChunked(String sql, String normalized, SqlMode mode)
      throws RefusedException {
    PreParseRewrites.ExtendedInsert extended = PreParseRewrites.extendedInsert(normalized);
    if (extended == null || extended.rows().size() <= ROWS_PER_CHUNK) {
      return null;
    }
    List<int[]> rows = extended.rows();
    String head = extended.head();
    StringBuilder pg = null;
    String pgHead = null;
    Translation first = null;
    for (int r = 0; r < rows.size(); r += ROWS_PER_CHUNK) {
      int last = Math.min(rows.size(), r + ROWS_PER_CHUNK) - 1;
      String chunk = head + normalized.substring(rows.get(r)[0], rows.get(last)[1]);
      Statement statement;
      try {
        statement = SqlParsing.parse(chunk, parseBudgetMillis(chunk.length()));
      } catch (SqlParsing.ParseFailure f) {
        return null; // the whole statement's parse reports it
      }
      Translation part = translateParsed(chunk, statement, 0, null, null, mode, List.of(), null);
      if (part.isRefused()) {
        return Translation.refused(sql, part.kind(), part.refusal(), 0);
      }
      AutoIncrement ai = part.autoIncrement();
      if (part.kind() != StatementKind.INSERT
          || !part.nonDeterministicCalls().isEmpty()
          || part.pinned() != null
          || (ai != null && (!ai.suppliedByStatement() || ai.postgresSqlWithKeys() != null))) {
        return null;
      }
      String out = part.postgresSql();
      int values = out.indexOf(" VALUES (");
      if (values < 0) {
        return null;
      }
      String partHead = out.substring(0, values + 8);
      if (first == null) {
        first = part;
        pgHead = partHead;
        pg = new StringBuilder(out);
      } else {
        if (!partHead.equals(pgHead)) {
          return null;
        }
        pg.append(", ").append(out, values + 8, out.length());
      }
    }
    AutoIncrement ai = first.autoIncrement();
    if (ai != null) {
      ai = new AutoIncrement(ai.table(), ai.column(), true, null, null, rows.size());
    }
    return Translation.builder(sql, first.kind())
        .postgresSql(pg.toString())
        .parameterMap(first.parameterMap())
        .tablesRead(first.tablesRead())
        .tablesWritten(first.tablesWritten())
        .autoIncrement(ai)
        .uncataloguedInsert(first.uncataloguedInsert())
        .build();
  }

  /**
   * The parse time budget: the configured timeout, plus one second per 100 000 characters, so a
   * long but plain statement (a mysqldump extended INSERT) is not refused for its size alone while
   * a pathological short one still is.
   */
  long parseBudgetMillis(int length) {
    return parseTimeoutMillis + (long) length * 1000 / 100_000;
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

  /**
   * The statement classes with a printer, matched exactly (a subclass such as ParenthesedInsert is
   * not an INSERT to print); queries are any {@link Select}, whose node classes PgSelectDeParser
   * prints or refuses. Every other statement is refused.
   */
  private static final Set<Class<? extends Statement>> TRANSLATED_STATEMENTS =
      Set.of(
          Insert.class,
          Upsert.class,
          Update.class,
          Delete.class,
          net.sf.jsqlparser.statement.create.table.CreateTable.class,
          net.sf.jsqlparser.statement.alter.Alter.class,
          net.sf.jsqlparser.statement.create.index.CreateIndex.class,
          net.sf.jsqlparser.statement.drop.Drop.class,
          net.sf.jsqlparser.statement.truncate.Truncate.class,
          net.sf.jsqlparser.statement.alter.RenameTableStatement.class,
          net.sf.jsqlparser.statement.create.view.CreateView.class);

  /** Whether statements of this class are translated (else refused). */
  static boolean translates(Class<?> statementClass) {
    return Select.class.isAssignableFrom(statementClass)
        || TRANSLATED_STATEMENTS.contains(statementClass);
  }

  /**
   * Statements the session's sql_mode keeps from being translated: all of them under a mode the
   * rewriter does not follow, those naming the REAL type under REAL_AS_FLOAT.
   */
  private static void checkMode(SqlMode mode, Tokens tokens) {
    if (mode.unsupported() != null) {
      throw RefusedException.syntax(
          "sql-mode:" + mode.unsupported(),
          "The session's sql_mode includes "
              + mode.unsupported()
              + ", under which the rewriter does not translate.");
    }
    if (mode.realAsFloat()) {
      for (int i = 0; i < tokens.size(); i++) {
        if (tokens.word(i).equals("REAL")) {
          throw RefusedException.syntax(
              "sql-mode:REAL_AS_FLOAT",
              "Under REAL_AS_FLOAT the REAL type is FLOAT, which is not translated.");
        }
      }
    }
  }

  /**
   * Several statements in one string ({@code allowMultiQueries=true}): refused as a whole, so a
   * write among them runs on MySQL only and is recorded, never half mirrored. Its kind is SELECT
   * when every statement is a query, else OTHER (a write).
   */
  private static Translation multiStatement(String sql, MysqlLexer.Result lexed, int params) {
    String text = lexed.sql();
    boolean allReads = true;
    int from = 0;
    List<Integer> ends = new ArrayList<>(lexed.statementEnds());
    ends.add(text.length());
    int count = 0;
    for (int end : ends) {
      Tokens piece = Tokens.of(text.substring(from, end));
      if (piece.size() > 0) {
        count++;
        allReads &= guessKind(piece) == StatementKind.SELECT;
      }
      from = Math.min(end + 1, text.length());
    }
    return Translation.refused(
        sql,
        allReads ? StatementKind.SELECT : StatementKind.OTHER,
        new Refusal(
            MULTI_STATEMENT,
            "The string holds "
                + count
                + " statements (allowMultiQueries); several statements are not mirrored one by"
                + " one."),
        params);
  }

  /** The refusal code of a string holding several statements. */
  static final String MULTI_STATEMENT = "multi-statement";

  private Translation translateParsed(
      String sql,
      Statement statement,
      int params,
      String rowAlias,
      List<String> aliasColumns,
      SqlMode mode,
      List<JsonTable> jsonTables,
      ResultColumns resultColumns) {
    if (!translates(statement.getClass())) {
      String name = statement.getClass().getSimpleName();
      throw RefusedException.syntax(
          "statement:" + name, "The statement type " + name + " is not translated.");
    }
    if (statement instanceof Select s) {
      PrintContext ctx = new PrintContext(catalog);
      ctx.sqlMode = mode;
      ctx.jsonTables.addAll(jsonTables);
      ctx.resultExpressions.addAll(ResultColumns.outermostExpressions(s));
      ctx.durationResults.addAll(ResultColumns.durationItems(s));
      DmlPrinter p = new DmlPrinter(ctx);
      p.select(s);
      if (resultColumns != null) {
        resultColumns.detachFromParse();
      }
      return plainBuilder(sql, StatementKind.SELECT, p.b.toString(), ctx, params, ctx.lockingRead)
          .resultColumns(resultColumns)
          .build();
    }
    if (statement instanceof Insert || statement instanceof Upsert || statement instanceof Update) {
      TemporalDefaults.augment(statement, catalog);
    }
    if (statement instanceof Insert || statement instanceof Upsert) {
      return insert(sql, statement, params, rowAlias, aliasColumns, mode, jsonTables);
    }
    if (statement instanceof Update u) {
      return write(
          sql,
          StatementKind.UPDATE,
          statement,
          params,
          (c, t) -> printed(new UpdatePrinter(c), p -> p.update(u, t)),
          tableOf(u.getTable()),
          mode,
          jsonTables);
    }
    if (statement instanceof Delete d) {
      return write(
          sql,
          StatementKind.DELETE,
          statement,
          params,
          (c, t) -> printed(new DeletePrinter(c), p -> p.delete(d, t)),
          tableOf(d.getTable()),
          mode,
          jsonTables);
    }
    return Ddl.translate(sql, statement, params, catalog);
  }

  private Optional<TableInfo> tableOf(net.sf.jsqlparser.schema.Table t) {
    return t == null || t.getName() == null
        ? Optional.empty()
        : catalog.table(Identifiers.normalize(t.getName()));
  }

  /** What the printer printed after action. */
  private static <P extends DmlPrinter> String printed(
      P printer, java.util.function.Consumer<P> action) {
    action.accept(printer);
    return printer.b.toString();
  }

  /** One printing pass of an UPDATE or DELETE over a context: the PostgreSQL SQL. */
  interface Pass {
    String print(PrintContext ctx, Optional<TableInfo> table);
  }

  private static Translation plain(
      String sql, StatementKind kind, String pg, PrintContext ctx, int params, boolean locking) {
    return plainBuilder(sql, kind, pg, ctx, params, locking).build();
  }

  /**
   * A translation of what the first printing pass recorded in ctx (parameters, their targets, the
   * tables); the pinned and keyed passes print into contexts of their own.
   */
  private static Translation.Builder plainBuilder(
      String sql, StatementKind kind, String pg, PrintContext ctx, int params, boolean locking) {
    return Translation.builder(sql, kind)
        .postgresSql(pg)
        .mysqlParameterCount(params)
        .parameterMap(ctx.parameterMap())
        .parameterTargets(ctx.parameterTargets)
        .lockingRead(locking)
        .tablesRead(ctx.tablesRead)
        .tablesWritten(ctx.tablesWritten);
  }

  /** UPDATE / DELETE: a plain pass, plus a pinned pass when there are non-deterministic calls. */
  private Translation write(
      String sql,
      StatementKind kind,
      Statement statement,
      int params,
      Pass pass,
      Optional<TableInfo> table,
      SqlMode mode,
      List<JsonTable> jsonTables) {
    PrintContext ctx = new PrintContext(catalog);
    ctx.sqlMode = mode;
    ctx.jsonTables.addAll(jsonTables);
    boolean keyOrdered = UpdateOrDeletePrinter.orderLimitByPrimaryKey(statement, table);
    List<Binding> mysqlBindings = new ArrayList<>();
    String mysqlPinned = MysqlPinDeParser.pin(statement, ctx, mysqlBindings);
    String pg = pass.print(ctx, table);
    if (ctx.calls.isEmpty() && !keyOrdered) {
      return plain(sql, kind, pg, ctx, params, false);
    }
    // a pinned form: the calls' values, or the key order added to an unordered LIMIT, which
    // MySQL must run too
    PrintContext pinCtx = ctx.nextPass(true);
    String pinnedPg = pass.print(pinCtx, table);
    PinnedStatement pin =
        new PinnedStatement(mysqlPinned, mysqlBindings, pinnedPg, pinCtx.pinnedBindings());
    return plainBuilder(sql, kind, pg, ctx, params, false)
        .nonDeterministicCalls(ctx.calls)
        .pinned(pin)
        .build();
  }

  private Translation insert(
      String sql,
      Statement statement,
      int params,
      String rowAlias,
      List<String> aliasColumns,
      SqlMode mode,
      List<JsonTable> jsonTables) {
    InsertPrinter.InsertShape shape =
        statement instanceof Insert i
            ? InsertPrinter.shape(i)
            : InsertPrinter.shape((Upsert) statement);
    Optional<TableInfo> table = tableOf(shape.table());
    PrintContext ctx = new PrintContext(catalog);
    ctx.sqlMode = mode;
    ctx.jsonTables.addAll(jsonTables);
    ctx.excludedAlias = rowAlias;
    if (aliasColumns != null) {
      List<String> inserted = InsertPrinter.insertedColumns(shape, table);
      if (inserted == null || inserted.size() != aliasColumns.size()) {
        throw RefusedException.syntax(
            "row-alias-columns",
            "The row alias names "
                + aliasColumns.size()
                + " columns but the inserted columns are not known to match them.");
      }
      for (int i = 0; i < aliasColumns.size(); i++) {
        ctx.excludedColumns.put(aliasColumns.get(i), Identifiers.normalize(inserted.get(i)));
      }
    }
    List<Binding> mysqlBindings = new ArrayList<>();
    String mysqlPinned = MysqlPinDeParser.pin(statement, ctx, mysqlBindings);
    InsertPrinter p = new InsertPrinter(ctx);
    p.insert(shape, table, null);
    String pg = p.b.toString();

    PinnedStatement pin = null;
    if (!ctx.calls.isEmpty()) {
      PrintContext pinCtx = ctx.nextPass(true);
      InsertPrinter pinned = new InsertPrinter(pinCtx);
      pinned.insert(shape, table, null);
      pin =
          new PinnedStatement(
              mysqlPinned, mysqlBindings, pinned.b.toString(), pinCtx.pinnedBindings());
    }

    AutoIncrement ai = null;
    Optional<ColumnInfo> aiColumn = table.flatMap(TableInfo::autoIncrementColumn);
    if (aiColumn.isPresent()) {
      String column = aiColumn.get().name();
      List<String> inserted = InsertPrinter.insertedColumns(shape, table);
      int position = inserted.indexOf(column);
      int rowCount = shape.rows() == null ? 0 : shape.rows().size();
      boolean literalGenerates =
          position >= 0
              && shape.rows() != null
              && shape.rows().stream().anyMatch(r -> InsertPrinter.generatesKey(r.get(position)));
      boolean supplied = position >= 0 && !literalGenerates;
      String withKeys = null;
      List<KeyBinding> keyBindings = List.of();
      if (!supplied && shape.rows() != null) {
        PrintContext keyCtx = ctx.nextPass(!ctx.calls.isEmpty());
        InsertPrinter keyed = new InsertPrinter(keyCtx);
        keyed.insert(shape, table, new InsertPrinter.KeyPlan(column, position, position < 0));
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
    return plainBuilder(sql, shape.kind(), pg, ctx, params, false)
        .nonDeterministicCalls(ctx.calls)
        .pinned(pin)
        .autoIncrement(ai)
        .uncataloguedInsert(
            table.isEmpty()
                ? new UncataloguedInsert(
                    Identifiers.normalize(shape.table().getName()),
                    shape.columns() == null ? null : InsertPrinter.insertedColumns(shape, table))
                : null)
        .build();
  }
}
