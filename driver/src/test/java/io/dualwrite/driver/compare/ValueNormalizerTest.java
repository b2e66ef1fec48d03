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
}
