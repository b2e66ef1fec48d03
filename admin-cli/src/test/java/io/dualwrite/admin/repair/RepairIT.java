package io.dualwrite.admin.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code repair} makes PostgreSQL equal to MySQL again after changes behind the driver's back. */
@ExtendWith(TestDatabases.class)
class RepairIT {

  @BeforeEach
  void freshTables(DatabasePair db) throws SQLException {
    try (Connection dw = DualWriteTestUrls.connect(db);
        Statement s = dw.createStatement()) {
      s.execute("DROP TABLE IF EXISTS account");
      s.execute("DROP TABLE IF EXISTS `order`");
      s.execute(
          "CREATE TABLE account (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " name VARCHAR(50) NOT NULL, active TINYINT(1) NOT NULL DEFAULT 1,"
              + " balance DECIMAL(12,2) NOT NULL, opened DATETIME(3) NULL, prefs JSON NULL,"
              + " avatar VARBINARY(16) NULL, flags BIT(8) NOT NULL DEFAULT b'0')");
      s.execute(
          "CREATE TABLE `order` (account_id BIGINT NOT NULL, line INT NOT NULL,"
              + " qty INT NOT NULL, PRIMARY KEY (account_id, line))");
      for (int i = 1; i <= 20; i++) {
        s.executeUpdate(
            "INSERT INTO account (name, active, balance, opened, prefs, avatar, flags) VALUES ('a"
                + i
                + "', 1, "
                + i
                + ".25, '2024-05-01 10:11:12.345', '{\"n\": "
                + i
                + "}', X'0a0b', "
                + (i * 11)
                + ")");
        s.executeUpdate("INSERT INTO `order` VALUES (" + i + ", 1, 2)");
      }
    }
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute("DROP TABLE IF EXISTS dualwrite_drift");
    }
  }

  private static void tamper(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate(
          "UPDATE account SET balance = 0, prefs = '{\"n\": -1}', flags = 255 WHERE id = 3");
      s.executeUpdate("DELETE FROM account WHERE id IN (7, 20)");
      s.executeUpdate(
          "INSERT INTO account (id, name, active, balance) VALUES (500, 'ghost', 0, 1)");
      s.executeUpdate("UPDATE \"order\" SET qty = 99 WHERE account_id = 4");
      s.executeUpdate("INSERT INTO \"order\" VALUES (4, 2, 1)");
      s.execute("ALTER TABLE account ALTER COLUMN id RESTART WITH 1");
    }
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.executeUpdate(
          "UPDATE account SET active = 0, avatar = X'ff00', opened = '2025-01-02 03:04:05.678',"
              + " flags = b'10101010'"
              + " WHERE id = 11");
    }
  }

  @Test
  void repairFixesRowsChangedDeletedAndAddedThenVerifyIsEqual(DatabasePair db) throws Exception {
    tamper(db);
    assertThat(CliRun.run("", AdminArgs.of(db, "verify")).exitCode())
        .isEqualTo(ExitCodes.DIFFERENCES);

    Result r = CliRun.run("", AdminArgs.of(db, "repair"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains(
            "account: 5 keys: 2 inserted, 2 updated, 1 deleted, 0 already equal on PostgreSQL")
        .contains("order: 2 keys: 0 inserted, 1 updated, 1 deleted")
        .contains("repair: wrote 7 rows on PostgreSQL from MySQL (keys from verify)");

    Result verify = CliRun.run("", AdminArgs.of(db, "verify"));
    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(ExitCodes.OK);

    // The identity sequence (restarted behind the driver's back) is past the re-inserted key 20.
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate("INSERT INTO account (name, active, balance) VALUES ('direct', 1, 1)");
      try (ResultSet rs = s.executeQuery("SELECT max(id) FROM account WHERE name = 'direct'")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(21);
      }
    }
  }

  @Test
  void repairFromVerifyOutputIsIdempotent(DatabasePair db, @TempDir Path dir) throws Exception {
    tamper(db);
    Result verify = CliRun.run("", AdminArgs.of(db, "verify", "--json"));
    assertThat(verify.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    Path file = dir.resolve("verify.json");
    Files.writeString(file, verify.out());

    Result first =
        CliRun.run("", AdminArgs.of(db, "repair", "--json", "--keys-from-verify=" + file));
    assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.OK);
    Map<String, Object> doc = MiniJson.object(first.out());
    assertThat(doc.get("source")).isEqualTo("keys-from-verify");
    assertThat(doc.get("tables").toString()).contains("inserted=2").contains("deleted=1");

    Result second = CliRun.run("", AdminArgs.of(db, "repair", "--keys-from-verify=" + file));
    assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.OK);
    assertThat(second.out())
        .contains("account: 5 keys: 0 inserted, 0 updated, 0 deleted, 5 already equal")
        .contains("order: 2 keys: 0 inserted, 0 updated, 0 deleted, 2 already equal")
        .contains("repair: wrote 0 rows");
    assertThat(CliRun.run("", AdminArgs.of(db, "verify")).exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void dryRunChangesNothing(DatabasePair db) throws Exception {
    tamper(db);
    Result r = CliRun.run("", AdminArgs.of(db, "repair", "--dry-run", "--table=account"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("repair: would write 5 rows");
    assertThat(CliRun.run("", AdminArgs.of(db, "verify", "--table=account")).exitCode())
        .isEqualTo(ExitCodes.DIFFERENCES);
  }

  @Test
  void postgresAsAuthoritativeCopiesPostgresRowsToMysql(DatabasePair db) throws Exception {
    tamper(db);
    Result r =
        CliRun.run("", AdminArgs.of(db, "repair", "--authoritative=postgres", "--table=account"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).as(r.all()).contains("on MySQL from PostgreSQL");
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT balance FROM account WHERE id = 3), (SELECT COUNT(*) FROM account"
                    + " WHERE id IN (7, 20)), (SELECT name FROM account WHERE id = 500),"
                    + " (SELECT JSON_EXTRACT(prefs, '$.n') FROM account WHERE id = 3)")) {
      rs.next();
      assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("0");
      assertThat(rs.getLong(2)).isZero();
      assertThat(rs.getString(3)).isEqualTo("ghost");
      assertThat(rs.getString(4)).isEqualTo("-1");
    }
    Result verify = CliRun.run("", AdminArgs.of(db, "verify", "--table=account", "--show-values"));
    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void repairWhileTheApplicationKeepsWritingLeavesTheSidesEqual(DatabasePair db) throws Exception {
    tamper(db);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong writes = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread app =
        new Thread(
            () -> {
              try (Connection dw = DualWriteTestUrls.connect(db);
                  PreparedStatement up =
                      dw.prepareStatement(
                          "UPDATE account SET balance = balance + 1, name = CONCAT('w', id)"
                              + " WHERE id = ?")) {
                for (int i = 0; !stop.get(); i++) {
                  up.setLong(1, 1 + i % 20);
                  up.executeUpdate();
                  writes.incrementAndGet();
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    app.start();
    try {
      Result r = CliRun.run("", AdminArgs.of(db, "repair", "--chunk-size=3"));
      assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    } finally {
      stop.set(true);
      app.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(writes.get()).isPositive();
    Result verify = CliRun.run("", AdminArgs.of(db, "verify"));
    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void driftInTheControlStoreIsRepairedAndCleared(DatabasePair db) throws Exception {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate("UPDATE account SET balance = 0 WHERE id = 5");
      s.executeUpdate("UPDATE account SET balance = 0 WHERE id = 6");
    }
    try (ControlStore store = ControlStore.open(db.mysql().jdbcUrl(), db.mysql().properties());
        Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.executeUpdate(
          "INSERT INTO dualwrite_drift (table_name, row_key, first_seen_ms, last_seen_ms,"
              + " instance) VALUES ('account', '5', 1, 1, 'test')");
      assertThat(store.drift()).hasSize(1);
    }
    Result r = CliRun.run("", AdminArgs.of(db, "repair"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("account: 1 keys: 0 inserted, 1 updated")
        .contains("1 drift rows cleared")
        .contains("(keys from drift)");
    try (ControlStore store = ControlStore.open(db.mysql().jdbcUrl(), db.mysql().properties())) {
      assertThat(store.drift()).isEmpty();
    }
    // Only the drifted key was repaired; verify still sees the other change.
    Result verify = CliRun.run("", AdminArgs.of(db, "verify", "--table=account"));
    assertThat(verify.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(verify.out()).contains("changed: id=6").doesNotContain("id=5 ");
  }

  @Test
  void repairOfATableClearsItsDriftButKeysFromVerifyClearOnlyTheirOwn(
      DatabasePair db, @TempDir Path dir) throws Exception {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate("UPDATE account SET balance = 0 WHERE id IN (5, 6)");
    }
    Result verify = CliRun.run("", AdminArgs.of(db, "verify", "--json", "--table=account"));
    Path file = dir.resolve("verify.json");
    Files.writeString(file, verify.out());
    try (ControlStore store = ControlStore.open(db.mysql().jdbcUrl(), db.mysql().properties());
        Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.executeUpdate(
          "INSERT INTO dualwrite_drift (table_name, row_key, first_seen_ms, last_seen_ms,"
              + " instance) VALUES ('account', '5', 1, 1, 't'), ('account', '999', 1, 1, 't'),"
              + " ('order', '', 1, 1, 't')");
      assertThat(store.drift()).hasSize(3);
    }
    // Keys from verify: 5 and 6 repaired; drift of 5 cleared, 999 and the order table stay.
    Result fromFile = CliRun.run("", AdminArgs.of(db, "repair", "--keys-from-verify=" + file));
    assertThat(fromFile.exitCode()).as(fromFile.all()).isEqualTo(ExitCodes.OK);
    try (ControlStore store = ControlStore.open(db.mysql().jdbcUrl(), db.mysql().properties())) {
      assertThat(store.drift())
          .extracting(d -> d.table() + ":" + d.key())
          .containsExactlyInAnyOrder("account:999", "order:");
    }
    // A whole-table repair clears the table's drift.
    Result table = CliRun.run("", AdminArgs.of(db, "repair", "--table=order"));
    assertThat(table.exitCode()).as(table.all()).isEqualTo(ExitCodes.OK);
    try (ControlStore store = ControlStore.open(db.mysql().jdbcUrl(), db.mysql().properties())) {
      assertThat(store.drift())
          .extracting(d -> d.table() + ":" + d.key())
          .containsExactly("account:999");
    }
  }
}
