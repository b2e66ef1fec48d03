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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What does each bound parameter cost through dualwrite? A prepared point SELECT with {@code
 * params} placeholders, prepared once (as a statement cache would), is bound and executed per
 * operation on the stub driver ({@code raw}) and through dualwrite in DUAL_WRITE at readPercent 0
 * ({@code wrapped}). The cost per parameter is the slope between 1 and 10 parameters.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class BindBenchmark {
  @Param({"1", "10"})
  public int params;

  StubFixture fixture;
  Connection rawConn;
  Connection wrappedConn;
  PreparedStatement raw;
  PreparedStatement wrapped;
  int id;

  static String sql(int params) {
    StringBuilder sb = new StringBuilder("SELECT title, rental_rate FROM film WHERE film_id IN (");
    for (int i = 0; i < params; i++) {
      sb.append(i == 0 ? "?" : ", ?");
    }
    return sb.append(')').toString();
  }

  @Setup
  public void open() throws SQLException {
    fixture = StubFixture.open(Phase.DUAL_WRITE, 0);
    rawConn = fixture.rawMysql();
    wrappedConn = fixture.dualwrite();
    raw = rawConn.prepareStatement(sql(params));
    wrapped = wrappedConn.prepareStatement(sql(params));
  }

  @TearDown
  public void close() throws SQLException {
    raw.close();
    wrapped.close();
    rawConn.close();
    wrappedConn.close();
    fixture.close();
  }

  static long bindAndRun(PreparedStatement ps, int params, int id) throws SQLException {
    for (int i = 1; i <= params; i++) {
      ps.setInt(i, id + i);
    }
    long sum = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sum += rs.getLong(2);
      }
    }
    return sum;
  }

  @Benchmark
  public long raw() throws SQLException {
    return bindAndRun(raw, params, ++id & 1023);
  }

  @Benchmark
  public long wrapped() throws SQLException {
    return bindAndRun(wrapped, params, ++id & 1023);
  }
}
