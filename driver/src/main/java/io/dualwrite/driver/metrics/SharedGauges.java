package io.dualwrite.driver.metrics;

import io.dualwrite.driver.Phase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The gauges of one instance on one registry, registered once and read through this holder by every
 * runtime of that instance there. Micrometer keeps the first gauge registered under a name and
 * tags, ignores the later ones with a warning (their values are lost), and holds the first one's
 * state for good; so the driver registers each gauge once, lets each runtime join and leave the
 * holder, and removes the gauges when the last runtime leaves.
 *
 * <p>Several runtimes of one instance (two data sources of one application, or one reconfigured)
 * are combined: the breaker state is the worst of them, the read and compare percentages the
 * highest, drift the sum, and a phase gauge is 1 when any of them applies that phase.
 */
final class SharedGauges {
  /** Per registry, per instance name. Guarded by itself. */
  private static final Map<MeterRegistry, Map<String, SharedGauges>> ALL = new HashMap<>();

  private final MeterRegistry registry;
  private final String instance;
  private final Set<GaugeSource> sources = new CopyOnWriteArraySet<>();
  private final List<Meter> meters = new ArrayList<>();

  private SharedGauges(MeterRegistry registry, String instance) {
    this.registry = registry;
    this.instance = instance;
  }

  /** Adds {@code source} to the gauges of {@code instance} on {@code registry}. */
  static SharedGauges join(MeterRegistry registry, String instance, GaugeSource source) {
    synchronized (ALL) {
      SharedGauges gauges =
          ALL.computeIfAbsent(registry, r -> new HashMap<>())
              .computeIfAbsent(instance, i -> new SharedGauges(registry, instance).register());
      gauges.sources.add(source);
      return gauges;
    }
  }

  /** Takes {@code source} out; the last one out removes the gauges from the registry. */
  void leave(GaugeSource source) {
    synchronized (ALL) {
      if (!sources.remove(source) || !sources.isEmpty()) {
        return;
      }
      meters.forEach(registry::remove);
      Map<String, SharedGauges> ofRegistry = ALL.get(registry);
      if (ofRegistry != null) {
        ofRegistry.remove(instance, this);
        if (ofRegistry.isEmpty()) {
          ALL.remove(registry);
        }
      }
    }
  }

  private SharedGauges register() {
    Tags tags = Tags.of("instance", instance);
    gauge(
        "dualwrite.breaker.state",
        "Breaker around the non-authoritative side: 0 closed, 1 half-open, 2 open",
        tags,
        max(GaugeSource::breakerState));
    gauge("dualwrite.drift.tables", "Tables with open drift", tags, sum(GaugeSource::driftTables));
    gauge(
        "dualwrite.flags.read.percent",
        "Share of eligible reads the flags send to PostgreSQL, 0-100",
        tags,
        max(GaugeSource::readPercent));
    gauge(
        "dualwrite.flags.compare.percent",
        "Share of reads the flags run on both sides and compare, 0-100",
        tags,
        max(GaugeSource::comparePercent));
    for (Phase phase : Phase.values()) {
      gauge(
          "dualwrite.flags.phase",
          "1 for the phase this instance applies, 0 for the others",
          tags.and("phase", phase.name()),
          g -> g.sources.stream().anyMatch(s -> s.phase() == phase) ? 1 : 0);
    }
    return this;
  }

  private void gauge(
      String name, String description, Tags tags, ToDoubleFunction<SharedGauges> value) {
    // A strong reference: the registry may be all that holds this object between two runtimes.
    meters.add(
        Gauge.builder(name, this, value)
            .description(description)
            .tags(tags)
            .strongReference(true)
            .register(registry));
  }

  private static ToDoubleFunction<SharedGauges> max(ToIntFunction<GaugeSource> f) {
    return g -> g.sources.stream().mapToInt(f).max().orElse(0);
  }

  private static ToDoubleFunction<SharedGauges> sum(ToIntFunction<GaugeSource> f) {
    return g -> g.sources.stream().mapToInt(f).sum();
  }
}
