package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import org.junit.jupiter.api.Test;

class ExpressionTypesTest {
  private static final Map<String, String> COLUMNS =
      Map.of(
          "qty", "int(11)",
          "big", "bigint(20)",
          "price", "decimal(10,2)",
          "ratio", "double",
          "flag", "tinyint(1)",
          "name", "varchar(20)",
          "bits", "bit(8)");

  private static final Map<String, String> MORE_COLUMNS =
      Map.of(
          "id", "bigint(20) unsigned",
          "on_hand", "int(10) unsigned",
          "reserved", "int(10) unsigned",
          "priority", "tinyint(3) unsigned",
          "since", "year(4)",
          "status", "enum('new','open')",
          "at", "datetime(6)",
          "f", "float",
          "body", "text",
          "amount", "decimal(12,4)");

  private static final Function<Column, MysqlColumnType> CATALOG =
      c -> {
        String t = COLUMNS.getOrDefault(c.getColumnName(), MORE_COLUMNS.get(c.getColumnName()));
        return t == null ? null : MysqlColumnType.parse(t);
      };

  private static String type(String expression, String pgType) throws Exception {
    Expression e = CCJSqlParserUtil.parseExpression(expression);
    MysqlColumnType t = ExpressionTypes.of(e, pgType, CATALOG);
    return t == null ? null : t.connectorType() + "(" + t.precision() + "," + t.resultScale() + ")";
  }

  /** As {@link #type} for MySQL 8+ (not MariaDB). */
  private static String mysqlType(String expression, String pgType) throws Exception {
    Expression e = CCJSqlParserUtil.parseExpression(expression);
    MysqlColumnType t = ExpressionTypes.of(e, pgType, CATALOG, false);
    return t == null ? null : t.connectorType().toString();
  }

  @Test
  void bitOperatorsInetAtonBitAggregatesAndCastAsUnsignedAreUnsignedBigints() throws Exception {
    for (String e :
        List.of(
            "qty & 6", "qty | 1", "qty ^ 3", "qty << 2", "qty >> 1", "~qty", "INET_ATON(name)")) {
      assertThat(type(e, "int8")).as(e).startsWith("BIGINT_UNSIGNED");
      assertThat(mysqlType(e, "int8")).as(e).isEqualTo("BIGINT_UNSIGNED");
    }
    for (String e : List.of("CAST(qty AS UNSIGNED)", "CAST(qty - 9 AS UNSIGNED INTEGER)")) {
      assertThat(mysqlType(e, "numeric")).as(e).isEqualTo("BIGINT_UNSIGNED");
    }
    assertThat(mysqlType("CAST(qty AS SIGNED)", "int8")).isNotEqualTo("BIGINT_UNSIGNED");
    assertThat(mysqlType("BIT_OR(qty)", "numeric")).isEqualTo("BIGINT_UNSIGNED");
    // ROW_NUMBER() is unsigned on MySQL 8+ only; MariaDB's is PostgreSQL's bigint
    assertThat(mysqlType("ROW_NUMBER() OVER (ORDER BY qty)", "int8")).isEqualTo("BIGINT_UNSIGNED");
    assertThat(type("ROW_NUMBER() OVER (ORDER BY qty)", "int8")).isNull();
  }

  @Test
  void mysqlTypesIntegerFunctionsLiteralsAndTheirArithmeticAsBigint() throws Exception {
    for (String e :
        List.of(
            "MONTH(at)",
            "WEEK(at)",
            "FIND_IN_SET('a', name)",
            "LAG(qty) OVER (ORDER BY qty)",
            "1",
            "TRUE + 1",
            "(qty = 1) + 0",
            "IFNULL(qty, 0) + 1",
            "GREATEST(qty, 20)",
            "IF(qty > 1, 1, 0)",
            "qty % 10",
            "2 MEMBER OF('[1, 2]')")) {
      assertThat(mysqlType(e, "int4")).as(e).isEqualTo("BIGINT");
      assertThat(type(e, "int4")).as(e + " on MariaDB").isNull();
    }
    // a string operand makes MySQL's sum a DOUBLE; an unsigned one an unsigned BIGINT: not BIGINT
    assertThat(mysqlType("IFNULL(qty, '0') + 1", "int4")).isNull();
    assertThat(mysqlType("GREATEST(on_hand, 20)", "int4")).isNull();
    assertThat(mysqlType("on_hand % 10", "int4")).isNull();
  }

  @Test
  void sumAndAvgFollowMysqlsDecimalRules() throws Exception {
    assertThat(type("SUM(qty)", "int8")).isEqualTo("DECIMAL(32,0)");
    assertThat(type("SUM(big)", "numeric")).isEqualTo("DECIMAL(41,0)");
    assertThat(type("SUM(price)", "numeric")).isEqualTo("DECIMAL(32,2)");
    assertThat(type("AVG(price)", "numeric")).isEqualTo("DECIMAL(14,6)");
    assertThat(type("AVG(qty)", "numeric")).isEqualTo("DECIMAL(14,4)");
    assertThat(type("sum(flag)", "int8")).isEqualTo("DECIMAL(25,0)");
    assertThat(type("SUM(ratio)", "float8")).startsWith("DOUBLE");
  }

  @Test
  void anUnknownArgumentIsRetypedOnlyWhenPostgresSummedIntegers() throws Exception {
    assertThat(type("SUM(qty * 2)", "int8")).isEqualTo("DECIMAL(32,0)");
    assertThat(type("SUM(qty * 2.5)", "numeric")).isNull();
    assertThat(type("AVG(unknown_col)", "numeric")).isNull();
    assertThat(type("SUM(name)", "float8")).isNull();
    assertThat(type("MAX(unknown_col)", "int4")).isNull();
  }

  @Test
  void divisionOfExactNumbersHasFourMoreDecimals() throws Exception {
    assertThat(type("7 / 2", "numeric")).isEqualTo("DECIMAL(5,4)");
    assertThat(type("price / qty", "numeric")).isEqualTo("DECIMAL(14,6)");
    assertThat(type("ratio / 2", "float8")).isNull();
  }

  @Test
  void neverNullCoversLiteralsCountsAndComparisonsOfThem() throws Exception {
    Function<String, Boolean> neverNull =
        s -> {
          try {
            return ExpressionTypes.neverNull(
                CCJSqlParserUtil.parseExpression(s), c -> c.getColumnName().equals("qty"));
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        };
    assertThat(neverNull.apply("COUNT(*)")).isTrue();
    assertThat(neverNull.apply("1 + 1")).isTrue();
    assertThat(neverNull.apply("'x'")).isTrue();
    assertThat(neverNull.apply("NOW() IS NOT NULL")).isTrue();
    assertThat(neverNull.apply("qty > 1")).isTrue();
    assertThat(neverNull.apply("(qty * 2)")).isTrue();
    assertThat(neverNull.apply("price > 1")).isFalse();
    assertThat(neverNull.apply("NULL")).isFalse();
    assertThat(neverNull.apply("7 / 2")).isFalse(); // MySQL: division by zero gives NULL
    assertThat(neverNull.apply("MAX(qty)")).isFalse();
  }

  @Test
  void minAndMaxKeepTheirColumnsType() throws Exception {
    assertThat(type("MIN(id)", "numeric")).isEqualTo("BIGINT_UNSIGNED(20,0)");
    assertThat(type("max(priority)", "int2")).isEqualTo("TINYINT_UNSIGNED(3,0)");
    assertThat(type("MAX(since)", "int2")).isEqualTo("YEAR(4,0)");
    assertThat(type("MAX(status)", "varchar")).isEqualTo("CHAR(4,0)");
    assertThat(type("MIN(at)", "timestamp")).isEqualTo("DATETIME(26,0)");
    assertThat(type("MAX(price)", "numeric")).isEqualTo("DECIMAL(10,2)");
    assertThat(type("MAX(id) OVER (PARTITION BY qty)", "numeric"))
        .isEqualTo("BIGINT_UNSIGNED(20,0)");
    assertThat(type("MAX(on_hand - reserved)", "int8")).isEqualTo("BIGINT_UNSIGNED(20,0)");
    assertThat(MysqlColumnType.parse("bigint unsigned").signed()).isFalse();
  }

  @Test
  void minAndMaxOfABitColumnAreThatBit() throws Exception {
    // MySQL 9.7.4's MAX of a BIT(n) is a BIT(n): Connector/J reads its bytes
    assertThat(type("MAX(bits)", "int8")).isEqualTo("BIT(8,0)");
    assertThat(mysqlType("MIN(bits)", "int8")).isEqualTo("BIT");
  }

  @Test
  void minAndMaxOfWhatMysqlRetypesOrOfUnknownArgumentsAreLeftToPostgres() throws Exception {
    assertThat(type("MAX(body)", "text")).isNull();
    assertThat(type("MIN(unknown_col)", "int4")).isNull();
    assertThat(type("MAX(LENGTH(name))", "int4")).isNull();
    assertThat(type("MAX(qty, 2)", "int4")).isNull();
    assertThat(type("MAX(flag)", "int2")).isNull();
  }

  @Test
  void integerArithmeticIsBigintAndUnsignedWhenEitherOperandIs() throws Exception {
    assertThat(type("on_hand - reserved", "int8")).isEqualTo("BIGINT_UNSIGNED(20,0)");
    assertThat(type("(on_hand + 1)", "int8")).isEqualTo("BIGINT_UNSIGNED(20,0)");
    assertThat(type("id * 2", "numeric")).isEqualTo("BIGINT_UNSIGNED(20,0)");
    assertThat(type("qty - big", "int8")).isEqualTo("BIGINT(19,0)");
    assertThat(type("qty * flag + 1", "int4")).isEqualTo("BIGINT(19,0)");
    assertThat(type("priority - qty", "int4")).isEqualTo("BIGINT_UNSIGNED(20,0)");
  }

  @Test
  void arithmeticWithDecimalsOrFloatsFollowsMysqlsPrecisionRules() throws Exception {
    assertThat(type("price + qty", "numeric")).isEqualTo("DECIMAL(13,2)");
    assertThat(type("price * 1.5", "numeric")).isEqualTo("DECIMAL(12,3)");
    assertThat(type("price - amount", "numeric")).isEqualTo("DECIMAL(13,4)");
    assertThat(type("price * qty", "numeric")).isEqualTo("DECIMAL(20,2)");
    assertThat(type("ratio + qty", "float8")).isEqualTo("DOUBLE(22,0)");
    assertThat(type("price * 1.5e0", "float8")).isEqualTo("DOUBLE(22,0)");
    assertThat(type("qty + name", "float8")).isNull();
    assertThat(type("qty + unknown_col", "int8")).isNull();
    assertThat(type("1 + 1", "int4")).isNull();
    assertThat(type("at + 1", "numeric")).isNull();
  }

  @Test
  void roundAndTruncateOfFloatsAreDoublesAndOfDecimalsHaveTheRequestedScale() throws Exception {
    assertThat(type("ROUND(f, 1)", "numeric")).isEqualTo("DOUBLE(22,1)");
    assertThat(type("ROUND(ratio, 1)", "numeric")).isEqualTo("DOUBLE(22,1)");
    assertThat(type("TRUNCATE(ratio, 2)", "numeric")).isEqualTo("DOUBLE(22,2)");
    assertThat(type("ROUND(ratio)", "float8")).isEqualTo("DOUBLE(22,0)");
    assertThat(type("ROUND(ratio, -2)", "numeric")).isEqualTo("DOUBLE(22,0)");
    assertThat(type("ROUND(price, 1)", "numeric")).isEqualTo("DECIMAL(10,1)");
    assertThat(type("TRUNCATE(price, 1)", "numeric")).isEqualTo("DECIMAL(9,1)");
    assertThat(type("ROUND(price)", "numeric")).isEqualTo("DECIMAL(9,0)");
    assertThat(type("ROUND(price, 4)", "numeric")).isEqualTo("DECIMAL(12,4)");
    assertThat(type("ROUND(price, -1)", "numeric")).isEqualTo("DECIMAL(9,0)");
    assertThat(type("ROUND(qty, 2)", "numeric")).isEqualTo("BIGINT(19,0)");
    assertThat(type("ROUND(id)", "numeric")).isEqualTo("BIGINT_UNSIGNED(20,0)");
    assertThat(type("ROUND(price, qty)", "numeric")).isNull();
    assertThat(type("TRUNCATE(price)", "numeric")).isNull();
    assertThat(type("ROUND(name, 1)", "numeric")).isNull();
  }

  @Test
  void absCeilAndFloorKeepTheKindOfNumber() throws Exception {
    assertThat(type("ABS(f)", "float8")).isEqualTo("DOUBLE(22,0)");
    assertThat(type("FLOOR(ratio)", "float8")).isEqualTo("DOUBLE(22,0)");
    assertThat(type("ABS(price)", "numeric")).isEqualTo("DECIMAL(10,2)");
    assertThat(type("ABS(qty)", "int4")).isEqualTo("BIGINT(19,0)");
    assertThat(type("ABS(on_hand)", "int8")).isEqualTo("BIGINT_UNSIGNED(20,0)");
    assertThat(type("CEIL(price)", "numeric")).isEqualTo("BIGINT(19,0)");
    assertThat(type("CEILING(qty)", "int4")).isEqualTo("BIGINT(19,0)");
    assertThat(type("FLOOR(name)", "float8")).isNull();
  }
}
