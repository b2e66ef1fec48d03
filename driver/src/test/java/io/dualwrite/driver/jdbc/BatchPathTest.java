package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.testkit.stub.StubDriver.Vendor;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How {@link BatchPath} runs a prepared batch on each side, over stub sides. */
class BatchPathTest {
  private static final String INSERT = "INSERT INTO t (id, a) VALUES (?, ?)";

  private static int[] insertThreeRows(StubSides sides) throws SQLException {
    try (PreparedStatement ps = sides.connection.prepareStatement(INSERT)) {
      for (int id = 1; id <= 3; id++) {
        ps.setInt(1, id);
        ps.setInt(2, id * 10);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  @Test
  void preparedBatchRunsAsOneBatchOnMysqlThenOneOnPostgres() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      assertThat(insertThreeRows(sides)).containsExactly(1, 1, 1);
      assertThat(sides.journal().stream().filter(e -> e.contains("INSERT")))
          .containsExactly("mysql: [batch of 3] " + INSERT, "postgres: [batch of 3] " + INSERT);
      assertThat(sides.driver.mysqlWrites()).isEqualTo(3);
      assertThat(sides.driver.postgresWrites()).isEqualTo(3);
      assertThat(sides.records()).isEmpty();
    }
  }

  @Test
  void batchRowThatChangesAnotherNumberOfRowsOnPostgresIsRecorded() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      sides.driver.updateCount(Vendor.POSTGRES, 0);
      assertThat(insertThreeRows(sides)).as("MySQL's counts").containsExactly(1, 1, 1);
      assertThat(sides.recordKinds()).containsExactly(DiscrepancyKind.ROW_COUNT_MISMATCH);
      assertThat(sides.records().get(0).detail()).startsWith("batch row 0: ");
    }
  }

  @Test
  void batchThatFailsOnPostgresNeverFailsTheApplication() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      sides.driver.failNext(
          Vendor.POSTGRES, "INSERT", new SQLException("duplicate key value", "23505"));
      assertThat(insertThreeRows(sides)).containsExactly(1, 1, 1);
      assertThat(sides.recordKinds()).containsExactly(DiscrepancyKind.MIRROR_FAILED);
    }
  }
}
