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
  void lineBreaksAreRemovedFromLoggedText() {
    assertThat(Redaction.oneLine("a\r\nb")).isEqualTo("a  b");
  }
}
