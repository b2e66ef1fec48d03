package io.dualwrite.admin.verify;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.admin.connect.BothSides;
import io.dualwrite.admin.connect.ConnectionOptions;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code verify [--table T ...]}: compares tables on both sides by checksums of primary-key ranges
 * computed by each server ({@link ChunkVerifier}), and row by row, with the normalisation of
 * compared reads, where they differ (or everywhere with {@code --mode=rows}); lists the differing
 * keys. Exit 0 when equal, 1 on any difference, 2 when a database cannot be reached.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Compares tables on MySQL and PostgreSQL and lists the keys that are missing on"
          + " PostgreSQL, extra on PostgreSQL, or changed. Each server checksums its rows per"
          + " primary-key range; rows are read only in ranges whose checksums differ (--mode=rows"
          + " reads every row).",
      "Values are compared as compared reads compare them (numbers by value, date-times at"
          + " microseconds, JSON by value). Tables without a primary key are compared by full row."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every table equal",
      "1:differences found",
      "2:bad usage, or a database that cannot be reached"
    })
public final class VerifyCommand implements Callable<Integer> {
  @ParentCommand AdminCli cli;

  @Spec CommandSpec spec;

  @Option(
      names = {"--table", "-t"},
      paramLabel = "TABLE",
      split = ",",
      description = "A MySQL table to compare (repeatable; default: every table of the database).")
  List<String> tables = new ArrayList<>();

  @Option(
      names = "--chunk-size",
      paramLabel = "ROWS",
      defaultValue = "1000",
      description = "Rows read per query (default: ${DEFAULT-VALUE}).")
  int chunkSize;

  @Option(
      names = "--max-keys",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Differing keys listed per table (counts are always complete; default: ${DEFAULT-VALUE}).")
  int maxKeys;

  @Option(
      names = "--show-values",
      description = "Show the values of differing rows (application data: off by default).")
  boolean showValues;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Progress lines with rows/s on standard error (default: on).")
  boolean progress;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "checksum",
      description =
          "checksum: compare checksums of key ranges computed by each server, and rows only in"
              + " ranges that differ; rows: read and compare every row (default:"
              + " ${DEFAULT-VALUE}).")
  Mode mode;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Tables and key ranges compared at once, each on its own MySQL and PostgreSQL"
              + " connection (checksum mode; default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--chunk-rows",
      paramLabel = "ROWS",
      defaultValue = "" + DEFAULT_CHUNK_ROWS,
      description =
          "Rows per checksummed key range (checksum mode; default: ${DEFAULT-VALUE}). A range"
              + " that differs is split until it has at most --chunk-size rows, which are read.")
  int chunkRows;

  @Mixin ConnectionOptions connection;

  /** How tables are compared. */
  public enum Mode {
    checksum,
    rows
  }

  /** Rows per checksummed key range unless {@code --chunk-rows} says otherwise. */
  public static final int DEFAULT_CHUNK_ROWS = 10_000;

  @Override
  public Integer call() throws SQLException {
    if (chunkSize < 1 || maxKeys < 0 || threads < 1 || chunkRows < 1) {
      throw AdminException.cannotRun(
          "--chunk-size, --threads and --chunk-rows must be at least 1, --max-keys at least 0",
          null);
    }
    BothSides sides = connection.resolveBoth(cli.context().secrets());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VerifyProgress listener =
        new VerifyProgress(err, cli.json(), progress, cli.context().nanoTime());
    List<TableResult> results;
    try (Connection mysql = sides.openMysql();
        Connection pg = sides.openPostgres()) {
      if (mode == Mode.rows) {
        results = verify(mode, mysql, pg, tables, chunkSize, maxKeys, showValues, cli, listener);
      } else {
        List<TableSpec> specs = SchemaReader.read(mysql, pg, tables);
        List<ChecksumRun.Pair> pairs = new ArrayList<>();
        pairs.add(new ChecksumRun.Pair(mysql, pg));
        try {
          // no more connections than there is work for
          int wanted = Math.min(threads, Math.max(1, specs.size() * 4));
          while (pairs.size() < wanted) {
            Connection m = sides.openMysql();
            Connection p;
            try {
              p = sides.openPostgres();
            } catch (RuntimeException e) {
              m.close();
              throw e;
            }
            pairs.add(new ChecksumRun.Pair(m, p));
          }
          results =
              new ChecksumRun(
                      pairs,
                      new ChecksumRun.Settings(chunkRows, chunkSize, maxKeys, showValues),
                      cli.context().nanoTime(),
                      listener)
                  .run(specs);
        } finally {
          for (ChecksumRun.Pair p : pairs.subList(1, pairs.size())) {
            closeQuietly(p.mysql());
            closeQuietly(p.pg());
          }
        }
      }
    }
    if (cli.json()) {
      out.println(VerifyReport.toJson(results));
    } else {
      VerifyReport.printHuman(out, results);
    }
    out.flush();
    return VerifyReport.equal(results) ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing after the run: nothing left to lose
    }
  }

  /**
   * Runs the comparison of {@code tables} (all when empty) on open connections: with {@link
   * Mode#checksum}, by checksums of key ranges (one thread, {@link #DEFAULT_CHUNK_ROWS} rows per
   * range; rows read only in ranges that differ, {@code chunkSize} at a time); with {@link
   * Mode#rows}, of every row, as before checksums.
   */
  public static List<TableResult> verify(
      Mode mode,
      Connection mysql,
      Connection pg,
      List<String> tables,
      int chunkSize,
      int maxKeys,
      boolean showValues,
      AdminCli cli,
      VerifyProgress listener)
      throws SQLException {
    List<TableSpec> specs = SchemaReader.read(mysql, pg, tables);
    if (mode == Mode.checksum) {
      return new ChecksumRun(
              List.of(new ChecksumRun.Pair(mysql, pg)),
              new ChecksumRun.Settings(DEFAULT_CHUNK_ROWS, chunkSize, maxKeys, showValues),
              cli.context().nanoTime(),
              listener)
          .run(specs);
    }
    TableVerifier verifier =
        new TableVerifier(
            mysql, pg, chunkSize, maxKeys, showValues, cli.context().nanoTime(), listener);
    List<TableResult> results = new ArrayList<>();
    for (TableSpec t : specs) {
      TableResult r = verifier.verify(t);
      listener.done(r);
      results.add(r);
    }
    return results;
  }
}
