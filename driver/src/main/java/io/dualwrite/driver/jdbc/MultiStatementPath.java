package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

  /** Runs the statements; returns whether the first result is a result set. */
  boolean run(Translation t, Bind[] binds) throws SQLException {
    open = null;
    boolean writes = t.kind() != StatementKind.SELECT;
    if (ctx.authoritativeSide() == Side.POSTGRES) {
      ctx.records().untranslatableWrite(t, false);
      throw Refusals.onPostgres(t);
    }
    Connection mysql = ctx.sides().get(Side.MYSQL);
    SideSql sql = SideSql.of(t, Side.MYSQL, binds, null);
    Statement ran;
    boolean isResult;
    try {
      if (!sql.binds(binds)) {
        ran = vendor.plainOn(Side.MYSQL, mysql);
        isResult = ran.execute(sql.sql());
      } else {
        PreparedStatement ps = vendor.preparedOn(Side.MYSQL, mysql, sql.sql(), false, null);
        Binder.apply(ps, binds, sql.sources(), null, Side.MYSQL, false);
        isResult = ps.execute();
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
    open = ran;
    current = t;
    keep(isResult);
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
