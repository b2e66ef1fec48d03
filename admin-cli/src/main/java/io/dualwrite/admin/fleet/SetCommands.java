package io.dualwrite.admin.fleet;

import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.driver.Phase;
import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.control.DiscrepancySummary;
import io.dualwrite.driver.control.StoredFlags;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code set-phase}, {@code set-read-percent} and {@code set-compare-percent}. */
public final class SetCommands {
  private SetCommands() {}

  abstract static class SetFlagsCommand extends FleetCommand implements Callable<Integer> {
    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "30",
        description =
            "How long to wait for every live instance to apply the new version (default:"
                + " ${DEFAULT-VALUE}; 0: do not wait).")
    long timeoutSeconds;

    abstract UnaryOperator<FlagsChange.Target> change();

    FlagsChange.Guard guard() {
      return null;
    }

    void afterWrite(ControlStore store, StoredFlags flags, PrintWriter err) throws SQLException {}

    @Override
    public Integer call() throws SQLException {
      if (timeoutSeconds < 0) {
        throw AdminException.cannotRun("--timeout must not be negative", null);
      }
      try (ControlStore store = openStore()) {
        StoredFlags flags = FlagsChange.write(store, change(), guard());
        PrintWriter err = spec.commandLine().getErr();
        afterWrite(store, flags, err);
        FlagsChange.Outcome outcome =
            FlagsChange.await(store, flags, timeoutSeconds * 1000, err, cli.json());
        return FlagsChange.report(spec.commandLine().getOut(), cli.json(), outcome);
      }
    }
  }

  @Command(
      name = "set-phase",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      sortOptions = false,
      description = {
        "Moves the fleet to PHASE (MYSQL_ONLY, DUAL_WRITE, PG_PRIMARY, PG_ONLY) and waits until"
            + " every live instance has applied it.",
        "Refuses (exit 1) a move forward while drift is open, discrepancies were recorded since"
            + " the flags last changed, or a table's backfill is incomplete, unless --force."
            + " Moving back is always allowed; moving back to MYSQL_ONLY sends incomplete"
            + " backfills back to their first key (writes are no longer mirrored)."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:stored and applied by every live instance",
        "1:refused by the guard rail, or timed out (laggards listed)",
        "2:bad usage, or the control store cannot be reached"
      })
  public static final class SetPhase extends SetFlagsCommand {
    @Parameters(index = "0", paramLabel = "PHASE", description = "The phase to move to.")
    String phase;

    @Option(
        names = "--force",
        description = "Move forward even with open discrepancies, drift or an incomplete backfill.")
    boolean force;

    @Override
    UnaryOperator<FlagsChange.Target> change() {
      Phase p = FlagsChange.phase(phase);
      return t -> new FlagsChange.Target(p, t.readPercent(), t.comparePercent());
    }

    @Override
    void afterWrite(ControlStore store, StoredFlags flags, PrintWriter err) throws SQLException {
      if (!flags.phase().mirrorsWrites()) {
        int restarted = store.restartIncompleteBackfill();
        if (restarted > 0) {
          err.println(
              "set-phase: "
                  + restarted
                  + " incomplete backfill(s) sent back to their first key: writes are no longer"
                  + " mirrored, so what was copied is not current (run backfill --resume after"
                  + " set-phase DUAL_WRITE)");
          err.flush();
        }
      }
    }

    @Override
    FlagsChange.Guard guard() {
      return (store, current, from, to) -> {
        if (force || to.phase().ordinal() <= from.phase().ordinal()) {
          return;
        }
        if (to.phase().ordinal() > Phase.DUAL_WRITE.ordinal()) {
          // DUAL_WRITE itself is where a backfill runs
          refuseWhileBackfilling(store, "move forward from " + from.phase() + " to " + to.phase());
        }
        Instant since = current.map(StoredFlags::updatedAt).orElse(null);
        long discrepancies =
            store.discrepancySummary(since).stream()
                .mapToLong(DiscrepancySummary::occurrences)
                .sum();
        long drift = store.drift().size();
        if (discrepancies > 0 || drift > 0) {
          throw new AdminException(
              ExitCodes.DIFFERENCES,
              "refusing to move forward from "
                  + from.phase()
                  + " to "
                  + to.phase()
                  + ": "
                  + discrepancies
                  + " discrepancies recorded since the flags last changed"
                  + (since == null ? "" : " (" + since + ")")
                  + " and "
                  + drift
                  + " drift rows open. Look at them with discrepancies and status, fix them with"
                  + " repair, then run again; or use --force");
        }
      };
    }
  }

  /** Exit 1 while {@code dualwrite-admin backfill} has not completed a table. */
  static void refuseWhileBackfilling(ControlStore store, String what) throws SQLException {
    java.util.Set<String> incomplete = store.incompleteBackfillTables();
    if (!incomplete.isEmpty()) {
      throw new AdminException(
          ExitCodes.DIFFERENCES,
          "refusing to "
              + what
              + ": the backfill of "
              + incomplete.size()
              + " table(s) is not complete ("
              + String.join(", ", new java.util.TreeSet<>(incomplete))
              + "), so PostgreSQL does not have all their rows yet. Run dualwrite-admin backfill"
              + " --resume until it exits 0; or use --force");
    }
  }

  @Command(
      name = "set-read-percent",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      sortOptions = false,
      description = {
        "Sets the share (0-100) of eligible reads served by PostgreSQL across the fleet and"
            + " waits until every live instance has applied it.",
        "Refuses (exit 1) a share above 0 while a table's backfill is incomplete, unless --force"
            + " (reads of such a table stay on MySQL either way)."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:stored and applied by every live instance",
        "1:refused by the guard rail, or timed out (laggards listed)",
        "2:bad usage, or the control store cannot be reached"
      })
  public static final class SetReadPercent extends SetFlagsCommand {
    @Parameters(index = "0", paramLabel = "N", description = "0 to 100.")
    String percent;

    @Option(names = "--force", description = "Set a share above 0 even while a backfill runs.")
    boolean force;

    @Override
    UnaryOperator<FlagsChange.Target> change() {
      int n = FlagsChange.percent(percent, "N");
      return t -> new FlagsChange.Target(t.phase(), n, t.comparePercent());
    }

    @Override
    FlagsChange.Guard guard() {
      return (store, current, from, to) -> {
        if (!force && to.readPercent() > 0) {
          refuseWhileBackfilling(store, "serve reads from PostgreSQL");
        }
      };
    }
  }

  @Command(
      name = "set-compare-percent",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      sortOptions = false,
      description =
          "Sets the share (0-100) of reads run on both sides and compared across the fleet and"
              + " waits until every live instance has applied it.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:stored and applied by every live instance",
        "1:timed out (laggards listed)",
        "2:bad usage, or the control store cannot be reached"
      })
  public static final class SetComparePercent extends SetFlagsCommand {
    @Parameters(index = "0", paramLabel = "N", description = "0 to 100.")
    String percent;

    @Override
    UnaryOperator<FlagsChange.Target> change() {
      int n = FlagsChange.percent(percent, "N");
      return t -> new FlagsChange.Target(t.phase(), t.readPercent(), n);
    }
  }
}
