package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void aFailedBatchIsWhatTheCallerSeesWhenSwitchingBackFailsToo() {
    List<String> ran = new ArrayList<>();
    SQLException broken = new SQLRecoverableException("connection lost", "08S01");
    Connection mysql = connectionFailingOn("SET SESSION foreign_key_checks = 1", broken, ran);
    SQLException batchFailure = new SQLException("Deadlock found", "40001", 1213);

    Throwable thrown =
        catchThrowable(
            () ->
                MysqlForeignKeyChecks.offAround(
                    mysql,
                    () -> {
                      throw batchFailure;
                    }));

    assertThat(thrown).isSameAs(batchFailure);
    assertThat(thrown.getSuppressed()).containsExactly(broken);
    assertThat(ran)
        .containsExactly(
            "SET SESSION foreign_key_checks = 0", "SET SESSION foreign_key_checks = 1");
  }

  @Test
  void checksAreSwitchedBackAfterASuccessfulBatch() throws SQLException {
    List<String> ran = new ArrayList<>();
    Connection mysql = connectionFailingOn("never", null, ran);

    long[] counts = MysqlForeignKeyChecks.offAround(mysql, () -> new long[] {3});

    assertThat(counts).containsExactly(3);
    assertThat(ran)
        .containsExactly(
            "SET SESSION foreign_key_checks = 0", "SET SESSION foreign_key_checks = 1");
  }

  /** A MySQL connection whose checks are on, that fails {@code failing} with {@code error}. */
  private static Connection connectionFailingOn(
      String failing, SQLException error, List<String> ran) {
    ResultSet on =
        proxy(
            ResultSet.class,
            (m, args) ->
                switch (m) {
                  case "next" -> true;
                  case "getInt" -> 1;
                  default -> null;
                });
    Statement statement =
        proxy(
            Statement.class,
            (m, args) ->
                switch (m) {
                  case "executeQuery" -> on;
                  case "execute" -> {
                    ran.add((String) args[0]);
                    if (args[0].equals(failing)) {
                      throw error;
                    }
                    yield false;
                  }
                  default -> null;
                });
    return proxy(Connection.class, (m, args) -> m.equals("createStatement") ? statement : null);
  }

  private interface Answer {
    Object answer(String method, Object[] args) throws SQLException;
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> answer.answer(m.getName(), args)));
  }
}
