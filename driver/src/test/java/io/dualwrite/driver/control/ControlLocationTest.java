package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.config.DualWriteConfig;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ControlLocationTest {
  private static final String URL = "jdbc:dualwrite:mysql://db1:3306/app";

  private static DualWriteConfig config(String... pairs) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "app");
    p.setProperty("password", "mysql-secret");
    p.setProperty("dualwrite.postgres.url", "jdbc:postgresql://pg1:5432/app");
    p.setProperty("dualwrite.postgres.user", "pguser");
    p.setProperty("dualwrite.postgres.password", "pg-secret");
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      p.setProperty(pairs[i], pairs[i + 1]);
    }
    return DualWriteConfig.from(URL, p);
  }

  @Test
  void primaryIsTheMysqlDatabaseInEveryPhase() throws SQLException {
    for (String phase : new String[] {"MYSQL_ONLY", "DUAL_WRITE", "PG_PRIMARY", "PG_ONLY"}) {
      ControlLocation loc = ControlLocation.of(config("dualwrite.phase", phase));
      assertThat(loc.dialect()).as(phase).isEqualTo(ControlDialect.MYSQL);
      assertThat(loc.url()).isEqualTo("jdbc:mysql://db1:3306/app");
      assertThat(loc.properties().getProperty("user")).isEqualTo("app");
      assertThat(loc.properties().getProperty("password")).isEqualTo("mysql-secret");
      assertThat(loc.properties().getProperty("connectTimeout")).isEqualTo("2000");
      assertThat(loc.properties().getProperty("socketTimeout")).isEqualTo("10000");
    }
  }

  @Test
  void aPostgresUrlUsesThePostgresCredentialsAndShortTimeoutsWithoutAutosave() throws SQLException {
    ControlLocation loc =
        ControlLocation.of(config("dualwrite.control", "jdbc:postgresql://ctl:5432/control"));
    assertThat(loc.dialect()).isEqualTo(ControlDialect.POSTGRES);
    assertThat(loc.url()).isEqualTo("jdbc:postgresql://ctl:5432/control");
    assertThat(loc.properties().getProperty("user")).isEqualTo("pguser");
    assertThat(loc.properties().getProperty("password")).isEqualTo("pg-secret");
    assertThat(loc.properties().getProperty("connectTimeout")).isEqualTo("2");
    assertThat(loc.properties().getProperty("socketTimeout")).isEqualTo("10");
    assertThat(loc.properties()).doesNotContainKey("autosave");
  }

  @Test
  void aUrlThatNamesItsUserKeepsItsOwnCredentials() throws SQLException {
    ControlLocation loc =
        ControlLocation.of(
            config("dualwrite.control", "jdbc:mysql://ctl/control?user=ops&password=ops-secret"));
    assertThat(loc.dialect()).isEqualTo(ControlDialect.MYSQL);
    assertThat(loc.properties().getProperty("user")).isNull();
    assertThat(loc.properties().getProperty("password")).isNull();
    assertThat(loc.toString()).doesNotContain("ops-secret").contains("password=***");
  }

  @Test
  void otherUrlsAndNoneAreRefusedWith22023() {
    assertThatThrownBy(
            () -> ControlLocation.of(config("dualwrite.control", "jdbc:oracle:thin:@x:1521:y")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("dualwrite.control")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
    assertThatThrownBy(() -> ControlLocation.of(config("dualwrite.control", "none")))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void reasonIsOneLineWithTheDriversCauseInsteadOfThePoolTimeout() {
    SQLException cause = new SQLException("Connection refused\nsecond line", "08001");
    String reason =
        ControlAgent.reason(
            new java.sql.SQLTransientConnectionException(
                "pool - request timed out", "08003", cause));
    assertThat(reason).isEqualTo("SQLException 08001: Connection refused");
  }
}
