package io.dualwrite.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MySQL 9.7 server binary for tests, from Debian unstable's {@code mysql-server-core}
 * packages, without installing anything into the system.
 *
 * <p>The packages and their whole shared-library closure (including sid's own glibc and libstdc++,
 * newer than a Debian 12 host's) are fetched with {@code apt-get download} through a private apt
 * configuration that lists {@code sid}, unpacked with {@code dpkg-deb -x} into a per-user cache and
 * run through the unpacked dynamic loader. A data directory is initialised once per unpack ({@code
 * --initialize-insecure}: root@localhost with an empty password) and kept as a template that each
 * test JVM copies, which is faster than initialising (about 8 s).
 *
 * <p>Cache layout, under {@code dualwrite.test.mysql.cache} (system property), else {@code
 * DUALWRITE_TEST_MYSQL_CACHE}, else {@code ~/.cache/dualwrite/mysql-9.7}:
 *
 * <pre>
 *   .lock                  every JVM of the machine provisions under this file lock
 *   apt/                   the private apt configuration, lists and state
 *   current                the name of the unpack in use, e.g. 9.7.4-1_3f2a9c01d4e5
 *   9.7.4-1_3f2a9c01d4e5/  one unpack, named by mysql-server-core's version and a hash of the
 *                          exact package files: root/ (the unpacked tree), template/ (the
 *                          initialised data directory), packages.txt, .complete
 * </pre>
 *
 * Once {@code current} names a complete unpack no network is used. {@code
 * -Ddualwrite.test.mysql.refresh=true} resolves the packages against sid again (and keeps the
 * unpack when nothing changed). The Debian mirror is {@code DUALWRITE_TEST_MYSQL_MIRROR}, else the
 * one the system's apt sources name, else {@code http://deb.debian.org/debian}.
 */
final class DebianMysql {
  /** The release line the tests expect; sid moving past it is an error, not a silent upgrade. */
  static final String SERIES = "9.7.";

  private static final String SUITE = "sid";
  private static final String KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";
  private static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
  private static final List<String> ROOT_PACKAGES = List.of("mysql-server-core");
  private static final Duration NETWORK_TIMEOUT = Duration.ofMinutes(10);

  private static volatile DebianMysql provisioned;

  private final Path root;
  private final Path template;
  private final String packageVersion;

  private DebianMysql(Path unpack, String packageVersion) {
    this.root = unpack.resolve("root");
    this.template = unpack.resolve("template");
    this.packageVersion = packageVersion;
  }

  /** An unpack named {@code <version>_<hash>}. */
  private static DebianMysql of(Path unpack) {
    String name = unpack.getFileName().toString();
    return new DebianMysql(unpack, name.substring(0, name.lastIndexOf('_')));
  }

  /** The unpacked server of this machine, fetching and initialising it if none is cached. */
  static DebianMysql get() {
    DebianMysql mysql = provisioned;
    if (mysql == null) {
      synchronized (DebianMysql.class) {
        mysql = provisioned;
        if (mysql == null) {
          mysql = new Provisioner(cacheDir(), Tools.fromPath()).provision(refreshRequested());
          provisioned = mysql;
        }
      }
    }
    return mysql;
  }

  /** {@code mysql-server-core}'s Debian version, e.g. {@code 9.7.4-1}. */
  String packageVersion() {
    return packageVersion;
  }

  /** The initialised data directory that each server copies; never run a server on it. */
  Path template() {
    return template;
  }

  /**
   * The command that runs {@code mysqld} from the unpack: through the unpacked loader and
   * libraries, with {@code --no-defaults} (the host's {@code /etc/mysql/my.cnf} may be MariaDB's)
   * and the unpack's own plugin, message and character-set folders (the host's may be MariaDB's).
   */
  List<String> mysqld(List<String> options) {
    List<String> command = new ArrayList<>();
    Path lib = root.resolve("usr/lib/x86_64-linux-gnu");
    command.add(lib.resolve("ld-linux-x86-64.so.2").toString());
    command.add("--library-path");
    command.add(lib.toString());
    command.add(root.resolve("usr/sbin/mysqld").toString());
    command.add("--no-defaults");
    command.add("--basedir=" + root.resolve("usr"));
    command.add("--lc-messages-dir=" + root.resolve("usr/share/mysql"));
    command.add("--character-sets-dir=" + root.resolve("usr/share/mysql/charsets"));
    command.add("--plugin-dir=" + root.resolve("usr/lib/mysql/plugin"));
    if (ProcessUser.isRoot()) {
      command.add("--user=root"); // mysqld refuses to run as root without it
    }
    command.addAll(options);
    return command;
  }

  /**
   * The options every start of the server shares: where its files go. {@code secure_file_priv} must
   * name an existing folder (the default, {@code /var/lib/mysql-files}, usually does not).
   */
  static List<String> fileOptions(Path home, Path datadir) {
    return List.of(
        "--datadir=" + datadir,
        "--tmpdir=" + home.resolve("tmp"),
        "--secure-file-priv=" + home.resolve("files"),
        "--log-error=" + home.resolve("mysqld.err"),
        "--pid-file=" + home.resolve("mysqld.pid"));
  }

  static Path cacheDir() {
    String configured = System.getProperty("dualwrite.test.mysql.cache");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("DUALWRITE_TEST_MYSQL_CACHE");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.trim());
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("dualwrite").resolve("mysql-9.7");
  }

  private static boolean refreshRequested() {
    return Boolean.parseBoolean(System.getProperty("dualwrite.test.mysql.refresh", "false"));
  }

  /** The host programs provisioning needs; a test points them elsewhere to see the messages. */
  record Tools(String aptGet, String aptCache, String dpkgDeb, Path keyring) {
    static Tools fromPath() {
      return new Tools("apt-get", "apt-cache", "dpkg-deb", Path.of(KEYRING));
    }
  }

  /** Fetches, unpacks and initialises into one cache directory, under the machine-wide lock. */
  static final class Provisioner {
    private final Path cache;
    private final Tools tools;

    Provisioner(Path cache, Tools tools) {
      this.cache = cache;
      this.tools = tools;
    }

    DebianMysql provision(boolean refresh) {
      long started = System.nanoTime();
      try {
        Files.createDirectories(cache);
      } catch (IOException e) {
        throw new MysqlProvisioningException(
            "create the cache folder " + cache,
            e.toString(),
            "make it writable, or point -Ddualwrite.test.mysql.cache (or"
                + " DUALWRITE_TEST_MYSQL_CACHE) at a writable folder.");
      }
      try (FileChannel lockFile =
              FileChannel.open(
                  cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        Path current = currentUnpack();
        if (current != null && !refresh) {
          return of(current);
        }
        Path unpack = fetchAndUnpack();
        System.out.printf(
            "[dualwrite-testkit] MySQL %s provisioned in %s in %.1f s%n",
            unpack.getFileName(), cache, (System.nanoTime() - started) / 1e9);
        return of(unpack);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot provision MySQL 9.7 in " + cache, e);
      }
    }

    /** The unpack {@code current} names, if it is complete. */
    private Path currentUnpack() throws IOException {
      Path pointer = cache.resolve("current");
      if (!Files.isRegularFile(pointer)) {
        return null;
      }
      String name = Files.readString(pointer).trim();
      if (name.isEmpty() || name.contains("/")) {
        return null;
      }
      Path unpack = cache.resolve(name);
      return Files.exists(unpack.resolve(".complete")) ? unpack : null;
    }

    /**
     * Resolves, downloads and unpacks; an unpack with the same packages is reused. An older unpack
     * is left in place (a server of another JVM may still run from it); delete it by hand.
     */
    private Path fetchAndUnpack() throws IOException {
      checkTools();
      Path apt = cache.resolve("apt");
      List<String> aptOptions = aptConfiguration(apt);

      String candidate = offeredVersion(aptOptions, apt);
      List<String> packages = packageClosure(aptOptions, apt);

      Path staging = Files.createTempDirectory(cache, "staging-");
      try {
        Path debs = Files.createDirectories(staging.resolve("debs"));
        List<String> download = new ArrayList<>(List.of(tools.aptGet()));
        download.addAll(aptOptions);
        download.addAll(List.of("-q", "download"));
        download.addAll(packages);
        run(
            "apt-get download of " + packages.size() + " packages",
            "check the network and the free space under " + cache + ".",
            debs,
            NETWORK_TIMEOUT,
            download);
        List<String> files;
        try (Stream<Path> listing = Files.list(debs)) {
          files =
              listing
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".deb"))
                  .sorted()
                  .toList();
        }
        String name = candidate.replace(':', '+') + "_" + sha256(String.join("\n", files), 12);
        Path unpack = cache.resolve(name);
        if (!Files.exists(unpack.resolve(".complete"))) {
          Path tree = staging.resolve("root");
          for (String file : files) {
            run(
                "dpkg-deb -x " + file,
                "the download may be damaged: delete " + cache + " and run again.",
                staging,
                Duration.ofMinutes(2),
                List.of(tools.dpkgDeb(), "-x", debs.resolve(file).toString(), tree.toString()));
          }
          FileTrees.delete(debs);
          Files.writeString(staging.resolve("packages.txt"), String.join("\n", files) + "\n");
          checkLibraries(tree);
          initializeTemplate(staging);
          Files.createFile(staging.resolve(".complete"));
          FileTrees.delete(unpack);
          Files.move(staging, unpack, StandardCopyOption.ATOMIC_MOVE);
        }
        Path pointer = Files.createTempFile(cache, "current-", ".tmp");
        Files.writeString(pointer, name + "\n");
        Files.move(
            pointer,
            cache.resolve("current"),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        return unpack;
      } finally {
        FileTrees.delete(staging);
      }
    }

    /** apt-get update, then the mysql-server-core version Debian offers (of {@code SERIES}). */
    private String offeredVersion(List<String> aptOptions, Path apt) throws IOException {
      List<String> update = new ArrayList<>(List.of(tools.aptGet()));
      update.addAll(aptOptions);
      update.addAll(List.of("-q", "update"));
      String updated =
          run(
              "apt-get update (Debian " + SUITE + " from " + mirror() + ")",
              "check that this machine reaches the mirror (a proxy needs http_proxy), or set"
                  + " DUALWRITE_TEST_MYSQL_MIRROR to a reachable Debian mirror.",
              cache,
              NETWORK_TIMEOUT,
              update);

      List<String> policy = new ArrayList<>(List.of(tools.aptCache()));
      policy.addAll(aptOptions);
      policy.addAll(List.of("policy", "mysql-server-core"));
      String candidate =
          candidateVersion(
              run(
                  "apt-cache policy mysql-server-core",
                  "see the output above; the private apt lists are under " + apt + ".",
                  cache,
                  Duration.ofMinutes(2),
                  policy));
      if (candidate == null) {
        throw new MysqlProvisioningException(
            "find mysql-server-core in Debian " + SUITE,
            "apt knows no mysql-server-core after apt-get update, which said:\n"
                + lastLines(updated, 12),
            "the package lists did not arrive (apt-get update may only warn about a failed"
                + " fetch): check the network or DUALWRITE_TEST_MYSQL_MIRROR.");
      }
      if (!candidate.startsWith(SERIES)) {
        throw new MysqlProvisioningException(
            "find mysql-server-core " + SERIES + "x in Debian " + SUITE,
            "sid offers " + candidate,
            "the testkit expects MySQL "
                + SERIES
                + "x (an LTS line); update DebianMysql.SERIES and the tests that name it, or"
                + " keep using a cached unpack (without -Ddualwrite.test.mysql.refresh).");
      }
      return candidate;
    }

    /** The packages mysql-server-core needs, its library closure. */
    private List<String> packageClosure(List<String> aptOptions, Path apt) throws IOException {
      List<String> depends = new ArrayList<>(List.of(tools.aptCache()));
      depends.addAll(aptOptions);
      depends.addAll(
          List.of(
              "depends",
              "--recurse",
              "--no-recommends",
              "--no-suggests",
              "--no-conflicts",
              "--no-breaks",
              "--no-replaces",
              "--no-enhances"));
      depends.addAll(ROOT_PACKAGES);
      return closure(
          run(
              "apt-cache depends (the library closure of mysql-server-core)",
              "see the output above; the private apt lists are under " + apt + ".",
              cache,
              Duration.ofMinutes(2),
              depends));
    }

    private void checkTools() {
      for (String tool : List.of(tools.aptGet(), tools.aptCache(), tools.dpkgDeb())) {
        if (!onPath(tool)) {
          throw new MysqlProvisioningException(
              "find " + tool,
              tool + " is not on this machine's PATH",
              "the testkit fetches MySQL 9.7 from Debian's archive and needs apt-get, apt-cache"
                  + " and dpkg-deb (a Debian or Ubuntu machine). Elsewhere run MySQL 9.7"
                  + " yourself and set DUALWRITE_TEST_MYSQL_URL (with _USER and _PASSWORD), or"
                  + " use -Ddualwrite.test.databases=containers where Docker runs.");
        }
      }
      if (!Files.isReadable(tools.keyring())) {
        throw new MysqlProvisioningException(
            "find Debian's archive keyring",
            tools.keyring() + " is missing",
            "install the debian-archive-keyring package (it verifies the downloaded packages).");
      }
    }

    private static boolean onPath(String tool) {
      if (tool.contains("/")) {
        return Files.isExecutable(Path.of(tool));
      }
      String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
      for (String dir : path.split(":")) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
          return true;
        }
      }
      return false;
    }

    /** apt options that keep every file apt reads or writes under {@code apt}. */
    private List<String> aptConfiguration(Path apt) throws IOException {
      for (String dir : List.of("lists/partial", "cache/archives/partial", "state", "empty.d")) {
        Files.createDirectories(apt.resolve(dir));
      }
      Files.writeString(apt.resolve("status"), "");
      Files.writeString(
          apt.resolve("sources.list"),
          "deb [signed-by=" + tools.keyring() + "] " + mirror() + " " + SUITE + " main\n");
      return List.of(
          "-o", "Dir::Etc::sourcelist=" + apt.resolve("sources.list"),
          "-o", "Dir::Etc::sourceparts=" + apt.resolve("empty.d"),
          "-o", "Dir::Etc::preferences=" + apt.resolve("preferences"),
          "-o", "Dir::Etc::preferencesparts=" + apt.resolve("empty.d"),
          "-o", "Dir::State=" + apt.resolve("state"),
          "-o", "Dir::State::Lists=" + apt.resolve("lists"),
          "-o", "Dir::State::status=" + apt.resolve("status"),
          "-o", "Dir::Cache=" + apt.resolve("cache"),
          "-o", "APT::Sandbox::User=root",
          "-o", "Acquire::Languages=none");
    }

    /** {@code DUALWRITE_TEST_MYSQL_MIRROR}, else the first non-security mirror apt uses here. */
    static String mirror() {
      String configured = System.getenv("DUALWRITE_TEST_MYSQL_MIRROR");
      if (configured != null && !configured.isBlank()) {
        return configured.trim();
      }
      try {
        Path deb822 = Path.of("/etc/apt/sources.list.d/debian.sources");
        if (Files.isReadable(deb822)) {
          for (String line : Files.readAllLines(deb822)) {
            String[] words = line.trim().split("\\s+");
            if (words.length > 1 && words[0].equals("URIs:") && !words[1].contains("security")) {
              return words[1];
            }
          }
        }
        Path classic = Path.of("/etc/apt/sources.list");
        if (Files.isReadable(classic)) {
          for (String line : Files.readAllLines(classic)) {
            String[] words = line.trim().split("\\s+");
            if (words.length > 1 && words[0].equals("deb") && !line.contains("security")) {
              for (String word : words) {
                if (word.matches("(https?|ftp)://.*") && word.contains("debian")) {
                  return word;
                }
              }
            }
          }
        }
      } catch (IOException e) {
        // fall through to the default mirror
      }
      return DEFAULT_MIRROR;
    }

    /** The {@code Candidate:} line of {@code apt-cache policy}, or null. */
    static String candidateVersion(String policy) {
      for (String line : policy.split("\n")) {
        String trimmed = line.trim();
        if (trimmed.startsWith("Candidate:")) {
          String version = trimmed.substring("Candidate:".length()).trim();
          return version.equals("(none)") || version.isEmpty() ? null : version;
        }
      }
      return null;
    }

    /**
     * The package names of a recursive {@code apt-cache depends}, without virtual packages and
     * without perl (only mysqld's helper scripts need it, and it is large).
     */
    static List<String> closure(String depends) {
      return depends
          .lines()
          .filter(l -> !l.isEmpty() && !l.startsWith(" ") && !l.startsWith("<"))
          .map(String::trim)
          .filter(p -> !p.matches("perl|perl-base|perl-modules-.*|libperl.*"))
          .distinct()
          .sorted()
          .toList();
    }

    /** Every library mysqld needs must resolve inside the unpack, not on the host. */
    private void checkLibraries(Path tree) throws IOException {
      Path lib = tree.resolve("usr/lib/x86_64-linux-gnu");
      String listing =
          run(
              "check mysqld's shared libraries",
              "a package of the closure is missing; delete " + cache + " and run again.",
              tree,
              Duration.ofMinutes(1),
              List.of(
                  lib.resolve("ld-linux-x86-64.so.2").toString(),
                  "--library-path",
                  lib.toString(),
                  "--list",
                  tree.resolve("usr/sbin/mysqld").toString()));
      if (listing.contains("not found")) {
        throw new MysqlProvisioningException(
            "check mysqld's shared libraries",
            "unresolved libraries:\n" + listing,
            "sid's packaging changed; add the missing package to DebianMysql.ROOT_PACKAGES.");
      }
    }

    /** {@code mysqld --initialize-insecure} into {@code <unpack>/template}. */
    private void initializeTemplate(Path unpack) throws IOException {
      DebianMysql staged = new DebianMysql(unpack, "staged");
      Path work = Files.createDirectories(unpack.resolve("init"));
      Files.createDirectories(work.resolve("tmp"));
      Files.createDirectories(work.resolve("files"));
      List<String> options = new ArrayList<>(fileOptions(work, unpack.resolve("template")));
      options.add("--initialize-insecure");
      try {
        run(
            "mysqld --initialize-insecure (the template data directory)",
            "see mysqld's log above; delete " + cache + " and run again.",
            work,
            Duration.ofMinutes(5),
            staged.mysqld(options));
      } catch (MysqlProvisioningException e) {
        String log = tail(work.resolve("mysqld.err"));
        throw new MysqlProvisioningException(
            "mysqld --initialize-insecure (the template data directory)",
            "mysqld failed; its log ends:\n" + log,
            "delete " + cache + " and run again; if it fails the same way, sid's build is broken.");
      }
      // A copy must not share the template's server UUID; each start makes a new one.
      Files.deleteIfExists(unpack.resolve("template/auto.cnf"));
      FileTrees.delete(work);
    }

    private static String run(
        String step, String remedy, Path dir, Duration timeout, List<String> command)
        throws IOException {
      Path log = Files.createTempFile("dualwrite-mysql-step-", ".log");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.put("LC_ALL", "C");
        env.put("DEBIAN_FRONTEND", "noninteractive");
        Process process;
        try {
          process = builder.start();
        } catch (IOException e) {
          throw new MysqlProvisioningException(step, e.getMessage(), remedy);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new MysqlProvisioningException(
              step, "no result after " + timeout.toMinutes() + " min\n" + tail(log), remedy);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new MysqlProvisioningException(
              step,
              "exit " + process.exitValue() + " from " + command.get(0) + "\n" + tail(log),
              remedy);
        }
        return output;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MysqlProvisioningException(step, "interrupted", remedy);
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }

  private static String lastLines(String text, int count) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /** The last 40 lines of a log file, for an error message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String sha256(String text, int hexDigits) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, hexDigits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
