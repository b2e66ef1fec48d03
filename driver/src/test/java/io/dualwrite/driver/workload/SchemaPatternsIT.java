package io.dualwrite.driver.workload;

import static io.dualwrite.driver.testing.Workloads.describe;
import static io.dualwrite.driver.testing.Workloads.execute;
import static io.dualwrite.driver.testing.Workloads.recordDiscrepancies;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schema patterns of popular MySQL frameworks, created and written through the driver. */
@ExtendWith(TestDatabases.class)
class SchemaPatternsIT {

  /** Laravel's {@code id()} and {@code foreignId()}: BIGINT UNSIGNED on both ends of the key. */
  @Test
  void bigintUnsignedForeignKeyToABigintUnsignedAutoIncrementIdIsMirrored(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen;
    try (Connection c = DualWriteTestUrls.connect(db)) {
      seen = recordDiscrepancies(c);
      execute(
          c,
          "CREATE TABLE accounts (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " name VARCHAR(50) NOT NULL)",
          "CREATE TABLE posts (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " account_id BIGINT UNSIGNED NOT NULL, title VARCHAR(50) NOT NULL,"
              + " CONSTRAINT posts_account_id_foreign FOREIGN KEY (account_id)"
              + " REFERENCES accounts (id) ON DELETE CASCADE)",
          "INSERT INTO accounts (name) VALUES ('a'), ('b')",
          "INSERT INTO posts (account_id, title) VALUES (1, 'x'), (2, 'y'), (2, 'z')",
          "DELETE FROM accounts WHERE id = 2");
    }
    assertThat(seen).as("discrepancies: %s", describe(seen)).isEmpty();
    TableComparison.assertSameRows(db, "accounts", "id");
    TableComparison.assertSameRows(db, "posts", "id");
  }

  /** MySQL's TIME is a duration (-838:59:59 to 838:59:59), used for elapsed times. */
  @Test
  void timeDurationsBeyondOneDayAreRefusedAndReportedNotSilentlyMangled(DatabasePair db)
      throws SQLException {
    // MySQL TIME is a duration (-838:59:59..838:59:59); PostgreSQL's time holds a time of day.
    // The rewriter refuses such literals: MySQL gets the rows, the difference is reported with
    // drift on the table (for repair), and the application's call succeeds.
    List<Discrepancy> seen;
    try (Connection c = DualWriteTestUrls.connect(db)) {
      seen = recordDiscrepancies(c);
      execute(
          c,
          "CREATE TABLE durations (id INT PRIMARY KEY, elapsed TIME NOT NULL)",
          "INSERT INTO durations VALUES (1, '12:00:00'), (2, '838:59:59'), (3, '-01:30:00'),"
              + " (4, '25:00:00')");
      assertThat(c.unwrap(DualWriteConnection.class).drift().snapshot().keySet())
          .as("drift covers the table (a refused statement that names no table drifts every table)")
          .containsAnyOf("durations", DriftTracker.ALL_TABLES);
    }
    assertThat(seen)
        .as("discrepancies: %s", describe(seen))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNTRANSLATABLE);
              assertThat(d.detail()).contains("time-range");
            });
    try (Connection mysql = db.openMysql()) {
      assertThat(Workloads.longValue(mysql, "SELECT COUNT(*) FROM durations")).isEqualTo(4);
    }
  }
}
