package io.dualwrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The proxy's two slow paths. Latency delays every chunk by the same time from when it was sent, so
 * chunks in flight together arrive together; a crawl paces chunks one after another. Two one-byte
 * chunks are sent {@value #GAP_MILLIS} ms apart and timed where they arrive.
 */
class TcpProxyTest {
  private static final long DELAY_MILLIS = 600;
  private static final long GAP_MILLIS = 100;

  @Test
  void latencyIsPaidOnceByChunksInFlightTogether() throws Exception {
    long[] arrivals = sendTwoChunks(proxy -> proxy.latency(DELAY_MILLIS));
    // Each arrives DELAY_MILLIS after it was sent: the second about GAP_MILLIS after the first.
    // One chunk's delay after another's would put the second at least 2 * DELAY_MILLIS out.
    assertThat(arrivals[0]).isGreaterThanOrEqualTo(DELAY_MILLIS);
    assertThat(arrivals[1]).isGreaterThanOrEqualTo(DELAY_MILLIS + GAP_MILLIS);
    assertThat(arrivals[1]).isLessThan(2 * DELAY_MILLIS);
  }

  @Test
  void aCrawlPacesChunksOneAfterAnother() throws Exception {
    long[] arrivals = sendTwoChunks(proxy -> proxy.crawl(DELAY_MILLIS));
    assertThat(arrivals[0]).isGreaterThanOrEqualTo(DELAY_MILLIS);
    // Latency would put them about GAP_MILLIS apart; the margin is for the timing of the reads.
    assertThat(arrivals[1] - arrivals[0]).isGreaterThanOrEqualTo(DELAY_MILLIS - GAP_MILLIS);
  }

  @Test
  void aCrawlSendsWhatArrivedDuringAPauseWithTheNextWrite() throws Exception {
    // sent at 0, 100 and 200 ms: the first is written after one pause, the two that arrived
    // meanwhile together after the next, as one read would have taken them
    long[] arrivals = sendChunks(proxy -> proxy.crawl(DELAY_MILLIS), 3);
    assertThat(arrivals[1]).isGreaterThanOrEqualTo(2 * DELAY_MILLIS - GAP_MILLIS);
    assertThat(arrivals[2] - arrivals[1]).isLessThan(GAP_MILLIS);
  }

  @Test
  void bytesInFlightAreHeldWhileTheProxyHangs() throws Exception {
    long[] arrivals =
        sendChunks(
            proxy -> {
              proxy.latency(GAP_MILLIS);
              Thread hanger =
                  new Thread(
                      () -> {
                        try {
                          TimeUnit.MILLISECONDS.sleep(GAP_MILLIS / 2);
                          proxy.hang();
                          TimeUnit.MILLISECONDS.sleep(DELAY_MILLIS);
                          proxy.resume();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      });
              hanger.setDaemon(true);
              hanger.start();
            },
            1);
    // the byte was read before the hang and due at GAP_MILLIS, inside it
    assertThat(arrivals[0]).isGreaterThanOrEqualTo(DELAY_MILLIS);
  }

  @Test
  void withNeitherBytesPassAsSent() throws Exception {
    long[] arrivals = sendTwoChunks(proxy -> {});
    assertThat(arrivals[1]).isLessThan(DELAY_MILLIS);
  }

  private interface Setup {
    void apply(TcpProxy proxy);
  }

  /** Milliseconds from the first send to each chunk's arrival at the server. */
  private static long[] sendTwoChunks(Setup setup) throws Exception {
    return sendChunks(setup, 2);
  }

  /** Sends {@code count} one-byte chunks {@link #GAP_MILLIS} apart; when each arrived. */
  private static long[] sendChunks(Setup setup, int count) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy("127.0.0.1", server.getLocalPort())) {
      setup.apply(proxy);
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
          Socket accepted = server.accept()) {
        client.setTcpNoDelay(true);
        accepted.setSoTimeout(10_000);
        OutputStream out = client.getOutputStream();
        InputStream in = accepted.getInputStream();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            TimeUnit.MILLISECONDS.sleep(GAP_MILLIS);
          }
          out.write(i + 1);
          out.flush();
        }
        int[] bytes = new int[count];
        long[] arrivals = new long[count];
        for (int i = 0; i < count; i++) {
          bytes[i] = in.read();
          arrivals[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
        for (int i = 0; i < count; i++) {
          assertThat(bytes[i]).isEqualTo(i + 1);
        }
        return arrivals;
      }
    }
  }
}
