package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Long literal IN lists: collapsed for parsing, the same translation as parsing them whole. */
class LiteralListsTest {

  private static String list(int n, boolean strings) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ", ");
      b.append(strings ? "'it''s \\\\ " + i + "'" : String.valueOf(i));
    }
    return b.append(')').toString();
  }

  @Test
  void collapsedListsTranslateAsTheWholeTextDoes() throws Exception {
    for (String sql :
        new String[] {
          "SELECT id FROM t WHERE id IN " + list(150, false) + " AND v NOT IN " + list(120, true),
          "DELETE FROM t WHERE v IN " + list(200, true),
          "UPDATE t SET v = 'x' WHERE id IN " + list(101, false) + " OR id IN (1, 2)",
          "SELECT id FROM t WHERE id IN (SELECT id FROM u WHERE n IN " + list(300, false) + ")",
        }) {
      String normalized = MysqlLexer.normalize(sql).sql();
      LiteralLists.Collapsed collapsed = LiteralLists.collapse(normalized);
      assertThat(collapsed).as(sql).isNotNull();
      assertThat(collapsed.sql().length()).isLessThan(normalized.length() / 4);
      var whole = SqlParsing.parse(normalized, 10_000);
      var parsed = SqlParsing.parse(collapsed.sql(), 10_000);
      assertThat(collapsed.expand(parsed)).isTrue();
      assertThat(parsed.toString()).isEqualTo(whole.toString());
    }
  }

  @Test
  void aListOutsideAnInIsExpandedWhereItIs() throws Exception {
    String sql = "SELECT FIELD" + list(150, false) + " FROM t";
    Translation t = Rewriter.builder().build().translate(sql);
    assertThat(t.isRefused()).as("%s", t.refusal()).isFalse();
    String normalized = MysqlLexer.normalize(sql).sql();
    LiteralLists.Collapsed collapsed = LiteralLists.collapse(normalized);
    var parsed = SqlParsing.parse(collapsed.sql(), 10_000);
    assertThat(collapsed.expand(parsed)).isTrue();
    assertThat(parsed.toString()).isEqualTo(SqlParsing.parse(normalized, 10_000).toString());
  }

  @Test
  void aMarkerTheUserWroteTurnsTheFastPathOff() throws Exception {
    String sql = "SELECT 'dualwrite\uE000list\uE0000' FROM t WHERE id IN " + list(150, false);
    assertThat(LiteralLists.collapse(MysqlLexer.normalize(sql).sql())).isNull();
  }

  @Test
  void aHundredThousandValueInListTranslatesWithinTheParseBudget() {
    String sql = "SELECT id FROM t WHERE id IN " + list(100_000, false);
    long start = System.nanoTime();
    Translation t = Rewriter.builder().build().translate(sql);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(t.isRefused()).as("%s", t.refusal()).isFalse();
    assertThat(t.postgresSql()).endsWith(", 99998, 99999)");
    assertThat(millis).isLessThan(2_000);
  }
}
