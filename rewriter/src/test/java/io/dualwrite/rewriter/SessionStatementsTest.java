package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.PLAIN;
import static io.dualwrite.rewriter.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.SessionCommand.Handling;
import io.dualwrite.rewriter.SessionCommand.Type;
import org.junit.jupiter.api.Test;

class SessionStatementsTest {

  private static SessionCommand session(String sql, StatementKind kind) {
    Translation t = PLAIN.translate(sql);
    assertThat(t.isRefused()).as("%s", t).isFalse();
    assertThat(t.kind()).isEqualTo(kind);
    assertThat(t.session()).isNotNull();
    return t.session();
  }

  @Test
  void transactionControlIsDriverTracked() {
    assertThat(session("BEGIN", StatementKind.TRANSACTION))
        .isEqualTo(new SessionCommand(Type.BEGIN, Handling.DRIVER_TRACKED, null));
    assertThat(session("START TRANSACTION", StatementKind.TRANSACTION).type())
        .isEqualTo(Type.BEGIN);
    assertThat(session("START TRANSACTION READ ONLY", StatementKind.TRANSACTION).argument())
        .isEqualTo("READ ONLY");
    assertThat(session("COMMIT", StatementKind.TRANSACTION).type()).isEqualTo(Type.COMMIT);
    assertThat(session("ROLLBACK WORK", StatementKind.TRANSACTION).type()).isEqualTo(Type.ROLLBACK);
    assertThat(session("SAVEPOINT `Sp1`", StatementKind.TRANSACTION))
        .isEqualTo(new SessionCommand(Type.SAVEPOINT, Handling.DRIVER_TRACKED, "sp1"));
    assertThat(session("ROLLBACK TO SAVEPOINT sp1", StatementKind.TRANSACTION))
        .isEqualTo(new SessionCommand(Type.ROLLBACK_TO_SAVEPOINT, Handling.DRIVER_TRACKED, "sp1"));
    assertThat(session("ROLLBACK TO sp1", StatementKind.TRANSACTION).type())
        .isEqualTo(Type.ROLLBACK_TO_SAVEPOINT);
    assertThat(session("RELEASE SAVEPOINT sp1", StatementKind.TRANSACTION).type())
        .isEqualTo(Type.RELEASE_SAVEPOINT);
    assertThat(session("SET autocommit = 0", StatementKind.TRANSACTION))
        .isEqualTo(new SessionCommand(Type.SET_AUTOCOMMIT, Handling.DRIVER_TRACKED, "0"));
    assertThat(session("SET @@session.autocommit=ON", StatementKind.TRANSACTION).argument())
        .isEqualTo("1");
    assertThat(
            session(
                "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
                StatementKind.TRANSACTION))
        .isEqualTo(
            new SessionCommand(
                Type.SET_TRANSACTION,
                Handling.DRIVER_TRACKED,
                "SESSION ISOLATION LEVEL READ COMMITTED"));
    assertThat(
            session("set transaction isolation level serializable", StatementKind.TRANSACTION)
                .argument())
        .isEqualTo("NEXT ISOLATION LEVEL SERIALIZABLE");
  }

  @Test
  void transactionStatementsRunNothingThemselvesOnPostgres() {
    assertThat(PLAIN.translate("COMMIT").postgresSql()).isNull();
  }

  @Test
  void setNamesIsMysqlOnly() {
    assertThat(session("SET NAMES utf8mb4", StatementKind.SESSION))
        .isEqualTo(new SessionCommand(Type.SET_NAMES, Handling.MYSQL_ONLY, "utf8mb4"));
    assertThat(
            session("SET NAMES 'utf8' COLLATE 'utf8_general_ci'", StatementKind.SESSION).argument())
        .isEqualTo("utf8");
    assertThat(session("SET CHARACTER SET utf8mb4", StatementKind.SESSION).type())
        .isEqualTo(Type.SET_NAMES);
  }

  @Test
  void timeZoneRunsOnBothSidesWithIsoSign() {
    Translation t = PLAIN.translate("SET time_zone = '+05:30'");
    assertThat(t.session())
        .isEqualTo(new SessionCommand(Type.SET_TIME_ZONE, Handling.BOTH, "+05:30"));
    assertThat(t.postgresSql()).isEqualTo("SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE");
    assertThat(PLAIN.translate("SET @@time_zone = 'Europe/Paris'").postgresSql())
        .isEqualTo("SET TIME ZONE 'Europe/Paris'");
    assertThat(refusal(PLAIN, "SET time_zone = 'SYSTEM'").code())
        .isEqualTo("unsupported-syntax:time-zone:SYSTEM");
  }

  @Test
  void useIsTrackedByTheDriver() {
    assertThat(session("USE `Shop`", StatementKind.SESSION))
        .isEqualTo(new SessionCommand(Type.USE, Handling.DRIVER_TRACKED, "shop"));
  }

  @Test
  void introspectionAnswersFromTheAuthoritativeSide() {
    assertThat(session("SHOW TABLES", StatementKind.SESSION).handling())
        .isEqualTo(Handling.AUTHORITATIVE_ONLY);
    assertThat(session("SHOW CREATE TABLE t", StatementKind.SESSION).type()).isEqualTo(Type.SHOW);
    assertThat(session("DESCRIBE t", StatementKind.SESSION).type()).isEqualTo(Type.DESCRIBE);
    assertThat(session("DESC t", StatementKind.SESSION).type()).isEqualTo(Type.DESCRIBE);
    assertThat(session("EXPLAIN SELECT 1", StatementKind.SESSION).type()).isEqualTo(Type.EXPLAIN);
  }

  @Test
  void variablesAndLocks() {
    assertThat(session("SET @x = 5", StatementKind.SESSION))
        .isEqualTo(new SessionCommand(Type.SET_USER_VARIABLE, Handling.MYSQL_ONLY, "x"));
    assertThat(session("SET SESSION sql_mode = 'STRICT_TRANS_TABLES'", StatementKind.SESSION))
        .isEqualTo(new SessionCommand(Type.SET_SESSION_VARIABLE, Handling.MYSQL_ONLY, "sql_mode"));
    assertThat(session("LOCK TABLES t WRITE", StatementKind.SESSION).type())
        .isEqualTo(Type.LOCK_TABLES);
    assertThat(session("UNLOCK TABLES", StatementKind.SESSION).type())
        .isEqualTo(Type.UNLOCK_TABLES);
  }

  @Test
  void foreignKeyChecksReachPostgresAsTheSessionReplicationRole() {
    Translation off = PLAIN.translate("SET foreign_key_checks = 0");
    assertThat(off.session())
        .isEqualTo(new SessionCommand(Type.SET_FOREIGN_KEY_CHECKS, Handling.BOTH, "0"));
    assertThat(off.postgresSql()).isEqualTo("SET session_replication_role = replica");
    Translation on = PLAIN.translate("SET @@SESSION.FOREIGN_KEY_CHECKS = ON");
    assertThat(on.session().argument()).isEqualTo("1");
    assertThat(on.postgresSql()).isEqualTo("SET session_replication_role = DEFAULT");
    // mysqldump restores the saved value: known to MySQL only, the driver reads it back
    Translation restore = PLAIN.translate("SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS");
    assertThat(restore.session())
        .isEqualTo(new SessionCommand(Type.SET_FOREIGN_KEY_CHECKS, Handling.BOTH, null));
    assertThat(restore.postgresSql()).isNull();
    // mysqldump's preamble: MySQL runs the list, PostgreSQL the foreign-key item
    Translation dump =
        PLAIN.translate("SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0");
    assertThat(dump.session().type()).isEqualTo(Type.SET_FOREIGN_KEY_CHECKS);
    assertThat(dump.mysqlSql())
        .isEqualTo("SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0");
    assertThat(dump.postgresSql()).isEqualTo("SET session_replication_role = replica");
    assertThat(PLAIN.translate("SET GLOBAL foreign_key_checks = 0").session().handling())
        .isEqualTo(Handling.MYSQL_ONLY);
  }

  @Test
  void tableMaintenanceIsAnsweredByMysql() {
    for (String sql :
        new String[] {
          "OPTIMIZE TABLE t",
          "ANALYZE TABLE t, u",
          "OPTIMIZE NO_WRITE_TO_BINLOG TABLE t",
          "CHECK TABLE t",
          "REPAIR TABLE t",
          "CHECKSUM TABLE t"
        }) {
      SessionCommand cmd = session(sql, StatementKind.SESSION);
      assertThat(cmd.type()).as(sql).isEqualTo(Type.TABLE_MAINTENANCE);
      assertThat(cmd.handling()).as(sql).isEqualTo(Handling.AUTHORITATIVE_ONLY);
    }
  }

  @Test
  void sqlModesThatChangeParsingRunOnMysqlAndAreFollowedByTheLexer() {
    // the driver reads the resulting @@sql_mode back and translates later statements under it
    assertThat(session("SET sql_mode = 'ANSI_QUOTES'", StatementKind.SESSION))
        .isEqualTo(new SessionCommand(Type.SET_SESSION_VARIABLE, Handling.MYSQL_ONLY, "sql_mode"));
    assertThat(session("SET SESSION sql_mode = @m", StatementKind.SESSION))
        .isEqualTo(new SessionCommand(Type.SET_SESSION_VARIABLE, Handling.MYSQL_ONLY, "sql_mode"));
  }
}
