package io.dualwrite.driver.control;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables this runtime wrote recently, which its heartbeat publishes in {@code
 * dualwrite_instances.written_tables} so that, if the process dies without a clean stop, the fleet
 * or {@code dualwrite-admin} knows which tables it may have left different (docs/consistency.md,
 * "Where a crash can leave the sides different").
 *
 * <p>The application thread only adds names to a set under a short lock (no I/O); when a table is
 * not in the set last handed to the store, the listener (the control agent) is told, and publishes
 * it at once from its own thread. A heartbeat publishes the tables written in the current and the
 * previous refresh interval, so a table stays published for at least one whole interval after its
 * last write. Bounded: beyond {@value #MAX_TABLES} tables the set becomes {@code ["*"]} (every
 * table).
 */
public final class WrittenTables {
  /** Distinct tables kept before the whole database is named instead. */
  public static final int MAX_TABLES = 1000;

  /** Stands for every table. */
  public static final String ALL = "*";

  private Set<String> current = new HashSet<>();
  private Set<String> previous = new HashSet<>();
  private Set<String> handedOut = Set.of();
  private volatile Runnable listener = () -> {};

  /** Called (on the writing thread, must not block) when a write names a table not published. */
  void onNewTable(Runnable listener) {
    this.listener = listener == null ? () -> {} : listener;
  }

  /** Notes a write to {@code tables} (application thread: a short lock, no I/O). */
  public void noteWrite(Collection<String> tables) {
    if (tables == null || tables.isEmpty()) {
      return;
    }
    boolean fresh = false;
    synchronized (this) {
      for (String t : tables) {
        String name = t;
        if (!current.contains(name) && current.size() >= MAX_TABLES) {
          name = ALL;
        }
        current.add(name);
        if (!handedOut.contains(name) && !handedOut.contains(ALL)) {
          fresh = true;
        }
      }
    }
    if (fresh) {
      listener.run();
    }
  }

  /**
   * For a heartbeat: the tables of the previous and current interval, sorted; then a new interval
   * starts.
   */
  synchronized List<String> rotate() {
    List<String> out = snapshot();
    previous = current;
    current = new HashSet<>();
    return out;
  }

  /** For an announcement between heartbeats: the same set, without starting a new interval. */
  synchronized List<String> peek() {
    return snapshot();
  }

  private List<String> snapshot() {
    Set<String> all = new TreeSet<>(previous);
    all.addAll(current);
    if (all.contains(ALL) || all.size() > MAX_TABLES) {
      all = Set.of(ALL);
    }
    handedOut = Set.copyOf(all);
    return List.copyOf(all);
  }
}
