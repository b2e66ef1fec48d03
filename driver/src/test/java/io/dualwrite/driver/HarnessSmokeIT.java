package io.dualwrite.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Both vendor drivers the dualwrite driver wraps reach their test database. */
@ExtendWith(TestDatabases.class)
class HarnessSmokeIT {

  @Test
  void bothVendorDriversWriteAndReadTheirOwnDatabase(DatabasePair db) throws SQLException {
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      assertThat(mysql.getMetaData().getDatabaseProductName()).isIn("MySQL", "MariaDB");
      assertThat(pg.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      for (Connection c : new Connection[] {mysql, pg}) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE chore (id INT PRIMARY KEY, done BOOLEAN NOT NULL)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO chore VALUES (?, ?)")) {
          for (int id = 1; id <= 3; id++) {
            insert.setInt(1, id);
            insert.setBoolean(2, id % 2 == 0);
            insert.addBatch();
          }
          assertThat(insert.executeBatch()).hasSize(3);
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM chore WHERE done")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
      }
    }
  }
}
