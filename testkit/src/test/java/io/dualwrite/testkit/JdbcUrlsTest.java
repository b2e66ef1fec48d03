package io.dualwrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void replacesTheDatabaseAndKeepsParameters() {
    assertThat(JdbcUrls.withDatabase("jdbc:mysql://h:3306/mysql?useSSL=false", "dw_x"))
        .isEqualTo("jdbc:mysql://h:3306/dw_x?useSSL=false");
  }

  @Test
  void addsTheDatabaseWhenTheUrlHasNone() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5432", "dw_x"))
        .isEqualTo("jdbc:postgresql://h:5432/dw_x");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5432/?ssl=false", "dw_x"))
        .isEqualTo("jdbc:postgresql://h:5432/dw_x?ssl=false");
  }

  @Test
  void databaseNamesAreShortLowerCaseAndUnique() {
    String a = TestDatabases.databaseName(TestDatabasesIT.class);
    String b = TestDatabases.databaseName(TestDatabasesIT.class);
    assertThat(a).matches("dw_testdatabasesit_[a-z0-9]+").hasSizeLessThanOrEqualTo(48);
    assertThat(a).isNotEqualTo(b);
  }
}
