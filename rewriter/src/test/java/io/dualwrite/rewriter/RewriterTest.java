package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RewriterTest {

  @Test
  void cachedTranslationIsReturnedWithoutTranslatingAgain() {
    Rewriter r = Rewriter.builder().build();
    Translation first = r.translate("SELECT a FROM t WHERE b = ?");
    assertThat(r.translate("SELECT a FROM t WHERE b = ?")).isSameAs(first);
    r.invalidate();
    Translation again = r.translate("SELECT a FROM t WHERE b = ?");
    assertThat(again).isNotSameAs(first);
    assertThat(again.postgresSql()).isEqualTo(first.postgresSql());
  }

  @Test
  void refusalsAreCachedToo() {
    Rewriter r = Rewriter.builder().build();
    Translation refused = r.translate("SELECT SHA1('x')");
    assertThat(refused.isRefused()).isTrue();
    assertThat(r.translate("SELECT SHA1('x')")).isSameAs(refused);
  }

  @Test
  void catalogGenerationIsPartOfTheCacheKey() {
    AtomicLong generation = new AtomicLong(1);
    TableInfo counters =
        new TableInfo(
            "counters",
            List.of(Fixtures.col("name", "varchar(10)"), Fixtures.col("hits", "int(11)")),
            List.of("name"),
            List.of());
    boolean[] known = {false};
    SchemaCatalog catalog =
        new SchemaCatalog() {
          @Override
          public Optional<TableInfo> table(String name) {
            return known[0] && name.equals("counters") ? Optional.of(counters) : Optional.empty();
          }

          @Override
          public long generation() {
            return generation.get();
          }
        };
    Rewriter r = Rewriter.builder().catalog(catalog).build();
    String upsert =
        "INSERT INTO counters (name, hits) VALUES ('a', 1) ON DUPLICATE KEY UPDATE hits = hits + 1";
    assertThat(r.translate(upsert).isRefused()).isTrue();
    known[0] = true;
    generation.incrementAndGet();
    assertThat(r.translate(upsert).isRefused()).isFalse();
    assertThat(r.catalog()).isSameAs(catalog);
  }

  @Test
  void aRepeatedStatementIsAnsweredFromTheCache() {
    assertCacheHit(Rewriter.builder().build());
    // a reloadable catalog (generation > 0) keys by text and generation
    long[] generation = {7};
    SchemaCatalog reloadable =
        new SchemaCatalog() {
          @Override
          public Optional<TableInfo> table(String name) {
            return Optional.empty();
          }

          @Override
          public long generation() {
            return generation[0];
          }
        };
    Rewriter r = Rewriter.builder().catalog(reloadable).build();
    Translation first = assertCacheHit(r);
    generation[0] = 8; // the catalog changed: translated again
    Translation again = r.translate(SQL);
    assertThat(again).isNotSameAs(first);
    assertThat(again.postgresSql()).isEqualTo(first.postgresSql());
  }

  private static final String SQL =
      "SELECT a, b, c FROM t WHERE id = ? AND name LIKE ? ORDER BY a LIMIT 10";

  /**
   * The same instance comes back: the statement was not translated again. (What a hit costs is
   * measured by JMH in benchmarks/, not here.)
   */
  private static Translation assertCacheHit(Rewriter r) {
    Translation first = r.translate(SQL);
    assertThat(r.translate(SQL)).isSameAs(first);
    assertThat(r.translate(new String(SQL.toCharArray()))).isSameAs(first); // by text
    return first;
  }

  @Test
  void statementsOverTheLengthBudgetAreRefused() {
    Rewriter r = Rewriter.builder().maxStatementLength(50).build();
    Translation t = r.translate("SELECT a FROM t WHERE b IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)");
    assertThat(t.isRefused()).isTrue();
    assertThat(t.refusal().code()).isEqualTo("statement-too-long");
    assertThat(r.translate("SELECT 1").isRefused()).isFalse();
  }

  @Test
  void pathologicalStatementFailsFastAsParseTimeout() {
    Rewriter r = Rewriter.builder().parseTimeoutMillis(300).build();
    r.translate("SELECT CASE WHEN a THEN 1 END FROM t"); // load the parser classes first
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < 10; i++) {
      sql.append("(CASE WHEN a");
    }
    sql.append('1');
    for (int i = 0; i < 10; i++) {
      sql.append("END)");
    }
    long start = System.nanoTime();
    Translation t = r.translate(sql.append(" FROM t").toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(t.isRefused()).isTrue();
    assertThat(t.refusal().code()).isEqualTo("parse-timeout");
    assertThat(millis).isLessThan(5_000);
  }

  @Test
  void parsingHappensOnTheCallersThread() {
    Rewriter r = Rewriter.builder().build();
    int before = Thread.activeCount();
    for (int i = 0; i < 50; i++) {
      r.translate("SELECT " + i + " FROM t");
    }
    // one shared timer thread at most, never one per parse
    assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 1);
  }

  @Test
  void badSqlIsRefusedNotThrown() {
    Rewriter r = Rewriter.builder().build();
    assertThat(r.translate("SELEC oops").refusal().code()).isEqualTo("parse-error");
    assertThat(r.translate("SELECT 'unterminated").refusal().code()).isEqualTo("parse-error");
    assertThat(r.translate("").refusal().code()).isEqualTo("parse-error");
    assertThat(r.translate("   ;").refusal().code()).isEqualTo("parse-error");
    assertThat(r.translate("SELECT `a").refusal().code()).isEqualTo("parse-error");
    assertThatThrownBy(() -> r.translate(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void refusedStatementsStillReportTheirKind() {
    Rewriter r = Rewriter.builder().build();
    assertThat(r.translate("INSERT INTO t (a) VALUES (SHA1('x'))").kind())
        .isEqualTo(StatementKind.INSERT);
    assertThat(r.translate("UPDATE t SET a = SHA1(b)").kind()).isEqualTo(StatementKind.UPDATE);
    assertThat(r.translate("SELECT SHA1(b) FROM t").kind()).isEqualTo(StatementKind.SELECT);
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> Rewriter.builder().maxStatementLength(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rewriter.builder().parseTimeoutMillis(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rewriter.builder().cacheSize(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statementKindPredicates() {
    assertThat(StatementKind.SELECT.isRead()).isTrue();
    assertThat(StatementKind.SELECT.isWrite()).isFalse();
    for (StatementKind k :
        List.of(
            StatementKind.INSERT,
            StatementKind.UPDATE,
            StatementKind.DELETE,
            StatementKind.UPSERT,
            StatementKind.INSERT_IGNORE,
            StatementKind.REPLACE)) {
      assertThat(k.isWrite()).as(k.name()).isTrue();
      assertThat(k.isRead()).isFalse();
    }
    assertThat(StatementKind.DDL.isWrite()).isFalse();
    assertThat(StatementKind.SESSION.isWrite()).isFalse();
  }

  @Test
  void concurrentCallersGetConsistentTranslations() throws Exception {
    Rewriter r = Rewriter.builder().catalog(Fixtures.CATALOG).cacheSize(16).build();
    List<String> statements =
        List.of(
            "SELECT * FROM users WHERE email = ? LIMIT ?, ?",
            "INSERT INTO counters (name, hits) VALUES (?, 1) ON DUPLICATE KEY UPDATE hits = hits + 1",
            "UPDATE orders SET placed = CURDATE() WHERE id = ?",
            "DELETE FROM orders WHERE total < ? ORDER BY placed LIMIT 5",
            "SELECT GROUP_CONCAT(name ORDER BY name) FROM users");
    java.util.Map<String, String> expected = new java.util.HashMap<>();
    for (String s : statements) {
      expected.put(
          s, Rewriter.builder().catalog(Fixtures.CATALOG).build().translate(s).postgresSql());
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int task = 0; task < 8; task++) {
        int offset = task;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    String s = statements.get((i + offset) % statements.size());
                    // unique text per iteration defeats the cache half of the time
                    String sql = i % 2 == 0 ? s : s + " -- " + i;
                    if (!expected.get(s).equals(r.translate(sql).postgresSql())) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (var f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
