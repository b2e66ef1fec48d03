package io.dualwrite.admin.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class KeyTextTest {

  @Test
  void formatsValuesAsBothDatabasesReadThemBack() {
    assertThat(KeyText.format(Boolean.TRUE)).isEqualTo("1");
    assertThat(KeyText.format(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(KeyText.format(new byte[] {0x0a, (byte) 0xff})).isEqualTo("0x0aff");
    assertThat(KeyText.format(LocalDateTime.of(2024, 5, 1, 10, 11, 12, 345_000_000)))
        .isEqualTo("2024-05-01 10:11:12.345");
    assertThat(KeyText.format(Timestamp.valueOf("2024-05-01 10:11:12.000001")))
        .isEqualTo("2024-05-01 10:11:12.000001");
    assertThat(KeyText.format((Object) null)).isNull();
  }

  @Test
  void binaryKeysRoundTripThroughHex() {
    assertThat(KeyText.parseHex("0x0aff")).containsExactly(0x0a, 0xff);
    assertThatThrownBy(() -> KeyText.parseHex("0xzz")).hasMessageContaining("hexadecimal");
  }

  @Test
  void postgresIdentifiersAreAlwaysQuotedSoReservedWordsWork() {
    assertThat(Side.POSTGRES.quote("order")).isEqualTo("\"order\"");
    assertThat(Side.MYSQL.quote("we`ird")).isEqualTo("`we``ird`");
  }
}
