package io.dualwrite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.testkit.stub.StubDriver;
import io.dualwrite.testkit.stub.StubDriver.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The stub driver the benchmarks measure through: its test features (journal, injected failures,
 * update counts) are off unless asked for, and do what the path tests rely on when they are on.
 */
class StubDriverTest {
  private static final String MYSQL = "jdbc:mysql://stub/db";
  private static final String POSTGRES = "jdbc:postgresql://stub/db";

  @Test
  void withNothingAskedForTheStubJournalsNothingAndEveryWriteChangesOneRow() throws SQLException {
    StubDriver driver = new StubDriver();
    try (Connection c = driver.connect(MYSQL, new Properties());
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertThat(s.executeUpdate("UPDATE t SET a = 1")).isEqualTo(1);
      c.commit();
    }
    assertThat(driver.journal()).isEmpty();
    assertThat(driver.mysqlWrites()).isEqualTo(1);
  }

  @Test
  void journalKeepsEachSidesCallsInOrder() throws SQLException {
    StubDriver driver = new StubDriver().journal(true);
    try (Connection my = driver.connect(MYSQL, new Properties());
        Connection pg = driver.connect(POSTGRES, new Properties());
        Statement s = my.createStatement();
        PreparedStatement ps = pg.prepareStatement("INSERT INTO t VALUES (?)")) {
      my.setAutoCommit(false);
      s.executeQuery("SELECT 1").close();
      ps.setInt(1, 1);
      ps.addBatch();
      ps.setInt(1, 2);
      ps.addBatch();
      ps.executeBatch();
      my.commit();
    }
    assertThat(driver.journal())
        .containsExactly(
            "mysql: connect",
            "postgres: connect",
            "mysql: setAutoCommit(false)",
            "mysql: SELECT 1",
            "postgres: [batch of 2] INSERT INTO t VALUES (?)",
            "mysql: commit()");
    driver.journal(false);
    try (Connection my = driver.connect(MYSQL, new Properties())) {
      my.commit();
    }
    assertThat(driver.journal()).isEmpty();
  }

  @Test
  void injectedFailureHitsOnlyTheNextMatchingExecutionOnItsSide() throws SQLException {
    StubDriver driver = new StubDriver();
    SQLException failure = new SQLException("injected", "40001");
    driver.failNext(Vendor.POSTGRES, "update", failure);
    try (Connection my = driver.connect(MYSQL, new Properties());
        Connection pg = driver.connect(POSTGRES, new Properties());
        Statement ms = my.createStatement();
        Statement ps = pg.createStatement()) {
      assertThat(ms.executeUpdate("UPDATE t SET a = 1")).as("other side").isEqualTo(1);
      assertThat(ps.executeUpdate("DELETE FROM t")).as("other statement").isEqualTo(1);
      assertThatThrownBy(() -> ps.executeUpdate("  UPDATE t SET a = 1")).isSameAs(failure);
      assertThat(driver.faultsPending()).isFalse();
      assertThat(ps.executeUpdate("UPDATE t SET a = 1")).as("once only").isEqualTo(1);
      driver.failNext(Vendor.MYSQL, "commit()", failure);
      assertThatThrownBy(my::commit).isSameAs(failure);
    }
    assertThat(driver.postgresWrites()).as("the failed execution changed nothing").isEqualTo(2);
  }

  @Test
  void updateCountIsSetPerSideForStatementsAndBatchRows() throws SQLException {
    StubDriver driver = new StubDriver().updateCount(Vendor.POSTGRES, 0);
    try (Connection my = driver.connect(MYSQL, new Properties());
        Connection pg = driver.connect(POSTGRES, new Properties());
        Statement ms = my.createStatement();
        PreparedStatement ps = pg.prepareStatement("UPDATE t SET a = ?")) {
      assertThat(ms.executeUpdate("UPDATE t SET a = 1")).isEqualTo(1);
      ps.setInt(1, 1);
      assertThat(ps.executeUpdate()).isZero();
      ps.addBatch();
      ps.addBatch();
      assertThat(ps.executeLargeBatch()).containsExactly(0L, 0L);
    }
  }
}
