package io.dualwrite.driver.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One mirrored write of a connection still running on the other side while the application's next
 * statement runs on the authoritative one: the two databases work at the same time instead of one
 * after the other.
 *
 * <p>Why the order of writes is kept: the write ran on the authoritative side first and holds its
 * row locks there until that side commits, and the commit waits for this write ({@link #await} is
 * called before anything else touches the other side: the next mirrored write, a read it serves, a
 * savepoint, commit, rollback, close). So no other connection can write these rows on either side
 * in between, exactly as when the mirror ran before the application's call returned. At most one
 * write is in flight per connection, and the other side runs a connection's writes in their order.
 *
 * <p>Only the statement itself runs on the worker thread. Everything the connection keeps (the
 * replay journal, the circuit breaker, discrepancy records, rebuilding the other side's transaction
 * after a serialization failure) happens in the completion, on the application's thread, inside
 * {@link #await}.
 *
 * <p>Used by one application thread at a time, like the JDBC connection it belongs to; the worker
 * only runs the statement it was given.
 */
final class MirrorPipeline {

  /** What happens once the statement is over, on the application's thread. */
  @FunctionalInterface
  interface Completion {
    /**
     * @param failure the statement's failure, or null
     * @param nanos how long the statement ran on the other side
     */
    void done(SQLException failure, long nanos);
  }

  /** How the statement on the other side ended: its failure (null if none) and its duration. */
  record Outcome(SQLException failure, long nanos) {}

  private record Pending(FutureTask<Outcome> task, Completion completion) {}

  private static final AtomicInteger THREADS = new AtomicInteger();

  /**
   * The workers, shared by every connection of the JVM: a connection has at most one statement in
   * flight, so there are never more busy workers than connections in a transaction; idle ones end
   * after 30 s. Daemon threads: a worker never keeps the JVM alive.
   */
  private static final ThreadPoolExecutor WORKERS =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          r -> {
            Thread t = new Thread(r, "dualwrite-mirror-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private Pending pending;

  /**
   * Starts {@code step} on {@code oc} on a worker, after the write before it is over; {@code then}
   * runs at the next {@link #await}.
   */
  void submit(Connection oc, SideStatements statements, MirrorJournal.Step step, Completion then) {
    await();
    FutureTask<Outcome> task =
        new FutureTask<>(
            () -> {
              long start = System.nanoTime();
              try {
                step.run(oc, statements);
                return new Outcome(null, System.nanoTime() - start);
              } catch (SQLException e) {
                return new Outcome(e, System.nanoTime() - start);
              }
            });
    pending = new Pending(task, then);
    try {
      WORKERS.execute(task);
    } catch (RejectedExecutionException e) {
      task.run(); // no thread could be started: run it here, as without the pipeline
    }
  }

  /** Whether a write is in flight. */
  boolean inFlight() {
    return pending != null;
  }

  /**
   * Waits for the write in flight, if any, and runs its completion. The statement's own wait on the
   * other side is bounded by {@code dualwrite.mirrorTimeoutMillis} (its connection's network
   * timeout), so this wait is too. An interrupt does not end it (the other side's connection cannot
   * be used before the statement is over); it is kept for the caller.
   */
  void await() {
    Pending p = pending;
    if (p == null) {
      return;
    }
    pending = null;
    Outcome outcome = outcomeOf(p);
    p.completion().done(outcome.failure(), outcome.nanos());
  }

  /**
   * Waits for the write in flight, if any, without running its completion, and returns how it ended
   * (null when none was in flight). For when the authoritative side has rolled the transaction back
   * on its own (a MySQL deadlock): its locks are gone, so other writers may have gone on before
   * this write ran on the other side, and what it found there means nothing; the other side's copy
   * of the transaction is rolled back next.
   */
  Outcome abandon() {
    Pending p = pending;
    if (p == null) {
      return null;
    }
    pending = null;
    return outcomeOf(p);
  }

  private static Outcome outcomeOf(Pending p) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return p.task().get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          return new Outcome(
              new SQLException(
                  "the mirrored statement failed unexpectedly: " + cause, "XX000", cause),
              0);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
