package io.dualwrite.driver.metrics;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import java.util.function.Supplier;

/**
 * The driver's metrics. Micrometer is optional at run time: without it on the class path every call
 * is a no-op; with it, meters named {@code dualwrite.*} go to Micrometer's global registry (or the
 * one given to {@code DualWriteDataSource.setMeterRegistry}).
 */
public interface DriverMetrics {

  /** Latency of one statement executed on one side. */
  void statement(Side side, long nanos);

  /** A write applied to the non-authoritative side. */
  void mirroredWrite();

  /** A mirrored write that failed or was skipped. */
  void mirrorFailure();

  /** A read served by {@code side}. */
  void read(Side side);

  /** A read run on both sides and compared; {@code mismatch} when they differed. */
  void comparedRead(boolean mismatch);

  void discrepancy(DiscrepancyKind kind);

  /** Registers gauges for the breaker state (0 closed, 1 half-open, 2 open) and drift size. */
  void gauges(Supplier<Number> breakerState, Supplier<Number> driftTables);

  DriverMetrics NOOP =
      new DriverMetrics() {
        @Override
        public void statement(Side side, long nanos) {}

        @Override
        public void mirroredWrite() {}

        @Override
        public void mirrorFailure() {}

        @Override
        public void read(Side side) {}

        @Override
        public void comparedRead(boolean mismatch) {}

        @Override
        public void discrepancy(DiscrepancyKind kind) {}

        @Override
        public void gauges(Supplier<Number> breakerState, Supplier<Number> driftTables) {}
      };

  /**
   * Micrometer-backed metrics on {@code registry} (a {@code MeterRegistry}, typed as Object so this
   * interface loads without Micrometer), or on the global registry when null; NOOP when Micrometer
   * is absent.
   */
  static DriverMetrics create(Object registry, String instance) {
    try {
      Class.forName(
          "io.micrometer.core.instrument.MeterRegistry",
          false,
          DriverMetrics.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return NOOP;
    }
    return MicrometerMetrics.create(registry, instance);
  }
}
