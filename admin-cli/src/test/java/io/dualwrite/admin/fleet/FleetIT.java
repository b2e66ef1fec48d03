package io.dualwrite.admin.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * status, set-*, discrepancies against the control store of a live driver instance ({@code
 * dualwrite.control=primary}, heartbeats every 200 ms). The steps build on each other.
 */
@ExtendWith(TestDatabases.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {
  private static Connection app;

  private static void startInstance(DatabasePair db) throws SQLException {
    if (app == null) {
      app =
          DualWriteTestUrls.connect(
              db,
              "dualwrite.control",
              "primary",
              "dualwrite.refreshMillis",
              "200",
              "dualwrite.instance",
              "app-1");
      try (Statement s = app.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS item (id INT PRIMARY KEY, name VARCHAR(20))");
      }
    }
  }

  private static Result run(DatabasePair db, String... args) {
    // The control store is the MySQL database: no --control-url needed.
    return CliRun.run(
        "",
        AdminArgs.of(db, args[0], List.of(args).subList(1, args.length).toArray(String[]::new)));
  }

  @Test
  @Order(1)
  void setReadPercentWaitsUntilTheLiveInstanceAppliedIt(DatabasePair db) throws Exception {
    startInstance(db);
    Result r = run(db, "set-read-percent", "30");
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("phase DUAL_WRITE, reads 30% from PostgreSQL, compare 0%")
        .contains("applied by all 1 live instances");

    Result status = run(db, "status", "--json");
    assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCodes.OK);
    Map<String, Object> doc = MiniJson.object(status.out());
    @SuppressWarnings("unchecked")
    Map<String, Object> flags = (Map<String, Object>) doc.get("flags");
    assertThat(flags.get("readPercent")).isEqualTo(30L);
    @SuppressWarnings("unchecked")
    Map<String, Object> instance = ((List<Map<String, Object>>) doc.get("instances")).get(0);
    assertThat(instance.get("instance")).isEqualTo("app-1");
    assertThat(instance.get("appliedVersion")).isEqualTo(flags.get("version"));
    assertThat(instance.get("readPercent")).isEqualTo(30L);
    assertThat(instance.get("behind")).isEqualTo(false);
    assertThat(instance.get("stale")).isEqualTo(false);
  }

  @Test
  @Order(2)
  void setPhaseForwardIsRefusedWhileDiscrepanciesAreOpenButBackIsAllowed(DatabasePair db)
      throws Exception {
    startInstance(db);
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      long now = System.currentTimeMillis() + 1000;
      s.executeUpdate(
          "INSERT INTO dualwrite_discrepancies (first_seen_ms, last_seen_ms, instance, kind,"
              + " fingerprint, occurrences, sql_text, detail, table_names, row_keys) VALUES ("
              + now
              + ", "
              + now
              + ", 'app-1', 'READ_MISMATCH', 'fp1', 3, 'SELECT name FROM item WHERE id = ?',"
              + " 'row 1 differs in column name', '[\"item\"]', '[]')");
    }
    Result refused = run(db, "set-phase", "PG_PRIMARY");
    assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(refused.err())
        .contains("refusing to move forward from DUAL_WRITE to PG_PRIMARY")
        .contains("3 discrepancies");

    Result back = run(db, "set-phase", "MYSQL_ONLY");
    assertThat(back.exitCode()).as(back.all()).isEqualTo(ExitCodes.OK);
    assertThat(back.out()).contains("phase MYSQL_ONLY").contains("applied by all 1 live");

    Result forced = run(db, "set-phase", "DUAL_WRITE", "--force");
    assertThat(forced.exitCode()).as(forced.all()).isEqualTo(ExitCodes.OK);

    Result list = run(db, "discrepancies");
    assertThat(list.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(list.out())
        .contains("app-1  READ_MISMATCH x3  fp1")
        .contains("detail: row 1 differs in column name")
        .contains("discrepancies: 1 records");
    Result summary = run(db, "discrepancies", "--summary", "--json");
    assertThat(summary.outLines()).hasSize(1);
    assertThat(MiniJson.object(summary.outLines().get(0)).get("occurrences")).isEqualTo(3L);
    Result future = run(db, "discrepancies", "--since=2999-01-01T00:00:00Z");
    assertThat(future.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(future.out()).contains("discrepancies: none");
  }

  @Test
  @Order(3)
  void aLiveInstanceThatDoesNotApplyTheVersionTimesOutAndStandsOut(DatabasePair db)
      throws Exception {
    startInstance(db);
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      long now = System.currentTimeMillis();
      s.executeUpdate(
          "INSERT INTO dualwrite_instances (instance, started_at_ms, last_seen_ms,"
              + " refresh_millis, applied_version, phase, read_percent, compare_percent,"
              + " mysql_breaker, postgres_breaker, mirror_health, discrepancies,"
              + " discrepancies_dropped, drift_tables, control_outages) VALUES ('stuck', "
              + now
              + ", "
              + now
              + ", 600000, 1, 'DUAL_WRITE', 0, 0, 'CLOSED', 'CLOSED', 'CLOSED', 0, 0, 0, 0)");
    }
    Result r = run(db, "set-compare-percent", "50", "--timeout=1");
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out()).contains("timed out").contains("1 of 2 live instances").contains("stuck");

    Result status = run(db, "status");
    assertThat(status.out())
        .contains("compare 50%")
        .containsPattern("(?m)^  ! stuck  version 1 \\(behind\\)")
        .containsPattern("(?m)^    app-1  version \\d+  DUAL_WRITE read 30% compare 50%");

    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.executeUpdate(
          "UPDATE dualwrite_instances SET last_seen_ms = last_seen_ms - 3600000,"
              + " refresh_millis = 1000 WHERE instance = 'stuck'");
    }
    Result stale = run(db, "status", "--json");
    assertThat(stale.out()).contains("\"instance\":\"stuck\"");
    assertThat(stale.out()).containsPattern("\"instance\":\"stuck\"[^}]*\"stale\":true");
    // A stale instance does not hold up a change.
    Result now = run(db, "set-compare-percent", "0", "--timeout=10");
    assertThat(now.exitCode()).as(now.all()).isEqualTo(ExitCodes.OK);
  }

  @Test
  @Order(4)
  void badPercentIsBadUsage(DatabasePair db) {
    Result r = run(db, "set-read-percent", "101");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("0 to 100");
  }
}
