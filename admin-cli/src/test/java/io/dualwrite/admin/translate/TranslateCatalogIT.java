package io.dualwrite.admin.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.dualwrite.testkit.TestServers;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code translate --mysql-url}: the schema read from a real MySQL side drives the translation. */
@ExtendWith(TestDatabases.class)
class TranslateCatalogIT {
  @TempDir Path dir;

  private static final String CREATE_COUNTER =
      "CREATE TABLE counter ("
          + " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " name VARCHAR(50) NOT NULL,"
          + " hits INT NOT NULL DEFAULT 0,"
          + " UNIQUE KEY uk_counter_name (name))";

  private static final String UPSERT =
      "INSERT INTO counter (name, hits) VALUES ('home', 1) ON DUPLICATE KEY UPDATE hits = hits + 1";

  private static final String UPSERT_VALUES =
      "INSERT INTO counter (name, hits) VALUES ('home', 5) ON DUPLICATE KEY UPDATE hits = VALUES(hits)";

  @BeforeAll
  static void createSchema(DatabasePair db) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute(CREATE_COUNTER);
    }
  }

  /** translate --json with the test database's URL and credentials, then {@code more}. */
  private static String[] urlArgs(DatabasePair db, String... more) {
    List<String> args = new ArrayList<>();
    args.add("translate");
    args.add("--json");
    args.add("--mysql-url=" + db.mysql().jdbcUrl());
    args.add("--mysql-user=" + db.mysql().user());
    String password = db.mysql().password();
    if (password != null && !password.isEmpty()) {
      // Without a value the option would ask on the terminal.
      args.add("--mysql-password=" + password);
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void upsertTranslatesWithTheUniqueKeyReadFromTheDatabase(DatabasePair db) throws SQLException {
    Result r = CliRun.run(UPSERT + ";\n" + UPSERT_VALUES + ";\n", urlArgs(db));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    Map<String, Object> upsert = MiniJson.object(r.outLines().get(0));
    assertThat(upsert.get("kind")).isEqualTo("UPSERT");
    assertThat(upsert.get("refused")).isNull();
    String postgres = (String) upsert.get("postgres");
    // The conflict target is the unique key on name (lower(name) when its collation is _ci).
    assertThat(postgres).containsIgnoringCase("ON CONFLICT (").containsIgnoringCase("name)");
    String second = (String) MiniJson.object(r.outLines().get(1)).get("postgres");

    // Execution is the proof: on the table as the rewriter creates it on PostgreSQL (contract:
    // the app's MySQL DDL, translated), the upsert inserts, then updates.
    Result ddl = CliRun.run(CREATE_COUNTER + ";\n", "translate", "--json");
    assertThat(ddl.exitCode()).as(ddl.out()).isEqualTo(ExitCodes.OK);
    String createOnPostgres = (String) MiniJson.object(ddl.outLines().get(0)).get("postgres");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute(createOnPostgres);
      s.executeUpdate(postgres);
      s.executeUpdate(postgres);
      assertThat(counters(s)).isEqualTo("1 row, hits 2");
      s.executeUpdate(second);
      assertThat(counters(s)).isEqualTo("1 row, hits 5");
    }
  }

  private static String counters(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*), max(hits) FROM counter")) {
      rs.next();
      return rs.getLong(1) + " row, hits " + rs.getInt(2);
    }
  }

  @Test
  void theApplicationsDualwriteConfigFileGivesTheSameCatalog(DatabasePair db) throws IOException {
    String url = db.mysql().jdbcUrl().replaceFirst("^jdbc:", "jdbc:dualwrite:");
    url += (url.contains("?") ? "&" : "?") + "dualwrite.phase=DUAL_WRITE";
    Path config = dir.resolve("dualwrite.properties");
    Properties props = new Properties();
    props.setProperty("url", url);
    props.setProperty("user", db.mysql().user());
    if (db.mysql().password() != null) {
      props.setProperty("password", db.mysql().password());
    }
    props.setProperty("dualwrite.postgres.url", db.postgres().jdbcUrl());
    try (Writer w = Files.newBufferedWriter(config)) {
      props.store(w, null);
    }
    Result r = CliRun.run(UPSERT + ";\n", "translate", "--json", "--config", config.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat((String) MiniJson.object(r.outLines().get(0)).get("postgres"))
        .containsIgnoringCase("ON CONFLICT (");
  }

  /**
   * With the PostgreSQL side too, the translation the driver makes against it: the test
   * PostgreSQL's lc_ctype is C (UPPER under C.utf8), and it has dualwrite_ai_ci (the upsert's
   * conflict target on MySQL's utf8mb4_0900_ai_ci name is under it; MariaDB's is lower()).
   */
  @Test
  void withThePostgresSideTheTranslationIsTheDriversAgainstIt(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute(io.dualwrite.rewriter.Collations.CREATE_AI_CI);
    }
    List<String> args = new ArrayList<>(List.of(urlArgs(db)));
    args.add("--postgres-url=" + db.postgres().jdbcUrl());
    args.add("--postgres-user=" + db.postgres().user());
    if (db.postgres().password() != null && !db.postgres().password().isEmpty()) {
      args.add("--postgres-password=" + db.postgres().password());
    }
    Result r =
        CliRun.run(UPSERT + ";\nSELECT UPPER(name) FROM counter;\n", args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    String upsert = (String) MiniJson.object(r.outLines().get(0)).get("postgres");
    assertThat(upsert)
        .contains(
            TestServers.get().isMariaDb()
                ? "ON CONFLICT (lower(name))"
                : "ON CONFLICT (name COLLATE dualwrite_ai_ci)");
    assertThat((String) MiniJson.object(r.outLines().get(1)).get("postgres"))
        .isEqualTo("SELECT (upper((name) COLLATE \"C.utf8\") COLLATE \"default\") FROM counter");
    // an unreachable PostgreSQL: a note, and the report as without it
    args.set(
        args.indexOf("--postgres-url=" + db.postgres().jdbcUrl()),
        "--postgres-url=jdbc:postgresql://127.0.0.1:9/none");
    Result offline = CliRun.run("SELECT UPPER(name) FROM counter;\n", args.toArray(String[]::new));
    assertThat(offline.exitCode()).as(offline.err()).isEqualTo(ExitCodes.OK);
    assertThat(offline.err()).contains("translate: note: cannot read PostgreSQL's extensions");
    assertThat((String) MiniJson.object(offline.outLines().get(0)).get("postgres"))
        .isEqualTo("SELECT upper(name) FROM counter");
  }

  @Test
  void withoutTheDatabaseTheSameUpsertIsRefused() {
    Result r = CliRun.run(UPSERT + ";\n", "translate", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    Map<String, Object> upsert = MiniJson.object(r.outLines().get(0));
    assertThat(upsert.get("postgres")).isNull();
    assertThat((String) upsert.get("refused")).contains("catalog");
  }

  @Test
  void unknownDatabaseExitsTwoWithoutShowingThePassword(DatabasePair db) {
    String password = "Never-Shown-5150";
    String url = db.mysql().jdbcUrl().replace("/" + db.name(), "/no_such_db_" + db.name());
    Result r =
        CliRun.run(
            "SELECT 1;",
            "translate",
            "--mysql-url=" + url,
            "--mysql-user=" + db.mysql().user(),
            "--mysql-password=" + password);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("cannot connect to MySQL", "no_such_db_");
    assertThat(r.all()).doesNotContain(password);
  }

  @Test
  void urlWithoutDatabaseCannotRun(DatabasePair db) {
    String serverUrl = db.mysql().jdbcUrl().replace("/" + db.name(), "/");
    String[] args = urlArgs(db);
    args[2] = "--mysql-url=" + serverUrl;
    Result r = CliRun.run("SELECT 1;", args);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(r.err()).contains("names no database");
  }
}
