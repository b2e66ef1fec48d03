package io.dualwrite.driver.control;

import io.dualwrite.driver.Phase;
import java.util.List;

/**
 * What an instance writes to {@code dualwrite_instances} at each refresh (see InstanceStatus).
 *
 * @param writtenTables tables written in this and the previous interval
 * @param stopped a clean stop: the runtime was closed by the application
 */
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
    String flagsError,
    List<String> writtenTables,
    boolean stopped) {}
