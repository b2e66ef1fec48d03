package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.PLAIN;
import static io.dualwrite.rewriter.Fixtures.pg;
import static io.dualwrite.rewriter.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionTranslationTest {

  private static String expr(String mysqlExpression) {
    String sql = pg(PLAIN, "SELECT " + mysqlExpression + " FROM t");
    assertThat(sql).startsWith("SELECT ").endsWith(" FROM t");
    return sql.substring("SELECT ".length(), sql.length() - " FROM t".length());
  }

  @Test
  void ifnullAndIf() {
    assertThat(expr("IFNULL(a, 0)")).isEqualTo("COALESCE(a, 0)");
    assertThat(expr("IF(a > 1, 'x', 'y')")).isEqualTo("CASE WHEN a > 1 THEN 'x' ELSE 'y' END");
    assertThat(expr("IF(flag, 1, 2)")).isEqualTo("CASE WHEN (flag) <> 0 THEN 1 ELSE 2 END");
  }

  @Test
  void aDateTimeMixedWithAStringInIfCaseOrCoalesceIsText() {
    // MySQL's result is a string: the date-time's text, or the string as written
    assertThat(pg("SELECT IF(age > 1, updated, '2024-01-01') FROM users"))
        .isEqualTo(
            "SELECT CASE WHEN age > 1 THEN CAST(updated AS text) ELSE '2024-01-01' END FROM users");
    assertThat(pg("SELECT CASE WHEN age > 1 THEN updated ELSE 'never' END FROM users"))
        .isEqualTo(
            "SELECT CASE WHEN age > 1 THEN CAST(updated AS text) ELSE 'never' END FROM users");
    assertThat(pg("SELECT COALESCE(updated, '2024-01-01') FROM users"))
        .isEqualTo("SELECT COALESCE(CAST(updated AS text), '2024-01-01') FROM users");
    // a literal written as the value's own text stays a value where it is compared
    assertThat(pg("SELECT id FROM orders WHERE IFNULL(placed, '9999-12-31') > ?"))
        .isEqualTo("SELECT id FROM orders WHERE COALESCE(placed, '9999-12-31') > ?");
    assertThat(pg("SELECT id FROM users WHERE IF(age > 1, updated, '2024-01-01 00:00:00') > ?"))
        .isEqualTo(
            "SELECT id FROM users WHERE CASE WHEN age > 1 THEN updated ELSE '2024-01-01 00:00:00'"
                + " END > ?");
    // and text as a result column: the application reads MySQL's VARCHAR
    assertThat(pg("SELECT IFNULL(placed, '9999-12-31') FROM orders"))
        .isEqualTo("SELECT COALESCE(CAST(placed AS text), '9999-12-31') FROM orders");
  }

  @Test
  void aJsonValueInAConditionIsComparedWithJsonZero() {
    // MySQL 9.7.4: JSON false, null and strings are true in a condition; a number 0 is false
    assertThat(expr("JSON_EXTRACT(doc, '$.e') IS TRUE"))
        .isEqualTo("CAST(((((doc #> '{e}')) <> CAST('0' AS jsonb)) IS TRUE) AS integer)");
    // COALESCE of JSON values, JSON_ARRAY() among them, stays JSON
    assertThat(expr("COALESCE(JSON_EXTRACT(doc, '$.f'), JSON_ARRAY())"))
        .isEqualTo("COALESCE((doc #> '{f}'), jsonb_build_array())");
  }

  @Test
  void aJsonValueMixedWithAnotherTypeInCoalesceIsText() {
    // the -> form is the JSON_EXTRACT one the corpus runs on both servers (MariaDB has no ->)
    for (String[] forms :
        new String[][] {
          {"COALESCE(doc->'$.flag', false)", "COALESCE(JSON_EXTRACT(doc, '$.flag'), false)"},
          {"IFNULL(doc->'$.flag', 'none')", "IFNULL(JSON_EXTRACT(doc, '$.flag'), 'none')"}
        }) {
      assertThat(expr(forms[0])).isEqualTo(expr(forms[1])).startsWith("COALESCE(CAST(");
    }
    assertThat(expr("COALESCE(JSON_EXTRACT(doc, '$.a'), JSON_EXTRACT(doc, '$.b'))"))
        .as("JSON values only: jsonb stays jsonb")
        .doesNotContain("AS text");
  }

  @Test
  void aStringFunctionsResultIsReadAsANumberUnlessItIsBinary() {
    // PLAIN knows no columns: a function of string literals and parameters; the number is
    // the text's numeric prefix (StringNumbers), as for a text column
    for (String e :
        List.of(
            "LEFT(?, 2) + 1",
            "RIGHT(?, 1) * 2",
            "LPAD(?, 3, '0') + 0",
            "REPEAT(?, 2) - 1",
            "REVERSE(?) + 0",
            "MID(?, 1, 2) + 0",
            "LTRIM(?) + 0",
            "UCASE(?) > 3",
            "SUBSTRING_INDEX(?, '.', 1) = 5",
            "HEX('ab') + 1",
            "MD5(?) + 0",
            "SPACE(2) + 1",
            "CONCAT(N'5', ?) + 1")) {
      assertThat(expr(e)).as(e).contains("AS double precision");
    }
    // MySQL's result is a binary string when an argument is one, at any depth: left as it was
    for (String e :
        List.of(
            "CONCAT(X'35', ?) + 1",
            "CONCAT(CONCAT(UNHEX(?), 'x'), 'y') + 1",
            "REPEAT(CONCAT(?, B'0110101'), 2) + 1")) {
      assertThat(expr(e)).as(e).doesNotContain("double precision");
    }
    // the number is read from the text twice (its prefix, else '0' or NULL): once per row only
    assertThat(refusal(PLAIN, "SELECT CONCAT(RAND(), 'x') + 1 FROM t").reason()).contains("RAND()");
  }

  @Test
  void aBinaryStringInsideAStringFunctionIsNotTakenForText() {
    // MySQL counts a binary string's bytes and leaves its case alone; refused, not translated as
    // text (users.payload is VARBINARY)
    for (String sql :
        List.of(
            "SELECT HEX(LEFT(X'C3A9', 1)) FROM users",
            "SELECT HEX(REVERSE(CONCAT(payload, 'x'))) FROM users",
            "SELECT LEFT(CONCAT(payload, 'x'), 1) FROM users",
            "SELECT UPPER(CONCAT(payload, 'x')) FROM users")) {
      assertThat(refusal(sql).reason()).as(sql).isNotBlank();
    }
    // a binary column's collation wins over a case-insensitive column's; a literal's does not
    // (MySQL 9.7.4: CONCAT(name, bin) = 'boba' is 0, CONCAT(name, X'61') = 'boba' is 1 for 'Bob')
    assertThat(pg("SELECT id FROM users WHERE CONCAT(name, payload) = 'bob'"))
        .doesNotContain("lower(");
    assertThat(pg("SELECT id FROM users WHERE CONCAT(name, X'41') = 'bob'")).contains("lower(");
  }

  @Test
  void trimKeepsTheCollationAndReadsAsANumber() {
    // JSqlParser reads TRIM as a node of its own, not a function call
    assertThat(pg("SELECT id FROM users WHERE TRIM(name) = 'bob'"))
        .isEqualTo("SELECT id FROM users WHERE lower(TRIM(name)) = lower('bob')");
    assertThat(pg("SELECT TRIM(name) + 1 FROM users")).contains("AS double precision) + 1");
    // grouped through a LATERAL column, which is folded as a case-insensitive column is
    assertThat(pg("SELECT TRIM(name) AS t, COUNT(*) FROM users GROUP BY TRIM(name)"))
        .isEqualTo(
            "SELECT min(dw_x.dw_e1) AS t, count(*) FROM users CROSS JOIN LATERAL (SELECT"
                + " TRIM(name) AS dw_e1) AS dw_x GROUP BY lower(dw_x.dw_e1)");
    // still named otherwise than as a whole select item (in HAVING), or in a write: refused
    assertThat(
            refusal("SELECT TRIM(name), COUNT(*) FROM users GROUP BY 1 HAVING TRIM(name) <> 'a'")
                .code())
        .isEqualTo("unsupported-syntax:group-by-case-insensitive-expression");
    assertThat(
            refusal("INSERT INTO users (name) SELECT TRIM(name) FROM users GROUP BY TRIM(name)")
                .code())
        .isEqualTo("unsupported-syntax:group-by-case-insensitive-expression");
  }

  @Test
  void anUnquotedJsonValueIsReadAsANumberWhereOneIsWanted() {
    // the ->> form translates as JSON_UNQUOTE(JSON_EXTRACT(...)), which the corpus runs on both
    // servers (string-numbers.sql; MariaDB has no ->>)
    for (String[] forms :
        new String[][] {
          {"SUM(doc->>'$.n')", "SUM(JSON_UNQUOTE(JSON_EXTRACT(doc, '$.n')))"},
          {"doc->>'$.n' > 10", "JSON_UNQUOTE(JSON_EXTRACT(doc, '$.n')) > 10"},
          {"doc->>'$.n' BETWEEN 0 AND 1", "JSON_UNQUOTE(JSON_EXTRACT(doc, '$.n')) BETWEEN 0 AND 1"},
          {"(doc->>'$.n') + 1", "(JSON_UNQUOTE(JSON_EXTRACT(doc, '$.n'))) + 1"}
        }) {
      assertThat(expr(forms[0])).as(forms[0]).contains("AS double precision");
      assertThat(expr(forms[0])).as(forms[0]).isEqualTo(expr(forms[1]));
    }
    // MySQL's -> and ->> bind tighter than arithmetic; JSqlParser would read doc ->> ('$.n' * 2)
    assertThat(expr("doc->>'$.n' * 2")).isEqualTo(expr("(doc->>'$.n') * 2"));
    assertThat(expr("doc->>'$.n' - 1")).isEqualTo(expr("(doc->>'$.n') - 1"));
    assertThat(expr("t.doc->>'$.n' DIV 2")).isEqualTo(expr("(t.doc->>'$.n') DIV 2"));
    assertThat(expr("`t`.`doc`->'$.n' + 1")).isEqualTo(expr("(`t`.`doc`->'$.n') + 1"));
  }

  @Test
  void concatIsNullWhenAnyArgumentIsNull() {
    // || propagates NULL exactly like MySQL CONCAT (PostgreSQL concat() would skip it)
    assertThat(expr("CONCAT(a, '-', 1)")).isEqualTo("(CAST(a AS text) || '-' || CAST(1 AS text))");
  }

  @Test
  void concatWsSkipsNullsOnBothSides() {
    assertThat(expr("CONCAT_WS(',', a, b)"))
        .isEqualTo("concat_ws(',', CAST(a AS text), CAST(b AS text))");
  }

  @Test
  void groupConcatBecomesStringAgg() {
    assertThat(expr("GROUP_CONCAT(a)")).isEqualTo("string_agg(CAST(a AS text), ',')");
    assertThat(expr("GROUP_CONCAT(DISTINCT a SEPARATOR '; ')"))
        .isEqualTo("string_agg(DISTINCT CAST(a AS text), '; ')");
    assertThat(expr("GROUP_CONCAT(a, b ORDER BY c DESC SEPARATOR '')"))
        .isEqualTo(
            "string_agg((CAST(a AS text) || CAST(b AS text)), '' ORDER BY c DESC NULLS LAST)");
  }

  @Test
  void groupConcatDistinctOrderedByItsArgumentKeepsTheArgumentType() {
    assertThat(expr("GROUP_CONCAT(DISTINCT a ORDER BY a DESC SEPARATOR '-')"))
        .isEqualTo(
            "array_to_string(array_agg(DISTINCT a ORDER BY a DESC) FILTER (WHERE a IS NOT NULL),"
                + " '-')");
  }

  @Test
  void groupConcatDistinctOrderedByAnotherKeyKeepsOneRowPerValue() {
    assertThat(expr("GROUP_CONCAT(DISTINCT a ORDER BY b DESC SEPARATOR '; ')"))
        .isEqualTo(
            "(SELECT string_agg(dw_v1, '; ' ORDER BY dw_k1 DESC NULLS LAST, dw_v1)"
                + " FROM (SELECT DISTINCT ON (dw_v1) dw_v1, dw_k1"
                + " FROM unnest(array_agg(CAST(a AS text)), array_agg(b))"
                + " AS dw_u(dw_v1, dw_k1) WHERE dw_v1 IS NOT NULL"
                + " ORDER BY dw_v1, dw_k1 DESC NULLS LAST) dw_g)");
    assertThat(expr("GROUP_CONCAT(DISTINCT a, b ORDER BY c)"))
        .contains("string_agg(dw_v1 || dw_v2, ','")
        .contains("DISTINCT ON (dw_v1, dw_v2)")
        .contains("WHERE dw_v1 IS NOT NULL AND dw_v2 IS NOT NULL");
    assertThat(refusal(PLAIN, "SELECT GROUP_CONCAT(DISTINCT 'x' ORDER BY 1 + 1) FROM t").code())
        .isEqualTo("unsupported-function:GROUP_CONCAT");
  }

  @Test
  void minAndMaxOfACaseInsensitiveColumnCompareIgnoringCase() {
    assertThat(pg("SELECT MIN(name), MAX(name) FROM users"))
        .isEqualTo(
            "SELECT (array_agg(name ORDER BY lower(name), name) FILTER (WHERE name IS NOT NULL))[1],"
                + " (array_agg(name ORDER BY lower(name) DESC, name DESC)"
                + " FILTER (WHERE name IS NOT NULL))[1] FROM users");
    assertThat(expr("MIN(a)")).isEqualTo("min(a)");
  }

  @Test
  void groupConcatDistinctOfACaseInsensitiveColumnMergesValuesDifferingInCase() {
    String sql = pg("SELECT GROUP_CONCAT(DISTINCT name ORDER BY name) FROM users");
    assertThat(sql)
        .contains("DISTINCT ON (lower(dw_v1))")
        .contains("array_agg(lower(name))")
        .contains("ORDER BY dw_k1 NULLS FIRST, lower(dw_v1)");
    assertThat(pg("SELECT GROUP_CONCAT(DISTINCT name) FROM users"))
        .contains("DISTINCT ON (lower(dw_v1))")
        .contains("ORDER BY lower(dw_v1)");
  }

  @Test
  void dateFormatMapsEverySpecifierExactly() {
    assertThat(expr("DATE_FORMAT(d, '%Y-%m-%d %H:%i:%s')"))
        .isEqualTo("to_char(d, 'YYYY\"-\"MM\"-\"DD\" \"HH24\":\"MI\":\"SS')");
    assertThat(expr("DATE_FORMAT(d, '%W %M %e %Y, %l%p %f')"))
        .isEqualTo("to_char(d, 'FMDay\" \"FMMonth\" \"FMDD\" \"YYYY\", \"FMHH12AM\" \"US')");
  }

  @Test
  void dateFormatWithModeTwoWeeksOrAFormatNotWrittenIsRefused() {
    // %U, %u and %w are translated through WEEK(d, 0/1) and the day of the week; %V and %X
    // (WEEK mode 2 and its year) are not
    assertThat(refusal(PLAIN, "SELECT DATE_FORMAT(d, '%X-%V') FROM t").code())
        .isEqualTo("unsupported-syntax:date-format:%X");
    assertThat(refusal(PLAIN, "SELECT DATE_FORMAT(d, fmt) FROM t").code())
        .isEqualTo("unsupported-function:DATE_FORMAT");
  }

  @Test
  void strToDateReturnsDateOrTimestampByFormat() {
    // input that does not fit the numeric format is NULL in MySQL, not an error
    assertThat(expr("STR_TO_DATE(s, '%d/%m/%Y')"))
        .isEqualTo(
            "CASE WHEN CAST(s AS text) ~ '^[0-9]{1,2}\\/[0-9]{1,2}\\/[0-9]{4}' THEN"
                + " to_date(CAST(s AS text), 'DD\"/\"MM\"/\"YYYY') END");
    assertThat(expr("STR_TO_DATE(s, '%Y%m%d %H%i')"))
        .isEqualTo(
            "CASE WHEN CAST(s AS text) ~ '^[0-9]{4}[0-9]{1,2}[0-9]{1,2}\\ [0-9]{1,2}[0-9]{1,2}'"
                + " THEN CAST(to_timestamp(CAST(s AS text), 'YYYYMMDD\" \"HH24MI') AS timestamp)"
                + " END");
    // only time fields: a TIME
    assertThat(expr("STR_TO_DATE('14:07', '%H:%i')"))
        .isEqualTo(
            "CASE WHEN '14:07' ~ '^[0-9]{1,2}\\:[0-9]{1,2}' THEN CAST(to_timestamp('14:07',"
                + " 'HH24\":\"MI') AS time) END");
    // month names have no digit shape: translated without the guard
    assertThat(expr("STR_TO_DATE(s, '%M %e %Y')"))
        .isEqualTo("to_date(CAST(s AS text), 'FMMonth\" \"FMDD\" \"YYYY')");
  }

  @Test
  void intervalArithmetic() {
    assertThat(expr("DATE_ADD(d, INTERVAL 2 DAY)")).isEqualTo("(d + INTERVAL '2 day')");
    assertThat(expr("DATE_SUB(d, INTERVAL ? HOUR)")).isEqualTo("(d - (?) * INTERVAL '1 hour')");
    assertThat(expr("d + INTERVAL 1 QUARTER")).isEqualTo("(d + INTERVAL '3 months')");
    // of a string MySQL's result is a string: its text as a result column
    assertThat(expr("DATE_ADD('2024-01-31', INTERVAL 1 MONTH)"))
        .isEqualTo("CAST(CAST(DATE '2024-01-31' + INTERVAL '1 month' AS date) AS text)");
    assertThat(pg("SELECT id FROM orders WHERE placed < DATE_ADD('2024-01-31', INTERVAL 1 MONTH)"))
        .isEqualTo(
            "SELECT id FROM orders WHERE placed < CAST(DATE '2024-01-31' + INTERVAL '1 month' AS"
                + " date)");
    assertThat(expr("DATE_ADD(CURDATE(), INTERVAL 1 DAY)"))
        .isEqualTo("CAST(CURRENT_DATE + INTERVAL '1 day' AS date)");
  }

  @Test
  void dateDifferences() {
    assertThat(expr("DATEDIFF(a, b)")).isEqualTo("(CAST(a AS date) - CAST(b AS date))");
    assertThat(expr("TIMESTAMPDIFF(HOUR, a, b)"))
        .isEqualTo(
            "CAST(trunc(EXTRACT(EPOCH FROM (CAST(b AS timestamp) - CAST(a AS timestamp))) / 3600)"
                + " AS bigint)");
    assertThat(expr("TIMESTAMPDIFF(MONTH, a, b)")).contains("age(CAST(b AS timestamp)");
  }

  @Test
  void unixTimeConversions() {
    assertThat(expr("FROM_UNIXTIME(n)")).isEqualTo("CAST(to_timestamp(n) AS timestamp)");
    assertThat(expr("UNIX_TIMESTAMP(d)"))
        .isEqualTo(
            "CAST(floor(EXTRACT(EPOCH FROM CAST(CAST(d AS timestamp) AS timestamptz))) AS bigint)");
  }

  @Test
  void readsUseTheDatabaseClockFunctions() {
    assertThat(expr("NOW()")).isEqualTo("date_trunc('second', LOCALTIMESTAMP)");
    assertThat(expr("NOW(3)")).isEqualTo("LOCALTIMESTAMP(3)");
    assertThat(expr("CURRENT_TIMESTAMP")).isEqualTo("date_trunc('second', LOCALTIMESTAMP)");
    assertThat(expr("CURDATE()")).isEqualTo("CURRENT_DATE");
    assertThat(expr("UUID()")).isEqualTo("CAST(gen_random_uuid() AS text)");
    assertThat(expr("RAND()")).isEqualTo("random()");
  }

  @Test
  void seededRandIsRefused() {
    assertThat(refusal(PLAIN, "SELECT RAND(7)").code()).isEqualTo("unsupported-function:RAND");
  }

  @Test
  void hashes() {
    assertThat(expr("MD5(a)")).isEqualTo("md5(CAST(a AS text))");
    assertThat(expr("SHA2(a, 256)"))
        .isEqualTo("encode(sha256(convert_to(CAST(a AS text), 'UTF8')), 'hex')");
    assertThat(expr("SHA2(a, 512)")).startsWith("encode(sha512(");
    assertThat(refusal(PLAIN, "SELECT SHA1(a) FROM t").code())
        .isEqualTo("unsupported-function:SHA1");
  }

  @Test
  void lastInsertIdIsLeftToTheDriver() {
    Refusal r = refusal(PLAIN, "SELECT LAST_INSERT_ID()");
    assertThat(r.code()).isEqualTo("driver-intercepted:LAST_INSERT_ID");
  }

  @Test
  void lengthCountsBytesAndCharLengthCharacters() {
    assertThat(expr("LENGTH(a)")).isEqualTo("octet_length(CAST(a AS text))");
    assertThat(expr("CHAR_LENGTH(a)")).isEqualTo("char_length(CAST(a AS text))");
    assertThat(pg("SELECT LENGTH(payload) FROM users"))
        .isEqualTo("SELECT octet_length(payload) FROM users");
  }

  @Test
  void aDateTimeInArithmeticIsTheNumberItsDigitsSpell() {
    assertThat(pg("SELECT updated - updated FROM users"))
        .isEqualTo(
            "SELECT CAST(to_char(updated, 'YYYYMMDDHH24MISS') AS bigint) -"
                + " CAST(to_char(updated, 'YYYYMMDDHH24MISS') AS bigint) FROM users");
    assertThat(pg("SELECT placed + 1 FROM orders"))
        .isEqualTo("SELECT CAST(to_char(placed, 'YYYYMMDD') AS bigint) + 1 FROM orders");
    assertThat(expr("TIME '10:00:00.5' * 2"))
        .isEqualTo("CAST(to_char(TIME '10:00:00.5', 'HH24MISS.FF1') AS numeric) * 2");
    assertThat(expr("CAST(a AS DATETIME(2)) + 0"))
        .isEqualTo("CAST(to_char(CAST(a AS timestamp(2)), 'YYYYMMDDHH24MISS.FF2') AS numeric) + 0");
    assertThat(expr("-DATE(a)"))
        .startsWith("-CAST(to_char(CAST(a AS date), 'YYYYMMDD') AS bigint)");
    assertThat(pg("SELECT placed / 7, placed % 7, SUM(placed) FROM orders"))
        .isEqualTo(
            "SELECT round(CAST(CAST(to_char(placed, 'YYYYMMDD') AS bigint) AS numeric) * 1.0000 /"
                + " NULLIF(CAST(7 AS numeric), 0), scale(CAST(CAST(to_char(placed, 'YYYYMMDD') AS"
                + " bigint) AS numeric)) + 4), ((CAST(to_char(placed, 'YYYYMMDD') AS bigint)) %"
                + " NULLIF((7), 0)), sum(CAST(to_char(placed, 'YYYYMMDD') AS bigint)) FROM orders");
    // MySQL rounds a fractional date-time as a DOUBLE: refused
    assertThat(refusal("SELECT ROUND(TIMESTAMP '2024-01-01 00:00:00.25', 1)").code())
        .isEqualTo("unsupported-function:ROUND");
    // an interval is still date arithmetic
    assertThat(pg("SELECT placed + INTERVAL 1 DAY FROM orders")).doesNotContain("to_char");
    // IF/COALESCE/CASE, window and aggregate values of date-times are date-times
    assertThat(pg("SELECT COALESCE(placed, placed) + 1, MAX(placed) - MIN(placed) FROM orders"))
        .isEqualTo(
            "SELECT CAST(to_char(COALESCE(placed, placed), 'YYYYMMDD') AS bigint) + 1,"
                + " CAST(to_char(max(placed), 'YYYYMMDD') AS bigint) - CAST(to_char(min(placed),"
                + " 'YYYYMMDD') AS bigint) FROM orders");
    // stored into a DATE/DATETIME column, the number is the date-time it spells, as in MySQL
    assertThat(pg("UPDATE orders SET placed = placed + 1"))
        .isEqualTo(
            "UPDATE orders SET placed = CAST(regexp_replace(CAST(CAST(to_char(placed, 'YYYYMMDD')"
                + " AS bigint) + 1 AS text), '^([0-9]{8})([0-9]{6})$', '\\1T\\2') AS date)");
  }

  @Test
  void pinnedNowPlusZeroIsTheDateTimeNumberOnBothSidesNotTheYearOfItsText() {
    // MySQL's side once bound NOW()'s value as bare text, which MySQL reads in arithmetic as 2026
    Translation t = Fixtures.WITH_CATALOG.translate("UPDATE users SET age = NOW() + 0");
    assertThat(t.pinned().mysqlSql())
        .isEqualTo("UPDATE users SET age = CAST(? AS DATETIME) + 0, updated = CAST(? AS DATETIME)");
    assertThat(t.pinned().postgresSql())
        .isEqualTo(
            "UPDATE users SET age = CAST(to_char(CAST(? AS timestamp(0)), 'YYYYMMDDHH24MISS') AS"
                + " bigint) + 0, updated = CAST(? AS timestamp(0))");
  }

  @Test
  void unixTimestampOfNow3KeepsItsMillisecondsNotFlooredToAnInteger() {
    Translation t = Fixtures.PLAIN.translate("UPDATE t SET a = UNIX_TIMESTAMP(NOW(3))");
    assertThat(t.pinned().mysqlSql())
        .isEqualTo("UPDATE t SET a = UNIX_TIMESTAMP(CAST(? AS DATETIME(3)))");
    assertThat(t.pinned().postgresSql())
        .isEqualTo(
            "UPDATE t SET a = round(EXTRACT(EPOCH FROM CAST(CAST(CAST(? AS timestamp(3)) AS"
                + " timestamp) AS timestamptz)), 3)");
  }

  @Test
  void pinnedClockCallsAreCastToTheirOwnTypeAndPrecisionOnMysql() {
    Translation t =
        Fixtures.PLAIN.translate(
            "UPDATE t SET a = NOW(3) + 0, b = CURDATE(), c = CURTIME(6), d = SYSDATE(),"
                + " e = UTC_TIMESTAMP(2), f = UTC_DATE(), g = UTC_TIME(), h = CURRENT_TIMESTAMP,"
                + " i = LOCALTIMESTAMP(4), j = CURRENT_DATE + 0, k = RAND(), l = UNIX_TIMESTAMP(),"
                + " m = UUID()");
    assertThat(t.pinned().mysqlSql())
        .isEqualTo(
            "UPDATE t SET a = CAST(? AS DATETIME(3)) + 0, b = CAST(? AS DATE), c = CAST(? AS"
                + " TIME(6)), d = CAST(? AS DATETIME), e = CAST(? AS DATETIME(2)), f = CAST(? AS"
                + " DATE), g = CAST(? AS TIME), h = CAST(? AS DATETIME), i = CAST(? AS"
                + " DATETIME(4)), j = CAST(? AS DATE) + 0, k = CAST(? AS DOUBLE), l = ?, m = ?");
    assertThat(t.pinned().postgresSql())
        .contains(
            "a = CAST(to_char(CAST(? AS timestamp(3)), 'YYYYMMDDHH24MISS.FF3') AS numeric) + 0")
        .contains("j = CAST(to_char(CAST(? AS date), 'YYYYMMDD') AS bigint) + 0");
  }

  @Test
  void divisionIsExactAndNullOnZero() {
    assertThat(expr("a / b"))
        .isEqualTo(
            "round(CAST(a AS numeric) * 1.0000 / NULLIF(CAST(b AS numeric), 0), scale(CAST(a AS"
                + " numeric)) + 4)");
    assertThat(pg("SELECT score / 2 FROM users"))
        .isEqualTo("SELECT (CAST(score AS double precision) / NULLIF(2, 0)) FROM users");
    assertThat(expr("a DIV b"))
        .isEqualTo("CAST(div(CAST(a AS numeric), NULLIF(CAST(b AS numeric), 0)) AS bigint)");
    assertThat(expr("a % b")).isEqualTo("((a) % NULLIF((b), 0))");
    assertThat(expr("MOD(a, b)")).isEqualTo("((a) % NULLIF((b), 0))");
    // regression: MOD(a + b, n) printed as (a + b % NULLIF(n, 0)), i.e. a + (b % n)
    assertThat(expr("MOD(a * 31 + b, 1000003)")).isEqualTo("((a * 31 + b) % NULLIF((1000003), 0))");
    assertThat(expr("MOD(a, b + 1)")).isEqualTo("((a) % NULLIF((b + 1), 0))");
    // a DOUBLE operand: fmod, through numeric (PostgreSQL has no % for double precision)
    assertThat(pg("SELECT score % 2 FROM users"))
        .isEqualTo(
            "SELECT CAST(mod(CAST(score AS numeric), NULLIF(CAST(2 AS numeric), 0)) AS double"
                + " precision) FROM users");
    assertThat(expr("MOD('7.5', 2)"))
        .isEqualTo(
            "CAST(mod(CAST(CAST(7.5 AS double precision) AS numeric), NULLIF(CAST(2 AS numeric),"
                + " 0)) AS double precision)");
  }

  @Test
  void operators() {
    assertThat(expr("a ^ b")).isEqualTo("(a # b)");
    assertThat(expr("a <=> b")).isEqualTo("CAST((a IS NOT DISTINCT FROM b) AS integer)");
    assertThat(expr("a XOR b")).isEqualTo("CAST(((((a) <> 0) <> ((b) <> 0))) AS integer)");
  }

  @Test
  void greatestAndLeastAreNullWhenAnyArgumentIsNull() {
    assertThat(expr("GREATEST(a, b)"))
        .isEqualTo("CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END");
    assertThat(expr("LEAST(a, 1)"))
        .isEqualTo("CASE WHEN a IS NULL OR 1 IS NULL THEN NULL ELSE least(a, 1) END");
  }

  @Test
  void jsonPathsAndConstructors() {
    assertThat(expr("JSON_EXTRACT(j, '$.a.b')")).isEqualTo("(j #> '{a,b}')");
    // an array step wraps a non-array, as MySQL does (jsonpath's lax mode)
    assertThat(expr("j->'$.a[0]'")).isEqualTo("(jsonb_path_query_first(j #> '{a}', 'lax $[0]'))");
    assertThat(expr("JSON_EXTRACT(j, '$[1].b[last - 2]')"))
        .isEqualTo(
            "(jsonb_path_query_first(jsonb_path_query_first(j, 'lax $[1]') #> '{b}',"
                + " 'lax $[last - 2]'))");
    // a member named like an integer is never a position
    assertThat(expr("JSON_EXTRACT(j, '$.a.\"1\".b')")).isEqualTo("(j #> '{a}' -> '1' #> '{b}')");
    // a quoted member is a JSON string: its escapes are decoded, as MySQL 9.7 does
    assertThat(expr("JSON_EXTRACT(j, '$.\"a\\\\u00E9\\\\n\\\\\\\\\\\\\"\"')"))
        .isEqualTo("(j #> '{\"a\u00e9\n\\\\\\\"\"}')");
    // (the last: \\u with fullwidth zeros, which Character.digit would read)
    for (String invalid :
        List.of("\\\\x", "\\\\u00", "\\\\ud83d", "\\\\u0000", "\\\\u\uff10\uff10e9")) {
      assertThat(refusal(PLAIN, "SELECT JSON_EXTRACT(j, '$.\"a" + invalid + "\"') FROM t").reason())
          .as(invalid)
          .contains("Invalid JSON path");
    }
    // JSON null unquotes to 'null'; a number is printed as MySQL prints it (JsonFunctions)
    assertThat(expr("j->>'$.name'"))
        .isEqualTo(
            "(CASE jsonb_typeof((j #> '{name}')) WHEN 'null' THEN 'null' WHEN 'number' THEN "
                + JsonFunctions.numberText("(j #> '{name}')")
                + " ELSE (j #> '{name}') #>> '{}' END)");
    assertThat(expr("JSON_UNQUOTE(JSON_EXTRACT(j, '$.x'))"))
        .startsWith("(CASE jsonb_typeof((j #> '{x}')) WHEN 'null' THEN 'null' WHEN 'number'")
        .endsWith(" ELSE (j #> '{x}') #>> '{}' END)");
    // a short fraction is its text without trailing zeros (19.90 is 19.9); other DOUBLEs get the
    // shortest digits that read back (15, 16 or 17), 1e23 as 1e23 where PostgreSQL's float8
    // text says 9.999999999999999e+22; a subnormal one fails the statement; no subquery (CHECK)
    assertThat(JsonFunctions.numberText("v"))
        .startsWith(
            "CASE WHEN length((v #>> '{}')) <= 16 THEN CASE WHEN strpos((v #>> '{}'), '.') = 0"
                + " THEN (v #>> '{}') WHEN right(rtrim((v #>> '{}'), '0'), 1) = '.' THEN")
        .contains(
            "WHEN CASE WHEN abs(CAST(to_char(CAST(v AS double precision), '9.99999999999999EEEE')"
                + " AS numeric)) > 1.7976931348623157e308 THEN false ELSE")
        .contains("'JSON: MySQL prints this subnormal DOUBLE with its own digits'")
        .contains("'^(-?[0-9]+)$', '\\1.0')")
        .doesNotContain("SELECT");
    assertThat(expr("JSON_OBJECT('k', a)")).isEqualTo("jsonb_build_object('k', a)");
    assertThat(expr("JSON_ARRAY(1, a)")).isEqualTo("jsonb_build_array(1, a)");
    // several values: one jsonb_path_query per step from the first wildcard on, aggregated
    assertThat(expr("JSON_EXTRACT(j, '$.a[*].b')"))
        .isEqualTo(
            "(SELECT jsonb_agg(dw_j2.v ORDER BY dw_j1.o, dw_j2.o) FROM jsonb_path_query((j #>"
                + " '{a}'), 'strict $[*]', '{}', true) WITH ORDINALITY AS dw_j1(v, o), LATERAL"
                + " jsonb_path_query(dw_j1.v, 'strict $.\"b\"', '{}', true) WITH ORDINALITY AS"
                + " dw_j2(v, o))");
    assertThat(expr("JSON_EXTRACT(j, '$.a[last-1 to last]')"))
        .contains("'lax $[last - 1 to last]'");
    assertThat(expr("JSON_EXTRACT(j, '$**.a')")).contains("'strict $.**'");
    assertThat(refusal(PLAIN, "SELECT JSON_EXTRACT(j, '$**[0]') FROM t").reason())
        .contains("array position after **");
    for (String several : List.of("$.*", "$[*]", "$[1 to 2]")) {
      // where MySQL takes one value only, or splices several paths' values
      assertThat(refusal(PLAIN, "SELECT JSON_LENGTH(j, '" + several + "') FROM t").reason())
          .as(several)
          .contains("selects several values");
      assertThat(refusal(PLAIN, "SELECT JSON_EXTRACT(j, '$.a', '" + several + "') FROM t"))
          .as(several)
          .isNotNull();
    }
    assertThat(refusal(PLAIN, "SELECT JSON_EXTRACT(j, '$[2 to 1]') FROM t").reason())
        .contains("Invalid JSON path");
  }

  @Test
  void convertUsingAsciiOrLatin1ReplacesWhatTheCharsetCannotHoldByAQuestionMark() {
    assertThat(Fixtures.pg("SELECT CONVERT(name USING ascii) FROM users"))
        .isEqualTo("SELECT regexp_replace(name, '[^\\x01-\\x7f]', '?', 'g') FROM users");
    assertThat(Fixtures.pg("SELECT CONVERT(age USING latin1) FROM users"))
        .startsWith("SELECT regexp_replace(CAST(age AS text), '[^\\x01-\\x7f\\x81");
    // ascii_general_ci: compared and sorted case-insensitively, as a _ci column
    assertThat(
            Fixtures.pg(
                "SELECT id FROM orders WHERE CONVERT(note USING ascii) = 'abc' ORDER BY"
                    + " CONVERT(note USING ascii)"))
        .isEqualTo(
            "SELECT id FROM orders WHERE lower(CAST(regexp_replace(note, '[^\\x01-\\x7f]', '?',"
                + " 'g') AS text)) = lower('abc') ORDER BY lower(CAST(regexp_replace(note,"
                + " '[^\\x01-\\x7f]', '?', 'g') AS text)) NULLS FIRST");
  }

  @Test
  void convertUsingAsciiIsRefusedWhereItsMeaningIsNotReproduced() {
    // latin1_swedish_ci compares 'ü' = 'y'; a binary string keeps its bytes; other charsets
    for (String sql :
        List.of(
            "SELECT id FROM users WHERE CONVERT(name USING latin1) = 'x'",
            "SELECT id FROM users ORDER BY CONVERT(name USING latin1)",
            "SELECT CONVERT(payload USING ascii) FROM users",
            "SELECT CONVERT(X'C3' USING ascii)",
            "SELECT CONVERT(name USING cp1251) FROM users")) {
      assertThat(Fixtures.refusal(sql).code()).as(sql).isEqualTo("unsupported-function:CONVERT");
    }
  }

  @Test
  void casts() {
    assertThat(expr("CAST(a AS SIGNED)")).isEqualTo("CAST(a AS bigint)");
    assertThat(expr("CAST(a AS CHAR)")).isEqualTo("CAST(a AS text)");
    assertThat(expr("CAST(a AS CHAR(3))")).isEqualTo("left(CAST(a AS text), 3)");
    assertThat(expr("CAST(a AS DECIMAL(10,2))")).isEqualTo("CAST(a AS numeric(10,2))");
    assertThat(expr("CAST(a AS DECIMAL)")).isEqualTo("CAST(a AS numeric(10,0))");
    assertThat(expr("CAST(a AS DATETIME)")).isEqualTo("CAST(a AS timestamp(0))");
    assertThat(expr("CAST(a AS DATE)")).isEqualTo("CAST(a AS date)");
    assertThat(expr("CONVERT(a USING utf8mb4)")).isEqualTo("a");
    assertThat(expr("CONVERT(a + CONVERT(b, SIGNED), DECIMAL(10,2))"))
        .isEqualTo("CAST(a + CAST(b AS bigint) AS numeric(10,2))");
    assertThat(expr("CONVERT(LEFT(s, 4), CHAR(2))"))
        .isEqualTo("left(CAST(left(CAST(s AS text), 4) AS text), 2)");
    assertThat(expr("CAST(a AS UNSIGNED)"))
        .isEqualTo(
            "mod(CAST(CAST(a AS bigint) AS numeric) + 18446744073709551616,"
                + " 18446744073709551616)");
  }

  @Test
  void stringFunctions() {
    assertThat(expr("SUBSTRING_INDEX(s, '.', 2)"))
        .isEqualTo("array_to_string((string_to_array(CAST(s AS text), '.'))[1:2], '.')");
    assertThat(expr("SUBSTRING_INDEX(s, '.', -1)"))
        .isEqualTo(
            "reverse(array_to_string((string_to_array(reverse(CAST(s AS text)), reverse('.')))[1:1],"
                + " reverse('.')))");
    assertThat(expr("LOCATE('b', s)")).isEqualTo("strpos(CAST(s AS text), 'b')");
    assertThat(expr("INSTR(s, 'b')")).isEqualTo("strpos(CAST(s AS text), 'b')");
    assertThat(expr("FIND_IN_SET('b', s)"))
        .isEqualTo(
            "CASE WHEN 'b' IS NULL OR s IS NULL THEN NULL ELSE"
                + " COALESCE(array_position(string_to_array(CAST(s AS text), ','), 'b'), 0) END");
    assertThat(expr("FIELD(s, 'a', 'b')"))
        .isEqualTo("CASE WHEN s IS NULL THEN 0 WHEN s = 'a' THEN 1 WHEN s = 'b' THEN 2 ELSE 0 END");
    assertThat(expr("LPAD(n, 5, '0')")).isEqualTo("lpad(CAST(n AS text), 5, '0')");
    assertThat(expr("TRIM(s)")).isEqualTo("TRIM(CAST(s AS text))");
    assertThat(expr("SUBSTRING(s FROM 2 FOR 3)")).isEqualTo("substr(CAST(s AS text), 2, 3)");
    assertThat(expr("POSITION('b' IN s)")).isEqualTo("strpos(CAST(s AS text), 'b')");
    // position 0 is '', a negative one counts from the end ('' when the string is shorter)
    assertThat(expr("SUBSTRING('abc', 0)")).isEqualTo("substr('abc', 1, 0)");
    assertThat(expr("MID('abcdef', -4, 2)"))
        .isEqualTo(
            "CASE WHEN char_length('abcdef') >= 4 THEN substr('abcdef', char_length('abcdef') - 3,"
                + " 2) ELSE substr('abcdef', 1, 0) END");
    assertThat(refusal(PLAIN, "SELECT SUBSTRING(s, p) FROM t").code())
        .isEqualTo("unsupported-function:SUBSTRING");
  }

  @Test
  void literals() {
    assertThat(expr("0xCAFE")).isEqualTo("'\\xcafe'::bytea");
    assertThat(expr("X'0a'")).isEqualTo("'\\x0a'::bytea");
    assertThat(expr("TRUE")).isEqualTo("1");
    // a bit-value literal is the binary string of its bits padded to whole bytes, as X'05' is
    assertThat(expr("0b101")).isEqualTo("'\\x05'::bytea");
    assertThat(expr("b'101' + 0")).isEqualTo("5 + 0");
    assertThat(expr("b'100000101000010'")).isEqualTo("'\\x4142'::bytea");
    assertThat(refusal(PLAIN, "SELECT b''").code()).isEqualTo("unsupported-syntax:literal:B");
  }

  @Test
  void hexLiteralIsANumberInArithmetic() {
    assertThat(expr("0x41 + 0")).isEqualTo("65 + 0");
    assertThat(expr("-0xFF")).isEqualTo("-255");
    assertThat(refusal(PLAIN, "SELECT X'0100' DIV 2").code())
        .isEqualTo("unsupported-syntax:literal:hex");
    assertThat(refusal(PLAIN, "SELECT 10 % 0x02").code())
        .isEqualTo("unsupported-syntax:literal:hex");
    assertThat(expr("0xFF & 0x0F")).isEqualTo("255 & 15");
    assertThat(expr("0xFFFFFFFFFFFFFFFF + 0")).isEqualTo("18446744073709551615 + 0");
    assertThat(refusal(PLAIN, "SELECT 0x010000000000000000 + 0").code())
        .isEqualTo("unsupported-syntax:literal:hex");
  }

  @Test
  void hexLiteralIsUtf8TextInStringContext() {
    assertThat(expr("CONCAT('x', 0x41)")).isEqualTo("('x' || 'A')");
    // a binary string has no letter case
    assertThat(expr("UPPER(X'c3a9')")).isEqualTo("'é'");
    assertThat(refusal(PLAIN, "SELECT LOWER(CONCAT('A', 0x42))").code())
        .isEqualTo("unsupported-function:LOWER");
    assertThat(expr("LENGTH(0xCC)")).isEqualTo("octet_length('\\xcc'::bytea)");
    assertThat(refusal(PLAIN, "SELECT CONCAT('x', 0xCC)").code())
        .isEqualTo("unsupported-syntax:literal:hex");
    assertThat(refusal(PLAIN, "SELECT CONCAT('x', 0x00)").code())
        .isEqualTo("unsupported-syntax:literal:nul");
  }

  @Test
  void hexLiteralComparedWithAStringFollowsMysqlCollationRules() {
    // against a literal the binary collation wins: bytes, i.e. code point order
    assertThat(expr("0x41 = 'a'"))
        .isEqualTo("CAST((('A') COLLATE \"C\" = ('a') COLLATE \"C\") AS integer)");
    // a _ci column's collation outranks the literal's
    assertThat(pg("SELECT id FROM users WHERE email = 0x4140422E6341"))
        .isEqualTo("SELECT id FROM users WHERE lower(email) = lower('A@B.cA')");
    assertThat(pg("SELECT id FROM orders WHERE note = 0x41"))
        .isEqualTo("SELECT id FROM orders WHERE (note) COLLATE \"C\" = ('A') COLLATE \"C\"");
    assertThat(pg("SELECT id FROM users WHERE payload = 0x41"))
        .isEqualTo("SELECT id FROM users WHERE payload = '\\x41'::bytea");
    // against a number or an operand of unknown type MySQL's choice is not decided here
    assertThat(refusal("SELECT id FROM users WHERE age = 0x41").code())
        .isEqualTo("unsupported-syntax:literal:hex");
    assertThat(refusal("SELECT id FROM users WHERE ? = 0x41").code())
        .isEqualTo("unsupported-syntax:literal:hex");
  }

  @Test
  void hexFunctionDependsOnTheArgumentType() {
    assertThat(expr("HEX('abc')")).isEqualTo("upper(encode(convert_to('abc', 'UTF8'), 'hex'))");
    assertThat(expr("HEX(255)")).isEqualTo("upper(to_hex(CAST(255 AS bigint)))");
    assertThat(expr("HEX(X'0aff')")).isEqualTo("'0AFF'");
    assertThat(pg("SELECT HEX(age), HEX(name), HEX(payload) FROM users"))
        .isEqualTo(
            "SELECT upper(to_hex(CAST(age AS bigint))), upper(encode(convert_to(name, 'UTF8'),"
                + " 'hex')), upper(encode(payload, 'hex')) FROM users");
    assertThat(refusal(PLAIN, "SELECT HEX(a) FROM t").code()).isEqualTo("unsupported-function:HEX");
    assertThat(refusal("SELECT HEX(score) FROM users").code())
        .isEqualTo("unsupported-function:HEX");
  }

  @Test
  void typedLiteralsKeepTheirType() {
    assertThat(expr("DATE '2024-01-31'")).isEqualTo("DATE '2024-01-31'");
    assertThat(refusal(PLAIN, "SELECT TIMESTAMP '2024-01-31'").code())
        .isEqualTo("unsupported-syntax:literal:TIMESTAMP");
    assertThat(expr("TIMESTAMP '2024-01-31 10:00:00.5'"))
        .isEqualTo("TIMESTAMP '2024-01-31 10:00:00.5'");
    assertThat(expr("TIME '10:05'")).isEqualTo("TIME '10:05'");
    assertThat(expr("DATE_ADD(DATE '2024-01-31', INTERVAL 1 MONTH)"))
        .isEqualTo("CAST(DATE '2024-01-31' + INTERVAL '1 month' AS date)");
    assertThat(refusal(PLAIN, "SELECT DATE '2024/01/31'").code())
        .isEqualTo("unsupported-syntax:literal:DATE");
    assertThat(refusal(PLAIN, "SELECT TIME '25:00:00'").code())
        .isEqualTo("unsupported-syntax:literal:TIME");
    assertThat(refusal(PLAIN, "SELECT TIMESTAMP '2024-01-31 10:00:00+02:00'").code())
        .isEqualTo("unsupported-syntax:literal:TIMESTAMP");
  }

  @Test
  void compoundIntervalUnitsWithEveryPartPresent() {
    assertThat(expr("DATE_ADD(d, INTERVAL '1:30' HOUR_MINUTE)"))
        .isEqualTo("(d + INTERVAL '1 hours 30 minutes')");
    assertThat(expr("d - INTERVAL '-1 02:03:04' DAY_SECOND"))
        .isEqualTo("(d - INTERVAL '-1 days -2 hours -3 minutes -4 seconds')");
    assertThat(expr("DATE '2024-01-31' + INTERVAL '1-1' YEAR_MONTH"))
        .isEqualTo("CAST(DATE '2024-01-31' + INTERVAL '1 years 1 months' AS date)");
    assertThat(refusal(PLAIN, "SELECT d + INTERVAL '90' HOUR_MINUTE FROM t").code())
        .isEqualTo("unsupported-syntax:interval:HOUR_MINUTE");
    assertThat(refusal(PLAIN, "SELECT d + INTERVAL '1.5' SECOND_MICROSECOND FROM t").code())
        .isEqualTo("unsupported-syntax:interval:SECOND_MICROSECOND");
  }

  @Test
  void regexpFunctionsMatchUnderTheSubjectsCollation() {
    assertThat(expr("REGEXP_REPLACE('a1b22', '[0-9]+', '#')"))
        .isEqualTo("regexp_replace('a1b22', '[0-9]+', '#', 'gi')");
    assertThat(pg("SELECT REGEXP_SUBSTR(note, 'a.c'), REGEXP_INSTR(email, 'x') FROM orders, users"))
        .isEqualTo(
            "SELECT regexp_substr(note, 'a.c', 1, 1, 'p'), regexp_instr(email, 'x', 1, 1, 0, 'i')"
                + " FROM orders, users");
    assertThat(expr("REGEXP_LIKE(a, '^x')"))
        .isEqualTo("CAST(regexp_like(CAST(a AS text), '^x', 'i') AS integer)");
    assertThat(refusal(PLAIN, "SELECT REGEXP_REPLACE(a, '(b)', '$1') FROM t").code())
        .isEqualTo("unsupported-function:REGEXP_REPLACE");
    assertThat(refusal(PLAIN, "SELECT REGEXP_SUBSTR(a, '\\\\bx') FROM t").code())
        .isEqualTo("unsupported-function:REGEXP_SUBSTR");
    assertThat(refusal(PLAIN, "SELECT REGEXP_INSTR(a, '(?i)x') FROM t").code())
        .isEqualTo("unsupported-function:REGEXP_INSTR");
    assertThat(refusal(PLAIN, "SELECT REGEXP_INSTR(a, 'x.[^y]') FROM t").code())
        .isEqualTo("unsupported-function:REGEXP_INSTR");
    assertThat(refusal(PLAIN, "SELECT REGEXP_REPLACE(a, 'x', 'y', 2) FROM t").code())
        .isEqualTo("unsupported-function:REGEXP_REPLACE");
  }

  @Test
  void jsonExtractWithSeveralPathsIsTheArrayOfTheValuesFound() {
    assertThat(expr("JSON_EXTRACT(j, '$.a', '$[0]')"))
        .isEqualTo(
            "(SELECT jsonb_agg(v ORDER BY i) FROM (VALUES (1, (j #> '{a}')), (2,"
                + " (jsonb_path_query_first(j, 'lax $[0]')))) AS dw_paths(i, v) WHERE v IS NOT"
                + " NULL)");
  }

  @Test
  void jsonValueInArithmeticIsADouble() {
    assertThat(expr("JSON_EXTRACT(j, '$.v') + 0"))
        .isEqualTo("CAST((j #> '{v}') AS double precision) + 0");
    assertThat(expr("2 * (j->'$.v')")).isEqualTo("2 * CAST(((j #> '{v}')) AS double precision)");
  }

  @Test
  void jsonConstructorsWriteBooleansAndDatetimesAsMysql8() {
    assertThat(expr("JSON_OBJECT('ok', TRUE, 'eq', a = 1)"))
        .isEqualTo("jsonb_build_object('ok', TRUE, 'eq', (a = 1))");
    assertThat(expr("JSON_ARRAY(FALSE, 1)")).isEqualTo("jsonb_build_array(FALSE, 1)");
    assertThat(pg("SELECT JSON_OBJECT('at', updated) FROM users"))
        .isEqualTo(
            "SELECT jsonb_build_object('at', to_char(updated, 'YYYY-MM-DD HH24:MI:SS.US')) FROM"
                + " users");
  }

  @Test
  void searchesInAnAccentInsensitiveColumnFoldAccentsCharacterForCharacter() {
    Rewriter r =
        Rewriter.builder()
            .catalog(
                SchemaCatalog.of(
                    new TableInfo(
                        "u",
                        java.util.List.of(
                            // utf8mb4_0900_ai_ci on MySQL
                            new ColumnInfo(
                                "ai", "varchar(50)", true, false, false, true, false, true),
                            // utf8mb4_general_ci (MariaDB's default): case only, as before
                            new ColumnInfo("ci", "varchar(50)", true, false, false, true)),
                        java.util.List.of(),
                        java.util.List.of())))
            .build();
    String fold = "', '" + AccentFolding.FROM + "', '" + AccentFolding.TO + "'))";
    assertThat(pg(r, "SELECT INSTR(ai, 'ü') FROM u"))
        .isEqualTo(
            "SELECT strpos(lower(translate(ai"
                + fold.substring(1)
                + ", lower(translate('ü"
                + fold
                + ") FROM u");
    assertThat(pg(r, "SELECT LOCATE('ü', ai, 2), POSITION('e' IN ai) FROM u"))
        .contains("strpos(substr(lower(translate(ai, '" + AccentFolding.FROM)
        .contains("strpos(lower(translate(ai, '");
    assertThat(pg(r, "SELECT INSTR(ci, 'ü') FROM u"))
        .isEqualTo("SELECT strpos(lower(ci), lower('ü')) FROM u");
    // literals alone take the connection's collation, which the rewriter does not know
    assertThat(pg(r, "SELECT INSTR('Müller', 'u') FROM u"))
        .isEqualTo("SELECT strpos(lower('Müller'), lower('u')) FROM u");
  }

  @Test
  void theAccentFoldKeepsOneCharacterForOne() {
    assertThat(AccentFolding.FROM).hasSameSizeAs(AccentFolding.TO).hasSize(1012);
    String from = AccentFolding.FROM;
    String to = AccentFolding.TO;
    assertThat(to.charAt(from.indexOf('Ü'))).isEqualTo('u');
    assertThat(to.charAt(from.indexOf('ǻ'))).isEqualTo('a');
    assertThat(to.charAt(from.indexOf('Ω'))).isEqualTo('ω');
    assertThat(to.charAt(from.indexOf('ё'))).isEqualTo('е');
    assertThat(from).doesNotContain("й", "Й", "ß", "ø", "æ", "u");
  }

  @Test
  void fractionalDatetimeAsTextKeepsItsDigits() {
    Rewriter r =
        Rewriter.builder()
            .catalog(
                SchemaCatalog.of(
                    new TableInfo(
                        "l",
                        java.util.List.of(
                            new ColumnInfo("at", "datetime(3)", true, false, false, false),
                            new ColumnInfo("t", "time(6)", true, false, false, false),
                            new ColumnInfo("d", "datetime", true, false, false, false)),
                        java.util.List.of(),
                        java.util.List.of())))
            .build();
    assertThat(pg(r, "SELECT CONCAT(at, '|', t, '|', d) FROM l"))
        .isEqualTo(
            "SELECT (to_char(at, 'YYYY-MM-DD HH24:MI:SS.FF3') || '|' || to_char(t,"
                + " 'HH24:MI:SS.FF6') || '|' || CAST(d AS text)) FROM l");
  }

  @Test
  void castOfAStringLiteralToSignedTakesTheLeadingInteger() {
    assertThat(expr("CAST('12abc' AS SIGNED)")).isEqualTo("CAST(12 AS bigint)");
    assertThat(expr("CAST('none' AS SIGNED)")).isEqualTo("CAST(0 AS bigint)");
    assertThat(refusal(PLAIN, "SELECT CAST('1.5' AS SIGNED)").code())
        .isEqualTo("unsupported-syntax:cast-signed");
    // in a write MySQL's strict mode rejects it, as PostgreSQL does
    assertThat(pg(PLAIN, "INSERT INTO t (a) VALUES (CAST('12abc' AS SIGNED))"))
        .isEqualTo("INSERT INTO t (a) VALUES (CAST('12abc' AS bigint))");
  }

  @Test
  void unknownFunctionsAreRefusedByName() {
    Refusal r = refusal(PLAIN, "SELECT ENCODE(a, 'k') FROM t");
    assertThat(r.code()).isEqualTo("unsupported-function:ENCODE");
    assertThat(r.reason()).contains("ENCODE");
  }

  @Test
  void matchAgainstIsRefused() {
    assertThat(refusal(PLAIN, "SELECT * FROM t WHERE MATCH(a) AGAINST ('x')").code())
        .isEqualTo("unsupported-syntax:match-against");
  }

  @Test
  void windowFunctionsPassWithExplicitNullOrdering() {
    assertThat(expr("ROW_NUMBER() OVER (PARTITION BY a ORDER BY b)"))
        .isEqualTo("row_number() OVER (PARTITION BY a ORDER BY b NULLS FIRST)");
  }

  @Test
  void sleepCallsPgSleepPerEvaluationAndGivesBigintZero() {
    // regression: SLEEP() had no translation, so BenchBase's resourcestresser "SELECT SLEEP(?)"
    // failed in PG_PRIMARY; a scalar subquery over pg_sleep would run once per statement
    assertThat(expr("SLEEP(0.01)"))
        .isEqualTo(
            "CAST(CASE WHEN pg_sleep(CAST((0.01) AS double precision)) IS NULL THEN 0 ELSE 0 END"
                + " AS bigint)");
    assertThat(expr("sleep(a + 1)")).contains("pg_sleep(CAST((a + 1) AS double precision))");
    Translation t = PLAIN.translate("SELECT SLEEP(?)");
    assertThat(t.postgresSql())
        .isEqualTo(
            "SELECT CAST(CASE WHEN pg_sleep(CAST((?) AS double precision)) IS NULL THEN 0 ELSE 0"
                + " END AS bigint)");
    assertThat(t.parameterMap()).containsExactly(0);
    assertThat(refusal(PLAIN, "SELECT SLEEP(1, 2)").code()).isEqualTo("unsupported-function:SLEEP");
    assertThat(refusal(PLAIN, "SELECT SLEEP()").code()).isEqualTo("unsupported-function:SLEEP");
  }

  @Test
  void sleepInAWriteSleepsOnPostgresqlToo() {
    Translation t = PLAIN.translate("UPDATE t SET a = SLEEP(?) WHERE id = ?");
    assertThat(t.postgresSql())
        .isEqualTo(
            "UPDATE t SET a = CAST(CASE WHEN pg_sleep(CAST((?) AS double precision)) IS NULL"
                + " THEN 0 ELSE 0 END AS bigint) WHERE id = ?");
    assertThat(t.parameterMap()).containsExactly(0, 1);
    assertThat(t.nonDeterministicCalls()).isEmpty();
  }

  @Test
  void mathFunctionsAreDoublesAndNullOutsideTheirDomain() {
    assertThat(expr("LN(a)"))
        .isEqualTo(
            "CASE WHEN CAST(a AS double precision) > 0 THEN ln(CAST(a AS double precision)) END");
    assertThat(expr("SQRT(-1)"))
        .isEqualTo(
            "CASE WHEN CAST(-1 AS double precision) >= 0 THEN sqrt(CAST(-1 AS double precision))"
                + " END");
    assertThat(expr("LOG(2, a)"))
        .isEqualTo(
            "CASE WHEN CAST(2 AS double precision) > 0 AND CAST(2 AS double precision) <> 1 AND"
                + " CAST(a AS double precision) > 0 THEN (ln(CAST(a AS double precision)) /"
                + " ln(CAST(2 AS double precision))) END");
    assertThat(expr("ATAN(a, b)"))
        .isEqualTo("atan2(CAST(a AS double precision), CAST(b AS double precision))");
    assertThat(expr("COS(a)")).isEqualTo("cos(CAST(a AS double precision))");
    // strict MySQL (its default) raises "Invalid argument for logarithm" in a write
    assertThat(refusal(PLAIN, "UPDATE t SET a = LN(b)").code())
        .isEqualTo("unsupported-function:LN");
    assertThat(refusal(PLAIN, "INSERT INTO t (a) VALUES (LOG(2, 0))").code())
        .isEqualTo("unsupported-function:LOG");
  }

  @Test
  void aMathFunctionEvaluatesACallOrParameterArgumentOnce() {
    // a parameter printed twice would need two binds
    assertThat(expr("ACOS(ABS(a))"))
        .isEqualTo(
            "(SELECT CASE WHEN dw_x1 BETWEEN -1 AND 1 THEN acos(dw_x1) END FROM (SELECT"
                + " CAST(abs(a) AS double precision) AS dw_x1) AS dw_args)");
    // an aggregate stays where it is: in the subquery, COUNT(*) would count its one row
    assertThat(expr("SQRT(COUNT(*))"))
        .isEqualTo(
            "CASE WHEN CAST(count(*) AS double precision) >= 0 THEN sqrt(CAST(count(*) AS double"
                + " precision)) END");
    assertThat(refusal(PLAIN, "SELECT LN(SUM(a * ?)) FROM t").code())
        .isEqualTo("unsupported-function:LN");
    // RAND() printed twice would draw two numbers, in an uncorrelated subquery one per statement
    assertThat(refusal(PLAIN, "SELECT ACOS(RAND()) FROM t").code())
        .isEqualTo("unsupported-function:ACOS");
    Translation t = PLAIN.translate("SELECT LN(?) FROM t");
    assertThat(t.postgresSql())
        .isEqualTo(
            "SELECT (SELECT CASE WHEN dw_x1 > 0 THEN ln(dw_x1) END FROM (SELECT CAST(? AS double"
                + " precision) AS dw_x1) AS dw_args) FROM t");
    assertThat(t.parameterMap()).containsExactly(0);
  }

  @Test
  void stddevAndVarianceAreComputedInDouble() {
    assertThat(expr("STD(a)")).isEqualTo("stddev_pop(CAST(a AS double precision))");
    assertThat(expr("VARIANCE(a)")).isEqualTo("var_pop(CAST(a AS double precision))");
    assertThat(expr("STDDEV_SAMP(a)")).isEqualTo("stddev_samp(CAST(a AS double precision))");
    assertThat(expr("VAR_SAMP(a)")).isEqualTo("var_samp(CAST(a AS double precision))");
  }

  @Test
  void bitCountOfAnIntegerCountsItsSixtyFourBits() {
    assertThat(pg("SELECT BIT_COUNT(age) FROM users"))
        .isEqualTo("SELECT bit_count(CAST(CAST(age AS bigint) AS bit(64))) FROM users");
    assertThat(expr("BIT_COUNT(-1)")).isEqualTo("bit_count(CAST(CAST(-1 AS bigint) AS bit(64)))");
    // MySQL rounds 7.6 to 8 first (one bit); a string is read as a number
    assertThat(refusal(PLAIN, "SELECT BIT_COUNT(7.6)").code())
        .isEqualTo("unsupported-function:BIT_COUNT");
    assertThat(refusal(PLAIN, "SELECT BIT_COUNT(a) FROM t").code())
        .isEqualTo("unsupported-function:BIT_COUNT");
  }

  @Test
  void sha1IsTranslatedThroughPgcryptoOnlyWhenPostgresqlHasIt() {
    SchemaCatalog withPgcrypto =
        new SchemaCatalog() {
          @Override
          public java.util.Optional<TableInfo> table(String name) {
            return java.util.Optional.empty();
          }

          @Override
          public boolean postgresHasExtension(String name) {
            return name.equals("pgcrypto");
          }
        };
    Rewriter r = Rewriter.builder().catalog(withPgcrypto).build();
    assertThat(pg(r, "SELECT SHA1('abc'), SHA(b) FROM t"))
        .isEqualTo(
            "SELECT encode(digest('abc', 'sha1'), 'hex'), encode(digest(CAST(b AS text), 'sha1'),"
                + " 'hex') FROM t");
    assertThat(refusal(PLAIN, "SELECT SHA1('abc')").reason()).contains("pgcrypto");
  }

  @Test
  void withRollupBecomesGroupByRollup() {
    assertThat(pg("SELECT age, COUNT(*), GROUPING(age) FROM users GROUP BY age WITH ROLLUP"))
        .isEqualTo("SELECT age, count(*), grouping(age) FROM users GROUP BY ROLLUP (age)");
    // a case-insensitive column: grouped by lower(name), shown as a value of its group, and NULL
    // in the super-aggregate row as in MySQL
    assertThat(pg("SELECT name, COUNT(*) FROM users GROUP BY name WITH ROLLUP"))
        .isEqualTo(
            "SELECT CASE WHEN GROUPING(lower(name)) = 0 THEN (array_agg(name ORDER BY users.id))[1] END AS name, count(*) FROM"
                + " users GROUP BY ROLLUP (lower(name))");
  }

  @Test
  void timediffOfTwoTimesSubtractsThemAsTimes() {
    Rewriter r =
        Rewriter.builder()
            .catalog(
                SchemaCatalog.of(
                    new TableInfo(
                        "shop",
                        List.of(
                            new ColumnInfo("opens", "time", true, false, false, false),
                            new ColumnInfo("closes", "time", true, false, false, false),
                            new ColumnInfo("at", "datetime", true, false, false, false)),
                        List.of(),
                        List.of())))
            .build();
    assertThat(pg(r, "SELECT opens FROM shop WHERE TIMEDIFF(closes, '9:00:00') > opens"))
        .isEqualTo(
            "SELECT opens FROM shop WHERE CASE WHEN closes - TIME '09:00:00' >= interval '0' AND"
                + " closes - TIME '09:00:00' < interval '24 hours' THEN CAST(closes - TIME"
                + " '09:00:00' AS time) WHEN closes - TIME '09:00:00' IS NOT NULL THEN"
                + " CAST('TIMEDIFF ' || CAST(closes - TIME '09:00:00' AS text) || ' is a duration"
                + " outside a day' AS time) END > opens");
    // a result column: the whole duration, MySQL's TIME range
    assertThat(pg(r, "SELECT TIMEDIFF(closes, '9:00:00') FROM shop"))
        .isEqualTo(
            "SELECT CASE WHEN closes - TIME '09:00:00' IS NOT NULL THEN make_interval(secs =>"
                + " least(greatest(EXTRACT(EPOCH FROM closes - TIME '09:00:00'), -3020399),"
                + " 3020399)) END FROM shop");
    // a TIME against a date-time is NULL in MySQL: not translated
    assertThat(refusal(r, "SELECT TIMEDIFF(closes, at) FROM shop").code())
        .isEqualTo("unsupported-function:TIMEDIFF");
  }

  @Test
  void timestampAddIsDateAddWithTheUnitFirst() {
    assertThat(expr("TIMESTAMPADD(DAY, 1, DATE '2024-01-02')"))
        .isEqualTo("CAST(DATE '2024-01-02' + INTERVAL '1 day' AS date)");
    assertThat(expr("TIMESTAMPADD(SQL_TSI_MINUTE, a, b)"))
        .isEqualTo("(b + (a) * INTERVAL '1 minute')");
    assertThat(refusal(PLAIN, "SELECT TIMESTAMPADD(DAY_HOUR, 1, a) FROM t").code())
        .isEqualTo("unsupported-function:TIMESTAMPADD");
  }

  @Test
  void spaceEltAndToBase64() {
    assertThat(expr("SPACE(a)")).isEqualTo("repeat(' ', CAST(a AS integer))");
    assertThat(expr("ELT(a, 'x', 'y')")).isEqualTo("(ARRAY['x', 'y'])[CAST(a AS integer)]");
    assertThat(expr("TO_BASE64('abc')")).isEqualTo("encode(convert_to('abc', 'UTF8'), 'base64')");
    assertThat(expr("TO_BASE64(0x4142)")).isEqualTo("encode('\\x4142'::bytea, 'base64')");
  }

  @Test
  void timestampReadsADateOrDateTimeAndAddsADurationAsAddtime() {
    assertThat(expr("TIMESTAMP('2024-01-02')")).isEqualTo("TIMESTAMP '2024-01-02'");
    assertThat(expr("TIMESTAMP('2024-01-02 03:04:05')"))
        .isEqualTo("TIMESTAMP '2024-01-02 03:04:05'");
    // into JSON as MySQL writes a DATETIME
    assertThat(expr("JSON_ARRAY(TIMESTAMP('2024-01-02'))"))
        .contains("to_char(TIMESTAMP '2024-01-02', 'YYYY-MM-DD HH24:MI:SS.US')");
    assertThat(pg("SELECT TIMESTAMP(placed) FROM orders"))
        .isEqualTo("SELECT CAST(placed AS timestamp) FROM orders");
    assertThat(pg("SELECT TIMESTAMP(placed, '01:00:00') FROM orders"))
        .startsWith("SELECT CASE WHEN (CAST(placed AS timestamp) + interval '3600 seconds') <")
        .contains(" THEN CAST('TIMESTAMP result before year 1: ' || ");
    // MySQL's other readings: a number, a short form, an invalid date (NULL there), a string column
    for (String refused :
        List.of(
            "SELECT TIMESTAMP(20240102) FROM t",
            "SELECT TIMESTAMP('2024-1-2') FROM t",
            "SELECT TIMESTAMP('2024-02-30') FROM t",
            "SELECT TIMESTAMP('2024-01-02 03:04:05.25') FROM t",
            "SELECT TIMESTAMP(note) FROM orders")) {
      assertThat(refusal(Fixtures.WITH_CATALOG, refused).code())
          .isEqualTo("unsupported-function:TIMESTAMP");
    }
  }

  @Test
  void convertTzBetweenOffsetsConvertsOnlyInMysqlsRange() {
    assertThat(expr("CONVERT_TZ('2024-03-01 10:00:00', '+00:00', '-05:30')"))
        .isEqualTo(
            "CASE WHEN (TIMESTAMP '2024-03-01 10:00:00' - interval '0 minutes') >= TIMESTAMP"
                + " '1970-01-01 00:00:01' AND (TIMESTAMP '2024-03-01 10:00:00' - interval '0"
                + " minutes') < TIMESTAMP '3001-01-19 00:00:00' THEN (TIMESTAMP '2024-03-01"
                + " 10:00:00' - interval '0 minutes') + interval '-330 minutes' ELSE TIMESTAMP"
                + " '2024-03-01 10:00:00' END");
    // an offset MySQL reads as no zone: NULL
    assertThat(expr("CONVERT_TZ('2024-03-01', '+14:01', '+00:00')"))
        .isEqualTo("CAST(NULL AS timestamp)");
    assertThat(expr("CONVERT_TZ('2024-03-01', '+01:60', '+00:00')"))
        .isEqualTo("CAST(NULL AS timestamp)");
    // zone names live in MySQL's time zone tables; a parameter may be one
    for (String refused :
        List.of(
            "SELECT CONVERT_TZ('2024-03-01', 'UTC', '+00:00') FROM t",
            "SELECT CONVERT_TZ('2024-03-01', '+00:00', ?) FROM t",
            "SELECT CONVERT_TZ('2024-03-01', '+001:00', '+00:00') FROM t")) {
      assertThat(refusal(PLAIN, refused).code()).isEqualTo("unsupported-function:CONVERT_TZ");
    }
  }

  @Test
  void microsecondToDaysAndWeekOfYear() {
    assertThat(expr("MICROSECOND(a)"))
        .isEqualTo("(CAST(EXTRACT(MICROSECONDS FROM CAST(a AS time)) AS bigint) % 1000000)");
    assertThat(expr("TO_DAYS(DATE '2024-01-02')"))
        .isEqualTo("(CAST(DATE '2024-01-02' AS date) - DATE '0001-01-01' + 366)");
    assertThat(expr("WEEKOFYEAR(DATE '2024-12-30')"))
        .isEqualTo("CAST(EXTRACT(WEEK FROM DATE '2024-12-30') AS integer)");
  }

  @Test
  void bitAggregatesAreUnsignedSixtyFourBitValues() {
    assertThat(pg("SELECT BIT_OR(age) FROM users"))
        .isEqualTo(
            "SELECT (CAST(COALESCE(bit_or(CAST(age AS bigint)), 0) AS numeric) + CASE WHEN"
                + " COALESCE(bit_or(CAST(age AS bigint)), 0) < 0 THEN 18446744073709551616 ELSE 0"
                + " END) FROM users");
    // all ones over no rows
    assertThat(pg("SELECT BIT_AND(age) FROM users"))
        .contains("COALESCE(bit_and(CAST(age AS bigint)), -1)");
    assertThat(refusal("SELECT BIT_XOR(name) FROM users").code())
        .isEqualTo("unsupported-function:BIT_XOR");
  }

  @Test
  void memberOfComparesJsonScalarsAndWrapsAScalarDocument() {
    assertThat(expr("'2' MEMBER OF('[1, 2]')"))
        .isEqualTo(
            "CAST((CASE WHEN CAST('[1, 2]' AS jsonb) IS NULL THEN NULL WHEN"
                + " jsonb_typeof(CAST('[1, 2]' AS jsonb)) = 'array' THEN CAST('[1, 2]' AS jsonb) @>"
                + " jsonb_build_array(to_jsonb(CAST('2' AS text))) ELSE CAST('[1, 2]' AS jsonb) ="
                + " to_jsonb(CAST('2' AS text)) END) AS integer)");
    assertThat(expr("NULL MEMBER OF('[1]')")).isEqualTo("CAST((CAST(NULL AS boolean)) AS integer)");
    assertThat(refusal(PLAIN, "SELECT TRUE MEMBER OF('[1]')").code())
        .isEqualTo("unsupported-syntax:member-of");
    assertThat(refusal(PLAIN, "SELECT a MEMBER OF('[1]') FROM t").code())
        .isEqualTo("unsupported-syntax:member-of");
  }

  @Test
  void jsonAggregatesAreJsonbAggregatesOfEachValuesJsonForm() {
    assertThat(expr("JSON_ARRAYAGG(a)")).isEqualTo("jsonb_agg(jsonb_build_array(a) -> 0)");
    assertThat(expr("JSON_OBJECTAGG('k', a)"))
        .isEqualTo("jsonb_object_agg('k', jsonb_build_array(a) -> 0)");
    assertThat(refusal(PLAIN, "SELECT JSON_ARRAYAGG(a + 1) FROM t").code())
        .isEqualTo("unsupported-function:JSON_ARRAYAGG");
    assertThat(refusal(PLAIN, "SELECT JSON_ARRAYAGG(a) OVER (PARTITION BY b) FROM t").code())
        .isEqualTo("unsupported-function:JSON_ARRAYAGG");
    assertThat(refusal(PLAIN, "SELECT JSON_OBJECTAGG(k, b) FROM t").code()) // key type unknown
        .isEqualTo("unsupported-function:JSON_OBJECTAGG");
  }
}
