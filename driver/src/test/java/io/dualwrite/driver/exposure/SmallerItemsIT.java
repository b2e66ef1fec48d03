package io.dualwrite.driver.exposure;

import static io.dualwrite.driver.testing.Workloads.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 14, item 7, as the issue writes each case. */
@ExtendWith(TestDatabases.class)
class SmallerItemsIT {
  private static ExposureFixture fx;

  @BeforeAll
  static void start(DatabasePair db) throws SQLException {
    fx = new ExposureFixture(db, "smaller-" + System.nanoTime());
    try (Connection c = fx.connect()) {
      execute(
          c,
          "CREATE TABLE u (id INT PRIMARY KEY, user VARCHAR(20))",
          "INSERT INTO u VALUES (1, 'ann'), (2, 'cid')");
    }
    try (Connection mysql = db.openMysql()) {
      execute(
          mysql,
          "CREATE TABLE proc_rows (id INT PRIMARY KEY, v VARCHAR(10))",
          "CREATE PROCEDURE add_u(IN k INT) INSERT INTO proc_rows VALUES (k, 'proc')",
          "CREATE TABLE into_src (id INT PRIMARY KEY, v VARCHAR(10))",
          "INSERT INTO into_src VALUES (1, 'x'), (2, 'y')");
    }
  }

  @AfterAll
  static void close() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void updateSetUserIsAColumnOnBothSides_regressionRefusedAsFunctionUser() throws Exception {
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("UPDATE u SET user='bob' WHERE id = 1")).isOne();
    }
    TableComparison.assertSameRows(fx.db, "u", "id");
    try (Connection c = DualWriteTestUrls.connect(fx.db, "dualwrite.readPercent", "100");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT user FROM u WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("bob");
    }
  }

  @Test
  void selectIntoAVariableAnswersLikeConnectorJ() throws Exception {
    String sql = "SELECT v INTO @picked FROM into_src WHERE id = 2";
    boolean rawResult;
    long rawCount;
    try (Connection raw = fx.db.openMysql();
        Statement s = raw.createStatement()) {
      rawResult = s.execute(sql);
      rawCount = s.getUpdateCount();
    }
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      assertThat(s.execute(sql)).isEqualTo(rawResult).isFalse();
      assertThat(s.getResultSet()).isNull();
      assertThat((long) s.getUpdateCount()).isEqualTo(rawCount);
      try (ResultSet rs = s.executeQuery("SELECT @picked")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("y");
      }
    }
  }

  @Test
  void callIsRecordedAsASkippedMirrorWithDriftLikeACallableStatement() throws Exception {
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      s.execute("CALL add_u(10)");
      try (CallableStatement cs = c.prepareCall("{call add_u(?)}")) {
        cs.setInt(1, 11);
        cs.execute();
      }
      assertThat(
              c.unwrap(io.dualwrite.driver.jdbc.DualWriteConnection.class)
                  .drift()
                  .snapshot()
                  .keySet())
          .contains(io.dualwrite.driver.discrepancy.DriftTracker.ALL_TABLES);
    }
    String record = fx.awaitRecord("MIRROR_SKIPPED", "stored routine", "CALL add_u(?)");
    assertThat(record).doesNotContain("UNTRANSLATABLE");
    assertThat(fx.storedRecords())
        .noneMatch(r -> r.contains("UNTRANSLATABLE") && r.contains("add_u"));
  }

  @Test
  void aWronglyCasedPropertyFailsConnectNamingIt_regressionSilentlyIgnored() {
    Properties p = DualWriteTestUrls.properties(fx.db);
    p.setProperty("Dualwrite.readPercent", "100");
    assertThatThrownBy(() -> DriverManager.getConnection(DualWriteTestUrls.url(fx.db), p))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Dualwrite.readPercent")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
  }

  @Test
  void aMalformedPostgresUrlFailsConnect_regressionAcceptedAtConnect() {
    Properties p = DualWriteTestUrls.properties(fx.db);
    p.setProperty(
        "dualwrite.postgres.url", "jdbc:postgresql://localhost:54x2/app?password=Pg-Pw-1");
    assertThatThrownBy(() -> DriverManager.getConnection(DualWriteTestUrls.url(fx.db), p))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("dualwrite.postgres.url")
        .hasMessageNotContaining("Pg-Pw-1")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
  }
}
