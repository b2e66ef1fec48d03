package io.dualwrite.driver.trial;

import static io.dualwrite.driver.trial.Trial.assertNoDiscrepancies;
import static io.dualwrite.driver.trial.Trial.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The smallest reproductions of what the trial workloads ran into: valid MySQL, written the way
 * applications write it, that the driver does not mirror or serve like MySQL. Each test states the
 * MySQL behaviour; those that still fail are disabled with their finding number until the product
 * is fixed (the open findings are the disabled tests). Each test uses its own tables and its own
 * driver runtime ({@code dualwrite.instance}), so drift from one cannot reroute another's reads.
 */
@ExtendWith(TestDatabases.class)
class TrialFindingsIT {

  private static Connection connect(DatabasePair db, String instance, String... extra)
      throws SQLException {
    String[] all = new String[extra.length + 2];
    all[0] = "dualwrite.instance";
    all[1] = instance;
    System.arraycopy(extra, 0, all, 2, extra.length);
    return DualWriteTestUrls.connect(db, all);
  }

  /** Runs the statements through the driver and asserts nothing was recorded. */
  private static void writeCleanly(DatabasePair db, String instance, String phase, String... sql)
      throws SQLException {
    try (Connection c = connect(db, instance, "dualwrite.phase", phase)) {
      List<Discrepancy> seen = Trial.discrepancies(c);
      Trial.execute(c, sql);
      assertNoDiscrepancies(seen);
    }
  }

  /** The queries give through PostgreSQL (readPercent 100) what raw MySQL gives. */
  private static void readsLikeMysql(DatabasePair db, String instance, Trial.Query... queries)
      throws SQLException {
    try (Connection raw = db.openMysql();
        Connection pg = connect(db, instance, "dualwrite.readPercent", "100")) {
      assertThat(Trial.compareReads(raw, pg, List.of(queries))).isEmpty();
    }
  }

  @Test
  void parenthesisedOrInsideAWhereIsMirrored(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f1",
        "DUAL_WRITE",
        "CREATE TABLE f1_coupons (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " max_uses INT UNSIGNED NULL, used INT UNSIGNED NOT NULL DEFAULT 0)",
        "INSERT INTO f1_coupons (max_uses) VALUES (NULL), (5)",
        "UPDATE f1_coupons SET used = used + 1 WHERE id = 1"
            + " AND (max_uses IS NULL OR used < max_uses)");
    TableComparison.assertSameRows(db, "f1_coupons", "id");
  }

  @Test
  void parenthesisedOrInsideAWhereRunsInPgPrimary(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f1b",
        "PG_PRIMARY",
        "CREATE TABLE f1b_coupons (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " valid_to DATE NULL, used INT NOT NULL DEFAULT 0)",
        "INSERT INTO f1b_coupons (valid_to) VALUES (NULL), ('2020-01-01')",
        "UPDATE f1b_coupons SET used = used + 1"
            + " WHERE (valid_to IS NULL OR valid_to >= '2024-01-01') AND id > 0");
    TableComparison.assertSameRows(db, "f1b_coupons", "id");
  }

  @Test
  void jsonObjectWithBindValuesIntoATableWithClockDefaults(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "f2", "dualwrite.phase", "DUAL_WRITE")) {
      List<Discrepancy> seen = Trial.discrepancies(c);
      Trial.execute(
          c,
          "CREATE TABLE f2_audit (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " entity VARCHAR(40) NOT NULL, details JSON NULL,"
              + " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
              + " updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
              + " ON UPDATE CURRENT_TIMESTAMP)");
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO f2_audit (entity, details) VALUES ('order', JSON_OBJECT('id', ?))")) {
        ps.setString(1, "A-1");
        assertThat(ps.executeUpdate()).isOne();
      }
      assertNoDiscrepancies(seen);
    }
    TableComparison.assertSameRows(db, "f2_audit", "id");
  }

  @Test
  void inListFollowedByAndIsMirrored(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "f3", "dualwrite.phase", "DUAL_WRITE")) {
      List<Discrepancy> seen = Trial.discrepancies(c);
      Trial.execute(
          c,
          "CREATE TABLE f3_orders (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " status VARCHAR(10) NOT NULL, n INT NOT NULL DEFAULT 0)",
          "INSERT INTO f3_orders (status) VALUES ('new'), ('open'), ('closed')",
          "UPDATE f3_orders SET n = n + 1 WHERE status IN ('new', 'open') AND id > 0");
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE f3_orders SET n = n + 10 WHERE id IN (?, ?) AND n > ?")) {
        ps.setInt(1, 1);
        ps.setInt(2, 2);
        ps.setInt(3, 0);
        assertThat(ps.executeUpdate()).isEqualTo(2);
      }
      assertNoDiscrepancies(seen);
    }
    TableComparison.assertSameRows(db, "f3_orders", "id");
  }

  @Test
  void inListFollowedByAndIsServedByPostgres(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f3b",
        "DUAL_WRITE",
        "CREATE TABLE f3b_items (id INT NOT NULL PRIMARY KEY, warehouse CHAR(3) NOT NULL)",
        "INSERT INTO f3b_items VALUES (1, 'BER'), (2, 'NYC'), (3, 'LON')");
    readsLikeMysql(
        db,
        "f3b",
        q(
            "SELECT id FROM f3b_items WHERE warehouse IN (?, ?) AND id > ? ORDER BY id",
            "ber",
            "NYC",
            0),
        q("SELECT id FROM f3b_items WHERE id IN (1, 3) AND warehouse <> 'x' ORDER BY id"));
  }

  @Test
  void ifnullMixingANumberAndTextIsServedByPostgres(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f4",
        "DUAL_WRITE",
        "CREATE TABLE f4_coupons (id INT NOT NULL PRIMARY KEY, max_uses INT UNSIGNED NULL,"
            + " used INT UNSIGNED NOT NULL)",
        "INSERT INTO f4_coupons VALUES (1, NULL, 0), (2, 5, 1)");
    readsLikeMysql(
        db,
        "f4",
        q(
            "SELECT id, IFNULL(max_uses - used, 'unlimited') AS remaining FROM f4_coupons ORDER BY id"));
  }

  @Test
  void ifnullOfADecimalKeepsItsScale(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f5",
        "DUAL_WRITE",
        "CREATE TABLE f5_orders (id INT NOT NULL PRIMARY KEY, customer INT NOT NULL,"
            + " total DECIMAL(12,2) NULL)",
        "INSERT INTO f5_orders VALUES (1, 1, 10.50), (2, 2, NULL)");
    readsLikeMysql(
        db,
        "f5",
        q("SELECT id, IFNULL(total, 0) AS t, COALESCE(total, 0) AS u FROM f5_orders ORDER BY id"),
        q(
            "SELECT customer, IFNULL(SUM(total), 0) AS spent FROM f5_orders GROUP BY customer"
                + " ORDER BY customer"));
  }

  @Test
  void setNullBlobIsMirrored(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "f6", "dualwrite.phase", "DUAL_WRITE")) {
      List<Discrepancy> seen = Trial.discrepancies(c);
      Trial.execute(c, "CREATE TABLE f6_agents (id INT NOT NULL PRIMARY KEY, avatar BLOB NULL)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO f6_agents VALUES (?, ?)")) {
        ps.setInt(1, 1);
        ps.setNull(2, Types.BLOB);
        assertThat(ps.executeUpdate()).isOne();
      }
      assertNoDiscrepancies(seen);
    }
    TableComparison.assertSameRows(db, "f6_agents", "id");
  }

  @Test
  void setNullBlobWorksInPgPrimary(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "f6b", "dualwrite.phase", "PG_PRIMARY")) {
      Trial.execute(c, "CREATE TABLE f6b_agents (id INT NOT NULL PRIMARY KEY, avatar BLOB NULL)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO f6b_agents VALUES (?, ?)")) {
        ps.setInt(1, 1);
        ps.setNull(2, Types.BLOB);
        assertThat(ps.executeUpdate()).isOne();
      }
    }
  }

  @Test
  void sumOfIntegersIsADecimal(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f7",
        "DUAL_WRITE",
        "CREATE TABLE f7_tickets (id INT NOT NULL PRIMARY KEY, status VARCHAR(10) NOT NULL,"
            + " points INT NOT NULL)",
        "INSERT INTO f7_tickets VALUES (1, 'open', 3), (2, 'closed', 5)");
    readsLikeMysql(
        db,
        "f7",
        q("SELECT SUM(points) AS total, SUM(status = 'open') AS open_count FROM f7_tickets"),
        q("SELECT id, SUM(points) OVER (ORDER BY id) AS running FROM f7_tickets ORDER BY id"));
  }

  @Test
  void unsignedExpressionsReadAsBigInteger(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f8",
        "DUAL_WRITE",
        "CREATE TABLE f8_stock (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " on_hand INT UNSIGNED NOT NULL, reserved INT UNSIGNED NOT NULL,"
            + " priority TINYINT UNSIGNED NOT NULL DEFAULT 2, since YEAR NOT NULL DEFAULT 2024)",
        "INSERT INTO f8_stock (on_hand, reserved) VALUES (10, 3), (7, 7)");
    readsLikeMysql(
        db,
        "f8",
        q("SELECT MIN(id) AS first_id, MAX(id) AS last_id FROM f8_stock"),
        q("SELECT MAX(priority) AS worst, MAX(since) AS latest FROM f8_stock"),
        q("SELECT id, on_hand - reserved AS available FROM f8_stock ORDER BY id"));
  }

  @Test
  void insertSelectKeepsMysqlKeysOnPostgres(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f9",
        "DUAL_WRITE",
        "CREATE TABLE f9_tickets (id INT NOT NULL PRIMARY KEY, status VARCHAR(10) NOT NULL)",
        "CREATE TABLE f9_events (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " ticket_id INT NOT NULL, kind VARCHAR(20) NOT NULL)",
        "INSERT INTO f9_tickets VALUES (1, 'open'), (2, 'new'), (3, 'open')",
        "INSERT INTO f9_events (ticket_id, kind) VALUES (2, 'created')",
        "INSERT INTO f9_events (ticket_id, kind)"
            + " SELECT id, 'opened' FROM f9_tickets WHERE status = 'open' ORDER BY id");
    TableComparison.assertSameRows(db, "f9_events", "id");
  }

  @Test
  void insertSelectPinsTheClockDefaultInPgPrimary(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f10",
        "PG_PRIMARY",
        "CREATE TABLE f10_tickets (id INT NOT NULL PRIMARY KEY, status VARCHAR(10) NOT NULL)",
        "CREATE TABLE f10_events (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " ticket_id INT NOT NULL, at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))",
        "INSERT INTO f10_tickets VALUES (1, 'open'), (2, 'new'), (3, 'open')",
        "INSERT INTO f10_events (ticket_id)"
            + " SELECT id FROM f10_tickets WHERE status = 'open' ORDER BY id");
    TableComparison.assertSameRows(db, "f10_events", "id");
  }

  @Test
  void jsonArrayOfBindValuesIsMirrored(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "f11", "dualwrite.phase", "DUAL_WRITE")) {
      List<Discrepancy> seen = Trial.discrepancies(c);
      Trial.execute(c, "CREATE TABLE f11_docs (id INT NOT NULL PRIMARY KEY, tags JSON NULL)");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO f11_docs VALUES (?, JSON_ARRAY(?, ?))")) {
        ps.setInt(1, 1);
        ps.setString(2, "red");
        ps.setString(3, "blue");
        assertThat(ps.executeUpdate()).isOne();
      }
      assertNoDiscrepancies(seen);
    }
    TableComparison.assertSameRows(db, "f11_docs", "id");
  }

  @Test
  void concatIntoAJsonColumnIsMirrored(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f12",
        "DUAL_WRITE",
        "CREATE TABLE f12_docs (id INT NOT NULL PRIMARY KEY, tags JSON NULL)",
        "INSERT INTO f12_docs VALUES (1, CONCAT('[', 1, ', ', 2, ']'))");
    TableComparison.assertSameRows(db, "f12_docs", "id");
  }

  @Test
  void jsonObjectOfABoundNumberStaysANumber(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "f13", "dualwrite.phase", "DUAL_WRITE")) {
      List<Discrepancy> seen = Trial.discrepancies(c);
      Trial.execute(c, "CREATE TABLE f13_docs (id INT NOT NULL PRIMARY KEY, doc JSON NULL)");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO f13_docs VALUES (?, JSON_OBJECT('n', ?))")) {
        ps.setInt(1, 1);
        ps.setInt(2, 5);
        assertThat(ps.executeUpdate()).isOne();
      }
      assertNoDiscrepancies(seen);
    }
    TableComparison.assertSameRows(db, "f13_docs", "id");
  }

  @Test
  void orderBySetColumnSortsLikeMysql(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f14",
        "DUAL_WRITE",
        "CREATE TABLE f14_tickets (id INT NOT NULL PRIMARY KEY,"
            + " labels SET('bug','billing','feature') NOT NULL)",
        "INSERT INTO f14_tickets VALUES (1, 'feature'), (2, 'bug'), (3, 'billing')");
    readsLikeMysql(db, "f14", q("SELECT id, labels FROM f14_tickets ORDER BY labels"));
  }

  @Test
  void jsonExtractComparedWithANumberIsServedByPostgres(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f15",
        "DUAL_WRITE",
        "CREATE TABLE f15_docs (id INT NOT NULL PRIMARY KEY, doc JSON NULL)",
        "INSERT INTO f15_docs VALUES (1, '{\"n\": 5}'), (2, '{\"n\": 6}')");
    readsLikeMysql(
        db, "f15", q("SELECT id FROM f15_docs WHERE JSON_EXTRACT(doc, '$.n') = 5 ORDER BY id"));
  }

  @Test
  void jsonSetIsMirrored(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f16",
        "DUAL_WRITE",
        "CREATE TABLE f16_docs (id INT NOT NULL PRIMARY KEY, doc JSON NULL)",
        "INSERT INTO f16_docs VALUES (1, '{\"a\": 1}')",
        "UPDATE f16_docs SET doc = JSON_SET(doc, '$.b', 2) WHERE id = 1");
    TableComparison.assertSameRows(db, "f16_docs", "id");
  }

  @Test
  void roundOfAFloatIsADouble(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f17",
        "DUAL_WRITE",
        "CREATE TABLE f17_readings (id INT NOT NULL PRIMARY KEY, f FLOAT NULL, d DOUBLE NULL)",
        "INSERT INTO f17_readings VALUES (1, 0.1, 2.25), (2, 1.5, NULL)");
    readsLikeMysql(
        db,
        "f17",
        q("SELECT id, ROUND(f, 1) AS rf, ROUND(d, 1) AS rd FROM f17_readings ORDER BY id"));
  }

  @Test
  void pgPrimaryErrorsNameTheMysqlKeyAndColumn(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "f18", "dualwrite.phase", "PG_PRIMARY")) {
      Trial.execute(
          c,
          "CREATE TABLE f18_users (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " email VARCHAR(50) NOT NULL, name VARCHAR(5) NULL,"
              + " UNIQUE KEY uq_f18_email (email))",
          "INSERT INTO f18_users (email) VALUES ('a@example.com')");
      // MySQL 8: Duplicate entry 'A@example.com' for key 'f18_users.uq_f18_email'
      SQLException duplicate = failure(c, "INSERT INTO f18_users (email) VALUES ('A@example.com')");
      assertThat(duplicate.getErrorCode()).isEqualTo(1062);
      assertThat((Throwable) duplicate)
          .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
          .hasMessageContaining("'A@example.com'")
          .hasMessageMatching("(?s).*for key '(f18_users\\.)?uq_f18_email'.*");
      // MySQL: Data too long for column 'name' at row 1
      SQLException tooLong =
          failure(c, "INSERT INTO f18_users (email, name) VALUES ('b@x', 'toolong')");
      assertThat(tooLong.getErrorCode()).isEqualTo(1406);
      assertThat((Throwable) tooLong)
          .hasMessage("Data truncation: Data too long for column 'name' at row 1");
      // prepared: the bound value as written
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO f18_users (email) VALUES (?)")) {
        ps.setString(1, "A@Example.COM");
        SQLException bound =
            org.assertj.core.api.Assertions.catchThrowableOfType(
                SQLException.class, ps::executeUpdate);
        assertThat((Throwable) bound).hasMessageContaining("'A@Example.COM'");
      }
    }
  }

  private static SQLException failure(Connection c, String sql) {
    try {
      Trial.execute(c, sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected a failure: " + sql);
  }

  @Test
  void pgPrimaryReturnsNoKeysWhereMysqlGeneratesNone(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "f19", "dualwrite.phase", "PG_PRIMARY");
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE f19_tags (id INT NOT NULL PRIMARY KEY, name VARCHAR(10) NOT NULL)");
      s.executeUpdate(
          "INSERT INTO f19_tags VALUES (7, 'a'), (9, 'b')",
          java.sql.Statement.RETURN_GENERATED_KEYS);
      assertThat(Trial.keys(s)).as("keys of an INSERT without AUTO_INCREMENT").isEmpty();
      s.executeUpdate(
          "UPDATE f19_tags SET name = 'c' WHERE id = 7", java.sql.Statement.RETURN_GENERATED_KEYS);
      assertThat(Trial.keys(s)).as("keys of an UPDATE").isEmpty();
    }
  }

  @Test
  void comparedReadOrderedByANonUniqueColumnIsNoMismatch(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f20",
        "DUAL_WRITE",
        "CREATE TABLE f20_people (id INT NOT NULL PRIMARY KEY, status VARCHAR(10) NOT NULL,"
            + " score INT NOT NULL)",
        "INSERT INTO f20_people VALUES (1, 'a', 1), (2, 'a', 2), (3, 'b', 3), (4, 'a', 4)",
        // An UPDATE moves the row to the end of PostgreSQL's heap; InnoDB keeps key order.
        "UPDATE f20_people SET score = score + 10 WHERE id = 1");
    try (Connection c = connect(db, "f20", "dualwrite.comparePercent", "100")) {
      List<Discrepancy> seen = Trial.discrepancies(c);
      Trial.rows(c, "SELECT id, status FROM f20_people ORDER BY status");
      assertNoDiscrepancies(seen);
    }
  }

  @Test
  void selectDistinctOrderedByATextColumnIsServedByPostgres(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f21",
        "DUAL_WRITE",
        "CREATE TABLE f21_people (id INT NOT NULL PRIMARY KEY, last_name VARCHAR(20) NOT NULL)",
        "INSERT INTO f21_people VALUES (1, 'smith'), (2, 'jones'), (3, 'brown'), (4, 'jones')");
    readsLikeMysql(db, "f21", q("SELECT DISTINCT last_name FROM f21_people ORDER BY last_name"));
  }

  @Test
  void comparedReadsReturnWhatConnectorJReturns(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f23",
        "DUAL_WRITE",
        "CREATE TABLE f23_events (id INT NOT NULL PRIMARY KEY, at DATETIME NOT NULL,"
            + " stamp TIMESTAMP NULL, flag TINYINT(1) NOT NULL)",
        "INSERT INTO f23_events VALUES (1, '2024-01-02 03:04:05', '2024-01-02 03:04:05', 1)");
    try (Connection raw = db.openMysql();
        Connection cmp = connect(db, "f23", "dualwrite.comparePercent", "100")) {
      assertThat(
              Trial.compareReads(
                  raw,
                  cmp,
                  List.of(q("SELECT id, at, stamp, flag FROM f23_events ORDER BY id")),
                  false))
          .isEmpty();
    }
  }

  @Test
  void comparedReadsInPgPrimaryLookLikeMysql(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f23b",
        "PG_PRIMARY",
        "CREATE TABLE f23b_events (id INT NOT NULL PRIMARY KEY, at DATETIME NOT NULL,"
            + " n INT UNSIGNED NOT NULL)",
        "INSERT INTO f23b_events VALUES (1, '2024-01-02 03:04:05', 7)");
    try (Connection raw = db.openMysql();
        Connection cmp =
            connect(
                db, "f23b", "dualwrite.phase", "PG_PRIMARY", "dualwrite.comparePercent", "100")) {
      assertThat(
              Trial.compareReads(
                  raw, cmp, List.of(q("SELECT id, at, n FROM f23b_events ORDER BY id")), false))
          .isEmpty();
    }
  }

  @Test
  void unionOrderedByATextColumnIsServedByPostgres(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f23",
        "DUAL_WRITE",
        "CREATE TABLE f23_jobs (id INT NOT NULL PRIMARY KEY, queue VARCHAR(20) NOT NULL)",
        "INSERT INTO f23_jobs VALUES (1, 'mail'), (2, 'sms')");
    readsLikeMysql(
        db,
        "f23",
        q(
            "SELECT queue FROM f23_jobs WHERE id = 1 UNION ALL SELECT queue FROM f23_jobs"
                + " ORDER BY queue"));
  }

  @Test
  void updateJoinedWithADerivedTableIsMirrored(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f24",
        "DUAL_WRITE",
        "CREATE TABLE f24_jobs (id INT NOT NULL PRIMARY KEY, queue VARCHAR(20) NOT NULL,"
            + " attempts INT NOT NULL DEFAULT 0)",
        "INSERT INTO f24_jobs (id, queue) VALUES (1, 'mail'), (2, 'mail'), (3, 'sms')",
        "UPDATE f24_jobs j JOIN (SELECT queue, MIN(id) AS first_id FROM f24_jobs GROUP BY queue) f"
            + " ON f.first_id = j.id SET j.attempts = j.attempts + 1");
    TableComparison.assertSameRows(db, "f24_jobs", "id");
  }

  @Test
  void readsPostgresCannotServeAreRecorded(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f25",
        "DUAL_WRITE",
        "CREATE TABLE f25_docs (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL,"
            + " doc JSON NULL)",
        "INSERT INTO f25_docs VALUES (1, 'b', '[1, 2]'), (2, 'a', NULL)");
    try (Connection c = connect(db, "f25", "dualwrite.readPercent", "100")) {
      List<Discrepancy> seen = Trial.discrepancies(c);
      // (The trial's first examples, JSON_LENGTH, DISTINCT ... ORDER BY, JSON_CONTAINS of a
      // literal, a JSON value ordered against a number or a string, and SUM of a string column
      // are translated now.)
      assertThat(
              Trial.rows(c, "SELECT id FROM f25_docs WHERE JSON_CONTAINS(doc, CONCAT('[1', ']'))"))
          .as("MySQL answers the refused read")
          .hasSize(1);
      assertThat(seen).as("a refused read (JSON_CONTAINS of a computed candidate)").isNotEmpty();
      seen.clear();
      assertThat(Trial.rows(c, "SELECT id, CONCAT(X'35', name) + 1 AS m FROM f25_docs"))
          .as("MySQL answers the read PostgreSQL rejects")
          .hasSize(2);
      assertThat(seen)
          .as("a read that fails on PostgreSQL (a binary string read as a number: text + 1)")
          .isNotEmpty();
    }
    // the trial's second example, a string's remainder (MySQL's fmod of a DOUBLE), is served now,
    // and so are its replacements, string functions' results read as numbers
    readsLikeMysql(db, "f25", q("SELECT id, name % 2 AS m FROM f25_docs ORDER BY id"));
    readsLikeMysql(db, "f25", q("SELECT id, CONCAT(name, 'x') + 1 AS m FROM f25_docs ORDER BY id"));
    readsLikeMysql(db, "f25", q("SELECT id, HEX(name) + 1 AS m FROM f25_docs ORDER BY id"));
  }

  @Test
  void havingOnASelectAliasIsServedByPostgres(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f26",
        "DUAL_WRITE",
        "CREATE TABLE f26_people (id INT NOT NULL PRIMARY KEY, last VARCHAR(20) NOT NULL,"
            + " amount DECIMAL(8,2) NOT NULL)",
        "INSERT INTO f26_people VALUES (1, 'lee', 5.00), (2, 'kim', 7.50), (3, 'lee', 1.25)");
    readsLikeMysql(
        db,
        "f26",
        q(
            "SELECT last, COUNT(*) AS n, SUM(amount) AS total FROM f26_people GROUP BY last"
                + " HAVING n > 1 AND total > 0 ORDER BY last"));
  }

  @Test
  void columnLevelCheckCreatesTheTable(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f27",
        "DUAL_WRITE",
        "CREATE TABLE f27_scores (id INT NOT NULL PRIMARY KEY,"
            + " score INT NOT NULL DEFAULT 0 CHECK (score >= 0))",
        "INSERT INTO f27_scores VALUES (1, 5)");
    TableComparison.assertSameRows(db, "f27_scores", "id");
  }

  @Test
  void fulltextKeyFollowedByUniqueKeyCreatesTheTable(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f28",
        "DUAL_WRITE",
        "CREATE TABLE f28_posts (id INT NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL,"
            + " body TEXT, FULLTEXT KEY ft_f28 (title, body), UNIQUE KEY uq_f28_title (title))",
        "INSERT INTO f28_posts VALUES (1, 'Hello', 'World')");
    TableComparison.assertSameRows(db, "f28_posts", "id");
  }

  @Test
  void dropForeignKeyIsMirrored(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f29",
        "DUAL_WRITE",
        "CREATE TABLE f29_parent (id INT NOT NULL PRIMARY KEY)",
        "CREATE TABLE f29_child (id INT NOT NULL PRIMARY KEY, parent_id INT NULL,"
            + " CONSTRAINT fk_f29_parent FOREIGN KEY (parent_id) REFERENCES f29_parent (id))",
        "ALTER TABLE f29_child DROP FOREIGN KEY fk_f29_parent",
        "INSERT INTO f29_child VALUES (1, 42)");
    TableComparison.assertSameRows(db, "f29_child", "id");
  }

  @Test
  void alterColumnDefaultAndRenameIndexAreMirrored(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f30",
        "DUAL_WRITE",
        "CREATE TABLE f30_posts (id INT NOT NULL PRIMARY KEY, score INT NOT NULL DEFAULT 0,"
            + " title VARCHAR(100) NOT NULL, KEY idx_f30_title (title))",
        "ALTER TABLE f30_posts ALTER COLUMN score SET DEFAULT 5",
        "ALTER TABLE f30_posts RENAME INDEX idx_f30_title TO idx_f30_title2",
        "INSERT INTO f30_posts (id, title) VALUES (1, 'x')");
    TableComparison.assertSameRows(db, "f30_posts", "id");
  }

  @Test
  void inListFollowedByAndIsReadInPgPrimary(DatabasePair db) throws SQLException {
    writeCleanly(
        db,
        "f3c",
        "PG_PRIMARY",
        "CREATE TABLE f3c_items (id INT NOT NULL PRIMARY KEY, qty INT NOT NULL)",
        "INSERT INTO f3c_items VALUES (1, 5), (2, 0), (3, 7)");
    try (Connection c =
        connect(db, "f3c", "dualwrite.phase", "PG_PRIMARY", "dualwrite.readPercent", "100")) {
      assertThat(Trial.rows(c, "SELECT id FROM f3c_items WHERE id IN (1, 2) AND qty > 0"))
          .hasSize(1);
    }
  }
}
