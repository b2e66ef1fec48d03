package io.dualwrite.admin.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator commands are registered and their help text is formatted (no raw % codes). */
class OperatorCommandsHelpTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status",
        "set-phase",
        "set-read-percent",
        "set-compare-percent",
        "discrepancies",
        "verify",
        "repair",
        "demo"
      })
  void helpIsFormatted(String command) {
    Result r = CliRun.run("", command, "--help");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("Usage: dualwrite-admin " + command).doesNotContain("%n");
  }

  @Test
  void demoHelpShowsThePercentages() {
    assertThat(CliRun.run("", "demo", "--help").out()).contains("100 %)");
  }

  @Test
  void statusWithoutAnyDatabaseIsBadUsage() {
    Result r = CliRun.run("", "status", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("\"error\"");
  }
}
