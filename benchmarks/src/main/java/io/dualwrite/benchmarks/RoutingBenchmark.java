package io.dualwrite.benchmarks;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.routing.Flags;
import io.dualwrite.driver.routing.ReadRouter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What does the per-read routing decision cost, and does it scale across threads? {@link
 * ReadRouter#route} for an eligible read in DUAL_WRITE at {@code readPercent} 0, 30 and 100, from 1
 * and from 8 threads sharing one {@link Flags} (as the connections of one runtime do).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RoutingBenchmark {
  @Param({"0", "30", "100"})
  public int readPercent;

  Flags flags;

  @Setup
  public void flags() {
    flags = new Flags(Phase.DUAL_WRITE, readPercent, 0, 1);
  }

  @Benchmark
  @Threads(1)
  public ReadRouter.Route route1Thread() {
    return ReadRouter.route(flags, true, true);
  }

  @Benchmark
  @Threads(8)
  public ReadRouter.Route route8Threads() {
    return ReadRouter.route(flags, true, true);
  }
}
