package io.dualwrite.admin.translate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Translates statements on worker threads and hands the results back in input order.
 *
 * <p>At most {@code 16 x threads} statements, and at most {@value #MAX_PENDING_CHARS} characters of
 * statement text, are in flight, so memory stays bounded whatever the input size. With one thread
 * everything runs on the caller's thread.
 */
final class OrderedTranslations implements AutoCloseable {
  /** Statement characters allowed in flight before the caller waits for the oldest result. */
  static final long MAX_PENDING_CHARS = 8_000_000;

  private record Pending(SourceStatement statement, CompletableFuture<Outcome> outcome) {}

  private final Function<SourceStatement, Outcome> translate;
  private final BiConsumer<SourceStatement, Outcome> sink;
  private final ExecutorService executor;
  private final int window;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private long pendingChars;

  /**
   * @param translate the work for one statement, called on a worker thread; must not throw
   * @param sink receives each statement and its outcome, in input order, on the caller's thread
   */
  OrderedTranslations(
      int threads,
      Function<SourceStatement, Outcome> translate,
      BiConsumer<SourceStatement, Outcome> sink) {
    this.translate = translate;
    this.sink = sink;
    this.window = 16 * threads;
    if (threads > 1) {
      AtomicInteger n = new AtomicInteger();
      this.executor =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "dualwrite-translate-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    } else {
      this.executor = null;
    }
  }

  /** Queues one statement; results that are ready (in order) go to the sink. */
  void submit(SourceStatement statement) {
    if (executor == null) {
      sink.accept(statement, translate.apply(statement));
      return;
    }
    pending.add(
        new Pending(
            statement, CompletableFuture.supplyAsync(() -> translate.apply(statement), executor)));
    pendingChars += statement.text().length();
    while (!pending.isEmpty()
        && (pending.size() >= window
            || pendingChars > MAX_PENDING_CHARS
            || pending.peek().outcome().isDone())) {
      emitOldest();
    }
  }

  /** Waits for every queued statement and hands over the rest of the results. */
  void finish() {
    while (!pending.isEmpty()) {
      emitOldest();
    }
  }

  private void emitOldest() {
    Pending p = pending.poll();
    pendingChars -= p.statement().text().length();
    sink.accept(p.statement(), p.outcome().join());
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
