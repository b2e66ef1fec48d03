package io.dualwrite.admin.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TcpProxy;
import io.dualwrite.testkit.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application dies ({@code SIGKILL}) exactly between the two commits: PostgreSQL, the other
 * side, has committed and MySQL has not (the order of docs/consistency.md). The application is a
 * child JVM whose MySQL connections go through a {@link TcpProxy} inside it; the proxy holds the
 * MySQL commit of the marked transaction (nothing reaches MySQL) and tells the test, which kills
 * the child. No hook in the driver: the window is found on the wire. Then {@code status} names the
 * table under the crashed instance, {@code verify} shows PostgreSQL ahead, {@code repair} (no
 * {@code --table}) repairs exactly that table, and {@code verify} is equal. Both windows: an
 * explicit transaction ({@code COMMIT}) and a held autocommit write ({@code SET autocommit=1}).
 */
@ExtendWith(TestDatabases.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class CrashBetweenCommitsIT {
  private static final int REFRESH_MILLIS = 200;
  private static final String MARKER = "/* crash-between-commits */";

  /**
   * The child: writes the table for a second (so it is in the published set), then the marked
   * write, whose MySQL commit its proxy holds after printing "between-commits".
   *
   * <p>Arguments: window ({@code transaction} or {@code autocommit}), table, dualwrite URL, then
   * {@code name=value} properties.
   */
  public static final class CrashingApp {
    public static void main(String[] args) throws Exception {
      String window = args[0];
      String table = args[1];
      Properties p = new Properties();
      for (int i = 3; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        p.setProperty(args[i].substring(0, eq), args[i].substring(eq + 1));
      }
      URI mysql = URI.create(args[2].substring("jdbc:dualwrite:".length()));
      TcpProxy proxy = new TcpProxy(mysql.getHost(), mysql.getPort());
      Set<Long> armed = ConcurrentHashMap.newKeySet();
      proxy.tap(
          (connection, buf, n) -> {
            String text = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            if (text.contains(MARKER)) {
              armed.add(connection);
              return false;
            }
            // a COM_QUERY (after the 4-byte packet header) that commits
            if (armed.contains(connection) && n > 5 && buf[4] == 0x03) {
              String query = text.substring(5).trim().toLowerCase(Locale.ROOT);
              if (query.startsWith("commit") || query.startsWith("set autocommit=1")) {
                System.out.println("between-commits");
                System.out.flush();
                return true;
              }
            }
            return false;
          });
      String url =
          "jdbc:dualwrite:mysql://127.0.0.1:"
              + proxy.port()
              + mysql.getRawPath()
              + (mysql.getRawQuery() == null ? "" : "?" + mysql.getRawQuery());
      try (Connection c = DriverManager.getConnection(url, p);
          Statement s = c.createStatement()) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < until) {
          s.executeUpdate("UPDATE " + table + " SET v = v + 1 WHERE id = 1");
        }
        if (window.equals("transaction")) {
          c.setAutoCommit(false);
          s.executeUpdate("UPDATE " + table + " SET v = -100 WHERE id = 2 " + MARKER);
          s.executeUpdate("INSERT INTO " + table + " (id, v) VALUES (1000, 1000)");
          c.commit();
        } else {
          s.executeUpdate("INSERT INTO " + table + " (id, v) VALUES (1000, 1000) " + MARKER);
        }
      }
      System.out.println("no window: the marked write committed on MySQL");
      System.exit(4);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> instance(Map<String, Object> status, String name) {
    for (Object o : (List<Object>) status.get("instances")) {
      Map<String, Object> i = (Map<String, Object>) o;
      if (name.equals(i.get("instance"))) {
        return i;
      }
    }
    return null;
  }

  @ParameterizedTest
  @ValueSource(strings = {"transaction", "autocommit"})
  @SuppressWarnings("unchecked")
  void killedBetweenTheTwoCommitsStatusNamesTheTableAndRepairMakesItEqual(
      String window, DatabasePair db) throws Exception {
    String table = "between_" + window;
    String instanceName = "between-" + window;
    try (Connection mysql = db.openMysql()) {
      FaultApp.freshControlStore(mysql);
    }
    createTable(db, table);

    killBetweenCommits(
        db,
        window,
        table,
        "dualwrite.control",
        "primary",
        "dualwrite.instance",
        instanceName,
        "dualwrite.refreshMillis",
        Integer.toString(REFRESH_MILLIS));
    long killedAt = System.nanoTime();

    // The window was hit: PostgreSQL has what MySQL rolled back.
    Result before = CliRun.run("", AdminArgs.of(db, "verify", "--table=" + table));
    assertThat(before.exitCode()).as(before.all()).isEqualTo(ExitCodes.DIFFERENCES);

    Map<String, Object> crashed = null;
    Result status = null;
    while (System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(15)) {
      status = CliRun.run("", AdminArgs.of(db, "status", "--json"));
      assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCodes.OK);
      crashed = instance(MiniJson.object(status.out()), instanceName);
      if (crashed != null && Boolean.TRUE.equals(crashed.get("crashed"))) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(crashed).as(status.all()).isNotNull();
    assertThat(crashed.get("crashed")).as(status.all()).isEqualTo(true);
    assertThat((List<Object>) crashed.get("writtenTables")).as(status.all()).containsExactly(table);
    Map<String, Object> drift = (Map<String, Object>) MiniJson.object(status.out()).get("drift");
    assertThat((List<Object>) drift.get("tables")).as(status.all()).containsExactly(table);

    Result repair = CliRun.run("", AdminArgs.of(db, "repair", "--json"));
    assertThat(repair.exitCode()).as(repair.all()).isEqualTo(ExitCodes.OK);
    List<Object> tables = (List<Object>) MiniJson.object(repair.out()).get("tables");
    assertThat(tables)
        .extracting(t -> ((Map<String, Object>) t).get("table"))
        .containsExactly(table);
    Map<String, Object> repaired = (Map<String, Object>) tables.get(0);
    assertThat((Long) repaired.get("deleted")).as("row 1000, on PostgreSQL only").isEqualTo(1L);
    if (window.equals("transaction")) {
      assertThat((Long) repaired.get("updated")).as("row 2, -100 on PostgreSQL").isEqualTo(1L);
    }
    Result after = CliRun.run("", AdminArgs.of(db, "verify", "--table=" + table));
    assertThat(after.exitCode()).as(after.all()).isEqualTo(ExitCodes.OK);
    System.out.printf(
        "CrashBetweenCommitsIT %s: status named %s %d ms after the kill; repair: %s%n",
        window,
        crashed.get("writtenTables"),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt),
        repair.out().strip());
  }

  /**
   * {@code PG_PRIMARY}: PostgreSQL prepared the transaction ({@code PREPARE TRANSACTION}) and
   * MySQL's commit is held when the application dies. PostgreSQL keeps the prepared transaction
   * (invisible, holding its row locks), MySQL rolls its copy back. {@code status} names the table;
   * {@code repair} commits the prepared transaction first (its instance crashed), then copies the
   * rows to MySQL; {@code verify} is equal and no prepared transaction is left.
   */
  @org.junit.jupiter.api.Test
  @SuppressWarnings("unchecked")
  void killedBetweenPrepareAndCommitInPgPrimaryRepairCommitsAndCopiesTheTransaction(DatabasePair db)
      throws Exception {
    String table = "between_prepared";
    String instanceName = "between-prepared";
    String control = db.postgres().jdbcUrl();
    try (Connection pg = db.openPostgres()) {
      FaultApp.freshControlStore(pg);
    }
    createTable(db, table);
    killBetweenCommits(
        db,
        "transaction",
        table,
        "dualwrite.phase",
        "PG_PRIMARY",
        "dualwrite.control",
        control,
        "dualwrite.instance",
        instanceName,
        "dualwrite.refreshMillis",
        Integer.toString(REFRESH_MILLIS));
    long killedAt = System.nanoTime();
    assertThat(preparedLeft(db)).as("PostgreSQL keeps the prepared transaction").isEqualTo(1);

    String controlArg = "--control-url=" + control;
    Map<String, Object> crashed = null;
    Result status = null;
    while (System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(15)) {
      status = CliRun.run("", AdminArgs.of(db, "status", "--json", controlArg));
      assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCodes.OK);
      crashed = instance(MiniJson.object(status.out()), instanceName);
      if (crashed != null && Boolean.TRUE.equals(crashed.get("crashed"))) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(crashed).as(status.all()).isNotNull();
    assertThat(crashed.get("crashed")).as(status.all()).isEqualTo(true);
    assertThat((List<Object>) crashed.get("writtenTables")).as(status.all()).containsExactly(table);

    Result repair = CliRun.run("", AdminArgs.of(db, "repair", "--json", controlArg));
    assertThat(repair.exitCode()).as(repair.all()).isEqualTo(ExitCodes.OK);
    assertThat(repair.err())
        .contains("committed 1 PostgreSQL transaction(s) prepared by dualwrite");
    List<Object> tables = (List<Object>) MiniJson.object(repair.out()).get("tables");
    assertThat(tables)
        .extracting(t -> ((Map<String, Object>) t).get("table"))
        .containsExactly(table);
    Map<String, Object> repaired = (Map<String, Object>) tables.get(0);
    assertThat((Long) repaired.get("inserted"))
        .as("row 1000, committed on PostgreSQL")
        .isEqualTo(1L);
    assertThat((Long) repaired.get("updated")).as("row 2, -100 on PostgreSQL").isEqualTo(1L);
    assertThat(preparedLeft(db)).as("prepared transactions left").isZero();
    Result after = CliRun.run("", AdminArgs.of(db, "verify", "--table=" + table));
    assertThat(after.exitCode()).as(after.all()).isEqualTo(ExitCodes.OK);
    System.out.printf(
        "CrashBetweenCommitsIT prepared: status named %s %d ms after the kill; repair: %s%n",
        crashed.get("writtenTables"),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt),
        repair.out().strip());
    try (Connection pg = db.openPostgres()) {
      FaultApp.freshControlStore(pg); // no store on PostgreSQL for the other tests to find
    }
  }

  private static void createTable(DatabasePair db, String table) throws Exception {
    try (Connection dw = DualWriteTestUrls.connect(db);
        Statement s = dw.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY, v BIGINT NOT NULL)");
      for (int i = 0; i < 10; i++) {
        s.executeUpdate("INSERT INTO " + table + " VALUES (" + i + ", " + i + ")");
      }
    }
  }

  /**
   * Runs {@link CrashingApp} with these dualwrite properties until its proxy holds MySQL's commit
   * of the marked write, then kills it ({@code SIGKILL}).
   */
  private static void killBetweenCommits(
      DatabasePair db, String window, String table, String... properties) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CrashingApp.class.getName());
    cmd.add(window);
    cmd.add(table);
    cmd.add(DualWriteTestUrls.url(db));
    DualWriteTestUrls.properties(db, properties).forEach((k, v) -> cmd.add(k + "=" + v));
    Process app = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("between-commits");
    } finally {
      app.destroyForcibly(); // SIGKILL: MySQL's commit never sent
    }
    assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  private static int preparedLeft(DatabasePair db) throws Exception {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE 'dualwrite:%'"
                    + " AND database = current_database()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
