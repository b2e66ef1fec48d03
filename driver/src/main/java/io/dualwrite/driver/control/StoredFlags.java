package io.dualwrite.driver.control;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.routing.Flags;
import java.time.Instant;

/**
 * The fleet's flags as stored in {@code dualwrite_flags}: what every instance applies, the version
 * each reports back in its heartbeat, and who last changed them.
 */
public record StoredFlags(
    Phase phase,
    int readPercent,
    int comparePercent,
    long version,
    Instant updatedAt,
    String updatedBy) {

  /** The runtime's view of these flags. */
  public Flags toFlags() {
    return new Flags(phase, readPercent, comparePercent, version);
  }
}
