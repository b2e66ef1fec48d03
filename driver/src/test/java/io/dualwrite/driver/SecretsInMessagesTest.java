package io.dualwrite.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Secrets hidden where a URL can carry them (issue 14, item 6): a URL-encoded nested URL, a
 * percent-encoded parameter name, {@code toString()}, {@code getPropertyInfo} and the messages of
 * refused URLs.
 */
class SecretsInMessagesTest {
  private static final String NESTED_PG =
      "jdbc%3Apostgresql%3A%2F%2Fpg%3A5432%2Fapp%3Fuser%3Dp%26password%3DNested-Pw-9";

  @Test
  void dataSourceToStringHidesANestedPassword() {
    try (DualWriteDataSource ds = new DualWriteDataSource()) {
      ds.setUrl(
          "jdbc:dualwrite:mysql://h/app?user=u&passwor%64=Enc-Pw-8&dualwrite.postgres.url="
              + NESTED_PG);
      assertThat(ds.toString()).doesNotContain("Enc-Pw-8").doesNotContain("Nested-Pw-9");
    }
  }

  @Test
  void theNonMysqlSchemeMessageHidesANestedPassword() {
    assertThatThrownBy(
            () ->
                new Driver()
                    .connect(
                        "jdbc:dualwrite:postgresql://h/app?passwor%64=Enc-Pw-8&x=" + NESTED_PG,
                        new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("Enc-Pw-8")
        .hasMessageNotContaining("Nested-Pw-9")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  @Test
  void getPropertyInfoHidesPasswordsInUrlValues() throws SQLException {
    Properties info = new Properties();
    info.setProperty("dualwrite.postgres.password", "Plain-Pw-7");
    info.setProperty("dualwrite.control", "jdbc:postgresql://c/ctl?password=Ctl-Pw-6");
    DriverPropertyInfo[] all =
        new Driver()
            .getPropertyInfo(
                "jdbc:dualwrite:mysql://h/app?dualwrite.postgres.url=" + NESTED_PG, info);
    String shown = Arrays.toString(Arrays.stream(all).map(p -> p.name + "=" + p.value).toArray());
    assertThat(shown)
        .contains("dualwrite.postgres.url=jdbc:postgresql://pg:5432/app")
        .doesNotContain("Nested-Pw-9")
        .doesNotContain("Plain-Pw-7")
        .doesNotContain("Ctl-Pw-6");
  }

  @Test
  void aBadControlUrlValueHidesItsPassword() {
    Properties info = new Properties();
    info.setProperty("dualwrite.postgres.url", "jdbc:postgresql://pg/app");
    info.setProperty("dualwrite.control", "jdbc:postgresql://c:bad/ctl?password=Ctl-Pw-5");
    assertThatThrownBy(() -> new Driver().connect("jdbc:dualwrite:mysql://h/app", info))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("dualwrite.control")
        .hasMessageNotContaining("Ctl-Pw-5");
  }
}
