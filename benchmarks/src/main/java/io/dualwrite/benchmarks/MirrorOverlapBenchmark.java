package io.dualwrite.benchmarks;

import io.dualwrite.testkit.Endpoint;
import io.dualwrite.testkit.TcpProxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What {@code dualwrite.overlapMirror} gives when the databases are not on the application's
 * machine. Both servers (embedded MariaDB 10.11 and PostgreSQL 16) are reached through a loopback
 * TCP proxy ({@link TcpProxy}) that delays every chunk of bytes {@link #latencyMillis} each way (0:
 * the proxy's own cost only; 1: about the round trip to a database in another availability zone).
 *
 * <p>One transaction has the shape of an OLTP one (tpcc's new order reads and updates a row per
 * item): {@value #ITEMS} times a point read and an update of a row, then commit. Compared, one
 * thread each:
 *
 * <ul>
 *   <li>raw MySQL alone (the application before the migration);
 *   <li>the serial pair by hand: each read and update on MySQL, each update then on PostgreSQL,
 *       commit PostgreSQL then MySQL (what the driver does without the overlap, minus its own
 *       cost);
 *   <li>dualwrite in DUAL_WRITE, readPercent 0, with the overlap (the default) and without.
 * </ul>
 *
 * <p>The trial fails if dualwrite recorded drift.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class MirrorOverlapBenchmark {
  static final int ITEMS = 5;

  @Param({"0", "1"})
  public int latencyMillis;

  private BenchDatabase db;
  private final List<TcpProxy> proxies = new ArrayList<>();
  private final List<Connection> connections = new ArrayList<>();
  private Connection overlapped;
  private Connection notOverlapped;
  private Side mysql;
  private Side postgres;
  private Side dwOverlapped;
  private Side dwNotOverlapped;

  /** One connection's prepared read and update, in a transaction. */
  static final class Side {
    final Connection c;
    final PreparedStatement read;
    final PreparedStatement update;

    Side(Connection c) throws SQLException {
      this.c = c;
      c.setAutoCommit(false);
      this.read = c.prepareStatement(RealDatabaseBenchmark.POINT);
      this.update = c.prepareStatement(RealDatabaseBenchmark.UPDATE);
    }

    long read(int id) throws SQLException {
      return RealDatabaseBenchmark.pointSelect(read, id);
    }

    long update(int id) throws SQLException {
      return RealDatabaseBenchmark.update(update, id);
    }
  }

  @Setup(Level.Trial)
  public void open() throws Exception {
    db = BenchDatabase.create();
    Endpoint my = proxied(db.mysqlEndpoint());
    Endpoint pg = proxied(db.postgresEndpoint());
    mysql = new Side(keep(my.open()));
    postgres = new Side(keep(pg.open()));
    overlapped = keep(BenchDatabase.dualwrite(my, pg, 0, "overlap-on"));
    notOverlapped =
        keep(BenchDatabase.dualwrite(my, pg, 0, "overlap-off", "dualwrite.overlapMirror", "false"));
    dwOverlapped = new Side(overlapped);
    dwNotOverlapped = new Side(notOverlapped);
  }

  private Endpoint proxied(Endpoint endpoint) throws Exception {
    String url = endpoint.jdbcUrl();
    int hostStart = url.indexOf("://") + 3;
    String hostPort = url.substring(hostStart, url.indexOf('/', hostStart));
    int colon = hostPort.lastIndexOf(':');
    TcpProxy proxy =
        new TcpProxy(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    proxy.latency(latencyMillis);
    proxies.add(proxy);
    return BenchDatabase.throughPort(endpoint, proxy.port());
  }

  private Connection keep(Connection c) {
    connections.add(c);
    return c;
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    try {
      BenchDatabase.assertNoDrift(overlapped);
      BenchDatabase.assertNoDrift(notOverlapped);
    } finally {
      for (Connection c : connections) {
        c.close();
      }
      for (TcpProxy p : proxies) {
        p.close();
      }
    }
  }

  private static int[] ids() {
    int[] ids = new int[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      ids[i] = ThreadLocalRandom.current().nextInt(BenchDatabase.ROWS) + 1;
    }
    java.util.Arrays.sort(ids); // one order for every transaction
    return ids;
  }

  private static long transaction(Side side) throws SQLException {
    long sum = 0;
    for (int id : ids()) {
      sum += side.read(id);
      sum += side.update(id);
    }
    side.c.commit();
    return sum;
  }

  @Benchmark
  public long transactionRawMysql() throws SQLException {
    return transaction(mysql);
  }

  @Benchmark
  public long transactionRawSerialPair() throws SQLException {
    long sum = 0;
    for (int id : ids()) {
      sum += mysql.read(id);
      sum += mysql.update(id);
      sum += postgres.update(id);
    }
    postgres.c.commit();
    mysql.c.commit();
    return sum;
  }

  @Benchmark
  public long transactionDualwriteOverlapped() throws SQLException {
    return transaction(dwOverlapped);
  }

  @Benchmark
  public long transactionDualwriteNotOverlapped() throws SQLException {
    return transaction(dwNotOverlapped);
  }
}
