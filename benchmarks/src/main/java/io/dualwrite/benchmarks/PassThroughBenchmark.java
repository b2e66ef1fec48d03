package io.dualwrite.benchmarks;

import io.dualwrite.benchmarks.stub.StubFixture;
import io.dualwrite.driver.Phase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What does dualwrite's own code cost per JDBC call? Every pair runs the same calls on a stub
 * vendor driver with no I/O ({@code raw*}) and on dualwrite over that stub ({@code wrapped*}), so
 * the difference is the wrapper alone: translation lookup, routing decision, parameter recording,
 * mirroring bookkeeping and forwarding.
 *
 * <ul>
 *   <li>{@code *StatementCycle}: prepare, bind one parameter, execute a point SELECT, read the row,
 *       close (dualwrite in DUAL_WRITE at readPercent 0, and in MYSQL_ONLY).
 *   <li>{@code *InsertCycle}: prepare, bind three parameters, executeUpdate, close; raw runs it on
 *       the MySQL and the PostgreSQL stub (what the mirror must do), dualwrite in DUAL_WRITE.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PassThroughBenchmark {
  static final String SELECT = "SELECT title, rental_rate FROM film WHERE film_id = ?";
  static final String INSERT =
      "INSERT INTO payment (customer_id, staff_id, amount) VALUES (?, ?, ?)";

  /** Connections for one benchmark thread. */
  @State(Scope.Thread)
  public static class Conns {
    StubFixture dualWrite;
    StubFixture mysqlOnly;
    Connection rawMysql;
    Connection rawPostgres;
    Connection wrapped;
    Connection wrappedMysqlOnly;
    int id;

    @Setup
    public void open() throws SQLException {
      dualWrite = StubFixture.open(Phase.DUAL_WRITE, 0);
      mysqlOnly = StubFixture.open(Phase.MYSQL_ONLY, 0);
      rawMysql = dualWrite.rawMysql();
      rawPostgres = dualWrite.rawPostgres();
      wrapped = dualWrite.dualwrite();
      wrappedMysqlOnly = mysqlOnly.dualwrite();
    }

    @TearDown
    public void close() throws SQLException {
      for (Connection c : new Connection[] {rawMysql, rawPostgres, wrapped, wrappedMysqlOnly}) {
        c.close();
      }
      dualWrite.close();
      mysqlOnly.close();
    }
  }

  static long selectCycle(Connection c, int id) throws SQLException {
    long sum = 0;
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sum += rs.getString(1).length() + rs.getLong(2);
        }
      }
    }
    return sum;
  }

  static long insertCycle(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setInt(1, id);
      ps.setInt(2, 1);
      ps.setString(3, "4.99");
      return ps.executeUpdate();
    }
  }

  @Benchmark
  public long rawStatementCycle(Conns s) throws SQLException {
    return selectCycle(s.rawMysql, ++s.id & 1023);
  }

  @Benchmark
  public long wrappedStatementCycle(Conns s) throws SQLException {
    return selectCycle(s.wrapped, ++s.id & 1023);
  }

  @Benchmark
  public long wrappedMysqlOnlyStatementCycle(Conns s) throws SQLException {
    return selectCycle(s.wrappedMysqlOnly, ++s.id & 1023);
  }

  @Benchmark
  public long rawInsertCycle(Conns s) throws SQLException {
    int id = ++s.id & 1023;
    return insertCycle(s.rawMysql, id) + insertCycle(s.rawPostgres, id);
  }

  @Benchmark
  public long wrappedInsertCycle(Conns s) throws SQLException {
    return insertCycle(s.wrapped, ++s.id & 1023);
  }
}
