package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
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
 * accents and case ignored, and the comparison with MySQL's answer records nothing.
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
    // an instance name of its own: a runtime of its own, which asks PostgreSQL afresh
    try (Connection c =
            DualWriteTestUrls.connect(
                db,
                "dualwrite.instance",
                "collations-it",
                "dualwrite.readPercent",
                "100",
                "dualwrite.comparePercent",
                "100");
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
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
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, "accented", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      // the runtimes of the tests after this one learn PostgreSQL as they would have found it
      s.execute("DROP COLLATION IF EXISTS " + Collations.AI_CI);
    }
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
