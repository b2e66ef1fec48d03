package io.dualwrite.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MySQL 9.7 server for this JVM ({@code -Ddualwrite.test.databases=mysql}), run from the
 * unpack {@link DebianMysql} provisions, on a free port, in a fresh copy of the initialised data
 * directory under a temporary folder of its own.
 *
 * <p>The server keeps MySQL's defaults, as users have them: {@code caching_sha2_password}
 * (Connector/J needs {@code allowPublicKeyRetrieval=true} without TLS), {@code
 * innodb_autoinc_lock_mode=2}, collation {@code utf8mb4_0900_ai_ci}, the binary log, the default
 * {@code sql_mode}. Only what tests need to connect is set: loopback only, no X protocol, and 500
 * connections (the MariaDB stand-in's limit; MySQL's default 151 is below what the concurrency
 * tests open). Its time zone is the default {@code SYSTEM}, with {@code TZ=UTC} in its environment
 * so that it agrees with the test PostgreSQL's {@code timezone=UTC} on any machine.
 *
 * <p>No server outlives its JVM: stopped at JVM exit by {@link TestServers}; if the JVM dies
 * without running its shutdown hooks, a small watchdog shell stops the server and removes its
 * folder; and each start removes what a dead JVM left behind anyway (its folder records the owner's
 * pid, and a server still running there is stopped).
 */
final class EmbeddedMysql extends TestServer {
  private static final String HOME_PREFIX = "dualwrite-mysql-";

  private final Path home;
  private final Process mysqld;
  private final Process watchdog;
  private final Endpoint admin;

  private EmbeddedMysql(Path home, Process mysqld, Process watchdog, int port) {
    super(Kind.MYSQL);
    this.home = home;
    this.mysqld = mysqld;
    this.watchdog = watchdog;
    this.admin =
        new Endpoint(
            "jdbc:mysql://127.0.0.1:" + port + "/mysql?useSSL=false&allowPublicKeyRetrieval=true",
            "root",
            "");
  }

  /** Starts a server from the provisioned unpack (provisioning it first if needed). */
  static EmbeddedMysql start() {
    DebianMysql distribution = DebianMysql.get();
    long started = System.nanoTime();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    removeLeftovers(tmp);
    Path home;
    try {
      home = Files.createTempDirectory(tmp, HOME_PREFIX);
      Files.writeString(home.resolve("owner.pid"), ProcessHandle.current().pid() + "\n");
      Files.createDirectories(home.resolve("tmp"));
      Files.createDirectories(home.resolve("files"));
      copyTree(distribution.template(), home.resolve("data"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a MySQL data directory", e);
    }
    Process mysqld = null;
    Process watchdog = null;
    try {
      int port = FreePorts.find();
      List<String> options = new ArrayList<>(DebianMysql.fileOptions(home, home.resolve("data")));
      options.addAll(
          List.of(
              "--bind-address=127.0.0.1",
              "--port=" + port,
              "--socket=" + home.resolve("mysql.sock"),
              "--mysqlx=OFF",
              "--max-connections=500"));
      ProcessBuilder builder =
          new ProcessBuilder(distribution.mysqld(options))
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("mysqld.out").toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().put("TZ", "UTC");
      mysqld = builder.start();
      watchdog = ServerWatchdog.start("dualwrite-mysql-watchdog", mysqld.pid(), "TERM", home);
      EmbeddedMysql server = new EmbeddedMysql(home, mysqld, watchdog, port);
      server.awaitReady();
      System.out.printf(
          "[dualwrite-testkit] MySQL %s ready on port %d in %.1f s (data directory %s)%n",
          distribution.packageVersion(), port, (System.nanoTime() - started) / 1e9, home);
      return server;
    } catch (IOException | RuntimeException e) {
      String log = DebianMysql.tail(home.resolve("mysqld.err"));
      stop(mysqld, watchdog, home);
      throw new IllegalStateException(
          "cannot start MySQL "
              + distribution.packageVersion()
              + " from "
              + DebianMysql.cacheDir()
              + ": "
              + e.getMessage()
              + "\n--- mysqld.err ---\n"
              + log,
          e);
    }
  }

  /** Waits until the server accepts connections, failing fast if it exits. */
  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!mysqld.isAlive()) {
        throw new IllegalStateException("mysqld exited with " + mysqld.exitValue());
      }
      try (Connection ignored = admin.open()) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while MySQL starts", e);
      }
    }
    throw new IllegalStateException("MySQL not ready after 120 s: " + last, last);
  }

  /**
   * Removes the folders of servers whose JVM is gone (killed before its hooks and its watchdog
   * could run), stopping a server still running in one.
   */
  static void removeLeftovers(Path tmp) {
    try (DirectoryStream<Path> homes = Files.newDirectoryStream(tmp, HOME_PREFIX + "*")) {
      for (Path home : homes) {
        Optional<Long> owner = readPid(home.resolve("owner.pid"));
        if (owner.isEmpty()
            || ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
          continue; // being set up right now, or its JVM still runs
        }
        readPid(home.resolve("mysqld.pid"))
            .flatMap(ProcessHandle::of)
            .filter(p -> commandLine(p.pid()).contains(home.toString()))
            .ifPresent(EmbeddedMysql::terminate);
        FileTrees.delete(home);
      }
    } catch (IOException e) {
      System.err.println("[dualwrite-testkit] cannot look for leftover MySQL servers: " + e);
    }
  }

  private static Optional<Long> readPid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String commandLine(long pid) {
    try {
      return new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
              StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private static void terminate(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Override
  String origin() {
    return "embedded, Debian sid's mysql-server-core " + DebianMysql.get().packageVersion();
  }

  @Override
  Endpoint admin() {
    return admin;
  }

  @Override
  void stop() {
    stop(mysqld, watchdog, home);
  }

  private static void stop(Process mysqld, Process watchdog, Path home) {
    if (mysqld != null) {
      mysqld.destroy(); // SIGTERM: mysqld shuts InnoDB down cleanly
      try {
        if (!mysqld.waitFor(60, TimeUnit.SECONDS)) {
          System.err.println("[dualwrite-testkit] MySQL did not stop within 60 s; killing it");
          mysqld.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        mysqld.destroyForcibly();
      }
    }
    if (watchdog != null) {
      watchdog.destroy();
    }
    FileTrees.delete(home);
  }
}
