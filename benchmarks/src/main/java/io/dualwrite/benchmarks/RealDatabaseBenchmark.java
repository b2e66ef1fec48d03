package io.dualwrite.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What does dualwrite cost against real servers (embedded MariaDB 10.11 and PostgreSQL 16 on this
 * machine, over loopback TCP)?
 *
 * <ul>
 *   <li>Point SELECT by primary key: raw MySQL vs dualwrite at readPercent 0 (served by MySQL), raw
 *       PostgreSQL vs dualwrite at readPercent 100 (served by PostgreSQL, translated).
 *   <li>Single-row INSERT into an AUTO_INCREMENT table, autocommit: raw MySQL, raw PostgreSQL, and
 *       dualwrite in DUAL_WRITE (MySQL first, then the mirror with the explicit key). dualwrite is
 *       compared with the sum of the two raw latencies, since the mirror runs after the
 *       authoritative write.
 *   <li>Mixed workload (80 % point reads, 15 % updates, 5 % inserts), throughput at 1 and 8
 *       threads: raw MySQL alone (before the migration), raw MySQL + PostgreSQL by hand (what
 *       dualwrite does: reads from MySQL, each write on MySQL then on PostgreSQL), and dualwrite in
 *       DUAL_WRITE at readPercent 0.
 * </ul>
 *
 * <p>Statements are prepared once per thread and reused, as with a statement cache. Every trial
 * fails if dualwrite recorded drift (a mirrored write that failed or was skipped).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RealDatabaseBenchmark {
  static final String POINT = "SELECT name, qty FROM item WHERE id = ?";
  static final String UPDATE = "UPDATE item SET qty = qty + 1 WHERE id = ?";

  static String insert(String table) {
    return "INSERT INTO " + table + " (name, qty) VALUES (?, ?)";
  }

  /** The benchmark database, created once per trial (one per fork JVM). */
  @State(Scope.Benchmark)
  public static class Db {
    BenchDatabase db;

    @Setup(Level.Trial)
    public void create() throws SQLException {
      db = BenchDatabase.create();
    }
  }

  /** One thread's connections and prepared statements. */
  @State(Scope.Thread)
  public static class Conns {
    final List<Connection> connections = new ArrayList<>();
    final List<Connection> dualwrites = new ArrayList<>();
    Connection mysql;
    Connection postgres;
    Connection dw0;
    Connection dw100;
    PreparedStatement mysqlPoint;
    PreparedStatement postgresPoint;
    PreparedStatement dw0Point;
    PreparedStatement dw100Point;
    PreparedStatement mysqlInsert;
    PreparedStatement postgresInsert;
    PreparedStatement dwInsert;
    PreparedStatement mysqlUpdate;
    PreparedStatement postgresUpdate;
    PreparedStatement dwUpdate;
    PreparedStatement mysqlMixInsert;
    PreparedStatement postgresMixInsert;
    PreparedStatement dwMixInsert;

    @Setup(Level.Trial)
    public void open(Db db) throws SQLException {
      mysql = keep(db.db.openMysql());
      postgres = keep(db.db.openPostgres());
      dw0 = keep(db.db.dualwrite(0));
      dw100 = keep(db.db.dualwrite(100));
      dualwrites.add(dw0);
      dualwrites.add(dw100);
      mysqlPoint = mysql.prepareStatement(POINT);
      postgresPoint = postgres.prepareStatement(POINT);
      dw0Point = dw0.prepareStatement(POINT);
      dw100Point = dw100.prepareStatement(POINT);
      mysqlInsert = mysql.prepareStatement(insert("item_raw"));
      postgresInsert = postgres.prepareStatement(insert("item_raw"));
      dwInsert = dw0.prepareStatement(insert("item_dw"));
      mysqlUpdate = mysql.prepareStatement(UPDATE);
      postgresUpdate = postgres.prepareStatement(UPDATE);
      dwUpdate = dw0.prepareStatement(UPDATE);
      mysqlMixInsert = mysql.prepareStatement(insert("item_mix_raw"));
      postgresMixInsert = postgres.prepareStatement(insert("item_mix_raw"));
      dwMixInsert = dw0.prepareStatement(insert("item_mix"));
    }

    private Connection keep(Connection c) {
      connections.add(c);
      return c;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      try {
        for (Connection dw : dualwrites) {
          BenchDatabase.assertNoDrift(dw);
        }
      } finally {
        for (Connection c : connections) {
          c.close();
        }
      }
    }
  }

  static int randomId() {
    return ThreadLocalRandom.current().nextInt(BenchDatabase.ROWS) + 1;
  }

  static long pointSelect(PreparedStatement ps, int id) throws SQLException {
    ps.setInt(1, id);
    long sum = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sum += rs.getString(1).length() + rs.getInt(2);
      }
    }
    if (sum == 0) {
      throw new IllegalStateException("no row for id " + id);
    }
    return sum;
  }

  static long insertRow(PreparedStatement ps) throws SQLException {
    ps.setString(1, "new item");
    ps.setInt(2, 7);
    return ps.executeUpdate();
  }

  static long update(PreparedStatement ps, int id) throws SQLException {
    ps.setInt(1, id);
    return ps.executeUpdate();
  }

  // ------------------------------------------------------------------ point reads

  @Benchmark
  public long pointSelectRawMysql(Conns c) throws SQLException {
    return pointSelect(c.mysqlPoint, randomId());
  }

  @Benchmark
  public long pointSelectDualwriteRead0(Conns c) throws SQLException {
    return pointSelect(c.dw0Point, randomId());
  }

  @Benchmark
  public long pointSelectRawPostgres(Conns c) throws SQLException {
    return pointSelect(c.postgresPoint, randomId());
  }

  @Benchmark
  public long pointSelectDualwriteRead100(Conns c) throws SQLException {
    return pointSelect(c.dw100Point, randomId());
  }

  // ------------------------------------------------------------------ inserts

  @Benchmark
  public long insertRawMysql(Conns c) throws SQLException {
    return insertRow(c.mysqlInsert);
  }

  @Benchmark
  public long insertRawPostgres(Conns c) throws SQLException {
    return insertRow(c.postgresInsert);
  }

  @Benchmark
  public long insertDualwrite(Conns c) throws SQLException {
    return insertRow(c.dwInsert);
  }

  // ------------------------------------------------------------------ updates

  @Benchmark
  public long updateRawMysql(Conns c) throws SQLException {
    return update(c.mysqlUpdate, randomId());
  }

  @Benchmark
  public long updateRawPostgres(Conns c) throws SQLException {
    return update(c.postgresUpdate, randomId());
  }

  /** Autocommit: MySQL's row lock is held until the mirror ran (see StatementEngine). */
  @Benchmark
  public long updateDualwrite(Conns c) throws SQLException {
    return update(c.dwUpdate, randomId());
  }

  // ------------------------------------------------------------------ mixed workload

  static long mixedRawMysql(Conns c) throws SQLException {
    int r = ThreadLocalRandom.current().nextInt(100);
    if (r < 80) {
      return pointSelect(c.mysqlPoint, randomId());
    }
    if (r < 95) {
      return update(c.mysqlUpdate, randomId());
    }
    return insertRow(c.mysqlMixInsert);
  }

  static long mixedRawBoth(Conns c) throws SQLException {
    int r = ThreadLocalRandom.current().nextInt(100);
    if (r < 80) {
      return pointSelect(c.mysqlPoint, randomId());
    }
    if (r < 95) {
      int id = randomId();
      return update(c.mysqlUpdate, id) + update(c.postgresUpdate, id);
    }
    return insertRow(c.mysqlMixInsert) + insertRow(c.postgresMixInsert);
  }

  static long mixedDualwrite(Conns c) throws SQLException {
    int r = ThreadLocalRandom.current().nextInt(100);
    if (r < 80) {
      return pointSelect(c.dw0Point, randomId());
    }
    if (r < 95) {
      return update(c.dwUpdate, randomId());
    }
    return insertRow(c.dwMixInsert);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public long mixedRawMysql1Thread(Conns c) throws SQLException {
    return mixedRawMysql(c);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public long mixedRawBoth1Thread(Conns c) throws SQLException {
    return mixedRawBoth(c);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public long mixedDualwrite1Thread(Conns c) throws SQLException {
    return mixedDualwrite(c);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public long mixedRawMysql8Threads(Conns c) throws SQLException {
    return mixedRawMysql(c);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public long mixedRawBoth8Threads(Conns c) throws SQLException {
    return mixedRawBoth(c);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public long mixedDualwrite8Threads(Conns c) throws SQLException {
    return mixedDualwrite(c);
  }
}
