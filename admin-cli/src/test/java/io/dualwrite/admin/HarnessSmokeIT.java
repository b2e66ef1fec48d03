package io.dualwrite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin tool's tests get their own empty databases, separate from other modules' tests. */
@ExtendWith(TestDatabases.class)
class HarnessSmokeIT {

  @Test
  void freshDatabasesStartEmptyAndSeeTheirOwnTables(DatabasePair db) throws SQLException {
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      assertThat(tableCount(mysql, db.name(), null)).isZero();
      assertThat(tableCount(pg, null, "public")).isZero();
      try (Statement s = mysql.createStatement()) {
        s.execute("CREATE TABLE family (id BIGINT PRIMARY KEY)");
      }
      try (Statement s = pg.createStatement()) {
        s.execute("CREATE TABLE family (id BIGINT PRIMARY KEY)");
      }
      assertThat(tableCount(mysql, db.name(), null)).isEqualTo(1);
      assertThat(tableCount(pg, null, "public")).isEqualTo(1);
    }
  }

  private static int tableCount(Connection c, String catalog, String schema) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    int n = 0;
    try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }
}
