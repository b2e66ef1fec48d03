package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

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
          "name", "varchar(20)");

  private static final Function<Column, MysqlColumnType> CATALOG =
      c -> {
        String t = COLUMNS.get(c.getColumnName());
        return t == null ? null : MysqlColumnType.parse(t);
      };

  private static String type(String expression, String pgType) throws Exception {
    Expression e = CCJSqlParserUtil.parseExpression(expression);
    MysqlColumnType t = ExpressionTypes.of(e, pgType, CATALOG);
    return t == null ? null : t.connectorType() + "(" + t.precision() + "," + t.resultScale() + ")";
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
    assertThat(type("MAX(qty)", "int4")).isNull();
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
}
