package io.dualwrite.testkit;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one MySQL-side and one PostgreSQL-side server of this JVM, started on first use and stopped
 * at JVM exit. Which servers is decided once:
 *
 * <ol>
 *   <li>{@code DUALWRITE_TEST_MYSQL_URL} / {@code DUALWRITE_TEST_PG_URL} (each with {@code _USER}
 *       and {@code _PASSWORD}): that server, per side;
 *   <li>system property {@code dualwrite.test.databases=containers}: Testcontainers MySQL 8.4 and
 *       PostgreSQL 16;
 *   <li>{@code dualwrite.test.databases=mysql}: a real MySQL 9.7 that the testkit fetches from
 *       Debian's archive, caches and runs itself ({@link EmbeddedMysql}), and embedded PostgreSQL
 *       16;
 *   <li>otherwise ({@code embedded}, the default): embedded MariaDB 10.11 and embedded PostgreSQL
 *       16.
 * </ol>
 *
 * The two sides start in parallel. Tests that must tell the MySQL side's product apart ask {@link
 * #mysqlFlavor()} or {@link #isMariaDb()}.
 */
public final class TestServers {
  private static volatile TestServers instance;

  private final TestServer mysql;
  private final TestServer postgres;

  private TestServers(TestServer mysql, TestServer postgres) {
    this.mysql = mysql;
    this.postgres = postgres;
  }

  /** The servers of this JVM, starting them if this is the first call. */
  public static TestServers get() {
    TestServers servers = instance;
    if (servers == null) {
      synchronized (TestServers.class) {
        servers = instance;
        if (servers == null) {
          servers = start();
          instance = servers;
        }
      }
    }
    return servers;
  }

  /** A server-level endpoint on the MySQL side (its default database), for tests of the kit. */
  public Endpoint mysqlServer() {
    return mysql.admin();
  }

  /** A server-level endpoint on the PostgreSQL side (database {@code postgres}). */
  public Endpoint postgresServer() {
    return postgres.admin();
  }

  /** The MySQL-side server's version string, e.g. {@code 10.11.5-MariaDB} or {@code 9.7.4}. */
  public String mysqlVersion() {
    return mysql.version();
  }

  /** Which product the MySQL side is, from its version string. */
  public MysqlFlavor mysqlFlavor() {
    return MysqlFlavor.of(mysql.version());
  }

  /** Whether the MySQL side is MariaDB (the default stand-in) rather than MySQL itself. */
  public boolean isMariaDb() {
    return mysqlFlavor() == MysqlFlavor.MARIADB;
  }

  /** The PostgreSQL-side server's version string, e.g. {@code PostgreSQL 16.10}. */
  public String postgresVersion() {
    return postgres.version();
  }

  TestServer mysql() {
    return mysql;
  }

  TestServer postgres() {
    return postgres;
  }

  private static TestServers start() {
    long started = System.nanoTime();
    String mode = System.getProperty("dualwrite.test.databases", "embedded");
    mode = mode.trim().toLowerCase(Locale.ROOT);
    boolean containers = mode.equals("containers");
    Supplier<TestServer> mysqlSide =
        switch (mode) {
          case "containers" -> ContainerServers::mysql;
          case "mysql" -> withRetries(EmbeddedMysql::start);
          case "embedded", "" -> withRetries(EmbeddedMariaDb::start);
          default ->
              throw new IllegalArgumentException(
                  "dualwrite.test.databases="
                      + mode
                      + ": expected embedded (MariaDB 10.11, the default), mysql (MySQL 9.7) or"
                      + " containers (Testcontainers MySQL 8.4)");
        };
    CompletableFuture<TestServer> mysql =
        CompletableFuture.supplyAsync(
            choose("DUALWRITE_TEST_MYSQL", TestServer.Kind.MYSQL, mysqlSide));
    CompletableFuture<TestServer> postgres =
        CompletableFuture.supplyAsync(
            choose(
                "DUALWRITE_TEST_PG",
                TestServer.Kind.POSTGRES,
                containers
                    ? ContainerServers::postgres
                    : withRetries(EmbeddedPostgresServer::start)));
    TestServers servers;
    try {
      servers = new TestServers(mysql.join(), postgres.join());
    } catch (RuntimeException e) {
      // One side failed: stop the other, which has no shutdown hook yet.
      mysql.thenAccept(TestServer::stop);
      postgres.thenAccept(TestServer::stop);
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // PostgreSQL first: its fast shutdown takes a moment, the MySQL side's can take
                  // longer, and a fork killed during the latter still leaves nothing running
                  servers.postgres.stop();
                  servers.mysql.stop();
                },
                "dualwrite-testkit-stop"));
    System.out.printf(
        "[dualwrite-testkit] MySQL side: %s (%s); PostgreSQL side: %s (%s); ready in %.1f s%n",
        servers.mysql.version(),
        servers.mysql.origin(),
        servers.postgres.version(),
        servers.postgres.origin(),
        (System.nanoTime() - started) / 1e9);
    return servers;
  }

  /**
   * Starts an embedded server, retrying twice: a free port picked before the server binds it can be
   * taken by another process in between (several builds on one machine).
   */
  private static Supplier<TestServer> withRetries(Supplier<TestServer> start) {
    return () -> {
      RuntimeException last = null;
      for (int attempt = 1; attempt <= 3; attempt++) {
        try {
          return start.get();
        } catch (MysqlProvisioningException e) {
          throw e; // fetching or unpacking fails the same way every time
        } catch (RuntimeException e) {
          last = e;
          System.err.println(
              "[dualwrite-testkit] start failed (attempt " + attempt + " of 3): " + e);
        }
      }
      throw last;
    };
  }

  private static Supplier<TestServer> choose(
      String envPrefix, TestServer.Kind kind, Supplier<TestServer> otherwise) {
    String url = System.getenv(envPrefix + "_URL");
    if (url == null || url.isBlank()) {
      return otherwise;
    }
    Endpoint admin =
        new Endpoint(
            url.trim(), System.getenv(envPrefix + "_USER"), System.getenv(envPrefix + "_PASSWORD"));
    return () -> new ExternalServer(kind, admin);
  }
}
