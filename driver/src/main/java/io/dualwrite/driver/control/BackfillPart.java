package io.dualwrite.driver.control;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code dualwrite_backfill}: a table, or a key range of it, that {@code dualwrite-admin
 * backfill} copies from MySQL to PostgreSQL.
 *
 * @param table the table, lower case, as the rewriter names it
 * @param part the key range's number (0 for a table copied as one range)
 * @param state {@link #PENDING}, {@link #COPYING} or {@link #COMPLETE}
 * @param rangeStart the key after which the range starts, empty: from the first key
 * @param rangeEnd the last key of the range, empty: to the last key
 * @param checkpoint the last key copied, empty: nothing copied yet
 * @param leaseOwner the process copying it, null when none
 * @param leaseUntil when that lease expires, null when none
 * @param leaseExpired the lease is past its expiry by the store's clock (or there is none)
 */
public record BackfillPart(
    String table,
    int part,
    String state,
    List<String> rangeStart,
    List<String> rangeEnd,
    List<String> checkpoint,
    long rowsCopied,
    long chunks,
    long rowsEstimate,
    String leaseOwner,
    Instant leaseUntil,
    boolean leaseExpired,
    Instant registeredAt,
    Instant updatedAt,
    Instant completedAt) {
  public static final String PENDING = "PENDING";
  public static final String COPYING = "COPYING";
  public static final String COMPLETE = "COMPLETE";

  public BackfillPart {
    rangeStart = rangeStart == null ? List.of() : List.copyOf(rangeStart);
    rangeEnd = rangeEnd == null ? List.of() : List.copyOf(rangeEnd);
    checkpoint = checkpoint == null ? List.of() : List.copyOf(checkpoint);
  }

  public boolean complete() {
    return COMPLETE.equals(state);
  }
}
