package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.mirror.InsertedRowsMirror;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.driver.testing.Workloads;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.dualwrite.testkit.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes whose generated keys cannot be matched to their rows ({@code INSERT ... SELECT}, a
 * multi-row {@code INSERT IGNORE} that skips rows) end with identical rows on both sides: the rows
 * the authoritative side inserted are read back and written explicitly on the other ({@link
 * InsertedRowsMirror}). What cannot be proven exact is still recorded with drift.
 */
@ExtendWith(TestDatabases.class)
class InsertedRowsMirrorIT {

  private static Connection connect(DatabasePair db, String instance, String phase)
      throws SQLException {
    return DualWriteTestUrls.connect(
        db, "dualwrite.instance", "irm-" + instance, "dualwrite.phase", phase);
  }

  private static void execute(Connection c, String... sql) throws SQLException {
    Workloads.execute(c, sql);
  }

  private static void assertNone(List<Discrepancy> seen) {
    assertThat(seen).as("discrepancies: %s", Workloads.describe(seen)).isEmpty();
  }

  private static boolean drifted(Connection c, String table) throws SQLException {
    return c.unwrap(DualWriteConnection.class).drift().snapshot().containsKey(table);
  }

  /** The next key PostgreSQL generates for {@code table} is above every key it holds. */
  private static void assertSequenceAhead(DatabasePair db, String table) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT nextval(pg_get_serial_sequence('"
                    + table
                    + "', 'id')),"
                    + " (SELECT MAX(id) FROM "
                    + table
                    + ")")) {
      rs.next();
      assertThat(rs.getLong(1)).isGreaterThan(rs.getLong(2));
    }
  }

  /**
   * A source table whose rows PostgreSQL returns in a different order than MySQL when no ORDER BY
   * is given: inserted out of key order (PostgreSQL's heap keeps insertion order, InnoDB's
   * clustered index key order), then one row updated (PostgreSQL moves it to the end).
   */
  private static void scrambledSource(Connection c, String table) throws SQLException {
    execute(
        c,
        "DROP TABLE IF EXISTS " + table,
        "CREATE TABLE " + table + " (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL)",
        "INSERT INTO " + table + " VALUES (5, 'e'), (3, 'c'), (1, 'a'), (4, 'd'), (2, 'b')",
        "UPDATE " + table + " SET name = 'c2' WHERE id = 3");
  }

  private static void eventsTable(Connection c, String table) throws SQLException {
    execute(
        c,
        "DROP TABLE IF EXISTS " + table,
        "CREATE TABLE "
            + table
            + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, source_id INT NOT NULL,"
            + " label VARCHAR(20) NULL)");
  }

  @Test
  void insertSelectWithOrderByKeepsMysqlKeysOnPostgres(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "ordered", "DUAL_WRITE")) {
      scrambledSource(c, "irm1_src");
      eventsTable(c, "irm1_events");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      execute(c, "INSERT INTO irm1_events (source_id, label) VALUES (0, 'before')");
      try (Statement s = c.createStatement()) {
        assertThat(
                s.executeUpdate(
                    "INSERT INTO irm1_events (source_id, label)"
                        + " SELECT id, name FROM irm1_src WHERE id > 1 ORDER BY name DESC"))
            .isEqualTo(4);
      }
      execute(c, "INSERT INTO irm1_events (source_id, label) VALUES (0, 'after')");
      assertNone(seen);
      assertThat(drifted(c, "irm1_events")).isFalse();
    }
    assertSameRows(db, "irm1_events", "id");
    assertSequenceAhead(db, "irm1_events");
  }

  @Test
  void insertSelectWithoutOrderByKeepsMysqlKeysOnPostgres(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "unordered", "DUAL_WRITE")) {
      scrambledSource(c, "irm2_src");
      eventsTable(c, "irm2_events");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      execute(c, "INSERT INTO irm2_events (source_id, label) SELECT id, name FROM irm2_src");
      assertNone(seen);
    }
    assertSameRows(db, "irm2_events", "id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DUAL_WRITE", "PG_PRIMARY"})
  void insertSelectCopiesEveryTypeFamilyAndNulls(String phase, DatabasePair db)
      throws SQLException {
    String src = "irm3_src_" + phase.charAt(0);
    String copy = "irm3_copy_" + phase.charAt(0);
    String columns =
        "flag TINYINT(1) NULL, tiny TINYINT NULL, bits BIT(1) NULL, yr YEAR NULL,"
            + " small SMALLINT UNSIGNED NULL, medium MEDIUMINT NULL, plain INT UNSIGNED NULL,"
            + " big BIGINT NULL, ubig BIGINT UNSIGNED NULL, amount DECIMAL(14,4) NULL,"
            + " ratio FLOAT NULL, measure DOUBLE NULL, code CHAR(3) NULL, name VARCHAR(40) NULL,"
            + " body TEXT NULL, size ENUM('S','M','L') NULL, tags SET('a','b','c') NULL,"
            + " doc JSON NULL, raw BLOB NULL, hash VARBINARY(8) NULL, day DATE NULL,"
            + " at_micros DATETIME(6) NULL, at_millis TIMESTAMP(3) NULL, clock TIME(2) NULL";
    String names =
        "flag, tiny, bits, yr, small, medium, plain, big, ubig, amount, ratio, measure, code, name,"
            + " body, size, tags, doc, raw, hash, day, at_micros, at_millis, clock";
    try (Connection c = connect(db, "types-" + phase, phase)) {
      execute(
          c,
          "DROP TABLE IF EXISTS " + src,
          "DROP TABLE IF EXISTS " + copy,
          "CREATE TABLE " + src + " (id INT NOT NULL PRIMARY KEY, " + columns + ")",
          "CREATE TABLE "
              + copy
              + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, src INT NOT NULL, "
              + columns
              + ")",
          "INSERT INTO "
              + src
              + " (id, "
              + names
              + ") VALUES (1, 1, -128, b'1', 2155, 65535, -8388608, 4294967295,"
              + " -9223372036854775808, 18446744073709551615, -12345678.1234, 1.25, 1e-300,"
              + " 'ab', 'caf\u00e9 \u2713', 'long text', 'M', 'c,a', '{\"k\": [1, 2.5, null]}',"
              + " x'00ff10', x'cafe', '2024-02-29', '2024-02-29 23:59:59.123456',"
              + " '2030-01-19 03:14:07.999', '23:59:59.99')",
          "INSERT INTO " + src + " (id) VALUES (2)",
          "INSERT INTO "
              + src
              + " (id, "
              + names
              + ") VALUES (3, 0, 127, b'0', 1901, 0, 8388607, 0, 9223372036854775807, 0, 0.0001,"
              + " -3.5, -2.25, '', '', '', 'S', '', '[]', x'', x'', '1000-01-01',"
              + " '1970-01-01 00:00:01.000001', '1970-01-02 00:00:00.5', '00:00:00')");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      execute(
          c,
          "INSERT INTO "
              + copy
              + " (src, "
              + names
              + ") SELECT id, "
              + names
              + " FROM "
              + src
              + " ORDER BY id DESC");
      assertNone(seen);
    }
    assertSameRows(db, copy, "id");
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      // Also compared as text, where a type's normalisation could hide a difference
      String sql =
          "SELECT id, src, CAST(ubig AS CHAR), CAST(amount AS CHAR), CAST(at_micros AS CHAR),"
              + " CAST(at_millis AS CHAR), CAST(clock AS CHAR), CAST(yr AS CHAR) FROM "
              + copy
              + " ORDER BY id";
      assertThat(TableComparison.rows(pg, sql.replace("AS CHAR", "AS text")))
          .hasSize(3)
          .isEqualTo(
              TableComparison.rows(mysql, sql).stream()
                  .map(r -> r.stream().map(InsertedRowsMirrorIT::pgText).toList())
                  .toList());
    }
  }

  /**
   * TIMESTAMP values written under a session time zone (mirrored to PostgreSQL, whose timestamp
   * columns hold the session's local time) are copied as that zone's text, clock defaults included.
   */
  @Test
  void insertSelectUnderASessionTimeZoneKeepsTimestamps(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "zone", "DUAL_WRITE")) {
      scrambledSource(c, "irm20_src");
      execute(
          c,
          "DROP TABLE IF EXISTS irm20_log",
          "CREATE TABLE irm20_log (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " source_id INT NOT NULL, at TIMESTAMP(6) NULL,"
              + " created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))",
          "SET time_zone = '+05:30'");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      execute(
          c,
          "INSERT INTO irm20_log (source_id, at)"
              + " SELECT id, '2024-03-31 01:30:00.654321' FROM irm20_src WHERE id < 4");
      assertNone(seen);
    }
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      execute(mysql, "SET time_zone = '+05:30'");
      String sql =
          "SELECT id, source_id, CAST(at AS CHAR), CAST(created_at AS CHAR) FROM irm20_log"
              + " ORDER BY id";
      List<List<Object>> mysqlRows = TableComparison.rows(mysql, sql);
      assertThat(mysqlRows)
          .hasSize(3)
          .allSatisfy(r -> assertThat(r.get(2)).isEqualTo("2024-03-31 01:30:00.654321"));
      assertThat(TableComparison.rows(pg, sql.replace("AS CHAR", "AS text")))
          .isEqualTo(
              mysqlRows.stream()
                  .map(r -> r.stream().map(InsertedRowsMirrorIT::pgText).toList())
                  .toList());
    }
  }

  @Test
  void insertSelectCopiesFloatsExactly(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "floats", "DUAL_WRITE")) {
      execute(
          c,
          "DROP TABLE IF EXISTS irm17_src",
          "DROP TABLE IF EXISTS irm17_copy",
          "CREATE TABLE irm17_src (id INT NOT NULL PRIMARY KEY, f FLOAT NULL, d DOUBLE NULL)",
          "CREATE TABLE irm17_copy (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " f FLOAT NULL, d DOUBLE NULL)",
          "INSERT INTO irm17_src VALUES (1, 123456.789, 0.1), (2, 3.14159274, 1.7976931348623157e308),"
              + " (3, 1.17549435e-38, 4.9e-324), (4, -0.3333333, -2.2250738585072014e-308),"
              + " (5, 16777217, 9007199254740993)");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      execute(c, "INSERT INTO irm17_copy (f, d) SELECT f, d FROM irm17_src ORDER BY id");
      assertNone(seen);
    }
    // The stored single-precision values, widened exactly. (Not TableComparison.assertSameRows:
    // MariaDB sends a FLOAT as text rounded to 6 significant digits, so Connector/J reads 123457
    // for the 123456.7890625 stored, and PostgreSQL's exact copy would compare unequal.)
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      assertThat(
              TableComparison.rows(
                  pg, "SELECT id, CAST(f AS double precision), d FROM irm17_copy ORDER BY id"))
          .hasSize(5)
          .isEqualTo(
              TableComparison.rows(
                  mysql, "SELECT id, CAST(f AS DOUBLE), d FROM irm17_copy ORDER BY id"));
    }
  }

  /** MySQL's text of a value as PostgreSQL prints it (no trailing fractional zeros). */
  private static Object pgText(Object v) {
    if (v instanceof String s && s.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+")) {
      return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    if (v instanceof String s && s.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d+")) {
      return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return v;
  }

  @Test
  void insertSelectKeepsClockDefaultsAndOnUpdateColumns(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "clock", "DUAL_WRITE")) {
      scrambledSource(c, "irm4_src");
      execute(
          c,
          "DROP TABLE IF EXISTS irm4_log",
          "CREATE TABLE irm4_log (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " source_id INT NOT NULL,"
              + " created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),"
              + " updated_at DATETIME(6) NULL DEFAULT CURRENT_TIMESTAMP(6)"
              + " ON UPDATE CURRENT_TIMESTAMP(6))");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      execute(
          c,
          "INSERT INTO irm4_log (source_id) SELECT id FROM irm4_src",
          "UPDATE irm4_log SET source_id = source_id + 10 WHERE source_id < 3",
          "INSERT INTO irm4_log (source_id) SELECT id + 100 FROM irm4_src WHERE id > 3");
      assertNone(seen);
    }
    assertSameRows(db, "irm4_log", "id");
  }

  @Test
  void preparedInsertSelectWithBindsKeepsMysqlKeys(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "prepared", "DUAL_WRITE")) {
      scrambledSource(c, "irm5_src");
      eventsTable(c, "irm5_events");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO irm5_events (source_id, label) SELECT id, ? FROM irm5_src WHERE id >= ?",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, "first");
        ps.setInt(2, 2);
        assertThat(ps.executeUpdate()).isEqualTo(4);
        // The application still sees MySQL's keys, as Connector/J reports them
        assertThat(Workloads.keys(ps)).hasSize(4);
        ps.setNull(1, java.sql.Types.VARCHAR);
        ps.setInt(2, 4);
        assertThat(ps.executeUpdate()).isEqualTo(2);
      }
      assertNone(seen);
    }
    assertSameRows(db, "irm5_events", "id");
  }

  @Test
  void insertSelectInATransactionRollsBackAndCommitsOnBothSides(DatabasePair db)
      throws SQLException {
    try (Connection c = connect(db, "transaction", "DUAL_WRITE")) {
      scrambledSource(c, "irm6_src");
      eventsTable(c, "irm6_events");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      c.setAutoCommit(false);
      execute(c, "INSERT INTO irm6_events (source_id, label) SELECT id, name FROM irm6_src");
      c.rollback();
      try (Connection mysql = db.openMysql();
          Connection pg = db.openPostgres()) {
        assertThat(TableComparison.count(mysql, "irm6_events")).isZero();
        assertThat(TableComparison.count(pg, "irm6_events")).isZero();
      }
      execute(
          c,
          "INSERT INTO irm6_events (source_id, label) SELECT id, name FROM irm6_src WHERE id < 3",
          "INSERT INTO irm6_events (source_id, label) VALUES (9, 'values')",
          "INSERT INTO irm6_events (source_id, label) SELECT id, 'again' FROM irm6_src");
      c.commit();
      c.setAutoCommit(true);
      assertNone(seen);
    }
    assertSameRows(db, "irm6_events", "id");
    try (Connection pg = db.openPostgres()) {
      assertThat(TableComparison.count(pg, "irm6_events")).isEqualTo(8);
    }
    assertSequenceAhead(db, "irm6_events");
  }

  private static void tagsTable(Connection c, String table) throws SQLException {
    execute(
        c,
        "DROP TABLE IF EXISTS " + table,
        "CREATE TABLE "
            + table
            + " (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL,"
            + " UNIQUE KEY uq_"
            + table
            + "_name (name))",
        "INSERT INTO " + table + " (name) VALUES ('red')");
  }

  @Test
  void multiRowInsertIgnoreThatSkipsRowsKeepsMysqlKeys(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "ignore", "DUAL_WRITE");
        Statement s = c.createStatement()) {
      tagsTable(c, "irm7_tags");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      // A skipped row in the middle, then as the first row, then two skipped rows
      assertThat(
              s.executeUpdate(
                  "INSERT IGNORE INTO irm7_tags (name) VALUES ('blue'), ('red')," + " ('green')"))
          .isEqualTo(2);
      assertThat(
              s.executeUpdate(
                  "INSERT IGNORE INTO irm7_tags (name) VALUES ('RED'), ('pink')," + " ('teal')"))
          .isEqualTo(2);
      assertThat(
              s.executeUpdate(
                  "INSERT IGNORE INTO irm7_tags (name) VALUES ('gold'), ('blue')," + " ('teal')"))
          .isEqualTo(1);
      s.executeUpdate("INSERT INTO irm7_tags (name) VALUES ('last')");
      assertNone(seen);
      assertThat(drifted(c, "irm7_tags")).isFalse();
    }
    assertSameRows(db, "irm7_tags", "id");
    assertSequenceAhead(db, "irm7_tags");
  }

  @Test
  void preparedInsertIgnoreInATransactionKeepsMysqlKeys(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "ignore-tx", "DUAL_WRITE")) {
      tagsTable(c, "irm8_tags");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("INSERT IGNORE INTO irm8_tags (name) VALUES (?), (?), (?)")) {
        ps.setString(1, "red");
        ps.setString(2, "one");
        ps.setString(3, "two");
        assertThat(ps.executeUpdate()).isEqualTo(2);
        c.rollback();
        ps.setString(1, "three");
        ps.setString(2, "red");
        ps.setString(3, "three");
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      c.commit();
      c.setAutoCommit(true);
      assertNone(seen);
    }
    assertSameRows(db, "irm8_tags", "id");
  }

  @Test
  void batchOfInsertIgnoresThatSkipsRowsKeepsMysqlKeys(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "ignore-batch", "DUAL_WRITE")) {
      tagsTable(c, "irm14_tags");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      try (PreparedStatement ps =
          c.prepareStatement("INSERT IGNORE INTO irm14_tags (name) VALUES (?)")) {
        for (String name : new String[] {"a", "red", "b", "a", "c"}) {
          ps.setString(1, name);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).containsExactly(1, 0, 1, 0, 1);
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT IGNORE INTO irm14_tags (name) VALUES (?), (?)")) {
        ps.setString(1, "d");
        ps.setString(2, "b");
        ps.addBatch();
        ps.setString(1, "c");
        ps.setString(2, "e");
        ps.addBatch();
        assertThat(ps.executeBatch()).containsExactly(1, 1);
      }
      assertNone(seen);
    }
    assertSameRows(db, "irm14_tags", "id");
  }

  @Test
  void batchOfInsertSelectsKeepsMysqlKeys(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "select-batch", "DUAL_WRITE")) {
      scrambledSource(c, "irm15_src");
      eventsTable(c, "irm15_events");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO irm15_events (source_id, label) SELECT id, ? FROM irm15_src"
                  + " WHERE id > ?")) {
        ps.setString(1, "three");
        ps.setInt(2, 2);
        ps.addBatch();
        ps.setString(1, "none");
        ps.setInt(2, 9);
        ps.addBatch();
        ps.setString(1, "all");
        ps.setInt(2, 0);
        ps.addBatch();
        assertThat(ps.executeBatch()).containsExactly(3, 0, 5);
      }
      assertNone(seen);
    }
    assertSameRows(db, "irm15_events", "id");
  }

  @Test
  void pgPrimaryBatchOfInsertIgnoresThatSkipsRowsKeepsPostgresKeys(DatabasePair db)
      throws SQLException {
    try (Connection c = connect(db, "pg-ignore-batch", "PG_PRIMARY")) {
      tagsTable(c, "irm16_tags");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      try (PreparedStatement ps =
          c.prepareStatement("INSERT IGNORE INTO irm16_tags (name) VALUES (?)")) {
        for (String name : new String[] {"a", "red", "b", "a", "c"}) {
          ps.setString(1, name);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).containsExactly(1, 0, 1, 0, 1);
      }
      assertNone(seen);
    }
    assertSameRows(db, "irm16_tags", "id");
  }

  @Test
  void insertIgnoreThatGivesSomeRowsAnIdIsStillRecorded(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "mixed", "DUAL_WRITE");
        Statement s = c.createStatement()) {
      tagsTable(c, "irm9_tags");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      // Mixed: which generated key each row got cannot be proven from a key range
      assertThat(
              s.executeUpdate(
                  "INSERT IGNORE INTO irm9_tags (id, name) VALUES (NULL, 'a'),"
                      + " (NULL, 'red'), (50, 'b')"))
          .isEqualTo(2);
      assertThat(drifted(c, "irm9_tags")).isTrue();
      assertThat(seen)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.MIRROR_FAILED);
                assertThat(d.detail())
                    .contains("keys may differ")
                    .contains("some rows give the AUTO_INCREMENT column a value");
              });
    }
  }

  @Test
  void insertSelectOfMoreRowsThanTheCapIsStillRecorded(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "cap", "DUAL_WRITE")) {
      eventsTable(c, "irm10_events");
      execute(
          c,
          "DROP TABLE IF EXISTS irm10_digits",
          "CREATE TABLE irm10_digits (d INT NOT NULL PRIMARY KEY)",
          "INSERT INTO irm10_digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      // 10^4 + 1 rows: one more than the read-back holds
      execute(
          c,
          "INSERT INTO irm10_events (source_id)"
              + " SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d FROM irm10_digits a, irm10_digits"
              + " b, irm10_digits c, irm10_digits e UNION ALL SELECT -1");
      assertThat(drifted(c, "irm10_events")).isTrue();
      assertThat(seen)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.MIRROR_FAILED);
                assertThat(d.detail()).contains("keys may differ").contains("10001 rows");
              });
    }
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      assertThat(TableComparison.count(mysql, "irm10_events")).isEqualTo(10_001);
      assertThat(TableComparison.count(pg, "irm10_events")).isEqualTo(10_001);
    }
  }

  /**
   * Another transaction's row inside the key range the read-back looks at, made deterministically:
   * the AUTO_INCREMENT column is not unique (legal in MySQL: it needs only be the first column of
   * an index), and while the INSERT IGNORE waits for a lock, after its keys (3..5) were allocated,
   * another connection commits a row with the explicit key 3. The range then holds three rows for
   * two inserted, so the rows are not read back: the statement is mirrored and recorded as before.
   */
  @Test
  void anotherTransactionsRowInTheKeyRangeIsRecordedNotCopied(DatabasePair db) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = connect(db, "foreign", "DUAL_WRITE");
        Statement s = c.createStatement();
        Connection holder = db.openMysql();
        Connection other = db.openMysql()) {
      execute(
          c,
          "DROP TABLE IF EXISTS irm11_tags",
          "CREATE TABLE irm11_tags (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(20) NOT NULL,"
              + " PRIMARY KEY (name), KEY irm11_tags_id (id))",
          "INSERT INTO irm11_tags (name) VALUES ('red')",
          "SET SESSION innodb_lock_wait_timeout = 10");
      execute(other, "SET SESSION innodb_lock_wait_timeout = 10");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      // 'w' inserted (key 2) and not committed: the statement below waits on it
      holder.setAutoCommit(false);
      execute(holder, "INSERT INTO irm11_tags (name) VALUES ('w')");
      Future<Integer> inserted =
          pool.submit(
              () ->
                  s.executeUpdate(
                      "INSERT IGNORE INTO irm11_tags (name) VALUES ('red'), ('w'), ('v')"));
      awaitLockWait(other, inserted);
      // Its name sorts after the names the statement holds locks around
      execute(other, "INSERT INTO irm11_tags (id, name) VALUES (3, 'zz')");
      holder.rollback();
      assertThat(inserted.get(30, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(Workloads.keys(s)).containsExactly(3L, 4L);
      assertThat(drifted(c, "irm11_tags")).isTrue();
      assertThat(seen)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.MIRROR_FAILED);
                assertThat(d.detail())
                    .contains("keys may differ")
                    .contains("more than 2 rows in the statement's key range");
              });
    } finally {
      pool.shutdownNow();
    }
    try (Connection mysql = db.openMysql()) {
      assertThat(TableComparison.rows(mysql, "SELECT id, name FROM irm11_tags ORDER BY id, name"))
          .extracting(r -> r.get(1))
          .containsExactly("red", "w", "zz", "v");
    }
  }

  /**
   * Under innodb_autoinc_lock_mode 2 (MySQL 8's default) the driver runs an INSERT ... SELECT as
   * its SELECT and one multi-row INSERT ... VALUES, whose keys are one block ([3, 4] here); the
   * block is read back and used only when exactly the inserted number is found in it. Made
   * deterministically as above: the statement waits for a lock after its first row got key 3, and
   * another connection commits a row with the explicit (non-unique) key 3 meanwhile. The read then
   * finds three rows for two inserted: the other connection's row is not copied, the statement is
   * mirrored and recorded as before. (Lock modes 0 and 1 hold the table's AUTO-INC lock for the
   * whole statement, so the other insert would wait for it: MySQL's default mode only.)
   */
  @Test
  void anotherTransactionsRowAmongInterleavedKeysIsRecordedNotCopied(DatabasePair db)
      throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = connect(db, "interleaved", "DUAL_WRITE");
        Statement s = c.createStatement();
        Connection holder = db.openMysql();
        Connection other = db.openMysql()) {
      Assumptions.assumeTrue(
          Workloads.longValue(other, "SELECT @@innodb_autoinc_lock_mode") == 2,
          "innodb_autoinc_lock_mode 2");
      execute(
          c,
          "DROP TABLE IF EXISTS irm19_src",
          "CREATE TABLE irm19_src (name VARCHAR(20) NOT NULL PRIMARY KEY)",
          "INSERT INTO irm19_src VALUES ('a'), ('w')",
          "DROP TABLE IF EXISTS irm19_tags",
          "CREATE TABLE irm19_tags (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(20) NOT NULL,"
              + " PRIMARY KEY (name), KEY irm19_tags_id (id))",
          "INSERT INTO irm19_tags (name) VALUES ('red')",
          "SET SESSION innodb_lock_wait_timeout = 10");
      execute(other, "SET SESSION innodb_lock_wait_timeout = 10");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      // 'w' inserted (key 2) and not committed: the statement waits on it at its second row
      holder.setAutoCommit(false);
      execute(holder, "INSERT INTO irm19_tags (name) VALUES ('w')");
      Future<Integer> inserted =
          pool.submit(
              () ->
                  s.executeUpdate(
                      "INSERT INTO irm19_tags (name) SELECT name FROM irm19_src ORDER BY name"));
      // the driver runs it as its SELECT and one multi-row INSERT ... VALUES (one block of keys)
      awaitLockWait(other, inserted, "INSERT INTO irm19_tags (name) %");
      execute(other, "INSERT INTO irm19_tags (id, name) VALUES (3, 'zz')");
      holder.rollback();
      assertThat(inserted.get(30, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(drifted(c, "irm19_tags")).isTrue();
      assertThat(seen)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.MIRROR_FAILED);
                assertThat(d.detail())
                    .contains("keys may differ")
                    .contains("more than 2 rows in the statement's key range");
              });
    } finally {
      pool.shutdownNow();
    }
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      assertThat(TableComparison.rows(mysql, "SELECT id, name FROM irm19_tags ORDER BY id, name"))
          .extracting(r -> r.get(1))
          .containsExactly("red", "a", "zz", "w");
      // the other connection's row went to MySQL only
      assertThat(TableComparison.rows(pg, "SELECT name FROM irm19_tags WHERE name = 'zz'"))
          .isEmpty();
    }
  }

  private static void awaitLockWait(Connection mysql, Future<?> waiter) throws Exception {
    awaitLockWait(mysql, waiter, "INSERT IGNORE INTO irm11_tags%");
  }

  /**
   * Waits until the statement runs on MySQL, then a little longer: it cannot finish before the
   * holder of the lock it waits for ends its transaction, and by then it has long been allocated
   * its keys (at its first row). (INNODB_TRX, which would show the lock wait itself, needs the
   * PROCESS privilege.)
   */
  private static void awaitLockWait(Connection mysql, Future<?> waiter, String like)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Workloads.longValue(
            mysql,
            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '" + like + "'")
        == 0) {
      if (waiter.isDone()) {
        waiter.get(); // its failure
      }
      assertThat(System.nanoTime()).as("the statement running within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    Thread.sleep(500);
    assertThat(waiter.isDone()).as("the statement waits for the lock").isFalse();
  }

  /**
   * MySQL's table names are case-sensitive where lower_case_table_names is 0 (as on the embedded
   * MariaDB); the catalog's are lower-case.
   */
  @ParameterizedTest
  @ValueSource(strings = {"DUAL_WRITE", "PG_PRIMARY"})
  void aTableNamedInMixedCaseIsReadBack(String phase, DatabasePair db) throws SQLException {
    String table = "Irm18_Events_" + phase.charAt(0);
    try (Connection c = connect(db, "case-" + phase, phase)) {
      scrambledSource(c, "irm18_src_" + phase.charAt(0));
      execute(
          c,
          "DROP TABLE IF EXISTS " + table,
          "CREATE TABLE "
              + table
              + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, label VARCHAR(20) NOT NULL)");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      execute(c, "INSERT INTO " + table + " (label) SELECT name FROM irm18_src_" + phase.charAt(0));
      assertNone(seen);
    }
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      String sql = "SELECT id, label FROM " + table + " ORDER BY id";
      assertThat(TableComparison.rows(pg, sql.toLowerCase(java.util.Locale.ROOT)))
          .hasSize(5)
          .isEqualTo(TableComparison.rows(mysql, sql));
    }
  }

  @Test
  void pgPrimaryInsertSelectWithoutOrderByKeepsPostgresKeysOnMysql(DatabasePair db)
      throws SQLException {
    try (Connection c = connect(db, "pg-select", "PG_PRIMARY")) {
      scrambledSource(c, "irm12_src");
      eventsTable(c, "irm12_events");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      long first;
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO irm12_events (source_id, label) SELECT id, name FROM irm12_src",
            Statement.RETURN_GENERATED_KEYS);
        List<Long> keys = Workloads.keys(s);
        assertThat(keys).hasSize(5);
        first = keys.get(0);
      }
      // LAST_INSERT_ID() is MySQL's session value: PostgreSQL's first key, as for other inserts
      assertThat(Workloads.longValue(c, "SELECT LAST_INSERT_ID()")).isEqualTo(first);
      execute(c, "INSERT INTO irm12_events (source_id, label) VALUES (0, 'after')");
      assertNone(seen);
    }
    assertSameRows(db, "irm12_events", "id");
  }

  /**
   * PostgreSQL's keys for one multi-row insert are not consecutive when other sessions take
   * sequence values meanwhile; an identity that steps by 3 gives such keys deterministically.
   */
  @Test
  void pgPrimaryMultiRowInsertWithSpreadKeysKeepsPostgresKeys(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "pg-spread", "PG_PRIMARY")) {
      eventsTable(c, "irm19_events");
      try (Connection pg = db.openPostgres()) {
        execute(pg, "ALTER TABLE irm19_events ALTER COLUMN id SET INCREMENT BY 3");
      }
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      long first;
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO irm19_events (source_id, label) VALUES (1, 'a'), (2, NULL), (3, 'c')",
            Statement.RETURN_GENERATED_KEYS);
        List<Long> keys = Workloads.keys(s);
        assertThat(keys).containsExactly(1L, 4L, 7L);
        first = keys.get(0);
      }
      assertThat(Workloads.longValue(c, "SELECT LAST_INSERT_ID()")).isEqualTo(first);
      assertNone(seen);
    }
    assertSameRows(db, "irm19_events", "id");
  }

  @Test
  void pgPrimaryMultiRowInsertIgnoreThatSkipsRowsKeepsPostgresKeys(DatabasePair db)
      throws SQLException {
    try (Connection c = connect(db, "pg-ignore", "PG_PRIMARY");
        Statement s = c.createStatement()) {
      tagsTable(c, "irm13_tags");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      assertThat(
              s.executeUpdate(
                  "INSERT IGNORE INTO irm13_tags (name) VALUES ('red'), ('blue')," + " ('green')"))
          .isEqualTo(2);
      assertThat(
              s.executeUpdate(
                  "INSERT IGNORE INTO irm13_tags (name) SELECT CONCAT(name, '2')"
                      + " FROM irm13_tags UNION ALL SELECT 'red'"))
          .isEqualTo(3);
      s.executeUpdate("INSERT INTO irm13_tags (name) VALUES ('last')");
      assertNone(seen);
    }
    assertSameRows(db, "irm13_tags", "id");
  }

  /**
   * A multi-row upsert that updates one row and inserts another (outside workload 7's nightly
   * rates): PostgreSQL's sequence gave the inserted row another key (1004 against MySQL's 3, and a
   * recorded difference); its rows are read back on MySQL and rekeyed on PostgreSQL. One that only
   * updates generates no key and records nothing.
   */
  @ParameterizedTest
  @ValueSource(strings = {"VALUES(rate)", "n.rate"})
  void multiRowUpsertThatUpdatesAndInsertsKeepsMysqlKeysOnPostgres(String value, DatabasePair db)
      throws SQLException {
    boolean alias = value.startsWith("n.");
    Assumptions.assumeTrue(!alias || !TestServers.get().isMariaDb(), "MariaDB has no row alias");
    String table = alias ? "irm30_nights_alias" : "irm30_nights";
    try (Connection c = connect(db, "upsert-mixed-" + alias, "DUAL_WRITE")) {
      execute(
          c,
          "DROP TABLE IF EXISTS " + table,
          "CREATE TABLE "
              + table
              + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, booking INT NOT NULL, night DATE"
              + " NOT NULL, rate DECIMAL(8,2) NOT NULL, UNIQUE KEY uq (booking, night))",
          "INSERT INTO "
              + table
              + " (booking, night, rate) VALUES (1, '2024-02-28', 100), (1, '2024-02-29', 100)");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      String rows = "(1, '2024-02-29', 90), (2, '2024-03-01', 80), (2, '2024-03-02', 80)";
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + table
                  + " (booking, night, rate) VALUES (?, ?, ?), (?, ?, ?)"
                  + (alias ? " AS n" : "")
                  + " ON DUPLICATE KEY UPDATE rate = "
                  + value)) {
        Object[] binds = {1, "2024-02-28", 95, 3, "2024-03-03", 70};
        for (int i = 0; i < binds.length; i++) {
          ps.setObject(i + 1, binds[i]);
        }
        assertThat(ps.executeUpdate()).isEqualTo(3); // one updated (2), one inserted (1)
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO "
                + table
                + " (booking, night, rate) VALUES "
                + rows
                + (alias ? " AS n" : "")
                + " ON DUPLICATE KEY UPDATE rate = "
                + value);
        // only updates: no key generated, nothing to rekey
        s.executeUpdate(
            "INSERT INTO "
                + table
                + " (booking, night, rate) VALUES (1, '2024-02-28', 1), (3, '2024-03-03', 2)"
                + (alias ? " AS n" : "")
                + " ON DUPLICATE KEY UPDATE rate = "
                + value);
      }
      execute(c, "INSERT INTO " + table + " (booking, night, rate) VALUES (9, '2024-03-09', 9)");
      assertNone(seen);
    }
    assertSameRows(db, table, "id");
    assertSequenceAhead(db, table);
  }

  /**
   * REPLACE into a table with two unique keys (outside workloads 6 and 7 had it refused): MySQL
   * deletes every row conflicting on either key, then inserts; PostgreSQL runs the same deletion
   * before the insert. Without an id the new row gets MySQL's generated key on both sides.
   */
  @Test
  void replaceIntoATableWithTwoUniqueKeysChangesTheSameRows(DatabasePair db) throws SQLException {
    try (Connection c = connect(db, "replace-two-keys", "DUAL_WRITE")) {
      execute(
          c,
          "DROP TABLE IF EXISTS irm31_codes",
          "CREATE TABLE irm31_codes (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, code VARCHAR(10)"
              + " NOT NULL, label VARCHAR(20) NULL, UNIQUE KEY uq_code (code))",
          "INSERT INTO irm31_codes (code, label) VALUES ('a', 'one'), ('b', 'two'), ('c', 'three')");
      List<Discrepancy> seen = Workloads.recordDiscrepancies(c);
      try (PreparedStatement ps =
          c.prepareStatement("REPLACE INTO irm31_codes (id, code, label) VALUES (?, ?, ?)")) {
        ps.setInt(1, 1);
        ps.setString(2, "B");
        ps.setString(3, "replaced");
        assertThat(ps.executeUpdate()).isEqualTo(3); // rows 1 and 2 deleted, one inserted
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("REPLACE INTO irm31_codes (code, label) VALUES ('C', 'new')");
        s.executeUpdate("REPLACE INTO irm31_codes (code) VALUES ('d')");
      }
      execute(c, "INSERT INTO irm31_codes (code) VALUES ('e')");
      assertNone(seen);
    }
    assertSameRows(db, "irm31_codes", "id");
    assertSequenceAhead(db, "irm31_codes");
  }
}
