package io.dualwrite.driver.control;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The statements and commits in flight that write both databases ("windows"), counted so that a JVM
 * exiting without {@code Driver.shutdown()} can still stop cleanly. A process that dies inside a
 * window may leave the sides different (the authoritative side committed, the mirror not, or the
 * reverse); one that dies outside every window leaves at most open transactions, which both servers
 * roll back. So the exit hook ({@link #atExit}) publishes a clean stop only while no window is
 * open, and keeps it true until the JVM is gone:
 *
 * <ul>
 *   <li>open windows at exit: it waits for them a bounded time; the last one to close publishes the
 *       clean stop if the JVM still runs by then, otherwise the stop stays unclean and the fleet
 *       opens drift on the written tables (docs/consistency.md);
 *   <li>a window opened after the clean stop was published (an application's own shutdown hook, a
 *       request finishing during a graceful shutdown) takes it back, synchronously and before it
 *       writes anything, naming its tables; the stop is published again when it closes.
 * </ul>
 *
 * <p>While the JVM runs, a window costs what announcing its tables costs ({@link WrittenTables}),
 * one atomic increment, one decrement and a volatile read: the lock is taken only after exit began.
 */
public final class WriteWindows {
  /** What the exit hook publishes in the control store: a last heartbeat, clean or not. */
  public interface StopPublisher {
    /**
     * Writes what is buffered and a last heartbeat: with {@code clean} the stop is marked and the
     * written tables cleared, without it the written tables stay published (the instance looks
     * crashed once its heartbeat is stale). Bounded by the control store's timeouts.
     */
    void publishStop(boolean clean);
  }

  private final WrittenTables written;
  private final AtomicInteger open = new AtomicInteger();
  private final Object lock = new Object();
  private volatile boolean exiting;
  private StopPublisher publisher; // guarded by lock
  private boolean cleanPublished; // guarded by lock

  public WriteWindows(WrittenTables written) {
    this.written = written;
  }

  /**
   * A window opens: before the first write of a statement or commit that writes both sides. Must be
   * followed by {@link #close()} in a {@code finally}.
   *
   * @param tables the tables it may write, announced in the instance's written tables before
   *     anything is written (WrittenTables: no I/O on this thread)
   */
  public void open(Collection<String> tables) {
    written.noteWrite(tables);
    open.incrementAndGet();
    if (exiting) {
      openWhileExiting();
    }
  }

  /** The window closed: both sides are done with the statement or the commit. */
  public void close() {
    if (open.decrementAndGet() == 0 && exiting) {
      synchronized (lock) {
        publishCleanIfQuiet();
        lock.notifyAll();
      }
    }
  }

  /** How many windows are open (for tests and diagnostics). */
  public int openCount() {
    return open.get();
  }

  /**
   * At JVM exit: publishes the stop, clean if no window is open within {@code waitMillis};
   * otherwise unclean, and the last window to close publishes the clean stop later if the JVM lives
   * that long. Windows opened from now on see {@code exiting} (the increment in {@link #open} and
   * the write of {@code exiting} here are both sequentially consistent, so a window either sees it
   * or is counted here).
   */
  public void atExit(long waitMillis, StopPublisher stops) {
    synchronized (lock) {
      publisher = stops;
      exiting = true;
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (open.get() > 0 && !cleanPublished) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (!cleanPublished) {
        if (open.get() == 0) {
          publishCleanIfQuiet();
        } else {
          stops.publishStop(false);
        }
      }
    }
  }

  private void openWhileExiting() {
    synchronized (lock) {
      if (cleanPublished) {
        cleanPublished = false;
        publisher.publishStop(false); // before this window writes: a death now is not clean
      }
    }
  }

  private void publishCleanIfQuiet() {
    if (publisher != null && !cleanPublished && open.get() == 0) {
      publisher.publishStop(true);
      cleanPublished = true;
    }
  }
}
