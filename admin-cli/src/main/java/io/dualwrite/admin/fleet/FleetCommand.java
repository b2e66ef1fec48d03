package io.dualwrite.admin.fleet;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.connect.ConnectionOptions;
import io.dualwrite.admin.connect.ConnectionSettings;
import io.dualwrite.driver.control.ControlStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What the commands on the control store share: the connection options and opening the store. */
abstract class FleetCommand {
  @ParentCommand AdminCli cli;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin ControlOptions control;

  ConnectionSettings settings;

  /** Opens the control store named by the options (exit 2 when there is none or it is down). */
  ControlStore openStore() {
    settings = connection.resolve(cli.context().secrets());
    return ControlAccess.open(settings, control.url(), cli.context().secrets());
  }
}
