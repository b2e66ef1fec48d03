package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MysqlForeignKeyChecksTest {
  @Test
  void mysqlGetsAHintAfterInsert() {
    assertThat(MysqlForeignKeyChecks.skipped("INSERT INTO t VALUES (1)", false))
        .isEqualTo("INSERT /*+ SET_VAR(foreign_key_checks=OFF) */ INTO t VALUES (1)");
    assertThat(MysqlForeignKeyChecks.skipped("insert ignore into t values (?)", false))
        .isEqualTo("insert /*+ SET_VAR(foreign_key_checks=OFF) */ ignore into t values (?)");
  }

  @Test
  void mariaDbGetsSetStatement() {
    assertThat(MysqlForeignKeyChecks.skipped("  INSERT INTO t SELECT * FROM u", true))
        .isEqualTo("SET STATEMENT foreign_key_checks=0 FOR INSERT INTO t SELECT * FROM u");
  }

  @Test
  void commentsBeforeTheKeywordAreSkipped() {
    assertThat(
            MysqlForeignKeyChecks.skipped(
                "/* app */ -- line\n# hash\nINSERT INTO t VALUES (1)", false))
        .isEqualTo(
            "/* app */ -- line\n# hash\nINSERT /*+ SET_VAR(foreign_key_checks=OFF) */ INTO t VALUES (1)");
  }

  @Test
  void theApplicationsHintKeepsItsPlace() {
    assertThat(MysqlForeignKeyChecks.skipped("INSERT /*+ BKA(t) */ INTO t VALUES (1)", false))
        .isEqualTo("INSERT /*+ SET_VAR(foreign_key_checks=OFF) BKA(t) */ INTO t VALUES (1)");
  }

  @Test
  void otherStatementsAndVersionedCommentsAreLeftAlone() {
    for (String sql :
        new String[] {
          "UPDATE t SET a = 1",
          "INSERTX INTO t VALUES (1)",
          "REPLACE INTO t VALUES (1)",
          "/*!40000 INSERT INTO t VALUES (1) */",
          "/* unterminated INSERT",
          "",
          "   "
        }) {
      assertThat(MysqlForeignKeyChecks.skipped(sql, false)).as(sql).isEqualTo(sql);
      assertThat(MysqlForeignKeyChecks.skipped(sql, true)).as(sql).isEqualTo(sql);
    }
  }
}
