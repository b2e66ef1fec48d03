package io.dualwrite.admin.verify;

import io.dualwrite.admin.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress on standard error: a line per table per second at most while it is read, and one when it
 * is done, with rows read and rows/s. With {@code --json} each line is a JSON object (standard
 * output keeps only the report).
 */
public final class VerifyProgress implements TableVerifier.Listener {
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final PrintWriter err;
  private final boolean json;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private long last;

  public VerifyProgress(PrintWriter err, boolean json, boolean enabled, LongSupplier nanoTime) {
    this.err = err;
    this.json = json;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
    this.last = nanoTime.getAsLong();
  }

  @Override
  public void chunk(TableSpec table, long rowsRead, long differences, long elapsedNanos) {
    long now = nanoTime.getAsLong();
    if (!enabled || now - last < INTERVAL_NANOS) {
      return;
    }
    last = now;
    print(table.mysqlName(), "reading", rowsRead, differences, elapsedNanos);
  }

  public void done(TableResult r) {
    if (!enabled) {
      return;
    }
    last = nanoTime.getAsLong();
    print(
        r.table().mysqlName(),
        r.problem() != null ? "cannot compare" : "done",
        r.mysqlRows() + r.postgresRows(),
        r.differences(),
        r.nanos());
  }

  private void print(String table, String state, long rows, long differences, long nanos) {
    double seconds = Math.max(1e-3, nanos / 1e9);
    long perSecond = Math.round(rows / seconds);
    if (json) {
      err.println(
          Json.object()
              .put(
                  "progress",
                  Json.object()
                      .put("table", table)
                      .put("state", state)
                      .put("rowsRead", rows)
                      .put("differences", differences)
                      .put("rowsPerSecond", perSecond)));
    } else {
      err.printf(
          "verify: %s: %s, %,d rows read (both sides) in %.1f s, %,d rows/s, %,d differences%n",
          table, state, rows, seconds, perSecond, differences);
    }
    err.flush();
  }
}
