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
import java.sql.SQLException;
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
    String baseline = System.getProperty("dualwrite.verify.bench.baselineJar");
    boolean baselineOnly = Boolean.getBoolean("dualwrite.verify.bench.baselineOnly");
    if (!baselineOnly) {
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
    }
    if (baseline != null && !baseline.isBlank()) {
      againstBaseline(db, lines, half, Path.of(baseline));
    }
    String out = String.join("\n", lines) + "\n";
    System.out.println(out);
    Path file = Path.of(System.getProperty("dualwrite.verify.bench.out", "target/verify-bench.md"));
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  /**
   * The same table verified by two builds of the tool, each in a JVM of its own ({@code java -jar}
   * from the start of the JVM to its exit, as an operator runs it): {@code baselineJar}, an older
   * build (the verify the issue measured), and this build's jar, with its defaults. On {@code
   * bench_composite} alone (composite key; the old build read {@code bench_single}'s CHAR column
   * with PostgreSQL's trailing spaces, as differences).
   */
  private static void againstBaseline(
      DatabasePair db, List<String> lines, int total, Path baselineJar) throws Exception {
    Path current = Path.of("target/dualwrite-admin.jar").toAbsolutePath();
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "Each build in a JVM of its own (`java -jar ... verify --table=bench_composite`), %,d"
                + " rows per side:",
            total));
    lines.add("");
    lines.add("| round | build | seconds | rows/s |");
    lines.add("|---|---|---:|---:|");
    double bestOld = 0;
    double bestNew = 0;
    for (int round = 1; round <= 2; round++) {
      bestOld = Math.max(bestOld, measureJar(db, lines, round, total, baselineJar));
      bestNew = Math.max(bestNew, measureJar(db, lines, round, total, current));
    }
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "Best rows/s: %s %,.0f; this build %,.0f; ratio **%.1f** (target: at least 10).",
            baselineJar,
            bestOld,
            bestNew,
            bestNew / bestOld));
  }

  private static double measureJar(
      DatabasePair db, List<String> lines, int round, int total, Path jar) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    command.addAll(List.of(AdminArgs.of(db, "verify", "--table=bench_composite", "--no-progress")));
    Path log = Files.createTempFile("verify-bench", ".log");
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(exit).as(Files.readString(log)).isEqualTo(ExitCodes.OK);
    Files.delete(log);
    double perSecond = total / seconds;
    lines.add(
        String.format(Locale.ROOT, "| %d | `%s` | %.2f | %,.0f |", round, jar, seconds, perSecond));
    return perSecond;
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
    BenchTables.mysql(db, rows);
    BenchTables.postgres(db, rows);
  }
}
