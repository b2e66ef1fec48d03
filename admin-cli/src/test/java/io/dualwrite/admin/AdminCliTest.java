package io.dualwrite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The frame every command shares: help, version, usage errors, exit codes, secrets. */
class AdminCliTest {

  @Test
  void helpExitsZeroAndListsExitCodes() {
    Result r = CliRun.run("", "--help");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("dualwrite-admin", "--json", "--version", "Exit codes:", "translate");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void versionExitsZeroAndNamesTheBuildVersion() {
    Result r = CliRun.run("", "--version");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("dualwrite-admin ").doesNotContain("${", "unknown\n");
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo() {
    Result r = CliRun.run("", "--no-such-option");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("--no-such-option", "--help");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownCommandIsAUsageErrorWithExitTwo() {
    Result r = CliRun.run("", "frobnicate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("frobnicate");
  }

  @Test
  void missingCommandIsAUsageErrorWithExitTwo() {
    Result r = CliRun.run("");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("Missing command: give one of translate");
  }

  @Test
  void commandHelpExitsZero() {
    Result r = CliRun.run("", "translate", "--help");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("Usage: dualwrite-admin translate", "--format", "--mysql-url");
  }

  @Test
  void unknownOptionOfACommandIsAUsageErrorWithExitTwo() {
    Result r = CliRun.run("", "translate", "--bogus");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("--bogus", "dualwrite-admin translate --help");
  }

  @Test
  void usageErrorWithJsonIsOneJsonObjectOnStandardError() {
    Result r = CliRun.run("", "--json", "--no-such-option");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    Map<String, Object> error = MiniJson.object(r.errLines().get(0));
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = (Map<String, Object>) error.get("error");
    assertThat(detail).containsEntry("kind", "usage").containsEntry("exitCode", 2L);
    assertThat((String) detail.get("message")).contains("--no-such-option");
  }

  @Test
  void picocliDebugTraceCannotShowPasswords() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setProperty("picocli.trace", "DEBUG");
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Result r;
    try {
      r = CliRun.run("SELECT 1;", "translate", "--mysql-password=Traced-Pw-31", "--bogus");
    } finally {
      System.setErr(originalErr);
      System.clearProperty("picocli.trace");
    }
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("Traced-Pw-31");
    assertThat(r.all()).doesNotContain("Traced-Pw-31");
  }

  @Test
  void passwordsInMisplacedArgumentsAreNotEchoedByUsageErrors() {
    Result r =
        CliRun.run(
            "",
            "--mysql-password",
            "Hunter2-Secret",
            "--postgres-password=Pg-Secret-9",
            "--mysql-url=jdbc:mysql://db/app?password=Url-Secret-7");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("***");
    assertThat(r.all()).doesNotContain("Hunter2-Secret", "Pg-Secret-9", "Url-Secret-7");
  }
}
