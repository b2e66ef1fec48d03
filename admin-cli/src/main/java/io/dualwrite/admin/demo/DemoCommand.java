package io.dualwrite.admin.demo;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.admin.fleet.FlagsChange;
import io.dualwrite.admin.fleet.FleetStatus;
import io.dualwrite.admin.verify.TableResult;
import io.dualwrite.admin.verify.VerifyCommand;
import io.dualwrite.admin.verify.VerifyProgress;
import io.dualwrite.admin.verify.VerifyReport;
import io.dualwrite.driver.Phase;
import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.control.DiscrepancySummary;
import io.dualwrite.driver.control.StoredFlags;
import io.dualwrite.testkit.Endpoint;
import io.dualwrite.testkit.TestServers;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: embedded MariaDB and PostgreSQL, a sample schema created through the driver, a
 * sample application (two instances, a few threads) writing and reading through {@code
 * jdbc:dualwrite:}, reads ramped 0 -> 10 -> 50 -> 100 % through the control store, status and
 * discrepancies at each step, and a final verify.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Starts embedded MariaDB and PostgreSQL, creates a sample schema through the driver, runs a"
          + " sample application in a few threads while moving its reads to PostgreSQL"
          + " (0 -> 10 -> 50 -> 100 %%) through the control store, shows status and discrepancies"
          + " at each step, and ends with verify.",
      "Needs nothing installed but Java; the databases live in temporary directories and stop"
          + " when the demo ends."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the application ran without errors and verify found both sides equal",
      "1:application errors, or verify found differences",
      "2:the embedded databases could not start"
    })
public final class DemoCommand implements Callable<Integer> {
  static final int[] READ_STEPS = {0, 10, 50, 100};

  @ParentCommand AdminCli cli;

  @Spec CommandSpec spec;

  @Option(
      names = "--step-seconds",
      paramLabel = "SECONDS",
      defaultValue = "3",
      description =
          "How long the application runs at each read percentage (default: ${DEFAULT-VALUE}).")
  int stepSeconds;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "4",
      description = "Application threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    out.println("== Starting embedded MariaDB (standing in for MySQL) and PostgreSQL ...");
    out.flush();
    TestServers servers;
    try {
      servers = TestServers.get();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw AdminException.cannotRun(
          "the embedded databases could not start: " + cause.getMessage(), e);
    }
    out.printf(
        "   MySQL side: %s; PostgreSQL side: %s%n",
        servers.mysqlVersion(), servers.postgresVersion());
    String name =
        "dualwrite_demo_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    Endpoint mysql = database(servers.mysqlServer(), name);
    Endpoint pg = database(servers.postgresServer(), name);
    String url = "jdbc:dualwrite:" + mysql.jdbcUrl().substring("jdbc:".length());
    out.printf("   database %s on both; the application connects to %s%n", name, url);

    Properties app1 = appProperties(mysql, pg, "demo-app-1");
    Properties app2 = appProperties(mysql, pg, "demo-app-2");
    SampleApp app = new SampleApp(url, List.of(app1, app2), Math.max(1, threads));
    out.println("== Creating the schema through the driver (MySQL DDL, translated for PostgreSQL)");
    for (String ddl : SampleApp.SCHEMA) {
      out.println("   " + ddl.substring(0, ddl.indexOf('(')).trim() + " ...");
    }
    app.open();
    app.createSchema();

    try (ControlStore store = ControlStore.open(mysql.jdbcUrl(), mysql.properties())) {
      StoredFlags flags =
          FlagsChange.write(store, t -> new FlagsChange.Target(Phase.DUAL_WRITE, 0, 25), null);
      Instant since = flags.updatedAt();
      out.printf(
          "== Control store in the MySQL database (dualwrite.control=primary): phase %s,"
              + " compare %d%% of reads%n",
          flags.phase(), flags.comparePercent());
      out.printf("== Running the sample application: %d threads in 2 instances%n", threads);
      out.flush();
      app.start();
      long lastWrites = 0;
      long lastReads = 0;
      for (int percent : READ_STEPS) {
        StoredFlags set =
            FlagsChange.write(
                store, t -> new FlagsChange.Target(t.phase(), percent, t.comparePercent()), null);
        FlagsChange.Outcome applied = FlagsChange.await(store, set, 10_000, err, false);
        out.printf(
            "%n== set-read-percent %d: version %d applied by %d live instances in %.1f s%s%n",
            percent,
            set.version(),
            applied.live(),
            applied.waitedMillis() / 1000.0,
            applied.applied() ? "" : " (not yet: " + String.join(", ", applied.laggards()) + ")");
        Thread.sleep(stepSeconds * 1000L);
        long w = app.writes.get();
        long r = app.reads.get();
        out.printf(
            "   application: %,d writes and %,d reads in %d s at %d%% reads from PostgreSQL,"
                + " %d errors%n",
            w - lastWrites, r - lastReads, stepSeconds, percent, app.errors.get());
        lastWrites = w;
        lastReads = r;
        FleetStatus.read(store).printHuman(indented(out));
        printDiscrepancies(out, store.discrepancySummary(since));
        out.flush();
      }
      app.stop();
      app.close();
      out.printf(
          "%n== Application stopped: %,d writes, %,d reads, %d errors%s%n",
          app.writes.get(),
          app.reads.get(),
          app.errors.get(),
          app.firstError.get() == null ? "" : " (first: " + app.firstError.get() + ")");
    }

    out.println("== verify: every table, row by row, MySQL against PostgreSQL");
    out.flush();
    List<TableResult> results;
    try (Connection m = mysql.open();
        Connection p = pg.open()) {
      results =
          VerifyCommand.verify(
              VerifyCommand.Mode.checksum,
              m,
              p,
              List.of(),
              1000,
              20,
              false,
              cli,
              new VerifyProgress(err, false, true, System::nanoTime));
    }
    VerifyReport.printHuman(indented(out), results);
    if (!VerifyReport.equal(results)) {
      // Drift the driver recorded, or a difference only verify saw: what repair is for.
      String[] repair = commandLine("repair", mysql, pg);
      out.println("== " + shown(repair));
      out.flush();
      AdminCli.run(cli.context(), indented(out), err, repair);
      String[] verify = commandLine("verify", mysql, pg);
      out.println("== " + shown(verify));
      out.flush();
      int code = AdminCli.run(cli.context(), indented(out), err, verify);
      results = code == ExitCodes.OK ? List.of() : results;
    }
    boolean ok = VerifyReport.equal(results) && app.errors.get() == 0;
    out.printf(
        "%n== Demo %s in %.1f s%n",
        ok ? "finished: both sides equal" : "finished WITH PROBLEMS",
        (System.nanoTime() - started) / 1e9);
    out.flush();
    return ok ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  /** {@code command} with both sides' URLs and credentials (an empty password left out). */
  private static String[] commandLine(String command, Endpoint mysql, Endpoint pg) {
    List<String> args = new java.util.ArrayList<>();
    args.add(command);
    args.add("--mysql-url=" + mysql.jdbcUrl());
    if (mysql.user() != null) {
      args.add("--mysql-user=" + mysql.user());
    }
    if (mysql.password() != null && !mysql.password().isEmpty()) {
      args.add("--mysql-password=" + mysql.password());
    }
    args.add("--postgres-url=" + pg.jdbcUrl());
    if (pg.user() != null) {
      args.add("--postgres-user=" + pg.user());
    }
    if (pg.password() != null && !pg.password().isEmpty()) {
      args.add("--postgres-password=" + pg.password());
    }
    return args.toArray(String[]::new);
  }

  /** The command line as shown: passwords left out. */
  private static String shown(String[] args) {
    StringBuilder b = new StringBuilder("dualwrite-admin");
    for (String a : args) {
      if (!a.contains("password")) {
        b.append(' ').append(a);
      }
    }
    return b.toString();
  }

  private static void printDiscrepancies(PrintWriter out, List<DiscrepancySummary> summary) {
    if (summary.isEmpty()) {
      out.println("   discrepancies since the demo started: none");
      return;
    }
    out.println("   discrepancies since the demo started:");
    for (DiscrepancySummary s : summary) {
      out.printf(
          "     %,d x %s %s: %s%n", s.occurrences(), s.kind(), s.fingerprint(), s.sampleDetail());
    }
  }

  private static PrintWriter indented(PrintWriter out) {
    return new PrintWriter(
        new java.io.Writer() {
          private boolean lineStart = true;

          @Override
          public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
              if (lineStart) {
                out.write("   ");
              }
              out.write(buf[i]);
              lineStart = buf[i] == '\n';
            }
          }

          @Override
          public void flush() {
            out.flush();
          }

          @Override
          public void close() {
            flush();
          }
        },
        true);
  }

  private static Properties appProperties(Endpoint mysql, Endpoint pg, String instance) {
    Properties p = mysql.properties();
    p.setProperty("dualwrite.postgres.url", pg.jdbcUrl());
    if (pg.user() != null) {
      p.setProperty("dualwrite.postgres.user", pg.user());
    }
    if (pg.password() != null) {
      p.setProperty("dualwrite.postgres.password", pg.password());
    }
    p.setProperty("dualwrite.control", "primary");
    p.setProperty("dualwrite.refreshMillis", "500");
    p.setProperty("dualwrite.instance", instance);
    return p;
  }

  /** Creates {@code name} on the server and returns an endpoint for it. */
  private static Endpoint database(Endpoint server, String name) throws SQLException {
    try (Connection c = server.open();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String url = server.jdbcUrl();
    int scheme = url.indexOf("://");
    int query = url.indexOf('?', scheme + 3);
    String before = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    int slash = before.indexOf('/', scheme + 3);
    String host = slash < 0 ? before : before.substring(0, slash);
    return new Endpoint(host + "/" + name + params, server.user(), server.password());
  }
}
