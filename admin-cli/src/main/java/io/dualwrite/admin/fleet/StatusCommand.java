package io.dualwrite.admin.fleet;

import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.driver.control.ControlStore;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code status}: the fleet's flags, instances, discrepancy and drift counts. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Shows the phase, read and compare percentages and flag version; each instance with its"
          + " applied version, last heartbeat and mirror health; discrepancy and drift counts.",
      "Instances behind the stored version, or not seen for 3 refresh intervals, are marked"
          + " with '!' (fields behind/stale with --json).",
      "An instance not seen for 3 refresh intervals that did not stop cleanly is CRASHED: the"
          + " tables it was writing are listed and drift is opened on them (repair covers them)."
    })
public final class StatusCommand extends FleetCommand implements Callable<Integer> {
  @Override
  public Integer call() throws SQLException {
    try (ControlStore store = openStore()) {
      PrintWriter out = spec.commandLine().getOut();
      openCrashDrift(store);
      FleetStatus status = FleetStatus.read(store);
      if (status.instances().stream()
          .anyMatch(
              i ->
                  i.crashed()
                      && i.crashDriftOpenedAt() == null
                      && i.writtenTables() != null
                      && !i.writtenTables().isEmpty())) {
        // An instance went stale between the two reads: open its drift, so that what status
        // calls crashed always has its drift open.
        openCrashDrift(store);
        status = FleetStatus.read(store);
      }
      if (cli.json()) {
        out.println(status.toJson());
      } else {
        status.printHuman(out);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Instances that died without a clean stop: their written tables become drift. */
  private void openCrashDrift(ControlStore store) {
    try {
      store.openCrashDrift();
    } catch (SQLException e) {
      spec.commandLine()
          .getErr()
          .println(
              "status: could not open drift for crashed instances: "
                  + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
