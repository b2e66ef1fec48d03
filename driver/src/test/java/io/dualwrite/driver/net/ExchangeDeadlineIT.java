package io.dualwrite.driver.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.runtime.VendorDrivers;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both vendor drivers, opened as dualwrite opens a side, on a reply the server sends in pieces:
 * four rows of 40 kB, one every 0.7 s (each fills the server's send buffer, so it leaves as it is
 * made). With a 1 s network timeout, a plain socket reads them all (no piece is 1 s late); with the
 * side's deadline enforced, the statement fails after 1 s, and the connection says why.
 */
@ExtendWith(TestDatabases.class)
class ExchangeDeadlineIT {
  private static final int TIMEOUT_MILLIS = 1000;

  private static final String POSTGRES_PIECES =
      "SELECT pg_sleep(0.7), repeat('x', 40000) FROM generate_series(1, 4)";

  private static final String MYSQL_PIECES =
      "SELECT SLEEP(0.7), REPEAT('x', 40000) FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL"
          + " SELECT 3 UNION ALL SELECT 4) AS t";

  @Test
  void postgresAsTheOtherSideFailsAReplyInPiecesAtTheDeadline(DatabasePair db) throws Exception {
    ExchangeDeadline deadline = new ExchangeDeadline(true);
    try (Connection c = openPostgres(db, deadline)) {
      assertFailsAtTheDeadline(c, POSTGRES_PIECES);
    }
  }

  @Test
  void mysqlAsTheOtherSideFailsAReplyInPiecesAtTheDeadline(DatabasePair db) throws Exception {
    ExchangeDeadline deadline = new ExchangeDeadline(true);
    try (Connection c = openMysql(db, deadline)) {
      assertFailsAtTheDeadline(c, MYSQL_PIECES);
    }
  }

  @Test
  void theAuthoritativeSideKeepsATimeoutPerRead(DatabasePair db) throws Exception {
    ExchangeDeadline pg = new ExchangeDeadline(false);
    try (Connection c = openPostgres(db, pg)) {
      assertReadsAllPieces(c, POSTGRES_PIECES);
      pg.enforce(true); // the side's role changed at a transaction boundary
      assertFailsAtTheDeadline(c, POSTGRES_PIECES);
    }
    ExchangeDeadline mysql = new ExchangeDeadline(false);
    try (Connection c = openMysql(db, mysql)) {
      assertReadsAllPieces(c, MYSQL_PIECES);
    }
  }

  private static Connection openPostgres(DatabasePair db, ExchangeDeadline deadline)
      throws SQLException {
    Properties p = db.postgres().properties();
    Connection c = new VendorDrivers().openPostgres(db.postgres().jdbcUrl(), p, deadline);
    c.setNetworkTimeout(Runnable::run, TIMEOUT_MILLIS);
    return c;
  }

  private static Connection openMysql(DatabasePair db, ExchangeDeadline deadline)
      throws SQLException {
    Properties p = db.mysql().properties();
    Connection c = new VendorDrivers().openMysql(db.mysql().jdbcUrl(), p, deadline);
    c.setNetworkTimeout(Runnable::run, TIMEOUT_MILLIS);
    return c;
  }

  private static void assertReadsAllPieces(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      assertThat(rows).isEqualTo(4);
    }
  }

  private static void assertFailsAtTheDeadline(Connection c, String sql) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> assertReadsAllPieces(c, sql))
        .isInstanceOf(SQLException.class)
        .satisfies(
            e -> {
              Throwable t = e;
              while (t != null && !(t instanceof SocketTimeoutException)) {
                t = t.getCause();
              }
              assertThat(t)
                  .as("the cause: the deadline")
                  .isNotNull()
                  .hasMessageContaining("no complete reply within " + TIMEOUT_MILLIS + " ms");
            });
    // the whole reply takes 2.8 s; the deadline ends it after 1 s (bounded generously)
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2500);
  }
}
