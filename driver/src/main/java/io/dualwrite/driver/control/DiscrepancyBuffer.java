package io.dualwrite.driver.control;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.DiscrepancySink;
import io.dualwrite.driver.discrepancy.DriftTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The control store's discrepancy sink: what the application's threads hand over, held in memory
 * until the refresh thread writes it (contract section 5; never I/O on the application's thread).
 *
 * <p>Records are aggregated as they arrive, per kind and statement fingerprint: a group keeps the
 * first record as its sample, a count and the last time seen, so a hot statement that mismatches on
 * every call costs one map entry however often it fails. At most {@code maxGroups} groups are held
 * per flush window; a record that would need one more is counted as dropped (by kind) and written
 * as one {@code RECORDS_DROPPED} summary at the next flush, never lost silently.
 *
 * <p>Drift: a record that opened drift (see {@link #opensDrift}) contributes its (table, key)
 * pairs, at most {@code maxDriftKeys} per window; past that, or for a key too long to store, the
 * whole table is marked (key ""), which repairs more but never misses a row.
 *
 * <p>{@link #accept} takes a short lock (no I/O, no allocation beyond a new group); {@link #drain}
 * swaps the contents out under the same lock, so counts are exact.
 */
final class DiscrepancyBuffer implements DiscrepancySink {
  static final String DROPPED_KIND = "RECORDS_DROPPED";
  static final String DROPPED_FINGERPRINT = "records-dropped";

  /** Longest SQL or detail text kept for a sample (and stored). */
  static final int MAX_TEXT = 8000;

  /** Most keys kept on a sample (drift keys are kept separately, all of them). */
  static final int MAX_SAMPLE_KEYS = 100;

  private final int maxGroups;
  private final int maxDriftKeys;
  private final Predicate<Discrepancy> opensDrift;

  private Map<GroupKey, Group> groups = new LinkedHashMap<>();
  private Set<DriftKey> drift = new LinkedHashSet<>();
  private Map<DiscrepancyKind, Long> droppedByKind = new EnumMap<>(DiscrepancyKind.class);
  private Instant firstDropped;
  private Instant lastDropped;
  private long accepted;
  private long droppedTotal;

  /**
   * @param opensDrift whether a record opened drift (the recorder has already told the tracker)
   */
  DiscrepancyBuffer(int maxGroups, int maxDriftKeys, Predicate<Discrepancy> opensDrift) {
    if (maxGroups < 1 || maxDriftKeys < 1) {
      throw new IllegalArgumentException("buffer sizes must be positive");
    }
    this.maxGroups = maxGroups;
    this.maxDriftKeys = maxDriftKeys;
    this.opensDrift = opensDrift;
  }

  /**
   * Whether a record opened drift. The recorder calls {@code drift.open} before the sinks but does
   * not pass its decision on, so it is inferred: the kinds that can open drift (every kind but a
   * compared read's mismatch) when the tracker now holds one of the record's tables. A record that
   * did not open drift on a table that already drifted is then counted as drift too: its keys (or
   * the whole table, for a record without keys) get repaired, which is more work but never a missed
   * row.
   */
  static Predicate<Discrepancy> driftInference(DriftTracker tracker) {
    return d ->
        d.kind() != DiscrepancyKind.READ_MISMATCH
            && !d.tables().isEmpty()
            && tracker.anyDrifted(d.tables());
  }

  @Override
  public void accept(Discrepancy d) {
    boolean drifted = opensDrift.test(d);
    synchronized (this) {
      accepted++;
      GroupKey key = new GroupKey(d.kind().name(), d.fingerprint());
      Group group = groups.get(key);
      if (group != null) {
        group.add(1, d.time());
      } else if (groups.size() < maxGroups) {
        groups.put(key, new Group(trim(d), 1, d.time()));
      } else {
        droppedByKind.merge(d.kind(), 1L, Long::sum);
        droppedTotal++;
        firstDropped = earliest(firstDropped, d.time());
        lastDropped = latest(lastDropped, d.time());
      }
      if (drifted) {
        addDrift(d.tables(), d.keys());
      }
    }
  }

  private void addDrift(Collection<String> tables, List<String> keys) {
    for (String table : tables) {
      if (table.length() > ControlDialect.MAX_TABLE_NAME) {
        continue; // cannot be a real table name; nothing to route or repair
      }
      if (keys.isEmpty()) {
        drift.add(new DriftKey(table, ""));
        continue;
      }
      for (String key : keys) {
        if (drift.size() >= maxDriftKeys || key.length() > ControlDialect.MAX_ROW_KEY) {
          drift.add(new DriftKey(table, ""));
        } else {
          drift.add(new DriftKey(table, key));
        }
      }
    }
  }

  /** Everything held, leaving the buffer empty; give it back with {@link #requeue} if unwritten. */
  synchronized Batch drain() {
    Batch batch =
        new Batch(
            new ArrayList<>(groups.values()),
            droppedByKind,
            firstDropped,
            lastDropped,
            new ArrayList<>(drift));
    groups = new LinkedHashMap<>();
    drift = new LinkedHashSet<>();
    droppedByKind = new EnumMap<>(DiscrepancyKind.class);
    firstDropped = null;
    lastDropped = null;
    return batch;
  }

  /**
   * Puts back a batch that could not be written, merged with what arrived meanwhile: counts add up,
   * the older sample wins; groups beyond the bound become dropped records.
   */
  synchronized void requeue(Batch batch) {
    Map<GroupKey, Group> merged = new LinkedHashMap<>();
    for (Group g : batch.groups()) {
      merged.put(g.key(), g);
    }
    for (Group g : groups.values()) {
      Group old = merged.get(g.key());
      if (old != null) {
        old.add(g.count, g.last);
      } else {
        merged.put(g.key(), g);
      }
    }
    groups = new LinkedHashMap<>();
    for (Group g : merged.values()) {
      if (groups.size() < maxGroups) {
        groups.put(g.key(), g);
      } else {
        droppedByKind.merge(g.first.kind(), g.count, Long::sum);
        droppedTotal += g.count;
        firstDropped = earliest(firstDropped, g.first.time());
        lastDropped = latest(lastDropped, g.last);
      }
    }
    batch.droppedByKind().forEach((k, n) -> droppedByKind.merge(k, n, Long::sum));
    firstDropped = earliest(firstDropped, batch.firstDropped());
    lastDropped = latest(lastDropped, batch.lastDropped());
    Set<DriftKey> keys = new LinkedHashSet<>(batch.drift());
    keys.addAll(drift);
    drift = new LinkedHashSet<>();
    for (DriftKey k : keys) {
      drift.add(
          drift.size() >= maxDriftKeys && !k.key().isEmpty() ? new DriftKey(k.table(), "") : k);
    }
  }

  /** Tables with drift not yet written to the store. */
  synchronized Set<String> pendingDriftTables() {
    Set<String> tables = new LinkedHashSet<>();
    for (DriftKey k : drift) {
      tables.add(k.table());
    }
    return tables;
  }

  /** Records accepted since the buffer was created (for the heartbeat). */
  synchronized long accepted() {
    return accepted;
  }

  /** Records that did not fit, since the buffer was created (for the heartbeat). */
  synchronized long droppedTotal() {
    return droppedTotal;
  }

  private static Discrepancy trim(Discrepancy d) {
    boolean longText =
        (d.sql() != null && d.sql().length() > MAX_TEXT)
            || (d.detail() != null && d.detail().length() > MAX_TEXT);
    if (!longText && d.keys().size() <= MAX_SAMPLE_KEYS) {
      return d;
    }
    return new Discrepancy(
        d.time(),
        d.instance(),
        d.kind(),
        d.fingerprint(),
        truncate(d.sql()),
        truncate(d.detail()),
        d.tables(),
        d.keys().size() <= MAX_SAMPLE_KEYS ? d.keys() : d.keys().subList(0, MAX_SAMPLE_KEYS));
  }

  static String truncate(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 3) + "...";
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** What aggregates together: a kind name and a statement fingerprint. */
  record GroupKey(String kind, String fingerprint) {}

  /** A (table, row key) pair whose rows may differ; key "" is the whole table. */
  record DriftKey(String table, String key) {}

  /** Records of one kind and fingerprint: the first as sample, how many, the last time seen. */
  static final class Group {
    final Discrepancy first;
    long count;
    Instant last;

    Group(Discrepancy first, long count, Instant last) {
      this.first = first;
      this.count = count;
      this.last = last;
    }

    void add(long n, Instant seen) {
      count += n;
      if (seen != null && (last == null || seen.isAfter(last))) {
        last = seen;
      }
    }

    GroupKey key() {
      return new GroupKey(first.kind().name(), first.fingerprint());
    }

    Discrepancy first() {
      return first;
    }

    long count() {
      return count;
    }

    Instant last() {
      return last;
    }
  }

  /** One flush window's contents. */
  record Batch(
      List<Group> groups,
      Map<DiscrepancyKind, Long> droppedByKind,
      Instant firstDropped,
      Instant lastDropped,
      List<DriftKey> drift) {

    long dropped() {
      long n = 0;
      for (long v : droppedByKind.values()) {
        n += v;
      }
      return n;
    }

    boolean isEmpty() {
      return groups.isEmpty() && droppedByKind.isEmpty() && drift.isEmpty();
    }

    /** "N records dropped: buffer full (KIND n, ...)". */
    String droppedDetail() {
      StringBuilder b = new StringBuilder();
      b.append(dropped()).append(" records dropped: buffer full (");
      int i = 0;
      for (Map.Entry<DiscrepancyKind, Long> e : droppedByKind.entrySet()) {
        b.append(i++ > 0 ? ", " : "").append(e.getKey()).append(' ').append(e.getValue());
      }
      return b.append(')').toString();
    }
  }
}
