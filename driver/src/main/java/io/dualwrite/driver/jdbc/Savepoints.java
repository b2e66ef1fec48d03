package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.vendor.PostgresAutosave;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Savepoint calls on either vendor's connection. On PostgreSQL, dualwrite runs with pgjdbc's {@code
 * autosave=always} (a failed statement does not abort the transaction, as in MySQL); pgjdbc then
 * wraps every statement, savepoint commands included, in its own savepoint and releases it
 * afterwards, which would also destroy a savepoint the application just set. So application
 * savepoints are set, rolled back to and released with autosave off for that one call ({@link
 * PostgresAutosave}: pgjdbc's API stays in {@code vendor}).
 */
final class Savepoints {
  private Savepoints() {}

  static <T> T withoutAutosave(Connection c, PostgresAutosave.ConnectionCall<T> call)
      throws SQLException {
    return PostgresAutosave.without(c, call);
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
