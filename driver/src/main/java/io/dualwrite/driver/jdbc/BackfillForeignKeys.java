package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.discrepancy.BackfillTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A mirrored write PostgreSQL refused for a foreign key ({@code 23503}) while {@code
 * dualwrite-admin backfill} copies one of the key's two tables. MySQL checked the same key and
 * accepted the write, so PostgreSQL lacks the parent row (or still has child rows MySQL deleted)
 * only because those rows are not copied yet: the write is run again with PostgreSQL's foreign-key
 * triggers off for it alone ({@code session_replication_role = replica}, what {@code SET
 * FOREIGN_KEY_CHECKS = 0} is mirrored as), and the backfill brings the missing rows
 * (docs/consistency.md, "Backfill").
 */
final class BackfillForeignKeys {
  private BackfillForeignKeys() {}

  /** An action that may throw, run with the checks off. */
  interface Action {
    void run() throws SQLException;
  }

  static boolean explains(SQLException e, Connection pg, BackfillTables backfill, Side auth) {
    if (auth != Side.MYSQL
        || backfill.isEmpty()
        || !"23503".equals(e.getSQLState())
        || !(e instanceof PSQLException p)) {
      return false;
    }
    ServerErrorMessage m = p.getServerErrorMessage();
    if (m == null || m.getConstraint() == null) {
      return false;
    }
    try {
      if (pg.getAutoCommit() == false && !autosaves(pg)) {
        return false; // the transaction is aborted: the usual path replays it
      }
      List<String> tables = new ArrayList<>();
      try (PreparedStatement ps =
          pg.prepareStatement(
              "SELECT c.relname, f.relname FROM pg_constraint k JOIN pg_class c ON c.oid ="
                  + " k.conrelid JOIN pg_class f ON f.oid = k.confrelid WHERE k.conname = ? AND"
                  + " k.contype = 'f'")) {
        ps.setString(1, m.getConstraint());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.add(rs.getString(1));
            tables.add(rs.getString(2));
          }
        }
      }
      return backfill.anyIncomplete(tables);
    } catch (SQLException lookup) {
      return false;
    }
  }

  private static boolean autosaves(Connection pg) {
    try {
      return pg.unwrap(org.postgresql.PGConnection.class).getAutosave()
          == org.postgresql.jdbc.AutoSave.ALWAYS;
    } catch (SQLException e) {
      return false;
    }
  }

  static void runUnchecked(Connection pg, Action action) throws SQLException {
    String before;
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SHOW session_replication_role")) {
      before = rs.next() ? rs.getString(1) : "origin";
    }
    try (Statement s = pg.createStatement()) {
      s.execute("SET session_replication_role = replica");
    }
    try {
      action.run();
    } finally {
      try (Statement s = pg.createStatement()) {
        s.execute(
            "SET session_replication_role = "
                + ("replica".equals(before) || "local".equals(before) ? before : "origin"));
      }
    }
  }
}
