package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.dualwrite.testkit.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transactions, savepoints and session settings written as SQL are handled on both sides. */
@ExtendWith(TestDatabases.class)
class SessionStatementsIT {

  @BeforeAll
  static void schema(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20))");
    }
  }

  @Test
  void sqlTransactionsAndSavepointsAreMirroredWithoutDiscrepancies(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.execute("START TRANSACTION");
      s.executeUpdate("INSERT INTO notes VALUES (1, 'rolled back')");
      s.execute("ROLLBACK");
      s.execute("BEGIN");
      s.executeUpdate("INSERT INTO notes VALUES (2, 'kept')");
      s.execute("SAVEPOINT sp1");
      s.executeUpdate("INSERT INTO notes VALUES (3, 'undone')");
      s.execute("ROLLBACK TO SAVEPOINT sp1");
      s.execute("RELEASE SAVEPOINT sp1");
      s.execute("COMMIT");
      s.execute("SET autocommit = 0");
      assertThat(c.getAutoCommit()).isFalse();
      s.executeUpdate("INSERT INTO notes VALUES (4, 'later')");
      c.commit();
      s.execute("SET autocommit = 1");
      s.execute("SET NAMES utf8mb4");
      s.execute("SET time_zone = '+02:00'");
      s.execute("USE " + db.name());
      List<String> tables = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery("SHOW TABLES")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).contains("notes");
    }
    assertThat(seen).isEmpty();
    assertSameRows(db, "notes", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT string_agg(body, ',' ORDER BY id) FROM notes")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("kept,later");
    }
  }

  @Test
  void readsOfTheMysqlSessionAreAnsweredByMysqlInEveryPhaseThatUsesIt(DatabasePair db)
      throws SQLException {
    for (String phase : List.of("DUAL_WRITE", "PG_PRIMARY")) {
      List<Discrepancy> seen = new CopyOnWriteArrayList<>();
      try (Connection c =
              DualWriteTestUrls.connect(
                  db, "dualwrite.phase", phase, "dualwrite.readPercent", "100");
          Statement s = c.createStatement()) {
        c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
        s.execute("SET @answer = 42");
        assertThat(single(s, "SELECT DATABASE()")).as(phase).isEqualTo(db.name());
        assertThat(single(s, "SELECT VERSION()"))
            .as(phase)
            .isEqualTo(TestServers.get().mysqlVersion());
        assertThat(single(s, "SELECT GET_LOCK('dw_session_read', 1)")).as(phase).isEqualTo("1");
        assertThat(single(s, "SELECT IS_FREE_LOCK('dw_session_read')")).as(phase).isEqualTo("0");
        assertThat(single(s, "SELECT RELEASE_LOCK('dw_session_read')")).as(phase).isEqualTo("1");
        assertThat(single(s, "SELECT @answer")).as(phase).isEqualTo("42");
        assertThat(single(s, "SELECT COUNT(*) FROM notes WHERE id <> @answer"))
            .as(phase)
            .isNotNull();
        assertThat(single(s, "SELECT @@session.autocommit")).as(phase).isEqualTo("1");
        assertThat(
                single(
                    s,
                    "SELECT COUNT(*) FROM information_schema.TABLES"
                        + " WHERE table_schema = DATABASE() AND table_name = 'notes'"))
            .as(phase)
            .isEqualTo("1");
      }
      assertThat(seen).as(phase).isEmpty();
    }
  }

  /**
   * {@code SET [SESSION] TRANSACTION ...} written as SQL: the session forms act as the JDBC calls
   * (the connection reports them, MySQL's session has them when it is authoritative); the form for
   * the next transaction runs on the authoritative side; an unknown characteristic is a syntax
   * error.
   */
  @Test
  void transactionCharacteristicsWrittenAsSqlActAsTheJdbcCalls(DatabasePair db)
      throws SQLException {
    for (String phase : List.of("DUAL_WRITE", "PG_PRIMARY")) {
      List<Discrepancy> seen = new CopyOnWriteArrayList<>();
      try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase);
          Statement s = c.createStatement()) {
        c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
        s.execute("SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertThat(c.getTransactionIsolation())
            .as(phase)
            .isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        s.execute("set session transaction isolation level read committed, read only");
        assertThat(c.getTransactionIsolation())
            .as(phase)
            .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(c.isReadOnly()).as(phase).isTrue();
        s.execute("SET SESSION TRANSACTION READ WRITE");
        assertThat(c.isReadOnly()).as(phase).isFalse();

        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        s.execute("START TRANSACTION");
        s.executeUpdate("INSERT INTO notes (id, body) VALUES (901, 'next transaction')");
        s.execute("COMMIT");
        c.setAutoCommit(false);
        s.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        s.executeUpdate("DELETE FROM notes WHERE id = 901");
        c.commit();
        c.setAutoCommit(true);
        assertThatThrownBy(() -> s.execute("SET TRANSACTION ISOLATION LEVEL SOMETIMES"))
            .isInstanceOf(java.sql.SQLSyntaxErrorException.class)
            .hasMessageContaining("SOMETIMES");
      }
      assertThat(seen).as(phase).isEmpty();
      assertSameRows(db, "notes", "id");
    }
  }

  /**
   * Regression (Flyway under PG_PRIMARY failed at start-up): a prepared read of the MySQL session
   * was refused when it was prepared, on PostgreSQL, instead of being answered by MySQL as the same
   * read through a plain statement is. Flyway prepares {@code SELECT DATABASE()} and {@code SELECT
   * GET_LOCK(?, ?)}.
   */
  @Test
  void preparedReadsOfTheMysqlSessionWereRefusedInPgPrimary(DatabasePair db) throws SQLException {
    for (String phase : List.of("DUAL_WRITE", "PG_PRIMARY")) {
      List<Discrepancy> seen = new CopyOnWriteArrayList<>();
      try (Connection c =
          DualWriteTestUrls.connect(db, "dualwrite.phase", phase, "dualwrite.readPercent", "100")) {
        c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
        assertThat(prepared(c, "SELECT DATABASE()")).as(phase).isEqualTo(db.name());
        assertThat(prepared(c, "SELECT GET_LOCK(?, ?)", "dw_prepared_lock", 1))
            .as(phase)
            .isEqualTo("1");
        assertThat(prepared(c, "SELECT IS_USED_LOCK(?)", "dw_prepared_lock")).as(phase).isNotNull();
        assertThat(prepared(c, "SELECT RELEASE_LOCK(?)", "dw_prepared_lock"))
            .as(phase)
            .isEqualTo("1");
        assertThat(
                prepared(
                    c,
                    "SELECT COUNT(*) FROM information_schema.TABLES"
                        + " WHERE table_schema = DATABASE() AND table_name = ?",
                    "notes"))
            .as(phase)
            .isEqualTo("1");
      }
      assertThat(seen).as(phase).isEmpty();
    }
  }

  private static String prepared(Connection c, String sql, Object... binds) throws SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        ps.setObject(i + 1, binds[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }

  @Test
  void tableMaintenanceIsAnsweredByMysqlWithoutDiscrepancies(DatabasePair db) throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      for (String sql :
          List.of("ANALYZE TABLE notes", "OPTIMIZE TABLE notes", "CHECK TABLE notes")) {
        assertThat(s.execute(sql)).as(sql).isTrue();
        try (ResultSet rs = s.getResultSet()) {
          assertThat(rs.next()).as(sql).isTrue();
          assertThat(rs.getString("Table")).as(sql).endsWith("notes");
        }
      }
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void timeZoneSetOnTheConnectionAppliesToPinnedValuesOnBothSides(DatabasePair db)
      throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE stamps (id INT PRIMARY KEY, at DATETIME NOT NULL)");
      s.execute("SET time_zone = '+05:00'");
      s.executeUpdate("INSERT INTO stamps VALUES (1, NOW())");
      try (ResultSet rs =
          s.executeQuery("SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), at) FROM stamps")) {
        rs.next();
        assertThat(rs.getInt(1)).isBetween(299, 300);
      }
    }
    assertSameRows(db, "stamps", "id");
  }

  @Test
  void tablesCreatedBeforeTheTablesTheyReferenceGetTheirForeignKeysLater(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      s.execute(
          "CREATE TABLE city (id INT PRIMARY KEY, country_id INT NOT NULL,"
              + " CONSTRAINT fk_city_country FOREIGN KEY (country_id) REFERENCES country (id))");
      s.execute("CREATE TABLE country (id INT PRIMARY KEY, name VARCHAR(20))");
      s.execute("SET FOREIGN_KEY_CHECKS = 1");
      s.executeUpdate("INSERT INTO country VALUES (1, 'Peru')");
      s.executeUpdate("INSERT INTO city VALUES (10, 1)");
    }
    assertThat(seen).isEmpty();
    assertSameRows(db, "city", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_city_country'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("foreign key added once country existed").isEqualTo(1);
    }
  }

  @Test
  void rowsWrittenWithForeignKeyChecksOffAreMirroredAsMysqlAcceptsThem(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.execute("CREATE TABLE fk_owner (id INT PRIMARY KEY, manager_id INT NULL)");
      s.execute(
          "CREATE TABLE fk_member (id INT PRIMARY KEY, owner_id INT NOT NULL,"
              + " CONSTRAINT fk_member_owner FOREIGN KEY (owner_id) REFERENCES fk_owner (id))");
      s.execute(
          "ALTER TABLE fk_owner ADD CONSTRAINT fk_owner_manager FOREIGN KEY (manager_id)"
              + " REFERENCES fk_member (id)");
      // mysqldump's preamble: the saved value is restored at the end
      s.execute("SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0");
      // the two tables reference each other: each row's parent comes later (autocommit)
      s.executeUpdate("INSERT INTO fk_member VALUES (10, 1)");
      s.executeUpdate("INSERT INTO fk_owner VALUES (1, 10)");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO fk_member VALUES (20, 2)");
      s.executeUpdate("INSERT INTO fk_owner VALUES (2, 20)");
      c.commit();
      c.setAutoCommit(true);
      s.execute("SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS");
      // checks are on again on both sides: MySQL refuses an orphan, so the application sees it
      SQLException orphan =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              SQLException.class, () -> s.executeUpdate("INSERT INTO fk_member VALUES (30, 3)"));
      assertThat((Throwable) orphan).isNotNull();
    }
    assertThat(seen).isEmpty();
    assertSameRows(db, "fk_member", "id");
    assertSameRows(db, "fk_owner", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM fk_member")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void aDumpThatRecreatesAReferencedTableWithChecksOffKeepsTheKeyOnPostgres(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.execute("CREATE TABLE dump_parent (id INT PRIMARY KEY)");
      s.execute(
          "CREATE TABLE dump_child (id INT PRIMARY KEY, parent_id INT NOT NULL,"
              + " CONSTRAINT fk_dump_child_parent FOREIGN KEY (parent_id)"
              + " REFERENCES dump_parent (id))");
      s.executeUpdate("INSERT INTO dump_parent VALUES (1)");
      s.executeUpdate("INSERT INTO dump_child VALUES (10, 1)");
      // as a mysqldump restore does it: drop and re-create the parent under checks off
      s.execute("SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0");
      s.execute("DROP TABLE IF EXISTS dump_parent");
      s.execute("CREATE TABLE dump_parent (id INT PRIMARY KEY, name VARCHAR(10) NULL)");
      s.executeUpdate("INSERT INTO dump_parent VALUES (1, 'one'), (2, 'two')");
      s.execute("SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS");
      s.executeUpdate("INSERT INTO dump_child VALUES (20, 2)");
    }
    assertThat(seen).isEmpty();
    assertSameRows(db, "dump_parent", "id");
    assertSameRows(db, "dump_child", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_dump_child_parent'"
                    + " AND confrelid = 'dump_parent'::regclass")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the key points at the re-created table").isEqualTo(1);
    }
  }

  /**
   * Flyway restores its session with {@code SET foreign_key_checks=?, sql_safe_updates=?}: prepared
   * in PG_PRIMARY, it runs on MySQL with the bound values and PostgreSQL follows MySQL's resulting
   * foreign-key checks. It was refused when prepared ("no PostgreSQL equivalent").
   */
  @Test
  void boundSessionSettingsArePreparedAndFollowedInPgPrimary(DatabasePair db) throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.execute("CREATE TABLE fk_bound_parent (id INT PRIMARY KEY)");
      s.execute(
          "CREATE TABLE fk_bound_child (id INT PRIMARY KEY, parent_id INT NOT NULL,"
              + " CONSTRAINT fk_bound_child_parent FOREIGN KEY (parent_id)"
              + " REFERENCES fk_bound_parent (id))");
      try (java.sql.PreparedStatement set =
          c.prepareStatement("SET foreign_key_checks=?, sql_safe_updates=?")) {
        set.setInt(1, 0);
        set.setInt(2, 1);
        set.execute();
        assertThat(single(s, "SELECT @@sql_safe_updates")).isEqualTo("1");
        s.executeUpdate("INSERT INTO fk_bound_child VALUES (1, 7)");
        set.setInt(1, 1);
        set.setInt(2, 0);
        set.execute();
        assertThat(single(s, "SELECT @@foreign_key_checks")).isEqualTo("1");
        assertThat(single(s, "SELECT @@sql_safe_updates")).isEqualTo("0");
      }
      try (java.sql.PreparedStatement one = c.prepareStatement("SET sql_safe_updates = ?")) {
        one.setInt(1, 0);
        assertThat(one.executeUpdate()).isZero();
      }
      SQLException orphan =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              SQLException.class,
              () -> s.executeUpdate("INSERT INTO fk_bound_child VALUES (2, 8)"));
      assertThat(orphan.getErrorCode()).isEqualTo(1452);
    }
    assertThat(seen).isEmpty();
    assertSameRows(db, "fk_bound_child", "id");
  }

  @Test
  void foreignKeyChecksOffAppliesToPostgresWhenItIsAuthoritative(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.execute("CREATE TABLE fk_pg_parent (id INT PRIMARY KEY)");
      s.execute(
          "CREATE TABLE fk_pg_child (id INT PRIMARY KEY, parent_id INT NOT NULL,"
              + " CONSTRAINT fk_pg_child_parent FOREIGN KEY (parent_id)"
              + " REFERENCES fk_pg_parent (id))");
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      s.executeUpdate("INSERT INTO fk_pg_child VALUES (1, 7)");
      s.execute("SET FOREIGN_KEY_CHECKS = 1");
      SQLException orphan =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              SQLException.class, () -> s.executeUpdate("INSERT INTO fk_pg_child VALUES (2, 8)"));
      // PostgreSQL's error reaches the application as MySQL's
      assertThat(orphan.getErrorCode()).isEqualTo(1452);
    }
    assertThat(seen).isEmpty();
    assertSameRows(db, "fk_pg_child", "id");
  }

  @Test
  void aPostgresUserThatMayNotTurnOffForeignKeyChecksIsRecordedNotFailed(DatabasePair db)
      throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("CREATE TABLE fk_plain_parent (id INT PRIMARY KEY)");
      s.execute(
          "CREATE TABLE fk_plain_child (id INT PRIMARY KEY, parent_id INT NOT NULL REFERENCES"
              + " fk_plain_parent (id))");
      s.execute("DROP ROLE IF EXISTS dw_plain");
      s.execute("CREATE ROLE dw_plain LOGIN PASSWORD 'dw_plain'");
      s.execute("GRANT ALL ON fk_plain_parent, fk_plain_child TO dw_plain");
    }
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute("CREATE TABLE fk_plain_parent (id INT PRIMARY KEY)");
      s.execute(
          "CREATE TABLE fk_plain_child (id INT PRIMARY KEY, parent_id INT NOT NULL,"
              + " FOREIGN KEY (parent_id) REFERENCES fk_plain_parent (id))");
    }
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c =
            DualWriteTestUrls.connect(
                db,
                "dualwrite.postgres.user",
                "dw_plain",
                "dualwrite.postgres.password",
                "dw_plain");
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.executeUpdate("INSERT INTO fk_plain_parent VALUES (1)");
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      s.executeUpdate("INSERT INTO fk_plain_child VALUES (1, 1)");
      s.executeUpdate("INSERT INTO fk_plain_child VALUES (2, 99)");
      s.execute("SET FOREIGN_KEY_CHECKS = 1");
      s.executeUpdate("INSERT INTO fk_plain_child VALUES (3, 1)");
    }
    assertThat(seen)
        .extracting(d -> d.kind() + " " + d.sql())
        .containsExactly(
            // the SQL as recorded: literals as placeholders (no data values in records)
            "MIRROR_FAILED SET FOREIGN_KEY_CHECKS = ?",
            "MIRROR_FAILED INSERT INTO fk_plain_child VALUES (?, ?)");
    assertThat(seen.get(0).detail()).contains("keeps checking foreign keys").contains("42501");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT string_agg(id::text, ',' ORDER BY id) FROM fk_plain_child")) {
      rs.next();
      assertThat(rs.getString(1)).as("the rows PostgreSQL's checks allowed").isEqualTo("1,3");
    }
  }
}
