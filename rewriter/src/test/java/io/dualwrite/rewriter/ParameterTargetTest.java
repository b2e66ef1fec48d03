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
  void aDateTimeTextIsRoundedHalfUpToTheColumnsPrecisionAsMysqlRoundsIt() {
    // the tie PostgreSQL rounds down before its 2000-01-01 epoch
    assertThat(stored("datetime(3)").roundedTemporalText("1999-12-31 23:59:59.000500"))
        .isEqualTo("1999-12-31 23:59:59.001");
    // twice: .0004999 is .000500 in microseconds, which is a tie for 3 digits
    assertThat(stored("datetime(3)").roundedTemporalText("1999-12-31 23:59:59.0004999"))
        .isEqualTo("1999-12-31 23:59:59.001");
    assertThat(stored("datetime(3)").roundedTemporalText("1999-12-31 23:59:59.0004994"))
        .isEqualTo("1999-12-31 23:59:59.000");
    assertThat(stored("datetime").roundedTemporalText("1999-12-31 23:59:59.5"))
        .isEqualTo("2000-01-01 00:00:00");
    assertThat(stored("timestamp(6)").roundedTemporalText("1999-12-31 23:59:59.9999995"))
        .isEqualTo("2000-01-01 00:00:00.000000");
    // microseconds first (the 7th to 9th digits), then the column's digits: .4999995 is .500000
    assertThat(stored("datetime").roundedTemporalText("2024-02-29 23:59:59.4999995"))
        .isEqualTo("2024-03-01 00:00:00");
    assertThat(stored("datetime(6)").roundedTemporalText("2024-02-29 23:59:59.0000004999"))
        .isEqualTo("2024-02-29 23:59:59.000000");
    assertThat(stored("datetime(2)").roundedTemporalText("2024-1-2 3:4:5.125"))
        .isEqualTo("2024-1-2 3:4:5.13");
    // digits within the precision, another column, a comparison, no date-time: unchanged
    assertThat(stored("datetime(3)").roundedTemporalText("2024-01-01 00:00:00.5"))
        .isEqualTo("2024-01-01 00:00:00.5");
    assertThat(stored("varchar(20)").roundedTemporalText("10:00:00.45")).isEqualTo("10:00:00.45");
    assertThat(new ParameterTarget("datetime", false).roundedTemporalText("10:00:00.5"))
        .isEqualTo("10:00:00.5");
    assertThat(stored("datetime").roundedTemporalText("soon")).isEqualTo("soon");
    assertThat(stored("datetime").roundedTemporalText("0000-00-00 00:00:59.5"))
        .isEqualTo("0000-00-00 00:00:59.5");
  }

  @Test
  void aTimeTextIsRoundedHalfUpAndCarriesPastADay() {
    assertThat(stored("time(1)").roundedTemporalText("10:00:00.45")).isEqualTo("10:00:00.5");
    assertThat(stored("time").roundedTemporalText("10:00:59.5")).isEqualTo("10:01:00");
    assertThat(stored("time").roundedTemporalText("23:59:59.5")).isEqualTo("24:00:00");
    assertThat(stored("time(2)").roundedTemporalText("-1 23:59:59.995")).isEqualTo("-48:00:00.00");
  }

  @Test
  void nanosecondsRoundToMicrosecondsThenToTheColumnsDigits() {
    assertThat(ParameterTarget.roundedNanos(500_000, 3)).isEqualTo(1_000_000);
    assertThat(ParameterTarget.roundedNanos(499_500, 3)).isEqualTo(1_000_000);
    assertThat(ParameterTarget.roundedNanos(499_499, 3)).isEqualTo(0);
    assertThat(ParameterTarget.roundedNanos(999_999_500, 6)).isEqualTo(1_000_000_000);
    assertThat(ParameterTarget.roundedNanos(123_456_789, 6)).isEqualTo(123_457_000);
    assertThat(ParameterTarget.roundedNanos(500_000_000, 0)).isEqualTo(1_000_000_000);
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
