package io.dualwrite.admin.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code verify} against tables written through the driver, then changed behind its back. */
@ExtendWith(TestDatabases.class)
class VerifyIT {

  @BeforeEach
  void freshTables(DatabasePair db) throws SQLException {
    try (Connection dw = DualWriteTestUrls.connect(db);
        Statement s = dw.createStatement()) {
      s.execute("DROP TABLE IF EXISTS account");
      s.execute("DROP TABLE IF EXISTS `order`");
      s.execute("DROP TABLE IF EXISTS audit_log");
      s.execute(
          "CREATE TABLE account (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " name VARCHAR(50) NOT NULL, active TINYINT(1) NOT NULL DEFAULT 1,"
              + " balance DECIMAL(12,2) NOT NULL, opened DATETIME(3) NULL, prefs JSON NULL,"
              + " avatar VARBINARY(16) NULL)");
      s.execute(
          "CREATE TABLE `order` (account_id BIGINT NOT NULL, line INT NOT NULL,"
              + " qty INT NOT NULL, PRIMARY KEY (account_id, line))");
      s.execute("CREATE TABLE audit_log (what VARCHAR(20) NOT NULL, n INT NOT NULL)");
      for (int i = 1; i <= 25; i++) {
        s.executeUpdate(
            "INSERT INTO account (name, active, balance, opened, prefs, avatar) VALUES ('a"
                + i
                + "', "
                + (i % 2)
                + ", "
                + i
                + ".50, '2024-05-0"
                + (1 + i % 9)
                + " 10:11:12.345', '{\"theme\": \"dark\", \"n\": "
                + i
                + "}', X'0102')");
        s.executeUpdate("INSERT INTO `order` VALUES (" + i + ", 1, 2), (" + i + ", 2, 3)");
      }
      s.executeUpdate("INSERT INTO audit_log VALUES ('x', 1), ('x', 1), ('y', 2)");
    }
  }

  @Test
  void tablesWrittenThroughTheDriverAreEqualUnderSmallChunks(DatabasePair db) {
    Result r = CliRun.run("", AdminArgs.of(db, "verify", "--chunk-size=4"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("account (primary key id): 25 rows on MySQL, 25 on PostgreSQL: equal")
        .contains("audit_log (no primary key, compared by full row)")
        .contains("verify: all 3 tables equal");
    assertThat(r.err()).contains("verify: account: done").contains("rows/s");
  }

  @Test
  void rowsChangedDeletedAndAddedBehindTheDriversBackAreListedByKey(DatabasePair db)
      throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate(
          "UPDATE account SET balance = 99, prefs = '{\"theme\": \"light\"}' WHERE id = 3");
      s.executeUpdate("DELETE FROM account WHERE id = 7");
      s.executeUpdate(
          "INSERT INTO account (id, name, active, balance) VALUES (100, 'ghost', 1, 0)");
      s.executeUpdate("UPDATE \"order\" SET qty = 9 WHERE account_id = 5 AND line = 2");
      s.executeUpdate("DELETE FROM audit_log WHERE what = 'y'");
    }
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.executeUpdate("UPDATE account SET active = 5 WHERE id = 11");
    }

    Result r = CliRun.run("", AdminArgs.of(db, "verify", "--chunk-size=4"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out())
        .contains("missing on PostgreSQL: id=7")
        .contains("extra on PostgreSQL: id=100")
        .contains("changed: id=3 (columns: balance, prefs)")
        .contains("changed: id=11 (columns: active)")
        .contains("changed: account_id=5, line=2 (columns: qty)")
        .contains("1 rows only on MySQL, 0 rows only on PostgreSQL")
        .doesNotContain("99")
        .doesNotContain("light");

    Result json = CliRun.run("", AdminArgs.of(db, "verify", "--json", "--table=account"));
    assertThat(json.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(json.outLines()).hasSize(1);
    Map<String, Object> doc = MiniJson.object(json.out());
    assertThat(doc.get("equal")).isEqualTo(false);
    @SuppressWarnings("unchecked")
    Map<String, Object> account = ((List<Map<String, Object>>) doc.get("tables")).get(0);
    assertThat(account.get("missing")).isEqualTo(1L);
    assertThat(account.get("extra")).isEqualTo(1L);
    assertThat(account.get("changed")).isEqualTo(2L);
    assertThat(account.get("keys").toString()).contains("[7]").contains("[100]").contains("[3]");
    assertThat(json.err()).contains("\"progress\"");
  }

  @Test
  void showValuesPrintsBothSidesOfAChangedColumn(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate("UPDATE account SET name = 'renamed' WHERE id = 2");
    }
    Result r = CliRun.run("", AdminArgs.of(db, "verify", "--table=account", "--show-values"));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out())
        .contains("changed: id=2 (columns: name)")
        .contains("MySQL: name='a2'")
        .contains("PostgreSQL: name='renamed'");
  }

  @Test
  void unreachableDatabaseExitsTwo(DatabasePair db) {
    Result r =
        CliRun.run(
            "",
            "verify",
            "--mysql-url=jdbc:mysql://127.0.0.1:1/nothing",
            "--postgres-url=" + db.postgres().jdbcUrl());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("cannot connect to MySQL");
  }

  @Test
  void aWrongPasswordIsNeverPrinted(DatabasePair db) {
    Result r =
        CliRun.run(
            "",
            "verify",
            "--json",
            "--mysql-url=" + db.mysql().jdbcUrl(),
            "--mysql-user=" + db.mysql().user(),
            "--mysql-password=S3cret-never-shown",
            "--postgres-url=" + db.postgres().jdbcUrl());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.all()).doesNotContain("S3cret-never-shown").contains("cannot connect");
  }

  @Test
  void unknownTableIsBadUsage(DatabasePair db) {
    Result r = CliRun.run("", AdminArgs.of(db, "verify", "--table=nope"));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("no table 'nope'");
  }
}
