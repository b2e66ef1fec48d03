package io.dualwrite.driver.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void passwordParametersAndUserInfoAreMasked() {
    assertThat(Redaction.url("jdbc:mysql://u:pw@h:3306/db?user=u&password=pw&x=1"))
        .isEqualTo("jdbc:mysql://***@h:3306/db?user=u&password=***&x=1");
    assertThat(Redaction.url("jdbc:dualwrite:mysql://h/db?dualwrite.postgres.password=p"))
        .isEqualTo("jdbc:dualwrite:mysql://h/db?dualwrite.postgres.password=***");
  }

  @Test
  void aUrlEncodedNestedUrlHasItsPasswordMasked() {
    String nested =
        "jdbc:dualwrite:mysql://h/db?user=u&dualwrite.postgres.url="
            + "jdbc%3Apostgresql%3A%2F%2Fpg%3A5432%2Fdb%3Fuser%3Dp%26password%3DNested-Pw-1";
    assertThat(Redaction.url(nested))
        .doesNotContain("Nested-Pw-1")
        .startsWith("jdbc:dualwrite:mysql://h/db?user=u&dualwrite.postgres.url=jdbc%3Apostgresql")
        .contains("password%3D***");
    String twice =
        "jdbc:mysql://h/db?x="
            + "jdbc%253Apostgresql%253A%252F%252Fpg%252Fdb%253Fpassword%253DTwice-Pw-2";
    assertThat(Redaction.url(twice)).doesNotContain("Twice-Pw-2");
    String plainNested = "jdbc:mysql://h/db?u=jdbc:postgresql://pg/db?user=a&password=Plain-Pw-3";
    assertThat(Redaction.url(plainNested)).doesNotContain("Plain-Pw-3");
  }

  @Test
  void percentEncodedParameterNamesAreRecognised_regressionPasswor64() {
    assertThat(Redaction.url("jdbc:mysql://h/db?user=u&passwor%64=Enc-Pw-4"))
        .isEqualTo("jdbc:mysql://h/db?user=u&passwor%64=***");
    assertThat(
            Redaction.url("jdbc:mysql://h/db?%70assword=Enc-Pw-5&dualwrite.postgres.pass%77ord=x"))
        .doesNotContain("Enc-Pw-5")
        .endsWith("pass%77ord=***");
  }

  @Test
  void connectorJHostSpecificPasswordsAreMasked() {
    assertThat(Redaction.url("jdbc:mysql://(host=h,port=3306,password=Host-Pw-6)/db"))
        .isEqualTo("jdbc:mysql://(host=h,port=3306,password=***)/db");
    assertThat(Redaction.url("jdbc:mysql://address=(password=Host-Pw-7)(host=h)/db"))
        .isEqualTo("jdbc:mysql://address=(password=***)(host=h)/db");
  }

  @Test
  void secretsAreFoundWhereverTheUrlIsMasked() {
    assertThat(Redaction.secrets("jdbc:mysql://u:Info-Pw@h/db?user=u&passwor%64=Enc%2DPw&x=1"))
        .contains("Info-Pw", "Enc%2DPw", "Enc-Pw")
        .doesNotContain("u", "1", "h");
    assertThat(Redaction.secrets("jdbc:mysql://(host=h,port=1,password=Paren-Pw)/db"))
        .containsExactly("Paren-Pw");
    assertThat(Redaction.secrets("jdbc:mysql://address=(host=h)(password=Addr-Pw)/db"))
        .containsExactly("Addr-Pw");
    String nested =
        "jdbc:mysql://h/db?dualwrite.postgres.url="
            + "jdbc%3Apostgresql%3A%2F%2Fpg%2Fdb%3Fpassword%3DNested-Pw%21";
    assertThat(Redaction.secrets(nested)).contains("Nested-Pw!", "Nested-Pw%21");
    assertThat(Redaction.secrets("jdbc:mysql://bob@h/db?user=u")).isEmpty();
    assertThat(Redaction.secrets(null)).isEmpty();
  }

  @Test
  void lineBreaksAreRemovedFromLoggedText() {
    assertThat(Redaction.oneLine("a\r\nb")).isEqualTo("a  b");
  }
}
