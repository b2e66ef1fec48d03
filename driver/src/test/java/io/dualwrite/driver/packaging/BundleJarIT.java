package io.dualwrite.driver.packaging;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static io.dualwrite.driver.testing.TableComparison.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/dualwrite-driver-bundle.jar is all a SQL tool needs: a child JVM with only that jar on its
 * class path connects through {@code DriverManager} (no class name given, the jar's service file
 * registers the drivers) and writes to both databases.
 */
@ExtendWith(TestDatabases.class)
class BundleJarIT {

  /** Run by the child JVM as a single source file: JDBC API only, nothing but the bundle. */
  private static final String PROBE =
      """
      import java.io.FileReader;
      import java.sql.Connection;
      import java.sql.DriverManager;
      import java.sql.Statement;
      import java.util.Properties;

      public class BundleProbe {
        public static void main(String[] args) throws Exception {
          Properties properties = new Properties();
          try (FileReader in = new FileReader(args[1])) {
            properties.load(in);
          }
          try (Connection c = DriverManager.getConnection(args[0], properties);
              Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tools (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " name VARCHAR(40) NOT NULL, added DATE)");
            s.executeUpdate("INSERT INTO tools (name, added) VALUES ('dbeaver', '2026-12-05'),"
                + " ('intellij', NULL), ('squirrel', '1999-01-01')");
            s.executeUpdate("UPDATE tools SET name = CONCAT(name, '!') WHERE id = 2");
            System.out.println("driver " + DriverManager.getDriver(args[0]).getClass().getName());
            System.out.println("class path " + System.getProperty("java.class.path"));
          }
        }
      }
      """;

  @Test
  void aJvmWithOnlyTheBundleOnItsClassPathConnectsAndWritesToBothSides(
      DatabasePair db, @TempDir Path dir) throws Exception {
    Path bundle =
        Path.of(System.getProperty("dualwrite.bundle.jar", "target/dualwrite-driver-bundle.jar"));
    assertThat(bundle).as("built by the package phase").isRegularFile();

    Path probe = dir.resolve("BundleProbe.java");
    Files.writeString(probe, PROBE);
    Path properties = dir.resolve("dualwrite.properties");
    try (OutputStream out = Files.newOutputStream(properties)) {
      DualWriteTestUrls.properties(db).store(out, "written by BundleJarIT");
    }

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                bundle.toAbsolutePath().toString(),
                probe.toString(),
                DualWriteTestUrls.url(db),
                properties.toString())
            .redirectErrorStream(true);
    builder.environment().remove("CLASSPATH");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    Process child = builder.start();
    String output;
    try (InputStream in = child.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("child JVM ended").isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("driver io.dualwrite.driver.Driver")
        .contains("class path " + bundle.toAbsolutePath());

    try (Connection mysql = db.openMysql()) {
      assertThat(count(mysql, "tools")).isEqualTo(3);
    }
    assertSameRows(db, "tools", "id");
  }

  @Test
  void theBundleRegistersAllThreeDriversAndCarriesTheirClasses() throws Exception {
    Path bundle =
        Path.of(System.getProperty("dualwrite.bundle.jar", "target/dualwrite-driver-bundle.jar"));
    try (JarFile jar = new JarFile(bundle.toFile())) {
      try (InputStream in =
          jar.getInputStream(jar.getJarEntry("META-INF/services/java.sql.Driver"))) {
        List<String> drivers =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(drivers)
            .contains(
                "io.dualwrite.driver.Driver", "com.mysql.cj.jdbc.Driver", "org.postgresql.Driver");
      }
      assertThat(jar.getJarEntry("io/dualwrite/shaded/rewriter/Rewriter.class")).isNotNull();
      assertThat(jar.getJarEntry("io/dualwrite/rewriter/Rewriter.class")).isNull();
      assertThat(jar.getJarEntry("net/sf/jsqlparser/parser/CCJSqlParserUtil.class")).isNull();
      assertThat(jar.getJarEntry("org/slf4j/LoggerFactory.class")).isNotNull();
    }
  }
}
