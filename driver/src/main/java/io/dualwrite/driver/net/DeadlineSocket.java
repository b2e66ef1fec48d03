package io.dualwrite.driver.net;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP socket whose read timeout, while its {@link ExchangeDeadline} is enforced, bounds the whole
 * reply to a request rather than each read: the time spent waiting in reads since the last write
 * may not exceed it. A write (the next request) starts a new count. Time the caller spends between
 * reads (processing rows it has) does not count.
 *
 * <p>The vendor driver sets and reads the timeout as usual ({@code setSoTimeout}, {@code
 * getSoTimeout}); each read waits at most what is left of it. When the deadline is not enforced,
 * the socket behaves as a plain one. A TLS socket layered on it reads and writes through these
 * streams and sets its timeout through this socket, so TLS connections are bounded the same way.
 *
 * <p>A socket's timeout bounds reads only: a write to a server that stopped reading (hung, or a
 * path that dropped it) waits until the buffers on the way drain, for as long as TCP keeps the
 * connection. While the deadline is enforced, a write that has not completed within the timeout has
 * its socket closed by a watchdog thread, and fails with a {@link SocketTimeoutException}.
 *
 * <p>Used by one thread at a time, as the vendor drivers use their sockets.
 */
final class DeadlineSocket extends Socket {
  private final ExchangeDeadline deadline;

  /** The timeout as the vendor driver set it, in milliseconds (0: none). */
  private volatile int timeoutMillis;

  /** The timeout last given to the underlying socket. */
  private int applied;

  /** Time spent waiting in reads since the last write. */
  private volatile long waitedNanos;

  /** When the write in progress began ({@link System#nanoTime}), while it is watched. */
  private volatile long writingSince;

  /** Whether the watchdog closed the socket because a write outlasted the deadline. */
  private volatile boolean writeTimedOut;

  private InputStream in;
  private OutputStream out;

  /** The sockets with a watched write in progress. */
  private static final Set<DeadlineSocket> WRITING = ConcurrentHashMap.newKeySet();

  /** How often the watchdog looks at the writes in progress. */
  private static final long WATCH_MILLIS = 100;

  DeadlineSocket(ExchangeDeadline deadline) {
    this.deadline = deadline;
  }

  @Override
  public synchronized void setSoTimeout(int timeout) throws SocketException {
    super.setSoTimeout(timeout);
    timeoutMillis = timeout;
    applied = timeout;
  }

  @Override
  public synchronized int getSoTimeout() throws SocketException {
    super.getSoTimeout(); // fails as a plain socket does once closed
    return timeoutMillis;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (in == null) {
      in = new Input(super.getInputStream());
    }
    return in;
  }

  @Override
  public synchronized OutputStream getOutputStream() throws IOException {
    if (out == null) {
      out = new Output(super.getOutputStream());
    }
    return out;
  }

  /**
   * Gives the underlying socket the wait this read may take, and returns whether the deadline
   * shortened it; throws once no wait is left.
   */
  private boolean beforeRead() throws IOException {
    int timeout = timeoutMillis;
    int wait = timeout;
    if (timeout > 0 && deadline.enforced()) {
      long left = TimeUnit.MILLISECONDS.toNanos(timeout) - waitedNanos;
      if (left <= 0) {
        throw deadlineOver(timeout);
      }
      wait = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
    }
    if (wait != applied) {
      super.setSoTimeout(wait);
      applied = wait;
    }
    return wait < timeout;
  }

  private static SocketTimeoutException deadlineOver(int timeout) {
    return new SocketTimeoutException(
        "no complete reply within " + timeout + " ms (dualwrite.mirrorTimeoutMillis)");
  }

  /** One read, counted against the deadline. */
  private int read(InputStream in, byte[] b, int off, int len) throws IOException {
    int timeout = timeoutMillis;
    boolean shortened = beforeRead();
    long start = System.nanoTime();
    try {
      return in.read(b, off, len);
    } catch (SocketTimeoutException e) {
      if (shortened) {
        SocketTimeoutException over = deadlineOver(timeout);
        over.initCause(e);
        throw over;
      }
      throw e;
    } finally {
      waitedNanos += System.nanoTime() - start;
    }
  }

  private final class Input extends FilterInputStream {
    /** For single-byte reads (one reading thread at a time, as for the socket). */
    private final byte[] one = new byte[1];

    Input(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int n;
      do {
        n = read(one, 0, 1);
      } while (n == 0);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return DeadlineSocket.this.read(in, b, off, len);
    }
  }

  /** One write: a new request, so a new count for its reply; watched while the deadline holds. */
  private void write(OutputStream out, byte[] b, int off, int len) throws IOException {
    waitedNanos = 0;
    int timeout = timeoutMillis;
    if (timeout <= 0 || !deadline.enforced()) {
      out.write(b, off, len);
      return;
    }
    writingSince = System.nanoTime();
    WRITING.add(this);
    Watchdog.start();
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      if (writeTimedOut) {
        SocketTimeoutException over =
            new SocketTimeoutException(
                "request not sent within "
                    + timeout
                    + " ms (dualwrite.mirrorTimeoutMillis): the server does not read");
        over.initCause(e);
        throw over;
      }
      throw e;
    } finally {
      WRITING.remove(this);
      writingSince = 0;
    }
  }

  /** Closes the sockets whose watched write has lasted longer than their timeout. */
  private static void closeStalledWrites() {
    long now = System.nanoTime();
    for (DeadlineSocket s : WRITING) {
      long since = s.writingSince;
      int timeout = s.timeoutMillis;
      if (since != 0 && timeout > 0 && now - since > TimeUnit.MILLISECONDS.toNanos(timeout)) {
        s.writeTimedOut = true;
        try {
          s.close(); // the blocked write fails at once
        } catch (IOException e) {
          // closed anyway
        }
      }
    }
  }

  /**
   * The watchdog: one daemon thread, started by a watched write when none runs, ending after 30 s
   * with no watched write (as the mirror's workers do), so an idle driver keeps no thread.
   */
  private static final class Watchdog {
    private static final AtomicBoolean RUNNING = new AtomicBoolean();
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

    static void start() {
      if (!RUNNING.get() && RUNNING.compareAndSet(false, true)) {
        Thread t = new Thread(Watchdog::run, "dualwrite-socket-watchdog");
        t.setDaemon(true);
        t.start();
      }
    }

    private static void run() {
      long busy = System.nanoTime();
      while (true) {
        try {
          Thread.sleep(WATCH_MILLIS);
        } catch (InterruptedException e) {
          RUNNING.set(false);
          return;
        }
        closeStalledWrites();
        if (!WRITING.isEmpty()) {
          busy = System.nanoTime();
        } else if (System.nanoTime() - busy > IDLE_NANOS) {
          RUNNING.set(false);
          // a write that began after the look above started no thread of its own: go on for it
          if (WRITING.isEmpty() || !RUNNING.compareAndSet(false, true)) {
            return;
          }
          busy = System.nanoTime();
        }
      }
    }
  }

  private final class Output extends FilterOutputStream {
    /** For single-byte writes (one writing thread at a time, as for the socket). */
    private final byte[] one = new byte[1];

    Output(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      one[0] = (byte) b;
      write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      DeadlineSocket.this.write(out, b, off, len);
    }
  }
}
