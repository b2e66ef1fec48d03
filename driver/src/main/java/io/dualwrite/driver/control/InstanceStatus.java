package io.dualwrite.driver.control;

import io.dualwrite.driver.Phase;
import java.time.Instant;
import java.util.List;

/**
 * One instance's last heartbeat ({@code dualwrite_instances}).
 *
 * @param millisSinceSeen the database clock minus {@code lastSeen}: no clock skew between the
 *     instance, the admin host and the database plays a part
 * @param phase the phase the instance applied (with {@code appliedVersion})
 * @param mysqlBreaker state of the MySQL circuit breaker: CLOSED, HALF_OPEN or OPEN
 * @param postgresBreaker state of the PostgreSQL circuit breaker
 * @param mirrorHealth the breaker state of the side written as a mirror in the applied phase, or
 *     NOT_MIRRORING in MYSQL_ONLY and PG_ONLY
 * @param discrepancies discrepancy records the instance observed since it started
 * @param discrepanciesDropped records not stored individually because the buffer was full (each
 *     still counted in a RECORDS_DROPPED row)
 * @param driftTables tables the instance currently routes to the authoritative side for drift
 * @param controlOutages times since start the instance could not reach the control store
 * @param lastOutageStart start of the last outage, instance clock; null if none
 * @param lastOutageEnd end of the last outage, instance clock; null if none
 * @param lastOutageError why the control store was unreachable (no secrets)
 * @param flagsError why the instance refuses the stored flags (e.g. a phase needing PostgreSQL when
 *     the instance has no PostgreSQL URL); null when it applied them
 * @param writtenTables tables it wrote in its last one or two refresh intervals, announced ahead of
 *     its heartbeats; {@code ["*"]} means every table; empty after a clean stop
 * @param stoppedAt when it stopped cleanly (the application closed it); null while it runs or when
 *     it died
 * @param crashDriftOpenedAt when the fleet or dualwrite-admin opened drift on its written tables
 *     because it stopped heartbeating without a clean stop; null otherwise
 */
public record InstanceStatus(
    String instance,
    Instant startedAt,
    Instant lastSeen,
    long millisSinceSeen,
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
    Instant lastOutageStart,
    Instant lastOutageEnd,
    String lastOutageError,
    String flagsError,
    List<String> writtenTables,
    Instant stoppedAt,
    Instant crashDriftOpenedAt) {

  /** Not seen for three of its refresh intervals (the admin tool's "stale" rule). */
  public boolean stale() {
    return millisSinceSeen > 3L * refreshMillis;
  }

  /**
   * Stale without a clean stop: the process died (or is cut off from the store), and the tables in
   * {@link #writtenTables} may differ between the sides.
   */
  public boolean crashed() {
    return stale() && stoppedAt == null;
  }
}
