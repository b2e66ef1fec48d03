package io.dualwrite.driver.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.Phase.Side;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two runtimes of one instance on one registry (two data sources of an application on the global
 * registry): Micrometer would keep the first runtime's gauge and ignore the second's with a "This
 * Gauge has been already registered" warning. The gauges are registered once and show both.
 */
class SharedGaugesTest {

  /** A runtime's gauge values, settable by the test. */
  static final class Source implements GaugeSource {
    volatile Phase phase = Phase.DUAL_WRITE;
    volatile int readPercent;
    volatile int comparePercent;
    volatile int breakerState;
    volatile int driftTables;

    @Override
    public Phase phase() {
      return phase;
    }

    @Override
    public int readPercent() {
      return readPercent;
    }

    @Override
    public int comparePercent() {
      return comparePercent;
    }

    @Override
    public int breakerState() {
      return breakerState;
    }

    @Override
    public int driftTables() {
      return driftTables;
    }
  }

  private static double gauge(SimpleMeterRegistry registry, String name, String... tags) {
    return registry.get(name).tag("instance", "app-1").tags(tags).gauge().value();
  }

  @Test
  void twoRuntimesOfOneInstanceShareOneGaugeShowingBoth() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DriverMetrics first = DriverMetrics.create(registry, "app-1");
    DriverMetrics second = DriverMetrics.create(registry, "app-1");
    Source a = new Source();
    Source b = new Source();
    first.gauges(a);
    second.gauges(b);

    assertThat(registry.find("dualwrite.breaker.state").gauges()).hasSize(1);
    assertThat(registry.find("dualwrite.drift.tables").gauges()).hasSize(1);
    assertThat(registry.find("dualwrite.flags.phase").gauges()).hasSize(Phase.values().length);

    // the second runtime is seen, not ignored
    b.breakerState = 2;
    a.driftTables = 1;
    b.driftTables = 3;
    b.readPercent = 50;
    a.readPercent = 10;
    b.phase = Phase.PG_PRIMARY;
    assertThat(gauge(registry, "dualwrite.breaker.state")).isEqualTo(2);
    assertThat(gauge(registry, "dualwrite.drift.tables")).isEqualTo(4);
    assertThat(gauge(registry, "dualwrite.flags.read.percent")).isEqualTo(50);
    assertThat(gauge(registry, "dualwrite.flags.phase", "phase", "DUAL_WRITE")).isEqualTo(1);
    assertThat(gauge(registry, "dualwrite.flags.phase", "phase", "PG_PRIMARY")).isEqualTo(1);
    assertThat(gauge(registry, "dualwrite.flags.phase", "phase", "PG_ONLY")).isZero();

    // the first one leaves: the gauge shows the second alone
    first.close();
    b.breakerState = 0;
    a.breakerState = 2;
    assertThat(gauge(registry, "dualwrite.breaker.state")).isZero();
    assertThat(gauge(registry, "dualwrite.drift.tables")).isEqualTo(3);
    assertThat(gauge(registry, "dualwrite.flags.phase", "phase", "DUAL_WRITE")).isZero();

    // the last one leaves: the gauges go (they held the runtimes), and a new runtime registers anew
    second.close();
    second.close(); // idempotent
    assertThat(registry.find("dualwrite.breaker.state").gauges()).isEmpty();
    Source c = new Source();
    c.driftTables = 7;
    DriverMetrics third = DriverMetrics.create(registry, "app-1");
    third.gauges(c);
    assertThat(gauge(registry, "dualwrite.drift.tables")).isEqualTo(7);
    third.close();
  }

  @Test
  void instancesKeepTheirOwnGauges() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DriverMetrics one = DriverMetrics.create(registry, "app-1");
    DriverMetrics two = DriverMetrics.create(registry, "app-2");
    Source a = new Source();
    Source b = new Source();
    b.breakerState = 1;
    one.gauges(a);
    two.gauges(b);
    assertThat(registry.find("dualwrite.breaker.state").gauges())
        .extracting(g -> g.getId().getTag("instance") + "=" + g.value())
        .containsExactlyInAnyOrder("app-1=0.0", "app-2=1.0");
    one.close();
    two.close();
  }

  @Test
  void statementTimerPublishesLatencyBucketsPerSide() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DriverMetrics metrics = DriverMetrics.create(registry, "app-1");
    metrics.statement(Side.POSTGRES, TimeUnit.MILLISECONDS.toNanos(3));
    var snapshot =
        registry.get("dualwrite.statement").tag("side", "postgres").timer().takeSnapshot();
    assertThat(snapshot.count()).isEqualTo(1);
    assertThat(snapshot.histogramCounts()).isNotEmpty();
    assertThat(snapshot.histogramCounts())
        .filteredOn(c -> c.bucket(TimeUnit.MILLISECONDS) == 5)
        .singleElement()
        .satisfies(c -> assertThat(c.count()).isEqualTo(1));
    assertThat(registry.get("dualwrite.statement").tag("side", "mysql").timer().count()).isZero();
  }
}
