package io.dualwrite.driver.control;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code dualwrite_discrepancies}: {@code occurrences} records of one kind and statement
 * fingerprint seen by one instance between {@code firstSeen} and {@code lastSeen}, with the first
 * one's SQL, detail, tables and keys as the sample.
 *
 * @param kind a {@link io.dualwrite.driver.discrepancy.DiscrepancyKind} name, or {@code
 *     RECORDS_DROPPED} for a summary of records the buffer could not hold
 */
public record DiscrepancyRow(
    long id,
    Instant firstSeen,
    Instant lastSeen,
    String instance,
    String kind,
    String fingerprint,
    long occurrences,
    String sql,
    String detail,
    List<String> tables,
    List<String> keys) {

  public DiscrepancyRow {
    tables = tables == null ? List.of() : List.copyOf(tables);
    keys = keys == null ? List.of() : List.copyOf(keys);
  }
}
