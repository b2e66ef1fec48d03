package io.dualwrite.driver.metrics;

import io.dualwrite.driver.Phase;

/**
 * What one runtime shows as gauges, read at each scrape: the flags it applies, the breaker around
 * its non-authoritative side and its drift.
 */
public interface GaugeSource {

  /** The phase this runtime applies. */
  Phase phase();

  /** The share of eligible reads served by PostgreSQL, 0-100, as the flags say. */
  int readPercent();

  /** The share of reads compared, 0-100, as the flags say. */
  int comparePercent();

  /** The breaker around the non-authoritative side: 0 closed, 1 half-open, 2 open. */
  int breakerState();

  /** Tables with open drift. */
  int driftTables();
}
