package io.dualwrite.driver.control;

import io.dualwrite.driver.Phase;

/** What an instance writes to {@code dualwrite_instances} at each refresh (see InstanceStatus). */
record Heartbeat(
    String instance,
    long startedAtMs,
    int refreshMillis,
    long appliedVersion,
    Phase phase,
    int readPercent,
    int comparePercent,
    String mysqlBreaker,
    String postgresBreaker,
    String mirrorHealth,
    long discrepancies,
    long discrepanciesDropped,
    int driftTables,
    int controlOutages,
    Long lastOutageStartMs,
    Long lastOutageEndMs,
    String lastOutageError,
    String flagsError) {}
