package io.dualwrite.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TcpProxy;
import io.dualwrite.testkit.TestDatabases;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes down in the middle of a DUAL_WRITE workload (a TCP proxy cuts every connection
 * and refuses new ones): the application sees no error, drift names the table and keys that were
 * missed, reads stop going to PostgreSQL, and after PostgreSQL is back the breaker closes and reads
 * return.
 */
@ExtendWith(TestDatabases.class)
class PostgresOutageIT {

  @Test
  void applicationKeepsWorkingAndDriftNamesWhatWasMissed(DatabasePair db) throws Exception {
    URI pg = URI.create(db.postgres().jdbcUrl().substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort())) {
      Properties props =
          DualWriteTestUrls.properties(
              db,
              "dualwrite.readPercent",
              "100",
              "dualwrite.postgres.url",
              "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getPath());
      List<Discrepancy> seen = new CopyOnWriteArrayList<>();
      try (Connection c = java.sql.DriverManager.getConnection(DualWriteTestUrls.url(db), props)) {
        DualWriteConnection dw = c.unwrap(DualWriteConnection.class);
        dw.discrepancyRecorder().addSink(seen::add);
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(20))");
          s.execute("CREATE TABLE marker (id INT PRIMARY KEY, side VARCHAR(10))");
        }
        markSides(db);
        assertThat(side(c)).isEqualTo("postgres");

        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO orders (item) VALUES (?)")) {
          for (int i = 1; i <= 40; i++) {
            if (i == 21) {
              proxy.down();
            }
            insert.setString(1, "item " + i);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            if (i > 20) {
              assertThat(side(c)).as("reads while PostgreSQL is down").isEqualTo("mysql");
            }
          }
        }
        assertThat(count(c, "orders")).isEqualTo(40);
        assertThat(dw.drift().snapshot()).containsKey("orders");
        assertThat(dw.drift().snapshot().get("orders")).contains("21", "40");
        assertThat(seen)
            .extracting(Discrepancy::kind)
            .contains(DiscrepancyKind.MIRROR_SKIPPED)
            .doesNotContain(DiscrepancyKind.READ_MISMATCH);

        proxy.up();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!side(c).equals("postgres") && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertThat(side(c)).as("reads return once the breaker closes").isEqualTo("postgres");
        // The drifted table is still read from MySQL until it is repaired.
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(40);
        }
      }
    }
  }

  private static void markSides(DatabasePair db) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute("INSERT INTO marker VALUES (1, 'mysql')");
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("INSERT INTO marker VALUES (1, 'postgres')");
    }
  }

  private static String side(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT side FROM marker WHERE id = 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static int count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
