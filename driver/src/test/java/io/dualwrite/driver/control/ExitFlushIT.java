package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that never calls {@code Driver.shutdown()} (BenchBase, most programs) exits
 * normally. Its last discrepancies still reach the control store (the refresh interval here is an
 * hour, so only the exit hook can have written them), and the stop is clean exactly when no write
 * can be left between its two sides ({@link WriteWindows}): a normal exit is clean, so the fleet
 * opens no drift; an exit while a write is in flight, or a write started by the application's own
 * shutdown hook after the clean stop was published, leaves the stop unclean with that write's table
 * published.
 */
@ExtendWith(TestDatabases.class)
class ExitFlushIT {

  /**
   * The child JVM. {@code args}: mode, dualwrite URL, MySQL URL, instance, then properties.
   *
   * <ul>
   *   <li>{@code plain}: one discrepancy recorded, then a normal exit;
   *   <li>{@code inFlight}: {@code System.exit} while a mirrored update waits for a MySQL row lock;
   *   <li>{@code lateWrite}: a normal exit; the application's shutdown hook waits for the clean
   *       stop in the control store, then starts an update (it waits for the same row lock), waits
   *       for the stop to be taken back, and halts the JVM.
   * </ul>
   */
  public static final class App {
    public static void main(String[] args) throws Exception {
      String mode = args[0];
      String dualwrite = args[1];
      String mysql = args[2];
      String instance = args[3];
      Properties p = new Properties();
      for (int i = 4; i < args.length; i++) {
        String[] kv = args[i].split("=", 2);
        p.setProperty(kv[0], kv[1]);
      }
      Connection app = DriverManager.getConnection(dualwrite, p);
      try (Statement s = app.createStatement()) {
        // exists on MySQL only: the mirror fails and records it
        s.executeUpdate("INSERT INTO exit_flush_mysql_only VALUES (1)");
        s.executeUpdate("UPDATE exit_windows SET v = v + 1 WHERE id = 2");
      }
      if (mode.equals("plain")) {
        System.out.println("done");
        return;
      }
      Connection holder = DriverManager.getConnection(mysql, p);
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.executeUpdate("UPDATE exit_windows SET v = v + 1 WHERE id = 1");
      }
      if (mode.equals("inFlight")) {
        blockedUpdate(app);
        await(() -> lockWaits(mysql, p) > 0, "the update waiting for the row lock");
        System.out.println("exiting with a write in flight");
        System.out.flush();
        System.exit(0);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      await(() -> stopped(mysql, p, instance), "the clean stop");
                      System.out.println("clean stop published");
                      blockedUpdate(app);
                      await(() -> !stopped(mysql, p, instance), "the clean stop taken back");
                      System.out.println("clean stop taken back");
                    } catch (Exception e) {
                      System.out.println("app hook failed: " + e);
                    }
                    System.out.flush();
                    Runtime.getRuntime().halt(0); // dies with the update in flight
                  }));
      System.out.println("exiting");
    }

    private static void blockedUpdate(Connection app) {
      Thread t =
          new Thread(
              () -> {
                try (Statement s = app.createStatement()) {
                  s.executeUpdate("UPDATE exit_windows SET v = 10 WHERE id = 1");
                } catch (SQLException e) {
                  System.out.println("update failed: " + e);
                }
              });
      t.setDaemon(true);
      t.start();
    }

    /**
     * The blocked update as MySQL's process list shows it: a user sees its own threads without the
     * PROCESS privilege that {@code information_schema.innodb_trx} needs (on a CI run of MySQL 9.7
     * it showed no lock wait for 30 s), and this query's own text starts with SELECT.
     */
    private static long lockWaits(String mysql, Properties p) throws SQLException {
      try (Connection c = DriverManager.getConnection(mysql, p);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                      + " WHERE INFO LIKE 'UPDATE exit_windows SET v = 10%'")) {
        rs.next();
        return rs.getLong(1);
      }
    }

    private static boolean stopped(String mysql, Properties p, String instance)
        throws SQLException {
      try (Connection c = DriverManager.getConnection(mysql, p);
          java.sql.PreparedStatement ps =
              c.prepareStatement(
                  "SELECT stopped_at_ms FROM dualwrite_instances WHERE instance = ?")) {
        ps.setString(1, instance);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getObject(1) != null;
        }
      }
    }

    interface Check {
      boolean holds() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!check.holds()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("not within 30 s: " + what);
        }
        Thread.sleep(20);
      }
    }
  }

  @Test
  void aNormalExitFlushesDiscrepanciesAndStopsCleanly(DatabasePair db) throws Exception {
    String out = runChild(db, "plain", "exit-plain");
    assertThat(out).contains("done");
    long recorded =
        ControlFixtures.longValue(
            db,
            ControlFixtures.Store.MYSQL,
            "SELECT COUNT(*) FROM dualwrite_discrepancies WHERE instance = ? AND kind = ?",
            "exit-plain",
            "MIRROR_FAILED");
    assertThat(recorded).as(out).isEqualTo(1);
    assertThat(instanceRow(db, "exit-plain")).as(out).containsExactly(true, "[]");
  }

  @Test
  void anExitWithAWriteInFlightIsNotAStopAndNamesItsTable(DatabasePair db) throws Exception {
    String out = runChild(db, "inFlight", "exit-in-flight");
    assertThat(out).contains("exiting with a write in flight");
    List<Object> row = instanceRow(db, "exit-in-flight");
    assertThat(row.get(0)).as(out).isEqualTo(false);
    assertThat((String) row.get(1)).as(out).contains("exit_windows");
  }

  @Test
  void aWriteAfterTheCleanStopTakesItBackBeforeItWrites(DatabasePair db) throws Exception {
    String out = runChild(db, "lateWrite", "exit-late-write");
    assertThat(out).contains("clean stop published").contains("clean stop taken back");
    List<Object> row = instanceRow(db, "exit-late-write");
    assertThat(row.get(0)).as(out).isEqualTo(false);
    assertThat((String) row.get(1)).as(out).contains("exit_windows");
  }

  /** Runs the child to its end; returns its output. */
  private static String runChild(DatabasePair db, String mode, String instance) throws Exception {
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      try (Statement s = mysql.createStatement()) {
        s.execute("DROP TABLE IF EXISTS exit_flush_mysql_only");
        s.execute("CREATE TABLE exit_flush_mysql_only (id INT PRIMARY KEY)");
      }
      for (Connection c : List.of(mysql, pg)) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS exit_windows");
          s.execute("CREATE TABLE exit_windows (id INT PRIMARY KEY, v INT NOT NULL)");
          s.execute("INSERT INTO exit_windows VALUES (1, 0), (2, 0)");
        }
      }
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(App.class.getName());
    cmd.add(mode);
    cmd.add(DualWriteTestUrls.url(db));
    cmd.add(db.mysql().jdbcUrl());
    cmd.add(instance);
    Properties props =
        DualWriteTestUrls.properties(
            db,
            "dualwrite.control",
            "primary",
            "dualwrite.instance",
            instance,
            "dualwrite.refreshMillis",
            "3600000");
    props.forEach((k, v) -> cmd.add(k + "=" + v));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /** Whether the instance's last heartbeat marks a clean stop, and its published tables. */
  private static List<Object> instanceRow(DatabasePair db, String instance) throws SQLException {
    List<List<Object>> rows =
        ControlFixtures.rows(
            db,
            ControlFixtures.Store.MYSQL,
            "SELECT stopped_at_ms IS NOT NULL, written_tables FROM dualwrite_instances"
                + " WHERE instance = ?",
            instance);
    assertThat(rows).hasSize(1);
    Object stopped = rows.get(0).get(0);
    boolean clean = stopped instanceof Boolean b ? b : ((Number) stopped).longValue() != 0;
    return List.of(clean, String.valueOf(rows.get(0).get(1)));
  }
}
