package io.dualwrite.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a test database, so a test can inject faults without stopping
 * the shared server, or a benchmark can put the database at a distance: take it "down" (every open
 * connection cut, new ones refused), hang it (bytes held in both directions and new connections
 * accepted but never answered, as a stopped server behaves), cut the path half-open (bytes of open
 * connections dropped for good, nothing closed, new connections accepted by a server that never
 * speaks), slow it down, or reset every connection.
 */
public final class TcpProxy implements AutoCloseable {
  /**
   * Looks at the bytes a client sends on one connection before they are forwarded; returning true
   * holds them, and everything after them on that connection, forever (the connection stays open).
   */
  public interface ClientTap {
    boolean hold(long connection, byte[] buf, int length);
  }

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  /** Connections cut half-open, or accepted while the path was half-open: never answered. */
  private final List<Socket> lost = new CopyOnWriteArrayList<>();

  private final AtomicLong connections = new AtomicLong();
  private volatile boolean down;
  private volatile boolean hung;
  private volatile boolean halfOpen;
  private volatile long latencyMillis;
  private volatile long crawlMillis;
  private volatile ClientTap tap;
  private volatile boolean closed;

  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.target = new InetSocketAddress(targetHost, targetPort);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Cuts every connection and refuses new ones until {@link #up()}. */
  public void down() {
    down = true;
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  public void up() {
    down = false;
  }

  /** Holds every byte, both ways, on open and new connections until {@link #resume()}. */
  public void hang() {
    hung = true;
  }

  public void resume() {
    hung = false;
  }

  /**
   * A half-open path: every open connection stops forwarding in both directions and its bytes
   * vanish, for good (no FIN, no RST: neither end learns it is dead). New connections are accepted
   * and never answered, as by a server that never speaks, until {@link #heal()}.
   */
  public void halfOpen() {
    halfOpen = true;
    lost.addAll(open);
    open.clear();
  }

  /** New connections are forwarded again; those cut by {@link #halfOpen()} stay dead. */
  public void heal() {
    halfOpen = false;
  }

  /** Closes the connections {@link #halfOpen()} left dead, as the ends' keepalives finally do. */
  public void closeLost() {
    for (Socket s : lost) {
      closeQuietly(s);
    }
    lost.clear();
  }

  /**
   * A path {@code millis} long each way (0: none): every chunk of bytes arrives that long after it
   * was sent, and chunks sent together arrive together, as over a real network.
   */
  public void latency(long millis) {
    latencyMillis = millis;
  }

  /**
   * A path that forwards one chunk of bytes every {@code millis} at most, each way (0: no limit): a
   * reply sent in pieces arrives slowly but steadily, each piece {@code millis} after the last.
   */
  public void crawl(long millis) {
    crawlMillis = millis;
  }

  /** Inspects the bytes clients send (null: none). */
  public void tap(ClientTap tap) {
    this.tap = tap;
  }

  /** Resets every open connection (TCP RST); new ones are accepted as usual. */
  public void reset() {
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0);
      } catch (IOException e) {
        // closing anyway
      }
      closeQuietly(s);
    }
    open.clear();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (down) {
        closeQuietly(client);
        continue;
      }
      if (halfOpen) {
        lost.add(client); // accepted, never answered, never closed
        continue;
      }
      try {
        Socket upstream = new Socket();
        upstream.connect(target, 2000);
        // Without it, Nagle's algorithm holds a small write until the previous one is acknowledged
        // (delayed ACK: up to 40 ms), which the clients, writing straight to the server, never see.
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        long id = connections.incrementAndGet();
        pump(client, upstream, id);
        pump(upstream, client, 0);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  /** A chunk of bytes read from one end, to be written to the other at {@code dueNanos}. */
  private record Chunk(byte[] bytes, long dueNanos) {}

  /** Chunks read and not yet written, per direction: a full queue stops reading (back pressure). */
  private static final int QUEUED_CHUNKS = 64;

  /**
   * Copies {@code from} to {@code to}; {@code connection} is non-zero for the client's bytes. One
   * thread reads and queues each chunk with the time it is due, another writes it then: a delay
   * ({@link #latency}) is paid once by bytes in flight together, as on a real network, not once per
   * chunk in turn. A crawl ({@link #crawl}) holds each write, and the bytes read meanwhile go with
   * the next one, as when one thread read, slept and wrote. Bytes are held while the proxy hangs
   * and dropped once the connection is half-open, at the write as at the read.
   */
  private void pump(Socket from, Socket to, long connection) {
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>(QUEUED_CHUNKS);
    AtomicBoolean readerDone = new AtomicBoolean();
    AtomicBoolean writerDone = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              byte[] buf = new byte[16384];
              boolean held = false;
              try {
                InputStream in = from.getInputStream(); // closed by the writers' ends
                int n;
                while ((n = in.read(buf)) >= 0) {
                  while (hung && !closed) {
                    Thread.sleep(5);
                  }
                  if (lost.contains(from) || lost.contains(to)) {
                    continue; // the bytes vanish
                  }
                  ClientTap inspector = tap;
                  if (!held && connection != 0 && inspector != null) {
                    held = inspector.hold(connection, buf, n);
                  }
                  if (held) {
                    continue;
                  }
                  long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(latencyMillis);
                  Chunk chunk = new Chunk(Arrays.copyOf(buf, n), due);
                  while (!queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                    if (writerDone.get()) {
                      return;
                    }
                  }
                }
              } catch (IOException e) {
                // connection cut
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                readerDone.set(true);
                if (lost.contains(from) || lost.contains(to)) {
                  // as before the queue: the end of a lost connection's pump closes it
                  closeQuietly(from);
                  closeQuietly(to);
                }
              }
            },
            "tcp-proxy-read");
    Thread writer =
        new Thread(
            () -> {
              boolean broken = false;
              try {
                OutputStream out = to.getOutputStream();
                while (true) {
                  Chunk chunk = queue.poll(50, TimeUnit.MILLISECONDS);
                  if (chunk == null) {
                    if (readerDone.get() && queue.isEmpty()) {
                      break;
                    }
                    continue;
                  }
                  long wait = chunk.dueNanos() - System.nanoTime();
                  if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                  }
                  byte[] bytes = chunk.bytes();
                  long pace = crawlMillis;
                  if (pace > 0) {
                    // what one read would have taken with it, then the pause before its write
                    java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
                    batch.write(bytes);
                    for (Chunk next = queue.poll(); next != null; next = queue.poll()) {
                      batch.write(next.bytes());
                    }
                    bytes = batch.toByteArray();
                    Thread.sleep(pace);
                  }
                  while (hung && !closed) {
                    Thread.sleep(5);
                  }
                  if (lost.contains(from) || lost.contains(to)) {
                    continue; // the bytes vanish
                  }
                  out.write(bytes);
                  out.flush();
                }
              } catch (IOException e) {
                broken = true; // the other end is gone
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                writerDone.set(true);
                if (broken && !lost.contains(from) && !lost.contains(to)) {
                  // stop reading from this end; the other direction still delivers what it holds
                  // (a server's last message) and then closes both
                  closeQuietly(to);
                  try {
                    from.shutdownInput();
                  } catch (IOException e) {
                    closeQuietly(from);
                  }
                } else {
                  closeQuietly(from);
                  closeQuietly(to);
                }
                open.remove(from);
                open.remove(to);
              }
            },
            "tcp-proxy-write");
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    hung = false;
    down();
    closeLost();
    server.close();
  }
}
