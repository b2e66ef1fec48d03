package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.pg;
import static io.dualwrite.rewriter.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON_TABLE's translation (JsonTable): what it prints and what it refuses by name. Its results are
 * proved by the equivalence corpus (json-table.sql).
 */
class JsonTableTest {

  @Test
  void isALateralDerivedTableOverTheRowPathInDocumentOrder() {
    String sql =
        pg(
            "SELECT u.id, jt.n, jt.tag FROM users u, JSON_TABLE(u.payload, '$.tags[*]' COLUMNS (n"
                + " FOR ORDINALITY, tag VARCHAR(20) PATH '$')) AS jt");
    assertThat(sql)
        .startsWith("SELECT u.id, jt.n, jt.tag FROM users AS u, LATERAL (SELECT dw_jt.o AS n, ")
        .contains(
            "jsonb_path_query((CAST(u.payload AS jsonb) #> '{tags}'), 'strict $[*]', '{}', true)")
        .contains("row_number() OVER (ORDER BY dw_j1.o) AS o")
        .contains("char_length(rtrim(dw_v.v, ' ')) <= 20")
        .endsWith(" AS dw_jt ORDER BY dw_jt.o) AS jt");
  }

  @Test
  void aRowPathOfSingleStepsGivesOneRowWhenTheValueIsThere() {
    assertThat(pg("SELECT * FROM JSON_TABLE('{\"a\": 1}', '$.a' COLUMNS (x JSON PATH '$')) AS jt"))
        .contains("(SELECT dw_j0.v, CAST(1 AS bigint) AS o FROM (SELECT ")
        .contains("WHERE dw_j0.v IS NOT NULL)");
  }

  @Test
  void nestedPathsJoinEachRowTheirRowsOneSiblingAfterAnotherOrOneRowOfNulls() {
    String sql =
        pg(
            "SELECT * FROM JSON_TABLE('[]', '$[*]' COLUMNS (x INT PATH '$.a', NESTED PATH"
                + " '$.b[*]' COLUMNS (bo FOR ORDINALITY, NESTED PATH '$.c[*]' COLUMNS (c INT PATH"
                + " '$')), y JSON PATH '$.y', NESTED PATH '$.d' COLUMNS (d JSON PATH '$'))) AS jt");
    // the columns in the order written, nested ones from the joined rows
    assertThat(sql)
        .contains(" AS x, dw_n.bo AS bo, dw_n.c AS c, ")
        .contains(" AS y, dw_n.d AS d FROM ");
    // siblings one after another, each with the others' columns NULL, ordered by dw_k
    assertThat(sql)
        .contains(
            " AS dw_jt LEFT JOIN LATERAL (SELECT dw_jt1.o AS bo, dw_n1.c AS c, CAST(NULL AS jsonb)"
                + " AS d, ARRAY[1, dw_jt1.o] || dw_n1.dw_k AS dw_k FROM ")
        .contains(
            " UNION ALL SELECT CAST(NULL AS bigint) AS bo, CAST(NULL AS integer) AS c, (SELECT ")
        .contains(" ARRAY[2, dw_jt1.o] AS dw_k FROM ")
        .contains(") AS dw_n ON true ORDER BY dw_jt.o, dw_n.dw_k) AS jt");
    // a nested path is read from its parent's row
    assertThat(sql)
        .contains("jsonb_path_query((dw_jt.v #> '{b}'), 'strict $[*]', '{}', true)")
        .contains("jsonb_path_query((dw_jt1.v #> '{c}'), 'strict $[*]', '{}', true)")
        .contains(") AS dw_n1 ON true");
  }

  @Test
  void theNestedRowsOrderingKeyTakesANameNoColumnHas() {
    String sql =
        pg(
            "SELECT * FROM JSON_TABLE('[]', '$[*]' COLUMNS (NESTED PATH '$.a[*]' COLUMNS (dw_k INT"
                + " PATH '$'))) AS jt");
    assertThat(sql).contains(" AS dw_k1 FROM ").endsWith("ORDER BY dw_jt.o, dw_n.dw_k1) AS jt");
  }

  @Test
  void eachJsonTableOfAStatementKeepsItsOwnColumns() {
    String sql =
        pg(
            "SELECT jt.a, jt2.b FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH '$')) AS jt,"
                + " JSON_TABLE('[\"x\"]', '$[*]' COLUMNS (b TEXT PATH '$')) AS jt2");
    assertThat(sql).contains(" AS a FROM ").contains(" AS b FROM ").contains("octet_length");
    assertThat(sql.indexOf(" AS jt,")).isLessThan(sql.indexOf(" AS jt2"));
  }

  @Test
  void itsTextColumnsCompareCaseInsensitivelyAsMysqlsDefaultCollationDoes() {
    assertThat(
            pg(
                "SELECT jt.s FROM JSON_TABLE('[\"a\"]', '$[*]' COLUMNS (s VARCHAR(3) PATH '$')) AS"
                    + " jt WHERE jt.s = 'A'"))
        .endsWith("WHERE lower(jt.s) = lower('A')");
  }

  @Test
  void defaultsAreJsonTextConvertedWhenTheStatementIsTranslated() {
    String sql =
        pg(
            "SELECT * FROM JSON_TABLE('[{}]', '$[*]' COLUMNS (v VARCHAR(3) PATH '$.a' DEFAULT"
                + " '\"E\"' ON EMPTY, i INT PATH '$.a' DEFAULT '\" 7\"' ON EMPTY DEFAULT 'true' ON"
                + " ERROR, j JSON PATH '$.a' DEFAULT '[9]' ON EMPTY)) AS jt");
    assertThat(sql)
        .contains("WHEN dw_v.x IS NULL THEN 'E'")
        .contains("WHEN dw_v.x IS NULL THEN CAST(7 AS integer)")
        .contains("ELSE CAST(1 AS integer) END")
        .contains("WHEN dw_y.x IS NULL THEN CAST('[9]' AS jsonb)");
  }

  @Test
  void decimalsRoundHalfAwayFromZeroToTheScaleAndCheckThePrecision() {
    String sql =
        pg(
            "SELECT * FROM JSON_TABLE('[1.005]', '$[*]' COLUMNS (d DECIMAL(5, 2) PATH '$' DEFAULT"
                + " '\" .555\"' ON EMPTY, e DECIMAL PATH '$')) AS jt");
    assertThat(sql)
        .contains("round(CAST(dw_y.x AS numeric), 2)")
        .contains("abs(dw_v.v) < 1e3 THEN CAST(dw_v.v AS numeric(5, 2))")
        .contains("WHEN dw_v.x IS NULL THEN CAST(0.56 AS numeric(5, 2))")
        .contains("CAST(dw_v.v AS numeric(10, 0))");
  }

  @Test
  void worksInsideWritesAndSubqueries() {
    assertThat(
            pg(
                "INSERT INTO orders (id, note) SELECT jt.id, jt.note FROM JSON_TABLE(?, '$[*]'"
                    + " COLUMNS (id INT PATH '$.id', note VARCHAR(20) PATH '$.n')) AS jt"))
        .startsWith("INSERT INTO orders (id, note) SELECT jt.id, jt.note FROM LATERAL (SELECT ")
        .contains("CAST(? AS jsonb)");
    assertThat(
            pg(
                "SELECT (SELECT MAX(jt.x) FROM JSON_TABLE(u.payload, '$[*]' COLUMNS (x INT PATH"
                    + " '$')) jt) FROM users u"))
        .contains("FROM LATERAL (SELECT ");
  }

  @Test
  void aWritePinnedWithItsComputedValuesRunsJsonTableAsWrittenOnMysql() {
    Translation insert =
        Fixtures.WITH_CATALOG.translate(
            "INSERT INTO orders (id, note, placed) SELECT jt.id, jt.note, NOW() FROM JSON_TABLE(?,"
                + " '$[*]' COLUMNS (id INT PATH '$.id', note VARCHAR(20) PATH '$.n')) AS jt");
    assertThat(insert.isRefused()).as("%s", insert).isFalse();
    assertThat(insert.pinned()).isNotNull();
    assertThat(insert.pinned().mysqlSql())
        .startsWith(
            "INSERT INTO orders (id, note, placed) SELECT jt.id, jt.note, CAST(? AS DATETIME) FROM"
                + " JSON_TABLE(?,")
        .contains("COLUMNS (id INT PATH '$.id', note VARCHAR(20) PATH '$.n')) AS jt");
  }

  @Test
  void thePinnedMysqlTextReadsItsStringsAsTheSessionsSqlModeDoes() {
    String sql =
        "INSERT INTO orders (id, note, placed) SELECT jt.id, jt.note, NOW() FROM JSON_TABLE(?,"
            + " '$[*]' COLUMNS (id INT PATH '$.id', note JSON PATH '$.n' DEFAULT"
            + " '\"a\\\\u00e9\"' ON EMPTY)) AS jt";
    assertThat(Fixtures.WITH_CATALOG.translate(sql).pinned().mysqlSql())
        .contains("DEFAULT '\"a\\\\u00e9\"' ON EMPTY");
    String noBackslash =
        "INSERT INTO orders (id, note, placed) SELECT jt.id, jt.note, NOW() FROM JSON_TABLE(?,"
            + " '$[*]' COLUMNS (id INT PATH '$.id', note JSON PATH '$.n' DEFAULT"
            + " '\"a\\u00e9\"' ON EMPTY)) AS jt";
    assertThat(
            Fixtures.WITH_CATALOG
                .translate(noBackslash, SqlMode.of("NO_BACKSLASH_ESCAPES"))
                .pinned()
                .mysqlSql())
        .contains("DEFAULT '\"a\\u00e9\"' ON EMPTY");
  }

  @Test
  void aPathLiteralIsDecodedOnce() {
    // MySQL: the literal '$."a\\\\b"' is the path $."a\\b", the member named a\b (JSON's escape)
    assertThat(
            pg(
                "SELECT jt.x FROM JSON_TABLE('{}', '$' COLUMNS (x JSON PATH '$.\"a\\\\\\\\b\"'))"
                    + " AS jt"))
        .contains("dw_jt.v #> '{\"a\\\\b\"}'");
  }

  @Test
  void aDefaultIsNeverRewrittenAndMustBeJsonMysqlAccepts() {
    assertThat(
            pg(
                "SELECT * FROM JSON_TABLE('[{}]', '$[*]' COLUMNS (v VARCHAR(20) PATH '$.a' DEFAULT"
                    + " '\"dw_y.x\"' ON EMPTY)) AS jt"))
        .contains("THEN 'dw_y.x' WHEN");
    for (String bad : new String[] {"'007'", "'+5'", "'\"a\"b\"'"}) {
      assertThat(
              refusal(
                      "SELECT * FROM JSON_TABLE('[{}]', '$[*]' COLUMNS (v INT PATH '$.a' DEFAULT "
                          + bad
                          + " ON EMPTY)) AS jt")
                  .code())
          .as(bad)
          .isEqualTo("unsupported-syntax:json-table");
    }
  }

  @Test
  void numbersBeyondWhatMysqlHoldsExactlyAreNotReadAsWritten() {
    String sql =
        pg(
            "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (d DECIMAL(30, 0) PATH '$', s"
                + " VARCHAR(30) PATH '$', e BIGINT EXISTS PATH '$')) AS jt");
    // an integer of up to 18 digits is exact in MySQL (BIGINT); a longer one may be a DOUBLE there
    // (the DECIMAL column); the text column prints a number as ->> does (JsonFunctions.numberText)
    assertThat(sql)
        .contains("~ '^-?[0-9]{1,18}$' OR length(")
        .contains(JsonFunctions.numberText("dw_y.x"))
        .contains("CAST(CASE WHEN dw_y.x IS NULL THEN 0 ELSE 1 END AS bigint)");
  }

  @Test
  void anIntegerWithAFractionOfMoreThan15SignificantDigitsFailsTheStatement() {
    // MySQL rounds the DOUBLE its JSON parser made of it (9223372036854774784.0 is an error there)
    assertThat(pg("SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (i BIGINT PATH '$')) AS jt"))
        .contains(
            "LIKE '%.%' THEN CASE WHEN length(regexp_replace((dw_y.x #>> '{}'),"
                + " '^-?0*[.]?0*|[.]|0+$', '', 'g')) <= 15 THEN CAST(round(")
        .contains("'JSON_TABLE: MySQL reads this JSON number as a DOUBLE of other digits'");
  }

  @Test
  void unsignedIntegersStartAtZeroAndBigintUnsignedFailsWhereMysqlMayWrap() {
    String sql =
        pg(
            "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (t TINYINT UNSIGNED PATH '$', i INT(10)"
                + " UNSIGNED PATH '$' DEFAULT '\"7\"' ON ERROR, b BIGINT UNSIGNED PATH '$', e INT"
                + " UNSIGNED EXISTS PATH '$')) AS jt");
    assertThat(sql)
        .contains("dw_v.v BETWEEN 0 AND 255 THEN CAST(dw_v.v AS smallint)")
        .contains(
            "dw_v.v BETWEEN 0 AND 4294967295 THEN CAST(dw_v.v AS bigint) ELSE CAST(7 AS bigint)")
        .contains(
            "WHEN dw_v.v < 18446744073709551616 THEN CASE WHEN dw_v.v BETWEEN 0 AND"
                + " 9223372036854775807 THEN CAST(dw_v.v AS numeric(20,0)) ELSE")
        .contains("'JSON_TABLE: MySQL may wrap this value into BIGINT UNSIGNED'")
        .contains("(SELECT CAST(CASE WHEN dw_y.x IS NULL THEN 0 ELSE 1 END AS integer) FROM");
    // a DEFAULT is held to the certain range
    assertThat(
            refusal(
                    "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT UNSIGNED PATH '$'"
                        + " DEFAULT '-1' ON EMPTY)) AS jt")
                .code())
        .isEqualTo("unsupported-syntax:json-table");
  }

  @Test
  void doublesAreReadExactlyAndRoundedOnceToTheNearestDouble() {
    String sql =
        pg(
            "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (d DOUBLE PATH '$' DEFAULT '\\\" 2.5\\\"'"
                + " ON EMPTY, e DOUBLE PRECISION PATH '$' DEFAULT 'true' ON ERROR)) AS jt");
    assertThat(sql)
        .contains("WHEN 'number' THEN CAST(dw_y.x AS numeric) WHEN 'string' THEN CASE WHEN")
        .contains("= '' THEN 0 WHEN")
        .contains("abs(dw_v.v) < 1.797693134862315808e308 OR jsonb_typeof(dw_v.x) = 'number'")
        .contains("THEN CAST('-0' AS double precision)")
        .contains("'JSON_TABLE: MySQL may round this number to the largest or smallest DOUBLE")
        .contains("WHEN dw_v.x IS NULL THEN CAST('2.5' AS double precision)")
        .contains("ELSE CAST('1.0' AS double precision) END");
  }

  @Test
  void aJsonTableThatCannotBeParsedIsRefusedByName() {
    assertThat(
            refusal(
                    "CREATE VIEW v AS SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH"
                        + " '$')) AS jt")
                .code())
        .isEqualTo("unsupported-syntax:json-table");
  }

  @Test
  void anUpdateOrDeleteJoinedWithJsonTableIsRefusedAsAnyJoinedDerivedTableIs() {
    assertThat(
            refusal(
                    "UPDATE orders o JOIN JSON_TABLE(?, '$[*]' COLUMNS (id INT PATH '$.id')) AS jt ON"
                        + " jt.id = o.id SET o.placed = NOW()")
                .code())
        .isEqualTo("unsupported-syntax:update-join");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM JSON_TABLE('[{\"a\": [1]}]', '$[*]' COLUMNS (NESTED '$.a[*]' COLUMNS"
            + " (x INT PATH '$'))) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (NESTED PATH '$' COLUMNS (x INT PATH '$')"
            + " DEFAULT '1' ON EMPTY)) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH '$', NESTED PATH '$' COLUMNS"
            + " (A INT PATH '$'))) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH '$' ERROR ON ERROR)) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH '$' ERROR ON EMPTY)) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a FLOAT PATH '$')) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a REAL PATH '$')) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a DOUBLE PATH '$' DEFAULT '\\\"4 \\\"'"
            + " ON EMPTY)) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a DOUBLE PATH '$' DEFAULT '1e-400' ON"
            + " EMPTY)) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a DECIMAL(5, 2) PATH '$' DEFAULT"
            + " '1000' ON EMPTY)) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a DATE PATH '$')) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a VARCHAR(3) PATH '$' DEFAULT 'x' ON"
            + " EMPTY)) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH '$' DEFAULT '1.5' ON EMPTY))"
            + " AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a VARCHAR(3) PATH '$' DEFAULT"
            + " '\"abcd\"' ON EMPTY)) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a JSON EXISTS PATH '$')) AS jt",
        "SELECT * FROM JSON_TABLE('[1]', ? COLUMNS (a INT PATH '$')) AS jt"
      })
  void whatItDoesNotTranslateIsRefusedAsJsonTable(String mysql) {
    assertThat(refusal(mysql).code()).isEqualTo("unsupported-syntax:json-table");
  }

  @Test
  void aColumnPathThatSelectsSeveralValuesIsRefusedByItsPath() {
    assertThat(
            refusal("SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a JSON PATH '$[*]')) AS jt")
                .reason())
        .contains("$[*]");
  }

  @Test
  void withoutAnAliasItIsRefusedAsMysqlRejectsIt() {
    assertThat(refusal("SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH '$'))").code())
        .isEqualTo("unsupported-syntax:json-table");
  }
}
