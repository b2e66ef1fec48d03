package io.dualwrite.admin.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No secret a URL carries appears in anything {@code dualwrite-admin} prints, in text or {@code
 * --json}, when the connection fails (nothing listens on port 1) or the URL cannot be parsed: a
 * percent-encoded parameter name Connector/J decodes to {@code password}, a password inside a
 * URL-encoded URL carried as a parameter, Connector/J's {@code (host=..,password=..)} and {@code
 * address=(..)(password=..)} forms. The tool's standard error (where its log lines go) is checked
 * too.
 */
class SecretsInAdminOutputTest {

  /** A URL and the secrets in it. */
  static Stream<Arguments> urls() {
    return Stream.of(
        Arguments.of("jdbc:mysql://127.0.0.1:1/app?user=u&passwor%64=Enc-Name-Pw1", "Enc-Name-Pw1"),
        Arguments.of(
            "jdbc:mysql://127.0.0.1:1/app?user=u&dualwrite.postgres.url="
                + "jdbc%3Apostgresql%3A%2F%2F127.0.0.1%3A1%2Fdb%3Fpassword%3DNested-Pw2",
            "Nested-Pw2"),
        Arguments.of(
            "jdbc:mysql://127.0.0.1:1/app?x=jdbc%253Apostgresql%253A%252F%252Fh%252Fdb"
                + "%253Fsslpassword%253DTwice-Pw3",
            "Twice-Pw3"),
        Arguments.of(
            "jdbc:mysql://(host=127.0.0.1,port=1,user=u,password=Paren-Pw4)/app", "Paren-Pw4"),
        Arguments.of(
            "jdbc:mysql://address=(host=127.0.0.1)(port=1)(password=Addr-Pw5)/app", "Addr-Pw5"),
        Arguments.of("jdbc:mysql://u:Info-Pw6@127.0.0.1:1/app", "Info-Pw6"),
        Arguments.of("jdbc:mysql://(host=127.0.0.1,password=Broken-Pw7/app", "Broken-Pw7"));
  }

  @ParameterizedTest
  @MethodSource("urls")
  void connectionFailuresShowNoSecret(String url, String secret) {
    List<String[]> commands =
        List.of(
            new String[] {"translate", "--mysql-url=" + url},
            new String[] {"status", "--control-url=" + url},
            new String[] {"discrepancies", "--control-url=" + url},
            new String[] {
              "verify", "--mysql-url=" + url, "--postgres-url=jdbc:postgresql://127.0.0.1:1/db"
            },
            new String[] {
              "verify", "--postgres-url=" + url, "--mysql-url=jdbc:mysql://127.0.0.1:1/app"
            });
    // each command as text and as --json (URLs alternate, to keep the run short)
    int parity = secret.charAt(secret.length() - 1) & 1; // the secrets end in 1..7
    for (int i = 0; i < commands.size(); i++) {
      List<String> args = new ArrayList<>();
      if ((i & 1) == parity) {
        args.add("--json");
      }
      args.addAll(List.of(commands.get(i)));
      Captured c = run(args.toArray(String[]::new));
      assertThat(c.result().exitCode()).as("%s", args).isEqualTo(ExitCodes.CANNOT_RUN);
      assertThat(c.result().err()).as("%s", args).isNotEmpty();
      assertThat(c.result().all()).as("output of %s", args).doesNotContain(secret);
      assertThat(c.stderr()).as("log of %s", args).doesNotContain(secret);
    }
  }

  @ParameterizedTest
  @MethodSource("urls")
  void urlsAreShownAsTheDriverShowsThem(String url, String secret) {
    assertThat(Secrets.redactUrl(url))
        .isEqualTo(io.dualwrite.driver.config.Redaction.url(url))
        .doesNotContain(secret);
    Secrets secrets = new Secrets();
    secrets.addFromUrl(url);
    // a vendor driver's message that echoes the URL
    assertThat(secrets.redact("cannot parse '" + url + "'")).doesNotContain(secret);
  }

  private record Captured(Result result, String stderr) {}

  /** Runs the tool with {@code System.err} (the log) captured. */
  private static Captured run(String... args) {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Result r;
    try {
      r = CliRun.run("SELECT 1;", args);
    } finally {
      System.setErr(originalErr);
    }
    return new Captured(r, captured.toString(StandardCharsets.UTF_8));
  }
}
