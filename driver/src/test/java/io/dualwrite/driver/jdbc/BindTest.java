package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.ParameterTarget;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class BindTest {

  @Test
  void aDetachedBindKeepsTheValueTheApplicationBoundWhateverItChangesAfterwards() {
    byte[] bytes = {1, 2, 3};
    Timestamp ts = Timestamp.valueOf("2024-01-02 03:04:05.123456");
    java.util.Calendar utc = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
    Bind[] binds = {
      new Bind(Bind.Kind.BYTES, bytes, 0, null),
      new Bind(Bind.Kind.TIMESTAMP_CAL, ts, 0, utc),
      new Bind(Bind.Kind.STRING, "s", 0, null),
      null
    };
    Bind[] kept = Bind.detached(binds);
    bytes[0] = 9;
    ts.setNanos(0);
    utc.setTimeZone(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
    assertThat((byte[]) kept[0].value()).containsExactly(1, 2, 3);
    assertThat(((Timestamp) kept[1].value()).getNanos()).isEqualTo(123_456_000);
    assertThat(((java.util.Calendar) kept[1].extra()).getTimeZone().getID()).isEqualTo("UTC");
    assertThat(kept[2]).isSameAs(binds[2]); // nothing to copy
    assertThat(kept[3]).isNull();
    assertThat(Bind.detached(null)).isNull();
  }

  private static final ParameterTarget DATETIME_3 = new ParameterTarget("datetime(3)", true);

  @Test
  void aTimestampTieBefore2000IsRoundedUpForPostgresAsMysqlRoundsIt() {
    Timestamp tie = Timestamp.valueOf("1999-12-31 23:59:59.0005");
    Bind b = Bind.of(Bind.Kind.TIMESTAMP, tie).forTarget(DATETIME_3, false);
    assertThat(b.kind()).isEqualTo(Bind.Kind.TIMESTAMP);
    assertThat(b.value()).isEqualTo(Timestamp.valueOf("1999-12-31 23:59:59.001"));
    Bind carry =
        Bind.of(Bind.Kind.OBJECT, Timestamp.valueOf("1969-12-31 23:59:59.9995"))
            .forTarget(DATETIME_3, false);
    assertThat(carry.value()).isEqualTo(Timestamp.valueOf("1970-01-01 00:00:00"));
  }

  @Test
  void javaTimeValuesAndStringsAreRoundedToTheColumnsDigits() {
    assertThat(
            Bind.of(Bind.Kind.OBJECT, LocalDateTime.parse("1999-12-31T23:59:59.5"))
                .forTarget(new ParameterTarget("datetime", true), false)
                .value())
        .isEqualTo(LocalDateTime.parse("2000-01-01T00:00:00"));
    assertThat(
            Bind.of(Bind.Kind.OBJECT, LocalTime.parse("10:00:00.05"))
                .forTarget(new ParameterTarget("time(1)", true), false)
                .value())
        .isEqualTo(LocalTime.parse("10:00:00.1"));
    assertThat(
            Bind.of(Bind.Kind.STRING, "1999-12-31 23:59:59.0005")
                .forTarget(DATETIME_3, false)
                .value())
        .isEqualTo("1999-12-31 23:59:59.001");
  }

  @Test
  void onATruncatingServerComparedOrWithinThePrecisionNothingIsRounded() {
    Timestamp tie = Timestamp.valueOf("1999-12-31 23:59:59.0005");
    Bind b = Bind.of(Bind.Kind.TIMESTAMP, tie);
    assertThat(b.forTarget(DATETIME_3, true)).isSameAs(b); // MariaDB: whole seconds elsewhere
    assertThat(b.forTarget(new ParameterTarget("datetime(3)", false), false)).isSameAs(b);
    assertThat(b.forTarget(new ParameterTarget("datetime(6)", true), false)).isSameAs(b);
    Bind s = Bind.of(Bind.Kind.STRING, "1999-12-31 23:59:59.0005");
    assertThat(s.forTarget(DATETIME_3, true).value()).isEqualTo("1999-12-31 23:59:59.000");
  }
}
