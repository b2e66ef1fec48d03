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
    } catch (RefusedException e) {
      return Translation.refused(sql, StatementKind.OTHER, e.refusal, 0);
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
        return Translation.builder(sql, session.kind())
            .postgresSql(session.postgresSql())
            .mysqlParameterCount(params)
            .session(session.command())
            .build();
      }
      Translation routine = Ddl.tokenLevel(sql, tokens, params);
      if (routine != null) {
        return routine;
      }
      // MySQL 8.0.19 row alias: INSERT ... VALUES (...) AS new ON DUPLICATE KEY UPDATE c = new.c
      String toParse = lexed.sql();
      String rowAlias = null;
      List<String> rowAliasColumns = null;
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
                // AS new(a, b): new.a means the inserted value of the first inserted column
                rowAlias = Identifiers.normalize(tokens.get(j - 1));
                rowAliasColumns = new ArrayList<>();
                for (int c = j + 1; c < k - 1; c++) {
                  if ((c - j) % 2 == 1) {
                    rowAliasColumns.add(Identifiers.normalize(tokens.get(c)));
                  } else if (!tokens.get(c).equals(",")) {
                    throw RefusedException.syntax(
                        "row-alias-columns", "Unsupported row alias column list.");
                  }
                }
                toParse =
                    toParse.substring(0, tokens.start(j - 2)) + toParse.substring(tokens.start(k));
                break;
              }
              if (tokens.get(j).equals(")") || tokens.word(j).equals("VALUES")) {
                break;
              }
            }
            if (rowAlias != null) {
              break;
            }
          }
        }
      }
      String withoutHintScope = indexHintScopes(toParse, tokens);
      if (withoutHintScope != null) {
        toParse = withoutHintScope;
        tokens = Tokens.of(toParse);
      }
      if (tokens.is(0, "DELETE")) {
        String multiTable = deleteUsing(toParse, tokens);
        if (multiTable != null) {
          toParse = multiTable;
          tokens = Tokens.of(toParse);
        }
      }
      if (rowAlias == null) {
        toParse = convertToCast(toParse, tokens);
      }
      if (tokens.is(0, "CREATE")) {
        toParse = stripViewOptions(toParse);
        String moved = fulltextLast(toParse);
        if (moved != null) {
          toParse = moved;
        }
      }
      if (tokens.is(0, "ALTER")) {
        toParse = dropForeignKey(toParse);
      }
      if (guessed == StatementKind.INSERT
          && rowAlias == null
          && params == 0
          && toParse.length() >= CHUNKED_INSERT_MIN_LENGTH) {
        Translation chunked = translateChunked(sql, toParse);
        if (chunked != null) {
          return chunked;
        }
      }
      Statement statement;
      try {
        statement = SqlParsing.parse(toParse, parseBudgetMillis(toParse.length()));
      } catch (SqlParsing.ParseFailure f) {
        if (f.timeout) {
          throw new RefusedException(
              "parse-timeout",
              "Parsing the statement took longer than "
                  + parseBudgetMillis(toParse.length())
                  + " ms.");
        }
        throw new RefusedException(
            "parse-error", "The statement could not be parsed: " + f.getMessage());
      }
      CurrentDatabase.unqualify(statement, toParse, catalog.database());
      return translateParsed(sql, statement, params, rowAlias, rowAliasColumns);
    } catch (RefusedException r) {
      return Translation.refused(sql, guessed, r.refusal, params);
    }
  }

  /**
   * USE/FORCE/IGNORE INDEX FOR JOIN|ORDER BY|GROUP BY (...): JSqlParser does not read the FOR
   * scope; index hints are dropped from the translation anyway (they only steer MySQL's planner),
   * so the scope is removed before parsing. Null when there is none.
   */
  static String indexHintScopes(String sql, Tokens t) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 2; i + 1 < t.size(); i++) {
      if (!t.word(i).equals("FOR")
          || !(t.word(i - 1).equals("INDEX") || t.word(i - 1).equals("KEY"))
          || !Set.of("USE", "FORCE", "IGNORE").contains(t.word(i - 2))) {
        continue;
      }
      int end;
      if (t.word(i + 1).equals("JOIN")) {
        end = i + 2;
      } else if ((t.word(i + 1).equals("ORDER") || t.word(i + 1).equals("GROUP"))
          && t.word(i + 2).equals("BY")) {
        end = i + 3;
      } else {
        continue;
      }
      if (end >= t.size() || !t.get(end).equals("(")) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(sql, copied, t.start(i));
      copied = t.start(end);
    }
    if (out == null) {
      return null;
    }
    out.append(sql.substring(copied));
    return out.toString();
  }

  /**
   * DELETE FROM t USING t JOIN ... WHERE ...: MySQL's other spelling of DELETE t FROM t JOIN ...
   * WHERE ... (JSqlParser reads only a table list after USING). Null when the statement is not that
   * form.
   */
  static String deleteUsing(String sql, Tokens t) {
    int k = 1;
    while (Set.of("LOW_PRIORITY", "QUICK", "IGNORE").contains(t.word(k))) {
      k++;
    }
    if (!t.word(k).equals("FROM")) {
      return null;
    }
    for (int j = k + 1; j < t.size(); j++) {
      if (t.word(j).equals("USING")) {
        return j == k + 1
            ? null
            : sql.substring(0, t.start(k))
                + sql.substring(t.start(k + 1), t.start(j))
                + " FROM "
                + sql.substring(t.start(j + 1));
      }
      String tok = t.get(j);
      boolean namePart =
          tok.equals(",")
              || tok.equals(".")
              || tok.equals("*")
              || tok.startsWith("`")
              || tok.matches("[A-Za-z0-9_$]+");
      if (!namePart || Set.of("WHERE", "ORDER", "LIMIT", "AS").contains(t.word(j))) {
        return null;
      }
    }
    return null;
  }

  /**
   * CREATE TABLE with a FULLTEXT/SPATIAL key followed by other keys: JSqlParser 5.3 keeps the
   * FULLTEXT keyword for every later key definition (UNIQUE KEY u (x) reads as "UNIQUE FULLTEXT
   * KEY", KEY k (x) as "FULLTEXT KEY"). The order of key definitions means nothing, so those
   * definitions are moved to the end of the list before parsing. Null when nothing moves.
   */
  static String fulltextLast(String sql) {
    Tokens t = Tokens.of(sql);
    int open = -1;
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).equals("(")) {
        if (i > 0
            && t.is(0, "CREATE")
            && sql.substring(0, t.start(i)).toUpperCase(java.util.Locale.ROOT).contains("TABLE")) {
          open = i;
        }
        break;
      }
    }
    if (open < 0) {
      return null;
    }
    List<int[]> elements = new java.util.ArrayList<>();
    int depth = 0;
    int elementStart = open + 1;
    int close = -1;
    for (int i = open; i < t.size(); i++) {
      String tok = t.get(i);
      if (tok.equals("(")) {
        depth++;
      } else if (tok.equals(")")) {
        depth--;
        if (depth == 0) {
          elements.add(new int[] {elementStart, i});
          close = i;
          break;
        }
      } else if (tok.equals(",") && depth == 1) {
        elements.add(new int[] {elementStart, i});
        elementStart = i + 1;
      }
    }
    if (close < 0) {
      return null;
    }
    List<String> others = new java.util.ArrayList<>();
    List<String> fulltext = new java.util.ArrayList<>();
    boolean otherAfterFulltext = false;
    for (int[] e : elements) {
      if (e[0] >= e[1]) {
        return null;
      }
      String text = sql.substring(t.start(e[0]), t.start(e[1])).trim();
      if (t.is(e[0], "FULLTEXT") || t.is(e[0], "SPATIAL")) {
        fulltext.add(text);
      } else {
        others.add(text);
        otherAfterFulltext |= !fulltext.isEmpty();
      }
    }
    if (!otherAfterFulltext) {
      return null;
    }
    List<String> all = new java.util.ArrayList<>(others);
    all.addAll(fulltext);
    return sql.substring(0, t.start(open) + 1)
        + String.join(", ", all)
        + sql.substring(t.start(close));
  }

  /**
   * ALTER TABLE ... DROP FOREIGN KEY fk: JSqlParser does not read it; it is MySQL's spelling of
   * DROP CONSTRAINT fk (MySQL 8.0.19+ accepts both; the PostgreSQL key has the same name).
   */
  static String dropForeignKey(String sql) {
    Tokens t = Tokens.of(sql);
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i + 2 < t.size(); i++) {
      if (t.is(i, "DROP", "FOREIGN", "KEY")) {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(sql, copied, t.start(i + 1)).append("CONSTRAINT ");
        copied = t.start(i + 3);
      }
    }
    if (out == null) {
      return sql;
    }
    return out.append(sql.substring(copied)).toString();
  }

  /**
   * CREATE [OR REPLACE] [ALGORITHM = x] [DEFINER = user] [SQL SECURITY x] VIEW: the options have no
   * PostgreSQL meaning (a PostgreSQL view runs with its owner's rights, as SQL SECURITY DEFINER)
   * and JSqlParser does not read all of them, so they are cut out at token level. Anything else
   * between CREATE and VIEW leaves the text unchanged.
   */
  static String stripViewOptions(String sql) {
    Tokens t = Tokens.of(sql);
    int i = t.is(1, "OR", "REPLACE") ? 3 : 1;
    int first = i;
    boolean any = false;
    while (i < t.size() && !t.is(i, "VIEW")) {
      if (t.is(i, "ALGORITHM") && t.get(i + 1).equals("=")) {
        i += 3;
      } else if (t.is(i, "SQL", "SECURITY")) {
        i += 3;
      } else if (t.is(i, "DEFINER") && t.get(i + 1).equals("=")) {
        i += 3;
        if (t.get(i - 1).endsWith("@") && t.get(i - 1).length() > 1) {
          i += 1; // root@'%'
        } else if (t.get(i).equals("@")) {
          i += 2; // `user`@`host`, 'user'@'host'
        } else if (t.get(i).startsWith("@")) {
          i += 1; // user@`host`: the lexer joins '@host' when unquoted
        } else if (t.get(i).equals("(") && t.get(i + 1).equals(")")) {
          i += 2; // CURRENT_USER()
        }
      } else {
        return sql;
      }
      any = true;
    }
    if (!any || !t.is(i, "VIEW")) {
      return sql;
    }
    return sql.substring(0, t.start(first)) + sql.substring(t.start(i));
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
  private Translation translateChunked(String sql, String normalized) throws RefusedException {
    Tokens t = Tokens.of(normalized);
    int v = -1;
    int depth = 0;
    for (int k = 0; k < t.size(); k++) {
      String tok = t.get(k);
      if (tok.equals("(")) {
        depth++;
      } else if (tok.equals(")")) {
        depth--;
      } else if (depth == 0 && (t.is(k, "VALUES") || t.is(k, "VALUE"))) {
        v = k;
        break;
      }
    }
    if (v < 0 || !t.get(v + 1).equals("(")) {
      return null;
    }
    List<int[]> rows = new java.util.ArrayList<>();
    int k = v + 1;
    while (k < t.size()) {
      if (!t.get(k).equals("(")) {
        return null;
      }
      int start = t.start(k);
      depth = 0;
      int end = -1;
      for (; k < t.size(); k++) {
        String tok = t.get(k);
        if (tok.equals("(")) {
          depth++;
        } else if (tok.equals(")") && --depth == 0) {
          end = t.start(k) + 1;
          k++;
          break;
        }
      }
      if (end < 0) {
        return null;
      }
      rows.add(new int[] {start, end});
      if (k < t.size()) {
        if (!t.get(k).equals(",")) {
          return null; // ON DUPLICATE KEY UPDATE, RETURNING, ...: translate whole
        }
        k++;
        if (k >= t.size()) {
          return null;
        }
      }
    }
    if (rows.size() <= ROWS_PER_CHUNK) {
      return null;
    }
    String head = normalized.substring(0, t.start(v)) + "VALUES ";
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
      Translation part = translateParsed(chunk, statement, 0, null, null);
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

  private Translation translateParsed(
      String sql, Statement statement, int params, String rowAlias, List<String> aliasColumns) {
    if (!translates(statement.getClass())) {
      String name = statement.getClass().getSimpleName();
      throw RefusedException.syntax(
          "statement:" + name, "The statement type " + name + " is not translated.");
    }
    if (statement instanceof Select s) {
      PrintContext ctx = new PrintContext(catalog);
      DmlPrinter p = new DmlPrinter(ctx);
      p.select(s);
      return plain(sql, StatementKind.SELECT, p, ctx, params, ctx.lockingRead, null);
    }
    if (statement instanceof Insert || statement instanceof Upsert || statement instanceof Update) {
      TemporalDefaults.augment(statement, catalog);
    }
    if (statement instanceof Insert || statement instanceof Upsert) {
      return insert(sql, statement, params, rowAlias, aliasColumns);
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
    return Translation.builder(sql, kind)
        .postgresSql(p.b.toString())
        .mysqlParameterCount(params)
        .parameterMap(ctx.parameterMap())
        .lockingRead(locking)
        .tablesRead(ctx.tablesRead)
        .tablesWritten(ctx.tablesWritten)
        .autoIncrement(ai)
        .build();
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
    boolean keyOrdered = DmlPrinter.orderLimitByPrimaryKey(statement, table);
    List<Binding> mysqlBindings = new ArrayList<>();
    String mysqlPinned = MysqlPinDeParser.pin(statement, ctx, mysqlBindings);
    DmlPrinter p = new DmlPrinter(ctx);
    pass.print(p, table);
    if (ctx.calls.isEmpty() && !keyOrdered) {
      return plain(sql, kind, p, ctx, params, false, null);
    }
    // a pinned form: the calls' values, or the key order added to an unordered LIMIT, which
    // MySQL must run too
    String pg = p.b.toString();
    int[] map = ctx.parameterMap();
    PrintContext pinCtx = ctx.nextPass(true);
    DmlPrinter pinned = new DmlPrinter(pinCtx);
    pass.print(pinned, table);
    PinnedStatement pin =
        new PinnedStatement(
            mysqlPinned, mysqlBindings, pinned.b.toString(), pinCtx.pinnedBindings());
    return Translation.builder(sql, kind)
        .postgresSql(pg)
        .mysqlParameterCount(params)
        .parameterMap(map)
        .tablesRead(ctx.tablesRead)
        .tablesWritten(ctx.tablesWritten)
        .nonDeterministicCalls(ctx.calls)
        .pinned(pin)
        .build();
  }

  private Translation insert(
      String sql, Statement statement, int params, String rowAlias, List<String> aliasColumns) {
    DmlPrinter.InsertShape shape =
        statement instanceof Insert i ? DmlPrinter.shape(i) : DmlPrinter.shape((Upsert) statement);
    Optional<TableInfo> table = tableOf(shape.table());
    PrintContext ctx = new PrintContext(catalog);
    ctx.excludedAlias = rowAlias;
    if (aliasColumns != null) {
      List<String> inserted = DmlPrinter.insertedColumns(shape, table);
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
    DmlPrinter p = new DmlPrinter(ctx);
    p.insert(shape, table, null);
    String pg = p.b.toString();
    int[] map = ctx.parameterMap();

    PinnedStatement pin = null;
    if (!ctx.calls.isEmpty()) {
      PrintContext pinCtx = ctx.nextPass(true);
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
        PrintContext keyCtx = ctx.nextPass(!ctx.calls.isEmpty());
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
    return Translation.builder(sql, shape.kind())
        .postgresSql(pg)
        .mysqlParameterCount(params)
        .parameterMap(map)
        .tablesRead(ctx.tablesRead)
        .tablesWritten(ctx.tablesWritten)
        .nonDeterministicCalls(ctx.calls)
        .pinned(pin)
        .autoIncrement(ai)
        .build();
  }
}
