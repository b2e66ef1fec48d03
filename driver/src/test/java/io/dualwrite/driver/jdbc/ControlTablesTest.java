package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.Rewriter;
import org.junit.jupiter.api.Test;

class ControlTablesTest {
  private static final Rewriter REWRITER = Rewriter.builder().build();

  private static String named(String sql) {
    return ControlTables.named(REWRITER.translate(sql));
  }

  @Test
  void statementsNamingAControlTableAreFound() {
    assertThat(named("UPDATE dualwrite_flags SET phase='MYSQL_ONLY', version=version+1"))
        .isEqualTo("dualwrite_flags");
    assertThat(named("DELETE FROM dualwrite_drift")).isEqualTo("dualwrite_drift");
    assertThat(named("DROP TABLE dualwrite_instances")).isEqualTo("dualwrite_instances");
    assertThat(named("update `DualWrite_Flags` set read_percent = 1")).isEqualTo("dualwrite_flags");
    assertThat(named("UPDATE app.dualwrite_flags SET read_percent = 1"))
        .isEqualTo("dualwrite_flags");
    assertThat(named("SELECT * FROM t WHERE id IN (SELECT 1 FROM dualwrite_drift)"))
        .isEqualTo("dualwrite_drift");
    assertThat(named("/*!50000 DELETE FROM dualwrite_drift */")).isEqualTo("dualwrite_drift");
    assertThat(named("LOCK TABLES dualwrite_flags WRITE")).isEqualTo("dualwrite_flags");
    // a string that MySQL will run as SQL
    assertThat(named("PREPARE s FROM 'DELETE FROM dualwrite_drift'")).isEqualTo("dualwrite_drift");
    assertThat(named("SET @q = 'DELETE FROM dualwrite_drift'")).isEqualTo("dualwrite_drift");
  }

  @Test
  void theNameAsDataOrInsideAnotherNameIsNotAControlTable() {
    assertThat(named("INSERT INTO notes VALUES (1, 'see dualwrite_flags')")).isNull();
    assertThat(named("UPDATE notes SET body = 'DELETE FROM dualwrite_drift' WHERE id = 1"))
        .isNull();
    assertThat(named("SELECT * FROM my_dualwrite_flags")).isNull();
    assertThat(named("SELECT * FROM dualwrite_flags_archive")).isNull();
    assertThat(named("SELECT 1")).isNull();
  }

  @Test
  void aStringThatEndsEarlyWithoutBackslashEscapesDoesNotHideTheName() {
    // With NO_BACKSLASH_ESCAPES the literal is 'x\' and the rest is SQL: not certainly data.
    assertThat(named("UPDATE notes SET body = 'x\\' , id = (SELECT 1 FROM dualwrite_flags) -- '"))
        .isEqualTo("dualwrite_flags");
  }
}
