package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.DriftTracker;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link WritePath} runs where, and in which order, for each phase, over stub sides whose
 * journal shows every execution and transaction call.
 */
class WritePathTest {
  private static final String UPDATE = "UPDATE t SET a = 2 WHERE id = 1";
  private static final String INSERT = "INSERT INTO t (id, a) VALUES (1, 2)";

  private static long write(StubSides sides, String sql) throws SQLException {
    try (Statement s = sides.connection.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  /** The journal's executions of {@code sql} (on either side), leaving out transaction calls. */
  private static List<String> runsOf(StubSides sides, String sql) {
    return sides.journal().stream().filter(e -> e.endsWith(": " + sql)).toList();
  }

  @Test
  void writeInDualWriteRunsOnMysqlThenOnPostgres() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      assertThat(write(sides, INSERT)).isEqualTo(1);
      assertThat(runsOf(sides, INSERT)).containsExactly("mysql: " + INSERT, "postgres: " + INSERT);
      assertThat(sides.records()).isEmpty();
    }
  }

  @Test
  void autocommitUpdateIsHeldOnMysqlUntilItIsMirrored() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      write(sides, UPDATE);
      assertThat(sides.journal())
          .containsExactly(
              "mysql: setAutoCommit(false)",
              "mysql: " + UPDATE,
              "postgres: connect",
              "postgres: SET lock_timeout = 1000",
              "postgres: " + UPDATE,
              "mysql: setAutoCommit(true)");
    }
  }

  @Test
  void updateInsideTheApplicationsTransactionIsNotHeldAgain() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      sides.connection.setAutoCommit(false);
      sides.clearJournal();
      write(sides, UPDATE);
      assertThat(sides.journal())
          .containsExactly(
              "mysql: " + UPDATE,
              "postgres: connect",
              "postgres: SET lock_timeout = 1000",
              "postgres: setAutoCommit(false)",
              "postgres: " + UPDATE);
      sides.connection.commit();
      // the other side first: nothing can reach it between the two commits
      assertThat(sides.journal()).endsWith("postgres: commit()", "mysql: commit()");
    }
  }

  @Test
  void autocommitPlainInsertIsHeldOnMysqlUntilItIsMirrored() throws SQLException {
    // Not held, another connection could update the new row on MySQL and mirror that before the
    // row exists on PostgreSQL.
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      write(sides, INSERT);
      assertThat(sides.journal())
          .containsSubsequence(
              "mysql: setAutoCommit(false)",
              "mysql: " + INSERT,
              "postgres: " + INSERT,
              "mysql: setAutoCommit(true)");
    }
  }

  @Test
  void refusedWriteRunsOnMysqlOnlyAndIsRecordedWithDrift() throws SQLException {
    String refused = "DELETE FROM t LIMIT 10"; // no key to order by: the rows deleted could differ
    try (StubSides sides = StubSides.open(Phase.DUAL_WRITE, 0)) {
      assertThat(write(sides, refused)).isEqualTo(1);
      assertThat(sides.journal()).containsExactly("mysql: " + refused);
      assertThat(sides.recordKinds()).containsExactly(DiscrepancyKind.UNTRANSLATABLE);
      Discrepancy d = sides.records().get(0);
      assertThat(d.detail()).contains("write-limit-unordered");
      assertThat(d.tables())
          .as("the refusal names no table, so any table may differ")
          .containsExactly(DriftTracker.ALL_TABLES);
      assertThat(sides.connection.drift().anyDrifted(List.of("t"))).isTrue();
    }
  }

  @Test
  void writeInPgPrimaryRunsOnPostgresThenOnMysql() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.PG_PRIMARY, 0)) {
      assertThat(write(sides, UPDATE)).isEqualTo(1);
      assertThat(runsOf(sides, UPDATE)).containsExactly("postgres: " + UPDATE, "mysql: " + UPDATE);
      assertThat(sides.journal())
          .as("PostgreSQL holds its row locks until MySQL ran the write")
          .startsWith("postgres: setAutoCommit(false)", "postgres: " + UPDATE)
          .endsWith("mysql: " + UPDATE, "postgres: setAutoCommit(true)");
      assertThat(sides.records()).isEmpty();
    }
  }

  @Test
  void mysqlOnlyNeverTouchesPostgres() throws SQLException {
    try (StubSides sides = StubSides.open(Phase.MYSQL_ONLY, 100)) {
      write(sides, UPDATE);
      write(sides, INSERT);
      try (Statement s = sides.connection.createStatement()) {
        s.executeQuery("SELECT a FROM t WHERE id = 1").close();
        s.execute("SET time_zone = '+00:00'");
      }
      sides.connection.setAutoCommit(false);
      write(sides, UPDATE);
      sides.connection.commit();
      assertThat(sides.journal()).isNotEmpty().allMatch(e -> e.startsWith("mysql: "));
      assertThat(sides.driver.postgresWrites() + sides.driver.postgresQueries()).isZero();
      assertThat(sides.records()).isEmpty();
    }
  }
}
