package io.dualwrite.driver.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps PostgreSQL's identity sequences ahead of the keys MySQL generated and dualwrite wrote
 * explicitly, so that after a switch to PG_PRIMARY PostgreSQL never generates a key that exists.
 *
 * <p>When a mirrored key passes the ceiling this process last set for the table, the sequence is
 * set to the key plus {@link #HEADROOM} in one statement. The headroom makes bumps rare (one per
 * {@value #HEADROOM} keys per process) and absorbs the race of two processes bumping at once: each
 * sets the sequence above a key it has just written, so it stays above every existing key as long
 * as concurrent keys are less than the headroom apart. Unused sequence values are gaps, as MySQL
 * has too.
 */
public final class SequenceKeeper {
  public static final long HEADROOM = 1000;

  private final Map<String, Long> ceilings = new ConcurrentHashMap<>();

  /**
   * After keys were written explicitly into {@code table.column} on PostgreSQL: bumps its sequence
   * if needed. {@code pg} is the connection that wrote them (same transaction).
   */
  public void afterExplicitKeys(Connection pg, String table, String column, Iterable<Object> keys)
      throws SQLException {
    long max = Long.MIN_VALUE;
    for (Object k : keys) {
      if (k instanceof Number n) {
        max = Math.max(max, n.longValue());
      }
    }
    if (max == Long.MIN_VALUE) {
      return;
    }
    String id = table + "." + column;
    Long ceiling = ceilings.get(id);
    if (ceiling != null && max < ceiling) {
      return;
    }
    long target = max + HEADROOM;
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT setval(pg_get_serial_sequence(?, ?), ?) WHERE pg_get_serial_sequence(?, ?)"
                + " IS NOT NULL")) {
      ps.setString(1, table);
      ps.setString(2, column);
      ps.setLong(3, target);
      ps.setString(4, table);
      ps.setString(5, column);
      ps.execute();
    }
    ceilings.merge(id, target, Math::max);
  }
}
