package io.dualwrite.admin.repair;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.admin.connect.BothSides;
import io.dualwrite.admin.connect.ConnectionOptions;
import io.dualwrite.admin.connect.ConnectionSettings;
import io.dualwrite.admin.connect.Secrets;
import io.dualwrite.admin.fleet.ControlAccess;
import io.dualwrite.admin.fleet.ControlOptions;
import io.dualwrite.admin.json.Json;
import io.dualwrite.admin.json.JsonReader;
import io.dualwrite.admin.verify.KeyDiff;
import io.dualwrite.admin.verify.SchemaReader;
import io.dualwrite.admin.verify.Side;
import io.dualwrite.admin.verify.TableResult;
import io.dualwrite.admin.verify.TableSpec;
import io.dualwrite.admin.verify.TableVerifier;
import io.dualwrite.admin.verify.VerifyProgress;
import io.dualwrite.driver.Phase;
import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.control.DriftEntry;
import io.dualwrite.driver.control.InstanceStatus;
import io.dualwrite.driver.control.StoredFlags;
import io.dualwrite.driver.control.WrittenTables;
import io.dualwrite.driver.runtime.PreparedTransactions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code repair}: copies authoritative rows to the other side (insert missing, update changed,
 * delete extra) for the given keys, the control store's drift, or what {@code verify} finds; then
 * clears the repaired drift. Idempotent and safe while the application writes ({@link
 * RowRepairer}).
 */
@Command(
    name = "repair",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Rewrites differing rows on the non-authoritative side from the authoritative one.",
      "Keys come from --keys-from-verify FILE (the output of verify --json); else, without"
          + " --table, from the control store's drift when there is any; else from a verify of"
          + " the tables (all, or --table). Repaired drift is cleared in the control store.",
      "Each key is repaired in a short transaction that locks the authoritative row, so the"
          + " application may keep writing. Running it twice changes nothing the second time."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every key repaired (or nothing to repair)",
      "1:some table or key could not be repaired",
      "2:bad usage, or a database that cannot be reached"
    })
public final class RepairCommand implements Callable<Integer> {
  @ParentCommand AdminCli cli;

  @Spec CommandSpec spec;

  @Option(
      names = {"--table", "-t"},
      paramLabel = "TABLE",
      split = ",",
      description = "Repair only these MySQL tables (repeatable).")
  List<String> tables = new ArrayList<>();

  @Option(
      names = "--keys-from-verify",
      paramLabel = "FILE",
      description = "Repair the keys listed in this output of verify --json.")
  Path keysFromVerify;

  @Option(
      names = "--authoritative",
      paramLabel = "SIDE",
      description =
          "mysql or postgres: the side copied from (default: the control store's phase,"
              + " PG_PRIMARY and PG_ONLY meaning postgres; else dualwrite.phase; else mysql).")
  String authoritativeOption;

  @Option(names = "--dry-run", description = "Find and report, but roll back every change.")
  boolean dryRun;

  @Option(
      names = "--no-control",
      description = "Do not use the control store (no drift read, none cleared).")
  boolean noControl;

  @Option(
      names = "--chunk-size",
      paramLabel = "ROWS",
      defaultValue = "1000",
      description = "Rows per query when comparing tables (default: ${DEFAULT-VALUE}).")
  int chunkSize;

  @Mixin ConnectionOptions connection;

  @Mixin ControlOptions control;

  /** One table's outcome. */
  record TableRepair(
      String table,
      String source,
      long keys,
      Map<RowRepairer.Outcome, Long> outcomes,
      long failed,
      String error,
      int driftCleared) {
    long written() {
      return outcomes.getOrDefault(RowRepairer.Outcome.INSERTED, 0L)
          + outcomes.getOrDefault(RowRepairer.Outcome.UPDATED, 0L)
          + outcomes.getOrDefault(RowRepairer.Outcome.DELETED, 0L);
    }
  }

  @Override
  public Integer call() throws SQLException, IOException {
    if (chunkSize < 1) {
      throw AdminException.cannotRun("--chunk-size must be at least 1", null);
    }
    Secrets secrets = cli.context().secrets();
    BothSides sides = connection.resolveBoth(secrets);
    ConnectionSettings settings = sides.settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, TablePlan> plans =
        keysFromVerify == null ? new LinkedHashMap<>() : readVerifyOutput(keysFromVerify);

    Optional<ControlStore> store =
        noControl
            ? Optional.empty()
            : ControlAccess.openIfPresent(settings, control.url(), secrets);
    try (Connection mysql = sides.openMysql();
        Connection pg = sides.openPostgres()) {
      Side authoritative = authoritative(settings, store);
      if (store.isPresent() && !dryRun) {
        // Instances that died without a clean stop: their written tables become drift first.
        for (ControlStore.CrashDrift crash : store.get().openCrashDrift()) {
          err.println(
              "repair: instance "
                  + crash.instance()
                  + " stopped without a clean stop (last seen "
                  + crash.lastSeen()
                  + "); drift opened on "
                  + String.join(", ", crash.tables()));
        }
      }
      if (authoritative == Side.POSTGRES && !dryRun) {
        commitPreparedLeftBehind(pg, store, err);
      }
      Instant notAfter = store.isPresent() ? store.get().databaseNow() : null;
      String source = keysFromVerify != null ? "keys-from-verify" : "verify";
      Set<String> everyTableDrift = Set.of();
      List<DriftEntry> drift = store.isPresent() ? store.get().drift() : List.of();
      if (keysFromVerify == null && tables.isEmpty() && !drift.isEmpty()) {
        source = "drift";
        addDrift(plans, drift, true);
        TablePlan all = plans.remove(key(WrittenTables.ALL));
        if (all != null) {
          // "*": an instance that wrote more tables than it could announce died: every table.
          for (TableSpec t : SchemaReader.read(mysql, pg, List.of())) {
            TablePlan plan =
                plans.computeIfAbsent(key(t.mysqlName()), k -> new TablePlan(t.mysqlName()));
            plan.compareWholeTable = true;
          }
          everyTableDrift = all.driftNames;
        }
      }
      if (keysFromVerify == null && !source.equals("drift")) {
        List<String> names = tables;
        if (names.isEmpty()) {
          names = new ArrayList<>();
          for (TableSpec t : SchemaReader.read(mysql, pg, List.of())) {
            names.add(t.mysqlName());
          }
        }
        for (String name : names) {
          plans.computeIfAbsent(key(name), k -> new TablePlan(name)).compareWholeTable = true;
        }
      }
      if (!tables.isEmpty()) {
        plans.keySet().retainAll(tables.stream().map(RepairCommand::key).toList());
      }
      if (!source.equals("drift")) {
        // Drift rows these keys or tables cover are cleared once they are repaired.
        addDrift(plans, drift, false);
      }
      // Drift rows of tables not being repaired stay.
      plans.values().removeIf(p -> p.keys.isEmpty() && !p.compareWholeTable && p.warning == null);

      RowRepairer repairer = new RowRepairer(mysql, pg, authoritative, dryRun);
      VerifyProgress progress = new VerifyProgress(err, cli.json(), true, cli.context().nanoTime());
      List<TableRepair> results = new ArrayList<>();
      for (TablePlan plan : plans.values()) {
        if (plan.warning != null) {
          err.println("repair: " + plan.table + ": " + plan.warning);
        }
        results.add(
            repairTable(
                mysql, pg, plan, source, repairer, authoritative, store, notAfter, progress));
      }
      if (!everyTableDrift.isEmpty()
          && !dryRun
          && results.stream().allMatch(r -> r.failed() == 0 && r.error() == null)) {
        for (String name : everyTableDrift) {
          store.get().clearDrift(name, List.of(), notAfter);
        }
      }
      print(out, authoritative, source, results);
      return results.stream().anyMatch(r -> r.failed() > 0 || r.error() != null)
          ? ExitCodes.DIFFERENCES
          : ExitCodes.OK;
    } finally {
      store.ifPresent(ControlStore::close);
    }
  }

  private TableRepair repairTable(
      Connection mysql,
      Connection pg,
      TablePlan plan,
      String source,
      RowRepairer repairer,
      Side authoritative,
      Optional<ControlStore> store,
      Instant notAfter,
      VerifyProgress progress)
      throws SQLException {
    Map<RowRepairer.Outcome, Long> outcomes = new LinkedHashMap<>();
    TableSpec t;
    try {
      t = SchemaReader.read(mysql, pg, List.of(plan.table)).get(0);
    } catch (AdminException e) {
      return new TableRepair(plan.table, source, 0, outcomes, 0, e.getMessage(), 0);
    }
    if (!t.problems().isEmpty()) {
      return new TableRepair(
          t.mysqlName(), source, 0, outcomes, 0, String.join("; ", t.problems()), 0);
    }
    if (!t.hasPrimaryKey()) {
      return new TableRepair(
          t.mysqlName(),
          source,
          0,
          outcomes,
          0,
          "no primary key: rows cannot be repaired one by one; copy the table by hand",
          0);
    }
    List<List<String>> keys = new ArrayList<>();
    for (List<String> key : plan.keys) {
      if (key.size() == t.keyIndexes().size()) {
        keys.add(key);
      } else {
        // A drift key of a table with a composite primary key (the driver does not split it):
        // compare the whole table instead.
        plan.compareWholeTable = true;
      }
    }
    if (plan.compareWholeTable) {
      TableVerifier verifier =
          new TableVerifier(
              mysql, pg, chunkSize, Integer.MAX_VALUE, false, cli.context().nanoTime(), progress);
      TableResult found = verifier.verify(t);
      progress.done(found);
      for (KeyDiff d : found.listed()) {
        if (!keys.contains(d.key())) {
          keys.add(d.key());
        }
      }
    }
    long failed = 0;
    String firstError = null;
    for (List<String> key : keys) {
      try {
        outcomes.merge(repairer.repair(t, key), 1L, Long::sum);
      } catch (SQLException | IllegalArgumentException e) {
        failed++;
        if (firstError == null) {
          firstError =
              "key "
                  + key
                  + ": "
                  + e.getMessage().lines().findFirst().orElse("")
                  + (e instanceof SQLException s ? " [SQLState " + s.getSQLState() + "]" : "");
        }
      }
    }
    if (!dryRun
        && authoritative == Side.MYSQL
        && outcomes.getOrDefault(RowRepairer.Outcome.INSERTED, 0L) > 0) {
      RowRepairer.keepSequencesAhead(pg, t);
    }
    int cleared = 0;
    if (store.isPresent() && failed == 0 && !dryRun) {
      // The whole table's drift only when the whole table was compared and repaired.
      boolean whole = plan.compareWholeTable;
      for (String driftName : plan.driftNames) {
        if (!whole && plan.driftKeys.isEmpty()) {
          continue;
        }
        cleared +=
            store
                .get()
                .clearDrift(driftName, whole ? List.of() : List.copyOf(plan.driftKeys), notAfter);
      }
    }
    return new TableRepair(
        t.mysqlName(), source, keys.size(), outcomes, failed, firstError, cleared);
  }

  /**
   * PG_PRIMARY: transactions an instance prepared on PostgreSQL and left behind when it stopped
   * between {@code PREPARE TRANSACTION} and {@code COMMIT PREPARED} are committed first (see the
   * driver's {@link PreparedTransactions}); repairing before that would copy rows they are about to
   * change. Those of instances that stopped without a clean stop, and any older than a minute.
   */
  private static void commitPreparedLeftBehind(
      Connection pg, Optional<ControlStore> store, PrintWriter err) throws SQLException {
    List<String> gone = new ArrayList<>();
    if (store.isPresent()) {
      for (InstanceStatus i : store.get().instances()) {
        if (i.crashed()) {
          gone.add(i.instance());
        }
      }
    }
    int committed =
        PreparedTransactions.commitLeftBehind(pg, PreparedTransactions.MIN_ORPHAN_MILLIS, gone);
    if (committed > 0) {
      err.println(
          "repair: committed "
              + committed
              + " PostgreSQL transaction(s) prepared by dualwrite and left behind by a stopped"
              + " instance");
    }
  }

  private Side authoritative(ConnectionSettings settings, Optional<ControlStore> store)
      throws SQLException {
    if (authoritativeOption != null) {
      return switch (authoritativeOption.trim().toLowerCase(Locale.ROOT)) {
        case "mysql" -> Side.MYSQL;
        case "postgres", "postgresql", "pg" -> Side.POSTGRES;
        default ->
            throw AdminException.cannotRun(
                "--authoritative must be mysql or postgres, got " + authoritativeOption, null);
      };
    }
    if (store.isPresent()) {
      Optional<StoredFlags> flags = store.get().flags();
      if (flags.isPresent()) {
        return Side.of(flags.get().phase().authoritative());
      }
    }
    String phase = settings.dualwriteProperties().get("dualwrite.phase");
    if (phase != null) {
      try {
        return Side.of(Phase.valueOf(phase.trim().toUpperCase(Locale.ROOT)).authoritative());
      } catch (IllegalArgumentException e) {
        throw AdminException.cannotRun("dualwrite.phase has an unknown value: " + phase, e);
      }
    }
    return Side.MYSQL;
  }

  private static String key(String table) {
    return table.toLowerCase(Locale.ROOT);
  }

  /** Adds the drift rows: as work when {@code asWork}, else only as rows to clear. */
  private static void addDrift(
      Map<String, TablePlan> plans, List<DriftEntry> drift, boolean asWork) {
    for (DriftEntry d : drift) {
      TablePlan plan = plans.get(key(d.table()));
      if (plan == null) {
        if (!asWork) {
          continue;
        }
        plan = new TablePlan(d.table());
        plans.put(key(d.table()), plan);
      }
      plan.driftNames.add(d.table());
      if (d.wholeTable()) {
        plan.driftWholeTable = true;
        if (asWork) {
          plan.compareWholeTable = true;
        }
      } else if (asWork) {
        // Drift keys are single-column keys; a table with a composite key is compared instead.
        plan.driftKeys.add(d.key());
        plan.keys.add(List.of(d.key()));
      } else if (plan.keys.contains(List.of(d.key()))) {
        plan.driftKeys.add(d.key());
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, TablePlan> readVerifyOutput(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw AdminException.cannotRun("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, TablePlan> plans = new LinkedHashMap<>();
    try {
      Object doc = JsonReader.parse(text.strip());
      List<Object> tables = (List<Object>) ((Map<String, Object>) doc).get("tables");
      if (tables == null) {
        throw new IllegalArgumentException("no \"tables\" member");
      }
      for (Object o : tables) {
        Map<String, Object> t = (Map<String, Object>) o;
        String name = (String) t.get("table");
        TablePlan plan = new TablePlan(name);
        List<Object> keys = (List<Object>) t.getOrDefault("keys", List.of());
        for (Object k : keys) {
          List<Object> key = (List<Object>) ((Map<String, Object>) k).get("key");
          if (key != null && !key.isEmpty()) {
            List<String> text1 = new ArrayList<>();
            for (Object v : key) {
              text1.add(v == null ? null : v.toString());
            }
            plan.keys.add(text1);
          }
        }
        if (Boolean.TRUE.equals(t.get("truncated"))) {
          plan.warning =
              "verify listed only some differing keys; repairing those (run verify with a larger"
                  + " --max-keys, or repair --table "
                  + name
                  + " to compare the whole table)";
        }
        if (t.get("problem") != null) {
          plan.warning = "verify could not compare it: " + t.get("problem");
        }
        if (!plan.keys.isEmpty() || plan.warning != null) {
          plans.put(key(name), plan);
        }
      }
    } catch (ClassCastException | IllegalArgumentException e) {
      throw AdminException.cannotRun(
          file + " is not the output of verify --json: " + e.getMessage(), e);
    }
    return plans;
  }

  private void print(
      PrintWriter out, Side authoritative, String source, List<TableRepair> results) {
    Side target = authoritative.other();
    if (cli.json()) {
      Json.ArrayBuilder tables = Json.array();
      for (TableRepair r : results) {
        Json.ObjectBuilder o = Json.object().put("table", r.table()).put("keys", r.keys());
        for (RowRepairer.Outcome k : RowRepairer.Outcome.values()) {
          o.put(k.name().toLowerCase(Locale.ROOT), r.outcomes().getOrDefault(k, 0L));
        }
        o.put("failed", r.failed()).put("driftCleared", r.driftCleared());
        if (r.error() != null) {
          o.put("error", r.error());
        }
        tables.add(o);
      }
      out.println(
          Json.object()
              .put("authoritative", authoritative.label())
              .put("target", target.label())
              .put("source", source)
              .put("dryRun", dryRun)
              .put("ok", results.stream().noneMatch(r -> r.failed() > 0 || r.error() != null))
              .put("tables", tables));
      out.flush();
      return;
    }
    long written = 0;
    for (TableRepair r : results) {
      written += r.written();
      if (r.error() != null && r.keys() == 0) {
        out.printf("%s: not repaired: %s%n", r.table(), r.error());
        continue;
      }
      out.printf(
          "%s: %,d keys: %,d inserted, %,d updated, %,d deleted, %,d already equal on %s%s%s%n",
          r.table(),
          r.keys(),
          r.outcomes().getOrDefault(RowRepairer.Outcome.INSERTED, 0L),
          r.outcomes().getOrDefault(RowRepairer.Outcome.UPDATED, 0L),
          r.outcomes().getOrDefault(RowRepairer.Outcome.DELETED, 0L),
          r.outcomes().getOrDefault(RowRepairer.Outcome.UNCHANGED, 0L),
          target.label(),
          r.failed() > 0 ? String.format("; %,d failed, first: %s", r.failed(), r.error()) : "",
          r.driftCleared() > 0 ? String.format("; %d drift rows cleared", r.driftCleared()) : "");
    }
    out.printf(
        "repair: %s %,d rows on %s from %s (keys from %s)%n",
        dryRun ? "would write" : "wrote", written, target.label(), authoritative.label(), source);
    out.flush();
  }
}
