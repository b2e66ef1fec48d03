package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.testkit.stub.StubDriver.Vendor;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link MirrorPath} handles the other side failing or disagreeing, over stub sides. */
class MirrorPathTest {
  private static final String UPDATE = "UPDATE t SET a = 2 WHERE id = 1";

  @Test
  void mirrorFailureNeverFailsTheApplicationAndIsRecordedWithDrift() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      sides.driver.failNext(
          Vendor.POSTGRES, "UPDATE", new SQLException("value too long for type", "22001"));
      try (Statement s = sides.connection.createStatement()) {
        assertThat(s.executeUpdate(UPDATE)).as("MySQL's count, no exception").isEqualTo(1);
      }
      assertThat(sides.driver.faultsPending()).as("the failure was injected").isFalse();
      assertThat(sides.journal())
          .as("MySQL's held write still commits")
          .endsWith("postgres: " + UPDATE, "mysql: setAutoCommit(true)");
      assertThat(sides.recordKinds()).containsExactly(DiscrepancyKind.MIRROR_FAILED);
      Discrepancy d = sides.records().get(0);
      assertThat(d.detail()).startsWith("POSTGRES side: 22001");
      assertThat(d.tables()).containsExactly("t");
      assertThat(sides.connection.drift().anyDrifted(List.of("t"))).isTrue();
    }
  }

  @Test
  void mirrorFailureOfAPreparedWriteNeverFailsTheApplication() throws SQLException {
    String sql = "UPDATE t SET a = ? WHERE id = ?";
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0);
        PreparedStatement ps = sides.connection.prepareStatement(sql)) {
      sides.driver.failNext(
          Vendor.POSTGRES, e -> e.startsWith("UPDATE"), new SQLException("too long", "22001"));
      ps.setInt(1, 2);
      ps.setInt(2, 1);
      assertThat(ps.executeUpdate()).isEqualTo(1);
      assertThat(sides.recordKinds()).containsExactly(DiscrepancyKind.MIRROR_FAILED);
      assertThat(sides.connection.drift().anyDrifted(List.of("t"))).isTrue();
    }
  }

  @Test
  void deadlockOnPostgresInsideATransactionIsReplayedAndNothingIsRecorded() throws SQLException {
    String insert = "INSERT INTO t (id, a) VALUES (?, ?)";
    String update = "UPDATE t SET a = ? WHERE id = ?";
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0);
        PreparedStatement ins = sides.connection.prepareStatement(insert);
        PreparedStatement upd = sides.connection.prepareStatement(update)) {
      sides.connection.setAutoCommit(false);
      ins.setInt(1, 7);
      ins.setInt(2, 70);
      ins.executeUpdate();
      sides.clearJournal();
      sides.driver.failNext(
          Vendor.POSTGRES, e -> e.startsWith("UPDATE"), new SQLException("deadlock", "40P01"));
      upd.setInt(1, 71);
      upd.setInt(2, 7);
      assertThat(upd.executeUpdate()).isEqualTo(1);
      sides.connection.commit();
      // PostgreSQL lost its transaction: rolled back, the insert replayed, the update run again
      assertThat(sides.journal())
          .containsSubsequence(
              "mysql: " + update,
              "postgres: " + update,
              "postgres: rollback()",
              "postgres: " + insert,
              "postgres: " + update,
              "postgres: commit()",
              "mysql: commit()");
      assertThat(sides.records()).isEmpty();
    }
  }

  @Test
  void mirrorThatChangesAnotherNumberOfRowsIsRecordedAsRowCountMismatch() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      sides.driver.updateCount(Vendor.POSTGRES, 0);
      try (Statement s = sides.connection.createStatement()) {
        assertThat(s.executeUpdate(UPDATE)).isEqualTo(1);
      }
      assertThat(sides.recordKinds()).containsExactly(DiscrepancyKind.ROW_COUNT_MISMATCH);
      assertThat(sides.records().get(0).detail()).isEqualTo("MYSQL changed 1 rows, POSTGRES 0");
      assertThat(sides.connection.drift().anyDrifted(List.of("t"))).isTrue();
    }
  }

  @Test
  void mirrorThatChangesTheSameNumberOfRowsRecordsNothing() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      sides.driver.updateCount(Vendor.MYSQL, 3).updateCount(Vendor.POSTGRES, 3);
      try (Statement s = sides.connection.createStatement()) {
        assertThat(s.executeUpdate(UPDATE)).isEqualTo(3);
      }
      assertThat(sides.records()).isEmpty();
      assertThat(sides.connection.drift().isEmpty()).isTrue();
    }
  }
}
