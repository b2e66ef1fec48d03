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
   * Opens the held transaction when the connection is autocommitting.
   *
   * @return whether a transaction was opened
   */
  static boolean begin(StatementContext ctx, Connection authConn) throws SQLException {
    if (!ctx.autoCommitting()) {
      return false;
    }
    authConn.setAutoCommit(false);
    return true;
  }

  /**
   * Ends the held transaction after the write failed. MySQL keeps what autocommit would have kept
   * (a statement is atomic on its own, a batch keeps its rows that succeeded), while PostgreSQL's
   * transaction is aborted and rolled back, as its implicit transaction would have been. A failure
   * to end it is added to {@code cause}.
   */
  static void endFailed(Side auth, Connection authConn, Exception cause) {
    try {
      if (auth == Side.POSTGRES) {
        authConn.rollback();
      }
      authConn.setAutoCommit(true); // commits
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Commits the held transaction after the mirror ran; a failed commit there leaves drift. */
  static void commit(StatementContext ctx, Translation t, Side auth, Connection authConn)
      throws SQLException {
    try {
      authConn.setAutoCommit(true); // commits
    } catch (SQLException e) {
      ctx.records().heldCommitFailed(t, auth, e);
      throw e;
    }
  }
}
