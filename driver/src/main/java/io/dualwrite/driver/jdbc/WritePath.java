package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.mirror.ValuePinner;
import io.dualwrite.rewriter.AutoIncrement;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import io.dualwrite.rewriter.UncataloguedInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The write path of one execution: values computed once for both sides ({@link ValuePinner}), the
 * authoritative side's execution with the generated keys the mirror needs, the row locks held until
 * the mirror ran ({@link HeldTransaction}), then {@link MirrorPath}. Its update count, keys and
 * exceptions are what the application sees.
 *
 * <p>Not thread-safe, like the JDBC statement it serves.
 */
final class WritePath {
  private final StatementContext ctx;
  private final VendorStatements vendor;
  private final StatementResults results;
  private final MirrorPath mirror;

  WritePath(
      StatementContext ctx, VendorStatements vendor, StatementResults results, MirrorPath mirror) {
    this.ctx = ctx;
    this.vendor = vendor;
    this.results = results;
    this.mirror = mirror;
  }

  /**
   * The generated keys the authoritative side is asked for, and how.
   *
   * @param column with PostgreSQL authoritative, the generated-key column asked for by name (null
   *     with MySQL authoritative, which names its keys itself)
   * @param noneExist PostgreSQL authoritative and the write generates no key, as MySQL would not
   * @param explicitIdsTable non-null when the application writes its own ids into {@code column} of
   *     this table on PostgreSQL: they come back through {@code RETURNING} and move its sequence
   */
  record KeyRequest(boolean wanted, String column, boolean noneExist, String explicitIdsTable) {

    /**
     * Keys are asked for when the application wants them, when the mirror must write them, and
     * (PostgreSQL authoritative, with {@code explicitIdsMoveSequence}) when the application wrote
     * its own ids, which move the sequence. With PostgreSQL authoritative only an AUTO_INCREMENT
     * column's keys are asked for, as MySQL gives them: a write to a table without one generates
     * none. The column is MySQL's, from the schema catalog; for an insert into a table the catalog
     * does not know (MySQL not reached yet), PostgreSQL's own generated-key column ({@link
     * io.dualwrite.driver.vendor.PostgresKeyColumns}).
     */
    static KeyRequest of(
        StatementContext ctx, Translation t, boolean appWantsKeys, boolean explicitIdsMoveSequence)
        throws SQLException {
      Side auth = ctx.authoritativeSide();
      AutoIncrement ai = t.isRefused() ? null : t.autoIncrement();
      boolean keysForMirror =
          ctx.phase().mirrorsWrites() && ai != null && !ai.suppliedByStatement();
      String column = null;
      String table = null;
      boolean supplied = false;
      if (auth == Side.POSTGRES && ai != null) {
        column = ai.column();
        table = ai.table();
        supplied = ai.suppliedByStatement();
      } else if (auth == Side.POSTGRES && !t.isRefused() && t.uncataloguedInsert() != null) {
        UncataloguedInsert u = t.uncataloguedInsert();
        column = ctx.postgresKeyColumns().column(ctx.sides().get(Side.POSTGRES), u.table());
        table = u.table();
        supplied = column != null && u.names(column.toLowerCase(Locale.ROOT));
      }
      boolean explicitIds = explicitIdsMoveSequence && column != null && supplied;
      boolean noneExist = auth == Side.POSTGRES && column == null && t.kind().isWrite();
      boolean wanted = (appWantsKeys || keysForMirror || explicitIds) && !noneExist;
      return new KeyRequest(wanted, column, noneExist, column != null && supplied ? table : null);
    }
  }

  /**
   * {@code CALL p(...)}: not a translation failure but a write whose mirror is skipped by design,
   * recorded as a {@code CallableStatement} call is ({@link
   * StatementRecords#routineCallNotMirrored}).
   */
  static boolean isRoutineCall(Translation t) {
    if (!t.isRefused() || !"procedure".equals(t.refusal().code())) {
      return false;
    }
    String sql = t.mysqlSql().stripLeading();
    return sql.regionMatches(true, 0, "CALL", 0, 4)
        && (sql.length() == 4 || !Character.isLetterOrDigit(sql.charAt(4)));
  }

  void run(Translation t, Bind[] binds, boolean appWantsKeys) throws SQLException {
    Side auth = ctx.authoritativeSide();
    boolean mirrors = ctx.phase().mirrorsWrites();
    if (t.isRefused()) {
      if (auth == Side.POSTGRES) {
        ctx.records().untranslatableWrite(t, false);
        throw Refusals.onPostgres(t);
      }
      Connection mysql = ctx.sides().get(Side.MYSQL);
      results.updateCount(
          execute(
              Side.MYSQL,
              mysql,
              SideSql.of(t, Side.MYSQL, binds, null),
              binds,
              appWantsKeys,
              null));
      ctx.noteWrite(t.tablesWritten());
      if (isRoutineCall(t)) {
        if (mirrors) {
          ctx.records().routineCallNotMirrored(t.mysqlSql());
        }
      } else {
        ctx.records().untranslatableWrite(t, mirrors);
      }
      return;
    }
    Connection authConn = ctx.sides().get(auth);
    Object[] computed = computeCalls(t);
    KeyRequest keys = KeyRequest.of(ctx, t, appWantsKeys, true);
    boolean ddlInTransaction = t.kind() == StatementKind.DDL && !ctx.sides().autoCommit();
    if (ddlInTransaction && mirrors) {
      commitOtherSide(); // MySQL commits implicitly before DDL
    }
    boolean held = mirrors && HeldTransaction.held(t) && HeldTransaction.begin(ctx, authConn);
    long count;
    InsertSelectAsValues.Ran asValues = null;
    try {
      SideSql authSql = SideSql.of(t, auth, binds, computed);
      if (held || !ctx.autoCommitting()) {
        // inside the transaction: its SELECT and its VALUES insert must be one unit
        asValues =
            InsertSelectAsValues.candidate(ctx, t)
                ? InsertSelectAsValues.run(ctx, t, authConn, authSql, binds, results)
                : null;
      }
      count =
          asValues != null
              ? asValues.count()
              : t.kind() == StatementKind.DDL && auth == Side.POSTGRES
                  ? ctx.postgresDdl().execute(authConn, authSql.sql())
                  : execute(auth, authConn, authSql, binds, keys.wanted(), keys.column());
    } catch (SQLException | RuntimeException e) {
      if (held) {
        HeldTransaction.endFailed(ctx, auth, authConn, e);
      }
      throw e;
    }
    results.updateCount(count);
    if (keys.noneExist() && appWantsKeys) {
      results.noGeneratedKeys();
    }
    try {
      List<Object> generated =
          asValues != null
              ? asValues.keys()
              : keys.wanted() ? results.readKeys(vendor.last()) : null;
      if (keys.explicitIdsTable() != null && generated != null) {
        ctx.sequences()
            .afterExplicitKeys(authConn, keys.explicitIdsTable(), keys.column(), generated);
      }
      ctx.noteWrite(t.tablesWritten());
      if (mirrors) {
        long sentRows =
            asValues != null ? asValues.sentRows() : InsertSelectAsValues.oneRow(t, count);
        long mirrored = mirror.mirrorWrite(t, binds, computed, generated, count, sentRows);
        if (auth == Side.POSTGRES
            && mirrored >= 0
            && (t.kind() == StatementKind.UPSERT || t.kind() == StatementKind.REPLACE)
            && MirrorPath.countsAgree(t.kind(), count, mirrored)) {
          // The application expects MySQL's affected-row count for an upsert (2 for an updated
          // row, 1 for an inserted one), which PostgreSQL does not give; MySQL, the mirror, did.
          results.updateCount(mirrored);
        }
      }
    } catch (SQLException | RuntimeException e) {
      // Only the authoritative side throws here (the mirror never does), before the mirror ran.
      if (held) {
        HeldTransaction.rollback(ctx, auth, authConn, e);
      }
      throw e;
    }
    if (held) {
      HeldTransaction.commit(ctx, t, auth, authConn);
    }
    if (t.kind() == StatementKind.DDL) {
      ctx.schemaChanged(); // after the mirror: in PG_PRIMARY MySQL runs the DDL second
    }
    if (ddlInTransaction) {
      // MySQL committed implicitly before and after the DDL; so does the mirror now.
      commitOtherSide();
      ctx.noteTransactionEnd();
    }
  }

  /**
   * The values of the statement's non-deterministic calls ({@code NOW()}, {@code UUID()}, ...),
   * computed once for both sides; null when the statement is not pinned.
   */
  private Object[] computeCalls(Translation t) throws SQLException {
    if (t.pinned() == null) {
      return null;
    }
    if (t.nonDeterministicCalls().isEmpty()) {
      return new Object[0]; // pinned for another reason (a key order added to LIMIT)
    }
    return ValuePinner.compute(
        t.nonDeterministicCalls(),
        ctx.sessionClock().offset(mysqlForClock(ctx)),
        () -> mysqlLastInsertId(ctx));
  }

  /** Commits the other side's open transaction, as MySQL commits implicitly around DDL. */
  private void commitOtherSide() {
    Side other = ctx.authoritativeSide().other();
    Connection oc = ctx.sides().ifOpen(other);
    if (oc == null) {
      return;
    }
    try {
      if (!oc.getAutoCommit()) {
        oc.commit();
      }
    } catch (SQLException e) {
      ctx.mirrorFailed(other, 0, e);
    }
  }

  /** Runs a write on the authoritative side; with {@code keys}, asks for its generated keys. */
  private long execute(
      Side side, Connection c, SideSql sql, Bind[] binds, boolean keys, String keyColumn)
      throws SQLException {
    long start = System.nanoTime();
    try {
      if (!sql.binds(binds)) {
        Statement s = vendor.plainOn(side, c);
        long n =
            keys
                ? (keyColumn != null
                    ? s.executeLargeUpdate(sql.sql(), new String[] {keyColumn})
                    : s.executeLargeUpdate(sql.sql(), Statement.RETURN_GENERATED_KEYS))
                : executeAny(s, sql.sql());
        vendor.ran(s);
        return n;
      }
      PreparedStatement ps = vendor.preparedOn(side, c, sql.sql(), keys, keyColumn);
      Binder.apply(ps, binds, sql, side, ctx.postgresGetsWholeSeconds());
      long n = ps.executeLargeUpdate();
      vendor.ran(ps);
      return n;
    } finally {
      ctx.metrics().statement(side, System.nanoTime() - start);
    }
  }

  /** DDL and other statements may return a result set; their update count is what we want. */
  static long executeAny(Statement s, String sql) throws SQLException {
    boolean isResult = s.execute(sql);
    return isResult ? -1 : s.getLargeUpdateCount();
  }

  /** The MySQL connection whose clock NOW() follows (opened if needed while MySQL is in use). */
  static Connection mysqlForClock(StatementContext ctx) throws SQLException {
    return ctx.sides().get(ctx.phase().usesMysql() ? Side.MYSQL : Side.POSTGRES);
  }

  /**
   * MySQL's {@code LAST_INSERT_ID()} for this connection, for a write that uses it: the value is
   * read from MySQL (authoritative, or the mirror that received PostgreSQL's keys through {@code
   * insert_id}) and bound on both sides.
   */
  private static long mysqlLastInsertId(StatementContext ctx) throws SQLException {
    if (!ctx.phase().usesMysql()) {
      throw new java.sql.SQLSyntaxErrorException(
          "LAST_INSERT_ID() is MySQL's session value; MySQL is no longer used in phase "
              + ctx.phase()
              + ".",
          "42000",
          1064);
    }
    boolean usable = ctx.authoritativeSide() == Side.MYSQL || ctx.health().isClosed(Side.MYSQL);
    Connection mysql = usable ? ctx.sides().get(Side.MYSQL) : null;
    if (mysql == null) {
      throw new SQLException(
          "LAST_INSERT_ID() needs MySQL's session value, and MySQL is unavailable.", "08S01");
    }
    try (Statement s = mysql.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT LAST_INSERT_ID()")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
