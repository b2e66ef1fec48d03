package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that never calls {@code Driver.shutdown()} (BenchBase, most programs) still gets
 * its last discrepancies into the control store when its JVM exits normally: the refresh interval
 * here is an hour, so only the exit flush can have written them.
 */
@ExtendWith(TestDatabases.class)
class ExitFlushIT {

  /** The child JVM: one discrepancy recorded, then a normal exit without shutdown. */
  public static final class App {
    public static void main(String[] args) throws Exception {
      Properties p = new Properties();
      for (int i = 1; i < args.length; i++) {
        String[] kv = args[i].split("=", 2);
        p.setProperty(kv[0], kv[1]);
      }
      try (Connection c = DriverManager.getConnection(args[0], p);
          Statement s = c.createStatement()) {
        // exists on MySQL only: the mirror fails and records it
        s.executeUpdate("INSERT INTO exit_flush_mysql_only VALUES (1)");
      }
      System.out.println("done");
    }
  }

  @Test
  void discrepanciesReachTheControlStoreAtNormalExitWithoutShutdown(DatabasePair db)
      throws Exception {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute("CREATE TABLE exit_flush_mysql_only (id INT PRIMARY KEY)");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(App.class.getName());
    cmd.add(DualWriteTestUrls.url(db));
    Properties props =
        DualWriteTestUrls.properties(
            db,
            "dualwrite.control",
            "primary",
            "dualwrite.instance",
            "exit-flush",
            "dualwrite.refreshMillis",
            "3600000");
    props.forEach((k, v) -> cmd.add(k + "=" + v));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("done");

    long recorded =
        ControlFixtures.longValue(
            db,
            ControlFixtures.Store.MYSQL,
            "SELECT COUNT(*) FROM dualwrite_discrepancies WHERE instance = ? AND kind = ?",
            "exit-flush",
            "MIRROR_FAILED");
    assertThat(recorded).as(out).isEqualTo(1);
  }
}
