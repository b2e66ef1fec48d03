package io.dualwrite.admin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionSettingsTest {

  @TempDir Path dir;

  /** A command with the full mixin, as status/verify/repair will have it. */
  @Command(name = "probe")
  static final class Probe {
    @Mixin ConnectionOptions connection;
  }

  private static ConnectionSettings parse(Secrets secrets, String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.connection.resolve(secrets);
  }

  private Path config(String text) throws IOException {
    Path file = dir.resolve("dualwrite.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void optionsGiveBothSides() {
    ConnectionSettings s =
        parse(
            new Secrets(),
            "--mysql-url=jdbc:mysql://db/app",
            "--mysql-user=app",
            "--mysql-password=m",
            "--postgres-url=jdbc:postgresql://pg/app",
            "--postgres-user=pgapp",
            "--postgres-password=p");
    assertThat(s.mysql()).contains(new DatabaseEndpoint("jdbc:mysql://db/app", "app", "m"));
    assertThat(s.postgres())
        .contains(new DatabaseEndpoint("jdbc:postgresql://pg/app", "pgapp", "p"));
  }

  @Test
  void configFileUsesTheDriverPropertyNamesAndOptionsWin() throws IOException {
    Path file =
        config(
            "url=jdbc:mysql://filedb/app\n"
                + "user=fileuser\n"
                + "password=filepw\n"
                + "dualwrite.postgres.url=jdbc:postgresql://filepg/app\n"
                + "dualwrite.postgres.user=filepguser\n"
                + "dualwrite.postgres.password=filepgpw\n"
                + "dualwrite.control=primary\n");
    ConnectionSettings s =
        parse(new Secrets(), "--config", file.toString(), "--mysql-user=cliuser");
    assertThat(s.mysql())
        .contains(new DatabaseEndpoint("jdbc:mysql://filedb/app", "cliuser", "filepw"));
    assertThat(s.postgres())
        .contains(new DatabaseEndpoint("jdbc:postgresql://filepg/app", "filepguser", "filepgpw"));
    assertThat(s.dualwriteProperties()).containsEntry("dualwrite.control", "primary");
  }

  @Test
  void postgresCredentialsDefaultToMysqlOnesAsInTheDriver() {
    ConnectionSettings s =
        parse(
            new Secrets(),
            "--mysql-url=jdbc:mysql://db/app",
            "--mysql-user=app",
            "--mysql-password=m",
            "--postgres-url=jdbc:postgresql://pg/app");
    assertThat(s.postgres()).contains(new DatabaseEndpoint("jdbc:postgresql://pg/app", "app", "m"));
  }

  @Test
  void dualwriteUrlLosesOnlyItsPrefixAndItsDualwriteParameters() {
    ConnectionSettings s =
        parse(
            new Secrets(),
            "--mysql-url=jdbc:dualwrite:mysql://db:3306/app?useSSL=false"
                + "&dualwrite.postgres.url=jdbc%3Apostgresql%3A%2F%2Fpg%3A5432%2Fapp"
                + "&dualwrite.phase=DUAL_WRITE&characterEncoding=utf8");
    assertThat(s.mysql().orElseThrow().url())
        .isEqualTo("jdbc:mysql://db:3306/app?useSSL=false&characterEncoding=utf8");
    assertThat(s.postgres().orElseThrow().url()).isEqualTo("jdbc:postgresql://pg:5432/app");
    assertThat(s.dualwriteProperties()).containsEntry("dualwrite.phase", "DUAL_WRITE");
  }

  @Test
  void configFileWinsOverDualwriteParametersInTheUrl() throws IOException {
    Path file = config("dualwrite.postgres.url=jdbc:postgresql://fromfile/app\n");
    ConnectionSettings s =
        parse(
            new Secrets(),
            "--config",
            file.toString(),
            "--mysql-url=jdbc:dualwrite:mysql://db/app?dualwrite.postgres.url=jdbc:postgresql://fromurl/app");
    assertThat(s.postgres().orElseThrow().url()).isEqualTo("jdbc:postgresql://fromfile/app");
    assertThat(s.mysql().orElseThrow().url()).isEqualTo("jdbc:mysql://db/app");
  }

  @Test
  void takeDualwriteParametersKeepsPlainUrlsUnchanged() {
    Map<String, String> props = new HashMap<>();
    assertThat(ConnectionSettings.takeDualwriteParameters("jdbc:mysql://db/app?a=1&b=2", props))
        .isEqualTo("jdbc:mysql://db/app?a=1&b=2");
    assertThat(props).isEmpty();
  }

  @Test
  void everyPasswordIsRegisteredAsASecret() throws IOException {
    Path file = config("dualwrite.postgres.password=pgfromfile\n");
    Secrets secrets = new Secrets();
    parse(
        secrets,
        "--config",
        file.toString(),
        "--mysql-url=jdbc:mysql://db/app?password=inurl",
        "--mysql-password=cli");
    assertThat(secrets.redact("pgfromfile inurl cli")).isEqualTo("*** *** ***");
  }

  @Test
  void toStringNeverShowsPasswords() {
    ConnectionSettings s =
        parse(
            new Secrets(),
            "--mysql-url=jdbc:mysql://db/app?password=inurl",
            "--mysql-password=clipw",
            "--postgres-url=jdbc:postgresql://u:userinfo@pg/app");
    assertThat(s.toString())
        .doesNotContain("inurl", "clipw", "userinfo")
        .contains("jdbc:mysql://db/app");
  }

  @Test
  void unreadableConfigFileCannotRun() {
    Secrets secrets = new Secrets();
    assertThatThrownBy(
            () -> parse(secrets, "--config", dir.resolve("missing.properties").toString()))
        .isInstanceOfSatisfying(
            AdminException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN))
        .hasMessageContaining("missing.properties");
  }

  @Test
  void withoutUrlsThereAreNoSides() {
    ConnectionSettings s = parse(new Secrets());
    assertThat(s.mysql()).isEmpty();
    assertThat(s.postgres()).isEmpty();
  }
}
