package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A string of several statements ({@code allowMultiQueries=true}), which the rewriter refuses as a
 * whole: with MySQL authoritative it runs there as sent, every result reaching the application as
 * Connector/J gives it ({@code getMoreResults()} moves through them), and when it writes it is
 * recorded with drift on every table, since none of it reached PostgreSQL. Never half mirrored.
 * With PostgreSQL authoritative it is refused.
 *
 * <p>A stored procedure call ({@code CALL p(...)}) run by {@code executeQuery} or {@code execute}
 * takes the same path, since a routine's results are several too: it runs on MySQL as sent, {@code
 * executeQuery} answers with MySQL's own {@code executeQuery} result (the first result set) and
 * {@code getMoreResults()} moves through the rest, as with Connector/J; it is recorded as every
 * routine call is ({@link StatementRecords#routineCallNotMirrored}).
 *
 * <p>Not thread-safe, like the JDBC statement it serves.
 */
final class MultiStatementPath {
  private final StatementContext ctx;
  private final VendorStatements vendor;
  private final StatementResults results;

  /** The MySQL statement whose further results the application may still read; else null. */
  private Statement open;

  private Translation current;

  MultiStatementPath(StatementContext ctx, VendorStatements vendor, StatementResults results) {
    this.ctx = ctx;
    this.vendor = vendor;
    this.results = results;
  }

  /**
   * Runs the statements, or the routine call; returns whether the first result is a result set.
   *
   * @param wantsKeys the application asked for generated keys (a routine call's are Connector/J's)
   * @param query a routine call run by {@code executeQuery}: so is MySQL's statement, and its
   *     answer is the application's (for a call that gives no result set, Connector/J's result that
   *     cannot be read)
   */
  boolean run(Translation t, Bind[] binds, boolean wantsKeys, boolean query) throws SQLException {
    open = null;
    boolean call = WritePath.isRoutineCall(t);
    boolean keys = call && wantsKeys;
    boolean asQuery = call && query;
    boolean writes = !call && t.kind() != StatementKind.SELECT;
    if (ctx.authoritativeSide() == Side.POSTGRES) {
      ctx.records().untranslatableWrite(t, false);
      throw Refusals.onPostgres(t);
    }
    Connection mysql = ctx.sides().get(Side.MYSQL);
    SideSql sql = SideSql.of(t, Side.MYSQL, binds, null);
    Statement ran;
    boolean isResult;
    ResultSet queried = null;
    try {
      if (!sql.binds(binds)) {
        ran = vendor.plainOn(Side.MYSQL, mysql);
        if (asQuery) {
          queried = ran.executeQuery(sql.sql());
          isResult = true;
        } else {
          isResult =
              keys
                  ? ran.execute(sql.sql(), Statement.RETURN_GENERATED_KEYS)
                  : ran.execute(sql.sql());
        }
      } else {
        PreparedStatement ps = vendor.preparedOn(Side.MYSQL, mysql, sql.sql(), keys, null);
        Binder.apply(ps, binds, sql.sources(), null, Side.MYSQL, false);
        if (asQuery) {
          queried = ps.executeQuery();
          isResult = true;
        } else {
          isResult = ps.execute();
        }
        ran = ps;
      }
    } finally {
      if (writes) {
        // some of the statements may have run before one failed: none of them is mirrored
        ctx.noteWrite(Set.of());
        ctx.records().untranslatableWrite(t, ctx.phase().mirrorsWrites());
      }
    }
    vendor.ran(ran);
    if (call) {
      // as every routine call: recorded once it ran, drift on every table while mirroring
      ctx.noteWrite(t.tablesWritten());
      if (ctx.phase().mirrorsWrites()) {
        ctx.records().routineCallNotMirrored(t.mysqlSql());
      }
    }
    open = ran;
    current = t;
    if (queried != null) {
      results.resultSet(queried, Side.MYSQL, t);
    } else {
      keep(isResult);
    }
    return isResult;
  }

  /** Whether the last run left results to move through. */
  boolean hasMoreResults() {
    return open != null;
  }

  /** {@link Statement#getMoreResults(int)} on the MySQL statement, kept as the current result. */
  boolean moreResults(int current) throws SQLException {
    boolean isResult = open.getMoreResults(current);
    keep(isResult);
    return isResult;
  }

  private void keep(boolean isResult) throws SQLException {
    if (isResult) {
      results.resultSet(open.getResultSet(), Side.MYSQL, current);
    } else {
      results.clear();
      results.updateCount(open.getLargeUpdateCount());
      if (open.getLargeUpdateCount() == -1) {
        open = null;
      }
    }
  }

  /** Forgets the statement (the application ran another one). */
  void forget() {
    open = null;
  }
}
