package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.config.Redaction;
import io.dualwrite.rewriter.SessionCommand;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;

/**
 * Session and transaction-control statements ({@code SET}, {@code USE}, {@code BEGIN}/{@code
 * COMMIT}, savepoints, {@code SHOW}): run where the rewriter's {@link SessionCommand.Handling}
 * says, and remembered so a side that opens later is given the same session settings.
 *
 * <p>Not thread-safe, like the JDBC statement it serves.
 */
final class SessionPath {
  private final StatementContext ctx;
  private final VendorStatements vendor;
  private final StatementResults results;
  private final MirrorPath mirror;

  SessionPath(
      StatementContext ctx, VendorStatements vendor, StatementResults results, MirrorPath mirror) {
    this.ctx = ctx;
    this.vendor = vendor;
    this.results = results;
    this.mirror = mirror;
  }

  /** Runs a session statement; returns whether its first result is a result set. */
  boolean run(Translation t, Bind[] binds) throws SQLException {
    SessionCommand cmd = t.session();
    Side auth = ctx.authoritativeSide();
    boolean usesMysql = ctx.phase().usesMysql();
    switch (cmd.handling()) {
      case AUTHORITATIVE_ONLY -> {
        // SHOW, DESCRIBE, EXPLAIN: MySQL answers as the application expects, while it is in use.
        if (usesMysql) {
          return executeOn(Side.MYSQL, t, binds);
        }
        if (t.postgresSql() == null) {
          throw new SQLFeatureNotSupportedException(
              "'"
                  + Redaction.oneLine(t.mysqlSql())
                  + "' has no PostgreSQL equivalent and MySQL"
                  + " is no longer used in phase "
                  + ctx.phase()
                  + ".",
              "0A000");
        }
        return executeOn(Side.POSTGRES, t, binds);
      }
      case MYSQL_ONLY -> {
        if (usesMysql) {
          ctx.sides().rememberSessionSql(Side.MYSQL, replayKey(t), t.mysqlSql());
          if (ctx.sides().isOpen(Side.MYSQL) || auth == Side.MYSQL) {
            return executeOn(Side.MYSQL, t, binds);
          }
        }
        results.updateCount(0);
        return false;
      }
      case DRIVER_TRACKED -> {
        return runTracked(t, cmd);
      }
      case BOTH -> {
        if (cmd.type() == SessionCommand.Type.SET_FOREIGN_KEY_CHECKS) {
          return runForeignKeyChecks(t, binds, cmd);
        }
        return runOnBoth(t, binds, cmd);
      }
      default -> throw new IllegalStateException("unknown handling " + cmd.handling());
    }
  }

  /**
   * Transaction-control and USE statements written as SQL. They mean the same on both databases, so
   * the driver issues the standard form on each side it has open (the other side joins an open
   * transaction when it opens later); {@code SET autocommit} becomes the JDBC call, and {@code USE}
   * changes MySQL's default database only (PostgreSQL's database is the one in {@code
   * dualwrite.postgres.url}).
   */
  private boolean runTracked(Translation t, SessionCommand cmd) throws SQLException {
    String sql;
    switch (cmd.type()) {
      case SET_AUTOCOMMIT -> {
        ctx.setAutoCommit("1".equals(cmd.argument()));
        results.updateCount(0);
        return false;
      }
      case USE -> {
        if (ctx.phase().usesMysql()) {
          ctx.sides().get(Side.MYSQL).setCatalog(cmd.argument());
          ctx.sides().rememberSessionSql(Side.MYSQL, "USE", t.mysqlSql());
        }
        results.updateCount(0);
        return false;
      }
      case SET_TRANSACTION -> {
        return setTransaction(t, TransactionCharacteristics.parse(cmd.argument()));
      }
      case BEGIN -> sql = "BEGIN";
      case COMMIT -> sql = "COMMIT";
      case ROLLBACK -> sql = "ROLLBACK";
      case SAVEPOINT -> {
        sql = "SAVEPOINT " + cmd.argument();
        ctx.savepointUsed();
      }
      case RELEASE_SAVEPOINT -> sql = "RELEASE SAVEPOINT " + cmd.argument();
      case ROLLBACK_TO_SAVEPOINT -> sql = "ROLLBACK TO SAVEPOINT " + cmd.argument();
      default ->
          throw new SQLFeatureNotSupportedException(
              "dualwrite does not handle " + cmd.type() + " statements.", "0A000");
    }
    // A transaction boundary or savepoint: the write in flight on the other side is over, and
    // its outcome handled, before the authoritative side commits, rolls back or releases locks.
    ctx.awaitMirror();
    Side auth = ctx.authoritativeSide();
    String authSql = auth == Side.MYSQL ? t.mysqlSql() : sql;
    boolean commit = cmd.type() == SessionCommand.Type.COMMIT;
    if (commit && preparesFirst(auth)) {
      return commitPrepared(t, sql);
    }
    // COMMIT: the other side first, as DualWriteConnection.commit() explains; the rest: after
    boolean otherCommitted = commit && runTrackedOnOther(t, sql, true);
    try {
      executeTracked(auth, ctx.sides().get(auth), authSql);
    } catch (SQLException e) {
      if (otherCommitted && !ctx.tablesWrittenInTransaction().isEmpty()) {
        ctx.records().authoritativeCommitFailed(auth, ctx.tablesWrittenInTransaction());
      }
      throw e;
    }
    Set<String> written = Set.copyOf(ctx.tablesWrittenInTransaction());
    String next = cmd.type() == SessionCommand.Type.BEGIN ? ctx.takeNextTransaction() : null;
    if (next != null && auth == Side.POSTGRES) {
      executeTracked(auth, ctx.sides().get(auth), next);
    }
    switch (cmd.type()) {
      case BEGIN -> ctx.noteSqlTransactionStart();
      case COMMIT, ROLLBACK -> ctx.noteTransactionEnd();
      default -> {}
    }
    if (!commit) {
      runTrackedOnOther(t, sql, false, written);
    }
    results.updateCount(0);
    return false;
  }

  /**
   * {@code SET [SESSION] TRANSACTION ...} written as SQL. {@code SESSION}: as the JDBC calls, so
   * the authoritative side takes the level and the other side keeps the mirror's ({@link
   * SideConnections}). The next transaction only: MySQL, authoritative, keeps it itself (and
   * refuses it inside a transaction); PostgreSQL, authoritative, takes it as the first statement of
   * that transaction: now, when autocommit is off (pgjdbc begins it; PostgreSQL refuses it after a
   * query, as MySQL does inside a transaction), or after the next SQL {@code BEGIN}.
   */
  private boolean setTransaction(Translation t, TransactionCharacteristics c) throws SQLException {
    Side auth = ctx.authoritativeSide();
    if (c.session()) {
      if (c.isolation() >= 0) {
        ctx.setTransactionIsolation(c.isolation());
      }
      if (c.readOnly() != null) {
        ctx.setReadOnly(c.readOnly());
      }
    } else if (auth == Side.MYSQL) {
      executeTracked(auth, ctx.sides().get(auth), t.mysqlSql());
    } else if (ctx.autoCommitting()) {
      ctx.nextTransaction(c.postgresSql());
    } else {
      executeTracked(auth, ctx.sides().get(auth), c.postgresSql());
    }
    results.updateCount(0);
    return false;
  }

  /** PostgreSQL authoritative, and MySQL holds a transaction that wrote: {@link TwoPhaseCommit}. */
  private boolean preparesFirst(Side auth) {
    return auth == Side.POSTGRES
        && ctx.phase().mirrorsWrites()
        && !ctx.tablesWrittenInTransaction().isEmpty()
        && ctx.sides().ifOpen(Side.MYSQL) != null;
  }

  /** {@code COMMIT} as {@link TwoPhaseCommit} orders it, when the server allows. */
  private boolean commitPrepared(Translation t, String sql) throws SQLException {
    Connection pg = ctx.sides().get(Side.POSTGRES);
    String gid;
    try {
      gid = TwoPhaseCommit.prepare(pg, ctx.preparedTransactions());
    } catch (SQLException refused) {
      runTrackedOnOther(t, "ROLLBACK", false);
      ctx.noteTransactionEnd();
      throw refused;
    }
    boolean otherCommitted = runTrackedOnOther(t, sql, true);
    try {
      if (gid == null) {
        executeTracked(Side.POSTGRES, pg, sql);
      } else {
        TwoPhaseCommit.commitPrepared(pg, gid, ctx.preparedTransactions().orphanAfterMillis());
      }
    } catch (SQLException e) {
      if (otherCommitted) {
        ctx.records().authoritativeCommitFailed(Side.POSTGRES, ctx.tablesWrittenInTransaction());
      }
      ctx.noteTransactionEnd();
      throw e;
    }
    ctx.noteTransactionEnd();
    results.updateCount(0);
    return false;
  }

  private boolean runTrackedOnOther(Translation t, String sql, boolean commit) {
    return runTrackedOnOther(t, sql, commit, ctx.tablesWrittenInTransaction());
  }

  /** Runs a transaction-control statement on the other side if it is open; false if it failed. */
  private boolean runTrackedOnOther(
      Translation t, String sql, boolean commit, Set<String> written) {
    Side other = ctx.authoritativeSide().other();
    Connection oc = ctx.sides().ifOpen(other);
    if (oc == null || !ctx.phase().mirrorsWrites()) {
      return false;
    }
    long start = System.nanoTime();
    try {
      executeTracked(other, oc, sql);
      ctx.health().success(other, System.nanoTime() - start);
      return true;
    } catch (SQLException e) {
      ctx.mirrorFailed(other, System.nanoTime() - start, e);
      ctx.records().transactionControlFailed(t.mysqlSql(), other, e, commit, written);
      return false;
    }
  }

  /** Savepoint statements on PostgreSQL run outside pgjdbc's autosave (see {@link Savepoints}). */
  private void executeTracked(Side side, Connection c, String sql) throws SQLException {
    Statement s = vendor.plainOn(side, c);
    if (side == Side.POSTGRES) {
      Savepoints.withoutAutosave(c, x -> s.execute(sql));
    } else {
      s.execute(sql);
    }
    vendor.ran(s);
  }

  /**
   * What a remembered session statement sets, so a later one that sets the same replaces it: the
   * variable for single settings, the statement itself for lists (whose items may depend on each
   * other, as mysqldump's saved {@code @OLD_...} values do).
   */
  private static String replayKey(Translation t) {
    SessionCommand cmd = t.session();
    return switch (cmd.type()) {
      case SET_USER_VARIABLE, SET_SESSION_VARIABLE -> cmd.type() + ":" + cmd.argument();
      case SET_FOREIGN_KEY_CHECKS -> cmd.type() + ":" + t.mysqlSql();
      default -> cmd.type().name();
    };
  }

  /**
   * {@code SET FOREIGN_KEY_CHECKS}: MySQL's session setting, and on PostgreSQL the session
   * replication role under which foreign-key triggers do not fire (so rows MySQL accepts without
   * their parents are mirrored too). A value MySQL computes ({@code = @OLD_FOREIGN_KEY_CHECKS}) is
   * read back from MySQL. PostgreSQL may refuse the role to a user that is neither a superuser nor
   * granted {@code SET ON PARAMETER session_replication_role}: that never fails the application
   * (MySQL accepts the statement from anyone), its checks stay on and it is recorded once.
   */
  private boolean runForeignKeyChecks(Translation t, Bind[] binds, SessionCommand cmd)
      throws SQLException {
    Side auth = ctx.authoritativeSide();
    boolean usesMysql = ctx.phase().usesMysql();
    boolean result = false;
    results.updateCount(0);
    if (usesMysql) {
      ctx.sides().rememberSessionSql(Side.MYSQL, replayKey(t), t.mysqlSql());
      if (ctx.sides().isOpen(Side.MYSQL) || auth == Side.MYSQL) {
        result = executeOn(Side.MYSQL, t, binds);
      }
    }
    String pgSql = t.postgresSql();
    if (pgSql == null) {
      boolean on = true;
      if (usesMysql) {
        try (Statement s = ctx.sides().get(Side.MYSQL).createStatement();
            ResultSet rs = s.executeQuery("SELECT @@SESSION.foreign_key_checks")) {
          on = !rs.next() || rs.getInt(1) != 0;
        }
      }
      pgSql = SessionCommand.foreignKeyChecksOnPostgres(on);
    }
    ctx.sides().rememberBestEffortSessionSql(Side.POSTGRES, cmd.type().name(), pgSql);
    Connection pg =
        auth == Side.POSTGRES ? ctx.sides().get(Side.POSTGRES) : ctx.sides().ifOpen(Side.POSTGRES);
    if (pg == null || !(auth == Side.POSTGRES || ctx.phase().mirrorsWrites())) {
      return result;
    }
    long start = System.nanoTime();
    try {
      // pgjdbc's autosave=always keeps a refusal from aborting an open transaction
      String role = pgSql;
      if (auth == Side.POSTGRES) {
        vendor.plainOn(Side.POSTGRES, pg).execute(role);
      } else {
        ctx.runMirrored(pg, vendor, (c, st) -> st.plainOn(Side.POSTGRES, c).execute(role));
      }
      ctx.health().success(Side.POSTGRES, System.nanoTime() - start);
    } catch (SQLException e) {
      boolean denied = "42501".equals(e.getSQLState());
      if (auth == Side.POSTGRES && !denied) {
        throw e;
      }
      if (denied && pgSql.equals(SessionCommand.foreignKeyChecksOnPostgres(true))) {
        // a user that may not set the role never left the default: checks are on already
        return auth == Side.MYSQL && result;
      }
      ctx.records().foreignKeyChecksKept(t, e);
    }
    return auth == Side.MYSQL && result;
  }

  /** Session statements with a PostgreSQL equivalent (e.g. SET time_zone): both sides. */
  private boolean runOnBoth(Translation t, Bind[] binds, SessionCommand cmd) throws SQLException {
    Side auth = ctx.authoritativeSide();
    Side other = auth.other();
    if (t.postgresSql() == null && auth == Side.POSTGRES) {
      throw Refusals.onPostgres(t);
    }
    boolean result = executeOn(auth, t, binds);
    if (cmd.type() == SessionCommand.Type.SET_TIME_ZONE) {
      ctx.sessionClock().invalidate();
    }
    // Replayed on a side that opens later, so both sessions keep the same settings.
    ctx.sides().rememberSessionSql(Side.MYSQL, replayKey(t), t.mysqlSql());
    if (t.postgresSql() != null) {
      ctx.sides().rememberSessionSql(Side.POSTGRES, replayKey(t), t.postgresSql());
    }
    Connection oc = ctx.sides().ifOpen(other);
    if (oc != null && ctx.phase().mirrorsWrites()) {
      String otherSql = other == Side.MYSQL ? t.mysqlSql() : t.postgresSql();
      if (otherSql == null) {
        ctx.records().untranslatableSession(t);
      } else {
        long start = System.nanoTime();
        try {
          SideSql sql = plain(t, other, binds);
          Bind[] kept = binds == null ? null : binds.clone();
          ctx.runMirrored(
              oc, vendor, (c, st) -> mirror.execute(other, c, st, sql, kept, null, null));
          ctx.health().success(other, System.nanoTime() - start);
        } catch (SQLException e) {
          ctx.mirrorFailed(other, System.nanoTime() - start, e);
          ctx.records().mirrorFailed(t.mysqlSql(), other, e, Set.of(), java.util.List.of(), false);
        }
      }
    }
    return result;
  }

  /** A session statement's SQL on {@code side}, never pinned. */
  private static SideSql plain(Translation t, Side side, Bind[] binds) {
    return side == Side.MYSQL
        ? new SideSql(t.mysqlSql(), Binder.identity(binds), null)
        : new SideSql(t.postgresSql(), t.parameterMap(), null, t);
  }

  /** Runs on one side and keeps its result as this statement's result. */
  private boolean executeOn(Side side, Translation t, Bind[] binds) throws SQLException {
    SideSql sql = plain(t, side, binds);
    Connection c = ctx.sides().get(side);
    boolean isResult;
    Statement ran;
    if (binds == null || !Binder.hasParameters(sql.sources())) {
      ran = vendor.plainOn(side, c);
      isResult = ran.execute(sql.sql());
    } else {
      PreparedStatement ps = vendor.preparedOn(side, c, sql.sql(), false, null);
      Binder.apply(ps, binds, sql, side, ctx.postgresGetsWholeSeconds());
      isResult = ps.execute();
      ran = ps;
    }
    vendor.ran(ran);
    if (isResult) {
      results.resultSet(ran.getResultSet(), side, t);
    } else {
      results.updateCount(ran.getLargeUpdateCount());
    }
    return isResult;
  }
}
