package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MysqlResultLabelsTest {

  @Test
  void aliasesKeepTheirCaseAndExpressionsAreLabelledByTheirText() {
    assertThat(
            MysqlResultLabels.of(
                "SELECT u.id AS userId, `Display Name`, COUNT(*), 'x', 1 + 1, MAX(u.login_count)"
                    + " `Top` FROM users u GROUP BY u.id",
                6))
        .containsExactly("userId", "Display Name", "COUNT(*)", "x", "1 + 1", "Top");
  }

  @Test
  void theColumnsOfAStarAreLeftToPostgres() {
    assertThat(MysqlResultLabels.of("SELECT *, id AS Ident FROM t", 4))
        .isEqualTo(Arrays.asList(null, null, null, "Ident"));
    assertThat(MysqlResultLabels.of("SELECT t.* FROM t", 2)).isEqualTo(Arrays.asList(null, null));
  }

  @Test
  void aUnionIsLabelledByItsFirstSelect() {
    assertThat(MysqlResultLabels.of("SELECT a AS First FROM t UNION SELECT b FROM u", 1))
        .containsExactly("First");
  }

  @Test
  void nullWhenTheStatementCannotBeRead() {
    assertThat(MysqlResultLabels.of("SELECT a, b FROM t", 3)).isNull();
    assertThat(MysqlResultLabels.of("SELECT *, * FROM t", 4)).isNull();
    assertThat(MysqlResultLabels.of("UPDATE t SET a = 1", 0)).isNull();
    assertThat(MysqlResultLabels.of("SELECT FROM WHERE", 1)).isNull();
  }
}
