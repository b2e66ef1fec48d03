package io.dualwrite.driver.metrics;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;

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

  /**
   * Shows {@code source} in the gauges (flags, breaker state, drift) until {@link #close()}. The
   * gauges are registered once per registry and instance and shared by every runtime of that
   * instance there: several runtimes in one process (two data sources) are combined.
   */
  void gauges(GaugeSource source);

  /** Takes this runtime out of the gauges; the last one out removes them from the registry. */
  default void close() {}

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
        public void gauges(GaugeSource source) {}
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
