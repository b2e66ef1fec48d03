package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PG_PRIMARY: PostgreSQL runs first and is authoritative (its generated keys are what the
 * application sees), MySQL receives the same change with the same keys.
 */
@ExtendWith(TestDatabases.class)
class PgPrimaryMirroringIT {

  @BeforeAll
  static void createSchema(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      for (String ddl : DualWriteMirroringIT.SCHEMA) {
        s.execute(ddl);
      }
    }
  }

  @Test
  void postgresKeysAreWrittenExplicitlyOnMysql(DatabasePair db) throws SQLException {
    long first;
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY")) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO families (name) VALUES ('Primary')", Statement.RETURN_GENERATED_KEYS);
        try (ResultSet keys = s.getGeneratedKeys()) {
          assertThat(keys.next()).isTrue();
          first = keys.getLong(1);
        }
        s.executeUpdate("INSERT INTO families (name) VALUES ('Two'), ('Three')");
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO reward_adjustments (user_id, amount, reason) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 10; i++) {
          ps.setLong(1, first);
          ps.setBigDecimal(2, new BigDecimal(i + ".25"));
          ps.setString(3, "batch " + i);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(10);
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE reward_adjustments SET amount = amount * 2 WHERE id % 2 = 0");
        s.executeUpdate("DELETE FROM reward_adjustments WHERE reason = 'batch 9'");
      }
      c.commit();
    }
    assertSameRows(db, "families", "id");
    assertSameRows(db, "reward_adjustments", "id");
  }

  /**
   * A loader writes its own ids in a batch, then the application inserts without one (BenchBase's
   * wikipedia): the ids moved PostgreSQL's sequence as they move MySQL's AUTO_INCREMENT, so the new
   * key is past them instead of a duplicate key error.
   */
  @Test
  void idsWrittenInABatchMoveTheSequence(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS batch_ids");
      s.execute("CREATE TABLE batch_ids (id BIGINT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20))");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO batch_ids (id, note) VALUES (?, ?)")) {
        for (int i = 1; i <= 50; i++) {
          ps.setLong(1, i * 10L);
          ps.setString(2, "loaded " + i);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(50);
      }
      s.executeUpdate(
          "INSERT INTO batch_ids (note) VALUES ('after the load')",
          Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getLong(1)).isGreaterThan(500);
      }
    }
    assertSameRows(db, "batch_ids", "id");
  }

  /**
   * MySQL (the other side) holds a row lock PostgreSQL never had (here another MySQL session's, for
   * 2.5 s; in BenchBase, a lock MySQL takes and PostgreSQL does not): the mirrored write waits at
   * most half the deadline per try, gets MySQL's lock wait timeout, and is tried again instead of
   * the connection timing out, which would count MySQL as down and skip every connection's writes.
   */
  @Test
  void aMirroredWriteWaitingForAMysqlLockIsRetriedNotTakenForAnOutage(DatabasePair db)
      throws Exception {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS lock_wait");
      s.execute("CREATE TABLE lock_wait (id INT PRIMARY KEY, v INT NOT NULL)");
      s.execute("INSERT INTO lock_wait VALUES (1, 0), (2, 0)");
    }
    java.util.List<io.dualwrite.driver.discrepancy.Discrepancy> seen =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Connection holder = db.openMysql();
        Statement h = holder.createStatement();
        Connection c =
            DualWriteTestUrls.connect(
                db, "dualwrite.phase", "PG_PRIMARY", "dualwrite.mirrorTimeoutMillis", "2000");
        Statement s = c.createStatement()) {
      c.unwrap(io.dualwrite.driver.jdbc.DualWriteConnection.class)
          .discrepancyRecorder()
          .addSink(seen::add);
      holder.setAutoCommit(false);
      h.executeUpdate("UPDATE lock_wait SET v = v WHERE id = 1"); // MySQL's lock, not PostgreSQL's
      Thread release =
          new Thread(
              () -> {
                try {
                  Thread.sleep(2500);
                  holder.commit();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      release.start();
      assertThat(s.executeUpdate("UPDATE lock_wait SET v = 5 WHERE id = 1")).isEqualTo(1);
      release.join();
      assertThat(s.executeUpdate("UPDATE lock_wait SET v = 7 WHERE id = 2")).isEqualTo(1);
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, "lock_wait", "id");
  }

  /**
   * One transaction inserts children, another updates their parent (BenchBase wikipedia: revision
   * and page). PostgreSQL lets both through (its foreign key check locks the parent KEY SHARE,
   * which an update of other columns does not wait for); MySQL's check takes a shared lock the
   * parent's update waits for. As the other side MySQL runs inserts without its foreign key checks,
   * so the update's mirror does not wait, and the two transactions cannot wait on each other across
   * the databases. A delete of the parent still cascades on both sides.
   */
  @Test
  void childInsertsDoNotHoldUpTheirParentsUpdateOnMysql(DatabasePair db) throws Exception {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS fk_child");
      s.execute("DROP TABLE IF EXISTS fk_parent");
      s.execute("CREATE TABLE fk_parent (id INT PRIMARY KEY, v INT NOT NULL)");
      s.execute(
          "CREATE TABLE fk_child (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT NOT NULL,"
              + " FOREIGN KEY (parent_id) REFERENCES fk_parent (id) ON DELETE CASCADE)");
      s.execute("INSERT INTO fk_parent VALUES (1, 0), (2, 0)");
    }
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection a = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Connection b = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      for (Connection c : List.of(a, b)) {
        c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
        c.setAutoCommit(false);
      }
      sa.executeUpdate("INSERT INTO fk_child (parent_id) VALUES (1)");
      sa.executeUpdate(
          "INSERT IGNORE INTO fk_child (parent_id) SELECT id FROM fk_parent WHERE id = 2");
      try (PreparedStatement ps =
          a.prepareStatement("INSERT INTO fk_child (parent_id) VALUES (?)")) {
        ps.setInt(1, 1);
        ps.addBatch();
        ps.setInt(1, 2);
        ps.addBatch();
        ps.executeBatch();
      }
      sb.executeUpdate("UPDATE fk_parent SET v = 1 WHERE id = 1");
      sb.executeUpdate("UPDATE fk_parent SET v = 1 WHERE id = 2");
      b.commit();
      sa.executeUpdate("UPDATE fk_parent SET v = 2 WHERE id = 1");
      a.commit();
      sa.executeUpdate("DELETE FROM fk_parent WHERE id = 2");
      a.commit();
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, "fk_parent", "id");
    assertSameRows(db, "fk_child", "id");
    try (Connection m = db.openMysql();
        ResultSet rs = m.createStatement().executeQuery("SELECT COUNT(*) FROM fk_child")) {
      rs.next();
      assertThat(rs.getInt(1)).as("children left after the cascade").isEqualTo(2);
    }
  }

  /**
   * An insert batch mirrored to MySQL reaches it as one multi-row INSERT (rewriteBatchedStatements)
   * run without foreign key checks, for the batch alone. MariaDB's per-statement form (SET
   * STATEMENT ... FOR) is not rewritten by Connector/J, one round trip per row (BenchBase tpcc's
   * load took 325 s instead of 43), so there the session's checks are switched off around the batch
   * and back on after it.
   */
  @Test
  void insertBatchesReachMysqlAsOneStatementWithoutForeignKeyChecks(DatabasePair db)
      throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection a =
            DualWriteTestUrls.connect(
                db, "dualwrite.phase", "PG_PRIMARY", "rewriteBatchedStatements", "true");
        Statement sa = a.createStatement()) {
      sa.execute("DROP TABLE IF EXISTS fkb_child");
      sa.execute("DROP TABLE IF EXISTS fkb_parent");
      sa.execute("CREATE TABLE fkb_parent (id INT PRIMARY KEY, v INT NOT NULL)");
      sa.execute(
          "CREATE TABLE fkb_child (id INT PRIMARY KEY, parent_id INT NOT NULL,"
              + " FOREIGN KEY (parent_id) REFERENCES fkb_parent (id) ON DELETE CASCADE)");
      sa.execute("INSERT INTO fkb_parent VALUES (1, 0), (2, 0)");
      a.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      a.setAutoCommit(false);
      long before = mysqlInserts(sa);
      try (PreparedStatement ps = a.prepareStatement("INSERT INTO fkb_child VALUES (?, ?)")) {
        for (int i = 1; i <= 20; i++) {
          ps.setInt(1, i);
          ps.setInt(2, 1 + i % 2);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(20);
      }
      assertThat(mysqlInserts(sa) - before).as("INSERT statements MySQL ran").isEqualTo(1);
      try (ResultSet rs = sa.executeQuery("SELECT @@foreign_key_checks")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("MySQL's checks after the batch").isEqualTo(1);
      }
      // the children took no shared locks on their parents on MySQL: the parents' update goes on
      try (Connection b = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
          Statement sb = b.createStatement()) {
        b.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
        assertThat(sb.executeUpdate("UPDATE fkb_parent SET v = 1")).isEqualTo(2);
      }
      a.commit();
      a.setAutoCommit(true);
      SQLException orphan =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              SQLException.class, () -> sa.executeUpdate("INSERT INTO fkb_child VALUES (99, 9)"));
      assertThat(orphan.getErrorCode()).as("PostgreSQL still checks").isEqualTo(1452);
    }
    assertThat(seen).as("discrepancies recorded").isEmpty();
    assertSameRows(db, "fkb_parent", "id");
    assertSameRows(db, "fkb_child", "id");
  }

  /** MySQL's count of INSERT statements in the driver's MySQL session (SHOW runs on MySQL). */
  private static long mysqlInserts(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_insert'")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(2);
    }
  }

  @Test
  void postgresErrorsReachTheApplicationAsMysqlErrors(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO families (id, name) VALUES (100, 'Errors')");
      s.executeUpdate(
          "INSERT INTO users (family_id, email, created_at) VALUES (100, 'dup@example.com', NOW())");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO users (family_id, email, created_at)"
                          + " VALUES (100, 'dup@example.com', NOW())"))
          .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
          .satisfies(
              e -> {
                SQLException se = (SQLException) e;
                assertThat(se.getErrorCode()).isEqualTo(1062);
                assertThat(se.getSQLState()).isEqualTo("23000");
                assertThat(se.getCause()).isInstanceOf(org.postgresql.util.PSQLException.class);
              });
    }
  }

  @Test
  void aBatchFailingOnPostgresReachesTheApplicationAsConnectorJsBatchError(DatabasePair db)
      throws SQLException {
    // pgjdbc's BatchUpdateException (code 0, its message quoting the statement with its values)
    // came through as it was; Connector/J's carries MySQL's code and message
    for (boolean autocommit : new boolean[] {true, false}) {
      int base = autocommit ? 200 : 210;
      try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
          PreparedStatement ps =
              c.prepareStatement("INSERT INTO families (id, name) VALUES (?, ?)")) {
        c.setAutoCommit(autocommit);
        for (int id : new int[] {base, base + 1, base}) {
          ps.setInt(1, id);
          ps.setString(2, "batch-secret-" + id);
          ps.addBatch();
        }
        assertThatThrownBy(ps::executeBatch)
            .isExactlyInstanceOf(java.sql.BatchUpdateException.class)
            .satisfies(
                e -> {
                  SQLException se = (SQLException) e;
                  assertThat(se.getErrorCode()).isEqualTo(1062);
                  assertThat(se.getSQLState()).isEqualTo("23000");
                  assertThat(se.getMessage())
                      .startsWith("Duplicate entry")
                      .doesNotContain("INSERT INTO");
                });
        if (!autocommit) {
          c.rollback();
        }
      }
    }
    assertSameRows(db, "families", "id");
  }

  @Test
  void readsServedByPostgresLookLikeMysqlResults(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO chores (family_id, title, points, done) VALUES (1, 'dishes', 3, 1)");
      try (ResultSet rs =
          s.executeQuery("SELECT done, points, title FROM chores WHERE title = 'dishes'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1)).isEqualTo(Boolean.TRUE); // TINYINT(1), as Connector/J
        assertThat(rs.getString(1)).isEqualTo("1");
        assertThat(rs.getObject(2)).isEqualTo(3);
        assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("BIT");
        assertThat(rs.getStatement()).isSameAs(s);
      }
    }
  }

  @Test
  void lastInsertIdIsPostgresKeyAsMysqlReceivedIt(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO families (name) VALUES ('LastId')", Statement.RETURN_GENERATED_KEYS);
      long key;
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        key = keys.getLong(1);
      }
      try (ResultSet rs = s.executeQuery("SELECT LAST_INSERT_ID()")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(key);
      }
    }
  }

  @Test
  void generatedKeysLookLikeConnectorJsInEveryPhase(DatabasePair db) throws SQLException {
    String mysqlShape = generatedKeyShape(db, "DUAL_WRITE");
    assertThat(mysqlShape).startsWith("GENERATED_KEY BIGINT UNSIGNED java.math.BigInteger");
    assertThat(generatedKeyShape(db, "PG_PRIMARY")).isEqualTo(mysqlShape);
  }

  /** Label, type name and getObject class of the key of an insert, as the application sees it. */
  private static String generatedKeyShape(DatabasePair db, String phase) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO families (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "keys " + phase);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        java.sql.ResultSetMetaData md = keys.getMetaData();
        String shape =
            md.getColumnLabel(1)
                + " "
                + md.getColumnTypeName(1)
                + " "
                + keys.getObject(1).getClass().getName()
                + " "
                + md.getColumnCount();
        assertThat(keys.getLong("GENERATED_KEY")).isEqualTo(keys.getLong(1)).isPositive();
        assertThat(keys.next()).isFalse();
        return shape;
      }
    }
  }
}
