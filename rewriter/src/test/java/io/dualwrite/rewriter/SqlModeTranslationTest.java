package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lexer and translator under the sql_modes that change how MySQL reads SQL. */
class SqlModeTranslationTest {

  private static final Rewriter REWRITER = Rewriter.builder().build();
  private static final SqlMode NBE = SqlMode.of("STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES");
  private static final SqlMode ANSI_QUOTES = SqlMode.of("ANSI_QUOTES");
  private static final SqlMode PIPES = SqlMode.of("PIPES_AS_CONCAT");

  private static String pg(String sql, SqlMode mode) {
    Translation t = REWRITER.translate(sql, mode);
    assertThat(t.isRefused()).as("%s refused: %s", sql, t.refusal()).isFalse();
    return t.postgresSql();
  }

  private static String refusal(String sql, SqlMode mode) {
    Translation t = REWRITER.translate(sql, mode);
    assertThat(t.isRefused()).as(sql).isTrue();
    return t.refusal().code();
  }

  @Test
  void modeNamesAreReadAsMysqlListsThem() {
    assertThat(SqlMode.of("")).isEqualTo(SqlMode.DEFAULT);
    assertThat(SqlMode.of("STRICT_TRANS_TABLES,ONLY_FULL_GROUP_BY,NO_ZERO_DATE"))
        .isEqualTo(SqlMode.DEFAULT);
    SqlMode ansi = SqlMode.of("REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI");
    assertThat(ansi.ansiQuotes() && ansi.pipesAsConcat() && ansi.realAsFloat()).isTrue();
    assertThat(ansi.unsupported()).isNull();
    assertThat(SqlMode.of("no_backslash_escapes").noBackslashEscapes()).isTrue();
    assertThat(SqlMode.of("STRICT_ALL_TABLES,HIGH_NOT_PRECEDENCE").unsupported())
        .isEqualTo("HIGH_NOT_PRECEDENCE");
    assertThat(SqlMode.of("ORACLE").unsupported()).isEqualTo("ORACLE");
    assertThat(SqlMode.of(null).unsupported()).startsWith("UNKNOWN");
  }

  @Test
  void noBackslashEscapesEndsTheLiteralAtTheFirstQuote() throws Exception {
    // issue 14: 'p\' is a complete literal; the rest of the line is a comment
    assertThat(pg("UPDATE t SET v = 'p\\' WHERE id = 3 -- ' WHERE id = 4", NBE))
        .isEqualTo("UPDATE t SET v = 'p\\' WHERE id = 3");
    assertThat(pg("DELETE FROM t WHERE v = 'q\\' AND n = ' OR n <> 12345 -- '", NBE))
        .isEqualTo("DELETE FROM t WHERE v = 'q\\' AND n = ' OR n <> 12345 -- '");
    assertThat(pg("INSERT INTO t (id, v) VALUES (1, 'back\\slash\\n')", NBE))
        .isEqualTo("INSERT INTO t (id, v) VALUES (1, 'back\\slash\\n')");
    assertThat(MysqlLexer.normalize("SELECT 'a\\'", NBE).sql()).isEqualTo("SELECT 'a\\\\'");
  }

  @Test
  void defaultModeKeepsBackslashEscapes() {
    assertThat(pg("UPDATE t SET v = 'p\\' WHERE id = 3 -- ' WHERE id = 4", SqlMode.DEFAULT))
        .isEqualTo("UPDATE t SET v = 'p'' WHERE id = 3 -- ' WHERE id = 4");
    assertThat(pg("INSERT INTO t (id, v) VALUES (1, 'back\\slash\\n')", SqlMode.DEFAULT))
        .isEqualTo("INSERT INTO t (id, v) VALUES (1, 'backslash\n')");
  }

  @Test
  void likeHasNoDefaultEscapeUnderNoBackslashEscapes() {
    assertThat(pg("SELECT id FROM t WHERE v LIKE 'a\\%'", NBE)).endsWith("LIKE 'a\\%' ESCAPE ''");
    assertThat(pg("SELECT id FROM t WHERE v LIKE 'a\\%'", SqlMode.DEFAULT)).endsWith("LIKE 'a\\%'");
  }

  @Test
  void pinnedMysqlTextSpellsLiteralsForTheSessionMode() {
    Translation nbe = REWRITER.translate("UPDATE t SET d = NOW(), v = 'a\\b''c' WHERE id = 1", NBE);
    assertThat(nbe.pinned().mysqlSql())
        .isEqualTo("UPDATE t SET d = CAST(? AS DATETIME), v = 'a\\b''c' WHERE id = 1");
    Translation def =
        REWRITER.translate("UPDATE t SET d = NOW(), v = 'a\\\\b''c' WHERE id = 1", SqlMode.DEFAULT);
    assertThat(def.pinned().mysqlSql())
        .isEqualTo("UPDATE t SET d = CAST(? AS DATETIME), v = 'a\\\\b''c' WHERE id = 1");
  }

  @Test
  void ansiQuotesMakeDoubleQuotesAnIdentifier() {
    assertThat(pg("UPDATE t SET v = \"v\" WHERE \"id\" = 1", ANSI_QUOTES))
        .isEqualTo("UPDATE t SET v = v WHERE id = 1");
    assertThat(pg("UPDATE t SET v = \"v\" WHERE id = 1", SqlMode.DEFAULT))
        .isEqualTo("UPDATE t SET v = 'v' WHERE id = 1");
    assertThat(refusal("SELECT \"a`b\" FROM t", ANSI_QUOTES)).isEqualTo("parse-error");
  }

  @Test
  void pipesAsConcatIsConcatenationBindingTighterThanArithmetic() {
    // the concatenation is the operand of +, read as a number as MySQL reads a string
    assertThat(pg("SELECT a || b + c FROM t", PIPES))
        .startsWith("SELECT CAST(COALESCE(substring((CAST(a AS text) || CAST(b AS text)) FROM '^")
        .endsWith(" AS double precision) + c FROM t");
    assertThat(pg("SELECT a + b || c FROM t", PIPES))
        .startsWith(
            "SELECT a + CAST(COALESCE(substring((CAST(b AS text) || CAST(c AS text)) FROM '^")
        .endsWith(" AS double precision) FROM t");
    assertThat(pg("SELECT f.a || 'x' || (n + 1) FROM f", PIPES))
        .isEqualTo("SELECT (CAST(f.a AS text) || 'x' || CAST((n + 1) AS text)) FROM f");
    assertThat(pg("SELECT (a || b) || UPPER(c) FROM t", PIPES)).contains("upper(");
    assertThat(pg("SELECT id FROM t WHERE a || b", SqlMode.DEFAULT)).contains(" OR ");
  }

  @Test
  void pipesAsConcatRefusesOperandsItCannotDelimit() {
    assertThat(refusal("SELECT -a || b FROM t", PIPES))
        .isEqualTo("unsupported-syntax:sql-mode:PIPES_AS_CONCAT");
    assertThat(refusal("SELECT a || b COLLATE utf8mb4_bin FROM t", PIPES))
        .isEqualTo("unsupported-syntax:sql-mode:PIPES_AS_CONCAT");
    assertThat(refusal("SELECT a || CASE WHEN b THEN 1 END FROM t", PIPES))
        .isEqualTo("unsupported-syntax:sql-mode:PIPES_AS_CONCAT");
    assertThat(REWRITER.translate("SELECT -a || b FROM t", PIPES).kind())
        .isEqualTo(StatementKind.SELECT);
  }

  @Test
  void unsupportedModesRefuseAllButSessionControl() {
    SqlMode high = SqlMode.of("HIGH_NOT_PRECEDENCE");
    assertThat(refusal("UPDATE t SET v = 1", high))
        .isEqualTo("unsupported-syntax:sql-mode:HIGH_NOT_PRECEDENCE");
    assertThat(REWRITER.translate("SET sql_mode = DEFAULT", high).kind())
        .isEqualTo(StatementKind.SESSION);
    assertThat(refusal("CREATE TABLE x (a REAL)", SqlMode.of("ANSI")))
        .isEqualTo("unsupported-syntax:sql-mode:REAL_AS_FLOAT");
  }

  @Test
  void translationsAreCachedPerMode() {
    String sql = "UPDATE t SET v = \"v\" WHERE id = 1";
    assertThat(REWRITER.translate(sql, ANSI_QUOTES).postgresSql())
        .isNotEqualTo(REWRITER.translate(sql).postgresSql());
  }

  @Test
  void backslashBeforeADoubledQuoteIsOneLiteralRegressionIssue14() throws Exception {
    // 'a\\'' b' is the one value a\' b in MySQL's default mode
    assertThat(pg("UPDATE t SET v = 'a\\\\'' b' WHERE id = 1", SqlMode.DEFAULT))
        .isEqualTo("UPDATE t SET v = 'a\\'' b' WHERE id = 1");
    String canonical = MysqlLexer.normalize("SELECT 'a\\\\'' b'").sql();
    assertThat(canonical).doesNotContain("\\''");
    assertThat(Tokens.stringValue(canonical.substring(7))).isEqualTo("a\\' b");
    assertThat(MysqlLexer.mysqlLiteral(canonical.substring(8, canonical.length() - 1), NBE))
        .isEqualTo("'a\\'' b'");
  }

  @Test
  void severalStatementsInOneStringAreRefusedAsAWhole() {
    Translation t =
        REWRITER.translate(
            "INSERT INTO t (id) VALUES (1); UPDATE t SET v = 'a;b'; DELETE FROM t WHERE id = 2");
    assertThat(t.refusal().code()).isEqualTo("multi-statement");
    assertThat(t.kind()).isEqualTo(StatementKind.OTHER);
    assertThat(REWRITER.translate("SELECT 1; SELECT 2").kind()).isEqualTo(StatementKind.SELECT);
    assertThat(REWRITER.translate("SELECT 1;  ").isRefused()).isFalse();
    assertThat(REWRITER.translate("SELECT ';' FROM t -- ; x").isRefused()).isFalse();
  }

  @Test
  void statementsTooLongKeepTheirKind() {
    Rewriter small = Rewriter.builder().maxStatementLength(20).build();
    Translation t = small.translate("/* c */ SELECT 1, 2, 3, 4, 5, 6, 7, 8");
    assertThat(t.refusal().code()).isEqualTo("statement-too-long");
    assertThat(t.kind()).isEqualTo(StatementKind.SELECT);
  }
}
