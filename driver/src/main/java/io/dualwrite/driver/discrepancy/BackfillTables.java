package io.dualwrite.driver.discrepancy;

import io.dualwrite.driver.Phase.Side;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The tables {@code dualwrite-admin backfill} is still copying from MySQL to PostgreSQL, as the
 * control store says (table {@code dualwrite_backfill}; contract section 4). While a table is in
 * this set:
 *
 * <ul>
 *   <li>its reads are never served by PostgreSQL, nor compared: its rows there are incomplete;
 *   <li>a mirrored write to it alone that changed fewer rows on PostgreSQL than on MySQL is not a
 *       discrepancy: the rows it missed are not copied yet, and the backfill copies them, under
 *       MySQL's row locks, as MySQL has them after the write (docs/consistency.md, "Backfill").
 * </ul>
 *
 * <p>Replaced as a whole by the control agent at every refresh; read on the statement path without
 * locks (a volatile immutable set).
 */
public final class BackfillTables {
  private volatile Set<String> incomplete = Set.of();

  /** Replaces the set (names as the control store holds them; compared in lower case). */
  public void replaceWith(Collection<String> tables) {
    java.util.HashSet<String> next = new java.util.HashSet<>();
    for (String t : tables) {
      next.add(t.toLowerCase(Locale.ROOT));
    }
    incomplete = Set.copyOf(next);
  }

  public boolean isEmpty() {
    return incomplete.isEmpty();
  }

  /** The tables being backfilled. */
  public Set<String> tables() {
    return incomplete;
  }

  /** Whether any of {@code tables} (as the rewriter names them) is being backfilled. */
  public boolean anyIncomplete(Collection<String> tables) {
    Set<String> now = incomplete;
    if (now.isEmpty() || tables == null) {
      return false;
    }
    for (String t : tables) {
      if (now.contains(unqualified(t))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a row count difference of a mirrored write is explained by the backfill: MySQL is
   * authoritative, PostgreSQL changed fewer rows, the statement writes tables that are all being
   * backfilled and reads no other table that is (its values then come from rows of that table
   * alone, which the backfill copies as MySQL has them).
   */
  public boolean explainsFewerRows(
      Side authoritative,
      long authCount,
      long otherCount,
      Collection<String> written,
      Collection<String> read) {
    Set<String> now = incomplete;
    if (now.isEmpty()
        || authoritative != Side.MYSQL
        || otherCount < 0
        || otherCount >= authCount
        || written == null
        || written.isEmpty()) {
      return false;
    }
    for (String t : written) {
      if (!now.contains(unqualified(t))) {
        return false;
      }
    }
    if (read != null) {
      for (String t : read) {
        if (!written.contains(t) && now.contains(unqualified(t))) {
          return false;
        }
      }
    }
    return true;
  }

  private static String unqualified(String table) {
    String t = table.toLowerCase(Locale.ROOT);
    int dot = t.lastIndexOf('.');
    return dot >= 0 ? t.substring(dot + 1) : t;
  }
}
