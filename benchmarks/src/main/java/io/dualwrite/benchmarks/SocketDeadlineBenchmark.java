package io.dualwrite.benchmarks;

import io.dualwrite.driver.net.ExchangeDeadline;
import io.dualwrite.driver.net.PostgresSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What does the side's socket ({@code net/DeadlineSocket}) cost over a plain socket? One request
 * and reply over loopback (64 bytes out, {@code replyBytes} back, read through an 8 kB buffer as
 * the vendor drivers read), on a plain {@link Socket}, on dualwrite's socket as the authoritative
 * side has it (per-read timeout), and as the other side has it (the whole reply bounded).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class SocketDeadlineBenchmark {
  @Param({"plain", "authoritative", "other"})
  public String socket;

  @Param({"256", "65536"})
  public int replyBytes;

  private ServerSocket server;
  private Thread serving;
  private Socket client;
  private InputStream in;
  private OutputStream out;
  private final byte[] request = new byte[64];
  private final byte[] buffer = new byte[8192];

  @Setup(Level.Trial)
  public void connect() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    int reply = replyBytes;
    serving =
        new Thread(
            () -> {
              byte[] got = new byte[64];
              byte[] answer = new byte[reply];
              try (Socket s = server.accept();
                  InputStream sin = s.getInputStream();
                  OutputStream sout = s.getOutputStream()) {
                s.setTcpNoDelay(true);
                while (readFully(sin, got, got.length)) {
                  sout.write(answer);
                  sout.flush();
                }
              } catch (IOException e) {
                // the benchmark is over
              }
            },
            "socket-benchmark-server");
    serving.setDaemon(true);
    serving.start();
    if (socket.equals("plain")) {
      client = new Socket();
    } else {
      Properties props = new Properties();
      new ExchangeDeadline(socket.equals("other")).registerFor(props);
      client = new PostgresSocketFactory(props).createSocket();
    }
    client.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 2000);
    client.setTcpNoDelay(true);
    client.setSoTimeout(2000);
    in = client.getInputStream();
    out = client.getOutputStream();
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    client.close();
    server.close();
    serving.join(2000);
  }

  @Benchmark
  public int requestAndReply() throws IOException {
    out.write(request);
    out.flush();
    int left = replyBytes;
    while (left > 0) {
      int n = in.read(buffer, 0, Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("closed");
      }
      left -= n;
    }
    return left;
  }

  private static boolean readFully(InputStream in, byte[] b, int len) throws IOException {
    int off = 0;
    while (off < len) {
      int n = in.read(b, off, len - off);
      if (n < 0) {
        return false;
      }
      off += n;
    }
    return true;
  }
}
