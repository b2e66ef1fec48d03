package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.mirror.ValuePinner;
import io.dualwrite.rewriter.AutoIncrement;
import io.dualwrite.rewriter.Translation;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepared statement's batch: one batch on the authoritative side, then the rows that succeeded
 * as one batch on the other side ({@link MirrorPath#mirrorBatch}), with per-row update counts
 * compared. Rows of a statement with non-deterministic calls each get their own computed values, as
 * each row is one execution in MySQL.
 *
 * <p>Not thread-safe, like the JDBC statement it serves.
 */
final class BatchPath {
  private final StatementContext ctx;
  private final VendorStatements vendor;
  private final StatementResults results;
  private final MirrorPath mirror;

  BatchPath(
      StatementContext ctx, VendorStatements vendor, StatementResults results, MirrorPath mirror) {
    this.ctx = ctx;
    this.vendor = vendor;
    this.results = results;
    this.mirror = mirror;
  }

  /** Whether the batch must run row by row instead (its rows use {@code LAST_INSERT_ID()}). */
  static boolean needsRowByRow(Translation t) {
    return !t.isRefused() && ValuePinner.needsSession(t.nonDeterministicCalls());
  }

  /** Runs a batch of a statement that returns no result set. */
  long[] run(Translation t, List<Bind[]> rows) throws SQLException {
    Side auth = ctx.authoritativeSide();
    boolean mirrors = ctx.phase().mirrorsWrites();
    if (t.isRefused() && auth == Side.POSTGRES) {
      throw Refusals.onPostgres(t);
    }
    boolean appWantsKeys = vendor.options().appWantsKeys();
    // Ids the application writes itself move PostgreSQL's sequence when it is authoritative, as
    // they move MySQL's AUTO_INCREMENT: a loader that writes ids in batches, then inserts without.
    WritePath.KeyRequest keys = WritePath.KeyRequest.of(ctx, t, appWantsKeys, true);
    Connection authConn = ctx.sides().get(auth);
    List<Object[]> computed = new ArrayList<>(rows.size());
    PreparedStatement ps = prepare(t, rows, authConn, keys, computed);
    long[] counts;
    SQLException failure = null;
    boolean held =
        mirrors
            && !t.isRefused()
            && HeldTransaction.held(t)
            && HeldTransaction.begin(ctx, authConn);
    long start = System.nanoTime();
    try {
      counts = ps.executeLargeBatch();
    } catch (BatchUpdateException e) {
      failure = e;
      counts = e.getLargeUpdateCounts();
    } catch (SQLException | RuntimeException e) {
      if (held) {
        HeldTransaction.endFailed(ctx, auth, authConn, e);
      }
      throw e;
    } finally {
      ctx.metrics().statement(auth, System.nanoTime() - start);
    }
    vendor.ran(ps);
    if (keys.noneExist() && appWantsKeys) {
      results.noGeneratedKeys();
    }
    if (failure != null && held && auth == Side.POSTGRES) {
      // PostgreSQL aborted the transaction: none of the batch stays (as in its implicit
      // transaction in autocommit mode), so there is nothing to mirror.
      HeldTransaction.endFailed(ctx, auth, authConn, failure);
      throw failure;
    }
    try {
      List<Object> generated = keys.wanted() && failure == null ? results.readKeys(ps) : null;
      AutoIncrement ai = t.isRefused() ? null : t.autoIncrement();
      if (auth == Side.POSTGRES && ai != null && ai.suppliedByStatement() && generated != null) {
        ctx.sequences().afterExplicitKeys(authConn, ai.table(), ai.column(), generated);
      }
      ctx.noteWrite(t.tablesWritten());
      if (mirrors) {
        if (t.isRefused()) {
          ctx.records().untranslatableWrite(t, true);
        } else {
          mirror.mirrorBatch(t, rows, computed, counts, generated);
        }
      }
    } catch (SQLException | RuntimeException e) {
      // as in WritePath: the authoritative side failed after the batch, before the mirror ran
      if (held) {
        HeldTransaction.rollback(ctx, auth, authConn, e);
      }
      throw e;
    }
    if (held) {
      HeldTransaction.commit(ctx, t, auth, authConn);
    }
    if (failure != null) {
      throw failure;
    }
    return counts;
  }

  /**
   * The authoritative side's prepared statement with every row added to its batch; each row's
   * computed values are added to {@code computed} for the mirror.
   */
  private PreparedStatement prepare(
      Translation t,
      List<Bind[]> rows,
      Connection authConn,
      WritePath.KeyRequest keys,
      List<Object[]> computed)
      throws SQLException {
    Side auth = ctx.authoritativeSide();
    boolean pinned = !t.isRefused() && t.pinned() != null;
    String sql = SideSql.sqlOf(t, auth);
    PreparedStatement ps = vendor.preparedOn(auth, authConn, sql, keys.wanted(), keys.column());
    for (Bind[] row : rows) {
      Object[] calls = null;
      if (pinned) {
        calls =
            t.nonDeterministicCalls().isEmpty()
                ? new Object[0]
                : ValuePinner.compute(
                    t.nonDeterministicCalls(),
                    ctx.sessionClock().offset(WritePath.mysqlForClock(ctx)));
        computed.add(calls);
      }
      SideSql rowSql = SideSql.of(t, auth, rows.get(0), calls);
      Binder.apply(ps, row, rowSql, auth, ctx.postgresGetsWholeSeconds());
      ps.addBatch();
    }
    return ps;
  }
}
