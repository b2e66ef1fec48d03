package io.dualwrite.driver.metrics;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Loaded only when Micrometer is on the class path (see {@link DriverMetrics#create}). */
final class MicrometerMetrics implements DriverMetrics {
  private final MeterRegistry registry;
  private final Tags tags;
  private final Map<Side, Timer> statementTimers = new EnumMap<>(Side.class);
  private final Map<Side, Counter> reads = new EnumMap<>(Side.class);
  private final Map<DiscrepancyKind, Counter> discrepancies = new EnumMap<>(DiscrepancyKind.class);
  private final Counter mirroredWrites;
  private final Counter mirrorFailures;
  private final Counter comparedReads;
  private final Counter comparedMismatches;

  private MicrometerMetrics(MeterRegistry registry, String instance) {
    this.registry = registry;
    this.tags = Tags.of("instance", instance);
    for (Side side : Side.values()) {
      String name = side.name().toLowerCase(java.util.Locale.ROOT);
      statementTimers.put(
          side,
          Timer.builder("dualwrite.statement")
              .description("Statement latency per side")
              .tags(tags.and("side", name))
              .register(registry));
      reads.put(
          side,
          Counter.builder("dualwrite.reads")
              .description("Reads served per side")
              .tags(tags.and("side", name))
              .register(registry));
    }
    for (DiscrepancyKind kind : DiscrepancyKind.values()) {
      discrepancies.put(
          kind,
          Counter.builder("dualwrite.discrepancies")
              .description("Recorded discrepancies by kind")
              .tags(tags.and("kind", kind.name()))
              .register(registry));
    }
    mirroredWrites =
        Counter.builder("dualwrite.mirror.writes")
            .description("Writes applied to the non-authoritative side")
            .tags(tags)
            .register(registry);
    mirrorFailures =
        Counter.builder("dualwrite.mirror.failures")
            .description("Mirrored writes that failed or were skipped")
            .tags(tags)
            .register(registry);
    comparedReads =
        Counter.builder("dualwrite.reads.compared")
            .description("Reads run on both sides and compared")
            .tags(tags)
            .register(registry);
    comparedMismatches =
        Counter.builder("dualwrite.reads.mismatched")
            .description("Compared reads whose rows differed")
            .tags(tags)
            .register(registry);
  }

  static DriverMetrics create(Object registry, String instance) {
    MeterRegistry r = registry instanceof MeterRegistry m ? m : Metrics.globalRegistry;
    return new MicrometerMetrics(r, instance);
  }

  @Override
  public void statement(Side side, long nanos) {
    statementTimers.get(side).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void mirroredWrite() {
    mirroredWrites.increment();
  }

  @Override
  public void mirrorFailure() {
    mirrorFailures.increment();
  }

  @Override
  public void read(Side side) {
    reads.get(side).increment();
  }

  @Override
  public void comparedRead(boolean mismatch) {
    comparedReads.increment();
    if (mismatch) {
      comparedMismatches.increment();
    }
  }

  @Override
  public void discrepancy(DiscrepancyKind kind) {
    discrepancies.get(kind).increment();
  }

  @Override
  public void gauges(Supplier<Number> breakerState, Supplier<Number> driftTables) {
    // strong references: the gauges hold the only reference to these suppliers, and Micrometer's
    // default weak one lets the first garbage collection turn them into NaN
    Gauge.builder("dualwrite.breaker.state", breakerState, s -> s.get().doubleValue())
        .description("Breaker around the non-authoritative side: 0 closed, 1 half-open, 2 open")
        .tags(tags)
        .strongReference(true)
        .register(registry);
    Gauge.builder("dualwrite.drift.tables", driftTables, s -> s.get().doubleValue())
        .description("Tables with open drift")
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }
}
