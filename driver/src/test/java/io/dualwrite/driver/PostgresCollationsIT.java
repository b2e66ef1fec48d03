package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.rewriter.Collations;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.dualwrite.testkit.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver learns whether PostgreSQL has the ICU collation {@code dualwrite_ai_ci}: with it, a
 * read served by PostgreSQL sorts and compares a {@code utf8mb4_0900_ai_ci} column as MySQL does,
 * accents and case ignored, and the comparison with MySQL's answer records nothing; and which
 * collation makes its upper()/lower() change the case of every letter.
 */
@ExtendWith(TestDatabases.class)
class PostgresCollationsIT {
  @Test
  void anAccentInsensitiveColumnSortsAndComparesAsInMysql(DatabasePair db) throws SQLException {
    assumeThat(TestServers.get().isMariaDb())
        .as("utf8mb4_0900_ai_ci is MySQL's (MariaDB 10.11's default is utf8mb4_general_ci)")
        .isFalse();
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute(Collations.CREATE_AI_CI);
    }
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    // an instance of its own: a runtime of its own, which asks PostgreSQL afresh
    try (Connection c = DualWriteTestUrls.servingEveryRead(db, "collations-it", seen);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS accented");
      s.execute(
          "CREATE TABLE accented (id INT PRIMARY KEY, name VARCHAR(20))"
              + " COLLATE utf8mb4_0900_ai_ci");
      s.executeUpdate(
          "INSERT INTO accented VALUES (1, 'Oliver'), (2, 'Ömer'), (3, 'zoe'), (4, 'Müller'),"
              + " (5, 'Muller'), (6, 'Pia')");
      assertThat(ids(s, "SELECT id FROM accented ORDER BY name, id"))
          .containsExactly(4, 5, 1, 2, 6, 3);
      assertThat(ids(s, "SELECT id FROM accented WHERE name = 'MULLER' ORDER BY id"))
          .containsExactly(4, 5);
      assertThat(ids(s, "SELECT COUNT(*) FROM accented GROUP BY name ORDER BY MIN(id)"))
          .containsExactly(1, 1, 1, 2, 1);
      // a unique key of the database's default collation (created through the driver, naming
      // none) ignores accents on PostgreSQL too
      s.execute("DROP TABLE IF EXISTS logins");
      s.execute(
          "CREATE TABLE logins (id INT PRIMARY KEY, login VARCHAR(20), UNIQUE KEY uq (login))");
      assertThat(s.executeUpdate("INSERT IGNORE INTO logins VALUES (1, 'Müller'), (2, 'muller')"))
          .isEqualTo(1);
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, "accented", "id");
    assertSameRows(db, "logins", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'logins_uq'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).endsWith("(login COLLATE dualwrite_ai_ci)");
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      // the runtimes of the tests after this one learn PostgreSQL as they would have found it
      // (with the logins key made under it)
      s.execute("DROP COLLATION IF EXISTS " + Collations.AI_CI + " CASCADE");
    }
  }

  /**
   * The test PostgreSQL's lc_ctype is C, whose upper() changes ASCII letters only: the driver
   * learns to run UPPER/LOWER under C.utf8, so a mirrored write and a served read change every
   * letter's case as MySQL does.
   */
  @Test
  void upperAndLowerChangeEveryLettersCase(DatabasePair db) throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    // an instance of its own: a runtime of its own, which asks PostgreSQL afresh
    try (Connection c = DualWriteTestUrls.servingEveryRead(db, "case-mapping-it", seen);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS cased");
      s.execute("CREATE TABLE cased (id INT PRIMARY KEY, name VARCHAR(20))");
      s.executeUpdate("INSERT INTO cased VALUES (1, 'Müller'), (2, 'Ømer Ålund'), (3, 'straße')");
      s.executeUpdate("UPDATE cased SET name = UPPER(name) WHERE id < 3");
      try (ResultSet rs =
          s.executeQuery("SELECT LOWER(name), UPPER(name) FROM cased ORDER BY id")) {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
          values.add(rs.getString(1) + "/" + rs.getString(2));
        }
        assertThat(values)
            .containsExactly("müller/MÜLLER", "ømer ålund/ØMER ÅLUND", "straße/STRAßE");
      }
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, "cased", "id");
  }

  private static List<Integer> ids(Statement s, String sql) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }
}
