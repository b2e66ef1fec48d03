package io.dualwrite.driver.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValueNormalizerTest {

  @Test
  void numbersCompareByValueAcrossTypes() {
    assertThat(ValueNormalizer.normalize(new BigDecimal("1.50")))
        .isEqualTo(ValueNormalizer.normalize(new BigDecimal("1.5")));
    assertThat(ValueNormalizer.normalize(7)).isEqualTo(ValueNormalizer.normalize(7L));
    assertThat(ValueNormalizer.normalize(true)).isEqualTo(ValueNormalizer.normalize(1));
    assertThat(ValueNormalizer.normalize(new BigDecimal("0.00")))
        .isEqualTo(ValueNormalizer.normalize(0));
    assertThat(ValueNormalizer.normalize(2)).isNotEqualTo(ValueNormalizer.normalize(3));
  }

  @Test
  void temporalValuesCompareAtMicroseconds() {
    LocalDateTime t = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_789);
    assertThat(ValueNormalizer.normalize(Timestamp.valueOf(t)))
        .isEqualTo(ValueNormalizer.normalize(t.withNano(123_456_000)));
    assertThat(ValueNormalizer.normalize(t))
        .isNotEqualTo(ValueNormalizer.normalize(t.withNano(123_457_000)));
  }

  @Test
  void jsonComparesByValue() {
    assertThat(ValueNormalizer.normalize("{\"b\": [1, 2.0], \"a\": \"x\"}"))
        .isEqualTo(ValueNormalizer.normalize("{\"a\":\"x\",\"b\":[1,2]}"));
    assertThat(ValueNormalizer.normalize("{\"a\": 1}"))
        .isNotEqualTo(ValueNormalizer.normalize("{\"a\": 2}"));
    assertThat(ValueNormalizer.normalize("[not json")).isEqualTo("[not json");
  }

  @Test
  void bytesCompareByContent() {
    assertThat(ValueNormalizer.normalize(new byte[] {1, 2}))
        .isEqualTo(ValueNormalizer.normalize(new byte[] {1, 2}));
  }

  @Test
  void orderByOnlyCountsAtTopLevel() {
    assertThat(ResultComparator.isOrdered("SELECT a FROM t ORDER BY a")).isTrue();
    assertThat(ResultComparator.isOrdered("SELECT a FROM (SELECT a FROM t ORDER BY a) x"))
        .isFalse();
    assertThat(ResultComparator.isOrdered("SELECT 'order by' FROM t")).isFalse();
  }

  @Test
  void aConnectorJYearDateEqualsPostgresSmallintOnlyInAYearColumn() {
    Object mysql = java.sql.Date.valueOf("2024-01-01");
    Object postgres = (short) 2024;
    assertThat(ValueNormalizer.normalize(mysql, "YEAR"))
        .isEqualTo(ValueNormalizer.normalize(postgres, "int2"))
        .isEqualTo(ValueNormalizer.normalize(postgres, "year(4)"))
        .isEqualTo(ValueNormalizer.normalize(Integer.valueOf(2024), "year"));
    assertThat(ValueNormalizer.normalize(mysql, "year"))
        .isNotEqualTo(ValueNormalizer.normalize((short) 2025, "year"));
    // without the type, or for another type, a date is not a number
    assertThat(ValueNormalizer.normalize(mysql)).isNotEqualTo(ValueNormalizer.normalize(postgres));
    assertThat(ValueNormalizer.normalize(mysql, "DATE"))
        .isNotEqualTo(ValueNormalizer.normalize(2024, "DATE"));
    assertThat(ValueNormalizer.normalize(null, "YEAR")).isNull();
    // a year with trailing zeros, against the PostgreSQL side read without knowing it is a YEAR
    assertThat(ValueNormalizer.normalize(java.sql.Date.valueOf("2020-01-01"), "YEAR"))
        .isEqualTo(ValueNormalizer.normalize((short) 2020, "int2"))
        .isEqualTo(ValueNormalizer.normalize((short) 2020));
  }

  @Test
  void jsonTextEqualsAPostgresJsonbObjectByValue() throws java.sql.SQLException {
    org.postgresql.util.PGobject jsonb = new org.postgresql.util.PGobject();
    jsonb.setType("jsonb");
    jsonb.setValue("{\"a\": null, \"b\": [1, 2]}");
    assertThat(ValueNormalizer.normalize("{\"b\":[1,2],\"a\":null}", "JSON"))
        .isEqualTo(ValueNormalizer.normalize(jsonb, "jsonb"))
        .isEqualTo(ValueNormalizer.normalize(jsonb));
    org.postgresql.util.PGobject other = new org.postgresql.util.PGobject();
    other.setType("jsonb");
    other.setValue("{\"a\": 1, \"b\": [1, 2]}");
    assertThat(ValueNormalizer.normalize("{\"b\":[1,2],\"a\":null}", "json"))
        .isNotEqualTo(ValueNormalizer.normalize(other, "jsonb"));
  }

  @Test
  void aVarcharThatLooksLikeJsonIsComparedExactlyWhenTheTypeIsKnown() {
    assertThat(ValueNormalizer.normalize("{\"a\":1}", "varchar(20)"))
        .isNotEqualTo(ValueNormalizer.normalize("{\"a\": 1}", "varchar"));
    assertThat(ValueNormalizer.normalize("{\"a\":1}", "VARCHAR"))
        .isEqualTo(ValueNormalizer.normalize("{\"a\":1}", "varchar"));
  }

  @Test
  void resultComparatorUsesYearAndJsonFromEitherSidesMetadata() throws java.sql.SQLException {
    javax.sql.rowset.RowSetMetaDataImpl mysql = new javax.sql.rowset.RowSetMetaDataImpl();
    mysql.setColumnCount(3);
    mysql.setColumnTypeName(1, "YEAR");
    mysql.setColumnTypeName(2, "LONGTEXT");
    mysql.setColumnTypeName(3, "VARCHAR");
    javax.sql.rowset.RowSetMetaDataImpl pg = new javax.sql.rowset.RowSetMetaDataImpl();
    pg.setColumnCount(3);
    pg.setColumnTypeName(1, "int2");
    pg.setColumnTypeName(2, "jsonb");
    pg.setColumnTypeName(3, "varchar");
    assertThat(ResultComparator.columnTypes(mysql, pg, 3))
        .containsExactly("year", "json", "VARCHAR");
  }

  @Test
  void stringsThatAreJsonScalarsStayStrings() {
    assertThat(ValueNormalizer.normalize("1.50")).isEqualTo("1.50");
    assertThat(ValueNormalizer.normalize("1.50")).isNotEqualTo(ValueNormalizer.normalize("1.5"));
    assertThat(ValueNormalizer.normalize(" true", "varchar")).isEqualTo(" true");
    // in a JSON column a scalar is a JSON value
    assertThat(ValueNormalizer.normalize("1.50", "json"))
        .isEqualTo(ValueNormalizer.normalize("1.5", "jsonb"));
  }

  @org.junit.jupiter.api.Test
  void aCharsPaddingIsNotPartOfItsValue() {
    assertThat(ValueNormalizer.normalize("ab   ", "bpchar"))
        .isEqualTo(ValueNormalizer.normalize("ab", "CHAR"));
    assertThat(ValueNormalizer.normalize(" ab", "bpchar"))
        .isNotEqualTo(ValueNormalizer.normalize("ab", "CHAR"));
    // a VARCHAR keeps its trailing spaces
    assertThat(ValueNormalizer.normalize("ab ", "varchar"))
        .isNotEqualTo(ValueNormalizer.normalize("ab", "varchar"));
  }

  @Test
  void aFloatComparesAsMysqlsTextProtocolGivesIt() {
    // MySQL prints FLOAT 1234.5679 as 1234.57; PostgreSQL's real gives the whole float
    assertThat(ValueNormalizer.normalize(Float.valueOf(1234.57f), "FLOAT"))
        .isEqualTo(ValueNormalizer.normalize(Float.valueOf(1234.5679f), "float4"));
    assertThat(ValueNormalizer.normalize(Float.valueOf(-122.39f), "FLOAT"))
        .isEqualTo(ValueNormalizer.normalize(Float.valueOf(-122.3901062f), "float4"));
    // six digits still tell these apart; a DOUBLE keeps every digit
    assertThat(ValueNormalizer.normalize(Float.valueOf(1234.58f), "FLOAT"))
        .isNotEqualTo(ValueNormalizer.normalize(Float.valueOf(1234.5679f), "float4"));
    assertThat(ValueNormalizer.normalize(Double.valueOf(1234.5679), "DOUBLE"))
        .isNotEqualTo(ValueNormalizer.normalize(Double.valueOf(1234.57), "float8"));
  }
}
