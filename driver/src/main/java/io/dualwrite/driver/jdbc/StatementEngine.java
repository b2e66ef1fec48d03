package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.control.WriteWindows;
import io.dualwrite.driver.vendor.MysqlErrors;
import io.dualwrite.rewriter.AutoIncrement;
import io.dualwrite.rewriter.SqlMode;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the application's statements for one statement wrapper: translates each one (the rewriter
 * parses it), decides which path it takes, and hands it over:
 *
 * <ul>
 *   <li>reads to {@link ReadPath} (where a read goes, fallback, comparison);
 *   <li>writes to {@link WritePath} (authoritative execution, keys, held locks), which hands the
 *       write to {@link MirrorPath} for the other side;
 *   <li>batches to {@link BatchPath};
 *   <li>session and transaction-control statements to {@link SessionPath}.
 * </ul>
 *
 * <p>Plain statements pass {@code binds == null}; prepared statements pass their recorded
 * parameters, replayed on whichever vendor statement runs ({@link SideSql} decides the SQL and
 * binds for each side). The paths see the connection only through {@link StatementContext}.
 *
 * <p>Not thread-safe, like the JDBC statement it serves.
 */
final class StatementEngine {

  /** Which JDBC execute method the application called. */
  enum Mode {
    QUERY,
    UPDATE,
    EXECUTE
  }

  private final StatementContext ctx;
  private final String preparedSql;
  private final VendorStatements vendor;
  private final StatementResults results;

  /**
   * The paths, each made when a statement first takes it: most statement wrappers run one kind of
   * statement, and a prepare-execute-close cycle would otherwise allocate all six.
   */
  private ReadPath reads;

  private WritePath writes;
  private BatchPath batches;
  private SessionPath session;
  private MultiStatementPath multi;
  private MirrorPath mirror;

  /**
   * The last translation this engine used, and the catalog generation and sql_mode it was made
   * under.
   */
  private String translatedSql;

  private long translatedGeneration;
  private SqlMode translatedMode;
  private Translation translated;

  /** The control table {@link #translated} names, or null ({@link ControlTables}). */
  private String translatedControlTable;

  /** The translation of the statement running now (for MySQL's error messages). */
  private Translation current;

  StatementEngine(StatementContext ctx, Statement owner, StatementOptions options) {
    this(ctx, owner, options, null);
  }

  /** For a prepared statement: {@code preparedSql} is the application's SQL. */
  StatementEngine(
      StatementContext ctx, Statement owner, StatementOptions options, String preparedSql) {
    this.ctx = ctx;
    this.preparedSql = preparedSql;
    this.vendor = new VendorStatements(options);
    this.results = new StatementResults(ctx, owner);
  }

  private ReadPath reads() {
    if (reads == null) {
      reads = new ReadPath(ctx, vendor, results);
    }
    return reads;
  }

  private WritePath writes() {
    if (writes == null) {
      writes = new WritePath(ctx, vendor, results, mirror());
    }
    return writes;
  }

  private BatchPath batches() {
    if (batches == null) {
      batches = new BatchPath(ctx, vendor, results, mirror());
    }
    return batches;
  }

  private SessionPath session() {
    if (session == null) {
      session = new SessionPath(ctx, vendor, results, mirror());
    }
    return session;
  }

  private MultiStatementPath multi() {
    if (multi == null) {
      multi = new MultiStatementPath(ctx, vendor, results);
    }
    return multi;
  }

  private MirrorPath mirror() {
    if (mirror == null) {
      mirror = new MirrorPath(ctx, vendor);
    }
    return mirror;
  }

  // ------------------------------------------------------------------ preparing

  /** The vendor SQL and key request a prepared statement starts with on the authoritative side. */
  private record Variant(String sql, boolean keys, String keyColumn) {}

  private static Variant firstVariant(StatementContext ctx, Translation t, StatementOptions o)
      throws SQLException {
    Side auth = ctx.authoritativeSide();
    AutoIncrement ai = t.autoIncrement();
    boolean keys =
        t.kind().isWrite()
            && (o.appWantsKeys()
                || (ctx.phase().mirrorsWrites() && ai != null && !ai.suppliedByStatement()));
    if (firstSide(ctx, t) == Side.MYSQL) {
      return new Variant(SideSql.sqlOf(t, Side.MYSQL), keys, null);
    }
    if (t.isRefused() || t.postgresSql() == null) {
      throw Refusals.onPostgres(t);
    }
    // Keys only from an AUTO_INCREMENT column, as from MySQL (see StatementResults.noGeneratedKeys)
    WritePath.KeyRequest k = WritePath.KeyRequest.of(ctx, t, o.appWantsKeys(), false);
    boolean pgKeys = t.kind().isWrite() && k.wanted();
    return new Variant(SideSql.sqlOf(t, Side.POSTGRES), pgKeys, pgKeys ? k.column() : null);
  }

  /**
   * The side a new prepared statement is prepared on: the authoritative one, except for a read only
   * MySQL's session can answer (DATABASE(), GET_LOCK(), @variables, LAST_INSERT_ID(): {@link
   * ReadPath#mysqlSessionRead}), which MySQL serves in every phase that uses it, prepared or not;
   * and a session statement without PostgreSQL SQL of its own (a MySQL setting, {@code SET
   * foreign_key_checks = ?} whose value is bound), which {@link SessionPath} runs on MySQL and
   * follows on PostgreSQL from MySQL's answer. Flyway restores its session that way in every phase.
   */
  static Side firstSide(StatementContext ctx, Translation t) {
    Side auth = ctx.authoritativeSide();
    if (auth == Side.POSTGRES
        && ctx.phase().usesMysql()
        && !t.kind().isWrite()
        && ((t.isRefused() && ReadPath.mysqlSessionRead(t))
            || (t.session() != null && !t.isRefused() && t.postgresSql() == null))) {
      return Side.MYSQL;
    }
    return auth;
  }

  /** Prepares the first side's statement ({@link #firstSide}) for a new prepared statement. */
  static PreparedStatement prepareFirst(
      StatementContext ctx, Translation t, StatementOptions options) throws SQLException {
    ctx.checkOpen();
    Variant v = firstVariant(ctx, t, options);
    Connection c = ctx.sides().get(firstSide(ctx, t));
    return options.prepareOn(c, v.sql(), v.keys(), v.keyColumn());
  }

  /** Takes over the statement made by {@link #prepareFirst} for the same translation. */
  void adoptPrepared(Side side, PreparedStatement ps, Translation t) throws SQLException {
    Variant v = firstVariant(ctx, t, vendor.options());
    vendor.adoptPrepared(side, v.sql(), v.keys(), v.keyColumn(), ps);
    if (preparedSql != null) {
      translatedSql = preparedSql;
      translatedGeneration = ctx.catalog().generation();
      translatedMode = ctx.sqlMode();
      translated = t;
      translatedControlTable = ControlTables.named(t);
    }
  }

  /** Takes over a vendor statement the connection already made for {@code side}. */
  void adopt(Side side, Statement s) {
    vendor.adopt(side, s);
  }

  /**
   * The translation of {@code sql}: the one used last when the SQL text, the schema catalog's
   * generation and the session's sql_mode are the same (a prepared statement's every execution),
   * else the rewriter's.
   */
  private Translation translate(String sql) {
    long generation = ctx.catalog().generation();
    SqlMode mode = ctx.sqlMode();
    Translation t = translated;
    if (t != null
        && generation == translatedGeneration
        && sql.equals(translatedSql)
        && mode.equals(translatedMode)) {
      return t;
    }
    t = ctx.translate(sql);
    translatedSql = sql;
    translatedGeneration = generation;
    translatedMode = mode;
    translated = t;
    translatedControlTable = ControlTables.named(t);
    return t;
  }

  /**
   * Whether running {@code sql} may have changed the session's sql_mode, so MySQL is asked for it
   * again: a session statement or an untranslated one that names {@code sql_mode} (a SET with a
   * literal, a variable or an expression; several statements in one string), or an {@code EXECUTE}
   * of a prepared statement, whose text is not known here.
   */
  private static boolean mayChangeSqlMode(Translation t, String sql) {
    if (t.session() == null && !t.isRefused()) {
      return false;
    }
    return containsIgnoreCase(sql, "sql_mode")
        || startsWithIgnoreCase(sql.stripLeading(), "EXECUTE");
  }

  private static boolean containsIgnoreCase(String text, String word) {
    for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithIgnoreCase(String text, String word) {
    return text.regionMatches(true, 0, word, 0, word.length());
  }

  /** Refuses (and records) a statement that names a control table, before it runs anywhere. */
  private void refuseControlTable(Translation t) throws SQLException {
    if (translatedControlTable != null && t == translated) {
      ctx.records().controlTableRefused(t, translatedControlTable);
      throw ControlTables.refusal(translatedControlTable);
    }
  }

  // ------------------------------------------------------------------ running

  /**
   * Runs one statement.
   *
   * @param binds the recorded parameters (prepared statements) or null (plain statements)
   * @param wantsKeys the application asked for generated keys for this execution
   * @return whether the first result is a result set
   */
  boolean run(String sql, Bind[] binds, Mode mode, boolean wantsKeys) throws SQLException {
    try {
      return runDecided(sql, binds, mode, wantsKeys);
    } catch (SQLException e) {
      transactionLost(e);
      if (ctx.authoritativeSide() == Side.POSTGRES
          && !(e instanceof BatchUpdateException)
          && ("23505".equals(e.getSQLState())
              || "22001".equals(e.getSQLState())
              || "23514".equals(e.getSQLState()))) {
        throw MysqlErrors.translate(e, false, statementFacts(sql, binds));
      }
      throw asApplicationSees(e);
    }
  }

  private boolean runDecided(String sql, Bind[] binds, Mode mode, boolean wantsKeys)
      throws SQLException {
    ctx.beforeStatement();
    results.close();
    if (multi != null) {
      multi.forget();
    }
    Translation t = translate(sql);
    current = t;
    refuseControlTable(t);
    boolean multiStatement = t.isRefused() && MULTI_STATEMENT.equals(t.refusal().code());
    if (!ctx.phase().mirrorsWrites() || (t.kind().isRead() && !multiStatement)) {
      return dispatch(sql, t, binds, mode, wantsKeys, multiStatement);
    }
    WriteWindows windows = ctx.windows();
    windows.open(windowTables(t));
    try {
      return dispatch(sql, t, binds, mode, wantsKeys, multiStatement);
    } finally {
      windows.close();
    }
  }

  /**
   * The tables a statement that opens a write window may write: its own, and for a commit (or any
   * session statement, which may end the transaction) those its transaction wrote.
   */
  private Set<String> windowTables(Translation t) {
    Set<String> own = t.tablesWritten();
    Set<String> transaction = ctx.tablesWrittenInTransaction();
    if (transaction.isEmpty() || t.kind().isWrite()) {
      return own;
    }
    Set<String> all = new HashSet<>(transaction);
    all.addAll(own);
    return all;
  }

  private boolean dispatch(
      String sql, Translation t, Bind[] binds, Mode mode, boolean wantsKeys, boolean multiStatement)
      throws SQLException {
    StatementKind kind = t.kind();
    if (multiStatement) {
      if (mode == Mode.QUERY && !kind.isRead()) {
        throw Refusals.notAQuery();
      }
      try {
        return multi().run(t, binds, false, false);
      } finally {
        if (mayChangeSqlMode(t, sql)) {
          ctx.sqlModeMayHaveChanged(sql);
        }
      }
    }
    if (mode != Mode.UPDATE && WritePath.isRoutineCall(t)) {
      // CALL p(): the routine's results, as Connector/J gives them; executeUpdate keeps the
      // write path's update count
      return multi().run(t, binds, wantsKeys, mode == Mode.QUERY);
    }
    if (kind.isRead()) {
      reads().run(t, binds);
      // SELECT ... INTO OUTFILE / INTO @v: MySQL answers with an update count, not rows
      return results.resultSet() != null || results.updateCount() < 0;
    }
    if (kind == StatementKind.SESSION || kind == StatementKind.TRANSACTION) {
      try {
        return session().run(t, binds);
      } finally {
        if (mayChangeSqlMode(t, sql)) {
          ctx.sqlModeMayHaveChanged(sql);
        }
      }
    }
    if (mode == Mode.QUERY) {
      throw Refusals.notAQuery();
    }
    try {
      writes().run(t, binds, wantsKeys);
    } finally {
      if (mayChangeSqlMode(t, sql)) {
        ctx.sqlModeMayHaveChanged(sql);
      }
    }
    return false;
  }

  /** The rewriter's refusal code for a string of several statements. */
  private static final String MULTI_STATEMENT = "multi-statement";

  /**
   * Runs a prepared-statement batch ({@link BatchPath}); a batch whose statement uses {@code
   * LAST_INSERT_ID()} runs row by row instead, each row written and mirrored like a single
   * execution, since each row sees the value the previous row left.
   */
  long[] runBatch(String sql, List<Bind[]> rows) throws SQLException {
    ctx.beforeStatement();
    results.close();
    if (rows.isEmpty()) {
      return new long[0];
    }
    Translation t = translate(sql);
    current = t;
    refuseControlTable(t);
    StatementKind kind = t.kind();
    if (!kind.isWrite() && kind != StatementKind.DDL && kind != StatementKind.OTHER) {
      throw Refusals.notABatchStatement();
    }
    if (BatchPath.needsRowByRow(t)) {
      return runRowByRow(sql, rows);
    }
    WriteWindows windows = ctx.phase().mirrorsWrites() ? ctx.windows() : null;
    if (windows != null) {
      windows.open(windowTables(t));
    }
    try {
      return batches().run(t, rows);
    } catch (SQLException e) {
      transactionLost(e);
      throw asApplicationSees(e);
    } finally {
      if (windows != null) {
        windows.close();
      }
    }
  }

  /** MySQL's error number for a deadlock: InnoDB rolled back the whole transaction. */
  private static final int MYSQL_DEADLOCK = 1213;

  /**
   * After a failed statement: when MySQL, authoritative, rolled back the whole transaction (a
   * deadlock, or its connection lost: the server rolls back a session it loses), the other side's
   * copy of it is rolled back too, and a mirrored write still in flight is abandoned.
   */
  private void transactionLost(SQLException e) {
    if (ctx.autoCommitting()) {
      return;
    }
    if (ctx.authoritativeSide() == Side.MYSQL && (isDeadlock(e) || mysqlConnectionLost(e))) {
      ctx.authoritativeTransactionRolledBack();
    } else if (ctx.authoritativeSide() == Side.POSTGRES
        && ("40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()))) {
      // The application hears MySQL's 1213, after which MySQL has rolled the whole transaction
      // back; pgjdbc's autosave kept PostgreSQL's (and its row locks) open. End it on both sides,
      // as MySQL would have: other connections then stop waiting for its locks on either side.
      Connection pg = ctx.sides().ifOpen(Side.POSTGRES);
      try {
        if (pg != null) {
          if (pg.getAutoCommit()) {
            try (Statement s = pg.createStatement()) {
              s.execute("ROLLBACK");
            }
          } else {
            pg.rollback();
          }
        }
      } catch (SQLException again) {
        e.addSuppressed(again);
      }
      ctx.authoritativeTransactionRolledBack();
    }
  }

  /**
   * MySQL's connection failed (SQLState class 08, a communication failure): whatever the server did
   * with the statement, the transaction it was in can no longer commit from this connection.
   * Connector/J does not always mark the connection closed at once: after MySQL 9.7's KILL the
   * statement fails with 08S01 while {@code isClosed()} is still false, so the state alone counts.
   */
  private static boolean mysqlConnectionLost(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("08");
  }

  private static boolean isDeadlock(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (x.getErrorCode() == MYSQL_DEADLOCK) {
        return true;
      }
      if (x.getNextException() == x) {
        break;
      }
    }
    return e.getCause() instanceof SQLException c && c.getErrorCode() == MYSQL_DEADLOCK;
  }

  /** Runs the rows one at a time; stops at the first failing row. */
  private long[] runRowByRow(String sql, List<Bind[]> rows) throws SQLException {
    long[] counts = new long[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      try {
        run(sql, rows.get(i), Mode.UPDATE, vendor.options().appWantsKeys());
      } catch (SQLException e) {
        throw new BatchUpdateException(
            e.getMessage(), e.getSQLState(), e.getErrorCode(), Arrays.copyOf(counts, i), e);
      }
      counts[i] = results.updateCount();
    }
    return counts;
  }

  // ------------------------------------------------------------------ errors

  /**
   * With PostgreSQL authoritative, its errors reach the application as the MySQL SQLState and
   * vendor code it expects (the original chained); batch failures keep their update counts.
   */
  SQLException asApplicationSees(SQLException e) {
    if (ctx.authoritativeSide() != Side.POSTGRES) {
      return e;
    }
    if (e instanceof BatchUpdateException b
        && !(b.getNextException() instanceof org.postgresql.util.PSQLException)) {
      return e; // built by runRowByRow around an error already in MySQL's terms
    }
    // pgjdbc's BatchUpdateException (next exception: the server's error) becomes Connector/J's
    return MysqlErrors.translate(e);
  }

  private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.|'')*)'");

  /**
   * What the failed statement wrote, for MySQL's error message: its bound strings and string
   * literals, the columns of the table it writes, and its row count when it is one row.
   */
  private MysqlErrors.StatementFacts statementFacts(String sql, Bind[] binds) {
    List<String> values = new ArrayList<>();
    if (binds != null) {
      for (Bind b : binds) {
        if (b != null && b.value() instanceof String v) {
          values.add(v);
        }
      }
    }
    Matcher m = STRING_LITERAL.matcher(sql);
    while (m.find()) {
      values.add(m.group(1).replace("''", "'").replaceAll("\\\\(.)", "$1"));
    }
    Map<String, String> columns = new LinkedHashMap<>();
    int rows = 0;
    Translation t = current;
    if (t != null && t.tablesWritten().size() == 1) {
      ctx.catalog()
          .table(t.tablesWritten().iterator().next())
          .ifPresent(table -> table.columns().forEach(c -> columns.put(c.name(), c.mysqlType())));
      AutoIncrement ai = t.autoIncrement();
      rows =
          ai != null
              ? (ai.rowCount() == 1 ? 1 : 0)
              : t.kind() == StatementKind.INSERT && !sql.contains("),") ? 1 : 0;
    }
    return new MysqlErrors.StatementFacts(values, columns, rows);
  }

  // ------------------------------------------------------------------ results and lifecycle

  StatementOptions options() {
    return vendor.options();
  }

  StatementSettings settings() {
    return vendor.settings();
  }

  /** The vendor statement that ran last, for the wrapper's forwarding of result navigation. */
  Statement lastVendor() {
    return vendor.last();
  }

  ResultSet resultSet() {
    return results.resultSet();
  }

  long updateCount() {
    return results.updateCount();
  }

  ResultSet generatedKeys() {
    return results.generatedKeys();
  }

  /** Called when the application moves to the next result; results of ours have only one. */
  void clearResults() {
    results.clear();
  }

  /**
   * {@link Statement#getMoreResults(int)}: the next result of a string of several statements that
   * ran on MySQL; any other statement has one result, so false (its result closed).
   */
  boolean moreResults(int current) throws SQLException {
    if (multi != null && multi.hasMoreResults()) {
      return multi.moreResults(current);
    }
    results.close();
    return false;
  }

  void closeResults() throws SQLException {
    results.close();
  }

  void close() throws SQLException {
    ctx.awaitMirror(); // the write in flight may be running on one of these vendor statements
    SQLException failure = null;
    try {
      results.close();
    } catch (SQLException e) {
      failure = e;
    }
    failure = vendor.close(failure);
    if (failure != null) {
      throw failure;
    }
  }

  /** Cancels whatever vendor statement is running. */
  void cancel() throws SQLException {
    vendor.cancel();
  }
}
