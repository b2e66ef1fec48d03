package io.dualwrite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A few invocations of every {@link MirrorOverlapBenchmark} body through the delaying proxies, then
 * the trial's drift check: the numbers come from a mirror that works, overlapped or not.
 */
class MirrorOverlapBenchmarkIT {

  @Test
  void everyOverlapBenchmarkRunsThroughTheProxiesAndMirrorsWithoutDrift() throws Exception {
    MirrorOverlapBenchmark b = new MirrorOverlapBenchmark();
    b.latencyMillis = 1;
    b.open();
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(b.transactionRawMysql()).isPositive();
        assertThat(b.transactionRawSerialPair()).isPositive();
        assertThat(b.transactionDualwriteOverlapped()).isPositive();
        assertThat(b.transactionDualwriteNotOverlapped()).isPositive();
      }
    } finally {
      b.close();
    }
  }
}
