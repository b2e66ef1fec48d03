package io.dualwrite.rewriter.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The corpus itself: big enough, every category of the rewriter issue present, well formed. */
class CorpusTest {
  /** Every category the rewriter issue names (P0, P1, DDL, writes) plus the runner's own. */
  static final Set<String> REQUIRED_CATEGORIES =
      Set.of(
          "p0.identifiers",
          "p0.dq-strings",
          "p0.backslash",
          "p0.or-pipes",
          "p0.comments",
          "p0.limit",
          "p0.upsert",
          "p0.insert-ignore",
          "p0.replace",
          "p0.insert-set",
          "p0.multi-update",
          "p0.multi-delete",
          "p0.order-limit",
          "p0.ifnull",
          "p0.if",
          "p0.concat",
          "p0.group-concat",
          "p0.date-format",
          "p0.str-to-date",
          "p0.date-arith",
          "p0.datediff",
          "p0.timestampdiff",
          "p0.unix-timestamp",
          "p0.from-unixtime",
          "p0.md5",
          "p0.sha2",
          "p0.locking",
          "p1.length",
          "p1.division",
          "p1.div-mod",
          "p1.bitwise",
          "p1.null-safe-eq",
          "p1.greatest-least",
          "p1.null-ordering",
          "p1.regexp",
          "p1.json-extract",
          "p1.json-arrow",
          "p1.values-row",
          "p1.json-construct",
          "p1.cast",
          "p1.convert",
          "p1.substring-index",
          "p1.locate-instr",
          "p1.find-in-set",
          "p1.field",
          "p1.pad",
          "p1.index-hints",
          "p1.straight-join",
          "p1.calc-found-rows",
          "p1.hex-bit",
          "p1.string-as-number",
          "p1.case-insensitive",
          "p1.sleep",
          "ddl.create-table",
          "ddl.alter-add",
          "ddl.alter-drop",
          "ddl.alter-modify",
          "ddl.alter-change",
          "ddl.alter-rename-column",
          "ddl.alter-options",
          "ddl.index",
          "ddl.truncate",
          "ddl.rename-table",
          "ddl.view",
          "ddl.drop-table",
          "writes.insert",
          "writes.update",
          "writes.delete",
          "writes.errors",
          "nondeterministic",
          "refusals",
          "functions",
          "general.query");

  private final List<CorpusEntry> corpus = Corpus.load();

  @Test
  void holdsAtLeast300DistinctStatementsWithUniqueIds() {
    Set<String> ids = new HashSet<>();
    Set<String> statements = new HashSet<>();
    for (CorpusEntry e : corpus) {
      assertThat(ids.add(e.id())).as("duplicate id %s", e.id()).isTrue();
      assertThat(statements.add(e.sql())).as("duplicate statement %s", e.id()).isTrue();
    }
    assertThat(statements).hasSizeGreaterThanOrEqualTo(300);
  }

  @Test
  void coversEveryCategoryOfTheRewriterIssueAndNoUnknownOne() {
    Map<String, Long> byCategory =
        corpus.stream()
            .collect(
                Collectors.groupingBy(CorpusEntry::category, TreeMap::new, Collectors.counting()));
    assertThat(byCategory.keySet()).containsAll(REQUIRED_CATEGORIES);
    assertThat(REQUIRED_CATEGORIES).containsAll(byCategory.keySet());
    System.out.println("[equivalence] corpus: " + corpus.size() + " statements " + byCategory);
  }

  @Test
  void everyModeIsUsedAndEntriesAreComplete() {
    assertThat(corpus.stream().map(CorpusEntry::mode).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(CorpusEntry.Mode.values());
    for (CorpusEntry e : corpus) {
      switch (e.mode()) {
        case REFUSE -> assertThat(e.refusalCode()).as(e.id()).isNotNull();
        case EXPECT -> {
          assertThat(e.rows()).as("expected rows of %s", e.id()).isNotEmpty();
          assertThat(e.note())
              .as("%s must say why MariaDB cannot run it", e.id())
              .containsIgnoringCase("MariaDB");
        }
        default -> assertThat(e.refusalCode()).as(e.id()).isNull();
      }
      assertThat(e.sql().split("\\?", -1).length - 1)
          .as("binds of %s", e.id())
          .isEqualTo(e.binds().size());
    }
  }

  @Test
  void everyResultHeaderSaysWhetherRowOrderCountsAndAgreesWithTheStatement() {
    for (CorpusEntry e : corpus) {
      boolean result =
          e.mode() == CorpusEntry.Mode.COMPARE
              || e.mode() == CorpusEntry.Mode.EXPECT
              || e.mode() == CorpusEntry.Mode.SHAPE;
      if (!result) {
        continue;
      }
      assertThat(e.order()).as("-- order: of %s", e.id()).isIn("ordered", "unordered");
      assertThat(e.ordered())
          .as(
              "%s says %s but the statement %s a top-level ORDER BY",
              e.id(), e.order(), CorpusEntry.hasTopLevelOrderBy(e.sql()) ? "has" : "has no")
          .isEqualTo(CorpusEntry.hasTopLevelOrderBy(e.sql()));
    }
  }

  @Test
  void knownFailuresNameExistingEntries() {
    Set<String> ids = corpus.stream().map(CorpusEntry::id).collect(Collectors.toSet());
    ids.addAll(SakilaSchemaIT.TEST_IDS);
    Corpus.parse("sqlglot.sql", Corpus.resource(Corpus.ROOT + "sqlglot.sql"))
        .forEach(e -> ids.add(e.id()));
    assertThat(ids).containsAll(KnownFailures.load().keySet());
  }

  @Test
  void topLevelOrderByDecidesWhetherRowOrderCounts() {
    assertThat(CorpusEntry.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a")).isTrue();
    assertThat(CorpusEntry.hasTopLevelOrderBy("SELECT GROUP_CONCAT(a ORDER BY a) FROM t"))
        .isFalse();
    assertThat(CorpusEntry.hasTopLevelOrderBy("SELECT * FROM (SELECT a FROM t ORDER BY a) x"))
        .isFalse();
    assertThat(CorpusEntry.hasTopLevelOrderBy("SELECT 'ORDER BY' FROM t")).isFalse();
    assertThat(CorpusEntry.hasTopLevelOrderBy("SELECT a FROM t # ORDER BY a")).isFalse();
    assertThat(CorpusEntry.hasTopLevelOrderBy("SELECT a FROM t\nORDER\n BY a")).isTrue();
  }
}
