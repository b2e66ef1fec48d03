package io.dualwrite.admin.translate;

import io.dualwrite.admin.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress lines on standard error for long inputs: at most one per second, the first after one
 * second, so short inputs print none. With {@code --json} each line is a JSON object.
 */
final class Progress {
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final PrintWriter err;
  private final boolean json;
  private final LongSupplier nanoTime;
  private final CountingInputStream bytes;
  private final long totalBytes;
  private final long start;
  private long last;

  /**
   * @param bytes counts the input's bytes read so far
   * @param totalBytes the input's size, or -1 when unknown (standard input)
   */
  Progress(
      PrintWriter err,
      boolean json,
      LongSupplier nanoTime,
      CountingInputStream bytes,
      long totalBytes) {
    this.err = err;
    this.json = json;
    this.nanoTime = nanoTime;
    this.bytes = bytes;
    this.totalBytes = totalBytes;
    this.start = nanoTime.getAsLong();
    this.last = start;
  }

  void update(TranslationReport report) {
    long now = nanoTime.getAsLong();
    if (now - last < INTERVAL_NANOS) {
      return;
    }
    last = now;
    long read = bytes.count();
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    long perSecond = Math.round(report.total() / seconds);
    if (json) {
      Json.ObjectBuilder p =
          Json.object()
              .put("statements", report.total())
              .put("refused", report.refused())
              .put("bytesRead", read);
      if (totalBytes >= 0) {
        p.put("bytesTotal", totalBytes);
      }
      err.println(Json.object().put("progress", p.put("statementsPerSecond", perSecond)));
    } else {
      StringBuilder line =
          new StringBuilder("translate: ")
              .append(String.format("%,d", report.total()))
              .append(" statements (")
              .append(String.format("%,d", report.refused()))
              .append(" refused), ")
              .append(megabytes(read));
      if (totalBytes > 0) {
        line.append(" of ")
            .append(megabytes(totalBytes))
            .append(String.format(" (%d%%)", Math.min(100, read * 100 / totalBytes)));
      }
      line.append(" read, ").append(String.format("%,d", perSecond)).append(" statements/s");
      err.println(line);
    }
    err.flush();
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
