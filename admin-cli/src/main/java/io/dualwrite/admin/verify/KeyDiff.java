package io.dualwrite.admin.verify;

import java.util.List;
import java.util.Map;

/**
 * One differing key (or, for a table without a primary key, one differing row).
 *
 * @param key the primary key values as {@link KeyText}, in key order; empty without a primary key
 * @param columns for CHANGED, the columns whose values differ (MySQL's names)
 * @param mysql values on MySQL as text, by column; empty unless values were asked for
 * @param postgres values on PostgreSQL as text, by column; empty unless values were asked for
 */
public record KeyDiff(
    Kind kind,
    List<String> key,
    List<String> columns,
    Map<String, String> mysql,
    Map<String, String> postgres) {

  /** What differs. */
  public enum Kind {
    /** On MySQL, not on PostgreSQL. */
    MISSING,
    /** On PostgreSQL only. */
    EXTRA,
    /** On both, with different values. */
    CHANGED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
