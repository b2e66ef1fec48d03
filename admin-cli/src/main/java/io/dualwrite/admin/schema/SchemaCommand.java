package io.dualwrite.admin.schema;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.admin.connect.BothSides;
import io.dualwrite.admin.connect.ConnectionOptions;
import io.dualwrite.admin.connect.DatabaseEndpoint;
import io.dualwrite.admin.connect.Secrets;
import io.dualwrite.admin.json.Json;
import io.dualwrite.rewriter.Collations;
import io.dualwrite.rewriter.PostgresCapabilities;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code schema [--dry-run] [--check] [--table T ...]}: creates the live MySQL schema on
 * PostgreSQL, translated by the rewriter the driver uses, in dependency order and only what is
 * missing; or prints that DDL; or compares both live schemas.
 *
 * <p>Each object (a table with its comments and identity start, an index, a foreign key, a view) is
 * created in a transaction of its own: a failure leaves every object before it created and nothing
 * of the failed one, so a second run picks up where the first stopped.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Creates the MySQL database's tables, indexes, foreign keys and views on PostgreSQL,"
          + " translated as the driver translates DDL, in dependency order; only what is missing"
          + " (matched by name) is created.",
      "--dry-run prints the PostgreSQL DDL instead; --check compares both live schemas (columns"
          + " and their mapped types, nullability, defaults, keys, indexes, foreign keys, views)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything created or already there (--check: the schemas are equal)",
      "1:an object was refused or could not be created (--check: a difference)",
      "2:bad usage, or a database that cannot be reached"
    })
public final class SchemaCommand implements Callable<Integer> {
  @ParentCommand AdminCli cli;

  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Print the DDL that would run; change nothing.")
  boolean dryRun;

  @Option(
      names = "--check",
      description = "Compare the MySQL schema (translated) with PostgreSQL's; change nothing.")
  boolean check;

  @Option(
      names = {"--table", "-t"},
      paramLabel = "TABLE",
      split = ",",
      description =
          "A MySQL table or view (repeatable; default: all). The tables its foreign keys reference"
              + " and what a view reads come with it.")
  List<String> tables = new ArrayList<>();

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Progress lines on standard error, at most once a second (default: on).")
  boolean progress;

  @Mixin ConnectionOptions connection;

  private PrintWriter out;
  private PrintWriter err;
  private Secrets secrets;
  private long lastProgress;

  @Override
  public Integer call() throws SQLException {
    if (dryRun && check) {
      throw new ParameterException(spec.commandLine(), "--dry-run and --check exclude each other");
    }
    secrets = cli.context().secrets();
    BothSides sides = connection.resolveBoth(secrets);
    DatabaseEndpoint mysqlEndpoint = sides.mysql();
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    lastProgress = cli.context().nanoTime().getAsLong();
    try (Connection mysql = sides.openMysql();
        Connection pg = sides.openPostgres()) {
      String database = mysql.getCatalog();
      if (database == null || database.isEmpty()) {
        throw AdminException.cannotRun(
            "the MySQL URL " + mysqlEndpoint.safeUrl() + " names no database; add /DATABASE", null);
      }
      String schema = currentSchema(pg);
      MysqlSchema mysqlSchema = new MysqlSchema(mysql, database);
      // before translating: keys of utf8mb4_0900_ai_ci columns are made under the collation
      mysqlSchema.postgres(
          PostgresCapabilities.read(pg)
              .withCollation(
                  Collations.AI_CI,
                  check ? collationExists(pg) : createCollation(mysql, pg, database)));
      MysqlSchema.Plan plan = mysqlSchema.read(tables);
      for (String note : plan.notes()) {
        if (cli.json()) {
          err.println(Json.object().put("note", secrets.redact(note)));
        } else {
          err.println("schema: note: " + secrets.redact(note));
        }
      }
      int code = check ? check(pg, schema, plan) : create(pg, schema, plan);
      out.flush();
      return code;
    }
  }

  // ---- create and --dry-run

  private int create(Connection pg, String schema, MysqlSchema.Plan plan) throws SQLException {
    Map<String, String> relations = PgSnapshot.relations(pg, schema);
    Set<String> foreignKeys = PgSnapshot.foreignKeyNames(pg, schema);
    Set<String> unavailable = new HashSet<>(); // relations refused or failed: their dependents wait
    int created = 0;
    int skipped = 0;
    int refused = 0;
    int failed = 0;
    int done = 0;
    for (SchemaObject o : plan.objects()) {
      done++;
      progress(done, plan.objects().size());
      if (o.isRefused()) {
        refused++;
        unavailable.add(o.name());
        report(o, "refused", o.refusal());
        continue;
      }
      if (exists(o, relations, foreignKeys)) {
        skipped++;
        report(o, "exists", null);
        continue;
      }
      String blocked = null;
      for (String need : o.needs()) {
        if (unavailable.contains(need)) {
          blocked = need;
        }
      }
      if (blocked != null) {
        refused++;
        if (o.kind() == SchemaObject.Kind.TABLE || o.kind() == SchemaObject.Kind.VIEW) {
          unavailable.add(o.name());
        }
        report(o, "refused", "needs " + blocked + ", which is not created");
        continue;
      }
      if (dryRun) {
        created++;
        if (cli.json()) {
          report(o, "create", null);
        } else {
          out.println("-- " + o.describe());
          for (String sql : o.statements()) {
            out.println(sql + ";");
          }
        }
        continue;
      }
      String error = execute(pg, o.statements());
      if (error == null) {
        created++;
        report(o, "created", null);
      } else {
        failed++;
        if (o.kind() == SchemaObject.Kind.TABLE || o.kind() == SchemaObject.Kind.VIEW) {
          unavailable.add(o.name());
        }
        report(o, "failed", error);
      }
    }
    int advanced = dryRun ? 0 : advanceSequences(pg, plan, relations);
    String verb = dryRun ? "to create" : "created";
    if (cli.json()) {
      out.println(
          Json.object()
              .put(
                  "summary",
                  Json.object()
                      .put("dryRun", dryRun)
                      .put(dryRun ? "toCreate" : "created", created)
                      .put("existing", skipped)
                      .put("refused", refused)
                      .put("failed", failed)
                      .put("sequencesAdvanced", advanced)));
    } else {
      String summary =
          "schema: "
              + created
              + " "
              + verb
              + ", "
              + skipped
              + " already on PostgreSQL, "
              + refused
              + " refused, "
              + failed
              + " failed"
              + (advanced > 0
                  ? ", " + advanced + " sequences moved past MySQL's AUTO_INCREMENT"
                  : "");
      (dryRun ? out : out).println((dryRun ? "-- " : "") + summary);
    }
    return refused + failed == 0 ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  /**
   * MySQL 8's default collation {@code utf8mb4_0900_ai_ci} ignores accents as well as case: its
   * columns sort and compare so on PostgreSQL under the ICU collation {@link Collations#AI_CI},
   * created here when a column of the database uses it. A PostgreSQL without ICU is reported (such
   * columns then fold case only); it is not a failure of the command.
   *
   * @return whether PostgreSQL has the collation (or, with --dry-run, would have it)
   */
  private boolean createCollation(Connection mysql, Connection pg, String database)
      throws SQLException {
    int columns = 0;
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " AND COLLATION_NAME = 'utf8mb4_0900_ai_ci'")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        columns = rs.next() ? rs.getInt(1) : 0;
      }
    }
    if (columns == 0) {
      return collationExists(pg);
    }
    String what =
        "collation " + Collations.AI_CI + " (" + columns + " columns use utf8mb4_0900_ai_ci)";
    String action;
    String reason = null;
    if (collationExists(pg)) {
      action = "exists";
    } else if (dryRun) {
      action = "create";
    } else {
      reason = execute(pg, List.of(Collations.CREATE_AI_CI));
      action = reason == null ? "created" : "not created";
    }
    if (cli.json()) {
      Json.ObjectBuilder b =
          Json.object()
              .put("object", "collation")
              .put("name", Collations.AI_CI)
              .put("columns", columns)
              .put("action", action);
      if (reason != null) {
        b.put("reason", secrets.redact(reason) + "; such columns fold case only");
      }
      out.println(b);
      return reason == null;
    }
    switch (action) {
      case "exists" -> out.println((dryRun ? "-- " : "") + "exists: " + what + " (skipped)");
      case "create" -> {
        out.println("-- " + what);
        out.println(Collations.CREATE_AI_CI + ";");
      }
      case "created" -> out.println("created: " + what);
      default ->
          out.println(
              secrets.redact(
                  "NOT CREATED " + what + ": " + reason + "; such columns fold case only"));
    }
    return reason == null;
  }

  private static boolean collationExists(Connection pg) throws SQLException {
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT 1 FROM pg_collation WHERE collname = ? AND pg_collation_is_visible(oid)")) {
      ps.setString(1, Collations.AI_CI);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean exists(
      SchemaObject o, Map<String, String> relations, Set<String> foreignKeys) {
    return switch (o.kind()) {
      case TABLE, VIEW, INDEX -> relations.containsKey(o.name());
      case FOREIGN_KEY -> foreignKeys.contains(o.table() + "." + o.name());
    };
  }

  /** Runs the statements in one transaction; the error (redacted) or null. */
  private String execute(Connection pg, List<String> statements) throws SQLException {
    pg.setAutoCommit(false);
    try (Statement s = pg.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
      pg.commit();
      return null;
    } catch (SQLException e) {
      pg.rollback();
      return secrets.redact(firstLine(e.getMessage())) + " [SQLState " + e.getSQLState() + "]";
    } finally {
      pg.setAutoCommit(true);
    }
  }

  /**
   * Existing tables whose identity sequence is behind MySQL's AUTO_INCREMENT are moved forward
   * (never back): PostgreSQL must not generate a key MySQL has given.
   */
  private int advanceSequences(Connection pg, MysqlSchema.Plan plan, Map<String, String> before)
      throws SQLException {
    int advanced = 0;
    for (MysqlSchema.AutoIncrement ai : plan.autoIncrements()) {
      Long next = nextValue(pg, ai);
      if (next != null && next < ai.next()) {
        try (PreparedStatement ps =
            pg.prepareStatement(
                "SELECT setval(pg_get_serial_sequence(quote_ident(?), ?), ?, false)")) {
          ps.setString(1, ai.table());
          ps.setString(2, ai.column());
          ps.setLong(3, ai.next());
          ps.execute();
        }
        advanced++;
        if (!cli.json()) {
          out.println(
              "sequence of "
                  + ai.table()
                  + "."
                  + ai.column()
                  + ": moved from "
                  + next
                  + " to "
                  + ai.next()
                  + " (MySQL's AUTO_INCREMENT)");
        }
      }
    }
    return advanced;
  }

  /** The value the identity sequence of {@code ai}'s column gives next, or null (none). */
  static Long nextValue(Connection pg, MysqlSchema.AutoIncrement ai) throws SQLException {
    String sequence;
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT pg_get_serial_sequence(quote_ident(?), ?) WHERE to_regclass(quote_ident(?))"
                + " IS NOT NULL")) {
      ps.setString(1, ai.table());
      ps.setString(2, ai.column());
      ps.setString(3, ai.table());
      try (ResultSet rs = ps.executeQuery()) {
        sequence = rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      return null; // no such column on PostgreSQL: --check reports the column
    }
    if (sequence == null) {
      return null;
    }
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + sequence)) {
      rs.next();
      return rs.getBoolean(2) ? rs.getLong(1) + 1 : rs.getLong(1);
    }
  }

  // ---- --check

  private int check(Connection pg, String schema, MysqlSchema.Plan plan) throws SQLException {
    List<SchemaDiff.Difference> differences = new ArrayList<>();
    Set<String> scope = new HashSet<>(plan.relations());
    PgSnapshot expected = Scratch.expected(pg, schema, plan, differences);
    PgSnapshot actual = PgSnapshot.read(pg, schema);
    differences.addAll(
        SchemaDiff.compare(
            expected, actual, scope, plan.everything(), MysqlSchema.CONTROL_TABLE_PREFIX));
    for (MysqlSchema.AutoIncrement ai : plan.autoIncrements()) {
      if (!actual.tables().containsKey(ai.table())) {
        continue;
      }
      Long next = nextValue(pg, ai);
      if (next == null) {
        differences.add(
            new SchemaDiff.Difference(
                "column " + ai.table() + "." + ai.column(),
                "no identity sequence for MySQL's AUTO_INCREMENT",
                "identity",
                "none"));
      } else if (next < ai.next()) {
        differences.add(
            new SchemaDiff.Difference(
                "sequence of " + ai.table() + "." + ai.column(),
                "behind MySQL's AUTO_INCREMENT",
                "next value " + ai.next() + " or more",
                "next value " + next));
      }
    }
    for (SchemaDiff.Difference d : differences) {
      if (cli.json()) {
        out.println(
            Json.object()
                .put(
                    "difference",
                    Json.object()
                        .put("object", d.object())
                        .put("detail", secrets.redact(d.detail()))
                        .put("expected", d.expected())
                        .put("found", d.found())));
      } else {
        out.println(secrets.redact(d.describe()));
      }
    }
    int compared = scope.size();
    if (cli.json()) {
      out.println(
          Json.object()
              .put(
                  "summary",
                  Json.object()
                      .put("equal", differences.isEmpty())
                      .put("differences", differences.size())
                      .put("relations", compared)));
    } else {
      out.println(
          "schema --check: "
              + compared
              + " tables and views compared: "
              + (differences.isEmpty() ? "equal" : differences.size() + " differences"));
    }
    return differences.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  // ---- output

  private void report(SchemaObject o, String action, String reason) {
    if (cli.json()) {
      Json.ArrayBuilder sql = Json.array();
      if (action.equals("create") || action.equals("created")) {
        o.statements().forEach(sql::add);
      }
      Json.ObjectBuilder b =
          Json.object()
              .put("object", o.kind().jsonName())
              .put("name", o.name())
              .put("table", o.table())
              .put("action", action);
      if (reason != null) {
        b.put("reason", secrets.redact(reason));
      }
      if (!o.statements().isEmpty() && (action.equals("create") || action.equals("created"))) {
        b.put("sql", sql);
      }
      out.println(b);
      return;
    }
    String line =
        switch (action) {
          case "refused" -> "REFUSED " + o.describe() + ": " + reason;
          case "failed" -> "FAILED " + o.describe() + ": " + reason;
          case "exists" -> "exists: " + o.describe() + " (skipped)";
          default -> "created: " + o.describe();
        };
    line = secrets.redact(line);
    out.println(dryRun ? "-- " + line : line);
  }

  private void progress(int done, int total) {
    if (!progress || cli.json()) {
      return;
    }
    long now = cli.context().nanoTime().getAsLong();
    if (now - lastProgress >= 1_000_000_000L) {
      lastProgress = now;
      err.println("schema: " + done + "/" + total + " objects");
      err.flush();
    }
  }

  /** A server message's first line (PostgreSQL adds "Position: n" and hints on the next ones). */
  static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  private static String currentSchema(Connection pg) throws SQLException {
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_schema()")) {
      if (!rs.next() || rs.getString(1) == null) {
        throw AdminException.cannotRun(
            "PostgreSQL has no current schema (search_path names none that exists)", null);
      }
      return rs.getString(1);
    }
  }
}
