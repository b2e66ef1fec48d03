package io.dualwrite.admin.backfill;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.admin.backfill.Backfiller.TableState;
import io.dualwrite.admin.connect.BothSides;
import io.dualwrite.admin.connect.ConnectionOptions;
import io.dualwrite.admin.connect.Secrets;
import io.dualwrite.admin.fleet.ControlAccess;
import io.dualwrite.admin.fleet.ControlOptions;
import io.dualwrite.admin.json.Json;
import io.dualwrite.driver.control.ControlStore;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code backfill}: copies the rows MySQL already has to PostgreSQL while the application keeps
 * writing through the driver in DUAL_WRITE (contract section 6; docs/admin.md; the argument in
 * docs/consistency.md, "Backfill").
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Copies the rows MySQL already has to PostgreSQL, in primary-key chunks read under MySQL's"
          + " shared row locks, while the application keeps writing through the driver in"
          + " DUAL_WRITE.",
      "Progress is checkpointed in the control store after every chunk: --resume continues after"
          + " a crash or Ctrl-C, and more processes started with --resume share the work (a"
          + " table, or with --parts a key range of one, at a time, leased). While a table is incomplete, the driver serves its reads"
          + " from MySQL and set-phase / set-read-percent refuse to move on."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every table complete",
      "1:a table refused (no primary key, missing on PostgreSQL), failed or stopped; or the phase"
          + " is not DUAL_WRITE",
      "2:bad usage, or a database that cannot be reached"
    })
public final class BackfillCommand implements Callable<Integer> {
  /** Each part is a row in the control store and a lease tried by every idle worker. */
  static final int MAX_PARTS = 1000;

  @ParentCommand AdminCli cli;

  @Spec CommandSpec spec;

  @Option(
      names = {"--table", "-t"},
      paramLabel = "TABLE",
      split = ",",
      description = "A MySQL table to copy (repeatable; default: every table of the database).")
  List<String> tables = new ArrayList<>();

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Tables (or parts of tables) copied at once by this process (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--parts",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Cut each table this run registers into N key ranges of about equal row counts, at"
              + " boundaries read from MySQL's primary key, each leased, checkpointed and copied"
              + " on its own, so several threads and processes copy one big table at once"
              + " (default: ${DEFAULT-VALUE}, the whole table as one range). A table registered"
              + " already (--prepare, an earlier run) keeps its ranges.")
  int parts;

  @Option(
      names = "--chunk-rows",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "Rows per chunk, i.e. per MySQL transaction holding shared locks on them while they are"
              + " copied (default: ${DEFAULT-VALUE}; lower it if application writes to rows being"
              + " copied must wait less).")
  int chunkRows;

  @Option(
      names = "--max-rows-per-second",
      paramLabel = "N",
      defaultValue = "0",
      description = "Throttle for the whole process (default: 0, unlimited).")
  long maxRowsPerSecond;

  @Option(
      names = "--max-threads-running",
      paramLabel = "N",
      defaultValue = "0",
      description = "Pause while MySQL's Threads_running is above N (default: 0, never pause).")
  int maxThreadsRunning;

  @Option(
      names = "--resume",
      description =
          "Continue tables from their checkpoints (and share them with other processes); tables"
              + " already complete are skipped. Without it, a complete table is copied again and"
              + " an incomplete one is refused.")
  boolean resume;

  @Option(
      names = "--prepare",
      description =
          "Only register the tables as being backfilled and wait until every live instance knows"
              + " (allowed in MYSQL_ONLY too); copy nothing. Run it before set-phase DUAL_WRITE, so"
              + " the first mirrored writes of rows not copied yet are not recorded as"
              + " discrepancies.")
  boolean prepare;

  @Option(
      names = "--lease-seconds",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long a table (or range) stays leased to this process without a checkpoint before"
              + " another process may take it over (default: ${DEFAULT-VALUE}).")
  int leaseSeconds;

  @Option(
      names = "--instance-wait-seconds",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How long to wait for every live application instance to confirm it knows the tables"
              + " being backfilled before copying (default: ${DEFAULT-VALUE}).")
  int instanceWaitSeconds;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Progress on standard error (default: on).")
  boolean progress;

  @Mixin ConnectionOptions connection;

  @Mixin ControlOptions control;

  @Override
  public Integer call() throws SQLException {
    if (threads < 1
        || chunkRows < 1
        || parts < 1
        || parts > MAX_PARTS
        || maxRowsPerSecond < 0
        || maxThreadsRunning < 0) {
      throw AdminException.cannotRun(
          "--threads, --chunk-rows and --parts must be at least 1 (--parts at most "
              + MAX_PARTS
              + "), --max-rows-per-second and"
              + " --max-threads-running at least 0",
          null);
    }
    if (leaseSeconds < 5 || instanceWaitSeconds < 1) {
      throw AdminException.cannotRun(
          "--lease-seconds must be at least 5, --instance-wait-seconds at least 1", null);
    }
    Secrets secrets = cli.context().secrets();
    BothSides sides = connection.resolveBoth(secrets);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ControlStore store = ControlAccess.open(sides.settings(), control.url(), secrets)) {
      Optional<String> refusal = Backfiller.phaseRefusal(store.flags(), prepare);
      if (refusal.isPresent()) {
        throw new AdminException(ExitCodes.DIFFERENCES, "refusing to backfill: " + refusal.get());
      }
      List<TableInfo> infos;
      try (Connection mysql = sides.openMysql();
          Connection pg = sides.openPostgres()) {
        List<String> names = tables.isEmpty() ? TableInfo.mysqlTables(mysql) : tables;
        infos = new ArrayList<>();
        for (String name : names) {
          infos.add(TableInfo.read(mysql, pg, name));
        }
      }
      infos = parentsFirst(infos);
      Backfiller.Options options =
          new Backfiller.Options(
              threads,
              chunkRows,
              maxRowsPerSecond,
              resume,
              maxThreadsRunning,
              TimeUnit.SECONDS.toMillis(leaseSeconds),
              10,
              1000,
              TimeUnit.SECONDS.toMillis(instanceWaitSeconds),
              owner(),
              prepare,
              parts);
      BackfillProgress listener =
          new BackfillProgress(
              err,
              cli.json(),
              cli.context().stderrIsTerminal(),
              progress,
              cli.context().nanoTime());
      Backfiller backfiller =
          new Backfiller(
              store,
              new Backfiller.Connector() {
                @Override
                public Connection mysql() {
                  return sides.openMysql();
                }

                @Override
                public Connection postgres() {
                  return sides.openPostgres();
                }
              },
              options,
              listener,
              cli.context().nanoTime());
      Thread main = Thread.currentThread();
      Thread waiter =
          new Thread(
              () -> {
                backfiller.stop(
                    "interrupted (Ctrl-C): stopped at a checkpoint; --resume continues");
                try {
                  main.join(TimeUnit.SECONDS.toMillis(30));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "dualwrite-backfill-stop");
      boolean hooked = addHook(waiter);
      List<TableState> result;
      try {
        result = backfiller.run(infos);
      } finally {
        if (hooked) {
          removeHook(waiter);
        }
      }
      report(out, result, cli.json(), cli.context().nanoTime().getAsLong());
      String done = prepare ? "registered" : "complete";
      boolean allComplete =
          result.stream().allMatch(s -> done.equals(s.state) || "complete".equals(s.state));
      return allComplete ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
  }

  private static boolean addHook(Thread t) {
    try {
      Runtime.getRuntime().addShutdownHook(t);
      return true;
    } catch (IllegalStateException | SecurityException e) {
      return false;
    }
  }

  private static void removeHook(Thread t) {
    try {
      Runtime.getRuntime().removeShutdownHook(t);
    } catch (IllegalStateException | SecurityException e) {
      // shutting down: the hook runs
    }
  }

  /** This process, as leases name it: host, pid and a random suffix. */
  static String owner() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    return host
        + ":"
        + ManagementFactory.getRuntimeMXBean().getPid()
        + ":"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Tables referenced by foreign keys first (a cycle keeps the given order). */
  static List<TableInfo> parentsFirst(List<TableInfo> tables) {
    Map<String, TableInfo> byName = new LinkedHashMap<>();
    for (TableInfo t : tables) {
      byName.put(t.storeName(), t);
    }
    List<TableInfo> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (TableInfo t : tables) {
      visit(t, byName, done, visiting, out);
    }
    return out;
  }

  private static void visit(
      TableInfo t,
      Map<String, TableInfo> byName,
      Set<String> done,
      Set<String> visiting,
      List<TableInfo> out) {
    if (done.contains(t.storeName()) || !visiting.add(t.storeName())) {
      return;
    }
    Deque<String> parents = new ArrayDeque<>(t.parents());
    for (String p : parents) {
      TableInfo parent = byName.get(p);
      if (parent != null) {
        visit(parent, byName, done, visiting, out);
      }
    }
    visiting.remove(t.storeName());
    if (done.add(t.storeName())) {
      out.add(t);
    }
  }

  private static void report(PrintWriter out, List<TableState> result, boolean json, long now) {
    long complete = result.stream().filter(s -> "complete".equals(s.state)).count();
    if (json) {
      Json.ArrayBuilder arr = Json.array();
      for (TableState s : result) {
        Json.ObjectBuilder o =
            Json.object()
                .put("table", s.info.mysqlName())
                .put("state", s.state)
                .put("rowsCopied", s.rowsCopied)
                .put("rowsThisRun", s.rowsThisRun)
                .put("rowsPerSecond", BackfillProgress.rate(s, now))
                .put("parts", s.parts.size())
                .put("partsCopiedHere", s.partsCompletedHere);
        if (s.reason != null) {
          o.put("reason", s.reason);
        }
        arr.add(o);
      }
      out.println(
          Json.object()
              .put("tables", arr)
              .put("complete", complete)
              .put("total", result.size())
              .put("allComplete", complete == result.size()));
    } else {
      for (TableState s : result) {
        out.printf(
            Locale.ROOT,
            "backfill: %s: %s, %,d rows copied (%,d in this run, %,d rows/s)%s%s%n",
            s.info.mysqlName(),
            s.state,
            s.rowsCopied,
            s.rowsThisRun,
            BackfillProgress.rate(s, now),
            s.parts.size() > 1
                ? String.format(
                    Locale.ROOT,
                    ", %d parts, %d copied by this process",
                    s.parts.size(),
                    s.partsCompletedHere)
                : "",
            s.reason == null ? "" : ": " + s.reason);
      }
      out.printf(Locale.ROOT, "backfill: %d of %d tables complete%n", complete, result.size());
    }
    out.flush();
  }
}
