package io.dualwrite.driver.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * Savepoint calls on either vendor's connection. On PostgreSQL, dualwrite runs with pgjdbc's {@code
 * autosave=always} (a failed statement does not abort the transaction, as in MySQL); pgjdbc then
 * wraps every statement, savepoint commands included, in its own savepoint and releases it
 * afterwards, which would also destroy a savepoint the application just set. So application
 * savepoints are set, rolled back to and released with autosave off for that one call.
 */
final class Savepoints {
  private Savepoints() {}

  interface SavepointCall<T> {
    T call(Connection c) throws SQLException;
  }

  static <T> T withoutAutosave(Connection c, SavepointCall<T> call) throws SQLException {
    PGConnection pg = c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class) : null;
    if (pg == null || pg.getAutosave() == AutoSave.NEVER) {
      return call.call(c);
    }
    AutoSave before = pg.getAutosave();
    pg.setAutosave(AutoSave.NEVER);
    try {
      return call.call(c);
    } finally {
      pg.setAutosave(before);
    }
  }

  static Savepoint set(Connection c, String name) throws SQLException {
    return withoutAutosave(c, x -> name == null ? x.setSavepoint() : x.setSavepoint(name));
  }

  static void rollback(Connection c, Savepoint sp) throws SQLException {
    withoutAutosave(
        c,
        x -> {
          x.rollback(sp);
          return null;
        });
  }

  static void release(Connection c, Savepoint sp) throws SQLException {
    withoutAutosave(
        c,
        x -> {
          x.releaseSavepoint(sp);
          return null;
        });
  }
}
