package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MysqlValueConverterTest {

  @Test
  void choosesOneKindPerColumnFromBothTypes() {
    assertThat(MysqlValueConverter.of(MysqlColumnType.parse("tinyint(1)"), "int2").kind())
        .isEqualTo(MysqlValueConverter.Kind.BOOL_FROM_NUMBER);
    assertThat(MysqlValueConverter.of(MysqlColumnType.parse("tinyint(1)"), "bool").kind())
        .isEqualTo(MysqlValueConverter.Kind.BOOL_FROM_PG_BOOLEAN);
    assertThat(MysqlValueConverter.of(null, "bool").kind())
        .isEqualTo(MysqlValueConverter.Kind.BOOL_FROM_PG_BOOLEAN);
    assertThat(MysqlValueConverter.of(null, "int4")).isSameAs(MysqlValueConverter.PASS_THROUGH);
    assertThat(MysqlValueConverter.of(MysqlColumnType.parse("int unsigned"), "int8").kind())
        .isEqualTo(MysqlValueConverter.Kind.INT64);
    assertThat(MysqlValueConverter.of(MysqlColumnType.parse("bigint unsigned"), "numeric").kind())
        .isEqualTo(MysqlValueConverter.Kind.BIG_UNSIGNED);
    assertThat(MysqlValueConverter.of(MysqlColumnType.parse("year"), "int2").kind())
        .isEqualTo(MysqlValueConverter.Kind.YEAR);
    assertThat(MysqlValueConverter.of(MysqlColumnType.parse("json"), "jsonb").kind())
        .isEqualTo(MysqlValueConverter.Kind.STRING);
  }

  @Test
  void floatsAreRoundedToMysqlsSixSignificantDigits() {
    assertThat(MysqlValueConverter.mysqlFloat(1.23456789f)).isEqualTo(1.23457d);
    assertThat(MysqlValueConverter.mysqlFloat(-3.25f)).isEqualTo(-3.25d);
    assertThat(MysqlValueConverter.mysqlFloat(3.4e38f)).isEqualTo(3.4e38d);
    assertThat(MysqlValueConverter.mysqlFloat(1e-7f)).isEqualTo(1e-7d);
    assertThat(MysqlValueConverter.mysqlFloat(0.1f)).isEqualTo(0.1d);
    assertThat(MysqlValueConverter.mysqlFloat(0f)).isZero();
  }

  @Test
  void fractionsArePaddedToTheColumnsDigits() {
    assertThat(MysqlValueConverter.withFraction("2024-05-01 10:00:00.1234", 6))
        .isEqualTo("2024-05-01 10:00:00.123400");
    assertThat(MysqlValueConverter.withFraction("2024-05-01 10:00:00", 6))
        .isEqualTo("2024-05-01 10:00:00");
    assertThat(MysqlValueConverter.withFraction("10:00:00.5", 3)).isEqualTo("10:00:00.500");
    assertThat(MysqlValueConverter.withFraction("10:00:00.5", 0)).isEqualTo("10:00:00.5");
    assertThat(MysqlValueConverter.withFraction(null, 6)).isNull();
    assertThat(MysqlValueConverter.withFraction("2024-05-01 10:00:00.5+02", 6))
        .isEqualTo("2024-05-01 10:00:00.5+02");
  }

  @Test
  void yearsReadAsConnectorJReadsThem() {
    assertThat(MysqlValueConverter.connectorYear(2024)).isEqualTo(2024);
    assertThat(MysqlValueConverter.connectorYear(69)).isEqualTo(2069);
    assertThat(MysqlValueConverter.connectorYear(70)).isEqualTo(1970);
    assertThat(MysqlValueConverter.connectorYear(0)).isEqualTo(2000);
  }

  @Test
  void stringsAreBooleansByConnectorJsRules() throws SQLException {
    assertThat(MysqlValueConverter.stringToBoolean("Y")).isTrue();
    assertThat(MysqlValueConverter.stringToBoolean("true")).isTrue();
    assertThat(MysqlValueConverter.stringToBoolean("no")).isFalse();
    assertThat(MysqlValueConverter.stringToBoolean("")).isFalse();
    assertThat(MysqlValueConverter.stringToBoolean("-1")).isTrue();
    assertThat(MysqlValueConverter.stringToBoolean("-2")).isFalse();
    assertThat(MysqlValueConverter.stringToBoolean("1.5")).isTrue();
    assertThat(MysqlValueConverter.stringToBoolean("-0.5")).isFalse();
    assertThat(MysqlValueConverter.stringToBoolean("18446744073709551615")).isTrue();
    assertThatThrownBy(() -> MysqlValueConverter.stringToBoolean("maybe"))
        .isInstanceOf(SQLException.class)
        .hasFieldOrPropertyWithValue("SQLState", "22018");
  }

  @Test
  void charValuesLoseTrailingSpacesOnly() {
    assertThat(MysqlValueConverter.stripTrailingSpaces("a b  ")).isEqualTo("a b");
    assertThat(MysqlValueConverter.stripTrailingSpaces("  ")).isEmpty();
    assertThat(MysqlValueConverter.stripTrailingSpaces(" a")).isEqualTo(" a");
    assertThat(MysqlValueConverter.stripTrailingSpaces("a\t")).isEqualTo("a\t");
    assertThat(MysqlValueConverter.stripTrailingSpaces(null)).isNull();
    assertThat(MysqlValueConverter.of(MysqlColumnType.parse("char(3)"), "varchar").kind())
        .isEqualTo(MysqlValueConverter.Kind.CHAR);
    assertThat(MysqlValueConverter.of(MysqlColumnType.parse("enum('a ')"), "varchar").kind())
        .isEqualTo(MysqlValueConverter.Kind.STRING);
  }

  @Test
  void numbersInTextAreReadByConnectorJsRules() throws SQLException {
    assertThat(MysqlValueConverter.textToNumber("")).isEqualTo(0L);
    assertThat(MysqlValueConverter.textToNumber("42")).isEqualTo(new java.math.BigInteger("42"));
    assertThat(MysqlValueConverter.textToNumber("-1.5")).isEqualTo(-1.5d);
    assertThat(MysqlValueConverter.textToNumber("1e3")).isEqualTo(1000d);
    assertThatThrownBy(() -> MysqlValueConverter.textToNumber("abc"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Cannot determine value type from string 'abc'");
    assertThatThrownBy(() -> MysqlValueConverter.textToNumber(" 1"))
        .isInstanceOf(SQLException.class);
  }
}
