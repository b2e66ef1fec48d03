package io.dualwrite.driver.vendor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one {@code INSERT} on MySQL without its foreign key checks, for the statement alone: MySQL's
 * {@code INSERT /*+ SET_VAR(foreign_key_checks=OFF) *}{@code /} hint, MariaDB's {@code SET
 * STATEMENT foreign_key_checks=0 FOR INSERT ...}.
 *
 * <p>Used where MySQL is the other side ({@code PG_PRIMARY}): PostgreSQL, authoritative, already
 * checked the row's foreign keys. MySQL's own check takes a shared lock on the parent row, which an
 * update of the parent in another transaction waits for; PostgreSQL's check (KEY SHARE) does not
 * block that update. Left on, a child insert and a parent update could wait on each other across
 * the two databases, until one side's lock wait ran out. An insert triggers no cascade, so only
 * inserts are run this way; updates, deletes, upserts and REPLACE keep their checks and their
 * cascades.
 */
public final class MysqlForeignKeyChecks {
  private static final String HINT = "SET_VAR(foreign_key_checks=OFF)";

  private MysqlForeignKeyChecks() {}

  /** A batch's execution. */
  @FunctionalInterface
  public interface BatchCall {
    long[] run() throws SQLException;
  }

  /**
   * Whether an insert batch to this server runs with the session's checks off around it ({@link
   * #offAround}) rather than statement by statement: on MariaDB, whose per-statement form ({@code
   * SET STATEMENT ... FOR}) keeps Connector/J from sending the rows as one multi-row {@code INSERT}
   * ({@code rewriteBatchedStatements}): one round trip per row (BenchBase tpcc's load in {@code
   * PG_PRIMARY}: 325 s instead of 43). MySQL's hint keeps the statement an {@code INSERT} that
   * Connector/J rewrites.
   */
  public static boolean batchNeedsSessionSwitch(boolean mariaDb) {
    return mariaDb;
  }

  /**
   * Runs {@code batch} on {@code mysql} with the session's foreign key checks off, then sets them
   * back to what they were, also when the batch fails. The switch covers the batch alone, as the
   * statement form does.
   */
  public static long[] offAround(Connection mysql, BatchCall batch) throws SQLException {
    boolean wasOn;
    try (Statement s = mysql.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT @@SESSION.foreign_key_checks")) {
        wasOn = !rs.next() || rs.getInt(1) != 0;
      }
      if (!wasOn) {
        return batch.run();
      }
      s.execute("SET SESSION foreign_key_checks = 0");
      long[] counts;
      try {
        counts = batch.run();
      } catch (SQLException | RuntimeException failed) {
        // The batch's own failure is what the caller must see; a connection that broke under it
        // fails the switch back too, which only adds to it.
        try {
          s.execute("SET SESSION foreign_key_checks = 1");
        } catch (SQLException restore) {
          failed.addSuppressed(restore);
        }
        throw failed;
      }
      s.execute("SET SESSION foreign_key_checks = 1");
      return counts;
    }
  }

  /**
   * {@code sql} run without foreign key checks, or {@code sql} unchanged when it does not start
   * with {@code INSERT} (after blanks and comments) or starts with a versioned comment.
   */
  public static String skipped(String sql, boolean mariaDb) {
    int start = firstWord(sql);
    if (start < 0 || !startsWithWord(sql, start, "INSERT")) {
      return sql;
    }
    if (mariaDb) {
      return "SET STATEMENT foreign_key_checks=0 FOR " + sql.substring(start);
    }
    int after = start + "INSERT".length();
    int next = skipBlanks(sql, after);
    if (sql.startsWith("/*+", next)) {
      // MySQL reads one hint comment per query block: ours joins the application's.
      return sql.substring(0, next + 3) + " " + HINT + sql.substring(next + 3);
    }
    return sql.substring(0, after) + " /*+ " + HINT + " */" + sql.substring(after);
  }

  /** Where the first word starts, after blanks and comments; -1 for none or a versioned comment. */
  private static int firstWord(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      i = skipBlanks(sql, i);
      if (sql.startsWith("/*!", i) || sql.startsWith("/*+", i)) {
        return -1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          return -1;
        }
        i = end + 2;
      } else if (sql.startsWith("#", i) || sql.startsWith("-- ", i) || sql.startsWith("--\t", i)) {
        int end = sql.indexOf('\n', i);
        if (end < 0) {
          return -1;
        }
        i = end + 1;
      } else {
        return i < n ? i : -1;
      }
    }
    return -1;
  }

  private static int skipBlanks(String sql, int i) {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean startsWithWord(String sql, int at, String word) {
    int end = at + word.length();
    return sql.regionMatches(true, at, word, 0, word.length())
        && (end == sql.length() || !Character.isJavaIdentifierPart(sql.charAt(end)));
  }
}
