package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static io.dualwrite.driver.testing.TableComparison.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write path in DUAL_WRITE on a typical application schema: every change made through the
 * driver leaves both databases with the same rows, compared directly over the vendor drivers.
 */
@ExtendWith(TestDatabases.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DualWriteMirroringIT {

  static final String[] SCHEMA = {
    "CREATE TABLE families (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " name VARCHAR(80) NOT NULL, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)",
    "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " family_id INT UNSIGNED NOT NULL, email VARCHAR(120) NOT NULL,"
        + " display_name VARCHAR(80), is_admin TINYINT(1) NOT NULL DEFAULT 0,"
        + " created_at DATETIME NOT NULL,"
        + " updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
        + " UNIQUE KEY uq_users_email (email),"
        + " CONSTRAINT fk_users_family FOREIGN KEY (family_id) REFERENCES families (id))",
    "CREATE TABLE chores (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " family_id INT UNSIGNED NOT NULL, title VARCHAR(100) NOT NULL,"
        + " points INT NOT NULL DEFAULT 1, done TINYINT(1) NOT NULL DEFAULT 0)",
    "CREATE TABLE reward_adjustments (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " user_id BIGINT NOT NULL, amount DECIMAL(10,2) NOT NULL, reason VARCHAR(200))",
    "CREATE TABLE activity_log (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " user_id BIGINT, payload JSON, created_at DATETIME(3) NOT NULL)"
  };

  @BeforeAll
  static void createSchemaThroughTheDriver(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      for (String ddl : SCHEMA) {
        s.execute(ddl);
      }
    }
  }

  @Test
  @Order(1)
  void generatedKeysAreTheSameOnBothSides(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db)) {
      List<Long> familyIds = new ArrayList<>();
      try (Statement s = c.createStatement()) {
        assertThat(
                s.executeUpdate(
                    "INSERT INTO families (name) VALUES ('Smith')",
                    Statement.RETURN_GENERATED_KEYS))
            .isEqualTo(1);
        try (ResultSet keys = s.getGeneratedKeys()) {
          assertThat(keys.next()).isTrue();
          familyIds.add(keys.getLong(1));
        }
        // Multi-row insert without asking for keys: the driver asks on its own.
        assertThat(s.executeUpdate("INSERT INTO families (name) VALUES ('Jones'), ('Lee')"))
            .isEqualTo(2);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO users (family_id, email, display_name, created_at)"
                  + " VALUES (?, ?, ?, NOW())")) {
        for (int i = 0; i < 3; i++) {
          ps.setLong(1, familyIds.get(0));
          ps.setString(2, "user" + i + "@example.com");
          ps.setString(3, i == 1 ? null : "User " + i);
          ps.executeUpdate();
        }
      }
    }
    assertSameRows(db, "families", "id");
    assertSameRows(db, "users", "id");
    try (Connection pg = db.openPostgres()) {
      assertThat(count(pg, "families")).isEqualTo(3);
    }
  }

  @Test
  @Order(2)
  void batchesMirrorEveryRowWithItsKey(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO chores (family_id, title, points) VALUES (1, ?, ?)")) {
      for (int i = 0; i < 25; i++) {
        ps.setString(1, "chore " + i);
        ps.setInt(2, i % 5);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      assertThat(counts).hasSize(25).containsOnly(1);
    }
    assertSameRows(db, "chores", "id");
  }

  @Test
  @Order(3)
  void upsertsAndMultiTableUpdatesChangeTheSameRows(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO users (family_id, email, display_name, created_at)"
              + " VALUES (1, 'user0@example.com', 'Renamed', '2024-01-01 00:00:00')"
              + " ON DUPLICATE KEY UPDATE display_name = VALUES(display_name)");
      s.executeUpdate(
          "UPDATE chores c JOIN families f ON f.id = c.family_id"
              + " SET c.done = 1 WHERE f.name = 'Smith' AND c.points >= 3");
      s.executeUpdate("DELETE FROM chores WHERE points = 0");
    }
    assertSameRows(db, "users", "id");
    assertSameRows(db, "chores", "id");
  }

  @Test
  @Order(4)
  void rollbackAndSavepointsAreMirrored(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO reward_adjustments (user_id, amount, reason) VALUES (1, 10.50, 'gone')");
      }
      c.rollback();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO reward_adjustments (user_id, amount, reason) VALUES (?, ?, ?)")) {
        ps.setLong(1, 1);
        ps.setBigDecimal(2, new BigDecimal("3.25"));
        ps.setString(3, "kept");
        ps.executeUpdate();
        Savepoint sp = c.setSavepoint();
        ps.setLong(1, 2);
        ps.setBigDecimal(2, new BigDecimal("-1.00"));
        ps.setString(3, "undone");
        ps.executeUpdate();
        c.rollback(sp);
        ps.setLong(1, 3);
        ps.setBigDecimal(2, new BigDecimal("0.01"));
        ps.setString(3, "after savepoint");
        ps.executeUpdate();
      }
      c.commit();
    }
    assertSameRows(db, "reward_adjustments", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT reason FROM reward_adjustments ORDER BY id")) {
      List<String> reasons = new ArrayList<>();
      while (rs.next()) {
        reasons.add(rs.getString(1));
      }
      assertThat(reasons).containsExactly("kept", "after savepoint");
    }
  }

  @Test
  @Order(5)
  void nowAndJsonAreWrittenWithTheSameValues(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO activity_log (user_id, payload, created_at) VALUES (?, ?, NOW(3))")) {
      ps.setLong(1, 1);
      ps.setString(2, "{\"action\": \"login\", \"ok\": true}");
      ps.executeUpdate();
      ps.setNull(1, java.sql.Types.BIGINT);
      ps.setString(2, "[1, 2, 3]");
      ps.executeUpdate();
    }
    assertSameRows(db, "activity_log", "id");
  }

  @Test
  @Order(6)
  void explicitIdsInDualWriteCannotCollideAfterASwitchToPgPrimary(DatabasePair db)
      throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      // The application writes its own ids: MySQL's AUTO_INCREMENT moves past them ...
      s.executeUpdate("INSERT INTO families (id, name) VALUES (5000, 'Explicit')");
    }
    // ... and after the switch PostgreSQL generates keys: all above it (generated keys elsewhere
    // moved the sequence only 1,000 past themselves).
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO families (name) VALUES ('After switch')", Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getLong(1)).isGreaterThan(5000);
      }
    }
    assertSameRows(db, "families", "id");
  }

  @Test
  @Order(7)
  void limitedWritesWithoutOrderChangeTheSameRowsOnBothSides(DatabasePair db) throws SQLException {
    for (String phase : List.of("DUAL_WRITE", "PG_PRIMARY")) {
      List<io.dualwrite.driver.discrepancy.Discrepancy> seen = new ArrayList<>();
      try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase);
          Statement s = c.createStatement()) {
        c.unwrap(io.dualwrite.driver.jdbc.DualWriteConnection.class)
            .discrepancyRecorder()
            .addSink(seen::add);
        s.execute(
            "CREATE TABLE purge_"
                + phase
                + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " kind VARCHAR(10) NOT NULL, hits INT NOT NULL DEFAULT 0, KEY k_kind (kind))");
        // rows of one kind in an order the secondary index does not follow
        s.executeUpdate(
            "INSERT INTO purge_"
                + phase
                + " (kind) VALUES ('old'), ('new'), ('old'), ('old'),"
                + " ('new'), ('old'), ('old')");
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE purge_" + phase + " SET hits = hits + 1 WHERE kind = ? LIMIT ?")) {
          ps.setString(1, "old");
          ps.setInt(2, 3);
          assertThat(ps.executeUpdate()).as(phase).isEqualTo(3);
        }
        assertThat(s.executeUpdate("DELETE FROM purge_" + phase + " WHERE kind = 'old' LIMIT 2"))
            .as(phase)
            .isEqualTo(2);
      }
      assertThat(seen).as(phase).isEmpty();
      assertSameRows(db, "purge_" + phase, "id");
    }
  }

  @Test
  @Order(8)
  void pinnedClockInArithmeticIsTheDateTimeNumberOnBothSidesNotTheYearOfItsText(DatabasePair db)
      throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      // MySQL reads NOW() + 0 as 20261207155011; its pinned value bound as bare text was read as a
      // DOUBLE, 2026, and strict mode failed the application's own UPDATE ("Truncated incorrect
      // DOUBLE value: '2026-12-07 16:23:07.000000'")
      s.executeUpdate(
          "UPDATE chores SET points = NOW() + 0 > 20200101000000,"
              + " done = CURDATE() + 0 > 20200101 WHERE family_id = 1");
    }
    try (Connection my = db.openMysql();
        Statement s = my.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM chores WHERE family_id = 1 AND points <> 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
    }
    assertSameRows(db, "chores", "id");
  }
}
