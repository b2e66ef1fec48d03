package io.dualwrite.admin.backfill;

import static io.dualwrite.admin.backfill.BackfillIT.assertEqualAndClean;
import static io.dualwrite.admin.backfill.BackfillIT.awaitOperations;
import static io.dualwrite.admin.backfill.BackfillIT.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.admin.backfill.BackfillIT.Workload;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code backfill --parts}: each table of {@link BackfillIT}'s database (a composite key, a foreign
 * key, 65,334 rows) is cut into four key ranges, and two backfill processes copy ranges of the same
 * tables at once while eight application threads write through the driver in DUAL_WRITE; then one
 * process is killed holding a range, and the other takes it over from its checkpoint once its lease
 * expires. Afterwards verify is equal and nothing was recorded as a discrepancy.
 */
@ExtendWith(TestDatabases.class)
class BackfillPartsIT {
  static final int PARTS = 4;
  static final List<String> TABLES = List.of("customer", "orders", "event_log");

  @BeforeEach
  void populate(DatabasePair db) throws SQLException {
    new BackfillIT().populate(db);
  }

  /** Registers every table as {@link #PARTS} ranges before the application writes. */
  private static void prepareParts(DatabasePair db) throws SQLException {
    Result r =
        CliRun.run(
            "", AdminArgs.of(db, "backfill", "--prepare", "--parts=" + PARTS, "--no-progress"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    Map<String, Long> parts = new HashMap<>();
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, COUNT(*), SUM(range_start IS NULL), SUM(range_end IS NULL)"
                    + " FROM dualwrite_backfill GROUP BY table_name")) {
      while (rs.next()) {
        parts.put(rs.getString(1), rs.getLong(2));
        assertThat(rs.getLong(3)).as("only the first part starts at the first key").isOne();
        assertThat(rs.getLong(4)).as("only the last part runs to the last key").isOne();
      }
    }
    assertThat(parts).containsOnlyKeys(TABLES).allSatisfy((t, n) -> assertThat(n).isEqualTo(4));
  }

  private static Result backfill(DatabasePair db, String... more) {
    List<String> args = new ArrayList<>(List.of("--resume", "--json", "--no-progress"));
    args.addAll(List.of(more));
    // the real clock: --max-rows-per-second paces chunks by it
    return CliRun.run(
        "", System::nanoTime, AdminArgs.of(db, "backfill", args.toArray(String[]::new)));
  }

  /** Per table, how many parts this run completed itself. */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> partsCopiedHere(Result r) {
    Map<String, Object> report = MiniJson.object(r.out());
    Map<String, Long> out = new HashMap<>();
    for (Object o : (List<Object>) report.get("tables")) {
      Map<String, Object> t = (Map<String, Object>) o;
      assertThat(((Number) t.get("parts")).intValue()).isEqualTo(PARTS);
      out.put((String) t.get("table"), ((Number) t.get("partsCopiedHere")).longValue());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static long rowsThisRun(Result r) {
    long sum = 0;
    for (Object o : (List<Object>) MiniJson.object(r.out()).get("tables")) {
      sum += ((Number) ((Map<String, Object>) o).get("rowsThisRun")).longValue();
    }
    return sum;
  }

  @Test
  void twoProcessesCopyDifferentRangesOfTheSameTablesAtOnce(DatabasePair db) throws Exception {
    prepareParts(db);
    Workload w = new Workload(db, "parts-app-1");
    try {
      awaitOperations(w, 200);
      // throttled so that neither process can take every range before the other starts
      String[] args = {"--threads=2", "--chunk-rows=500", "--max-rows-per-second=12000"};
      CompletableFuture<Result> first = CompletableFuture.supplyAsync(() -> backfill(db, args));
      CompletableFuture<Result> second = CompletableFuture.supplyAsync(() -> backfill(db, args));
      Result a = first.get(5, TimeUnit.MINUTES);
      Result b = second.get(5, TimeUnit.MINUTES);
      assertThat(a.exitCode()).as(a.all()).isEqualTo(ExitCodes.OK);
      assertThat(b.exitCode()).as(b.all()).isEqualTo(ExitCodes.OK);
      Map<String, Long> byA = partsCopiedHere(a);
      Map<String, Long> byB = partsCopiedHere(b);
      long totalA = byA.values().stream().mapToLong(Long::longValue).sum();
      long totalB = byB.values().stream().mapToLong(Long::longValue).sum();
      assertThat(totalA).as("parts copied by the first process: %s", a.out()).isPositive();
      assertThat(totalB).as("parts copied by the second process: %s", b.out()).isPositive();
      for (String t : TABLES) {
        // every range copied once: no lease expired, so no range was taken over
        assertThat(byA.get(t) + byB.get(t)).as(t).isEqualTo(PARTS);
      }
      assertThat(count(db, "SELECT COUNT(*) FROM dualwrite_backfill WHERE state = 'COMPLETE'"))
          .isEqualTo(PARTS * TABLES.size());
      awaitOperations(w, w.operations.get() + 200);
    } finally {
      w.close();
    }
    assertEqualAndClean(db, w);
  }

  @Test
  void aRangeOfAKilledProcessIsTakenOverFromItsCheckpointWhenItsLeaseExpires(DatabasePair db)
      throws Exception {
    prepareParts(db);
    Workload w = new Workload(db, "parts-app-2");
    try {
      awaitOperations(w, 200);
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(AdminCli.class.getName());
      cmd.addAll(
          List.of(
              AdminArgs.of(
                  db,
                  "backfill",
                  "--threads=1",
                  "--chunk-rows=200",
                  "--max-rows-per-second=1500",
                  "--lease-seconds=5",
                  "--no-progress")));
      // the child's output is kept so that a failure says what the child did
      Path childLog = Files.createTempFile("dw-backfill-child", ".log");
      Process child =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(childLog.toFile())
              .start();
      String childOwner = ":" + child.pid() + ":";
      CompletableFuture<Result> other;
      String table;
      int part;
      long rowsAtKill;
      try {
        // the child leases a range and checkpoints some of it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String[] held = null;
        while (held == null && System.nanoTime() < deadline && child.isAlive()) {
          held = heldBy(db, childOwner, 1000);
          Thread.sleep(20);
        }
        if (held == null) {
          assertThat(held)
              .as(
                  "a range the child checkpointed 1,000 rows of; child %s; ranges: %s; child's"
                      + " output:%n%s",
                  child.isAlive() ? "alive" : "exited " + child.waitFor(),
                  ranges(db),
                  Files.readString(childLog))
              .isNotNull();
        }
        table = held[0];
        part = Integer.parseInt(held[1]);
        // the other process starts while the child copies, then the child dies holding its lease
        other =
            CompletableFuture.supplyAsync(
                () -> backfill(db, "--threads=2", "--chunk-rows=1000", "--lease-seconds=5"));
        Thread.sleep(300);
        assertThat(child.isAlive()).as("still copying when killed").isTrue();
      } finally {
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(childLog);
      }
      String[] atKill = partRow(db, table, part);
      assertThat(atKill[0]).as("state").isEqualTo("COPYING");
      assertThat(atKill[1]).as("lease still held by the dead process").contains(childOwner);
      rowsAtKill = Long.parseLong(atKill[2]);
      assertThat(rowsAtKill).isGreaterThanOrEqualTo(1000);

      Result r = other.get(5, TimeUnit.MINUTES);
      assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
      String[] after = partRow(db, table, part);
      assertThat(after[0]).as("state").isEqualTo("COMPLETE");
      // taken over from the checkpoint: the count went on from there
      assertThat(Long.parseLong(after[2])).isGreaterThan(rowsAtKill);
      assertThat(partsCopiedHere(r).get(table)).isGreaterThanOrEqualTo(1);
      // and what the child had checkpointed was not copied again
      long rowsNow =
          count(
              db,
              "SELECT (SELECT COUNT(*) FROM customer) + (SELECT COUNT(*) FROM orders)"
                  + " + (SELECT COUNT(*) FROM event_log)");
      assertThat(rowsThisRun(r)).isLessThanOrEqualTo(rowsNow - rowsAtKill + 2_000);
      assertThat(count(db, "SELECT COUNT(*) FROM dualwrite_backfill WHERE state = 'COMPLETE'"))
          .isEqualTo(PARTS * TABLES.size());
      awaitOperations(w, w.operations.get() + 200);
    } finally {
      w.close();
    }
    assertEqualAndClean(db, w);
  }

  /** A range leased by {@code owner} with at least {@code rows} checkpointed: table and part. */
  private static String[] heldBy(DatabasePair db, String owner, long rows) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, part, lease_owner FROM dualwrite_backfill WHERE state ="
                    + " 'COPYING' AND rows_copied >= "
                    + rows
                    + " AND lease_owner IS NOT NULL")) {
      while (rs.next()) {
        if (rs.getString(3).contains(owner)) {
          return new String[] {rs.getString(1), rs.getString(2)};
        }
      }
    } catch (SQLException notYet) {
      return null;
    }
    return null;
  }

  /** Every range's table, part, state, lease owner and rows copied, for a failure's message. */
  private static List<String> ranges(DatabasePair db) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, part, state, lease_owner, rows_copied FROM dualwrite_backfill"
                    + " ORDER BY table_name, part")) {
      while (rs.next()) {
        out.add(
            rs.getString(1)
                + "/"
                + rs.getInt(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4)
                + " "
                + rs.getLong(5));
      }
    }
    return out;
  }

  /** State, lease owner and rows copied of one range. */
  private static String[] partRow(DatabasePair db, String table, int part) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT state, lease_owner, rows_copied FROM dualwrite_backfill WHERE table_name = '"
                    + table
                    + "' AND part = "
                    + part)) {
      assertThat(rs.next()).isTrue();
      return new String[] {rs.getString(1), String.valueOf(rs.getString(2)), rs.getString(3)};
    }
  }
}
