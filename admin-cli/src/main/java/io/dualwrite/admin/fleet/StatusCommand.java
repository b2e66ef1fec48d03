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
          + " with '!' (fields behind/stale with --json)."
    })
public final class StatusCommand extends FleetCommand implements Callable<Integer> {
  @Override
  public Integer call() throws SQLException {
    try (ControlStore store = openStore()) {
      FleetStatus status = FleetStatus.read(store);
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        out.println(status.toJson());
      } else {
        status.printHuman(out);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
