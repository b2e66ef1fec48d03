package io.dualwrite.driver.control;

import java.time.Instant;

/**
 * One row of {@code dualwrite_drift}: a table, and a row key in it, whose rows may differ between
 * the sides. An empty {@code key} means the whole table (the key was not known, too long, or the
 * table had too many drifted keys to list).
 *
 * @param key the primary key value as text (String.valueOf of the generated or written key), or ""
 * @param lastSeen database clock; pass {@code ControlStore.databaseNow()} taken before a repair to
 *     {@code clearDrift} so drift opened during the repair is kept
 */
public record DriftEntry(
    String table, String key, Instant firstSeen, Instant lastSeen, String instance) {

  public boolean wholeTable() {
    return key.isEmpty();
  }
}
