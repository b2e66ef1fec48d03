package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Where {@link SessionPath} runs a session statement, over stub sides. */
class SessionPathTest {
  private static final String SET_TIME_ZONE = "SET time_zone = '+00:00'";
  private static final String UPDATE = "UPDATE t SET a = 2 WHERE id = 1";

  @Test
  void setTimeZoneReachesBothOpenSides() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0);
        Statement s = sides.connection.createStatement()) {
      s.executeUpdate(UPDATE); // opens the PostgreSQL side
      sides.clearJournal();
      s.execute(SET_TIME_ZONE);
      assertThat(sides.journal())
          .containsExactly(
              "mysql: " + SET_TIME_ZONE,
              "postgres: SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE");
    }
  }

  @Test
  void setTimeZoneBeforePostgresOpensIsReplayedWhenItDoes() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0);
        Statement s = sides.connection.createStatement()) {
      s.execute(SET_TIME_ZONE);
      assertThat(sides.journal()).containsExactly("mysql: " + SET_TIME_ZONE);
      sides.clearJournal();
      s.executeUpdate(UPDATE);
      assertThat(sides.journal())
          .containsSubsequence(
              "postgres: connect",
              "postgres: SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE",
              "postgres: " + UPDATE);
    }
  }
}
