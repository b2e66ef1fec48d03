package io.dualwrite.rewriter.equivalence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparison rules of {@link Normalisation}, the JSON parser and the corpus value syntax. */
class NormalisationTest {

  private static boolean eq(Object a, Object b) {
    return Normalisation.cellsEqual(a, b, false, false, false);
  }

  @Test
  void exactNumbersCompareByValueWhateverTheScale() {
    assertThat(eq(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
    assertThat(eq(new BigDecimal("7"), new BigDecimal("7.000"))).isTrue();
    assertThat(eq(new BigDecimal("0.3333"), new BigDecimal("0.33333333333333333333"))).isFalse();
  }

  @Test
  void floatsUseRelativeToleranceOnlyForApproximateColumns() {
    Normalisation.Approx a = new Normalisation.Approx(0.1 + 0.2);
    Normalisation.Approx b = new Normalisation.Approx(0.3);
    assertThat(eq(a, b)).isTrue();
    assertThat(eq(new Normalisation.Approx(1.0), new Normalisation.Approx(1.000001))).isFalse();
    assertThat(
            Normalisation.cellsEqual(
                new BigDecimal("12"), new Normalisation.Approx(12.0), false, true, false))
        .isTrue();
    assertThat(eq(new BigDecimal("0.30000000000000004"), new BigDecimal("0.3"))).isFalse();
  }

  @Test
  void nullEqualsOnlyNull() {
    assertThat(eq(null, null)).isTrue();
    assertThat(eq(null, "")).isFalse();
    assertThat(eq(BigDecimal.ZERO, null)).isFalse();
  }

  @Test
  void temporalValuesAreParsedAtMicrosecondsAndKeepTheirKind() {
    assertThat(Normalisation.temporal("2024-03-01 19:45:00", LocalDateTime.class))
        .isEqualTo(LocalDateTime.of(2024, 3, 1, 19, 45));
    assertThat(Normalisation.temporal("2024-03-01 19:45:00.1234567", LocalDateTime.class))
        .isEqualTo(LocalDateTime.of(2024, 3, 1, 19, 45, 0, 123_456_000));
    assertThat(Normalisation.temporal("2024-03-01 19:45:00+02", LocalDateTime.class))
        .isEqualTo(LocalDateTime.of(2024, 3, 1, 17, 45));
    assertThat(Normalisation.temporal("10:11:12.5", LocalTime.class))
        .isEqualTo(LocalTime.of(10, 11, 12, 500_000_000));
    assertThat(Normalisation.temporal("838:59:59", LocalTime.class)).isEqualTo("838:59:59");
    assertThat(eq(LocalDate.of(2024, 3, 1), LocalDateTime.of(2024, 3, 1, 0, 0))).isFalse();
  }

  @Test
  void clockColumnsAllowTheToleranceAndNothingElseDoes() {
    LocalDateTime a = LocalDateTime.of(2024, 3, 1, 10, 0);
    LocalDateTime b = a.plusSeconds(3);
    assertThat(Normalisation.cellsEqual(a, b, false, false, true)).isTrue();
    assertThat(Normalisation.cellsEqual(a, b, false, false, false)).isFalse();
    assertThat(Normalisation.cellsEqual(a, a.plusHours(1), false, false, true)).isFalse();
  }

  @Test
  void jsonColumnsCompareByParsedValue() {
    assertThat(
            Normalisation.cellsEqual(
                "{\"a\": 1.50, \"b\": [1, 2]}", "{\"b\":[1,2],\"a\":1.5}", true, false, false))
        .isTrue();
    assertThat(Normalisation.cellsEqual("[1, 2]", "[2, 1]", true, false, false)).isFalse();
    assertThat(Normalisation.cellsEqual("\"x\"", "x", true, false, false)).isFalse();
    assertThat(Normalisation.cellsEqual("{\"a\": 1}", "{\"a\": true}", true, false, false))
        .isFalse();
  }

  @Test
  void stringsAreExactAndBytesEqualTheirUtf8Text() {
    assertThat(eq("abc", "ABC")).isFalse();
    assertThat(eq("a ", "a")).isFalse();
    assertThat(eq(new Normalisation.Bytes("xA".getBytes(StandardCharsets.UTF_8)), "xA")).isTrue();
    assertThat(eq(new Normalisation.Bytes(new byte[] {(byte) 0xCC}), "11001100")).isFalse();
    assertThat(eq("1", BigDecimal.ONE)).isFalse();
  }

  @Test
  void unorderedResultsCompareAsMultisets() {
    Normalisation.Result a = result(List.of(1, 1, 2));
    Normalisation.Result b = result(List.of(2, 1, 1));
    Normalisation.Result c = result(List.of(2, 2, 1));
    assertThat(Normalisation.difference(a, b, false, Set.of())).isEmpty();
    assertThat(Normalisation.difference(a, b, true, Set.of())).isPresent();
    assertThat(Normalisation.difference(a, c, false, Set.of())).isPresent();
  }

  @Test
  void identifierLabelsCompareCaseInsensitivelyAndExpressionLabelsNot() {
    Normalisation.Result my = labelled("UserId", "COUNT(*)");
    assertThat(Normalisation.difference(my, labelled("userid", "count"), true, Set.of())).isEmpty();
    assertThat(Normalisation.difference(my, labelled("user_id", "count"), true, Set.of()))
        .isPresent();
  }

  @Test
  void jsonParserHandlesTheWholeGrammar() {
    Object v =
        JsonValue.parse(
            " {\"s\": \"a\\\"b\\\\c\\u00fc\\ud83d\\ude80\", \"n\": -1.25e2, \"z\": 0.0,"
                + " \"t\": true, \"f\": false, \"x\": null, \"a\": [], \"o\": {}} ");
    assertThat(v)
        .isEqualTo(
            Map.of(
                "s",
                "a\"b\\cü🚀",
                "n",
                new BigDecimal("-125"),
                "z",
                BigDecimal.ZERO,
                "t",
                true,
                "f",
                false,
                "x",
                JsonValue.NULL,
                "a",
                List.of(),
                "o",
                Map.of()));
    assertThatThrownBy(() -> JsonValue.parse("{\"a\": 1,}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonValue.parse("01")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonValue.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void corpusLiteralSyntax() {
    List<Object> values =
        Literals.parse(
            "NULL, true, -1.50, 1e-3, 'it''s', date'2024-02-29', ts'2024-02-29 10:00:00', json'{\"a\": 1}', hex'CAFE'");
    assertThat(values.get(0)).isNull();
    assertThat(values.get(1)).isEqualTo(BigDecimal.ONE);
    assertThat(values.get(2)).isEqualTo(new BigDecimal("-1.50"));
    assertThat(values.get(3)).isEqualTo(new Normalisation.Approx(0.001));
    assertThat(values.get(4)).isEqualTo("it's");
    assertThat(values.get(5)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(values.get(6)).isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 0));
    assertThat(values.get(7)).isEqualTo(new Normalisation.Json("{\"a\": 1}"));
    assertThat(values.get(8))
        .isEqualTo(new Normalisation.Bytes(new byte[] {(byte) 0xCA, (byte) 0xFE}));
    assertThat(Literals.binds("2, 1.5")).containsExactly(2L, new BigDecimal("1.5"));
  }

  @Test
  void scriptSplitterHonoursDelimiterQuotesAndComments() {
    List<MysqlScript.Statement> s =
        MysqlScript.split(
            "-- head\nSELECT ';' ; # c;\nDELIMITER ;;\nCREATE TRIGGER t BEGIN SET @a = 1; END;;\n"
                + "DELIMITER ;\n/*!40101 SET NAMES utf8 */;\nSELECT \"a\\\";\" FROM x;");
    assertThat(s.stream().map(MysqlScript.Statement::sql))
        .containsExactly(
            "SELECT ';'",
            "CREATE TRIGGER t BEGIN SET @a = 1; END",
            "/*!40101 SET NAMES utf8 */",
            "SELECT \"a\\\";\" FROM x");
  }

  private static Normalisation.Result result(List<Integer> values) {
    List<List<Object>> rows = new ArrayList<>();
    for (Integer v : values) {
      rows.add(Arrays.asList(BigDecimal.valueOf(v)));
    }
    return new Normalisation.Result(
        List.of(new Normalisation.Column("x", "int", false, false)), rows);
  }

  private static Normalisation.Result labelled(String... labels) {
    List<Normalisation.Column> columns = new ArrayList<>();
    List<Object> row = new ArrayList<>();
    for (String l : labels) {
      columns.add(new Normalisation.Column(l, "int", false, false));
      row.add(BigDecimal.ONE);
    }
    return new Normalisation.Result(columns, List.of(row));
  }
}
