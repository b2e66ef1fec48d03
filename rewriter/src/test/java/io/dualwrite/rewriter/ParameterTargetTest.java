package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterTargetTest {

  private static ParameterTarget stored(String type) {
    return new ParameterTarget(type, true);
  }

  @Test
  void aDateTimeTextLosesTheDigitsBeyondTheColumnsPrecision() {
    assertThat(stored("datetime(3)").truncatedTemporalText("2024-02-29 23:59:59.9999"))
        .isEqualTo("2024-02-29 23:59:59.999");
    assertThat(stored("datetime").truncatedTemporalText("2024-02-29 23:59:59.9"))
        .isEqualTo("2024-02-29 23:59:59");
    assertThat(stored("time(1)").truncatedTemporalText("10:00:00.45")).isEqualTo("10:00:00.4");
    assertThat(stored("timestamp(6)").truncatedTemporalText("2024-01-01 00:00:00.5"))
        .isEqualTo("2024-01-01 00:00:00.5");
    // not a temporal column, not a date-time text, or compared rather than stored: unchanged
    assertThat(stored("varchar(20)").truncatedTemporalText("10:00:00.45")).isEqualTo("10:00:00.45");
    assertThat(stored("datetime").truncatedTemporalText("soon")).isEqualTo("soon");
    assertThat(new ParameterTarget("datetime", false).truncatedTemporalText("10:00:00.45"))
        .isEqualTo("10:00:00.45");
  }

  @Test
  void oneOrTwoDigitsIntoAYearAreTheYearMysqlStores() {
    assertThat(stored("year").yearText("0")).isEqualTo("2000");
    assertThat(stored("year").yearText("69")).isEqualTo("2069");
    assertThat(stored("year").yearText("70")).isEqualTo("1970");
    assertThat(stored("year").yearText("2024")).isEqualTo("2024");
    assertThat(stored("int").yearText("7")).isEqualTo("7");
  }

  @Test
  void setAndEnumTextIsWhatMysqlStores() {
    assertThat(stored("set('a','B','c')").storedText("c,b,a,c")).isEqualTo("a,B,c");
    assertThat(stored("enum('Small','Large')").storedText("LARGE  ")).isEqualTo("Large");
    assertThat(stored("enum('Small','Large')").storedText("medium")).isEqualTo("medium");
    assertThat(new ParameterTarget("set('a','b')", false).storedText("b,a")).isEqualTo("b,a");
  }

  @Test
  void onlyAStoredBinaryOfFixedLengthIsPadded() {
    assertThat(stored("binary(16)").paddedLength()).isEqualTo(16);
    assertThat(stored("binary").paddedLength()).isEqualTo(1);
    assertThat(stored("varbinary(16)").paddedLength()).isEqualTo(-1);
    assertThat(new ParameterTarget("binary(16)", false).paddedLength()).isEqualTo(-1);
    assertThat(stored("varbinary(16)").isBinary()).isTrue();
    assertThat(stored("enum('a')").isText()).isTrue();
  }
}
