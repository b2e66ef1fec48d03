package io.dualwrite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded servers the real-database benchmarks use start and answer from this module. */
@ExtendWith(TestDatabases.class)
class HarnessSmokeIT {

  @Test
  void pointSelectAnswersOnBothServers(DatabasePair db) throws SQLException {
    for (Connection c : new Connection[] {db.openMysql(), db.openPostgres()}) {
      try (c;
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kv (k INT PRIMARY KEY, v VARCHAR(10))");
        s.execute("INSERT INTO kv VALUES (42, 'answer')");
        try (ResultSet rs = s.executeQuery("SELECT v FROM kv WHERE k = 42")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("answer");
        }
      }
    }
  }
}
