package io.dualwrite.rewriter.equivalence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The proof that the rewriter keeps meaning, by execution: the fixture schema and data (MySQL DDL
 * and INSERTs) are created on MariaDB as written and on PostgreSQL through the rewriter, then every
 * corpus statement runs on both and the outcomes are compared under {@link Normalisation}. One
 * dynamic test per statement, named by its corpus id. Ids listed in {@code known-failures.txt} must
 * still fail (see {@link KnownFailures}).
 */
@ExtendWith(TestDatabases.class)
class ExecutionEquivalenceIT {
  private static DualRunner runner;
  private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();
  private static final Map<String, String> CATEGORY = new ConcurrentHashMap<>();

  @BeforeAll
  static void open(DatabasePair db) throws SQLException {
    runner = new DualRunner(db);
  }

  @AfterAll
  static void close() throws Exception {
    try {
      writeSummary();
    } finally {
      if (runner != null) {
        runner.close();
      }
    }
  }

  @TestFactory
  Stream<DynamicNode> mysqlAndTranslatedPostgresAgree() {
    List<CorpusEntry> corpus = Corpus.load();
    Map<String, String> known = KnownFailures.load();
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(dynamicContainer("fixture", fixture()));
    Map<String, List<DynamicNode>> byFile = new java.util.LinkedHashMap<>();
    for (CorpusEntry e : corpus) {
      CATEGORY.put(e.id(), e.category());
      String file = e.source().substring(0, e.source().indexOf(':'));
      byFile
          .computeIfAbsent(file, f -> new ArrayList<>())
          .add(dynamicTest(e.id(), guarded(e.id(), known.get(e.id()), () -> runner.check(e))));
    }
    byFile.forEach((file, tests) -> nodes.add(dynamicContainer(file, tests)));
    return nodes.stream();
  }

  /** Runs a check; a known failure must fail, and its passing fails the test. */
  private static Executable guarded(String id, String knownReason, Executable check) {
    return () -> {
      if (knownReason == null) {
        try {
          check.execute();
          OUTCOMES.put(id, "pass");
        } catch (Throwable t) {
          OUTCOMES.put(id, "FAIL");
          throw new AssertionError("[" + id + "] " + t.getMessage(), t);
        }
        return;
      }
      try {
        check.execute();
      } catch (Throwable expected) {
        OUTCOMES.put(id, "known");
        System.out.println(
            "[equivalence] known failure "
                + id
                + " ("
                + knownReason
                + "): "
                + firstLine(expected.getMessage()));
        return;
      }
      OUTCOMES.put(id, "FAIL");
      throw new AssertionError(
          id
              + " is listed in known-failures.txt ("
              + knownReason
              + ") but now passes: remove it from the list");
    };
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * The fixture: MariaDB as written; PostgreSQL through the rewriter; then both must hold equal
   * rows.
   */
  private static Stream<DynamicNode> fixture() {
    List<MysqlScript.Statement> schema =
        MysqlScript.split(Corpus.resource(Corpus.ROOT + "fixture-schema.sql"));
    List<MysqlScript.Statement> data =
        MysqlScript.split(Corpus.resource(Corpus.ROOT + "fixture-data.sql"));
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(
        dynamicTest(
            "schema runs on MariaDB as written",
            () -> {
              for (MysqlScript.Statement s : schema) {
                runner.mysqlOnly(s.sql());
              }
              runner.loadCatalog();
            }));
    for (MysqlScript.Statement s : schema) {
      nodes.add(
          dynamicTest(
              "schema line " + s.line() + " translated runs on PostgreSQL: " + head(s.sql()),
              () -> runner.postgresOnly(s.sql())));
    }
    for (MysqlScript.Statement s : data) {
      nodes.add(
          dynamicTest(
              "data line " + s.line() + " on both: " + head(s.sql()),
              () -> {
                runner.mysqlOnly(s.sql());
                runner.postgresOnly(s.sql());
              }));
    }
    nodes.add(
        dynamicTest(
            "every fixture table holds the same rows on both sides",
            () -> {
              runner.syncAllSequences();
              List<String> differences = new ArrayList<>();
              for (String table : fixtureTables(schema)) {
                Optional<String> diff =
                    Normalisation.difference(
                        runner.dump(runner.mysql, table, Normalisation.Side.MYSQL),
                        runner.dump(runner.postgres, table, Normalisation.Side.POSTGRES),
                        true,
                        Set.of());
                diff.ifPresent(d -> differences.add(table + ": " + d));
              }
              assertThat(differences).isEmpty();
            }));
    return nodes.stream();
  }

  private static List<String> fixtureTables(List<MysqlScript.Statement> schema) {
    List<String> tables = new ArrayList<>();
    for (MysqlScript.Statement s : schema) {
      String text = s.sql().trim();
      if (text.toUpperCase(Locale.ROOT).startsWith("CREATE TABLE ")) {
        String name = text.substring("CREATE TABLE ".length()).trim().split("[\\s(]")[0];
        tables.add(name.replace("`", "").toLowerCase(Locale.ROOT));
      }
    }
    return tables;
  }

  private static String head(String sql) {
    String one = sql.replaceAll("\\s+", " ");
    return one.length() > 60 ? one.substring(0, 60) + "..." : one;
  }

  private static void writeSummary() throws IOException {
    if (OUTCOMES.isEmpty()) {
      return;
    }
    Map<String, int[]> byCategory = new TreeMap<>();
    int[] total = new int[3];
    OUTCOMES.forEach(
        (id, outcome) -> {
          int slot = outcome.equals("pass") ? 0 : outcome.equals("known") ? 1 : 2;
          byCategory.computeIfAbsent(CATEGORY.getOrDefault(id, "?"), c -> new int[3])[slot]++;
          total[slot]++;
        });
    StringBuilder out = new StringBuilder();
    out.append("| category | statements | equal (passing) | known rewriter failures | failing |\n");
    out.append("|---|---|---|---|---|\n");
    byCategory.forEach(
        (c, n) ->
            out.append(
                String.format(
                    "| %s | %d | %d | %d | %d |%n", c, n[0] + n[1] + n[2], n[0], n[1], n[2])));
    out.append(
        String.format(
            "| **total** | %d | %d | %d | %d |%n",
            total[0] + total[1] + total[2], total[0], total[1], total[2]));
    System.out.println("[equivalence] corpus outcome by category\n" + out);
    Path target = Path.of("target", "equivalence-corpus-summary.md");
    Files.createDirectories(target.getParent());
    Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
  }
}
