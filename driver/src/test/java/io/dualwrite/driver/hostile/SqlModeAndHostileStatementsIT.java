package io.dualwrite.driver.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, items 1 to 3 and the lexer part of 7, each case as the issue writes it: the session's
 * sql_mode from every source, long and large statements, several statements in one string. Every
 * case ends with both databases equal, or the statement refused and recorded; never different and
 * silent.
 */
@ExtendWith(TestDatabases.class)
class SqlModeAndHostileStatementsIT {

  /** A fresh table {@code name} (id, v, n) with rows 1..5 on both sides, through the driver. */
  private static void table(DatabasePair db, String name) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + name);
      s.execute("CREATE TABLE " + name + " (id INT PRIMARY KEY, v VARCHAR(200), n INT NOT NULL)");
      for (int i = 1; i <= 5; i++) {
        s.executeUpdate("INSERT INTO " + name + " VALUES (" + i + ", 'v" + i + "', " + i + ")");
      }
    }
  }

  private static List<Discrepancy> watch(Connection c) throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
    return seen;
  }

  private static List<List<Object>> rows(Connection c, String table) throws SQLException {
    return TableComparison.rows(c, "SELECT id, v, n FROM " + table + " ORDER BY id");
  }

  private static List<List<Object>> mysqlRows(DatabasePair db, String table) throws SQLException {
    try (Connection c = db.openMysql()) {
      return rows(c, table);
    }
  }

  private static List<List<Object>> postgresRows(DatabasePair db, String table)
      throws SQLException {
    try (Connection c = db.openPostgres()) {
      return rows(c, table);
    }
  }

  /** Both sides hold the same rows, and nothing was recorded. */
  private static void assertEqualAndSilent(DatabasePair db, String table, List<Discrepancy> seen)
      throws SQLException {
    assertThat(postgresRows(db, table)).isEqualTo(mysqlRows(db, table));
    assertThat(seen).isEmpty();
  }

  // ------------------------------------------------------------------ item 1: sql_mode

  @Test
  void noBackslashEscapesSetByLiteralChangesTheSameRowOnBothSides(DatabasePair db)
      throws SQLException {
    table(db, "nbe_literal");
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      s.execute("SET sql_mode = 'NO_BACKSLASH_ESCAPES'");
      assertThat(s.executeUpdate("UPDATE nbe_literal SET v = 'p\\' WHERE id = 3 -- ' WHERE id = 4"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate(
                  "DELETE FROM nbe_literal WHERE v = 'q\\' AND n = ' OR n <> 12345 -- '"))
          .isZero();
      s.executeUpdate("INSERT INTO nbe_literal VALUES (6, 'back\\slash\\n', 6)");
      s.executeUpdate("UPDATE nbe_literal SET v = 'it''s \\%' WHERE v LIKE 'v\\%' OR id = 2");
      assertEqualAndSilent(db, "nbe_literal", seen);
    }
    assertThat(mysqlRows(db, "nbe_literal").get(2).get(1)).isEqualTo("p\\");
    assertThat(mysqlRows(db, "nbe_literal")).hasSize(6);
    assertThat(mysqlRows(db, "nbe_literal").get(5).get(1)).isEqualTo("back\\slash\\n");
  }

  @Test
  void ansiQuotesReadDoubleQuotesAsIdentifiersOnBothSides(DatabasePair db) throws SQLException {
    table(db, "ansi_quotes");
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      s.execute("SET SESSION sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES'");
      s.executeUpdate("UPDATE \"ansi_quotes\" SET \"v\" = \"n\" WHERE \"id\" = 2");
      s.executeUpdate("UPDATE ansi_quotes SET v = 'quoted \"x\"' WHERE id = 3");
      assertEqualAndSilent(db, "ansi_quotes", seen);
    }
    assertThat(mysqlRows(db, "ansi_quotes").get(1).get(1)).isEqualTo("2");
  }

  @Test
  void pipesAsConcatConcatenatesOnBothSides(DatabasePair db) throws SQLException {
    table(db, "pipes");
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      s.execute("SET sql_mode = 'PIPES_AS_CONCAT'");
      s.executeUpdate("UPDATE pipes SET v = v || '-' || n WHERE id = 1");
      // id = CONCAT(1, 0): id = '10', no row on either side
      assertThat(s.executeUpdate("UPDATE pipes SET v = 'ten' WHERE id = 1 || 0")).isZero();
      s.executeUpdate("UPDATE pipes SET v = UPPER(v) || (n * 2) || 'x' WHERE id = 3");
      assertEqualAndSilent(db, "pipes", seen);
      // n + '10' is a number on MySQL, a type error on PostgreSQL: recorded, never silent
      s.executeUpdate("UPDATE pipes SET n = n + 1 || 0 WHERE id = 2");
      if (!postgresRows(db, "pipes").equals(mysqlRows(db, "pipes"))) {
        assertThat(seen).isNotEmpty();
      }
    }
    assertThat(mysqlRows(db, "pipes").get(0).get(1)).isEqualTo("v1-1");
    assertThat(mysqlRows(db, "pipes").get(2).get(1)).isEqualTo("V36x");
  }

  @Test
  void modeSetThroughAVariableIsReadBackFromMysql(DatabasePair db) throws SQLException {
    table(db, "nbe_variable");
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      s.execute("SET @m := 'NO_BACKSLASH_ESCAPES'");
      s.execute("SET sql_mode = @m");
      s.executeUpdate("UPDATE nbe_variable SET v = 'p\\' WHERE id = 3 -- ' WHERE id = 4");
      s.execute("SET sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
      s.executeUpdate("UPDATE nbe_variable SET v = \"n\" WHERE id = 5");
      assertEqualAndSilent(db, "nbe_variable", seen);
    }
    assertThat(mysqlRows(db, "nbe_variable").get(2).get(1)).isEqualTo("p\\");
    assertThat(mysqlRows(db, "nbe_variable").get(4).get(1)).isEqualTo("5");
  }

  @Test
  void modeFromTheUrlSessionVariablesIsFollowed(DatabasePair db) throws SQLException {
    table(db, "nbe_url");
    try (Connection c =
            DualWriteTestUrls.connect(db, "sessionVariables", "sql_mode='NO_BACKSLASH_ESCAPES'");
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      s.executeUpdate("UPDATE nbe_url SET v = 'p\\' WHERE id = 3 -- ' WHERE id = 4");
      assertEqualAndSilent(db, "nbe_url", seen);
    }
    assertThat(mysqlRows(db, "nbe_url").get(2).get(1)).isEqualTo("p\\");
  }

  @Test
  void serversGlobalModeIsReadAtConnect(DatabasePair db) throws SQLException {
    table(db, "nbe_global");
    String global;
    try (Connection m = db.openMysql();
        Statement ms = m.createStatement();
        ResultSet rs = ms.executeQuery("SELECT @@GLOBAL.sql_mode")) {
      rs.next();
      global = rs.getString(1);
    }
    try (Connection m = db.openMysql();
        Statement ms = m.createStatement()) {
      ms.execute("SET GLOBAL sql_mode = 'NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES'");
      try (Connection c = DualWriteTestUrls.connect(db);
          Statement s = c.createStatement()) {
        List<Discrepancy> seen = watch(c);
        s.executeUpdate("UPDATE nbe_global SET v = 'p\\' WHERE id = 3 -- ' WHERE id = 4");
        assertEqualAndSilent(db, "nbe_global", seen);
      } finally {
        ms.execute("SET GLOBAL sql_mode = '" + global + "'");
      }
    }
    assertThat(mysqlRows(db, "nbe_global").get(2).get(1)).isEqualTo("p\\");
  }

  @Test
  void unsupportedModeRunsWritesOnMysqlOnlyAndRecordsThem(DatabasePair db) throws SQLException {
    table(db, "high_not");
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      s.execute("SET sql_mode = 'HIGH_NOT_PRECEDENCE'");
      assertThat(s.executeUpdate("UPDATE high_not SET n = NOT 1 BETWEEN -5 AND 5 WHERE id = 1"))
          .isEqualTo(1);
      assertThat(seen)
          .anySatisfy(
              d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNTRANSLATABLE);
                assertThat(d.detail()).contains("HIGH_NOT_PRECEDENCE");
              });
      s.execute("SET sql_mode = DEFAULT");
      seen.clear();
      s.executeUpdate("UPDATE high_not SET v = 'back to normal' WHERE id = 2");
      assertThat(seen).isEmpty();
    }
  }

  // ------------------------------------------------------------------ item 7: lexer

  @Test
  void backslashBeforeADoubledQuoteIsOneLiteralRegressionIssue14(DatabasePair db)
      throws SQLException {
    table(db, "backslash_quote");
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      s.executeUpdate("UPDATE backslash_quote SET v = 'a\\\\'' b' WHERE id = 1");
      s.executeUpdate(
          "UPDATE backslash_quote SET v = CONCAT(FLOOR(RAND() * 0), 'c\\\\''') WHERE id = 2");
      assertEqualAndSilent(db, "backslash_quote", seen);
    }
    assertThat(mysqlRows(db, "backslash_quote").get(0).get(1)).isEqualTo("a\\' b");
    assertThat(mysqlRows(db, "backslash_quote").get(1).get(1)).isEqualTo("0c\\'");
  }

  // ------------------------------------------------------------------ item 2: size and time

  @Test
  void longInListsAreAnsweredWithinTheBound(DatabasePair db) throws SQLException {
    table(db, "long_in");
    StringBuilder in = new StringBuilder("(");
    for (int i = 0; i < 100_000; i++) {
      in.append(i == 0 ? "" : ", ").append(i + 3);
    }
    in.append(')');
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      long start = System.nanoTime();
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM long_in WHERE id IN " + in)) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(3);
      }
      assertThat(s.executeUpdate("UPDATE long_in SET n = n + 10 WHERE id IN " + in)).isEqualTo(3);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("two statements with 100,000-value IN lists").isLessThan(15_000);
      if (!postgresRows(db, "long_in").equals(mysqlRows(db, "long_in"))) {
        assertThat(seen).isNotEmpty();
      }
    }
  }

  @Test
  void aMillionCharacterSelectReturnsWhatConnectorJReturns(DatabasePair db) throws SQLException {
    table(db, "long_select");
    StringBuilder sql = new StringBuilder("SELECT id FROM long_select WHERE v <> '");
    while (sql.length() < 1_000_000) {
      sql.append("abcdefghij");
    }
    sql.append("' ORDER BY id");
    List<Integer> direct = new ArrayList<>();
    try (Connection m = db.openMysql();
        Statement ms = m.createStatement();
        ResultSet rs = ms.executeQuery(sql.toString())) {
      while (rs.next()) {
        direct.add(rs.getInt(1));
      }
    }
    List<Integer> wrapped = new ArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql.toString())) {
      while (rs.next()) {
        wrapped.add(rs.getInt(1));
      }
    }
    assertThat(wrapped).isEqualTo(direct).hasSize(5);
  }

  @Test
  void aTenMegabyteInsertIsRefusedQuicklyAndRecorded(DatabasePair db) throws SQLException {
    table(db, "big_insert");
    StringBuilder sql = new StringBuilder("INSERT INTO big_insert (id, v, n) VALUES ");
    int id = 100;
    String value = "x".repeat(150);
    while (sql.length() < 10_000_000) {
      sql.append(id == 100 ? "" : ", ")
          .append('(')
          .append(id)
          .append(", '")
          .append(value)
          .append("', ")
          .append(id++)
          .append(')');
    }
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      long start = System.nanoTime();
      int inserted = s.executeUpdate(sql.toString());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(inserted).isEqualTo(id - 100);
      assertThat(millis).isLessThan(30_000);
      if (!postgresRows(db, "big_insert").equals(mysqlRows(db, "big_insert"))) {
        assertThat(seen).isNotEmpty();
        assertThat(seen).allSatisfy(d -> assertThat(d.detail().length()).isLessThan(2_000));
      }
    }
  }

  // ------------------------------------------------------------------ item 3: multi-statements

  @Test
  void severalStatementsInOneStringAreNeverHalfMirrored(DatabasePair db) throws SQLException {
    table(db, "multi");
    table(db, "multi_direct");
    String statements =
        "INSERT INTO %s VALUES (10, 'ten', 10); UPDATE %s SET v = 'changed' WHERE id <= 2;"
            + " DELETE FROM %s WHERE id = 5";
    List<Object> direct = new ArrayList<>();
    java.util.Properties multi = db.mysql().properties();
    multi.setProperty("allowMultiQueries", "true");
    try (Connection m = java.sql.DriverManager.getConnection(db.mysql().jdbcUrl(), multi);
        Statement ms = m.createStatement()) {
      direct.addAll(
          results(ms, statements.formatted("multi_direct", "multi_direct", "multi_direct")));
    }
    List<Object> wrapped;
    try (Connection c = DualWriteTestUrls.connect(db, "allowMultiQueries", "true");
        Statement s = c.createStatement()) {
      List<Discrepancy> seen = watch(c);
      wrapped = results(s, statements.formatted("multi", "multi", "multi"));
      assertThat(wrapped).isEqualTo(direct);
      boolean equal = postgresRows(db, "multi").equals(mysqlRows(db, "multi"));
      if (!equal) {
        assertThat(seen)
            .anySatisfy(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNTRANSLATABLE));
      }
    }
    assertThat(mysqlRows(db, "multi")).isEqualTo(mysqlRows(db, "multi_direct"));
  }

  /** execute(), then every update count and result as getMoreResults() moves through them. */
  private static List<Object> results(Statement s, String sql) throws SQLException {
    List<Object> out = new ArrayList<>();
    boolean isResult = s.execute(sql);
    for (int guard = 0; guard < 20; guard++) {
      out.add(isResult);
      int count = s.getUpdateCount();
      out.add(count);
      if (!isResult && count == -1) {
        break;
      }
      isResult = s.getMoreResults();
    }
    return out;
  }
}
