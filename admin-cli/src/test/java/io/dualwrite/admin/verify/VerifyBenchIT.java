package io.dualwrite.admin.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test (skipped unless {@code -Ddualwrite.verify.bench=true}; run by {@code
 * benchmarks/verify/run.sh}): how many rows per second {@code verify} compares on equal tables, the
 * row-by-row compare ({@code --mode=rows}, what verify did before checksums) against checksums of
 * key ranges, in the same run on the same tables. Two tables of {@code dualwrite.verify.bench.rows}
 * / 2 rows each (default 500,000): one with a single BIGINT key and server-hashed columns only, one
 * with a composite key and a DOUBLE column.
 */
@ExtendWith(TestDatabases.class)
class VerifyBenchIT {

  @Test
  void rowsPerSecondOfRowCompareAgainstChecksums(DatabasePair db) throws Exception {
    assumeTrue(Boolean.getBoolean("dualwrite.verify.bench"), "benchmark: -Ddualwrite.verify.bench");
    int total = Integer.getInteger("dualwrite.verify.bench.rows", 1_000_000);
    int half = total / 2;
    long t0 = System.nanoTime();
    populate(db, half);
    double loadSeconds = (System.nanoTime() - t0) / 1e9;

    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "Tables: bench_single (%,d rows, BIGINT key) and bench_composite (%,d rows, (INT, INT)"
                + " key, a DOUBLE column); loaded in %.1f s.",
            half,
            half,
            loadSeconds));
    lines.add("");
    lines.add("| run | mode | threads | rows compared (per side) | seconds | rows/s |");
    lines.add("|---|---|---:|---:|---:|---:|");
    // a first checksum run warms both servers' caches for every run after it
    measure(db, "warm-up", lines, total, "--mode=checksum", "--threads=1");
    List<double[]> rows = new ArrayList<>();
    List<double[]> sums = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      rows.add(measure(db, "round " + round, lines, total, "--mode=rows"));
      sums.add(measure(db, "round " + round, lines, total, "--mode=checksum", "--threads=1"));
      sums.add(measure(db, "round " + round, lines, total, "--mode=checksum", "--threads=2"));
      sums.add(measure(db, "round " + round, lines, total, "--mode=checksum", "--threads=4"));
    }
    double bestRows = rows.stream().mapToDouble(r -> r[0]).max().orElseThrow();
    double bestSums = sums.stream().mapToDouble(r -> r[0]).max().orElseThrow();
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "Best rows/s: row compare %,.0f; checksums %,.0f; ratio **%.1f** (target: at least"
                + " 10).",
            bestRows,
            bestSums,
            bestSums / bestRows));
    String out = String.join("\n", lines) + "\n";
    System.out.println(out);
    Path file = Path.of(System.getProperty("dualwrite.verify.bench.out", "target/verify-bench.md"));
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  private static double[] measure(
      DatabasePair db, String run, List<String> lines, int total, String... options)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--table=bench_single", "--table=bench_composite"));
    args.add("--no-progress");
    args.addAll(List.of(options));
    long start = System.nanoTime();
    Result r =
        CliRun.run("", System::nanoTime, AdminArgs.of(db, "verify", args.toArray(String[]::new)));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    double perSecond = total / seconds;
    String mode = options[0].substring("--mode=".length());
    String threads = options.length > 1 ? options[1].substring("--threads=".length()) : "1";
    lines.add(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %,d | %.2f | %,.0f |",
            run,
            mode,
            threads,
            total,
            seconds,
            perSecond));
    return new double[] {perSecond};
  }

  private static void populate(DatabasePair db, int rows) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      for (String t : List.of("bench_single", "bench_composite", "bench_digits")) {
        s.execute("DROP TABLE IF EXISTS " + t);
      }
      s.execute("CREATE TABLE bench_digits (n INT PRIMARY KEY)");
      s.execute("INSERT INTO bench_digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
      String numbers =
          "(SELECT d1.n + 10 * d2.n + 100 * d3.n + 1000 * d4.n + 10000 * d5.n + 100000 * d6.n"
              + " AS n FROM bench_digits d1, bench_digits d2, bench_digits d3, bench_digits d4,"
              + " bench_digits d5, bench_digits d6) x WHERE n < "
              + rows;
      s.execute(
          "CREATE TABLE bench_single (id BIGINT NOT NULL PRIMARY KEY, n INT NOT NULL,"
              + " amount DECIMAL(12,2), name VARCHAR(40), created DATETIME(6), day DATE,"
              + " flag TINYINT(1), code CHAR(8), payload VARBINARY(32))");
      s.execute(
          "INSERT INTO bench_single SELECT n + 1, (n * 7) MOD 100003, (n MOD 100000) / 100,"
              + " CONCAT('name-', n), TIMESTAMPADD(MICROSECOND, n * 1001, '2024-01-01 00:00:00'),"
              + " DATE_ADD('2020-01-01', INTERVAL n MOD 2000 DAY), n MOD 2,"
              + " CONCAT('c', n MOD 1000), UNHEX(LEFT(SHA2(n, 256), 32)) FROM "
              + numbers);
      s.execute(
          "CREATE TABLE bench_composite (a INT NOT NULL, b INT NOT NULL, qty INT,"
              + " price DECIMAL(10,2), note VARCHAR(60), at DATETIME(6), ratio DOUBLE,"
              + " PRIMARY KEY (a, b))");
      s.execute(
          "INSERT INTO bench_composite SELECT n DIV 50, n MOD 50, n MOD 97, (n MOD 5000) / 100,"
              + " CONCAT('note ', n, ' é'),"
              + " TIMESTAMPADD(MICROSECOND, n * 1001, '2024-01-01 00:00:00'), n * 0.25 FROM "
              + numbers);
      s.execute("DROP TABLE bench_digits");
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_single");
      s.execute("DROP TABLE IF EXISTS bench_composite");
      s.execute(
          "CREATE TABLE bench_single (id bigint NOT NULL PRIMARY KEY, n integer NOT NULL,"
              + " amount numeric(12,2), name varchar(40), created timestamp(6), day date,"
              + " flag smallint, code character(8), payload bytea)");
      s.execute(
          "INSERT INTO bench_single SELECT n + 1, (n * 7) % 100003, (n % 100000) / 100.0,"
              + " 'name-' || n, timestamp '2024-01-01' + n * 1001 * interval '1 microsecond',"
              + " date '2020-01-01' + (n % 2000), n % 2, 'c' || (n % 1000),"
              + " decode(left(encode(sha256(n::text::bytea), 'hex'), 32), 'hex')"
              + " FROM generate_series(0, "
              + (rows - 1)
              + ") n");
      s.execute(
          "CREATE TABLE bench_composite (a integer NOT NULL, b integer NOT NULL, qty integer,"
              + " price numeric(10,2), note varchar(60), at timestamp(6), ratio double precision,"
              + " PRIMARY KEY (a, b))");
      s.execute(
          "INSERT INTO bench_composite SELECT n / 50, n % 50, n % 97, (n % 5000) / 100.0,"
              + " 'note ' || n || ' é', timestamp '2024-01-01' + n * 1001 * interval '1"
              + " microsecond', n * 0.25 FROM generate_series(0, "
              + (rows - 1)
              + ") n");
      s.execute("ANALYZE bench_single");
      s.execute("ANALYZE bench_composite");
    }
  }
}
