package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.Translation;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.dualwrite.testkit.TestServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each error is raised for real on MariaDB (through Connector/J) and on PostgreSQL (through pgjdbc,
 * with the schema and statements translated by the rewriter); the translated PostgreSQL error must
 * carry what Connector/J gave: class, vendor code and SQLState.
 *
 * <p>Where MariaDB's text differs from MySQL 8's (MySQL 8.0.19+ names a duplicate key {@code
 * 'table.key'}, MariaDB {@code 'key'}), the translation follows MySQL 8 and the message check
 * allows both.
 */
@ExtendWith(TestDatabases.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MysqlErrorsIT {

  private static final String[] SCHEMA = {
    "CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(5) NOT NULL, n INT)",
    "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT NOT NULL,"
        + " CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id))",
    "CREATE TABLE lockme (id INT PRIMARY KEY, v INT NOT NULL)",
    "CREATE TABLE happening (id INT PRIMARY KEY, at DATETIME, n INT)",
    "CREATE TABLE typed (id INT PRIMARY KEY, b VARBINARY(4), u INT UNSIGNED, t TINYINT)",
    "CREATE TABLE member (id INT PRIMARY KEY, email VARCHAR(50) NOT NULL,"
        + " login VARCHAR(20) NOT NULL UNIQUE, code VARCHAR(10) NOT NULL,"
        + " badge INT NOT NULL UNIQUE, UNIQUE KEY uq_member_email (email), UNIQUE KEY (code))",
    "INSERT INTO member VALUES (1, 'a@x', 'bob', 'c1', 7)",
    "INSERT INTO parent (id, name, n) VALUES (1, 'one', 1), (2, 'two', 2)",
    "INSERT INTO child (id, parent_id) VALUES (10, 1)",
    "INSERT INTO lockme (id, v) VALUES (1, 0), (2, 0)"
  };

  @BeforeAll
  static void createSchema(DatabasePair db) throws SQLException {
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      try (Statement m = mysql.createStatement();
          Statement p = pg.createStatement()) {
        for (String sql : SCHEMA) {
          m.execute(sql);
          p.execute(postgres(sql));
        }
      }
    }
  }

  private static final Rewriter REWRITER = Rewriter.builder().build();

  /**
   * The statement as the driver sends it to PostgreSQL: the rewriter's translation (tables are
   * created by it, so the failures are those of the real schema), or the statement itself when it
   * is refused (an unknown table or column).
   */
  private static String postgres(String mysqlSql) {
    Translation t = REWRITER.translate(mysqlSql);
    return t.isRefused() || t.postgresSql() == null ? mysqlSql : t.postgresSql();
  }

  /** Runs {@code sql} on both sides, expecting both to fail; returns {MariaDB's, translated}. */
  private static SQLException[] failBoth(DatabasePair db, String sql) throws SQLException {
    return failBoth(db, sql, postgres(sql));
  }

  private static SQLException[] failBoth(DatabasePair db, String sql, String pgSql)
      throws SQLException {
    SQLException mysqlError = null;
    SQLException pgError = null;
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      mysqlError = e;
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute(pgSql);
    } catch (SQLException e) {
      pgError = e;
    }
    assertThat((Throwable) mysqlError).as("MariaDB error for %s", sql).isNotNull();
    assertThat((Throwable) pgError).as("PostgreSQL error for %s", sql).isNotNull();
    SQLException translated = MysqlErrors.translate(pgError);
    assertThat(translated.getCause()).isSameAs(pgError);
    return new SQLException[] {mysqlError, translated};
  }

  private static boolean mariaDb() {
    return TestServers.get().isMariaDb();
  }

  private static void assertSameAsConnectorJ(SQLException mysql, SQLException translated) {
    assertThat(translated.getClass()).isEqualTo(mysql.getClass());
    assertThat(translated.getErrorCode()).isEqualTo(mysql.getErrorCode());
    assertThat(translated.getSQLState()).isEqualTo(mysql.getSQLState());
  }

  @Test
  void duplicateKeyLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] e = failBoth(db, "INSERT INTO parent (id, name) VALUES (1, 'dup')");
    assertSameAsConnectorJ(e[0], e[1]);
    // MySQL 8.0.19+ qualifies the key with its table, MariaDB does not; the translation is MySQL's
    assertThat(e[0].getMessage())
        .isEqualTo("Duplicate entry '1' for key '" + (mariaDb() ? "" : "parent.") + "PRIMARY'");
    assertThat(e[1].getMessage()).isEqualTo("Duplicate entry '1' for key 'parent.PRIMARY'");
  }

  /**
   * The rewriter names PostgreSQL's unique indexes after the MySQL keys; the message names the
   * MySQL key, qualified by the table as MySQL 8 does (MariaDB does not qualify it).
   */
  @Test
  void duplicateKeyNamesTheMysqlKey(DatabasePair db) throws SQLException {
    String[] statements = {
      "INSERT INTO member VALUES (2, 'a@x', 'amy', 'c2', 8)", // UNIQUE KEY uq_member_email
      "INSERT INTO member VALUES (2, 'b@x', 'bob', 'c2', 8)", // column-level UNIQUE, _ci
      "INSERT INTO member VALUES (2, 'b@x', 'amy', 'c1', 8)", // unnamed UNIQUE KEY (code), _ci
      "INSERT INTO member VALUES (2, 'b@x', 'amy', 'c2', 7)", // column-level UNIQUE, INT
      "INSERT INTO member VALUES (1, 'b@x', 'amy', 'c2', 8)" // PRIMARY KEY
    };
    for (String sql : statements) {
      SQLException[] e = failBoth(db, sql);
      assertSameAsConnectorJ(e[0], e[1]);
      assertThat(e[1].getMessage())
          .as(sql)
          .isEqualTo(
              mariaDb()
                  ? e[0].getMessage().replace("for key '", "for key 'member.")
                  : e[0].getMessage());
    }
  }

  @Test
  void duplicateKeyDifferingOnlyInCaseNamesTheMysqlKey(DatabasePair db) throws SQLException {
    // PostgreSQL's detail shows the lower-cased key (the lower(col) index), MySQL the value given
    SQLException[] e = failBoth(db, "INSERT INTO member VALUES (2, 'A@X', 'amy', 'c2', 8)");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[0].getMessage())
        .isEqualTo(
            "Duplicate entry 'A@X' for key '" + (mariaDb() ? "" : "member.") + "uq_member_email'");
    assertThat(e[1].getMessage())
        .isEqualTo("Duplicate entry 'a@x' for key 'member.uq_member_email'");
  }

  @Test
  void deletingAReferencedParentLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] e = failBoth(db, "DELETE FROM parent WHERE id = 1");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[1].getErrorCode()).isEqualTo(1451);
    assertThat(e[1].getMessage())
        .startsWith("Cannot delete or update a parent row: a foreign key constraint fails");
  }

  @Test
  void insertingAnOrphanChildLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] e = failBoth(db, "INSERT INTO child (id, parent_id) VALUES (11, 99)");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[1].getErrorCode()).isEqualTo(1452);
    assertThat(e[1].getMessage())
        .startsWith("Cannot add or update a child row: a foreign key constraint fails");
  }

  @Test
  void nullIntoNotNullLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] e = failBoth(db, "INSERT INTO parent (id, name) VALUES (3, NULL)");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[1].getMessage())
        .isEqualTo(e[0].getMessage())
        .isEqualTo("Column 'name' cannot be null");
  }

  @Test
  void dataTooLongInStrictModeLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] e = failBoth(db, "INSERT INTO parent (id, name) VALUES (4, 'abcdefgh')");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[1].getErrorCode()).isEqualTo(1406);
    assertThat(e[1].getMessage()).startsWith("Data truncation: Data too long for column");
  }

  /**
   * PostgreSQL enforces VARBINARY(n), INT UNSIGNED and TINYINT with the rewriter's CHECKs; what the
   * application hears is MySQL's "Data too long" and "Out of range value", as the driver gives them
   * with the written table's column types.
   */
  @Test
  void typeChecksLookLikeConnectorJsLengthAndRangeErrors(DatabasePair db) throws SQLException {
    MysqlErrors.StatementFacts facts =
        new MysqlErrors.StatementFacts(
            java.util.List.of(),
            java.util.Map.of("id", "int", "b", "varbinary(4)", "u", "int unsigned", "t", "tinyint"),
            1);
    for (String sql :
        new String[] {
          "INSERT INTO typed (id, b) VALUES (1, 'abcdefgh')",
          "INSERT INTO typed (id, u) VALUES (2, -1)",
          "INSERT INTO typed (id, t) VALUES (3, 300)"
        }) {
      SQLException mysql = null;
      try (Connection c = db.openMysql();
          Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        mysql = e;
      }
      SQLException pg = null;
      try (Connection c = db.openPostgres();
          Statement s = c.createStatement()) {
        s.execute(postgres(sql));
      } catch (SQLException e) {
        pg = e;
      }
      assertThat((Throwable) mysql).as(sql).isNotNull();
      assertThat((Throwable) pg).as(sql).isNotNull();
      assertThat(pg.getSQLState()).as(sql).isEqualTo("23514");
      SQLException translated = MysqlErrors.translate(pg, false, facts);
      assertSameAsConnectorJ(mysql, translated);
      assertThat(translated.getMessage()).as(sql).isEqualTo(mysql.getMessage());
    }
  }

  @Test
  void integerOutOfRangeLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] e = failBoth(db, "INSERT INTO parent (id, name, n) VALUES (5, 'x', 3000000000)");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[1].getErrorCode()).isEqualTo(1264);
  }

  @Test
  void impossibleDatetimeLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] e =
        failBoth(db, "INSERT INTO happening (id, at) VALUES (1, '2024-02-30 10:00:00')");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[1].getErrorCode()).isEqualTo(1292);
  }

  @Test
  void divisionByZeroInAWriteLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    // the rewriter turns x / 0 into NULL (MySQL's result outside strict writes), so PostgreSQL
    // raises 22012 only for SQL that divides as written
    SQLException[] e =
        failBoth(
            db,
            "INSERT INTO happening (id, n) VALUES (2, 1 / 0)",
            "INSERT INTO happening (id, n) VALUES (2, 1 / 0)");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[1].getErrorCode()).isEqualTo(1365);
  }

  @Test
  void subqueryReturningTwoRowsLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] e = failBoth(db, "SELECT (SELECT id FROM parent) AS x");
    assertSameAsConnectorJ(e[0], e[1]);
    assertThat(e[1].getErrorCode()).isEqualTo(1242);
  }

  @Test
  void unknownTableAndColumnLookLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] table = failBoth(db, "SELECT * FROM no_such_table");
    assertSameAsConnectorJ(table[0], table[1]);
    assertThat(table[1].getMessage()).isEqualTo("Table 'no_such_table' doesn't exist");
    SQLException[] column = failBoth(db, "SELECT no_such_column FROM parent");
    assertSameAsConnectorJ(column[0], column[1]);
    assertThat(column[1].getMessage()).isEqualTo(column[0].getMessage());
  }

  @Test
  void duplicateKeyInABatchLooksLikeConnectorJs(DatabasePair db) throws SQLException {
    SQLException[] errors = new SQLException[2];
    for (int side = 0; side < 2; side++) {
      try (Connection c = open(db, side == 0);
          java.sql.PreparedStatement ps =
              c.prepareStatement("INSERT INTO parent (id, name) VALUES (?, ?)")) {
        for (int id : new int[] {50, 2, 51}) {
          ps.setInt(1, id);
          ps.setString(2, "b" + id);
          ps.addBatch();
        }
        ps.executeBatch();
      } catch (SQLException e) {
        errors[side] = e;
      }
    }
    assertThat((Throwable) errors[0]).isInstanceOf(java.sql.BatchUpdateException.class);
    assertThat((Throwable) errors[1]).isInstanceOf(java.sql.BatchUpdateException.class);
    SQLException translated = MysqlErrors.translate(errors[1]);
    assertSameAsConnectorJ(errors[0], translated);
    assertThat(translated.getErrorCode()).isEqualTo(1062);
    assertThat(translated.getMessage()).doesNotContain("INSERT").doesNotContain("b2");
  }

  @Test
  void deadlockLooksLikeConnectorJs(DatabasePair db) throws Exception {
    SQLException mysql = deadlock(db, true);
    SQLException pg = deadlock(db, false);
    SQLException translated = MysqlErrors.translate(pg);
    assertThat(pg.getSQLState()).isEqualTo("40P01");
    assertSameAsConnectorJ(mysql, translated);
    assertThat(translated.getErrorCode()).isEqualTo(1213);
  }

  @Test
  void lockWaitTimeoutLooksLikeConnectorJs(DatabasePair db) throws Exception {
    SQLException mysql = lockWaitTimeout(db, true);
    SQLException pg = lockWaitTimeout(db, false);
    assertThat(pg.getSQLState()).isEqualTo("55P03");
    SQLException translated = MysqlErrors.translate(pg);
    assertSameAsConnectorJ(mysql, translated);
    assertThat(translated.getErrorCode()).isEqualTo(1205);
    assertThat(translated.getMessage()).isEqualTo(mysql.getMessage());
  }

  private static Connection open(DatabasePair db, boolean mysql) throws SQLException {
    return mysql ? db.openMysql() : db.openPostgres();
  }

  /**
   * Two transactions lock rows 1 and 2, meet at a barrier, then each asks for the other's row:
   * exactly one is chosen as the deadlock victim; it rolls back at once so the other can finish.
   */
  private static SQLException deadlock(DatabasePair db, boolean mysql) throws Exception {
    CyclicBarrier bothLocked = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<SQLException>> results = new ArrayList<>();
      for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
        results.add(
            pool.submit(
                () -> {
                  try (Connection c = open(db, mysql);
                      Statement s = c.createStatement()) {
                    c.setAutoCommit(false);
                    s.executeUpdate("UPDATE lockme SET v = v + 1 WHERE id = " + order[0]);
                    bothLocked.await(30, TimeUnit.SECONDS);
                    try {
                      s.executeUpdate("UPDATE lockme SET v = v + 1 WHERE id = " + order[1]);
                      c.commit();
                      return null;
                    } catch (SQLException e) {
                      c.rollback();
                      return e;
                    }
                  }
                }));
      }
      List<SQLException> errors = new ArrayList<>();
      for (Future<SQLException> f : results) {
        SQLException e = f.get(60, TimeUnit.SECONDS);
        if (e != null) {
          errors.add(e);
        }
      }
      assertThat(errors).as("deadlock victims").hasSize(1);
      return errors.get(0);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One transaction holds row 1; another waits for it with a one-second lock timeout. */
  private static SQLException lockWaitTimeout(DatabasePair db, boolean mysql) throws Exception {
    try (Connection holder = open(db, mysql);
        Connection waiter = open(db, mysql);
        Statement hs = holder.createStatement();
        Statement ws = waiter.createStatement()) {
      holder.setAutoCommit(false);
      hs.executeUpdate("UPDATE lockme SET v = v + 1 WHERE id = 1");
      ws.execute(mysql ? "SET SESSION innodb_lock_wait_timeout = 1" : "SET lock_timeout = '1s'");
      waiter.setAutoCommit(false);
      try {
        ws.executeUpdate("UPDATE lockme SET v = v + 1 WHERE id = 1");
        fail("the second update should time out waiting for the lock");
        return null;
      } catch (SQLException e) {
        waiter.rollback();
        return e;
      } finally {
        holder.rollback();
      }
    }
  }
}
