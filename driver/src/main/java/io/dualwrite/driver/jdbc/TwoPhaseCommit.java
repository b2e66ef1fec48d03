package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.runtime.PreparedTransactions;
import io.dualwrite.driver.vendor.PostgresAutosave;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The commit of a transaction in {@code PG_PRIMARY} when PostgreSQL allows prepared transactions.
 * The other side (MySQL) commits before the authoritative one, so that no write after this
 * transaction can reach MySQL before it (see {@link DualWriteConnection#commit}); but PostgreSQL
 * may still refuse its own commit (a {@code SERIALIZABLE} conflict, {@code 40001}; a deferred
 * constraint), and MySQL would keep a transaction PostgreSQL never had. So PostgreSQL decides first
 * and commits last:
 *
 * <ol>
 *   <li>{@code PREPARE TRANSACTION}: PostgreSQL makes every check of a commit and keeps the
 *       transaction, and its row locks, durably. If it refuses, the transaction is rolled back
 *       there; MySQL's is rolled back too, and the application gets PostgreSQL's error (as MySQL's
 *       {@code 40001}/1213 for a serialization failure), with both sides as before.
 *   <li>MySQL commits (a failure there is the other side's: recorded, with drift).
 *   <li>{@code COMMIT PREPARED}: cannot be refused. If the connection breaks first, the application
 *       gets {@code 08007} (resolution unknown) and a surviving instance commits the transaction
 *       later ({@link PreparedTransactions#commitLeftBehind}).
 * </ol>
 *
 * <p>Costs one round trip and one more WAL flush on PostgreSQL per transaction that wrote.
 */
final class TwoPhaseCommit {
  private TwoPhaseCommit() {}

  /**
   * Prepares the transaction open on {@code postgres} and returns its name, or null when the server
   * does not allow prepared transactions (the plain commit order applies). If PostgreSQL refuses,
   * its transaction is rolled back and PostgreSQL's error is thrown; the caller rolls the other
   * side back and gives the error to the application in MySQL's terms.
   */
  static String prepare(Connection postgres, PreparedTransactions prepared) throws SQLException {
    if (!prepared.allowed(postgres)) {
      return null;
    }
    String gid = prepared.newGid();
    try {
      PostgresAutosave.without(
          postgres,
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute("PREPARE TRANSACTION '" + gid + "'");
            }
            return null;
          });
    } catch (SQLException e) {
      try {
        postgres.rollback(); // PREPARE's failure already rolled it back: ends pgjdbc's view too
      } catch (SQLException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    return gid;
  }

  /** Commits the prepared transaction {@code gid}; 08007 if it could not. */
  static void commitPrepared(Connection postgres, String gid, long orphanAfterMillis)
      throws SQLException {
    try {
      PreparedTransactions.commitPrepared(postgres, gid);
    } catch (SQLException e) {
      throw new SQLException(
          "PostgreSQL's COMMIT PREPARED failed ("
              + e.getSQLState()
              + "): the transaction is prepared there and committed on MySQL; a dualwrite instance"
              + " in PG_PRIMARY commits it once it is "
              + orphanAfterMillis / 1000
              + " s old",
          "08007",
          e);
    }
  }
}
