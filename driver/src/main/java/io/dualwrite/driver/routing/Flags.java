package io.dualwrite.driver.routing;

import io.dualwrite.driver.Phase;

/**
 * One version of the fleet's flags: phase and percentages. A connection takes a snapshot at each
 * transaction boundary and uses it until the next one, so a change never lands inside a
 * transaction.
 */
public record Flags(Phase phase, int readPercent, int comparePercent, long version) {

  public Flags {
    if (phase == null) {
      throw new IllegalArgumentException("phase");
    }
    if (readPercent < 0 || readPercent > 100 || comparePercent < 0 || comparePercent > 100) {
      throw new IllegalArgumentException("percentages must be 0-100");
    }
  }
}
