package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import org.junit.jupiter.api.Test;

/**
 * The MySQL result labels a SELECT's {@link Translation} carries ({@link
 * Translation#resultColumns()}), read from the rewriter's own parse. The first four tests are the
 * driver's former {@code MysqlResultLabelsTest}, asserting the same labels.
 */
class ResultColumnsTest {
  private static final Rewriter REWRITER = Rewriter.builder().build();

  /** The labels of a result of {@code columns} columns of {@code sql}, null when there are none. */
  private static List<String> labels(String sql, int columns) {
    return labels(REWRITER, sql, columns);
  }

  private static List<String> labels(Rewriter rewriter, String sql, int columns) {
    ResultColumns rc = rewriter.translate(sql).resultColumns();
    return rc == null ? null : rc.labels(columns);
  }

  @Test
  void aliasesKeepTheirCaseAndExpressionsAreLabelledByTheirText() {
    assertThat(
            labels(
                "SELECT u.id AS userId, `Display Name`, COUNT(*), 'x', 1 + 1, MAX(u.login_count)"
                    + " `Top` FROM users u GROUP BY u.id",
                6))
        .containsExactly("userId", "Display Name", "COUNT(*)", "x", "1 + 1", "Top");
  }

  @Test
  void theColumnsOfAStarAreLeftToPostgres() {
    assertThat(labels("SELECT *, id AS Ident FROM t", 4))
        .isEqualTo(Arrays.asList(null, null, null, "Ident"));
    assertThat(labels("SELECT t.* FROM t", 2)).isEqualTo(Arrays.asList(null, null));
  }

  @Test
  void aUnionIsLabelledByItsFirstSelect() {
    assertThat(labels("SELECT a AS First FROM t UNION SELECT b FROM u", 1))
        .containsExactly("First");
  }

  @Test
  void nullWhenTheStatementCannotBeRead() {
    assertThat(labels("SELECT a, b FROM t", 3)).isNull();
    assertThat(labels("SELECT *, * FROM t", 4)).isNull();
    assertThat(labels("UPDATE t SET a = 1", 0)).isNull();
    assertThat(labels("SELECT FROM WHERE", 1)).isNull();
  }

  @Test
  void qualifiedColumnsAreLabelledByTheirNameAsWritten() {
    assertThat(labels("SELECT u.ID, `u`.`Email`, users.login_count FROM users u, users", 3))
        .containsExactly("ID", "Email", "login_count");
  }

  @Test
  void expressionsAreLabelledAsMysqlPrintsTheirText() {
    assertThat(
            labels(
                "SELECT count(*), SUM(o.total), CONCAT(u.email, '@'), u.id * 2, NOW(),"
                    + " COALESCE(NULL, 1), ? FROM users u JOIN orders o ON o.user_id = u.id",
                7))
        .containsExactly(
            "count(*)",
            "SUM(o.total)",
            "CONCAT(u.email, '@')",
            "u.id * 2",
            "NOW()",
            "COALESCE(NULL, 1)",
            "?");
  }

  @Test
  void aStringLiteralIsLabelledByItsValueWhateverItsQuoting() {
    assertThat(labels("SELECT \"double\", 'it''s', 'back\\\\slash', 'a\\'b'", 4))
        .containsExactly("double", "it's", "back\\slash", "a'b");
  }

  @Test
  void anExpressionNamingTheCurrentDatabaseKeepsItInItsLabel() {
    Rewriter shop =
        Rewriter.builder()
            .catalog(
                new SchemaCatalog() {
                  @Override
                  public Optional<TableInfo> table(String name) {
                    return Fixtures.CATALOG.table(name);
                  }

                  @Override
                  public String database() {
                    return "shop";
                  }
                })
            .build();
    Translation t = shop.translate("SELECT MAX(shop.users.id), shop.users.email FROM shop.users");
    assertThat(t.isRefused()).as("%s", t.refusal()).isFalse();
    assertThat(t.postgresSql()).doesNotContain("shop.");
    // MySQL labels the text as written, before the rewriter drops the qualifier
    assertThat(t.resultColumns().labels(2)).containsExactly("MAX(shop.users.id)", "email");
  }

  @Test
  void subqueriesAreLabelledByTheirTextAndDerivedTablesByTheOuterSelect() {
    assertThat(
            labels(
                "SELECT (SELECT MAX(o.total) FROM orders o WHERE o.user_id = u.id) AS Biggest,"
                    + " (SELECT COUNT(*) FROM orders) FROM users u",
                2))
        .containsExactly("Biggest", "(SELECT COUNT(*) FROM orders)");
    assertThat(
            labels(
                "SELECT d.Total, d.n AS N FROM (SELECT SUM(total) AS Total, 1 AS n FROM orders) d",
                2))
        .containsExactly("Total", "N");
    assertThat(labels("(SELECT id AS Ident FROM users) UNION ALL (SELECT id FROM orders)", 1))
        .containsExactly("Ident");
  }

  @Test
  void theExpressionsAreTheSelectListsNodesOneAColumn() {
    ResultColumns rc =
        REWRITER
            .translate("SELECT *, u.id, SUM(o.total) AS s FROM users u, orders o")
            .resultColumns();
    List<Expression> e = rc.expressions(5);
    assertThat(e).hasSize(5);
    assertThat(e.subList(0, 3)).containsOnlyNulls();
    assertThat(e.get(3)).isInstanceOf(Column.class).hasToString("u.id");
    assertThat(e.get(4)).isInstanceOf(Function.class).hasToString("SUM(o.total)");
    assertThat(rc.items()).hasSize(3);
    assertThat(rc.items().get(0).star()).isTrue();
    assertThat(rc.expressions(1)).isNull();
  }

  @Test
  void outerJoinedTablesAreTheOnesAnOuterJoinMayFillWithNull() {
    assertThat(outerJoined("SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id"))
        .contains(Set.of());
    assertThat(outerJoined("SELECT u.id FROM users u LEFT JOIN orders o ON o.user_id = u.id"))
        .contains(Set.of("o"));
    assertThat(
            outerJoined(
                "SELECT u.id FROM users AS U JOIN orders o ON o.user_id = U.id"
                    + " RIGHT JOIN `Items` ON 1 = 1"))
        .contains(Set.of("u", "o"));
    assertThat(outerJoined("SELECT u.id FROM users u NATURAL JOIN orders o")).isEmpty();
    assertThat(outerJoined("SELECT 1")).isEmpty();
  }

  private static Optional<Set<String>> outerJoined(String sql) {
    return REWRITER.translate(sql).resultColumns().outerJoinedTables();
  }

  @Test
  void onlySelectsCarryResultColumns() {
    assertThat(REWRITER.translate("INSERT INTO t (a) VALUES (1)").resultColumns()).isNull();
    assertThat(REWRITER.translate("DELETE FROM t WHERE a = 1").resultColumns()).isNull();
    assertThat(REWRITER.translate("SET autocommit = 0").resultColumns()).isNull();
    assertThat(REWRITER.translate("CREATE TABLE t (a INT)").resultColumns()).isNull();
  }

  @Test
  void theKeptExpressionsDoNotHoldTheParseTree() {
    // a cached translation must not keep the parser's nodes (and through them the whole tree)
    ResultColumns rc =
        REWRITER
            .translate(
                "SELECT u.id, COUNT(o.id) + 1, (SELECT MAX(total) FROM orders) FROM users u"
                    + " LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id")
            .resultColumns();
    assertThat(rc.expressions(3)).allSatisfy(e -> assertThat(e.getASTNode()).isNull());
    assertThat(
            ((Function)
                    ((net.sf.jsqlparser.expression.operators.arithmetic.Addition)
                            rc.expressions(3).get(1))
                        .getLeftExpression())
                .getASTNode())
        .isNull();
  }

  @Test
  void theSameTranslationIsReadOncePerStatementText() {
    Translation first = REWRITER.translate("SELECT id AS Ident FROM users");
    assertThat(REWRITER.translate("SELECT id AS Ident FROM users").resultColumns())
        .isSameAs(first.resultColumns());
  }

  @Test
  void sleepIsLabelledAsWrittenLikeMysql() {
    assertThat(labels("SELECT SLEEP(?)", 1)).containsExactly("SLEEP(?)");
    assertThat(labels("SELECT sleep(0.01), SLEEP(1) AS s", 2)).containsExactly("sleep(0.01)", "s");
  }
}
