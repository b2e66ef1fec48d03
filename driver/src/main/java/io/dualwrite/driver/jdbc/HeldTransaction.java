package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The authoritative side's row locks held until a write is mirrored. In autocommit mode the
 * authoritative side would commit, and release its row locks, before the mirror runs; another
 * connection could then change the same row on both sides in between, and the two databases would
 * apply the changes in different orders (for {@code v = v + 1} after a repair, or two absolute
 * updates, the rows end different). So a mirrored autocommit write runs in a transaction on the
 * authoritative side that commits once the mirror ran: the row locks order writers the same way on
 * both sides, as they do inside application transactions. Costs two round trips on MySQL ({@code
 * SET autocommit=0/1}), one on PostgreSQL ({@code COMMIT}).
 */
final class HeldTransaction {
  private HeldTransaction() {}

  /**
   * Whether a write is held: every write. Even a plain {@code INSERT ... VALUES}: were its
   * authoritative commit to come before its mirror, another connection could update or delete the
   * new row on the authoritative side and mirror that before the row exists on the other side.
   */
  static boolean held(Translation t) {
    return t.kind().isWrite();
  }

  /**
   * Opens the held transaction when the connection is autocommitting. In {@code PG_PRIMARY} at
   * {@code SERIALIZABLE}, PostgreSQL may refuse the held transaction's own commit after MySQL
   * committed the mirror; there the mirror runs in a MySQL transaction too, committed only once
   * PostgreSQL prepared ({@link TwoPhaseCommit}).
   *
   * @return whether a transaction was opened
   */
  static boolean begin(StatementContext ctx, Connection authConn) throws SQLException {
    if (!ctx.autoCommitting()) {
      return false;
    }
    authConn.setAutoCommit(false);
    if (ctx.authoritativeSide() == Side.POSTGRES
        && ctx.sides().isolationOf(Side.POSTGRES) == Connection.TRANSACTION_SERIALIZABLE
        && ctx.preparedTransactions().allowed(authConn)) {
      Connection mirror = ctx.mirrorConnection();
      if (mirror != null) {
        mirror.setAutoCommit(false);
      }
    }
    return true;
  }

  /** The MySQL mirror's own held transaction ({@link #begin}), or null. */
  private static Connection mirrorTransaction(StatementContext ctx, Side auth) throws SQLException {
    if (auth != Side.POSTGRES) {
      return null;
    }
    Connection mirror = ctx.sides().ifOpen(Side.MYSQL);
    return mirror != null && !mirror.getAutoCommit() ? mirror : null;
  }

  /**
   * Ends the held transaction after the write failed. MySQL keeps what autocommit would have kept
   * (a statement is atomic on its own, a batch keeps its rows that succeeded), while PostgreSQL's
   * transaction is aborted and rolled back, as its implicit transaction would have been. A failure
   * to end it is added to {@code cause}.
   */
  static void endFailed(StatementContext ctx, Side auth, Connection authConn, Exception cause) {
    try {
      Connection mirror = mirrorTransaction(ctx, auth);
      if (mirror != null) {
        mirror.rollback(); // nothing was mirrored: the authoritative write failed
        mirror.setAutoCommit(true);
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    try {
      if (auth == Side.POSTGRES) {
        authConn.rollback();
      }
      authConn.setAutoCommit(true); // commits
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Ends the held transaction when the write succeeded but what follows it on the authoritative
   * side failed before the mirror ran (reading back the inserted rows, say, refused by PostgreSQL
   * with {@code 40001}, which pgjdbc's autosave confines to that read). The application hears the
   * failure, so the write must not stay: both sides roll back. A failure to roll back is added to
   * {@code cause}.
   */
  static void rollback(StatementContext ctx, Side auth, Connection authConn, Exception cause) {
    try {
      Connection mirror = mirrorTransaction(ctx, auth);
      if (mirror != null) {
        mirror.rollback();
        mirror.setAutoCommit(true);
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    try {
      authConn.rollback();
      authConn.setAutoCommit(true);
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Commits the held transaction after the mirror ran; a failed commit there leaves drift. */
  static void commit(StatementContext ctx, Translation t, Side auth, Connection authConn)
      throws SQLException {
    Connection mirror = mirrorTransaction(ctx, auth);
    if (mirror != null) {
      commitBothPrepared(ctx, t, authConn, mirror);
      return;
    }
    try {
      authConn.setAutoCommit(true); // commits
    } catch (SQLException e) {
      ctx.records().heldCommitFailed(t, auth, e);
      throw e;
    }
  }

  /**
   * PostgreSQL prepares; if it refuses, MySQL's copy is rolled back and the refusal is the
   * statement's error (both sides as before). Else MySQL commits, then PostgreSQL.
   */
  private static void commitBothPrepared(
      StatementContext ctx, Translation t, Connection authConn, Connection mirror)
      throws SQLException {
    String gid;
    try {
      gid = TwoPhaseCommit.prepare(authConn, ctx.preparedTransactions());
    } catch (SQLException refused) {
      try {
        mirror.rollback();
        mirror.setAutoCommit(true);
        authConn.setAutoCommit(true);
      } catch (SQLException e) {
        refused.addSuppressed(e);
      }
      throw refused;
    }
    try {
      mirror.commit();
    } catch (SQLException e) {
      ctx.mirrorFailed(Side.MYSQL, 0, e);
      ctx.records().transactionControlFailed(t.mysqlSql(), Side.MYSQL, e, true, t.tablesWritten());
    } finally {
      try {
        if (!mirror.isClosed()) {
          mirror.setAutoCommit(true);
        }
      } catch (SQLException e) {
        // a broken connection: the next statement opens a new one
      }
    }
    try {
      if (gid != null) {
        TwoPhaseCommit.commitPrepared(
            authConn, gid, ctx.preparedTransactions().orphanAfterMillis());
      }
      authConn.setAutoCommit(true); // commits what is still open (nothing once prepared)
    } catch (SQLException e) {
      ctx.records().heldCommitFailed(t, Side.POSTGRES, e);
      throw e;
    }
  }
}
