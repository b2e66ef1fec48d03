package io.dualwrite.admin.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandTest {
  /**
   * The Sakila schema the repository keeps with the rewriter's corpus (tests run in admin-cli/).
   */
  static final Path SAKILA =
      Path.of("../rewriter/src/test/resources/equivalence/corpus/sakila-mysql-schema.sql");

  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> member(Map<String, Object> object, String name) {
    return (Map<String, Object>) object.get(name);
  }

  /** The summary object that --json writes to standard error. */
  private static Map<String, Object> jsonSummary(Result r) {
    List<String> lines = r.errLines().stream().filter(l -> l.startsWith("{\"summary\"")).toList();
    assertThat(lines).hasSize(1);
    return member(MiniJson.object(lines.get(0)), "summary");
  }

  @Test
  void everyStatementTranslatedExitsZeroWithAHumanReport() {
    Result r = CliRun.run("SELECT 1;\nSELECT 2;\n", "translate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("SELECT 1\n-> ", "SELECT 2\n-> ")
        .contains("Input read as: script (detected; --format overrides)")
        .contains("Summary: 2 statements, 2 translated, 0 refused")
        .doesNotContain("REFUSED");
  }

  @Test
  void anyRefusalExitsOneAndIsGroupedByCodeMostFrequentFirst() {
    String input =
        "SELECT 1;\n"
            + "SELEC garbage here;\n"
            + "DELIMITER ;;\n"
            + "CREATE TRIGGER a AFTER INSERT ON t FOR EACH ROW BEGIN DELETE FROM u; END;;\n"
            + "DELIMITER ;\n"
            + "SELEC more garbage;\n";
    Result r = CliRun.run(input, "translate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out())
        .contains("SELEC garbage here\nREFUSED (parse-error): ")
        .contains("REFUSED (trigger): ")
        .contains("Summary: 4 statements, 1 translated, 3 refused");
    String refusals = r.out().substring(r.out().indexOf("Refused, by code"));
    assertThat(refusals)
        .contains("2  parse-error", "1  trigger", "e.g. line 2: SELEC garbage here");
    assertThat(refusals.indexOf("parse-error")).isLessThan(refusals.indexOf("trigger"));
  }

  @Test
  void jsonGivesExactlyOneStatementObjectPerLineAndTheSummaryOnStandardError() {
    Result r = CliRun.run("SELECT 'a\"b\\\\c';\nSELEC nonsense;\n", "translate", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    List<String> lines = r.outLines();
    assertThat(lines).hasSize(2);
    Map<String, Object> good = MiniJson.object(lines.get(0));
    assertThat(good.keySet()).containsExactly("mysql", "postgres", "refused", "kind");
    assertThat(good.get("mysql")).isEqualTo("SELECT 'a\"b\\\\c'");
    assertThat(good.get("postgres")).isInstanceOf(String.class);
    assertThat(good.get("refused")).isNull();
    assertThat(good.get("kind")).isEqualTo("SELECT");
    Map<String, Object> bad = MiniJson.object(lines.get(1));
    assertThat(bad.keySet()).containsExactly("mysql", "postgres", "refused", "kind");
    assertThat(bad.get("mysql")).isEqualTo("SELEC nonsense");
    assertThat(bad.get("postgres")).isNull();
    assertThat((String) bad.get("refused")).isNotBlank();

    Map<String, Object> summary = jsonSummary(r);
    assertThat(summary)
        .containsEntry("total", 2L)
        .containsEntry("translated", 1L)
        .containsEntry("refused", 1L)
        .containsEntry("format", "script")
        .containsEntry("formatDetected", true);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> refusals = (List<Map<String, Object>>) summary.get("refusals");
    assertThat(refusals).hasSize(1);
    assertThat(refusals.get(0))
        .containsEntry("code", "parse-error")
        .containsEntry("count", 1L)
        .containsEntry("example", "SELEC nonsense")
        .containsEntry("line", 2L);
  }

  @Test
  void jsonMayComeBeforeTheCommandName() {
    Result r = CliRun.run("SELECT 1\n", "--json", "translate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.outLines()).hasSize(1);
    assertThat(MiniJson.object(r.outLines().get(0))).containsEntry("mysql", "SELECT 1");
  }

  @Test
  void readsAFileAndDetectsOneStatementPerLine() throws IOException {
    Path file = dir.resolve("statements.sql");
    Files.writeString(file, "SELECT 1\nSELECT 2\n\nSELECT 3\n");
    Result r = CliRun.run("", "translate", "--json", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.outLines())
        .extracting(l -> MiniJson.object(l).get("mysql"))
        .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
  }

  @Test
  void readsAGeneralLogTakingQueryAndExecuteEntries() {
    String log =
        "2024-05-01T10:00:00.100000Z\t   12 Connect\tapp@host on shop using TCP/IP\n"
            + "2024-05-01T10:00:00.123456Z\t   12 Query\tSELECT 1\n"
            + "2024-05-01T10:00:00.200000Z\t   12 Prepare\tSELECT ?\n"
            + "2024-05-01T10:00:00.210000Z\t   12 Execute\tSELECT 7\n"
            + "2024-05-01T10:00:00.300000Z\t   12 Quit\t\n";
    Result r = CliRun.run(log, "translate", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.outLines())
        .extracting(l -> MiniJson.object(l).get("mysql"))
        .containsExactly("SELECT 1", "SELECT 7");
  }

  @Test
  void formatOptionOverridesDetection() {
    // Detected as a script this is one statement; as lines it is two.
    Result r = CliRun.run("SELECT 1\nSELECT 2;\n", "translate", "--json", "--format", "lines");
    assertThat(r.outLines()).hasSize(2);
    assertThat(jsonSummary(r))
        .containsEntry("format", "lines")
        .containsEntry("formatDetected", false);
  }

  @Test
  void parallelTranslationGivesTheSameOutputAsOneThread() throws IOException {
    String sakila = Files.readString(SAKILA);
    StringBuilder input = new StringBuilder(sakila);
    for (int i = 0; i < 500; i++) {
      input
          .append("SELECT * FROM t WHERE id = ")
          .append(i)
          .append(";\nSELEC broken ")
          .append(i)
          .append(";\n");
    }
    Result one = CliRun.run(input.toString(), "translate", "--threads", "1");
    Result four = CliRun.run(input.toString(), "translate", "--threads", "4");
    assertThat(four.exitCode()).isEqualTo(one.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(four.out()).isEqualTo(one.out());
  }

  @Test
  void threadsBelowOneIsAUsageError() {
    Result r = CliRun.run("SELECT 1", "translate", "--threads", "0");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("--threads must be at least 1");
  }

  @Test
  void unknownFormatIsAUsageError() {
    Result r = CliRun.run("SELECT 1", "translate", "--format", "csv");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("'csv' is not a format", "script, lines, general-log");
  }

  @Test
  void missingFileCannotRunAndSaysWhy() {
    Path missing = dir.resolve("missing.sql");
    Result r = CliRun.run("", "translate", missing.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("cannot read " + missing + ": no such file");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingFileWithJsonIsAJsonErrorOnStandardError() {
    Result r = CliRun.run("", "translate", "--json", dir.resolve("missing.sql").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    Map<String, Object> error = member(MiniJson.object(r.errLines().get(0)), "error");
    assertThat(error).containsEntry("kind", "cannot-run").containsEntry("exitCode", 2L);
  }

  @Test
  void standardInputIsReadForADash() {
    Result r = CliRun.run("SELECT 1\n", "translate", "-");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("SELECT 1\n-> ", "Summary: 1 statement, 1 translated, 0 refused");
  }

  @Test
  void sessionStatementsWithoutPostgresSideSayWhy() {
    Result r = CliRun.run("SET NAMES utf8mb4;\n", "translate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("SET NAMES utf8mb4\n-> (runs on MySQL only; PostgreSQL needs nothing)");
    Result json = CliRun.run("SET NAMES utf8mb4;\n", "translate", "--json");
    Map<String, Object> s = MiniJson.object(json.outLines().get(0));
    assertThat(s).containsEntry("postgres", null).containsEntry("refused", null);
    assertThat(s.get("kind")).isEqualTo("SESSION");
  }

  @Test
  void statementsTheDriverHandlesWithoutAPostgresStatementAreNotRefusals() {
    Result r =
        CliRun.run(
            "SELECT GET_LOCK('flyway', 10);\nSELECT LAST_INSERT_ID();\nALTER TABLE t ENGINE=InnoDB;\n",
            "translate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains(
            "SELECT GET_LOCK('flyway', 10)\n"
                + "-> (answered by MySQL's session (the driver sends it there))")
        .contains("SELECT LAST_INSERT_ID()\n-> (answered by MySQL's session")
        .contains("ALTER TABLE t ENGINE=InnoDB\n-> (nothing to run on PostgreSQL)");
  }

  @Test
  void directoryInsteadOfAFileCannotRun() {
    Result r = CliRun.run("", "translate", dir.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("cannot read " + dir);
  }

  @Test
  void emptyInputTranslatesNothingAndExitsZero() {
    Result r = CliRun.run("-- nothing here\n", "translate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("Summary: 0 statements, 0 translated, 0 refused");
  }

  @Test
  void overlongStatementIsRefusedWithoutBeingHeldWhole() {
    String huge = "SELECT '" + "x".repeat(TranslateCommand.MAX_STATEMENT_LENGTH) + "'";
    Result r = CliRun.run(huge + ";\nSELECT 2;\n", "translate", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    Map<String, Object> first = MiniJson.object(r.outLines().get(0));
    assertThat((String) first.get("refused")).contains(Integer.toString(huge.length()));
    assertThat((String) first.get("mysql")).hasSize(TranslateCommand.TOO_LONG_SHOWN_CHARS + 3);
    assertThat(MiniJson.object(r.outLines().get(1)).get("refused")).isNull();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> refusals = (List<Map<String, Object>>) jsonSummary(r).get("refusals");
    assertThat(refusals.get(0)).containsEntry("code", Outcome.TOO_LONG);
  }

  @Test
  void progressIsShownWhenAskedAtMostOncePerSecond() {
    AtomicLong now = new AtomicLong();
    LongSupplier clock = () -> now.addAndGet(400_000_000L); // 0.4 s per reading
    Result r = CliRun.run("SELECT 1;\n".repeat(10), clock, "translate", "--progress");
    List<String> progress = r.errLines().stream().filter(l -> l.startsWith("translate: ")).toList();
    // One reading at start, one per statement, 0.4 s apart: lines after statements 3, 6 and 9.
    assertThat(progress).hasSize(3);
    assertThat(progress.get(0)).contains("3 statements (0 refused)", "statements/s");
  }

  @Test
  void progressForAFileShowsTheShareRead() throws IOException {
    Path file = dir.resolve("many.sql");
    Files.writeString(file, "SELECT 1;\n".repeat(4));
    AtomicLong now = new AtomicLong();
    LongSupplier clock = () -> now.addAndGet(2_000_000_000L);
    Result r = CliRun.run("", clock, "translate", "--progress", file.toString());
    List<String> progress = r.errLines().stream().filter(l -> l.startsWith("translate: ")).toList();
    assertThat(progress).hasSize(4);
    assertThat(progress.get(3)).contains("4 statements (0 refused)", "(100%) read");
  }

  @Test
  void progressIsOffWhenStandardErrorIsNotATerminal() {
    AtomicLong now = new AtomicLong();
    LongSupplier clock = () -> now.addAndGet(2_000_000_000L);
    Result r = CliRun.run("SELECT 1;\n".repeat(5), clock, "translate");
    assertThat(r.err()).isEmpty();
    Result off = CliRun.run("SELECT 1;\n".repeat(5), clock, "translate", "--no-progress");
    assertThat(off.err()).isEmpty();
  }

  @Test
  void progressWithJsonIsJson() {
    AtomicLong now = new AtomicLong();
    LongSupplier clock = () -> now.addAndGet(2_000_000_000L);
    Result r = CliRun.run("SELECT 1;\n".repeat(3), clock, "translate", "--json", "--progress");
    List<String> progress =
        r.errLines().stream().filter(l -> l.startsWith("{\"progress\"")).toList();
    assertThat(progress).hasSize(3);
    assertThat(member(MiniJson.object(progress.get(2)), "progress"))
        .containsEntry("statements", 3L)
        .containsEntry("refused", 0L);
  }

  @Test
  void connectionFailureExitsTwoAndNeverPrintsThePassword() {
    String password = "Pw-NeverShown-8472";
    Result r =
        CliRun.run(
            "SELECT 1;",
            "translate",
            "--mysql-url=jdbc:mysql://127.0.0.1:1/app?connectTimeout=3000&password=UrlPw-3141",
            "--mysql-user=app",
            "--mysql-password=" + password);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("cannot connect to MySQL at jdbc:mysql://127.0.0.1:1/app");
    assertThat(r.all()).doesNotContain(password, "UrlPw-3141");
    assertThat(r.out()).isEmpty();

    Result json =
        CliRun.run(
            "SELECT 1;",
            "translate",
            "--json",
            "--mysql-url=jdbc:mysql://127.0.0.1:1/app?connectTimeout=3000",
            "--mysql-password",
            password);
    assertThat(json.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(member(MiniJson.object(json.errLines().get(0)), "error"))
        .containsEntry("exitCode", 2L);
    assertThat(json.all()).doesNotContain(password);
  }

  @Test
  void passwordOptionWithoutValueNeedsATerminalAndNeverReadsStandardInput() {
    Result r =
        CliRun.run(
            "SELECT 1;\n",
            "translate",
            "--json",
            "--mysql-url=jdbc:mysql://127.0.0.1:1/app",
            "--mysql-password");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.out()).isEmpty();
    assertThat((String) member(MiniJson.object(r.errLines().get(0)), "error").get("message"))
        .contains("--mysql-password without a value asks for the password on the terminal");
  }

  @Test
  void passwordFromTheConfigFileIsNeverPrintedEither() throws IOException {
    Path config = dir.resolve("dualwrite.properties");
    Files.writeString(
        config,
        "url=jdbc:dualwrite:mysql://127.0.0.1:1/app?connectTimeout=3000\n"
            + "user=app\n"
            + "password=FilePw-2718\n");
    Result r = CliRun.run("SELECT 1;", "translate", "--config", config.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("jdbc:mysql://127.0.0.1:1/app");
    assertThat(r.all()).doesNotContain("FilePw-2718");
  }

  @Test
  void sakilaSchemaReportIsConsistentAndRefusesTheTriggers() throws IOException {
    Result r = CliRun.run("", "translate", "--json", SAKILA.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    Map<String, Object> summary = jsonSummary(r);
    long total = (Long) summary.get("total");
    long translated = (Long) summary.get("translated");
    long refused = (Long) summary.get("refused");
    assertThat(total).isEqualTo(translated + refused);
    assertThat(total)
        .isEqualTo(Statements.read(InputFormat.SCRIPT, Files.readString(SAKILA)).size());
    assertThat(r.outLines()).hasSize((int) total);

    List<Map<String, Object>> statements = r.outLines().stream().map(MiniJson::object).toList();
    assertThat(statements.stream().filter(s -> s.get("refused") != null)).hasSize((int) refused);
    assertThat(
            statements.stream().filter(s -> ((String) s.get("mysql")).startsWith("CREATE TRIGGER")))
        .hasSize(3)
        .allSatisfy(
            s -> {
              assertThat(s.get("refused")).isNotNull();
              assertThat(s.get("postgres")).isNull();
            });

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> refusals = (List<Map<String, Object>>) summary.get("refusals");
    assertThat(refusals.stream().mapToLong(g -> (Long) g.get("count")).sum()).isEqualTo(refused);
    assertThat(refusals)
        .anySatisfy(
            g -> {
              assertThat(g.get("code")).isEqualTo("trigger");
              assertThat(g.get("count")).isEqualTo(3L);
              assertThat((String) g.get("example")).startsWith("CREATE TRIGGER `ins_film`");
            });
    List<Long> counts = refusals.stream().map(g -> (Long) g.get("count")).toList();
    assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }
}
