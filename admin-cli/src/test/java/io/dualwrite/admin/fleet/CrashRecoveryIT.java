package io.dualwrite.admin.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #13: after {@code kill -9} of the application in the middle of writes, {@code status} names
 * the tables it was writing under the crashed instance, {@code repair} touches only those, and
 * {@code verify} is then equal. The application is a child JVM writing two of three tables through
 * the driver with the control store in MySQL; it is killed with SIGKILL ({@code destroyForcibly}),
 * so no shutdown hook runs.
 */
@ExtendWith(TestDatabases.class)
class CrashRecoveryIT {
  private static final int REFRESH_MILLIS = 200;
  private static final String INSTANCE = "crashing-app";

  /**
   * The child JVM: 4 threads writing crash_a and crash_b (autocommit updates, inserts,
   * two-statement transactions) and reading crash_c, until killed. Prints "writing" once every
   * thread has written.
   *
   * <p>Arguments: dualwrite URL, then {@code name=value} properties.
   */
  public static final class CrashingApp {
    public static void main(String[] args) throws Exception {
      Properties p = new Properties();
      for (int i = 1; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        p.setProperty(args[i].substring(0, eq), args[i].substring(eq + 1));
      }
      int threads = 4;
      AtomicLong written = new AtomicLong();
      List<Thread> all = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Thread w =
            new Thread(
                () -> {
                  try (Connection c = DriverManager.getConnection(args[0], p)) {
                    write(c, thread, written);
                  } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(3);
                  }
                });
        w.start();
        all.add(w);
      }
      while (written.get() < 400) {
        Thread.sleep(10);
      }
      System.out.println("writing");
      System.out.flush();
      for (Thread w : all) {
        w.join();
      }
    }

    private static void write(Connection c, int thread, AtomicLong written) throws Exception {
      long next = 1_000_000L * (thread + 1);
      try (PreparedStatement update =
              c.prepareStatement("UPDATE crash_a SET v = v + ? WHERE id = ?");
          PreparedStatement insert =
              c.prepareStatement("INSERT INTO crash_b (id, v) VALUES (?, ?)");
          PreparedStatement read = c.prepareStatement("SELECT COUNT(*) FROM crash_c")) {
        for (long k = 0; ; k++) {
          update.setLong(1, k);
          update.setLong(2, k % 10);
          update.executeUpdate();
          insert.setLong(1, next++);
          insert.setLong(2, k);
          insert.executeUpdate();
          c.setAutoCommit(false);
          update.setLong(1, k + 7);
          update.setLong(2, (k + 5) % 10);
          update.executeUpdate();
          insert.setLong(1, next++);
          insert.setLong(2, -k);
          insert.executeUpdate();
          c.commit();
          c.setAutoCommit(true);
          try (ResultSet rs = read.executeQuery()) {
            rs.next();
          }
          written.addAndGet(4);
        }
      }
    }
  }

  private static Process start(DatabasePair db) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CrashingApp.class.getName());
    cmd.add(DualWriteTestUrls.url(db));
    DualWriteTestUrls.properties(
            db,
            "dualwrite.control",
            "primary",
            "dualwrite.instance",
            INSTANCE,
            "dualwrite.refreshMillis",
            Integer.toString(REFRESH_MILLIS))
        .forEach((k, v) -> cmd.add(k + "=" + v));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("writing");
    return p;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> instance(Map<String, Object> status) {
    for (Object o : (List<Object>) status.get("instances")) {
      Map<String, Object> i = (Map<String, Object>) o;
      if (INSTANCE.equals(i.get("instance"))) {
        return i;
      }
    }
    return null;
  }

  @Test
  @SuppressWarnings("unchecked")
  void afterKill9StatusNamesTheTablesRepairTouchesOnlyThoseAndVerifyIsEqual(DatabasePair db)
      throws Exception {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute("DROP TABLE IF EXISTS dualwrite_drift");
      s.execute("DROP TABLE IF EXISTS dualwrite_instances");
    }
    try (Connection dw = DualWriteTestUrls.connect(db);
        Statement s = dw.createStatement()) {
      for (String t : List.of("crash_a", "crash_b", "crash_c")) {
        s.execute("DROP TABLE IF EXISTS " + t);
        s.execute("CREATE TABLE " + t + " (id BIGINT NOT NULL PRIMARY KEY, v BIGINT NOT NULL)");
      }
      for (int i = 0; i < 10; i++) {
        s.executeUpdate("INSERT INTO crash_a VALUES (" + i + ", " + i + ")");
        s.executeUpdate("INSERT INTO crash_c VALUES (" + i + ", " + i + ")");
      }
    }

    Process app = start(db);
    Thread.sleep(3 * REFRESH_MILLIS); // several heartbeats while writing
    app.destroyForcibly(); // SIGKILL in the middle of writes
    assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
    long killedAt = System.nanoTime();
    // What the crash window leaves when the kill lands between the two commits (seen in some runs,
    // not all, so also planted): a row on PostgreSQL that MySQL never committed. And a difference
    // in crash_c, which the application did not write: repair must not look at it.
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate("INSERT INTO crash_b (id, v) VALUES (42, 42)");
      s.executeUpdate("UPDATE crash_c SET v = -1 WHERE id = 3");
    }

    // status names the tables under the crashed instance once its heartbeat is stale
    Map<String, Object> crashed = null;
    Result status = null;
    while (System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(15)) {
      status = CliRun.run("", AdminArgs.of(db, "status", "--json"));
      assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCodes.OK);
      crashed = instance(MiniJson.object(status.out()));
      if (crashed != null && Boolean.TRUE.equals(crashed.get("crashed"))) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(crashed).as(status.all()).isNotNull();
    assertThat(crashed.get("crashed")).as(status.all()).isEqualTo(true);
    assertThat((List<Object>) crashed.get("writtenTables"))
        .as(status.all())
        .containsExactly("crash_a", "crash_b");
    assertThat(crashed.get("crashDriftOpenedAt")).isNotNull();
    Map<String, Object> drift = (Map<String, Object>) MiniJson.object(status.out()).get("drift");
    assertThat((List<Object>) drift.get("tables")).containsExactly("crash_a", "crash_b");
    Result human = CliRun.run("", AdminArgs.of(db, "status"));
    assertThat(human.out())
        .containsPattern(
            "(?m)^  ! "
                + INSTANCE
                + " .*CRASHED \\(no clean stop\\), tables it was writing: crash_a, crash_b");

    // repair with no --table: exactly the drifted tables
    Result repair = CliRun.run("", AdminArgs.of(db, "repair", "--json"));
    assertThat(repair.exitCode()).as(repair.all()).isEqualTo(ExitCodes.OK);
    Map<String, Object> repaired = MiniJson.object(repair.out());
    assertThat(repaired.get("source")).isEqualTo("drift");
    List<Object> tables = (List<Object>) repaired.get("tables");
    assertThat(tables)
        .extracting(t -> ((Map<String, Object>) t).get("table"))
        .containsExactly("crash_a", "crash_b");
    long rowsWritten = 0;
    for (Object t : tables) {
      Map<String, Object> m = (Map<String, Object>) t;
      rowsWritten += (Long) m.get("inserted") + (Long) m.get("updated") + (Long) m.get("deleted");
    }
    System.out.println(
        "CrashRecoveryIT: status named "
            + crashed.get("writtenTables")
            + " after "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)
            + " ms; repair wrote "
            + rowsWritten
            + " rows: "
            + repair.out().strip());

    Map<String, Object> b = (Map<String, Object>) tables.get(1);
    assertThat((Long) b.get("deleted")).as(repair.out()).isGreaterThanOrEqualTo(1L);

    Result verify = CliRun.run("", AdminArgs.of(db, "verify", "--table=crash_a,crash_b"));
    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(ExitCodes.OK);
    // crash_c was not touched: its planted difference is still there
    Result untouched = CliRun.run("", AdminArgs.of(db, "verify", "--table=crash_c"));
    assertThat(untouched.exitCode()).as(untouched.all()).isEqualTo(ExitCodes.DIFFERENCES);
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate("UPDATE crash_c SET v = 3 WHERE id = 3");
    }
    Result all = CliRun.run("", AdminArgs.of(db, "verify", "--table=crash_a,crash_b,crash_c"));
    assertThat(all.exitCode()).as(all.all()).isEqualTo(ExitCodes.OK);
    Result after = CliRun.run("", AdminArgs.of(db, "status", "--json"));
    Map<String, Object> driftAfter =
        (Map<String, Object>) MiniJson.object(after.out()).get("drift");
    assertThat((List<Object>) driftAfter.get("tables")).isEmpty();
  }
}
