package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rewriter's tests can run one statement on each side over the same data and compare. */
@ExtendWith(TestDatabases.class)
class HarnessSmokeIT {

  @Test
  void sameDataGivesSameRowsOnBothSides(DatabasePair db) throws SQLException {
    List<String> mysql =
        runAndRead(
            db.openMysql(),
            "CREATE TABLE film (id INT PRIMARY KEY, title VARCHAR(50), rate DECIMAL(4,2))",
            "INSERT INTO film VALUES (1, 'ACADEMY DINOSAUR', 0.99), (2, 'ACE GOLDFINGER', 4.99)",
            "SELECT id, title, rate FROM film ORDER BY id");
    List<String> postgres =
        runAndRead(
            db.openPostgres(),
            "CREATE TABLE film (id INT PRIMARY KEY, title VARCHAR(50), rate NUMERIC(4,2))",
            "INSERT INTO film VALUES (1, 'ACADEMY DINOSAUR', 0.99), (2, 'ACE GOLDFINGER', 4.99)",
            "SELECT id, title, rate FROM film ORDER BY id");
    assertThat(mysql).containsExactly("1|ACADEMY DINOSAUR|0.99", "2|ACE GOLDFINGER|4.99");
    assertThat(postgres).isEqualTo(mysql);
  }

  private static List<String> runAndRead(Connection connection, String... sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (connection;
        Statement s = connection.createStatement()) {
      for (int i = 0; i < sql.length - 1; i++) {
        s.execute(sql[i]);
      }
      try (ResultSet rs = s.executeQuery(sql[sql.length - 1])) {
        while (rs.next()) {
          rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3));
        }
      }
    }
    return rows;
  }
}
