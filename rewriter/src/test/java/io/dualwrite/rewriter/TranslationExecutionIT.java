package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where meaning is subtle, the proof: each MySQL statement runs on MariaDB as written and its
 * translation on PostgreSQL, over tables the rewriter itself created from the MySQL DDL, and the
 * results must be equal.
 */
@ExtendWith(TestDatabases.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationExecutionIT {

  private static final String[] DDL = {
    "CREATE TABLE person (id INT UNSIGNED NOT NULL AUTO_INCREMENT, email VARCHAR(100) NOT NULL,"
        + " name VARCHAR(50), age INT, score DECIMAL(6,2), born DATE, seen DATETIME,"
        + " tags VARCHAR(100), doc JSON, PRIMARY KEY (id), UNIQUE KEY uk_email (email))"
        + " DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_general_ci",
    "CREATE TABLE counter (name VARCHAR(20) NOT NULL PRIMARY KEY, hits INT NOT NULL DEFAULT 0,"
        + " note VARCHAR(20) DEFAULT 'none')",
    "CREATE TABLE visit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, person_id INT UNSIGNED,"
        + " at DATETIME NOT NULL, KEY k_person (person_id))",
  };

  private Connection mysql;
  private Connection postgres;
  private Rewriter rewriter;
  private InformationSchemaCatalog catalog;

  @BeforeAll
  void createTables(DatabasePair db) throws SQLException {
    mysql = db.openMysql();
    postgres = db.openPostgres();
    Rewriter plain = Rewriter.builder().build();
    for (String ddl : DDL) {
      execute(mysql, ddl);
      Translation t = plain.translate(ddl);
      assertThat(t.isRefused()).as("%s", t).isFalse();
      for (String pg : t.postgresSql().split(";\n")) {
        execute(postgres, pg);
      }
    }
    catalog = InformationSchemaCatalog.load(mysql, db.name());
    rewriter = Rewriter.builder().catalog(catalog).build();
    both(
        "INSERT INTO person (email, name, age, score, born, seen, tags, doc) VALUES"
            + " ('bob@x.com', \"Bob\", 30, 2.50, '2024-01-31', '2024-03-10 08:05:09', 'a,b,c',"
            + " '{\"k\": \"v\", \"n\": [1, 2]}'),"
            + " ('amy@x.com', 'Amy', NULL, NULL, '2023-12-01', '2024-03-10 23:59:59', 'c', NULL),"
            + " ('cid@x.com', 'O\\'Neil', 25, 7.25, NULL, NULL, NULL, NULL)");
    both(
        "INSERT INTO visit (person_id, at) VALUES (1, '2024-01-01 10:00:00'), (1, '2024-01-02 10:00:00'), (2, '2024-01-03 10:00:00')");
  }

  @AfterAll
  void close() throws SQLException {
    mysql.close();
    postgres.close();
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Runs a write on both sides (MySQL as written, PostgreSQL translated); returns the counts. */
  private int[] both(String mysqlSql, Object... params) throws SQLException {
    Translation t = rewriter.translate(mysqlSql);
    assertThat(t.isRefused()).as("%s", t).isFalse();
    int my;
    try (PreparedStatement ps = mysql.prepareStatement(mysqlSql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      my = ps.executeUpdate();
    }
    int pg;
    try (PreparedStatement ps = postgres.prepareStatement(t.postgresSql())) {
      int[] map = t.parameterMap();
      for (int i = 0; i < map.length; i++) {
        ps.setObject(i + 1, params[map[i]]);
      }
      pg = ps.executeUpdate();
    }
    return new int[] {my, pg};
  }

  private static List<String> rows(Connection c, String sql, int[] map, Object... params)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < (map == null ? params.length : map.length); i++) {
        ps.setObject(i + 1, params[map == null ? i : map[i]]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            row.append(i > 1 ? "|" : "").append(rs.getString(i));
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }

  /** Runs a query on both sides and asserts equal rows; returns them. */
  private List<String> same(String mysqlSql, Object... params) throws SQLException {
    Translation t = rewriter.translate(mysqlSql);
    assertThat(t.isRefused()).as("%s", t).isFalse();
    List<String> my = rows(mysql, mysqlSql, null, params);
    List<String> pg = rows(postgres, t.postgresSql(), t.parameterMap(), params);
    assertThat(pg).as("PostgreSQL: %s", t.postgresSql()).isEqualTo(my);
    return my;
  }

  @Test
  void sleepPausesOncePerRowAndGivesBigintZeroOnBothSides() throws SQLException {
    // regression: SLEEP() had no translation (BenchBase resourcestresser's "SELECT SLEEP(?)")
    String sql = "SELECT id, SLEEP(0.1) FROM person ORDER BY id";
    Translation t = rewriter.translate(sql);
    assertThat(t.isRefused()).as("%s", t).isFalse();
    for (Connection c : List.of(mysql, postgres)) {
      long start = System.nanoTime();
      assertThat(rows(c, c == mysql ? sql : t.postgresSql(), null))
          .containsExactly("1|0", "2|0", "3|0");
      // three rows, 0.1 s each: a sleep evaluated once per statement would take 0.1 s
      assertThat(System.nanoTime() - start).as("%s", c).isGreaterThanOrEqualTo(300_000_000L);
    }
    try (PreparedStatement ps = postgres.prepareStatement(t.postgresSql());
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(java.sql.Types.BIGINT);
    }
    // BenchBase binds the seconds with setInt; NULL and negative return 0 at once on PostgreSQL
    assertThat(same("SELECT SLEEP(?)", 0)).containsExactly("0");
    assertThat(
            rows(postgres, rewriter.translate("SELECT SLEEP(NULL), SLEEP(-1)").postgresSql(), null))
        .containsExactly("0|0");
  }

  @Test
  void concatIsNullWhenAnArgumentIsNull() throws SQLException {
    assertThat(
            same(
                "SELECT CONCAT(name, '/', age), CONCAT_WS('/', name, age) FROM person ORDER BY id"))
        .containsExactly("Bob/30|Bob/30", "null|Amy", "O'Neil/25|O'Neil/25");
  }

  @Test
  void greatestAndLeastPropagateNull() throws SQLException {
    assertThat(same("SELECT GREATEST(age, 26), LEAST(age, 26) FROM person ORDER BY id"))
        .containsExactly("30|26", "null|null", "26|25");
  }

  @Test
  void divisionIsDecimalAndNullOnZero() throws SQLException {
    assertThat(
            same(
                "SELECT 7 / 2, 1 / 3, 5 / 0, 7 DIV 2, -7 DIV 2, 7 % 0, MOD(7, 3), score / 4 FROM person WHERE id = 1"))
        .containsExactly("3.5000|0.3333|null|3|-3|null|1|0.625000");
  }

  @Test
  void averagesKeepMysqlScale() throws SQLException {
    assertThat(same("SELECT AVG(age), AVG(score), SUM(score), COUNT(age) FROM person"))
        .containsExactly("27.5000|4.875000|9.75|2");
  }

  @Test
  void nullsSortFirstAscendingAndLastDescending() throws SQLException {
    assertThat(same("SELECT id FROM person ORDER BY age, id")).containsExactly("2", "3", "1");
    assertThat(same("SELECT id FROM person ORDER BY age DESC, id")).containsExactly("1", "3", "2");
  }

  @Test
  void caseInsensitiveColumnsCompareCaseInsensitively() throws SQLException {
    assertThat(same("SELECT id FROM person WHERE email = ?", "BOB@X.COM")).containsExactly("1");
    assertThat(same("SELECT id FROM person WHERE name LIKE 'o''n%'")).containsExactly("3");
    assertThat(same("SELECT id FROM person WHERE name IN ('AMY', 'bob') ORDER BY id"))
        .containsExactly("1", "2");
  }

  @Test
  void uniqueKeysOnCaseInsensitiveColumnsIgnoreCase() throws SQLException {
    int[] ignored = both("INSERT IGNORE INTO person (email, name) VALUES ('BOB@X.COM', 'dup')");
    assertThat(ignored[0]).isZero();
    assertThat(ignored[1]).isZero();
    both(
        "INSERT INTO person (email, name) VALUES ('AMY@X.COM', 'x') ON DUPLICATE KEY UPDATE"
            + " name = 'Amy2'");
    try {
      assertThat(same("SELECT email, name FROM person ORDER BY id"))
          .containsExactly("bob@x.com|Bob", "amy@x.com|Amy2", "cid@x.com|O'Neil");
    } finally {
      both("UPDATE person SET name = 'Amy' WHERE id = 2");
    }
  }

  @Test
  void caseInsensitiveColumnsSortCaseInsensitively() throws SQLException {
    assertThat(same("SELECT email FROM person ORDER BY UPPER(LEFT(name, 1)) = 'A', email DESC"))
        .containsExactly("cid@x.com", "bob@x.com", "amy@x.com");
    both("INSERT INTO counter (name, hits) VALUES ('zeta', 1), ('Alpha', 1), ('beta', 1)");
    try {
      assertThat(
              same(
                  "SELECT name FROM counter WHERE hits = 1 AND name IN ('zeta', 'alpha', 'BETA') ORDER BY name"))
          .containsExactly("Alpha", "beta", "zeta");
    } finally {
      both("DELETE FROM counter WHERE name IN ('zeta', 'alpha', 'beta')");
    }
  }

  @Test
  void laterAssignmentsSeeEarlierNewValues() throws SQLException {
    both("UPDATE person SET age = age + 1, score = age * 2 WHERE id = ?", 3);
    try {
      assertThat(same("SELECT age, score FROM person WHERE id = 3")).containsExactly("26|52.00");
    } finally {
      both("UPDATE person SET age = 25, score = 7.25 WHERE id = 3");
    }
  }

  @Test
  void limitWithOffsetAndParameters() throws SQLException {
    assertThat(same("SELECT id FROM person ORDER BY id LIMIT ?, ?", 1, 1)).containsExactly("2");
  }

  @Test
  void stringFunctions() throws SQLException {
    assertThat(
            same(
                "SELECT SUBSTRING_INDEX(tags, ',', 2), SUBSTRING_INDEX(tags, ',', -1),"
                    + " FIND_IN_SET('b', tags), FIELD(name, 'Amy', 'Bob'), LOCATE('o', name),"
                    + " LOCATE('b', name, 2), INSTR(email, '@'), LPAD(age, 4, '0'),"
                    + " LENGTH('héllo'), CHAR_LENGTH('héllo'), IFNULL(age, -1),"
                    + " IF(age > 26, 'old', 'young'), SUBSTRING(email FROM 2 FOR 3),"
                    + " SUBSTR(name, 2), POSITION('x' IN email) FROM person ORDER BY id"))
        .containsExactly(
            "a,b|c|2|2|2|3|4|0030|6|5|30|old|ob@|ob|5",
            "c|c|0|1|0|0|4|null|6|5|-1|young|my@|my|5",
            "null|null|null|0|1|0|4|0025|6|5|25|young|id@|'Neil|5");
  }

  @Test
  void stringLiteralsWithEscapesRoundTrip() throws SQLException {
    assertThat(same("SELECT \"it's\", 'a\\\\b', 'tab\\tend', 'q\"q', 'x' 'y'"))
        .containsExactly("it's|a\\b|tab\tend|q\"q|xy");
  }

  @Test
  void pipesAreOr() throws SQLException {
    assertThat(same("SELECT id FROM person WHERE age = 30 || age IS NULL ORDER BY id"))
        .containsExactly("1", "2");
  }

  @Test
  void dateFunctions() throws SQLException {
    assertThat(
            same(
                "SELECT DATE_FORMAT(seen, '%Y-%m-%d %H:%i:%s %W %M %e %D %j %p %y'),"
                    + " DATE_ADD(born, INTERVAL 1 MONTH), DATE_SUB(seen, INTERVAL 90 MINUTE),"
                    + " DATEDIFF(seen, born), TIMESTAMPDIFF(HOUR, born, seen),"
                    + " TIMESTAMPDIFF(MONTH, born, seen), YEAR(born) + 0, DAYOFWEEK(born),"
                    + " LAST_DAY(born), STR_TO_DATE('31/01/2024', '%d/%m/%Y')"
                    + " FROM person WHERE id = 1"))
        .containsExactly(
            "2024-03-10 08:05:09 Sunday March 10 10th 070 AM 24|2024-02-29|2024-03-10 06:35:09|"
                + "39|944|1|2024|4|2024-01-31|2024-01-31");
  }

  /**
   * YEAR(date)'s number is the same on both sides. Its type is not: MySQL 8+ says YEAR (so
   * Connector/J's getString gives "2024-01-01" and getObject a java.sql.Date), MariaDB INT, and
   * PostgreSQL's translation an integer. The driver presents PostgreSQL's integer as the connected
   * server's type (ExpressionTypes; asserted in the driver's TypicalAppReadRoutingIT).
   */
  @Test
  void yearOfADateIsTheSameNumber() throws SQLException {
    String sql = "SELECT YEAR(born), YEAR(seen) FROM person ORDER BY id";
    Translation t = rewriter.translate(sql);
    List<String> my = new ArrayList<>();
    List<String> pg = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      try (Statement s = (side == 0 ? mysql : postgres).createStatement();
          ResultSet rs = s.executeQuery(side == 0 ? sql : t.postgresSql())) {
        while (rs.next()) {
          String row = rs.getInt(1) + (rs.wasNull() ? "null" : "") + "|" + rs.getInt(2);
          (side == 0 ? my : pg).add(row + (rs.wasNull() ? "null" : ""));
        }
      }
    }
    assertThat(pg).as("PostgreSQL: %s", t.postgresSql()).isEqualTo(my).isNotEmpty();
  }

  @Test
  void groupingByACaseInsensitiveColumnMergesValuesDifferingInCase() throws SQLException {
    String ddl =
        "CREATE TABLE ci_tag (id INT NOT NULL PRIMARY KEY, tag VARCHAR(20) NOT NULL)"
            + " DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_general_ci";
    execute(mysql, ddl);
    for (String pg : rewriter.translate(ddl).postgresSql().split(";\n")) {
      execute(postgres, pg);
    }
    catalog.reload();
    both("INSERT INTO ci_tag VALUES (1, 'Red'), (2, 'red'), (3, 'RED'), (4, 'blue'), (5, 'Blue')");
    assertThat(
            same(
                "SELECT LOWER(tag), COUNT(*), MIN(id) FROM ci_tag GROUP BY tag"
                    + " HAVING tag <> 'green' ORDER BY tag"))
        .containsExactly("blue|2|4", "red|3|1");
    assertThat(same("SELECT COUNT(*) FROM (SELECT tag FROM ci_tag GROUP BY tag) AS g"))
        .containsExactly("2");
    assertThat(same("SELECT DISTINCT LOWER(tag) FROM ci_tag ORDER BY 1"))
        .containsExactly("blue", "red");
    assertThat(same("SELECT COUNT(*) FROM (SELECT DISTINCT tag FROM ci_tag) AS d"))
        .containsExactly("2");
    assertThat(same("SELECT UPPER(t) FROM (SELECT DISTINCT tag AS t FROM ci_tag) AS d ORDER BY 1"))
        .containsExactly("BLUE", "RED");
  }

  @Test
  void groupConcatKeepsOrderAndSeparator() throws SQLException {
    assertThat(
            same(
                "SELECT person_id, GROUP_CONCAT(id ORDER BY id DESC SEPARATOR ';'), COUNT(*)"
                    + " FROM visit GROUP BY person_id ORDER BY person_id"))
        .containsExactly("1|2;1|2", "2|3|1");
    assertThat(
            same(
                "SELECT GROUP_CONCAT(DISTINCT person_id ORDER BY person_id DESC),"
                    + " GROUP_CONCAT(DISTINCT id * 5 ORDER BY id * 5) FROM visit WHERE id <= 3"))
        .containsExactly("2,1|5,10,15");
  }

  @Test
  void jsonExtraction() throws SQLException {
    assertThat(
            same(
                "SELECT JSON_UNQUOTE(JSON_EXTRACT(doc, '$.k')), JSON_EXTRACT(doc, '$.n[1]')"
                    + " FROM person ORDER BY id"))
        .containsExactly("v|2", "null|null", "null|null");
  }

  @Test
  void upsertReadingTheOldRowIsQualifiedAndRunsOnPostgresql() throws SQLException {
    String upsert =
        "INSERT INTO counter (name, hits, note) VALUES (?, 1, ?) ON DUPLICATE KEY UPDATE"
            + " note = VALUES(note), hits = hits + 1";
    assertThat(rewriter.translate(upsert).postgresSql())
        .contains("hits = CAST(counter.hits AS bigint) + 1")
        .contains("note = EXCLUDED.note");
    both(upsert, "plogin", "first");
    both(upsert, "plogin", "second");
    String nested =
        "INSERT INTO counter (name, hits) VALUES ('plogin', 1) ON DUPLICATE KEY UPDATE"
            + " hits = COALESCE(hits, 0) + (SELECT COUNT(*) FROM visit WHERE visit.person_id = 1)";
    both(nested);
    assertThat(same("SELECT name, hits, note FROM counter WHERE name = 'plogin'"))
        .containsExactly("plogin|4|second");
    both("DELETE FROM counter WHERE name = 'plogin'"); // other tests read counter
  }

  @Test
  void bitOneAndLaravelStyleForeignKeysCreateOnBothSides() throws SQLException {
    String[] ddl = {
      "CREATE TABLE lv_users (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " active BIT(1) NOT NULL DEFAULT b'1')",
      "CREATE TABLE lv_posts (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " user_id BIGINT UNSIGNED NOT NULL, CONSTRAINT lv_posts_user_id_foreign FOREIGN KEY"
          + " (user_id) REFERENCES lv_users (id))"
    };
    for (String sql : ddl) {
      execute(mysql, sql);
      for (String pg : rewriter.translate(sql).postgresSql().split(";\n")) {
        execute(postgres, pg);
      }
    }
    both("INSERT INTO lv_users (id, active) VALUES (1, b'0'), (2, DEFAULT)");
    both("INSERT INTO lv_posts (id, user_id) VALUES (10, 2)");
    assertThat(
            same(
                "SELECT p.id, u.id, u.active + 0 FROM lv_posts p JOIN lv_users u ON u.id ="
                    + " p.user_id"))
        .containsExactly("10|2|1");
    assertThat(same("SELECT id FROM lv_users WHERE active = b'0'")).containsExactly("1");
  }

  @Test
  void upsertInsertIgnoreAndReplaceLeaveTheSameRows() throws SQLException {
    String upsert =
        "INSERT INTO counter (name, hits) VALUES (?, 1) ON DUPLICATE KEY UPDATE hits = hits +"
            + " VALUES(hits)";
    both(upsert, "home");
    both(upsert, "home");
    both(upsert, "about");
    both("INSERT IGNORE INTO counter (name, hits) VALUES ('home', 100), ('faq', 5)");
    both("UPDATE counter SET note = 'kept' WHERE name = 'about'");
    // REPLACE deletes and inserts: note goes back to its default
    both("REPLACE INTO counter (name, hits) VALUES ('about', 9)");
    assertThat(same("SELECT name, hits, note FROM counter WHERE name NOT LIKE 'p%' ORDER BY name"))
        .containsExactly("about|9|none", "faq|5|none", "home|2|none");
  }

  @Test
  void orderedLimitedDeleteRemovesTheSameRows() throws SQLException {
    both(
        "INSERT INTO visit (person_id, at) VALUES (3, '2024-02-01 00:00:00'), (3, '2024-02-02 00:00:00'), (3, '2024-02-03 00:00:00')");
    int[] counts = both("DELETE FROM visit WHERE person_id = 3 ORDER BY at DESC LIMIT 2");
    assertThat(counts[0]).isEqualTo(2).isEqualTo(counts[1]);
    assertThat(same("SELECT at FROM visit WHERE person_id = 3"))
        .containsExactly("2024-02-01 00:00:00");
  }

  @Test
  void multiTableUpdateAndDelete() throws SQLException {
    both("INSERT INTO counter (name, hits) VALUES ('p1', 0), ('p2', 0)");
    both(
        "UPDATE counter c JOIN person p ON c.name = CONCAT('p', p.id) SET c.hits = p.age"
            + " WHERE p.age IS NOT NULL");
    assertThat(same("SELECT name, hits FROM counter WHERE name LIKE 'p%' ORDER BY name"))
        .containsExactly("p1|30", "p2|0");
    both("DELETE c FROM counter c JOIN person p ON c.name = CONCAT('p', p.id) WHERE p.age IS NULL");
    assertThat(same("SELECT name FROM counter WHERE name LIKE 'p%' ORDER BY name"))
        .containsExactly("p1");
  }

  @Test
  void pinnedStatementsStoreTheSameComputedValueOnBothSides() throws SQLException {
    String sql = "UPDATE visit SET at = NOW() WHERE id = ?";
    Translation t = rewriter.translate(sql);
    PinnedStatement p = t.pinned();
    java.sql.Timestamp now = java.sql.Timestamp.valueOf("2030-05-06 07:08:09");
    Object[] app = {1};
    for (var side :
        List.of(
            new Object[] {mysql, p.mysqlSql(), p.mysqlBindings()},
            new Object[] {postgres, p.postgresSql(), p.postgresBindings()})) {
      try (PreparedStatement ps = ((Connection) side[0]).prepareStatement((String) side[1])) {
        @SuppressWarnings("unchecked")
        List<Binding> bindings = (List<Binding>) side[2];
        for (int i = 0; i < bindings.size(); i++) {
          Binding b = bindings.get(i);
          ps.setObject(i + 1, b instanceof Binding.AppParameter a ? app[a.index()] : now);
        }
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
    assertThat(same("SELECT at FROM visit WHERE id = 1")).containsExactly("2030-05-06 07:08:09");
  }

  @Test
  void generatedKeysFromTheAuthoritativeSideAreWrittenExplicitly() throws SQLException {
    String sql = "INSERT INTO visit (person_id, at) VALUES (?, '2024-05-01 00:00:00')";
    Translation t = rewriter.translate(sql);
    AutoIncrement ai = t.autoIncrement();
    assertThat(ai.suppliedByStatement()).isFalse();
    long key;
    try (PreparedStatement ps = mysql.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setInt(1, 2);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        key = keys.getLong(1);
      }
    }
    try (PreparedStatement ps = postgres.prepareStatement(ai.postgresSqlWithKeys())) {
      List<KeyBinding> bindings = ai.postgresKeyBindings();
      for (int i = 0; i < bindings.size(); i++) {
        KeyBinding b = bindings.get(i);
        ps.setObject(i + 1, b instanceof KeyBinding.GeneratedKey ? (Object) (int) key : 2);
      }
      ps.executeUpdate();
    }
    // what the driver does after writing keys explicitly: keep the sequence ahead
    execute(
        postgres,
        "SELECT setval(pg_get_serial_sequence('visit', 'id'), (SELECT max(id) FROM visit))");
    assertThat(same("SELECT id, person_id FROM visit WHERE at = '2024-05-01 00:00:00'"))
        .containsExactly(key + "|2");
  }
}
