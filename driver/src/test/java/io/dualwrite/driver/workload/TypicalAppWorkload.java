package io.dualwrite.driver.workload;

import static io.dualwrite.driver.testing.Workloads.assertEveryTableEqual;
import static io.dualwrite.driver.testing.Workloads.describe;
import static io.dualwrite.driver.testing.Workloads.execute;
import static io.dualwrite.driver.testing.Workloads.keys;
import static io.dualwrite.driver.testing.Workloads.longValue;
import static io.dualwrite.driver.testing.Workloads.recordDiscrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A typical application's workload (families, users, chores, assignments, reward adjustments,
 * activity log, settings) through the driver: generated keys on single inserts, multi-row inserts
 * and batches, booleans bound with {@code setBoolean}, DECIMAL amounts, JSON, upserts, INSERT
 * IGNORE, REPLACE, UPDATE ... ORDER BY ... LIMIT, rollbacks and savepoints. After each step every
 * table must hold the same rows on both sides, and no discrepancy may have been recorded.
 */
@ExtendWith(TestDatabases.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TypicalAppWorkload {
  private Connection c;
  private List<Discrepancy> seen;

  abstract String phase();

  @BeforeAll
  static void createSchema(DatabasePair db, TestInfo info) throws SQLException {
    String phase =
        info.getTestClass().orElseThrow().getSimpleName().contains("PgPrimary")
            ? "PG_PRIMARY"
            : "DUAL_WRITE";
    TypicalAppSchema.create(db, phase);
  }

  @BeforeEach
  void connect(DatabasePair db) throws SQLException {
    c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase());
    seen = recordDiscrepancies(c);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private void assertEqualAndNoDiscrepancies(DatabasePair db) throws SQLException {
    assertEveryTableEqual(db, TypicalAppSchema.TABLES);
    assertThat(seen).as("discrepancies: %s", describe(seen)).isEmpty();
  }

  @Test
  @Order(1)
  void signupsWithGeneratedKeysAndBooleanFlags(DatabasePair db) throws SQLException {
    List<Long> families = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO families (name, invite_code, is_premium) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 1; i <= 3; i++) {
        ps.setString(1, "Family " + i);
        ps.setString(2, "INV0000" + i);
        ps.setBoolean(3, i == 2);
        assertThat(ps.executeUpdate()).isEqualTo(1);
        families.addAll(keys(ps));
      }
    }
    assertThat(families).containsExactly(1L, 2L, 3L);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO users (family_id, email, display_name, role, is_active, is_admin,"
                + " birth_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 1; i <= 9; i++) {
        ps.setLong(1, families.get((i - 1) / 3));
        ps.setString(2, "user" + i + "@example.com");
        ps.setString(3, i % 4 == 0 ? null : "User " + i);
        ps.setString(4, i % 3 == 1 ? "parent" : "child");
        ps.setBoolean(5, i != 5);
        ps.setBoolean(6, i % 3 == 1);
        if (i % 3 == 1) {
          ps.setNull(7, Types.DATE);
        } else {
          ps.setDate(7, Date.valueOf("2015-0" + i + "-1" + i));
        }
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      assertThat(counts).hasSize(9);
      assertThat(keys(ps)).as("generated keys of a batch").hasSize(9);
    }
    try (Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "INSERT INTO chores (family_id, title, points, reward, recurring, due_time)"
                      + " VALUES (1, 'Dishes', 2, 0.50, TRUE, '19:30:00'),"
                      + " (1, 'Vacuum', 5, 1.25, FALSE, NULL),"
                      + " (2, 'Walk the dog', 3, 0.75, 1, '07:15:00'),"
                      + " (3, 'Homework', 10, 2.00, 0, '17:00:00')",
                  Statement.RETURN_GENERATED_KEYS))
          .isEqualTo(4);
      assertThat(keys(s)).containsExactly(1L, 2L, 3L, 4L);
    }
    assertEqualAndNoDiscrepancies(db);
  }

  @Test
  @Order(2)
  void assignmentsBatchAndJsonActivity(DatabasePair db) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO assignments (chore_id, user_id, due_date, note) VALUES (?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < 40; i++) {
        ps.setInt(1, 1 + i % 4);
        ps.setLong(2, 1 + i % 9);
        ps.setDate(3, Date.valueOf(java.time.LocalDate.of(2024, 3, 1).plusDays(i)));
        ps.setString(4, i % 5 == 0 ? "note with 'quotes' and \\ backslash #" + i : null);
        ps.addBatch();
      }
      assertThat(ps.executeBatch()).hasSize(40);
      assertThat(keys(ps)).hasSize(40).doesNotHaveDuplicates();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO activity_log (user_id, action, payload) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      String[] payloads = {
        "{\"chore\": 1, \"ok\": true, \"tags\": [\"a\", \"b\"]}",
        "{\"nested\": {\"x\": 1.5, \"y\": null}}",
        "[1, 2, 3]",
        null,
        "{\"unicode\": \"caf\u00e9 \u2713\"}"
      };
      for (int i = 0; i < payloads.length; i++) {
        if (i == 3) {
          ps.setNull(1, Types.BIGINT);
        } else {
          ps.setLong(1, i + 1);
        }
        ps.setString(2, "event" + i);
        ps.setString(3, payloads[i]);
        assertThat(ps.executeUpdate()).isEqualTo(1);
        assertThat(keys(ps)).containsExactly((long) i + 1);
      }
    }
    execute(
        c,
        "INSERT INTO activity_log (user_id, action, payload)"
            + " VALUES (2, 'json_object', JSON_OBJECT('k', 'v', 'n', 3))");
    assertEqualAndNoDiscrepancies(db);
  }

  @Test
  @Order(3)
  void upsertsInsertIgnoreAndReplace(DatabasePair db) throws SQLException {
    try (Statement s = c.createStatement()) {
      // Upsert on a unique key that exists: MySQL counts 2.
      assertThat(
              s.executeUpdate(
                  "INSERT INTO users (family_id, email, display_name) VALUES (1,"
                      + " 'user2@example.com', 'Renamed Two') ON DUPLICATE KEY UPDATE"
                      + " display_name = VALUES(display_name), login_count = login_count + 1"))
          .isEqualTo(2);
      // Upsert that inserts, asking for its key.
      assertThat(
              s.executeUpdate(
                  "INSERT INTO users (family_id, email, display_name) VALUES (2,"
                      + " 'new@example.com', 'New') ON DUPLICATE KEY UPDATE"
                      + " display_name = VALUES(display_name)",
                  Statement.RETURN_GENERATED_KEYS))
          .isEqualTo(1);
      // The key the application sees is the row's id (an upsert that updated may burn one value).
      long newId = keys(s).get(0);
      try (var rs = s.executeQuery("SELECT id FROM users WHERE email = 'new@example.com'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(newId);
      }
      // INSERT IGNORE: a duplicate skipped, a row inserted. (One multi-row INSERT IGNORE that
      // skips some of its rows cannot give PostgreSQL MySQL's keys: Connector/J's generated keys
      // do not say which rows were skipped. The driver records that as drift for repair;
      // TypicalAppKnownLimitsIT keeps the case.)
      assertThat(
              s.executeUpdate(
                  "INSERT IGNORE INTO assignments (chore_id, user_id, due_date) VALUES"
                      + " (1, 1, '2024-03-01')"))
          .isEqualTo(0);
      assertThat(
              s.executeUpdate(
                  "INSERT IGNORE INTO assignments (chore_id, user_id, due_date) VALUES"
                      + " (2, 3, '2025-01-01')"))
          .isEqualTo(1);
      // REPLACE on a composite primary key: insert, then replace.
      assertThat(
              s.executeUpdate(
                  "REPLACE INTO user_settings (user_id, setting, value) VALUES"
                      + " (1, 'theme', 'dark'), (1, 'lang', 'en'), (2, 'theme', 'light')"))
          .isEqualTo(3);
      assertThat(
              s.executeUpdate(
                  "REPLACE INTO user_settings (user_id, setting, value) VALUES (1, 'theme',"
                      + " 'solarized')"))
          .isEqualTo(2);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO user_settings (user_id, setting, value) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE value = VALUES(value)")) {
      for (int i = 1; i <= 4; i++) {
        ps.setLong(1, i);
        ps.setString(2, "lang");
        ps.setString(3, i % 2 == 0 ? "fr" : "de");
        ps.addBatch();
      }
      ps.executeBatch();
    }
    assertEqualAndNoDiscrepancies(db);
  }

  @Test
  @Order(4)
  void updatesWithLimitAndDecimalArithmetic(DatabasePair db) throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "UPDATE assignments SET done = 1, done_at = NOW() WHERE done = 0"
                      + " ORDER BY due_date, id LIMIT 7"))
          .isEqualTo(7);
      assertThat(
              s.executeUpdate("UPDATE users SET login_count = login_count + 1 ORDER BY id LIMIT 3"))
          .isEqualTo(3);
      s.executeUpdate("UPDATE chores SET reward = reward * 1.075 WHERE points >= 3");
      s.executeUpdate("UPDATE families SET is_premium = NOT is_premium WHERE id IN (1, 2)");
      s.executeUpdate(
          "UPDATE users u JOIN families f ON f.id = u.family_id SET u.is_admin = 1"
              + " WHERE f.is_premium = 1 AND u.role = 'parent'");
      assertThat(
              s.executeUpdate("DELETE FROM activity_log WHERE user_id IS NULL ORDER BY id LIMIT 1"))
          .isEqualTo(1);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO reward_adjustments (user_id, amount, balance_after, reason, approved)"
                + " VALUES (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      BigDecimal[] amounts = {
        new BigDecimal("1.50"),
        new BigDecimal("-0.25"),
        new BigDecimal("12345678.99"),
        new BigDecimal("0.01"),
        new BigDecimal("-99.90")
      };
      for (int i = 0; i < amounts.length; i++) {
        ps.setLong(1, 1 + i);
        ps.setBigDecimal(2, amounts[i]);
        ps.setBigDecimal(3, i == 4 ? null : amounts[i].multiply(new BigDecimal("1.0001")));
        ps.setString(4, "adjustment " + i);
        if (i == 2) {
          ps.setNull(5, Types.BOOLEAN);
        } else {
          ps.setBoolean(5, i % 2 == 0);
        }
        ps.addBatch();
      }
      assertThat(ps.executeBatch()).hasSize(5);
      assertThat(keys(ps)).hasSize(5);
    }
    assertEqualAndNoDiscrepancies(db);
  }

  @Test
  @Order(5)
  void rollbacksAndSavepointsLeaveTheSameRows(DatabasePair db) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO families (name, invite_code) VALUES ('Ghost', 'GHOST001')",
          Statement.RETURN_GENERATED_KEYS);
      s.executeUpdate("UPDATE users SET display_name = 'ghost' WHERE id = 1");
      c.rollback();

      s.executeUpdate(
          "INSERT INTO families (name, invite_code) VALUES ('Kept', 'KEPT0001')",
          Statement.RETURN_GENERATED_KEYS);
      long kept = keys(s).get(0);
      Savepoint sp1 = c.setSavepoint("users_added");
      s.executeUpdate(
          "INSERT INTO users (family_id, email) VALUES (" + kept + ", 'dropped@example.com')");
      Savepoint sp2 = c.setSavepoint();
      s.executeUpdate("UPDATE chores SET title = 'undone' WHERE id = 1");
      c.rollback(sp2);
      s.executeUpdate("UPDATE chores SET points = points + 1 WHERE id = 2");
      c.rollback(sp1);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO users (family_id, email, is_active, created_at) VALUES (?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, kept);
        ps.setString(2, "kept@example.com");
        ps.setBoolean(3, false);
        ps.setTimestamp(4, Timestamp.valueOf("2024-07-01 12:34:56"));
        ps.executeUpdate();
        assertThat(keys(ps)).hasSize(1);
      }
      Savepoint sp3 = c.setSavepoint();
      s.executeUpdate(
          "INSERT INTO reward_adjustments (user_id, amount, reason) VALUES (1, 5.00, 'bonus')");
      c.releaseSavepoint(sp3);
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    try (Connection pg = db.openPostgres()) {
      assertThat(longValue(pg, "SELECT COUNT(*) FROM families WHERE name = 'Ghost'")).isZero();
      assertThat(longValue(pg, "SELECT COUNT(*) FROM users WHERE email = 'dropped@example.com'"))
          .isZero();
      assertThat(longValue(pg, "SELECT COUNT(*) FROM users WHERE email = 'kept@example.com'"))
          .isOne();
    }
    assertEqualAndNoDiscrepancies(db);
  }

  @Test
  @Order(6)
  void deletesCascadeAndTimeValues(DatabasePair db) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE chores SET due_time = ? WHERE id = ?")) {
      ps.setTime(1, Time.valueOf("06:45:30"));
      ps.setInt(2, 2);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM assignments WHERE user_id IN (7, 8, 9)");
      s.executeUpdate("DELETE FROM user_settings WHERE user_id = 4");
      // A multi-table DELETE, then ON DELETE CASCADE from families to users.
      s.executeUpdate(
          "DELETE a FROM assignments a JOIN chores ch ON ch.id = a.chore_id"
              + " WHERE ch.family_id = 3");
      s.executeUpdate("DELETE FROM chores WHERE family_id = 3");
      assertThat(s.executeUpdate("DELETE FROM families WHERE id = 3")).isEqualTo(1);
    }
    assertEqualAndNoDiscrepancies(db);
  }
}
