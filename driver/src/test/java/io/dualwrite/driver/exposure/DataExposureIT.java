package io.dualwrite.driver.exposure;

import static io.dualwrite.driver.testing.Workloads.execute;
import static io.dualwrite.driver.testing.Workloads.recordDiscrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, item 4, as the issue writes it: values the application wrote reach no discrepancy
 * record (the control store's {@code dualwrite_discrepancies}) and no log line, whether they come
 * back in PostgreSQL's error detail ({@code Key (lower(cc::text))=(...)}, {@code Failing row
 * contains (...)}), sit as literals in the statement, or are passwords of credential statements
 * (which still run on MySQL).
 */
@ExtendWith(TestDatabases.class)
class DataExposureIT {
  private static final String CARD_1 = "4111111111111111";
  private static final String CARD_2 = "5500000000000004";
  private static final String CARD_3 = "6011000990139424";
  private static ExposureFixture fx;

  @BeforeAll
  static void schema(DatabasePair db) throws SQLException {
    fx = new ExposureFixture(db, "exposure-" + System.nanoTime());
    try (Connection c = fx.connect()) {
      execute(
          c,
          "CREATE TABLE cards (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, cc VARCHAR(20) NOT NULL,"
              + " holder VARCHAR(40) NULL)");
    }
    // Constraints PostgreSQL has and MySQL does not: the mirror fails, with the values in the
    // error detail.
    try (Connection pg = db.openPostgres()) {
      execute(
          pg,
          "CREATE UNIQUE INDEX cards_cc_lower ON cards (lower(cc::text))",
          "ALTER TABLE cards ADD CONSTRAINT holder_not_blocked CHECK (holder <> 'blocked')");
    }
  }

  @AfterAll
  static void close() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void aBoundValueInPostgresKeyDetailReachesNoRecordAndNoLog() throws Exception {
    try (Connection c = fx.connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO cards (cc, holder) VALUES (?, ?)")) {
      for (int i = 0; i < 2; i++) {
        ps.setString(1, CARD_1);
        ps.setString(2, "ann");
        assertThat(ps.executeUpdate()).isOne(); // MySQL, authoritative, takes both
      }
    }
    String record = fx.awaitRecord("MIRROR_FAILED", "cards_cc_lower");
    assertThat(record).contains("Key (lower(cc::text))=(?) already exists");
    fx.assertNowhere(CARD_1);
  }

  @Test
  void literalsInTheStatementAndTheFailingRowAreNotStored() throws Exception {
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO cards (cc, holder) VALUES ('" + CARD_2 + "', 'bea')");
      assertThat(s.executeUpdate("UPDATE cards SET holder = 'blocked' WHERE cc = '" + CARD_2 + "'"))
          .isOne();
    }
    String record = fx.awaitRecord("MIRROR_FAILED", "holder_not_blocked");
    assertThat(record)
        .contains("UPDATE cards SET holder = ? WHERE cc = ?")
        .contains("Failing row contains (?)");
    fx.assertNowhere(CARD_2, "blocked'", "bea");
  }

  @Test
  void aLiteralSqlModeCannotShowPartOfALiteral() throws Exception {
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      // A statement PostgreSQL refuses (the CHECK), whose literal holds a backslash before a quote.
      s.executeUpdate("INSERT INTO cards (holder, cc) VALUES ('blocked', '" + CARD_3 + "\\\\')");
    }
    fx.awaitRecord("MIRROR_FAILED", "holder_not_blocked", "INSERT INTO cards (holder, cc)");
    fx.assertNowhere(CARD_3);
  }

  /**
   * The embedded MariaDB runs with {@code --skip-grant-tables}, so it refuses account statements:
   * they are sent with PostgreSQL authoritative ({@code PG_PRIMARY}), where each is refused or
   * mirrored and fails on MySQL, and recorded either way. Neither the records, the log nor the
   * application's exception shows the password or the account.
   */
  @Test
  void credentialStatementsAreRedactedInRecordsLogsAndMessages() throws Exception {
    List<Discrepancy> seen;
    List<String> messages = new ArrayList<>();
    try (Connection c =
            DualWriteTestUrls.connect(
                fx.db, "dualwrite.phase", "PG_PRIMARY", "dualwrite.instance", "cred-probe");
        Statement s = c.createStatement()) {
      seen = recordDiscrepancies(c);
      for (String sql :
          new String[] {
            "CREATE USER 'dw_probe'@'%' IDENTIFIED BY 'Cred-Secret-1'",
            "ALTER USER 'dw_probe'@'%' IDENTIFIED BY 'Cred-Secret-2'",
            "SET PASSWORD FOR 'dw_probe'@'%' = PASSWORD('Cred-Secret-3')",
            "GRANT SELECT ON *.* TO 'dw_probe'@'%' IDENTIFIED BY 'Cred-Secret-4'"
          }) {
        try {
          s.execute(sql);
        } catch (SQLException e) {
          messages.add(e.getMessage());
        }
      }
    }
    assertThat(seen)
        .as("recorded")
        .anyMatch(d -> d.sql().endsWith("(credential statement, redacted)"));
    assertThat(seen).noneMatch(d -> (d.sql() + d.detail()).contains("Cred-Secret"));
    assertThat(seen).noneMatch(d -> (d.sql() + d.detail()).contains("dw_probe"));
    assertThat(messages).noneMatch(m -> m.contains("Cred-Secret"));
    fx.assertNowhere("Cred-Secret", "dw_probe");
  }

  @Test
  void bothSidesStillEqualWhereTheMirrorSucceeded() throws Exception {
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE plain_rows (id INT PRIMARY KEY, v VARCHAR(20))");
      s.executeUpdate("INSERT INTO plain_rows VALUES (1, 'a\\\\'), (2, 'b''c')");
    }
    TableComparison.assertSameRows(fx.db, "plain_rows", "id");
  }

  @Test
  void aValueQuotedInAPostgresTypeErrorIsNotStored() throws Exception {
    try (Connection pg = fx.db.openPostgres()) {
      execute(pg, "CREATE TABLE pg_typed (id INT PRIMARY KEY, n INT)");
    }
    try (Connection mysql = fx.db.openMysql()) {
      execute(mysql, "CREATE TABLE pg_typed (id INT PRIMARY KEY, n VARCHAR(30))");
    }
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      // PostgreSQL: invalid input syntax for type integer: "card-4111..." (a value in the message)
      s.executeUpdate("INSERT INTO pg_typed VALUES (1, 'card-" + CARD_1 + "')");
    }
    fx.awaitRecord("MIRROR_FAILED", "pg_typed");
    fx.assertNowhere(CARD_1, "card-");
  }
}
