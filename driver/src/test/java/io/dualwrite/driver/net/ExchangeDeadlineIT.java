package io.dualwrite.driver.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.protocol.StandardSocketFactory;
import io.dualwrite.driver.runtime.VendorDrivers;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
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

  /**
   * An application that chose its own {@code socketFactory} keeps it on either side, whether it is
   * in the properties or in the URL: dualwrite's deadline then does not apply to that side.
   * (Connector/J lets the properties override the URL's query, so dualwrite must look at both.)
   */
  @Test
  void anApplicationsOwnSocketFactoryIsKept(DatabasePair db) throws Exception {
    VendorDrivers vendors = new VendorDrivers();
    ExchangeDeadline deadline = new ExchangeDeadline(true);
    String mysqlFactory = CountingMysqlSocketFactory.class.getName();
    String postgresFactory = CountingPostgresSocketFactory.class.getName();
    Properties mysqlProps = db.mysql().properties();
    Properties postgresProps = db.postgres().properties();

    Properties p = copyWith(mysqlProps, mysqlFactory);
    assertOpensWith(
            CountingMysqlSocketFactory.CREATED,
            "MySQL, in properties",
            () -> vendors.openMysql(db.mysql().jdbcUrl(), p, deadline))
        .close();
    String url = withFactory(db.mysql().jdbcUrl(), mysqlFactory);
    try (Connection c =
        assertOpensWith(
            CountingMysqlSocketFactory.CREATED,
            "MySQL, in the URL",
            () -> vendors.openMysql(url, mysqlProps, deadline))) {
      c.setNetworkTimeout(Runnable::run, TIMEOUT_MILLIS);
      assertReadsAllPieces(c, MYSQL_PIECES); // the application's plain socket: no deadline
    }

    Properties q = copyWith(postgresProps, postgresFactory);
    assertOpensWith(
            CountingPostgresSocketFactory.CREATED,
            "PostgreSQL, in properties",
            () -> vendors.openPostgres(db.postgres().jdbcUrl(), q, deadline))
        .close();
    String pgUrl = withFactory(db.postgres().jdbcUrl(), postgresFactory);
    assertOpensWith(
            CountingPostgresSocketFactory.CREATED,
            "PostgreSQL, in the URL",
            () -> vendors.openPostgres(pgUrl, postgresProps, deadline))
        .close();
  }

  /** Opens a connection and checks that the factory counting in {@code created} made its socket. */
  private static Connection assertOpensWith(AtomicInteger created, String as, Opener open)
      throws SQLException {
    int before = created.get();
    Connection c = open.open();
    assertThat(created.get()).as(as).isGreaterThan(before);
    return c;
  }

  @FunctionalInterface
  private interface Opener {
    Connection open() throws SQLException;
  }

  private static Properties copyWith(Properties props, String factory) {
    Properties p = new Properties();
    p.putAll(props);
    p.setProperty("socketFactory", factory);
    return p;
  }

  private static String withFactory(String url, String factory) {
    return url + (url.indexOf('?') < 0 ? "?" : "&") + "socketFactory=" + factory;
  }

  /** An application's own Connector/J socket factory: the standard one, counting its sockets. */
  public static final class CountingMysqlSocketFactory extends StandardSocketFactory {
    static final AtomicInteger CREATED = new AtomicInteger();

    @Override
    protected Socket createSocket(PropertySet props) {
      CREATED.incrementAndGet();
      return super.createSocket(props);
    }
  }

  /** An application's own pgjdbc socket factory: plain sockets, counted. */
  public static final class CountingPostgresSocketFactory extends SocketFactory {
    static final AtomicInteger CREATED = new AtomicInteger();

    private static final SocketFactory PLAIN = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      CREATED.incrementAndGet();
      return PLAIN.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      CREATED.incrementAndGet();
      return PLAIN.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      CREATED.incrementAndGet();
      return PLAIN.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      CREATED.incrementAndGet();
      return PLAIN.createSocket(host, port);
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      CREATED.incrementAndGet();
      return PLAIN.createSocket(address, port, localAddress, localPort);
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
