package io.dualwrite.rewriter.equivalence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.dualwrite.rewriter.Translation;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 37 MySQL inputs of sqlglot's MySQL-to-PostgreSQL tests, run through the rewriter and executed
 * on both sides (their expected PostgreSQL outputs are not used as oracles: several change
 * meaning).
 *
 * <p>Each case is in {@code equivalence/sqlglot.sql} in the form that can run: the input verbatim
 * when it is a statement, otherwise wrapped in a SELECT over a tiny table from {@code
 * sqlglot-fixture.sql} (the entry's note says how). Every case lands in exactly one bucket:
 * translated and execution-equal; refused (with the code); not executable (MySQL itself rejects it,
 * or a table it needs could not be created on PostgreSQL); or translated but different — the only
 * bucket that fails the test (unless listed in {@code known-failures.txt}). The counts are printed
 * and written to {@code target/equivalence-counts.md} (and to the path in the system property
 * {@code dualwrite.equivalence.counts}, when set).
 */
@ExtendWith(TestDatabases.class)
class SqlglotCorpusIT {
  private static DualRunner runner;
  private static final Map<String, String> BUCKET = new TreeMap<>();
  private static final List<String> FIXTURE_PROBLEMS = new ArrayList<>();
  private static final List<String> MISSING_TABLES = new ArrayList<>();

  @BeforeAll
  static void fixture(DatabasePair db) throws SQLException {
    runner = new DualRunner(db);
    List<MysqlScript.Statement> statements =
        MysqlScript.split(Corpus.resource(Corpus.ROOT + "sqlglot-fixture.sql"));
    for (MysqlScript.Statement s : statements) {
      runner.mysqlOnly(s.sql());
    }
    runner.loadCatalog();
    for (MysqlScript.Statement s : statements) {
      try {
        runner.postgresOnly(s.sql());
      } catch (AssertionError | SQLException e) {
        FIXTURE_PROBLEMS.add(
            e.getMessage().split("\n")[0] + " (" + s.sql().split("\\(")[0].trim() + ")");
        String upper = s.sql().toUpperCase(Locale.ROOT);
        if (upper.startsWith("CREATE TABLE ")) {
          MISSING_TABLES.add(
              s.sql().substring(13).trim().split("[\\s(]")[0].toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  @AfterAll
  static void summary() throws Exception {
    try {
      writeCounts();
    } finally {
      if (runner != null) {
        runner.close();
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseIsEqualRefusedOrNotExecutable() {
    List<Map<String, Object>> inputs = inputs();
    List<CorpusEntry> cases =
        Corpus.parse("sqlglot.sql", Corpus.resource(Corpus.ROOT + "sqlglot.sql"));
    assertThat(inputs).hasSize(37);
    assertThat(cases).hasSameSizeAs(inputs);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      CorpusEntry c = cases.get(i);
      String input = (String) inputs.get(i).get("mysql");
      String source = (String) inputs.get(i).get("source");
      tests.add(
          dynamicTest(
              c.id() + " " + source,
              () -> {
                assertThat(c.id()).isEqualTo(String.format("sqlglot-%02d", cases.indexOf(c) + 1));
                assertRunsTheInput(c, input);
                KnownFailures.run(c.id(), () -> classify(c));
              }));
    }
    tests.add(
        dynamicTest("every case is in exactly one bucket", () -> assertThat(BUCKET).hasSize(37)));
    return tests.stream();
  }

  /** The executed form is the input itself, or the input wrapped/renamed as its note says. */
  private static void assertRunsTheInput(CorpusEntry c, String input) {
    String sql = c.sql().trim();
    if (c.note().startsWith("the input, verbatim")) {
      assertThat(sql).isEqualTo(input.trim());
    } else if (c.note().contains("renamed")) {
      assertThat(sql.replace("t2 ", "t ").replace("sg_json", "t")).isEqualTo(input.trim());
    } else {
      assertThat(sql).contains(input.trim().replaceFirst("^SELECT ", ""));
    }
  }

  private static void classify(CorpusEntry c) throws Exception {
    Translation t = runner.translate(c.sql());
    if (t.isRefused()) {
      String mysqlToo = "";
      if (c.mode() != CorpusEntry.Mode.EXPECT) {
        try {
          runner.mysqlOnly(c.sql());
        } catch (SQLException e) {
          mysqlToo = " (MySQL rejects it too: " + firstLine(e.getMessage()) + ")";
        }
      }
      BUCKET.put(c.id(), "refused: " + t.refusal().code() + mysqlToo);
      return;
    }
    for (String table : MISSING_TABLES) {
      if (c.sql().toLowerCase(Locale.ROOT).matches("(?s).*\\b" + table + "\\b.*")) {
        BUCKET.put(
            c.id(), "not executable: its table " + table + " could not be created on PostgreSQL");
        return;
      }
    }
    try {
      runner.check(c);
      BUCKET.put(c.id(), "translated, execution-equal");
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage())
          .startsWith("corpus error: " + DualRunner.mysqlServer() + " rejects")) {
        String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        BUCKET.put(c.id(), "not executable: MySQL rejects it (" + firstLine(why) + ")");
        return;
      }
      throw e;
    } catch (AssertionError e) {
      BUCKET.put(c.id(), "translated, DIFFERS");
      throw e;
    }
  }

  private static List<Map<String, Object>> inputs() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String line :
        Corpus.resource(Corpus.ROOT + "corpus/sqlglot_mysql_to_postgres.jsonl").lines().toList()) {
      if (!line.isBlank()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonValue.parse(line);
        out.add(json);
      }
    }
    return out;
  }

  private static String firstLine(String s) {
    String text = String.valueOf(s);
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static void writeCounts() throws IOException {
    if (BUCKET.isEmpty()) {
      return;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("translated, execution-equal", 0);
    counts.put("refused", 0);
    counts.put("not executable", 0);
    counts.put("translated, DIFFERS", 0);
    BUCKET
        .values()
        .forEach(
            b -> {
              String key =
                  b.startsWith("refused")
                      ? "refused"
                      : b.startsWith("not executable") ? "not executable" : b;
              counts.merge(key, 1, Integer::sum);
            });
    StringBuilder out = new StringBuilder();
    out.append("## sqlglot MySQL -> PostgreSQL cases (").append(BUCKET.size()).append(")\n\n");
    out.append("| outcome | cases |\n|---|---|\n");
    counts.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    out.append("\n| case | outcome |\n|---|---|\n");
    BUCKET.forEach(
        (k, v) ->
            out.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
    if (!FIXTURE_PROBLEMS.isEmpty()) {
      out.append("\nFixture statements PostgreSQL could not take: ")
          .append(FIXTURE_PROBLEMS)
          .append('\n');
    }
    System.out.println("[equivalence] " + out);
    Path target = Path.of("target", "equivalence-counts.md");
    Files.createDirectories(target.getParent());
    Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
    String configured = System.getProperty("dualwrite.equivalence.counts");
    if (configured != null) {
      Files.writeString(Path.of(configured), out.toString(), StandardCharsets.UTF_8);
    }
  }
}
