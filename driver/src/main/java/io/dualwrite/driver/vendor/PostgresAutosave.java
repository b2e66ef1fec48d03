package io.dualwrite.driver.vendor;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * pgjdbc's {@code autosave} switched off for one call. On PostgreSQL, dualwrite runs with {@code
 * autosave=always} (a failed statement does not abort the transaction, as in MySQL); pgjdbc then
 * wraps every statement, savepoint commands included, in its own savepoint and releases it
 * afterwards, which would also destroy a savepoint the application just set. The only place the
 * {@code jdbc} package's savepoint handling meets pgjdbc's API.
 */
public final class PostgresAutosave {
  private PostgresAutosave() {}

  /** One call on a connection. */
  @FunctionalInterface
  public interface ConnectionCall<T> {
    T call(Connection c) throws SQLException;
  }

  /**
   * Runs {@code call} on {@code c} with pgjdbc's autosave off, then restores it; on any other
   * connection (or with autosave already off), just runs it.
   */
  public static <T> T without(Connection c, ConnectionCall<T> call) throws SQLException {
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
}
