package io.dualwrite.it.mixed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The driver as published: the jar on this module's class path is the shaded driver jar (not
 * driver/target/classes), every class in it is dualwrite's own or relocated under {@code
 * io.dualwrite.shaded}, and its POM brings only the vendor drivers, SLF4J and optional Micrometer.
 */
class ShadedDriverJarIT {

  /** The jar that {@code io.dualwrite.driver.Driver} was loaded from; fails if it is no jar. */
  static Path driverJar() throws Exception {
    Path location =
        Path.of(
            io.dualwrite.driver.Driver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    assertThat(location)
        .as(
            "the driver must come from the shaded jar, not from classes (run the build to the"
                + " package phase or later: mvn verify)")
        .isRegularFile();
    assertThat(location.getFileName().toString())
        .matches("dualwrite-driver-[^-]+(-SNAPSHOT)?\\.jar");
    return location;
  }

  @Test
  void classesOutsideTheDriverAreOnlyUnderTheShadedPrefix() throws Exception {
    List<String> foreign = new ArrayList<>();
    TreeSet<String> shadedLibraries = new TreeSet<>();
    try (JarFile jar = new JarFile(driverJar().toFile())) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        String path = name.replaceFirst("^META-INF/versions/\\d+/", "");
        if (path.startsWith("io/dualwrite/shaded/")) {
          shadedLibraries.add(path.split("/")[3]);
        } else if (!path.startsWith("io/dualwrite/driver/")) {
          foreign.add(name);
        }
      }
    }
    assertThat(foreign).as("classes neither dualwrite's driver nor relocated").isEmpty();
    assertThat(shadedLibraries)
        .containsExactlyInAnyOrder("caffeine", "hikari", "jsqlparser", "resilience4j", "rewriter");
  }

  @Test
  void jdbcServiceFileNamesOnlyTheDualwriteDriver() throws Exception {
    try (JarFile jar = new JarFile(driverJar().toFile())) {
      JarEntry services = jar.getJarEntry("META-INF/services/java.sql.Driver");
      assertThat(services).isNotNull();
      try (InputStream in = jar.getInputStream(services)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
            .isEqualTo("io.dualwrite.driver.Driver");
      }
      assertThat(jar.getJarEntry("META-INF/LICENSE")).isNotNull();
    }
  }

  @Test
  void publishedPomBringsOnlyVendorDriversSlf4jAndOptionalMicrometer() throws Exception {
    Path pom =
        Path.of(
            System.getProperty("dualwrite.driver.pom", "../../driver/dependency-reduced-pom.xml"));
    assertThat(pom).as("the dependency-reduced POM the shade plugin writes").isRegularFile();
    Map<String, String> transitive = new TreeMap<>();
    Element project = parse(pom);
    NodeList dependencies = project.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      if (!d.getParentNode().getParentNode().equals(project)) {
        continue; // dependencyManagement or a plugin's dependencies
      }
      String scope = text(d, "scope", "compile");
      if (scope.equals("test") || scope.equals("provided")) {
        continue; // never reach an application
      }
      transitive.put(
          text(d, "groupId", "") + ":" + text(d, "artifactId", ""),
          scope + (text(d, "optional", "false").equals("true") ? ",optional" : ""));
    }
    assertThat(transitive)
        .containsOnly(
            Map.entry("com.mysql:mysql-connector-j", "compile"),
            Map.entry("org.postgresql:postgresql", "compile"),
            Map.entry("org.slf4j:slf4j-api", "compile"),
            Map.entry("io.micrometer:micrometer-core", "compile,optional"));
  }

  private static Element parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(pom)) {
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (IOException e) {
      throw new IOException("cannot read " + pom, e);
    }
  }

  private static String text(Element parent, String tag, String otherwise) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? otherwise : nodes.item(0).getTextContent().trim();
  }
}
