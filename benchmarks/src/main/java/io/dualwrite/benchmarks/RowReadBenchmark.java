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
 * Does dualwrite add anything per row or per getter? A prepared query returning {@code rows} rows
 * is executed and every row read with {@code next}, {@code getInt}, {@code getLong} and {@code
 * getString}, on the stub driver ({@code raw}) and through dualwrite in DUAL_WRITE at readPercent 0
 * ({@code wrapped}). The per-row cost is the slope between 1 and 1000 rows; dualwrite should add a
 * field read per call and nothing else. {@code wrappedPostgres} reads the same rows through
 * dualwrite at readPercent 100, where PostgreSQL serves the read and every value passes dualwrite's
 * MySQL-looking conversion.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RowReadBenchmark {
  static final String SQL = "SELECT film_id, length, title FROM film WHERE rating = ?";

  @Param({"1", "100", "1000"})
  public int rows;

  StubFixture fixture;
  StubFixture postgresFixture;
  Connection rawConn;
  Connection wrappedConn;
  Connection postgresConn;
  PreparedStatement raw;
  PreparedStatement wrapped;
  PreparedStatement wrappedPostgres;

  @Setup
  public void open() throws SQLException {
    fixture = StubFixture.open(Phase.DUAL_WRITE, 0);
    fixture.driver().rows(rows);
    rawConn = fixture.rawMysql();
    wrappedConn = fixture.dualwrite();
    raw = rawConn.prepareStatement(SQL);
    wrapped = wrappedConn.prepareStatement(SQL);
    raw.setString(1, "PG");
    wrapped.setString(1, "PG");
    postgresFixture = StubFixture.open(Phase.DUAL_WRITE, 100);
    postgresFixture.driver().rows(rows);
    postgresConn = postgresFixture.dualwrite();
    wrappedPostgres = postgresConn.prepareStatement(SQL);
    wrappedPostgres.setString(1, "PG");
  }

  @TearDown
  public void close() throws SQLException {
    raw.close();
    wrapped.close();
    rawConn.close();
    wrappedConn.close();
    fixture.close();
    wrappedPostgres.close();
    postgresConn.close();
    postgresFixture.close();
  }

  static long readAll(PreparedStatement ps) throws SQLException {
    long sum = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sum += rs.getInt(1) + rs.getLong(2) + rs.getString(3).length();
      }
    }
    return sum;
  }

  @Benchmark
  public long raw() throws SQLException {
    return readAll(raw);
  }

  @Benchmark
  public long wrapped() throws SQLException {
    return readAll(wrapped);
  }

  @Benchmark
  public long wrappedPostgres() throws SQLException {
    return readAll(wrappedPostgres);
  }
}
