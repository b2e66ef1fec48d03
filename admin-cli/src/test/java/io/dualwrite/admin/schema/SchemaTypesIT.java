package io.dualwrite.admin.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.dualwrite.testkit.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code schema} on a schema built to be awkward: a foreign key cycle of three tables, composite
 * primary and foreign keys, views on views, JSON, DECIMAL, DATETIME(6), ENUM, BLOB, BINARY, BIGINT
 * UNSIGNED generated ids, and a table the rewriter refuses (a generated column) with a view that
 * reads it.
 */
@ExtendWith(TestDatabases.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaTypesIT {

  @BeforeAll
  static void createOnMysql(DatabasePair db) throws SQLException {
    try (Connection my = db.openMysql();
        Statement s = my.createStatement()) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      s.execute(
          "CREATE TABLE a (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " c_id BIGINT UNSIGNED NULL, CONSTRAINT a_c FOREIGN KEY (c_id) REFERENCES c (id))");
      s.execute(
          "CREATE TABLE b (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " a_id BIGINT UNSIGNED NULL, CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES a (id)"
              + " ON DELETE SET NULL)");
      s.execute(
          "CREATE TABLE c (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " b_id BIGINT UNSIGNED NULL, CONSTRAINT c_b FOREIGN KEY (b_id) REFERENCES b (id)"
              + " ON DELETE CASCADE)");
      s.execute("SET FOREIGN_KEY_CHECKS = 1");
      s.execute(
          "CREATE TABLE orders (region CHAR(2) NOT NULL, num INT NOT NULL,"
              + " placed DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
              + " total DECIMAL(12,2) NOT NULL DEFAULT 0.00, status ENUM('new','paid','void') NOT"
              + " NULL DEFAULT 'new', doc JSON NULL, receipt BLOB NULL, token BINARY(16) NULL,"
              + " hash VARBINARY(32) NULL, flags BIT(8) NOT NULL DEFAULT b'101',"
              + " PRIMARY KEY (region, num), KEY placed_idx (placed),"
              + " UNIQUE KEY token_uk (token)) AUTO_INCREMENT=1");
      s.execute(
          "CREATE TABLE order_line (region CHAR(2) NOT NULL, num INT NOT NULL, line SMALLINT NOT"
              + " NULL, qty INT UNSIGNED NOT NULL, PRIMARY KEY (region, num, line), CONSTRAINT"
              + " line_order FOREIGN KEY (region, num) REFERENCES orders (region, num) ON DELETE"
              + " CASCADE)");
      s.execute(
          "CREATE TABLE computed (id INT NOT NULL PRIMARY KEY, twice INT AS (id * 2) VIRTUAL)");
      s.execute(
          "CREATE VIEW v_base AS SELECT region, num, total FROM orders WHERE status <> 'void'");
      s.execute(
          "CREATE VIEW v_mid AS SELECT region, SUM(total) AS total FROM v_base GROUP BY region");
      s.execute("CREATE VIEW v_top AS SELECT region FROM v_mid WHERE total > 100");
      s.execute("CREATE VIEW v_computed AS SELECT id, twice FROM computed");
      s.execute("INSERT INTO a (id) VALUES (41)");
    }
  }

  @Test
  @Order(1)
  void createsWhatTranslatesReportsTheRefusalAndExitsOne(DatabasePair db) throws SQLException {
    Result r = CliRun.run("", AdminArgs.of(db, "schema"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out())
        .contains("REFUSED table computed: The column option GENERATED on twice is not supported.")
        .contains("REFUSED view v_computed: needs computed, which is not created")
        .contains("created: foreign key a_c on a")
        .contains("created: foreign key b_a on b")
        .contains("created: foreign key c_b on c")
        .contains("created: foreign key line_order on order_line")
        .contains("created: view v_top")
        .contains("2 refused, 0 failed");
    if (TestServers.get().isMariaDb()) {
      // MariaDB 10.11's default collation is utf8mb4_general_ci: no column needs the collation
      assertThat(r.out()).doesNotContain("collation dualwrite_ai_ci");
    } else {
      // MySQL's default utf8mb4_0900_ai_ci columns sort and compare under it
      assertThat(r.out())
          .containsAnyOf(
              "created: collation dualwrite_ai_ci (", "exists: collation dualwrite_ai_ci (");
      try (Connection pg = db.openPostgres();
          Statement s = pg.createStatement();
          ResultSet rs = s.executeQuery("SELECT ('Müller' COLLATE dualwrite_ai_ci) = 'MULLER'")) {
        rs.next();
        assertThat(rs.getBoolean(1)).isTrue();
      }
      // the primary key's case- and accent-insensitive twin is under it, as queries compare
      try (Connection pg = db.openPostgres();
          Statement s = pg.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT indexdef FROM pg_indexes WHERE indexname = 'orders_primary_ci'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).contains("(region COLLATE dualwrite_ai_ci, num)");
      }
    }
    assertThat(r.out().indexOf("created: view v_base"))
        .isLessThan(r.out().indexOf("created: view v_mid"));
    assertThat(r.out().indexOf("created: view v_mid"))
        .isLessThan(r.out().indexOf("created: view v_top"));
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name ="
                    + " 'orders' ORDER BY ordinal_position")) {
      StringBuilder cols = new StringBuilder();
      while (rs.next()) {
        cols.append(rs.getString(1)).append(' ').append(rs.getString(2)).append("; ");
      }
      assertThat(cols.toString())
          .contains("placed timestamp without time zone")
          .contains("total numeric")
          .contains("doc jsonb")
          .contains("receipt bytea")
          .contains("token bytea");
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      // the cycle's keys hold, and a's identity starts past MySQL's row 41
      s.execute("INSERT INTO a (c_id) VALUES (NULL)");
      try (ResultSet rs = s.executeQuery("SELECT max(id) FROM a")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(42);
      }
      s.execute("INSERT INTO orders (region, num, total, status) VALUES ('eu', 1, 150, 'paid')");
      try (ResultSet rs = s.executeQuery("SELECT region FROM v_top")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("eu");
      }
      s.execute("DELETE FROM orders");
    }
  }

  @Test
  @Order(2)
  void checkNamesOnlyTheRefusedObjects(DatabasePair db) {
    Result check = CliRun.run("", AdminArgs.of(db, "schema", "--check"));
    assertThat(check.exitCode()).as(check.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(check.outLines())
        .anySatisfy(l -> assertThat(l).startsWith("table computed: refused: "))
        .anySatisfy(l -> assertThat(l).startsWith("view v_computed: not compared: needs computed"))
        .hasSize(3);
    Result one = CliRun.run("", AdminArgs.of(db, "schema", "--check", "--table=v_top"));
    assertThat(one.exitCode()).as(one.all()).isEqualTo(ExitCodes.OK);
    assertThat(one.out()).contains("4 tables and views compared: equal");
  }

  @Test
  @Order(3)
  void aColumnAndAViewChangedOnPostgresAreDifferences(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("ALTER TABLE orders ALTER COLUMN total DROP DEFAULT");
      s.execute("ALTER TABLE orders ALTER COLUMN doc SET NOT NULL");
      s.execute("CREATE OR REPLACE VIEW v_top AS SELECT region FROM v_mid WHERE total > 200");
      s.execute("CREATE TABLE stray (x int)");
    }
    Result check = CliRun.run("", AdminArgs.of(db, "schema", "--check"));
    assertThat(check.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(check.out())
        .contains("column orders.total: default (expected 0.00, found none)")
        .contains("column orders.doc: nullability (expected NULL, found NOT NULL)")
        .contains("view v_top: definition")
        .contains("table stray: exists only on PostgreSQL");
  }
}
