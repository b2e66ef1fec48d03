package io.dualwrite.benchmarks;

import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.Translation;
import io.dualwrite.testkit.Endpoint;
import io.dualwrite.testkit.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A benchmark database {@value #NAME} on the embedded MariaDB and PostgreSQL servers of this JVM
 * (see {@link TestServers}), with its tables:
 *
 * <ul>
 *   <li>{@code item}: {@value #ROWS} rows, created and loaded through dualwrite so both sides hold
 *       the same rows; point reads and updates go here.
 *   <li>{@code item_dw}, {@code item_mix}: written through dualwrite.
 *   <li>{@code item_raw}, {@code item_mix_raw}: written by the raw drivers, one table per side
 *       (created with the rewriter's translation on PostgreSQL), so raw writes never collide with
 *       the keys dualwrite mirrors.
 * </ul>
 */
public final class BenchDatabase {
  public static final String NAME = "dwbench";
  public static final int ROWS = 1000;
  static final String ITEM_COLUMNS =
      " (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL, qty INT NOT NULL)";

  private final Endpoint mysql;
  private final Endpoint postgres;

  private BenchDatabase(Endpoint mysql, Endpoint postgres) {
    this.mysql = mysql;
    this.postgres = postgres;
  }

  /** Starts the servers if needed, (re)creates the database and loads it. */
  public static BenchDatabase create() throws SQLException {
    TestServers servers = servers();
    Endpoint mysqlAdmin = servers.mysqlServer();
    Endpoint pgAdmin = servers.postgresServer();
    try (Connection c = mysqlAdmin.open();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + NAME);
      s.execute("CREATE DATABASE " + NAME);
    }
    try (Connection c = pgAdmin.open();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + NAME);
    }
    BenchDatabase db =
        new BenchDatabase(
            new Endpoint(
                withDatabase(mysqlAdmin.jdbcUrl()), mysqlAdmin.user(), mysqlAdmin.password()),
            new Endpoint(withDatabase(pgAdmin.jdbcUrl()), pgAdmin.user(), pgAdmin.password()));
    db.load();
    return db;
  }

  /**
   * The servers of this JVM. Starting embedded MariaDB fails now and then on a busy machine ({@code
   * mariadb-install-db} racing other processes in /tmp), which would lose a whole fork's
   * measurement: up to three attempts.
   */
  private static TestServers servers() {
    RuntimeException failure = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        return TestServers.get();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    throw failure;
  }

  private void load() throws SQLException {
    try (Connection dw = dualwrite(0);
        Statement s = dw.createStatement()) {
      for (String table : new String[] {"item", "item_dw", "item_mix"}) {
        s.execute("CREATE TABLE " + table + ITEM_COLUMNS);
      }
      dw.setAutoCommit(false);
      try (PreparedStatement ps =
          dw.prepareStatement("INSERT INTO item (id, name, qty) VALUES (?, ?, ?)")) {
        for (int id = 1; id <= ROWS; id++) {
          ps.setInt(1, id);
          ps.setString(2, "item " + id);
          ps.setInt(3, id % 17);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      dw.commit();
      dw.setAutoCommit(true);
      assertNoDrift(dw);
    }
    Rewriter rewriter = Rewriter.builder().build();
    for (String table : new String[] {"item_raw", "item_mix_raw"}) {
      String ddl = "CREATE TABLE " + table + ITEM_COLUMNS;
      Translation t = rewriter.translate(ddl);
      if (t.isRefused()) {
        throw new IllegalStateException("the rewriter refused " + ddl + ": " + t.refusal());
      }
      try (Connection c = openMysql();
          Statement s = c.createStatement()) {
        s.execute(ddl);
      }
      try (Connection c = openPostgres();
          Statement s = c.createStatement()) {
        s.execute(t.postgresSql());
      }
    }
  }

  static String withDatabase(String serverUrl) {
    int hostStart = serverUrl.indexOf("://") + 3;
    int query = serverUrl.indexOf('?', hostStart);
    String beforeQuery = query < 0 ? serverUrl : serverUrl.substring(0, query);
    String params = query < 0 ? "" : serverUrl.substring(query);
    int slash = beforeQuery.indexOf('/', hostStart);
    String host = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    return host + "/" + NAME + params;
  }

  /** A raw mysql-connector-j connection to the benchmark database. */
  public Connection openMysql() throws SQLException {
    return mysql.open();
  }

  /** A raw pgjdbc connection to the benchmark database. */
  public Connection openPostgres() throws SQLException {
    return postgres.open();
  }

  /** The MySQL side's endpoint (database {@value #NAME}). */
  public Endpoint mysqlEndpoint() {
    return mysql;
  }

  /** The PostgreSQL side's endpoint (database {@value #NAME}). */
  public Endpoint postgresEndpoint() {
    return postgres;
  }

  /** {@code endpoint} reached on loopback at {@code port} instead (a proxy in front of it). */
  public static Endpoint throughPort(Endpoint endpoint, int port) {
    String url = endpoint.jdbcUrl();
    int hostStart = url.indexOf("://") + 3;
    int slash = url.indexOf('/', hostStart);
    return new Endpoint(
        url.substring(0, hostStart) + "127.0.0.1:" + port + url.substring(slash),
        endpoint.user(),
        endpoint.password());
  }

  /** A dualwrite connection in DUAL_WRITE at {@code readPercent}, static configuration. */
  public Connection dualwrite(int readPercent) throws SQLException {
    return dualwrite(mysql, postgres, readPercent, "benchmark-" + readPercent);
  }

  /**
   * A dualwrite connection to {@code mysql} and {@code postgres} in DUAL_WRITE at {@code
   * readPercent}, static configuration, with {@code extra} properties (name, value, ...); {@code
   * instance} names the driver runtime.
   */
  public static Connection dualwrite(
      Endpoint mysql, Endpoint postgres, int readPercent, String instance, String... extra)
      throws SQLException {
    Properties props = mysql.properties();
    props.setProperty("dualwrite.postgres.url", postgres.jdbcUrl());
    if (postgres.user() != null) {
      props.setProperty("dualwrite.postgres.user", postgres.user());
    }
    props.setProperty(
        "dualwrite.postgres.password", postgres.password() == null ? "" : postgres.password());
    props.setProperty("dualwrite.control", "none");
    props.setProperty("dualwrite.phase", "DUAL_WRITE");
    props.setProperty("dualwrite.readPercent", Integer.toString(readPercent));
    props.setProperty("dualwrite.instance", instance);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      props.setProperty(extra[i], extra[i + 1]);
    }
    String url = "jdbc:dualwrite:" + mysql.jdbcUrl().substring("jdbc:".length());
    return DriverManager.getConnection(url, props);
  }

  /**
   * Fails if dualwrite recorded drift: a mirrored write failed or was skipped, so the numbers would
   * not measure a working mirror.
   */
  public static void assertNoDrift(Connection dualwrite) throws SQLException {
    DualWriteConnection dw = dualwrite.unwrap(DualWriteConnection.class);
    if (!dw.drift().isEmpty()) {
      throw new IllegalStateException(
          "dualwrite recorded drift during the benchmark: " + dw.drift().snapshot().keySet());
    }
  }
}
