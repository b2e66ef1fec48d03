package io.dualwrite.driver.exposure;

import static io.dualwrite.driver.testing.Workloads.execute;
import static io.dualwrite.driver.testing.Workloads.longValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.DualWriteDataSource;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, item 5: the application cannot steer the fleet through its own connections. Each
 * statement of the issue (and a few disguises) is refused with SQLState 42501 before it runs on
 * either side, and recorded; the store is unchanged. And the stronger boundary the docs recommend:
 * a control store in its own database under its own user, whose tables the application's database
 * user cannot write even with a plain Connector/J connection.
 */
@ExtendWith(TestDatabases.class)
class ControlTableGuardIT {
  private static ExposureFixture fx;

  @BeforeAll
  static void start(DatabasePair db) throws SQLException {
    fx = new ExposureFixture(db, "guard-" + System.nanoTime());
    try (Connection c = fx.connect()) {
      execute(c, "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(80))");
    }
  }

  @AfterAll
  static void close() {
    if (fx != null) {
      fx.close();
    }
  }

  private static long flagsVersion() throws SQLException {
    try (Connection mysql = fx.db.openMysql()) {
      return longValue(mysql, "SELECT version FROM dualwrite_flags WHERE id = 1");
    }
  }

  @Test
  void theIssuesStatementsAreRefusedAndRecordedAndTheStoreIsUnchanged() throws Exception {
    long version = flagsVersion();
    String db = fx.db.name();
    List<String> attempts =
        List.of(
            "UPDATE dualwrite_flags SET phase='MYSQL_ONLY', version=version+1",
            "DELETE FROM dualwrite_drift",
            "DROP TABLE dualwrite_instances",
            "update `DUALWRITE_FLAGS` set read_percent = 100",
            "UPDATE " + db + ".dualwrite_flags SET read_percent = 100",
            "/*!50000 UPDATE dualwrite_flags SET read_percent = 100 */",
            "PREPARE s FROM 'DELETE FROM dualwrite_drift'",
            "SET @q = 'DELETE FROM dualwrite_drift'",
            "TRUNCATE TABLE dualwrite_discrepancies",
            "RENAME TABLE dualwrite_flags TO old_flags",
            "CREATE VIEW v_flags AS SELECT * FROM dualwrite_flags",
            "LOCK TABLES dualwrite_flags WRITE",
            "SELECT * FROM dualwrite_flags FOR UPDATE",
            "SELECT phase FROM dualwrite_flags",
            "INSERT INTO notes SELECT id, phase FROM dualwrite_flags");
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      for (String sql : attempts) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("control table")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
      assertThatThrownBy(
              () -> c.prepareStatement("DELETE FROM dualwrite_drift WHERE 1 = ?").executeUpdate())
          .hasMessageContaining("control table");
    }
    assertThat(flagsVersion()).as("flags untouched").isEqualTo(version);
    try (Connection mysql = fx.db.openMysql()) {
      assertThat(
              longValue(
                  mysql,
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                      + " AND table_name IN ('dualwrite_instances', 'dualwrite_flags', 'v_flags',"
                      + " 'old_flags')"))
          .as("no table dropped, renamed or viewed")
          .isEqualTo(2);
    }
    fx.awaitRecord("CONTROL_TABLE_REFUSED", "dualwrite_flags");
    fx.awaitRecord("CONTROL_TABLE_REFUSED", "dualwrite_drift");
    fx.awaitRecord("CONTROL_TABLE_REFUSED", "dualwrite_instances");
  }

  @Test
  void theNamesAsDataOrAsPartOfOtherNamesAreNotRefused() throws Exception {
    try (Connection c = fx.connect();
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO notes VALUES (1, 'see dualwrite_flags')")).isOne();
      assertThat(s.executeUpdate("UPDATE notes SET body = 'dualwrite_drift' WHERE id = 1")).isOne();
      s.executeUpdate("CREATE TABLE my_dualwrite_flags (id INT PRIMARY KEY)");
      assertThat(s.executeUpdate("INSERT INTO my_dualwrite_flags VALUES (1)")).isOne();
    }
  }

  /**
   * The store in its own schema under its own user ({@code dualwrite.control} = a URL with {@code
   * user=}); the application's database user has no privilege there, with or without the driver. On
   * PostgreSQL: the embedded MariaDB runs with {@code --skip-grant-tables} and cannot have users,
   * so the MySQL form of docs/control-store.md is not exercised here.
   */
  @Test
  void aControlStoreUnderItsOwnUserCannotBeWrittenByTheApplicationsUser() throws Exception {
    DatabasePair db = fx.db;
    String n = Long.toString(System.nanoTime());
    String ctlUser = "dw_ctl_" + n;
    String appUser = "dw_app_" + n;
    String schema = "dw_control_" + n;
    try (Connection pg = db.openPostgres()) {
      execute(
          pg,
          "CREATE ROLE " + ctlUser + " LOGIN PASSWORD 'Ctl-Pw-1'",
          "CREATE ROLE " + appUser + " LOGIN PASSWORD 'App-Pw-1'",
          "CREATE SCHEMA " + schema + " AUTHORIZATION " + ctlUser,
          "REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC");
    }
    String pgUrl = db.postgres().jdbcUrl();
    String controlUrl =
        pgUrl
            + (pgUrl.contains("?") ? "&" : "?")
            + "currentSchema="
            + schema
            + "&user="
            + ctlUser
            + "&password=Ctl-Pw-1";
    DualWriteDataSource ds = new DualWriteDataSource();
    try {
      ds.setUrl(DualWriteTestUrls.url(db));
      Properties p =
          DualWriteTestUrls.properties(
              db,
              "dualwrite.control",
              controlUrl,
              "dualwrite.instance",
              "own-user-" + n,
              "dualwrite.refreshMillis",
              "200");
      p.stringPropertyNames().forEach(k -> ds.setProperty(k, p.getProperty(k)));
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        assertThat(s.executeUpdate("INSERT INTO notes VALUES (50, 'own store')")).isOne();
        assertThatThrownBy(
                () -> s.executeUpdate("UPDATE " + schema + ".dualwrite_flags SET read_percent = 1"))
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
      assertThat(ds.toString()).doesNotContain("Ctl-Pw-1");
    } finally {
      ds.close();
    }
    try (Connection pg = db.openPostgres()) {
      assertThat(
              longValue(
                  pg,
                  "SELECT COUNT(*) FROM "
                      + schema
                      + ".dualwrite_flags f JOIN pg_tables t ON t.tablename = 'dualwrite_flags'"
                      + " AND t.schemaname = '"
                      + schema
                      + "' AND t.tableowner = '"
                      + ctlUser
                      + "' WHERE f.id = 1"))
          .as("the store's tables were created by, and belong to, its own user")
          .isOne();
    }
    // Without the driver in the way, the application's user cannot touch the store either.
    Properties app = new Properties();
    app.setProperty("user", appUser);
    app.setProperty("password", "App-Pw-1");
    try (Connection raw = DriverManager.getConnection(pgUrl, app);
        Statement s = raw.createStatement()) {
      for (String sql :
          new String[] {
            "UPDATE " + schema + ".dualwrite_flags SET phase = 'MYSQL_ONLY'",
            "DELETE FROM " + schema + ".dualwrite_drift",
            "DROP TABLE " + schema + ".dualwrite_instances",
            "SELECT * FROM " + schema + ".dualwrite_flags"
          }) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
    }
    try (Connection pg = db.openPostgres()) {
      execute(
          pg, "DROP SCHEMA " + schema + " CASCADE", "DROP ROLE " + ctlUser, "DROP ROLE " + appUser);
    }
    fx.assertNowhere("Ctl-Pw-1", "App-Pw-1");
  }
}
