package io.dualwrite.driver.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.driver.testing.Workloads;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cases the driver cannot mirror exactly, and must therefore report: the application is not failed,
 * and the difference is a discrepancy with drift on the table, for {@code repair}.
 */
@ExtendWith(TestDatabases.class)
class TypicalAppKnownLimitsIT {

  /**
   * An INSERT IGNORE ... SELECT that skips rows: which keys the inserted rows got is in neither the
   * update count nor Connector/J's generated keys. Under innodb_autoinc_lock_mode 2 (MySQL 8+'s
   * default) the driver runs it as its SELECT and one multi-row INSERT IGNORE ... VALUES, whose
   * keys are one block it reads back: mirrored exactly (jdbc/InsertSelectAsValues). Under lock
   * modes 0 and 1 (MariaDB's default) it runs as written and is reported as drift.
   */
  @Test
  void insertIgnoreSelectThatSkipsSomeRowsIsExactUnderLockMode2ElseReportedAsDrift(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    boolean lockMode2;
    try (Connection mysql = db.openMysql()) {
      lockMode2 = Workloads.longValue(mysql, "SELECT @@innodb_autoinc_lock_mode") == 2;
    }
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.execute(
          "CREATE TABLE tags (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL,"
              + " UNIQUE KEY uq_tags_name (name))");
      s.execute("CREATE TABLE tag_names (name VARCHAR(20) NOT NULL PRIMARY KEY)");
      s.executeUpdate("INSERT INTO tags (name) VALUES ('red')");
      s.executeUpdate("INSERT INTO tag_names VALUES ('blue'), ('green'), ('red')");
      // (A multi-row INSERT IGNORE ... VALUES that skips rows is mirrored exactly:
      // InsertedRowsMirrorIT.)
      assertThat(s.executeUpdate("INSERT IGNORE INTO tags (name) SELECT name FROM tag_names"))
          .isEqualTo(2);
      if (lockMode2) {
        assertThat(c.unwrap(DualWriteConnection.class).drift().snapshot())
            .doesNotContainKey("tags");
      } else {
        assertThat(c.unwrap(DualWriteConnection.class).drift().snapshot()).containsKey("tags");
      }
    }
    if (lockMode2) {
      assertThat(seen).isEmpty();
      TableComparison.assertSameRows(db, "tags", "id");
      return;
    }
    assertThat(seen)
        .anySatisfy(
            d -> {
              assertThat(d.kind()).isEqualTo(DiscrepancyKind.MIRROR_FAILED);
              assertThat(d.tables()).containsExactly("tags");
              assertThat(d.detail()).contains("keys may differ");
            });
  }
}
