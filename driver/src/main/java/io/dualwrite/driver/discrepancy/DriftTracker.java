package io.dualwrite.driver.discrepancy;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables (and, when known, keys) whose rows may differ between the sides because a mirrored
 * write failed or was skipped (contract section 5). Reads of a drifted table are served by the
 * authoritative side until the drift is repaired.
 *
 * <p>Keys are kept up to {@link #MAX_KEYS_PER_TABLE} per table; past that the whole table is
 * considered drifted (which it already is for routing).
 */
public final class DriftTracker {
  public static final int MAX_KEYS_PER_TABLE = 10_000;

  /**
   * The drift entry for a write that names no table (it could not be parsed): every table may
   * differ, so every read stays on the authoritative side until it is repaired.
   */
  public static final String ALL_TABLES = "*";

  private final Map<String, Set<String>> keysByTable = new ConcurrentHashMap<>();
  private volatile boolean empty = true;

  public void open(Collection<String> tables, Collection<String> keys) {
    for (String table : tables) {
      Set<String> set = keysByTable.computeIfAbsent(table, t -> ConcurrentHashMap.newKeySet());
      for (String key : keys) {
        if (set.size() >= MAX_KEYS_PER_TABLE) {
          break;
        }
        set.add(key);
      }
    }
    if (!tables.isEmpty()) {
      empty = false;
    }
  }

  /** Whether any of {@code tables} has open drift. Cheap when there is no drift at all. */
  public boolean anyDrifted(Collection<String> tables) {
    if (empty) {
      return false;
    }
    if (keysByTable.containsKey(ALL_TABLES)) {
      return true;
    }
    for (String table : tables) {
      if (keysByTable.containsKey(table)) {
        return true;
      }
    }
    return false;
  }

  /** How many tables have open drift. */
  public int size() {
    return keysByTable.size();
  }

  public boolean isEmpty() {
    return empty;
  }

  /** The drifted tables with the keys known for each (an empty set: the key is not known). */
  public Map<String, Set<String>> snapshot() {
    Map<String, Set<String>> copy = new java.util.TreeMap<>();
    keysByTable.forEach((table, keys) -> copy.put(table, Set.copyOf(keys)));
    return copy;
  }

  /** Marks a table repaired. */
  public void clear(String table) {
    keysByTable.remove(table);
    empty = keysByTable.isEmpty();
  }

  /** Replaces the local view with the fleet's (from the control store). */
  public void replaceWith(Map<String, ? extends Collection<String>> drift) {
    keysByTable.keySet().retainAll(drift.keySet());
    drift.forEach(
        (table, keys) -> {
          Set<String> set = keysByTable.computeIfAbsent(table, t -> ConcurrentHashMap.newKeySet());
          set.addAll(keys);
        });
    empty = keysByTable.isEmpty();
  }
}
