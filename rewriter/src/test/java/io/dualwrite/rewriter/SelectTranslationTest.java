package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.PLAIN;
import static io.dualwrite.rewriter.Fixtures.pg;
import static io.dualwrite.rewriter.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectTranslationTest {

  @Test
  void backtickIdentifiersAreFoldedToLowerCaseAndUnquoted() {
    assertThat(pg(PLAIN, "SELECT `Id`, `First_Name` FROM `Actor` AS `A`"))
        .isEqualTo("SELECT id, first_name FROM actor AS a");
  }

  @Test
  void postgresReservedWordsAreQuoted() {
    assertThat(pg(PLAIN, "SELECT `user`, `order`, `offset` FROM `user`"))
        .isEqualTo("SELECT \"user\", \"order\", \"offset\" FROM \"user\"");
  }

  @Test
  void doubleQuotedTextIsAStringLiteralInMysql() {
    assertThat(pg(PLAIN, "SELECT * FROM t WHERE name = \"O'Brien\""))
        .isEqualTo("SELECT * FROM t WHERE name = 'O''Brien'");
  }

  @Test
  void backslashEscapesBecomeTheirCharacters() {
    assertThat(pg(PLAIN, "SELECT 'it\\'s', 'a\\\\b', 'tab\\there', 'x\"\"y'"))
        .isEqualTo("SELECT 'it''s', 'a\\b', 'tab\there', 'x\"\"y'");
  }

  @Test
  void likeEscapesKeepTheirBackslash() {
    assertThat(pg(PLAIN, "SELECT * FROM t WHERE a LIKE 'x\\_%'"))
        .isEqualTo("SELECT * FROM t WHERE CAST(a AS text) LIKE 'x\\_%'");
  }

  @Test
  void adjacentStringLiteralsAreConcatenated() {
    assertThat(pg(PLAIN, "SELECT 'a' 'b' \"c\"")).isEqualTo("SELECT 'abc'");
  }

  @Test
  void pipesAreLogicalOrInTheDefaultSqlMode() {
    assertThat(pg(PLAIN, "SELECT * FROM t WHERE a = 1 || b = 2 && c = 3"))
        .isEqualTo("SELECT * FROM t WHERE a = 1 OR b = 2 AND c = 3");
  }

  @Test
  void hashAndDashCommentsAreDroppedAndVersionCommentsKept() {
    assertThat(pg(PLAIN, "SELECT /*! SQL_NO_CACHE */ a -- note\nFROM t # trailing"))
        .isEqualTo("SELECT a FROM t");
    assertThat(pg(PLAIN, "SELECT 1 /*!50100 + 2 */")).isEqualTo("SELECT 1 + 2");
  }

  @Test
  void doubleMinusWithoutSpaceIsNotAComment() {
    assertThat(pg(PLAIN, "SELECT 5--3")).isEqualTo("SELECT 5 - -3");
  }

  @Test
  void limitOffsetCommaFormSwapsAndMapsParameters() {
    Translation t = PLAIN.translate("SELECT * FROM t WHERE a = ? LIMIT ?, ?");
    assertThat(t.postgresSql()).isEqualTo("SELECT * FROM t WHERE a = ? LIMIT ? OFFSET ?");
    assertThat(t.parameterMap()).containsExactly(0, 2, 1);
    assertThat(t.mysqlParameterCount()).isEqualTo(3);
  }

  @Test
  void literalLimitOffsetIsSwapped() {
    assertThat(pg(PLAIN, "SELECT * FROM t LIMIT 10, 5"))
        .isEqualTo("SELECT * FROM t LIMIT 5 OFFSET 10");
  }

  @Test
  void questionMarksInsideStringsAreNotParameters() {
    Translation t = PLAIN.translate("SELECT '?' FROM t WHERE a = ? # ?");
    assertThat(t.mysqlParameterCount()).isEqualTo(1);
    assertThat(t.parameterMap()).containsExactly(0);
  }

  @Test
  void forUpdateIsALockingRead() {
    Translation t = PLAIN.translate("SELECT * FROM t WHERE id = 1 FOR UPDATE");
    assertThat(t.kind()).isEqualTo(StatementKind.SELECT);
    assertThat(t.lockingRead()).isTrue();
    assertThat(t.postgresSql()).endsWith("FOR UPDATE");
  }

  @Test
  void lockInShareModeBecomesForShare() {
    Translation t = PLAIN.translate("SELECT * FROM t WHERE id = 1 LOCK IN SHARE MODE");
    assertThat(t.lockingRead()).isTrue();
    assertThat(t.postgresSql()).isEqualTo("SELECT * FROM t WHERE id = 1 FOR SHARE");
  }

  @Test
  void plainSelectIsNotALockingRead() {
    assertThat(PLAIN.translate("SELECT 1").lockingRead()).isFalse();
  }

  @Test
  void indexHintsAndStraightJoinAreDropped() {
    assertThat(
            pg(
                PLAIN,
                "SELECT * FROM a USE INDEX (i1) STRAIGHT_JOIN b FORCE INDEX (i2) ON a.id = b.id"))
        .isEqualTo("SELECT * FROM a JOIN b ON a.id = b.id");
  }

  @Test
  void sqlCalcFoundRowsIsRefused() {
    assertThat(refusal(PLAIN, "SELECT SQL_CALC_FOUND_ROWS * FROM t LIMIT 10").code())
        .isEqualTo("unsupported-syntax:SQL_CALC_FOUND_ROWS");
    assertThat(refusal(PLAIN, "SELECT FOUND_ROWS()").code())
        .isEqualTo("unsupported-function:FOUND_ROWS");
  }

  @Test
  void nullOrderingMatchesMysql() {
    assertThat(pg(PLAIN, "SELECT a FROM t ORDER BY a, b DESC, c ASC"))
        .isEqualTo("SELECT a FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST, c NULLS FIRST");
  }

  @Test
  void fromDualIsDropped() {
    assertThat(pg(PLAIN, "SELECT 1 + 1 FROM DUAL")).isEqualTo("SELECT 1 + 1");
  }

  @Test
  void tablesReadAreLowerCaseAndExcludeCtes() {
    Translation t =
        PLAIN.translate(
            "WITH x AS (SELECT id FROM `Orders`) SELECT * FROM x JOIN Users u ON u.id = x.id"
                + " WHERE EXISTS (SELECT 1 FROM items)");
    assertThat(t.tablesRead()).containsExactlyInAnyOrder("orders", "users", "items");
    assertThat(t.tablesWritten()).isEmpty();
    assertThat(t.nonDeterministicCalls()).isEmpty();
    assertThat(t.pinned()).isNull();
  }

  @Test
  void unionKeepsItsBranches() {
    assertThat(pg(PLAIN, "SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1 LIMIT 3"))
        .isEqualTo("SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1 NULLS FIRST LIMIT 3");
  }

  @Test
  void joinWithoutConditionIsACrossJoin() {
    assertThat(pg(PLAIN, "SELECT * FROM a JOIN b")).isEqualTo("SELECT * FROM a CROSS JOIN b");
  }

  @Test
  void comparisonsInTheSelectListGiveOneOrZeroLikeMysql() {
    assertThat(pg(PLAIN, "SELECT a = b AS same FROM t"))
        .isEqualTo("SELECT CAST((a = b) AS integer) AS same FROM t");
  }

  @Test
  void numericTruthinessIsMadeExplicit() {
    assertThat(pg(PLAIN, "SELECT * FROM t WHERE active AND NOT deleted"))
        .isEqualTo("SELECT * FROM t WHERE (active) <> 0 AND NOT ((deleted) <> 0)");
  }

  @Test
  void databaseQualifiedTablesAreRefused() {
    assertThat(refusal(PLAIN, "SELECT * FROM otherdb.t").code())
        .isEqualTo("unsupported-syntax:qualified-name");
  }

  @Test
  void readsOfTheMysqlSessionAreLeftToMysql() {
    assertThat(refusal(PLAIN, "SELECT @x := 1").code()).startsWith("unsupported-syntax");
    assertThat(refusal(PLAIN, "SELECT * FROM t WHERE a = @x").code())
        .isEqualTo("driver-intercepted:mysql-session:@x");
    assertThat(refusal(PLAIN, "SELECT @@session.transaction_isolation").code())
        .isEqualTo("driver-intercepted:mysql-session:@@session.transaction_isolation");
    for (String f : List.of("DATABASE", "VERSION", "CONNECTION_ID", "USER", "CURRENT_USER")) {
      assertThat(refusal(PLAIN, "SELECT " + f + "()").code())
          .isEqualTo("driver-intercepted:mysql-session:" + f);
    }
    assertThat(refusal(PLAIN, "SELECT GET_LOCK('flyway', 10)").code())
        .isEqualTo("driver-intercepted:mysql-session:GET_LOCK");
    assertThat(refusal(PLAIN, "SELECT CURRENT_USER").code())
        .isEqualTo("driver-intercepted:mysql-session:CURRENT_USER");
    assertThat(
            refusal(
                    PLAIN,
                    "SELECT COUNT(*) FROM information_schema.TABLES WHERE table_schema = 'app'")
                .code())
        .isEqualTo("driver-intercepted:mysql-session:information_schema");
    // in a write they cannot be mirrored
    assertThat(refusal(PLAIN, "INSERT INTO t (a) VALUES (@x)").code())
        .isEqualTo("unsupported-syntax:user-variable");
    assertThat(refusal(PLAIN, "INSERT INTO t (a) VALUES (CONNECTION_ID())").code())
        .isEqualTo("unsupported-function:CONNECTION_ID");
  }

  @Test
  void caseInsensitiveColumnsStayCaseInsensitive() {
    assertThat(pg("SELECT id FROM users WHERE email = ?"))
        .isEqualTo("SELECT id FROM users WHERE lower(email) = lower(CAST(? AS text))");
    assertThat(pg("SELECT id FROM users WHERE name LIKE 'bo%'"))
        .isEqualTo("SELECT id FROM users WHERE name ILIKE 'bo%'");
    assertThat(pg("SELECT id FROM users u WHERE u.name IN ('A', 'b')"))
        .isEqualTo("SELECT id FROM users AS u WHERE lower(u.name) IN (lower('A'), lower('b'))");
  }

  @Test
  void caseInsensitiveColumnsSortCaseInsensitively() {
    assertThat(pg("SELECT name FROM users ORDER BY name DESC, age"))
        .isEqualTo("SELECT name FROM users ORDER BY lower(name) DESC NULLS LAST, age NULLS FIRST");
    // a position names the select-list item
    assertThat(pg("SELECT name, age FROM users ORDER BY 1 DESC, 2"))
        .isEqualTo(
            "SELECT name, age FROM users ORDER BY lower(name) DESC NULLS LAST, 2 NULLS FIRST");
    assertThat(pg("SELECT * FROM users ORDER BY 3")).endsWith("ORDER BY 3 NULLS FIRST");
    // a DISTINCT printed as a GROUP BY of folded text sorts by its groups' text
    assertThat(pg("SELECT DISTINCT name AS n FROM users ORDER BY n"))
        .isEqualTo(
            "SELECT (array_agg(name ORDER BY users.id))[1] AS n FROM users GROUP BY lower(name) ORDER BY lower((array_agg(name ORDER BY users.id))[1]) NULLS"
                + " FIRST");
    // a scalar subquery's value has its column's collation
    assertThat(
            pg(
                "SELECT (SELECT name FROM users u WHERE u.id = o.user_id) AS who FROM orders o"
                    + " ORDER BY who"))
        .endsWith(
            "ORDER BY lower(CAST((SELECT name FROM users AS u WHERE u.id = o.user_id) AS text))"
                + " NULLS FIRST");
  }

  @Test
  void anIntegerComparedWithADateIsTheDateItsDigitsSpell() {
    assertThat(pg("SELECT id FROM orders WHERE placed < 20210101 OR placed IN (210102, 20211301)"))
        .isEqualTo(
            "SELECT id FROM orders WHERE placed < DATE '2021-01-01' OR placed IN (DATE"
                + " '2021-01-02', 20211301)");
    assertThat(pg("SELECT id FROM users WHERE updated BETWEEN 20210101 AND 20210101103000"))
        .isEqualTo(
            "SELECT id FROM users WHERE updated BETWEEN DATE '2021-01-01' AND TIMESTAMP"
                + " '2021-01-01 10:30:00'");
    assertThat(pg("SELECT id FROM users WHERE age < 20210101"))
        .isEqualTo("SELECT id FROM users WHERE age < 20210101");
    // against a DATE MySQL drops the time of day
    assertThat(pg("SELECT id FROM orders WHERE placed = 20210101103000"))
        .isEqualTo("SELECT id FROM orders WHERE placed = DATE '2021-01-01'");
  }

  @Test
  void aCaseInsensitiveColumnAgainstABinaryOneComparesByCodePoint() {
    // MySQL 9.7.4: 'abc' (utf8mb4_0900_ai_ci) = 'ABC' (utf8mb4_bin) is 0: the binary one wins
    assertThat(pg("SELECT o.id FROM orders o JOIN users u ON u.name = o.note"))
        .isEqualTo(
            "SELECT o.id FROM orders AS o JOIN users AS u ON (u.name) COLLATE \"C\" = (o.note)"
                + " COLLATE \"C\"");
  }

  @Test
  void inASubqueryOverCaseInsensitiveTextComparesFolded() {
    assertThat(pg("SELECT id FROM users WHERE name IN (SELECT note FROM orders)"))
        .isEqualTo(
            "SELECT id FROM users WHERE lower(name) IN (SELECT lower(CAST(dw_in.v AS text)) FROM"
                + " (SELECT note FROM orders) AS dw_in(v))");
  }

  @Test
  void aRecursiveMembersDateArithmeticStaysADateAfterADateFunction() {
    assertThat(
            pg(
                "WITH RECURSIVE days AS (SELECT DATE('2024-02-25') AS d UNION ALL SELECT d +"
                    + " INTERVAL 1 DAY FROM days WHERE d < '2024-03-05') SELECT d FROM days"))
        .contains("SELECT CAST(d + INTERVAL '1 day' AS date) FROM days");
  }

  @Test
  void caseSensitiveAndUnknownColumnsCompareAsWritten() {
    assertThat(pg("SELECT id FROM orders WHERE note = 'X'"))
        .isEqualTo("SELECT id FROM orders WHERE note = 'X'");
    assertThat(pg("SELECT id FROM users WHERE age = 3"))
        .isEqualTo("SELECT id FROM users WHERE age = 3");
  }

  @Test
  void regexpIsCaseInsensitiveUnlessTheColumnIsCaseSensitive() {
    assertThat(pg("SELECT id FROM users WHERE name REGEXP '^a'"))
        .isEqualTo("SELECT id FROM users WHERE name ~* '^a'");
    assertThat(pg("SELECT id FROM orders WHERE note NOT RLIKE '^a'"))
        .isEqualTo("SELECT id FROM orders WHERE note !~ '^a'");
  }

  @Test
  void selectModifiersThatOnlyHintThePlannerAreDropped() {
    // regression: JSqlParser read HIGH_PRIORITY as a column aliased by the next word
    assertThat(pg(PLAIN, "SELECT HIGH_PRIORITY a FROM t")).isEqualTo("SELECT a FROM t");
    assertThat(pg(PLAIN, "SELECT SQL_NO_CACHE SQL_BIG_RESULT a FROM t"))
        .isEqualTo("SELECT a FROM t");
    assertThat(pg(PLAIN, "SELECT DISTINCTROW a FROM t")).isEqualTo("SELECT DISTINCT a FROM t");
  }

  @Test
  void parenthesisedConditionStaysACondition() {
    assertThat(pg(PLAIN, "SELECT id FROM t WHERE NOT (a <=> NULL)"))
        .isEqualTo("SELECT id FROM t WHERE NOT ((a IS NOT DISTINCT FROM NULL))");
    assertThat(pg(PLAIN, "SELECT (a = 1) + 1, (a + 2) * 3 FROM t"))
        .isEqualTo("SELECT CAST(((a = 1)) AS integer) + 1, (a + 2) * 3 FROM t");
  }

  @Test
  void inListFollowedByAndInsideInsertSelectKeepsItsPrecedence() {
    assertThat(
            pg(
                PLAIN,
                "INSERT INTO d (a) SELECT a FROM t WHERE a IN (2, 3) AND b = 'x' OR a NOT IN"
                    + " (SELECT 1) AND b = 'y'"))
        .isEqualTo(
            "INSERT INTO d (a) SELECT a FROM t WHERE a IN (2, 3) AND b = 'x' OR a NOT IN (SELECT"
                + " 1) AND b = 'y'");
  }

  @Test
  void ifnullMixingAStringWithOtherTypesIsAString() {
    assertThat(pg("SELECT IFNULL(age, 'none') FROM users"))
        .isEqualTo("SELECT COALESCE(CAST(age AS text), 'none') FROM users");
    assertThat(pg("SELECT COALESCE(name, IFNULL(updated, '-')) FROM users"))
        .isEqualTo("SELECT COALESCE(name, COALESCE(CAST(updated AS text), '-')) FROM users");
    // same-kind arguments keep their type
    assertThat(pg("SELECT IFNULL(age, 0), COALESCE(NULL, name, 'x') FROM users"))
        .isEqualTo("SELECT COALESCE(age, 0), COALESCE(NULL, name, 'x') FROM users");
  }

  @Test
  void smallIntegerArithmeticIsWidenedToBigint() {
    assertThat(pg("SELECT age + 1, age * age, -age FROM users"))
        .isEqualTo(
            "SELECT CAST(age AS bigint) + 1, CAST(age AS bigint) * CAST(age AS bigint),"
                + " -CAST(age AS bigint) FROM users");
    assertThat(pg("SELECT id + 1 FROM orders")).isEqualTo("SELECT id + 1 FROM orders");
  }

  @Test
  void groupingByACaseInsensitiveColumnGroupsValuesDifferingInCase() {
    assertThat(
            pg(
                "SELECT name, UPPER(name) AS up, COUNT(*), MAX(name) FROM users GROUP BY name"
                    + " HAVING COUNT(*) > 1 AND name <> 'x' ORDER BY name"))
        .isEqualTo(
            "SELECT (array_agg(name ORDER BY users.id))[1] AS name, upper((array_agg(name ORDER BY users.id))[1]) AS up, count(*),"
                + " (array_agg(name ORDER BY lower(name) DESC, name DESC)"
                + " FILTER (WHERE name IS NOT NULL))[1] FROM users GROUP BY lower(name)"
                + " HAVING count(*) > 1 AND lower((array_agg(name ORDER BY users.id))[1]) <> lower('x')"
                + " ORDER BY lower((array_agg(name ORDER BY users.id))[1]) NULLS FIRST");
    assertThat(pg("SELECT DISTINCT name, age FROM users WHERE age > 1 ORDER BY name"))
        .isEqualTo(
            "SELECT (array_agg(name ORDER BY users.id))[1] AS name, age FROM users WHERE age > 1 GROUP BY lower(name), age"
                + " ORDER BY lower((array_agg(name ORDER BY users.id))[1]) NULLS FIRST");
    assertThat(pg("SELECT DISTINCT id FROM orders")).isEqualTo("SELECT DISTINCT id FROM orders");
    // UNION removes rows equal but for case, keeping the first branch's spelling
    assertThat(pg("SELECT name FROM users UNION SELECT 'Bob' ORDER BY name"))
        .isEqualTo(
            "SELECT (array_agg(dw_union.name ORDER BY dw_union.dw_b))[1] AS name FROM"
                + " (SELECT 1 AS dw_b, name FROM users UNION ALL SELECT 2 AS dw_b, 'Bob')"
                + " AS dw_union(dw_b, name) GROUP BY lower(dw_union.name)"
                + " ORDER BY lower(min(dw_union.name)) NULLS FIRST");
    assertThat(pg("SELECT id FROM orders UNION SELECT 5"))
        .isEqualTo("SELECT id FROM orders UNION SELECT 5");
    // in a write, MySQL's choice among case variants cannot be reproduced: left as written
    assertThat(pg("INSERT INTO tags (a) SELECT DISTINCT name FROM users"))
        .contains("SELECT DISTINCT name FROM users");
    // a correlated subquery may name the column: such queries are left as written
    assertThat(
            pg(
                "SELECT u.name, (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id) AS n"
                    + " FROM users u GROUP BY u.name, u.id"))
        .startsWith("SELECT u.name, (SELECT count(*)")
        .endsWith("GROUP BY u.name, u.id");
    // a case-sensitive column groups as written
    assertThat(pg("SELECT id, COUNT(*) FROM orders GROUP BY id"))
        .isEqualTo("SELECT id, count(*) FROM orders GROUP BY id");
  }

  @Test
  void lockingAggregateLocksTheRowsInADerivedTable() {
    Translation t =
        Fixtures.WITH_CATALOG.translate(
            "SELECT u.name, COUNT(*) FROM users u WHERE u.age > 3 GROUP BY u.name FOR UPDATE");
    assertThat(t.lockingRead()).isTrue();
    assertThat(t.postgresSql())
        .isEqualTo(
            "SELECT (array_agg(u.name ORDER BY u.id))[1] AS name, count(*) FROM (SELECT * FROM users AS u WHERE u.age > 3"
                + " FOR UPDATE) AS u GROUP BY lower(u.name)");
    assertThat(pg(PLAIN, "SELECT DISTINCT a FROM t FOR SHARE NOWAIT"))
        .isEqualTo("SELECT DISTINCT a FROM (SELECT * FROM t FOR SHARE NOWAIT) AS t");
    assertThat(refusal(PLAIN, "SELECT COUNT(*) FROM t JOIN s ON s.id = t.id FOR UPDATE").code())
        .isEqualTo("unsupported-syntax:for-update-aggregate");
  }

  @Test
  void withQueryColumnsKeepKnownTypes() {
    assertThat(
            pg(
                PLAIN,
                "WITH t AS (SELECT CAST('2020-01-10' AS DATE) AS col, 5 AS n) SELECT DATE_ADD(col,"
                    + " INTERVAL n DAY) FROM t"))
        .isEqualTo(
            "WITH t AS (SELECT CAST('2020-01-10' AS date) AS col, 5 AS n) SELECT CAST(col + (n)"
                + " * INTERVAL '1 day' AS date) FROM t");
    assertThat(pg("WITH o AS (SELECT placed FROM orders) SELECT placed + INTERVAL 1 MONTH FROM o"))
        .isEqualTo(
            "WITH o AS (SELECT placed FROM orders) SELECT CAST(placed + INTERVAL '1 month' AS date)"
                + " FROM o");
  }

  @Test
  void indexHintScopesAreDroppedWithTheHints() {
    assertThat(pg(PLAIN, "SELECT a FROM t USE INDEX FOR JOIN (i) JOIN u ON u.id = t.id"))
        .isEqualTo("SELECT a FROM t JOIN u ON u.id = t.id");
    assertThat(pg(PLAIN, "SELECT a FROM t FORCE KEY FOR GROUP BY (i) GROUP BY a"))
        .isEqualTo("SELECT a FROM t GROUP BY a");
  }

  @Test
  void enumSortsByDeclarationOrder() {
    Rewriter r =
        Rewriter.builder()
            .catalog(
                SchemaCatalog.of(
                    new TableInfo(
                        "a",
                        java.util.List.of(
                            new ColumnInfo(
                                "s", "enum('open','done','it''s')", true, false, false, true)),
                        java.util.List.of(),
                        java.util.List.of())))
            .build();
    assertThat(pg(r, "SELECT s FROM a ORDER BY s DESC"))
        .isEqualTo(
            "SELECT s FROM a ORDER BY array_position(ARRAY['open', 'done', 'it''s']::text[],"
                + " CAST(s AS text)) DESC NULLS LAST");
    // WITH ROLLUP: MySQL groups into a VARCHAR of the column's collation and sorts its text
    assertThat(pg(r, "SELECT s, COUNT(*) FROM a GROUP BY s WITH ROLLUP ORDER BY s"))
        .isEqualTo(
            "SELECT CASE WHEN GROUPING(lower(s)) = 0 THEN min(s) END AS s, count(*) FROM a GROUP BY"
                + " ROLLUP (lower(s)) ORDER BY lower(CASE WHEN GROUPING(lower(s)) = 0 THEN min(s)"
                + " END) NULLS FIRST");
  }

  @Test
  void unixTimestampOfAFractionalColumnKeepsTheFraction() {
    Rewriter r =
        Rewriter.builder()
            .catalog(
                SchemaCatalog.of(
                    new TableInfo(
                        "l",
                        java.util.List.of(
                            new ColumnInfo("at", "datetime(3)", true, false, false, false)),
                        java.util.List.of(),
                        java.util.List.of())))
            .build();
    assertThat(pg(r, "SELECT UNIX_TIMESTAMP(at) FROM l"))
        .isEqualTo(
            "SELECT round(EXTRACT(EPOCH FROM CAST(CAST(at AS timestamp) AS timestamptz)), 3) FROM"
                + " l");
  }

  @Test
  void valuesRowsKeepMysqlsColumnNames() {
    assertThat(pg(PLAIN, "VALUES ROW(1, 'a'), ROW(2, 'b')"))
        .isEqualTo("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS dw_values (column_0, column_1)");
    assertThat(pg(PLAIN, "SELECT t.column_1 FROM (VALUES ROW(1, 2)) AS t"))
        .isEqualTo(
            "SELECT t.column_1 FROM (SELECT * FROM (VALUES (1, 2)) AS dw_values (column_0,"
                + " column_1)) AS t");
    assertThat(pg(PLAIN, "SELECT 1, 2 UNION VALUES ROW(3, 4)"))
        .isEqualTo(
            "SELECT 1, 2 UNION SELECT * FROM (VALUES (3, 4)) AS dw_values (column_0, column_1)");
    assertThat(pg(PLAIN, "INSERT INTO t VALUES ROW(1, 2), ROW(3, 4)"))
        .isEqualTo("INSERT INTO t VALUES (1, 2), (3, 4)");
    assertThat(refusal(PLAIN, "VALUES ROW(1, 2), ROW(3)").code())
        .isEqualTo("unsupported-syntax:values-row");
  }

  @Test
  void nthValueIsPostgresNthValue() {
    assertThat(pg(PLAIN, "SELECT NTH_VALUE(a, 2) OVER (ORDER BY id) FROM t"))
        .isEqualTo("SELECT nth_value(a, 2) OVER (ORDER BY id NULLS FIRST) FROM t");
  }

  @Test
  void namedWindowsAreAWindowClause() {
    assertThat(
            pg(
                PLAIN,
                "SELECT a, ROW_NUMBER() OVER w, SUM(b) OVER w FROM t"
                    + " WINDOW w AS (PARTITION BY c ORDER BY a ROWS BETWEEN 1 PRECEDING AND"
                    + " CURRENT ROW) ORDER BY a"))
        .isEqualTo(
            "SELECT a, row_number() OVER w, sum(b) OVER w FROM t WINDOW w AS (PARTITION BY c ORDER"
                + " BY a NULLS FIRST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY a NULLS"
                + " FIRST");
  }

  @Test
  void collateUtf8mb4BinComparesByCodePointWithoutTrailingSpaces() {
    // PAD SPACE: 'a ' = 'a'; the explicit collation outranks the _ci column's
    assertThat(
            Fixtures.pg(
                "SELECT id FROM users WHERE name COLLATE utf8mb4_bin = 'Ann' ORDER BY name COLLATE"
                    + " utf8mb4_bin DESC"))
        .isEqualTo(
            "SELECT id FROM users WHERE (rtrim(name, ' ')) COLLATE \"C\" = (rtrim('Ann', ' ')) COLLATE"
                + " \"C\" ORDER"
                + " BY rtrim(name, ' ') COLLATE \"C\" DESC NULLS LAST");
    // NO PAD
    assertThat(Fixtures.pg("SELECT id FROM users WHERE name < ? COLLATE utf8mb4_0900_bin"))
        .isEqualTo(
            "SELECT id FROM users WHERE (name) COLLATE \"C\" < (CAST(? AS text)) COLLATE \"C\"");
    // LIKE does not pad, and is case-sensitive under the explicit collation
    assertThat(Fixtures.pg("SELECT id FROM users WHERE name COLLATE utf8mb4_bin LIKE 'A%'"))
        .isEqualTo("SELECT id FROM users WHERE name LIKE 'A%'");
  }

  @Test
  void collateIsRefusedWhereItCannotBeExact() {
    for (String sql :
        List.of(
            "SELECT id FROM users WHERE name COLLATE utf8mb4_unicode_ci = 'x'",
            "SELECT id FROM users WHERE age COLLATE utf8mb4_bin = '5'",
            "SELECT name COLLATE utf8mb4_bin FROM users",
            // MySQL's error 1267, an illegal mix of two explicit collations
            "SELECT id FROM users WHERE name COLLATE utf8mb4_bin = email COLLATE utf8mb4_0900_bin",
            "SELECT COUNT(*) FROM users GROUP BY name COLLATE utf8mb4_bin")) {
      assertThat(Fixtures.refusal(sql).code()).as(sql).isEqualTo("unsupported-syntax:collate");
    }
  }

  @Test
  void rangeFramesWithAnIntervalOverADateKeyAreTranslated() {
    assertThat(
            Fixtures.pg(
                "SELECT id, SUM(total) OVER (PARTITION BY user_id ORDER BY placed RANGE BETWEEN"
                    + " INTERVAL 30 DAY PRECEDING AND CURRENT ROW) FROM orders"))
        .isEqualTo(
            "SELECT id, sum(total) OVER (PARTITION BY user_id ORDER BY placed NULLS FIRST RANGE"
                + " BETWEEN INTERVAL '30 day' PRECEDING AND CURRENT ROW) FROM orders");
    assertThat(
            Fixtures.pg(
                "SELECT COUNT(*) OVER (ORDER BY updated DESC RANGE BETWEEN INTERVAL 1 QUARTER"
                    + " PRECEDING AND INTERVAL '1:30' HOUR_MINUTE FOLLOWING) FROM users"))
        .isEqualTo(
            "SELECT count(*) OVER (ORDER BY updated DESC NULLS LAST RANGE BETWEEN INTERVAL '3"
                + " months' PRECEDING AND INTERVAL '1 hours 30 minutes' FOLLOWING) FROM users");
    assertThat(
            Fixtures.pg(
                "SELECT COUNT(*) OVER (ORDER BY DATE(updated) RANGE INTERVAL 2 WEEK PRECEDING)"
                    + " FROM users"))
        .contains("RANGE INTERVAL '2 week' PRECEDING)");
  }

  @Test
  void rangeFramesWithAFractionalOffsetNeedADecimalKey() {
    assertThat(
            Fixtures.pg(
                "SELECT COUNT(*) OVER (ORDER BY total RANGE BETWEEN 1.25 PRECEDING AND 0.5"
                    + " FOLLOWING) FROM orders"))
        .isEqualTo(
            "SELECT count(*) OVER (ORDER BY total NULLS FIRST RANGE BETWEEN 1.25 PRECEDING AND 0.5"
                + " FOLLOWING) FROM orders");
    // PostgreSQL frames an integer key only by an integer offset
    assertThat(
            Fixtures.refusal(
                    "SELECT COUNT(*) OVER (ORDER BY user_id RANGE 1.5 PRECEDING) FROM orders")
                .code())
        .isEqualTo("unsupported-syntax:window-frame");
  }

  @Test
  void rangeFramesWithAnIntervalAreRefusedWhereTheyCannotBeExact() {
    for (String frame :
        List.of(
            // a key of unknown type (no catalog), a number key, two keys
            "SELECT SUM(b) OVER (ORDER BY d RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT"
                + " ROW) FROM t",
            "SELECT SUM(total) OVER (ORDER BY user_id RANGE INTERVAL 1 DAY PRECEDING) FROM orders",
            "SELECT SUM(total) OVER (ORDER BY placed, id RANGE INTERVAL 1 DAY PRECEDING) FROM"
                + " orders",
            // MySQL rounds 1.5 DAY to 2 days; a parameter's value is not known here
            "SELECT SUM(total) OVER (ORDER BY placed RANGE INTERVAL 1.5 DAY PRECEDING) FROM orders",
            "SELECT SUM(total) OVER (ORDER BY placed RANGE INTERVAL ? DAY PRECEDING) FROM orders",
            "SELECT SUM(total) OVER (ORDER BY placed RANGE INTERVAL '-1:30' HOUR_MINUTE"
                + " PRECEDING) FROM orders",
            "SELECT SUM(total) OVER (ORDER BY placed ROWS INTERVAL 1 DAY PRECEDING) FROM orders")) {
      assertThat(Fixtures.refusal(frame).code())
          .as(frame)
          .isEqualTo("unsupported-syntax:window-frame");
    }
  }

  @Test
  void aStringLiteralComparedWithANumericColumnIsItsMysqlNumber() {
    // a literal PostgreSQL reads as the same integer stays as written (an index still serves it)
    assertThat(Fixtures.pg("SELECT id FROM users WHERE age = '42'"))
        .isEqualTo("SELECT id FROM users WHERE age = '42'");
    assertThat(Fixtures.pg("SELECT id FROM users WHERE age = '42.0' OR age < 'x' OR age = ' 7b'"))
        .isEqualTo("SELECT id FROM users WHERE age = 42.0 OR age < 0 OR age = 7");
    assertThat(Fixtures.pg("SELECT id FROM orders WHERE total IN ('2.5', '1e1x')"))
        .isEqualTo("SELECT id FROM orders WHERE total IN ('2.5', 1e1)");
  }

  @Test
  void aTextColumnComparedWithANumberIsReadAsItsNumericPrefix() {
    String number =
        "CAST(COALESCE(substring(a FROM '^[ \\t\\n\\r\\f\\v]*([-+]{0,1}([0-9]+(\\.[0-9]*){0,1}"
            + "|\\.[0-9]+)([eE][-+]{0,1}[0-9]+){0,1})'), substring(a FROM '^') || '0') AS double"
            + " precision)";
    assertThat(Fixtures.pg("SELECT id FROM tags WHERE a = 5"))
        .isEqualTo("SELECT id FROM tags WHERE " + number + " = 5");
    assertThat(Fixtures.pg("SELECT a + 1, SUM(a) FROM tags"))
        .isEqualTo("SELECT " + number + " + 1, sum(" + number + ") FROM tags");
    // compared with a string, a text column stays text
    assertThat(Fixtures.pg("SELECT id FROM tags WHERE a = '5'"))
        .isEqualTo("SELECT id FROM tags WHERE a = '5'");
  }

  @Test
  void aRecursiveCtesColumnsAreTypedByItsFirstMemberOnly() {
    assertThat(
            pg(
                "WITH RECURSIVE d (day) AS (SELECT DATE '2024-01-30' UNION ALL SELECT day +"
                    + " INTERVAL 1 DAY FROM d WHERE day < '2024-02-02') SELECT day FROM d"))
        .contains("SELECT CAST(day + INTERVAL '1 day' AS date) FROM d");
    // not recursive (no member reads it): MySQL types d by both members, a DATETIME here
    assertThat(
            pg(
                "WITH RECURSIVE a AS (SELECT DATE '2024-01-01' AS d UNION ALL SELECT updated FROM"
                    + " users) SELECT d + INTERVAL 1 DAY FROM a"))
        .endsWith("SELECT (d + INTERVAL '1 day') FROM a");
    // a * before a column list's name: the name's column is not known
    assertThat(
            pg(
                "WITH t (a, b, c, d, e, f, g, h, i, j, k, l) AS (SELECT *, 1, 2, 3, 4,"
                    + " CAST('2024-01-31' AS DATE) FROM users) SELECT f + INTERVAL 1 DAY FROM t"))
        .endsWith("SELECT (f + INTERVAL '1 day') FROM t");
  }
}
