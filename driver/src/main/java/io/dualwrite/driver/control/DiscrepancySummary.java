package io.dualwrite.driver.control;

import java.time.Instant;

/**
 * Discrepancies of one fingerprint and kind across the fleet: how many, seen by how many instances,
 * when, and the oldest row's SQL and detail as the sample.
 */
public record DiscrepancySummary(
    String fingerprint,
    String kind,
    long occurrences,
    long rows,
    long instances,
    Instant firstSeen,
    Instant lastSeen,
    String sampleSql,
    String sampleDetail) {}
