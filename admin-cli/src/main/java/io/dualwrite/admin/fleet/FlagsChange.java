package io.dualwrite.admin.fleet;

import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.json.Json;
import io.dualwrite.driver.Phase;
import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.control.InstanceStatus;
import io.dualwrite.driver.control.StoredFlags;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes a new flags version and waits until every live instance (seen within three of its refresh
 * intervals) reports it. Used by {@code set-phase}, {@code set-read-percent}, {@code
 * set-compare-percent} and {@code demo}.
 */
public final class FlagsChange {
  /** How often the heartbeats are read while waiting. */
  static final long POLL_MILLIS = 200;

  /** The flags an operator asks for. */
  public record Target(Phase phase, int readPercent, int comparePercent) {}

  /** The outcome: the stored version and the live instances that had not applied it. */
  public record Outcome(StoredFlags flags, int live, List<String> laggards, long waitedMillis) {
    public boolean applied() {
      return laggards.isEmpty();
    }
  }

  private FlagsChange() {}

  /**
   * Stores {@code change} applied to the current flags (or the defaults when none are stored), on
   * condition that no other change came first; {@code guard} may refuse it.
   */
  public static StoredFlags write(ControlStore store, UnaryOperator<Target> change, Guard guard)
      throws SQLException {
    Optional<StoredFlags> current = store.flags();
    Target base =
        current
            .map(f -> new Target(f.phase(), f.readPercent(), f.comparePercent()))
            .orElse(new Target(Phase.DUAL_WRITE, 0, 0));
    Target target = change.apply(base);
    if (guard != null) {
      guard.check(store, current, base, target);
    }
    if (current.isEmpty()) {
      return store.setFlags(
          target.phase(), target.readPercent(), target.comparePercent(), operator());
    }
    return store
        .setFlagsIfVersion(
            current.get().version(),
            target.phase(),
            target.readPercent(),
            target.comparePercent(),
            operator())
        .orElseThrow(
            () ->
                new AdminException(
                    ExitCodes.DIFFERENCES,
                    "the flags changed while this command ran (they were at version "
                        + current.get().version()
                        + "); check status and run the command again"));
  }

  /** A check before the change is written. */
  public interface Guard {
    void check(ControlStore store, Optional<StoredFlags> current, Target from, Target to)
        throws SQLException;
  }

  /** Waits up to {@code timeoutMillis} for every live instance to report {@code version}. */
  public static Outcome await(
      ControlStore store, StoredFlags flags, long timeoutMillis, PrintWriter err, boolean json)
      throws SQLException {
    long start = System.nanoTime();
    long lastPrint = start;
    while (true) {
      List<InstanceStatus> instances = store.instances();
      List<String> laggards = new ArrayList<>();
      int live = 0;
      for (InstanceStatus i : instances) {
        if (i.stale()) {
          continue;
        }
        live++;
        if (i.appliedVersion() < flags.version() || i.flagsError() != null) {
          laggards.add(
              i.instance()
                  + " (at version "
                  + i.appliedVersion()
                  + (i.flagsError() == null ? "" : ", refuses the flags: " + i.flagsError())
                  + ")");
        }
      }
      long waited = (System.nanoTime() - start) / 1_000_000;
      if (laggards.isEmpty() || waited >= timeoutMillis) {
        return new Outcome(flags, live, laggards, waited);
      }
      if (System.nanoTime() - lastPrint >= 1_000_000_000L) {
        lastPrint = System.nanoTime();
        if (json) {
          Json.ArrayBuilder names = Json.array();
          laggards.forEach(names::add);
          err.println(
              Json.object()
                  .put(
                      "progress",
                      Json.object()
                          .put("version", flags.version())
                          .put("live", live)
                          .put("waiting", laggards.size())
                          .put("laggards", names)
                          .put("waitedMillis", waited)));
        } else {
          err.printf(
              "waiting %.0f s for %d of %d live instances to apply version %d: %s%n",
              waited / 1000.0, laggards.size(), live, flags.version(), String.join(", ", laggards));
        }
        err.flush();
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw AdminException.cannotRun("interrupted while waiting for the instances", e);
      }
    }
  }

  /** Reports the outcome; exit 0 when applied (or no live instance), 1 with laggards on timeout. */
  public static int report(PrintWriter out, boolean json, Outcome o) {
    StoredFlags f = o.flags();
    if (json) {
      Json.ArrayBuilder names = Json.array();
      o.laggards().forEach(names::add);
      out.println(
          Json.object()
              .put("phase", f.phase().name())
              .put("readPercent", f.readPercent())
              .put("comparePercent", f.comparePercent())
              .put("version", f.version())
              .put("applied", o.applied())
              .put("liveInstances", o.live())
              .put("laggards", names)
              .put("waitedMillis", o.waitedMillis()));
    } else {
      out.printf(
          "flags version %d stored: phase %s, reads %d%% from PostgreSQL, compare %d%%%n",
          f.version(), f.phase(), f.readPercent(), f.comparePercent());
      if (o.live() == 0) {
        out.println("no live instance: each applies this version when it starts or comes back");
      } else if (o.applied()) {
        out.printf(
            "applied by all %d live instances in %.1f s%n", o.live(), o.waitedMillis() / 1000.0);
      } else {
        out.printf(
            "timed out after %.1f s: %d of %d live instances have not applied version %d: %s%n",
            o.waitedMillis() / 1000.0,
            o.laggards().size(),
            o.live(),
            f.version(),
            String.join(", ", o.laggards()));
      }
    }
    out.flush();
    return o.applied() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  static String operator() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    return "dualwrite-admin " + System.getProperty("user.name", "?") + "@" + host;
  }

  static int percent(String text, String option) {
    try {
      int n = Integer.parseInt(text.trim().replace("%", ""));
      if (n >= 0 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw AdminException.cannotRun(
        option + " must be a whole number from 0 to 100, got " + text, null);
  }

  static Phase phase(String text) {
    try {
      return Phase.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw AdminException.cannotRun(
          "unknown phase " + text + ": give MYSQL_ONLY, DUAL_WRITE, PG_PRIMARY or PG_ONLY", e);
    }
  }
}
