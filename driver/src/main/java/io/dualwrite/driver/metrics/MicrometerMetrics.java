package io.dualwrite.driver.metrics;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Loaded only when Micrometer is on the class path (see {@link DriverMetrics#create}). */
final class MicrometerMetrics implements DriverMetrics {
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1).dividedBy(4),
    Duration.ofMillis(1).dividedBy(2),
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };
  private final MeterRegistry registry;
  private final Tags tags;
  private final Map<Side, Timer> statementTimers = new EnumMap<>(Side.class);
  private final Map<Side, Counter> reads = new EnumMap<>(Side.class);
  private final Map<DiscrepancyKind, Counter> discrepancies = new EnumMap<>(DiscrepancyKind.class);
  private final Counter mirroredWrites;
  private final Counter mirrorFailures;
  private final Counter comparedReads;
  private final Counter comparedMismatches;
  private final String instance;
  private GaugeSource gaugeSource; // guarded by this
  private SharedGauges sharedGauges; // guarded by this

  private MicrometerMetrics(MeterRegistry registry, String instance) {
    this.registry = registry;
    this.instance = instance;
    this.tags = Tags.of("instance", instance);
    for (Side side : Side.values()) {
      String name = side.name().toLowerCase(java.util.Locale.ROOT);
      statementTimers.put(
          side,
          Timer.builder("dualwrite.statement")
              .description("Statement latency per side")
              .tags(tags.and("side", name))
              // a few fixed buckets, so percentiles per side can be computed across instances
              .serviceLevelObjectives(LATENCY_BUCKETS)
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
  public void gauges(GaugeSource source) {
    synchronized (this) {
      if (gaugeSource != null) {
        throw new IllegalStateException("gauges already registered for this runtime");
      }
      gaugeSource = source;
      sharedGauges = SharedGauges.join(registry, instance, source);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (sharedGauges != null) {
        sharedGauges.leave(gaugeSource);
        sharedGauges = null;
      }
    }
  }
}
