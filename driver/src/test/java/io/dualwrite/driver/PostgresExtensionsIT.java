package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver learns PostgreSQL's extensions before it translates: with pgcrypto installed, SHA1 (a
 * function PostgreSQL has only through it) is translated, so a write that uses it is mirrored and a
 * read that uses it is served and compared, with nothing recorded.
 */
@ExtendWith(TestDatabases.class)
class PostgresExtensionsIT {
  @Test
  void sha1IsTranslatedWhenPgcryptoIsInstalled(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM pg_available_extensions WHERE name = 'pgcrypto'")) {
        rs.next();
        assumeThat(rs.getInt(1)).as("pgcrypto is available on the test server").isOne();
      }
      s.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
    }
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.executeQuery("SELECT SHA1('a')").close();
    } catch (SQLException e) {
      assumeThat(e.getMessage()).as("the MySQL-side server has SHA1 (MySQL 9.7 has not)").isNull();
    }
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    // an instance of its own: a runtime of its own, which asks PostgreSQL afresh
    try (Connection c = DualWriteTestUrls.servingEveryRead(db, "extensions-it", seen);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS hashed");
      s.execute("CREATE TABLE hashed (id INT PRIMARY KEY, name VARCHAR(20), digest CHAR(40))");
      s.executeUpdate("INSERT INTO hashed (id, name) VALUES (1, 'alice'), (2, NULL)");
      assertThat(s.executeUpdate("UPDATE hashed SET digest = SHA1(name)")).isEqualTo(2);
      try (ResultSet rs = s.executeQuery("SELECT SHA1(name) FROM hashed WHERE id = 1")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("522b276a356bdf39013dfabea2cd43e141ecc9e8");
      }
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, "hashed", "id");
  }
}
