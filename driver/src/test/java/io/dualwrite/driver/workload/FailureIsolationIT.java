package io.dualwrite.driver.workload;

import static io.dualwrite.driver.testing.Workloads.execute;
import static io.dualwrite.driver.testing.Workloads.longValue;
import static io.dualwrite.driver.testing.Workloads.recordDiscrepancies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.driver.testing.Workloads;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In DUAL_WRITE a failure on PostgreSQL never fails the application's call and never poisons the
 * rest of its transaction; statements PostgreSQL cannot take still run on MySQL and are recorded.
 */
@ExtendWith(TestDatabases.class)
class FailureIsolationIT {

  @BeforeAll
  static void schema(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db)) {
      execute(
          c,
          "CREATE TABLE orders (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " customer VARCHAR(40) NOT NULL, total DECIMAL(10,2) NOT NULL)",
          "CREATE TABLE audit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, what VARCHAR(80))");
    }
    // A table the application has on MySQL only (created behind the driver's back).
    try (Connection mysql = db.openMysql()) {
      execute(mysql, "CREATE TABLE mysql_only (id INT PRIMARY KEY, note VARCHAR(20))");
    }
  }

  @Test
  void aStatementFailingOnlyOnPostgresDoesNotFailTheTransactionAndLaterStatementsStillMirror(
      DatabasePair db) throws SQLException {
    List<Discrepancy> seen;
    try (Connection c = DualWriteTestUrls.connect(db)) {
      seen = recordDiscrepancies(c);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO orders (customer, total) VALUES ('before', 1.00)");
        assertThatCode(
                () -> assertThat(s.executeUpdate("INSERT INTO mysql_only VALUES (1, 'x')")).isOne())
            .as("the application's call succeeds although PostgreSQL has no such table")
            .doesNotThrowAnyException();
        s.executeUpdate("INSERT INTO orders (customer, total) VALUES ('after', 2.50)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (what) VALUES (?)")) {
          ps.setString(1, "after the failure");
          ps.executeUpdate();
        }
        s.executeUpdate("UPDATE orders SET total = total + 1 WHERE customer = 'before'");
      }
      c.commit();
      c.setAutoCommit(true);
    }
    try (Connection pg = db.openPostgres()) {
      assertThat(longValue(pg, "SELECT COUNT(*) FROM orders WHERE customer = 'after'"))
          .as("a later row of the same transaction on PostgreSQL")
          .isOne();
      assertThat(longValue(pg, "SELECT COUNT(*) FROM audit")).isOne();
    }
    TableComparison.assertSameRows(db, "orders", "id");
    TableComparison.assertSameRows(db, "audit", "id");
    assertThat(seen)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(DiscrepancyKind.MIRROR_FAILED);
              assertThat(d.tables()).containsExactly("mysql_only");
              assertThat(d.sql()).contains("mysql_only");
            });
  }

  @Test
  void statementsTheRewriterCannotParseRunOnMysqlAndAreRecordedAsUntranslatable(DatabasePair db)
      throws SQLException {
    String view =
        "CREATE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW audit_view AS"
            + " SELECT id, what FROM audit";
    String insert =
        "INSERT INTO audit (what) SELECT 'sounds alike' FROM DUAL"
            + " WHERE 'robert' SOUNDS LIKE 'rupert'";
    // as recorded: the literals are placeholders (no data values in records)
    String recorded = "INSERT INTO audit (what) SELECT ? FROM DUAL WHERE ? SOUNDS LIKE ?";
    List<Discrepancy> seen;
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      seen = recordDiscrepancies(c);
      assertThatCode(() -> s.execute(view)).doesNotThrowAnyException();
      assertThatCode(() -> assertThat(s.executeUpdate(insert)).isOne()).doesNotThrowAnyException();
      s.executeUpdate("INSERT INTO audit (what) VALUES ('after the odd ones')");
    }
    try (Connection mysql = db.openMysql()) {
      assertThat(longValue(mysql, "SELECT COUNT(*) FROM audit WHERE what = 'sounds alike'"))
          .isOne();
      assertThat(longValue(mysql, "SELECT COUNT(*) FROM audit_view")).isPositive();
    }
    try (Connection pg = db.openPostgres()) {
      assertThat(longValue(pg, "SELECT COUNT(*) FROM audit WHERE what = 'after the odd ones'"))
          .as("a later statement still mirrors")
          .isOne();
    }
    assertThat(seen)
        .as("discrepancies: %s", Workloads.describe(seen))
        .extracting(Discrepancy::sql)
        .contains(recorded)
        // the rewriter now strips DEFINER / SQL SECURITY and translates the view
        .doesNotContain(view);
    try (Connection pg = db.openPostgres()) {
      assertThat(longValue(pg, "SELECT COUNT(*) FROM audit_view")).isPositive();
    }
    assertThat(seen)
        .filteredOn(d -> d.sql().equals(recorded))
        .allSatisfy(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNTRANSLATABLE));
    assertThat(seen)
        .filteredOn(d -> d.sql().equals(recorded))
        .allSatisfy(
            d ->
                assertThat(d.tables())
                    .as("drift covers the table (an unparsed statement drifts every table)")
                    .containsAnyOf("audit", DriftTracker.ALL_TABLES));
  }

  @Test
  void theDriverExposesItsRecorderThroughUnwrap(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db)) {
      assertThat(c.isWrapperFor(DualWriteConnection.class)).isTrue();
      assertThat(c.unwrap(DualWriteConnection.class).discrepancyRecorder()).isNotNull();
    }
  }
}
