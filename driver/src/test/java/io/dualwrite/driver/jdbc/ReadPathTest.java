package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.testkit.stub.StubDriver.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Where {@link ReadPath} sends a read, over stub sides whose journal shows which side ran it. */
class ReadPathTest {
  private static final String READ = "SELECT a FROM t WHERE id = 1";

  private static int readOne(StubSides sides) throws SQLException {
    try (Statement s = sides.connection.createStatement();
        ResultSet rs = s.executeQuery(READ)) {
      assertThat(rs.next()).as("the application gets its row").isTrue();
      return rs.getInt(1);
    }
  }

  @Test
  void readAtReadPercentZeroRunsOnMysqlOnly() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      readOne(sides);
      assertThat(sides.journal()).containsExactly("mysql: " + READ);
    }
  }

  @Test
  void readAtReadPercentHundredRunsOnPostgresOnly() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 100)) {
      readOne(sides);
      assertThat(sides.journal())
          .containsExactly(
              "postgres: connect", "postgres: SET lock_timeout = 1000", "postgres: " + READ);
    }
  }

  @Test
  void readOfATableBeingBackfilledStaysOnMysqlAtReadPercentHundred() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 100)) {
      sides.runtime.backfill().replaceWith(java.util.List.of("t"));
      readOne(sides);
      assertThat(sides.journal()).containsExactly("mysql: " + READ);
      sides.runtime.backfill().replaceWith(java.util.List.of());
      sides.clearJournal();
      readOne(sides);
      assertThat(sides.journal()).as("once complete").endsWith("postgres: " + READ);
    }
  }

  @Test
  void readInATransactionThatWroteStaysOnTheAuthoritativeSide() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 100)) {
      sides.connection.setAutoCommit(false);
      readOne(sides);
      assertThat(sides.journal())
          .as("before the transaction wrote, readPercent 100 sends the read to PostgreSQL")
          .endsWith("postgres: " + READ);
      try (Statement s = sides.connection.createStatement()) {
        s.executeUpdate("UPDATE t SET a = 2 WHERE id = 1");
      }
      sides.clearJournal();
      readOne(sides);
      assertThat(sides.journal())
          .as("a transaction that wrote reads where its writes are authoritative")
          .containsExactly("mysql: " + READ);
      sides.connection.commit();
      sides.clearJournal();
      readOne(sides);
      assertThat(sides.journal())
          .as("the next transaction has written nothing yet")
          .containsExactly("postgres: " + READ);
    }
  }

  @Test
  void postgresReadThatFailsFallsBackToMysqlAndTheApplicationGetsRows() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 100)) {
      sides.driver.failNext(
          Vendor.POSTGRES, "SELECT", new SQLException("operator does not exist", "42883"));
      int value = readOne(sides);
      assertThat(value).isEqualTo(2); // the stub's row 1, column 1
      assertThat(sides.journal())
          .containsExactly(
              "postgres: connect",
              "postgres: SET lock_timeout = 1000",
              "postgres: " + READ,
              "mysql: " + READ);
      assertThat(sides.recordKinds()).containsExactly(DiscrepancyKind.READ_MISMATCH);
      assertThat(sides.records().get(0).detail()).contains("42883").contains("served by MYSQL");
    }
  }

  @Test
  void postgresReadThatFailsForAnOutageFallsBackWithoutARecord() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 100)) {
      sides.driver.failNext(
          Vendor.POSTGRES, "SELECT", new SQLException("connection reset", "08006"));
      readOne(sides);
      assertThat(sides.journal()).endsWith("postgres: " + READ, "mysql: " + READ);
      assertThat(sides.records()).as("an outage is the breaker's business").isEmpty();
    }
  }
}
