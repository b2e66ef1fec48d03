package io.dualwrite.driver.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DeadlineSocket} against a local server that answers a request byte: {@code 'P'} with ten
 * one-byte pieces 400 ms apart, {@code 'E'} with one byte after 600 ms. A socket read timeout alone
 * never fails on the pieces (each comes within it); the enforced deadline does.
 */
class DeadlineSocketTest {
  private static final int PIECES = 10;
  private static final long PIECE_MILLIS = 400;

  private ServerSocket server;
  private Thread serving;

  @BeforeEach
  void serve() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    serving =
        new Thread(
            () -> {
              try (Socket s = server.accept();
                  InputStream in = s.getInputStream();
                  OutputStream out = s.getOutputStream()) {
                int request;
                while ((request = in.read()) >= 0) {
                  if (request == 'P') {
                    for (int i = 0; i < PIECES; i++) {
                      Thread.sleep(PIECE_MILLIS);
                      out.write(i);
                      out.flush();
                    }
                  } else {
                    Thread.sleep(600);
                    out.write(request);
                    out.flush();
                  }
                }
              } catch (IOException | InterruptedException e) {
                // the client is gone
              }
            },
            "deadline-socket-test-server");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    serving.join(5000);
  }

  private Socket connect(boolean enforced) throws IOException {
    Socket s = new DeadlineSocket(new ExchangeDeadline(enforced));
    s.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 2000);
    s.setSoTimeout(1000);
    return s;
  }

  @Test
  void aReplyInPiecesFailsOnceTheTimeoutIsUsedUp() throws IOException {
    try (Socket s = connect(true)) {
      s.getOutputStream().write('P');
      InputStream in = s.getInputStream();
      long start = System.nanoTime();
      int[] read = {0};
      assertThatThrownBy(
              () -> {
                while (read[0] < PIECES) {
                  assertThat(in.read()).isEqualTo(read[0]);
                  read[0]++;
                }
              })
          .isInstanceOf(SocketTimeoutException.class)
          .hasMessageContaining("no complete reply within 1000 ms");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(read[0]).as("pieces read before the deadline").isLessThanOrEqualTo(2);
      // the whole reply takes 4 s; the deadline ends the wait after 1 s (bounded generously)
      assertThat(millis).isLessThan(2500);
      assertThat(s.getSoTimeout()).as("the timeout as set").isEqualTo(1000);
    }
  }

  @Test
  void notEnforcedItIsAPlainSocketTimeoutPerRead() throws IOException {
    try (Socket s = connect(false)) {
      s.getOutputStream().write('P');
      InputStream in = s.getInputStream();
      for (int i = 0; i < PIECES; i++) {
        assertThat(in.read()).isEqualTo(i);
      }
    }
  }

  @Test
  void eachRequestStartsANewCount() throws IOException {
    try (Socket s = connect(true)) {
      // two exchanges of 600 ms each: 1.2 s in all, over the 1 s timeout, yet each is within it
      for (int i = 0; i < 2; i++) {
        s.getOutputStream().write('E');
        assertThat(s.getInputStream().read()).isEqualTo('E');
      }
    }
  }

  @Test
  void aWriteToAServerThatDoesNotReadFailsAtTheDeadline() throws Exception {
    try (ServerSocket deaf = new ServerSocket()) {
      deaf.setReceiveBufferSize(65536);
      deaf.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      try (Socket s = new DeadlineSocket(new ExchangeDeadline(true))) {
        s.setSendBufferSize(65536);
        s.connect(new InetSocketAddress(deaf.getInetAddress(), deaf.getLocalPort()), 2000);
        try (Socket accepted = deaf.accept()) { // accepted, never read
          s.setSoTimeout(1000);
          OutputStream out = s.getOutputStream();
          byte[] chunk = new byte[1 << 20];
          long start = System.nanoTime();
          assertThatThrownBy(
                  () -> {
                    for (int i = 0; i < 256; i++) {
                      out.write(chunk);
                    }
                  })
              .isInstanceOf(SocketTimeoutException.class)
              .hasMessageContaining("request not sent within 1000 ms");
          // 256 MB never fit in the buffers: the write waits until the watchdog closes the socket
          assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
          assertThat(s.isClosed()).isTrue();
        }
      }
    }
  }

  @Test
  void enforcementFollowsTheSideRole() throws IOException {
    ExchangeDeadline deadline = new ExchangeDeadline(false);
    try (Socket s = new DeadlineSocket(deadline)) {
      s.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 2000);
      s.setSoTimeout(1000);
      s.getOutputStream().write('P');
      InputStream in = s.getInputStream();
      assertThat(in.read()).isEqualTo(0);
      assertThat(in.read()).isEqualTo(1);
      assertThat(in.read()).isEqualTo(2); // 1.2 s of waiting: no deadline while not enforced
      deadline.enforce(true);
      assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
    }
  }
}
