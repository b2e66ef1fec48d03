package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Locale;

/**
 * The control store cannot be changed through the application's connections: a statement that names
 * one of its tables ({@link ControlStore#TABLES}) is refused before it runs on either side, reads
 * included (a locking read or {@code LOCK TABLES} would stall every instance's refresh, and a read
 * the flags send to PostgreSQL finds no such table there).
 *
 * <p>The tables a statement names come from the rewriter's parse; on top of that, every word of the
 * text that is one of the names counts, unless it lies inside a string literal (under either
 * reading of backslashes) of a statement the rewriter parsed as a plain read, write or DDL: there
 * it is data ({@code INSERT INTO notes VALUES ('see dualwrite_flags')}). In anything the rewriter
 * could not parse, and in session statements ({@code PREPARE s FROM '...'}, {@code SET @q =
 * '...'}), a name inside a string counts too. A statement assembled at run time ({@code CONCAT}
 * into a variable, a stored procedure) cannot be seen this way: the store's own database user is
 * the real boundary (docs/control-store.md).
 */
final class ControlTables {
  /** SQLState of the refusal: insufficient privilege. */
  static final String SQLSTATE = "42501";

  /** MySQL's error number for "command denied to user for table" (ER_TABLEACCESS_DENIED_ERROR). */
  static final int VENDOR_CODE = 1142;

  private ControlTables() {}

  /** The control table {@code t} names, or null. */
  static String named(Translation t) {
    for (String table : t.tablesWritten()) {
      if (isControlTable(table)) {
        return table;
      }
    }
    for (String table : t.tablesRead()) {
      if (isControlTable(table)) {
        return table;
      }
    }
    return lexed(t.mysqlSql(), !t.isRefused() && parsedPlainly(t.kind()));
  }

  private static boolean parsedPlainly(StatementKind kind) {
    return kind.isRead() || kind.isWrite() || kind == StatementKind.DDL;
  }

  static boolean isControlTable(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    if (dot >= 0) {
      n = n.substring(dot + 1);
    }
    if (n.length() > 1 && (n.charAt(0) == '`' || n.charAt(0) == '"')) {
      n = n.substring(1, n.length() - 1);
    }
    return ControlStore.TABLES.contains(n);
  }

  /** A control table name among the words of {@code sql}, or null. */
  private static String lexed(String sql, boolean stringsAreData) {
    if (sql == null || indexOfPrefix(sql, 0) < 0) {
      return null; // the common case: one scan, no allocation
    }
    boolean[] data = stringsAreData ? SafeText.certainlyInStrings(sql) : null;
    int at = indexOfPrefix(sql, 0);
    while (at >= 0) {
      int end = at;
      while (end < sql.length() && isWordChar(sql.charAt(end))) {
        end++;
      }
      boolean wordStart = at == 0 || !isWordChar(sql.charAt(at - 1));
      String word = sql.substring(at, end).toLowerCase(Locale.ROOT);
      if (wordStart && ControlStore.TABLES.contains(word) && (data == null || !data[at])) {
        return word;
      }
      at = indexOfPrefix(sql, end);
    }
    return null;
  }

  private static int indexOfPrefix(String sql, int from) {
    String prefix = "dualwrite_";
    int last = sql.length() - prefix.length();
    for (int i = from; i <= last; i++) {
      char c = sql.charAt(i);
      if ((c == 'd' || c == 'D') && sql.regionMatches(true, i, prefix, 0, prefix.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The exception the application gets. */
  static SQLException refusal(String table) {
    return new SQLSyntaxErrorException(
        "dualwrite refuses statements on its control table "
            + table
            + " through the application's connections: the control store holds the fleet's flags,"
            + " heartbeats, discrepancies and drift, and is changed with dualwrite-admin (or by an"
            + " operator connected to the database directly). See docs/control-store.md.",
        SQLSTATE,
        VENDOR_CODE);
  }
}
