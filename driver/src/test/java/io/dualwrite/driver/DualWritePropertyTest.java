package io.dualwrite.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DualWritePropertyTest {

  @Test
  void namesAreUniqueDocumentedAndCarryThePrefix() {
    Set<String> names =
        Arrays.stream(DualWriteProperty.values())
            .map(DualWriteProperty::getName)
            .collect(Collectors.toSet());
    assertThat(names).hasSize(DualWriteProperty.values().length);
    for (DualWriteProperty p : DualWriteProperty.values()) {
      assertThat(p.getName()).startsWith(DualWriteProperty.PREFIX);
      assertThat(p.getDescription()).isNotBlank();
      assertThat(DualWriteProperty.forName(p.getName())).contains(p);
    }
  }

  @Test
  void contractPropertiesAreAllThere() {
    assertThat(
            Arrays.stream(DualWriteProperty.values())
                .map(DualWriteProperty::getName)
                .collect(Collectors.toList()))
        .containsExactlyInAnyOrder(
            "dualwrite.postgres.url",
            "dualwrite.postgres.user",
            "dualwrite.postgres.password",
            "dualwrite.phase",
            "dualwrite.readPercent",
            "dualwrite.comparePercent",
            "dualwrite.control",
            "dualwrite.refreshMillis",
            // the deadline contract section 3 requires, named here
            "dualwrite.mirrorTimeoutMillis",
            // the mirror's overlap with the next statement (MirrorPipeline), on by default
            "dualwrite.overlapMirror",
            "dualwrite.instance",
            "dualwrite.config");
  }

  @Test
  void getPropertyInfoListsEveryPropertyWithDefaultsAndNeverAPassword() throws Exception {
    Properties info = new Properties();
    info.setProperty("dualwrite.postgres.password", "secret!");
    DriverPropertyInfo[] all =
        new Driver().getPropertyInfo("jdbc:dualwrite:mysql://h/db?dualwrite.readPercent=7", info);
    assertThat(all).hasSize(DualWriteProperty.values().length);
    assertThat(Arrays.stream(all).filter(i -> i.name.equals("dualwrite.readPercent")))
        .singleElement()
        .satisfies(i -> assertThat(i.value).isEqualTo("7"));
    assertThat(Arrays.stream(all).filter(i -> i.name.equals("dualwrite.phase")))
        .singleElement()
        .satisfies(i -> assertThat(i.choices).contains("DUAL_WRITE", "PG_PRIMARY"));
    assertThat(Arrays.stream(all).map(i -> String.valueOf(i.value))).doesNotContain("secret!");
  }

  @Test
  void aBooleanPropertyTakesTrueOrFalseInAnyCaseAndNamesItselfOtherwise() throws Exception {
    Properties p = new Properties();
    assertThat(DualWriteProperty.OVERLAP_MIRROR.getBoolean(p)).isTrue();
    p.setProperty("dualwrite.overlapMirror", " FALSE ");
    assertThat(DualWriteProperty.OVERLAP_MIRROR.getBoolean(p)).isFalse();
    p.setProperty("dualwrite.overlapMirror", "no");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DualWriteProperty.OVERLAP_MIRROR.validate(p))
        .isInstanceOf(java.sql.SQLException.class)
        .hasMessageContaining("dualwrite.overlapMirror")
        .hasMessageContaining("true or false")
        .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isEqualTo("22023"));
  }

  @Test
  void driverDocsPropertyTableIsGeneratedFromTheEnum() throws Exception {
    String driverDocs = Files.readString(Path.of("..", "docs", "driver.md"));
    assertThat(driverDocs)
        .as("docs/driver.md must contain DualWriteProperty.markdownTable() verbatim")
        .contains(DualWriteProperty.markdownTable());
  }

  @Test
  void driverAcceptsOnlyItsPrefix() {
    Driver driver = new Driver();
    assertThat(driver.acceptsURL("jdbc:dualwrite:mysql://h/db")).isTrue();
    assertThat(driver.acceptsURL("jdbc:mysql://h/db")).isFalse();
    assertThat(driver.acceptsURL(null)).isFalse();
  }
}
