package io.dualwrite.admin.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * One bound of a primary-key range in the form MySQL's range optimiser reads as a range of the
 * primary key index: after a key, {@code (k1 > ?) OR (k1 = ? AND k2 > ?) ...}; up to a key (itself
 * included), {@code (k1 < ?) OR (k1 = ? AND k2 < ?) ... OR (k1 = ? AND k2 = ?)}. A single-column
 * key is a plain comparison, which PostgreSQL reads the same way. Used by verify's checksum ranges
 * and by the backfill's chunks and key-range parts.
 */
public final class KeyBound {
  private KeyBound() {}

  /**
   * The bound over {@code columns} (quoted names, in key order): {@code upTo} false, the keys after
   * the bound; true, the keys up to and including it. Its marks are bound by {@link #bindOrder}.
   */
  public static String sql(List<String> columns, boolean upTo) {
    int n = columns.size();
    if (n == 1) {
      return columns.get(0) + (upTo ? " <= ?" : " > ?");
    }
    String strict = upTo ? " < ?" : " > ?";
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "(" : " OR (");
      for (int j = 0; j < i; j++) {
        b.append(columns.get(j)).append(" = ? AND ");
      }
      b.append(columns.get(i)).append(strict).append(")");
    }
    if (upTo) {
      b.append(" OR (");
      for (int j = 0; j < n; j++) {
        b.append(j == 0 ? "" : " AND ").append(columns.get(j)).append(" = ?");
      }
      b.append(")");
    }
    return b.append(")").toString();
  }

  /** Which key column each mark of {@link #sql} takes, in order (0 is the first key column). */
  public static List<Integer> bindOrder(int keyColumns, boolean upTo) {
    List<Integer> out = new ArrayList<>();
    if (keyColumns == 1) {
      out.add(0);
      return out;
    }
    for (int i = 0; i < keyColumns; i++) {
      for (int j = 0; j <= i; j++) {
        out.add(j);
      }
    }
    if (upTo) {
      for (int j = 0; j < keyColumns; j++) {
        out.add(j);
      }
    }
    return out;
  }
}
