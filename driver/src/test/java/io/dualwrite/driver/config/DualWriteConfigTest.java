package io.dualwrite.driver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DualWriteConfigTest {
  private static final String PG = "jdbc%3Apostgresql%3A%2F%2Fpg%3A5432%2Fapp";

  @Test
  void onlyThePrefixIsStrippedAndDualwriteParametersAreRemoved() throws SQLException {
    DualWriteUrl url =
        DualWriteUrl.parse(
            "jdbc:dualwrite:mysql://db:3306/app?useSSL=false&dualwrite.postgres.url="
                + PG
                + "&characterEncoding=utf8&dualwrite.readPercent=10");
    assertThat(url.mysqlUrl())
        .isEqualTo("jdbc:mysql://db:3306/app?useSSL=false&characterEncoding=utf8");
    assertThat(url.queryProperties())
        .containsEntry("dualwrite.postgres.url", "jdbc:postgresql://pg:5432/app")
        .containsEntry("dualwrite.readPercent", "10");
  }

  @Test
  void aUrlWhoseDatabaseNameContainsThePrefixTextIsKeptIntact() throws SQLException {
    DualWriteUrl url = DualWriteUrl.parse("jdbc:dualwrite:mysql://h/jdbc:dualwrite:x");
    assertThat(url.mysqlUrl()).isEqualTo("jdbc:mysql://h/jdbc:dualwrite:x");
  }

  @Test
  void propertiesObjectWinsOverUrlWhichWinsOverConfigFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dw.properties");
    Files.writeString(
        file,
        "dualwrite.readPercent=5\ndualwrite.comparePercent=7\ndualwrite.postgres.url=jdbc:postgresql://f/x\n");
    Properties info = new Properties();
    info.setProperty("dualwrite.config", file.toString());
    info.setProperty("dualwrite.readPercent", "30");
    DualWriteConfig config =
        DualWriteConfig.from(
            "jdbc:dualwrite:mysql://h/app?dualwrite.readPercent=20&dualwrite.comparePercent=9",
            info);
    assertThat(config.readPercent()).isEqualTo(30);
    assertThat(config.comparePercent()).isEqualTo(9);
    assertThat(config.postgresUrl()).isEqualTo("jdbc:postgresql://f/x");
  }

  @Test
  void unknownDualwritePropertyFailsNamingIt() {
    Properties info = pg();
    info.setProperty("dualwrite.readPercnt", "10");
    assertThatThrownBy(() -> DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("dualwrite.readPercnt")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
  }

  @Test
  void outOfRangeValuesFailWith22023NamingTheProperty() {
    for (String[] bad :
        new String[][] {
          {"dualwrite.readPercent", "101"},
          {"dualwrite.comparePercent", "-1"},
          {"dualwrite.readPercent", "ten"},
          {"dualwrite.phase", "SIDEWAYS"},
          {"dualwrite.refreshMillis", "5"},
          {"dualwrite.postgres.url", "jdbc:mysql://x/y"},
          {"dualwrite.control", "somewhere"}
        }) {
      Properties info = pg();
      info.setProperty(bad[0], bad[1]);
      assertThatThrownBy(() -> DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info))
          .as(bad[0] + "=" + bad[1])
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(bad[0])
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22023");
    }
  }

  @Test
  void missingPostgresUrlFailsUnlessMysqlOnly() throws SQLException {
    assertThatThrownBy(() -> DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", new Properties()))
        .hasMessageContaining("dualwrite.postgres.url");
    Properties info = new Properties();
    info.setProperty("dualwrite.phase", "mysql_only");
    assertThat(DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info).phase())
        .isEqualTo(Phase.MYSQL_ONLY);
  }

  @Test
  void dualwritePropertiesNeverReachTheVendorDrivers() throws SQLException {
    Properties info = pg();
    info.setProperty("user", "app");
    info.setProperty("password", "s3cret");
    info.setProperty("useSSL", "false");
    DualWriteConfig config = DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info);
    assertThat(config.mysqlProperties().stringPropertyNames())
        .containsExactlyInAnyOrder("user", "password", "useSSL");
    assertThat(config.postgresProperties().stringPropertyNames())
        .noneMatch(n -> n.startsWith("dualwrite."));
  }

  @Test
  void postgresCredentialsDefaultToMysqlsAndCanBeOverridden() throws SQLException {
    Properties info = pg();
    info.setProperty("user", "app");
    info.setProperty("password", "pw");
    DualWriteConfig same = DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info);
    assertThat(same.postgresProperties())
        .containsEntry("user", "app")
        .containsEntry("password", "pw");
    info.setProperty("dualwrite.postgres.user", "pguser");
    info.setProperty("dualwrite.postgres.password", "pgpw");
    DualWriteConfig own = DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info);
    assertThat(own.postgresProperties())
        .containsEntry("user", "pguser")
        .containsEntry("password", "pgpw");
  }

  @Test
  void postgresSideGetsBoundedTimeoutsUnlessTheUrlSetsThem() throws SQLException {
    DualWriteConfig config = DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", pg());
    assertThat(config.postgresProperties())
        .containsEntry("connectTimeout", "5")
        .containsEntry("socketTimeout", "60");
    Properties info = new Properties();
    info.setProperty("dualwrite.postgres.url", "jdbc:postgresql://pg/app?socketTimeout=5");
    assertThat(DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info).postgresProperties())
        .doesNotContainKey("socketTimeout");
  }

  @Test
  void mysqlAsTheOtherSideGetsItsHandshakeBoundedBySocketTimeout_issue13() throws SQLException {
    Properties info = pg();
    info.setProperty("dualwrite.mirrorTimeoutMillis", "1500");
    DualWriteConfig config = DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info);
    assertThat(config.propertiesAsMirror(false))
        .containsEntry("connectTimeout", "1500")
        .containsEntry("socketTimeout", "1500");
    assertThat(config.mysqlProperties()).doesNotContainKey("socketTimeout");
    info.setProperty("socketTimeout", "600");
    assertThat(DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info).propertiesAsMirror(false))
        .as("a shorter one of the application's is kept")
        .containsEntry("socketTimeout", "600");
  }

  @Test
  void noPasswordInToStringOrErrors() throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", "hunter2");
    info.setProperty("dualwrite.postgres.url", "jdbc:postgresql://pg/app?password=hunter3&user=x");
    info.setProperty("dualwrite.postgres.password", "hunter4");
    DualWriteConfig config =
        DualWriteConfig.from("jdbc:dualwrite:mysql://u:hunter5@h/app?password=hunter6", info);
    assertThat(config.toString()).doesNotContain("hunter");
    info.setProperty("dualwrite.readPercent", "x");
    assertThatThrownBy(
            () -> DualWriteConfig.from("jdbc:dualwrite:mysql://h/app?password=hunter6", info))
        .message()
        .doesNotContain("hunter");
  }

  @Test
  void aNonMysqlUrlIsRejected() {
    assertThatThrownBy(() -> DualWriteConfig.from("jdbc:dualwrite:oracle://h/x", pg()))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  private static Properties pg() {
    Properties p = new Properties();
    p.setProperty("dualwrite.postgres.url", "jdbc:postgresql://pg:5432/app");
    return p;
  }

  @Test
  void aWronglyCasedPrefixFailsNamingTheProperty_regressionSilentlyIgnored() {
    Properties info = pg();
    info.setProperty("Dualwrite.readPercent", "100");
    assertThatThrownBy(() -> DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Dualwrite.readPercent")
        .hasMessageContaining("did you mean dualwrite.readPercent")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
    assertThatThrownBy(
            () ->
                DualWriteConfig.from(
                    "jdbc:dualwrite:mysql://h/app?DUALWRITE.readPercent=100", pg()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("DUALWRITE.readPercent in the URL");
  }

  @Test
  void aMalformedPostgresUrlFailsAtConnectWithoutShowingItsPassword() {
    for (String bad :
        new String[] {
          "jdbc:postgresql://pg:notaport/app?password=Mal-Pw-1",
          "jdbc:postgresql://pg:99999/app?password=Mal-Pw-1",
          "jdbc:postgresql://pg/app?password=Mal-Pw-1&x=%zz",
          "jdbc:postgresql://pg,/app?password=Mal-Pw-1",
          "jdbc:postgresql://pg /app?password=Mal-Pw-1"
        }) {
      Properties info = new Properties();
      info.setProperty("dualwrite.postgres.url", bad);
      assertThatThrownBy(() -> DualWriteConfig.from("jdbc:dualwrite:mysql://h/app", info))
          .as(bad)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("dualwrite.postgres.url")
          .hasMessageNotContaining("Mal-Pw-1")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22023");
    }
  }
}
