package io.dualwrite.driver.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated hostile writes (issue 14): random characters, quotes and backslashes in string literals
 * and quoted identifiers, written correctly escaped or raw, under random combinations of the
 * sql_modes the rewriter follows, through the driver. After every statement both databases hold the
 * same rows, or the statement was refused and recorded; never different and silent.
 *
 * <p>Seeded and bounded: {@code -Ddualwrite.test.seed=N} replays a run; the failure message names
 * the seed, the modes and the statement.
 */
@ExtendWith(TestDatabases.class)
class GeneratedLiteralsUnderSqlModesIT {

  private static final String[] MODES = {"NO_BACKSLASH_ESCAPES", "ANSI_QUOTES", "PIPES_AS_CONCAT"};

  /** Characters literals are made of: quotes, backslashes, comment and statement markers. */
  private static final String ALPHABET = "ab'\"\\\\%_;-#/* \n\t0nZé€x`|";

  private static final int ROUNDS = 12;
  private static final int STATEMENTS_PER_ROUND = 25;

  @Test
  void everyGeneratedWriteLeavesBothSidesEqualOrIsRecorded(DatabasePair db) throws SQLException {
    long seed = Long.getLong("dualwrite.test.seed", 14L);
    Random random = new Random(seed);
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS gen_lit");
      s.execute(
          "CREATE TABLE gen_lit (id INT PRIMARY KEY, v VARCHAR(400)) DEFAULT CHARSET=utf8mb4");
      List<Discrepancy> seen = new CopyOnWriteArrayList<>();
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      int nextId = 1;
      for (int round = 0; round < ROUNDS; round++) {
        List<String> modes = new ArrayList<>(List.of("STRICT_TRANS_TABLES"));
        for (String m : MODES) {
          if (random.nextBoolean()) {
            modes.add(m);
          }
        }
        String mode = String.join(",", modes);
        s.execute("SET sql_mode = '" + mode + "'");
        for (int k = 0; k < STATEMENTS_PER_ROUND; k++) {
          String sql = statement(random, modes, nextId++);
          int before = seen.size();
          String failure = null;
          try {
            s.execute(sql);
          } catch (SQLException e) {
            failure = e.getSQLState() + " " + e.getMessage();
          }
          List<List<Object>> mysql = rows(db.openMysql());
          List<List<Object>> postgres = rows(db.openPostgres());
          if (!mysql.equals(postgres)) {
            assertThat(seen.size())
                .as(
                    "seed %d, sql_mode %s: %s%n(MySQL said: %s) left the sides different"
                        + " without a record",
                    seed, mode, sql, failure)
                .isGreaterThan(before);
            resync(db);
          }
        }
      }
    }
  }

  /** One write: an INSERT, UPDATE or DELETE with generated literals and identifiers. */
  private static String statement(Random r, List<String> modes, int id) {
    String v = column(r, modes, "v");
    return switch (r.nextInt(4)) {
      case 0 -> "INSERT INTO gen_lit (id, " + v + ") VALUES (" + id + ", " + value(r, modes) + ")";
      case 1 ->
          "UPDATE gen_lit SET "
              + v
              + " = "
              + value(r, modes)
              + " WHERE "
              + column(r, modes, "id")
              + " = "
              + (1 + r.nextInt(Math.max(1, id)));
      case 2 -> "DELETE FROM gen_lit WHERE v = " + value(r, modes) + " AND id > " + (id - 3);
      default ->
          "INSERT INTO gen_lit (id, v) VALUES ("
              + id
              + ", "
              + value(r, modes)
              + ") ON DUPLICATE KEY UPDATE v = "
              + value(r, modes);
    };
  }

  /** A column name: bare, in backticks, or in double quotes (an identifier under ANSI_QUOTES). */
  private static String column(Random r, List<String> modes, String name) {
    return switch (r.nextInt(4)) {
      case 0 -> "`" + name + "`";
      case 1 -> modes.contains("ANSI_QUOTES") || r.nextInt(4) == 0 ? "\"" + name + "\"" : name;
      default -> name;
    };
  }

  /** A string value: one literal, adjacent literals, or (PIPES_AS_CONCAT) a || chain. */
  private static String value(Random r, List<String> modes) {
    String first = literal(r, modes);
    return switch (r.nextInt(5)) {
      case 0 -> first + " " + literal(r, modes);
      case 1 -> first + " || " + literal(r, modes);
      default -> first;
    };
  }

  /** A literal: most often escaped as the mode requires, sometimes raw (hostile) text. */
  private static String literal(Random r, List<String> modes) {
    boolean nbe = modes.contains("NO_BACKSLASH_ESCAPES");
    char quote = !modes.contains("ANSI_QUOTES") && r.nextInt(4) == 0 ? '"' : '\'';
    String text = text(r);
    if (r.nextInt(10) < 3) {
      return quote + text + quote; // raw: whatever MySQL makes of it
    }
    StringBuilder b = new StringBuilder().append(quote);
    for (char ch : text.toCharArray()) {
      if (ch == quote) {
        b.append(nbe || r.nextBoolean() ? String.valueOf(quote) + quote : "\\" + quote);
      } else if (ch == '\\' && !nbe) {
        b.append(r.nextInt(3) == 0 ? "\\" : "\\\\"); // a lone backslash escapes what follows
      } else {
        b.append(ch);
      }
    }
    return b.append(quote).toString();
  }

  private static String text(Random r) {
    int n = r.nextInt(12);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  private static List<List<Object>> rows(Connection c) throws SQLException {
    try (c) {
      return TableComparison.rows(c, "SELECT id, v FROM gen_lit ORDER BY id");
    }
  }

  /**
   * After a recorded difference: both sides are emptied (a value MySQL holds may be one PostgreSQL
   * cannot, a NUL), so the next statement starts equal.
   */
  private static void resync(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Connection m = db.openMysql();
        Statement ps = pg.createStatement();
        Statement ms = m.createStatement()) {
      ps.execute("DELETE FROM gen_lit");
      ms.execute("DELETE FROM gen_lit");
    }
  }
}
