package io.dualwrite.driver.discrepancy;

/**
 * Receives discrepancy records. Called on the application's thread: implementations must not block
 * (buffer and hand off anything slow).
 */
@FunctionalInterface
public interface DiscrepancySink {
  void accept(Discrepancy discrepancy);
}
