package io.dualwrite.admin.backfill;

import io.dualwrite.admin.backfill.Backfiller.TableState;
import io.dualwrite.admin.json.Json;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress on standard error: on a terminal, a bar per table redrawn every second (rows copied of
 * the estimate, rows/s, ETA); otherwise a plain line per table being copied every ten seconds and
 * one when a table ends; with {@code --json}, the same as JSON objects. No data values: counts,
 * rates and table names only.
 */
final class BackfillProgress implements Backfiller.Listener {
  private final PrintWriter err;
  private final boolean json;
  private final boolean terminal;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private final Map<String, String> lastState = new HashMap<>();
  private long lastPrint;
  private int drawnLines;

  BackfillProgress(
      PrintWriter err, boolean json, boolean terminal, boolean enabled, LongSupplier nanoTime) {
    this.err = err;
    this.json = json;
    this.terminal = terminal && !json;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
    this.lastPrint = nanoTime.getAsLong();
  }

  @Override
  public synchronized void note(String line) {
    if (json) {
      err.println(Json.object().put("note", line));
    } else {
      clearBars();
      err.println(line);
    }
    err.flush();
  }

  @Override
  public synchronized void progress(List<TableState> tables) {
    if (!enabled) {
      return;
    }
    long now = nanoTime.getAsLong();
    long every = terminal ? TimeUnit.SECONDS.toNanos(1) : TimeUnit.SECONDS.toNanos(10);
    boolean due = now - lastPrint >= every;
    if (terminal) {
      if (due || changed(tables)) {
        lastPrint = now;
        drawBars(tables, now);
      }
      return;
    }
    for (TableState t : tables) {
      String before = lastState.put(t.info.mysqlName(), t.state);
      boolean ended = t.terminal() && !t.state.equals(before);
      boolean running = "copying".equals(t.state) && due;
      if (ended || running) {
        line(t, now);
      }
    }
    if (due) {
      lastPrint = now;
    }
    err.flush();
  }

  private boolean changed(List<TableState> tables) {
    boolean changed = false;
    for (TableState t : tables) {
      if (!t.state.equals(lastState.put(t.info.mysqlName(), t.state))) {
        changed = true;
      }
    }
    return changed;
  }

  private void clearBars() {
    if (terminal && drawnLines > 0) {
      err.print("\033[" + drawnLines + "A\033[J");
      drawnLines = 0;
    }
  }

  private void drawBars(List<TableState> tables, long now) {
    clearBars();
    for (TableState t : tables) {
      long rate = rate(t, now);
      double share =
          t.estimate <= 0
              ? (t.terminal() ? 1 : 0)
              : Math.min(1, (double) t.rowsCopied / t.estimate);
      if ("complete".equals(t.state)) {
        share = 1;
      }
      int filled = (int) Math.round(share * 30);
      err.printf(
          "%-24s [%s%s] %3d%% %,d rows %,d rows/s %s %s%n",
          clip(t.info.mysqlName()),
          "#".repeat(filled),
          "-".repeat(30 - filled),
          Math.round(share * 100),
          t.rowsCopied,
          rate,
          eta(t, rate),
          t.state);
      drawnLines++;
    }
    err.flush();
  }

  private void line(TableState t, long now) {
    long rate = rate(t, now);
    if (json) {
      err.println(
          Json.object()
              .put(
                  "progress",
                  Json.object()
                      .put("table", t.info.mysqlName())
                      .put("state", t.state)
                      .put("rowsCopied", t.rowsCopied)
                      .put("rowsEstimate", t.estimate)
                      .put("rowsPerSecond", rate)
                      .put("etaSeconds", etaSeconds(t, rate))));
    } else {
      err.printf(
          "backfill: %s: %s, %,d of about %,d rows, %,d rows/s, %s%n",
          t.info.mysqlName(),
          t.state,
          t.rowsCopied,
          Math.max(t.estimate, t.rowsCopied),
          rate,
          eta(t, rate));
    }
  }

  static long rate(TableState t, long now) {
    if (t.startNanos == 0) {
      return 0;
    }
    long end = t.endNanos != 0 ? t.endNanos : now;
    double seconds = Math.max(1e-3, (end - t.startNanos) / 1e9);
    return Math.round(t.rowsThisRun / seconds);
  }

  private static long etaSeconds(TableState t, long rate) {
    if (t.terminal() || rate <= 0) {
      return t.terminal() ? 0 : -1;
    }
    return Math.max(0, (t.estimate - t.rowsCopied) / rate);
  }

  private static String eta(TableState t, long rate) {
    long s = etaSeconds(t, rate);
    if (t.terminal()) {
      return "";
    }
    return s < 0 ? "ETA ?" : String.format("ETA %d:%02d", s / 60, s % 60);
  }

  private static String clip(String s) {
    return s.length() <= 24 ? s : s.substring(0, 23) + "~";
  }
}
