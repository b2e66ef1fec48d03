package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase.Side;
import org.junit.jupiter.api.Test;

class SideConnectionsTest {

  @Test
  void sessionStatementsAreKeptPerSettingInTheOrderOfTheirLatestUse() {
    SideConnections sides = new SideConnections(null, null, io.dualwrite.driver.Phase.Side.MYSQL);
    for (int i = 0; i < 1_000; i++) {
      sides.rememberSessionSql(
          Side.MYSQL, "SET_TIME_ZONE", "SET time_zone = '+0" + (i % 9) + ":00'");
      sides.rememberSessionSql(Side.MYSQL, "SET_NAMES", "SET NAMES utf8mb4");
    }
    sides.rememberSessionSql(Side.MYSQL, "SET_USER_VARIABLE:x", "SET @x = 1");
    sides.rememberSessionSql(Side.MYSQL, "SET_TIME_ZONE", "SET time_zone = '+05:00'");
    assertThat(sides.replayed(Side.MYSQL))
        .containsExactly("SET NAMES utf8mb4", "SET @x = 1", "SET time_zone = '+05:00'");
    assertThat(sides.replayed(Side.POSTGRES)).isEmpty();
  }
}
