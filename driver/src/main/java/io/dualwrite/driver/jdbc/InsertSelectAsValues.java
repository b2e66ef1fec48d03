package io.dualwrite.driver.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.mirror.InsertedRowsMirror;
import io.dualwrite.rewriter.AutoIncrement;
import io.dualwrite.rewriter.ColumnInfo;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.TableInfo;
import io.dualwrite.rewriter.Translation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Runs an {@code INSERT ... SELECT} into an AUTO_INCREMENT table on MySQL as its {@code SELECT}
 * followed by one multi-row {@code INSERT ... VALUES} of the rows selected, so that its generated
 * keys are one consecutive block that the mirror can read back exactly.
 *
 * <p>Why: under {@code innodb_autoinc_lock_mode = 2} (every MySQL since 8.0 by default) a "bulk
 * insert" ({@code INSERT ... SELECT}, row count unknown in advance) takes its keys a few at a time
 * while other sessions take theirs, so its rows' keys interleave with another statement's and the
 * rows cannot be told apart by key afterwards. A "simple insert" (multi-row {@code INSERT ...
 * VALUES}, row count known up front) reserves all its keys at once, as one block {@code
 * [LAST_INSERT_ID(), +n)} (MySQL manual, "AUTO_INCREMENT Handling in InnoDB"; measured on MySQL
 * 9.7.4 with 16 sessions: 7,285 multi-row VALUES inserts all got one block, 1,433 of 5,564 INSERT
 * ... SELECTs did not, see docs/consistency.md).
 *
 * <p>What the application sees stays what the original statement gives: the {@code SELECT} is the
 * statement's own text, run in the same transaction, with the row locks {@code INSERT ... SELECT}
 * takes ({@code FOR SHARE} at REPEATABLE READ and SERIALIZABLE; a consistent read at READ COMMITTED
 * and below, as InnoDB does for it); the insert is the statement's own {@code INSERT [IGNORE] INTO
 * table (columns)} text with the selected rows in the selected order, each value bound as MySQL's
 * text of it cast back to the type of the select item ({@code DECIMAL(65, d)}, {@code DOUBLE},
 * {@code DATETIME(d)}, {@code TIME(d)}, {@code DATE}, {@code JSON}; integers and strings as
 * themselves, binary strings as bytes), so each column stores what it would have stored from the
 * select item. Update count and generated keys are the insert's, as Connector/J would report them
 * for the original.
 *
 * <p>Where that equivalence is not certain the statement runs as written (and the mirror reads back
 * what it can prove): a {@code SELECT} of several query blocks (subqueries, UNION, CTE) at
 * REPEATABLE READ or SERIALIZABLE (only its outer block could be made a locking read); select items
 * of type FLOAT (MySQL's text of a FLOAT is rounded), DOUBLE with stated decimals, BIT, GEOMETRY,
 * an ENUM/SET item into a non-string column, zero dates; more than {@link
 * InsertedRowsMirror#MAX_ROWS} rows; a single selected row with a NULL for a NOT NULL column (a
 * one-row VALUES insert rejects it even outside strict mode). When such a statement inserts one
 * row, its key is still known exactly: LAST_INSERT_ID() ({@link #oneRow}).
 *
 * <p>Thread safety: the caches are thread-safe; everything else is per call.
 */
final class InsertSelectAsValues {

  /**
   * The statement's text split where its {@code SELECT} starts.
   *
   * @param insertPrefix {@code INSERT [IGNORE] INTO table (columns)}, verbatim
   * @param select the {@code SELECT}, verbatim (trailing semicolon removed)
   * @param oneQueryBlock whether the select has no subquery, UNION or CTE
   * @param columns the column names of the insert, lower-case
   */
  record Parts(String insertPrefix, String select, boolean oneQueryBlock, List<String> columns) {}

  /**
   * What ran.
   *
   * @param count the update count the application sees
   * @param keys the generated keys (those the application sees through getGeneratedKeys)
   * @param sentRows the number of rows the statement inserted or tried to insert as one block of
   *     keys from the first generated one (0: unknown, the statement ran as written)
   */
  record Ran(long count, List<Object> keys, long sentRows) {}

  private static final Cache<String, Optional<Parts>> PARTS =
      Caffeine.newBuilder().maximumSize(2_000).build();

  /** Per MySQL connection: whether InnoDB may interleave a bulk insert's keys (lock mode 2). */
  private static final Map<Connection, Boolean> INTERLEAVING =
      Collections.synchronizedMap(new WeakHashMap<>());

  private InsertSelectAsValues() {}

  /** Whether {@code t} is an insert this class may run as VALUES (before asking MySQL anything). */
  static boolean candidate(StatementContext ctx, Translation t) {
    if (t.isRefused()
        || ctx.authoritativeSide() != Side.MYSQL
        || !ctx.phase().mirrorsWrites()
        || (t.kind() != StatementKind.INSERT && t.kind() != StatementKind.INSERT_IGNORE)) {
      return false;
    }
    AutoIncrement ai = t.autoIncrement();
    return ai != null && !ai.suppliedByStatement() && ai.rowCount() == 0;
  }

  /**
   * Runs the insert on {@code mysql} as its SELECT and one multi-row VALUES insert, when it
   * applies.
   *
   * @return what ran, or null when the caller must run the statement as written
   */
  static Ran run(
      StatementContext ctx,
      Translation t,
      Connection mysql,
      SideSql sql,
      Bind[] binds,
      StatementResults results)
      throws SQLException {
    if (!mysql.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class) || !interleaving(mysql)) {
      return null; // not Connector/J (a stub under a benchmark), or keys are never interleaved
    }
    Parts parts = parts(sql.sql());
    if (parts == null) {
      return null;
    }
    Optional<TableInfo> table = ctx.catalog().table(t.autoIncrement().table());
    if (table.isEmpty()) {
      return null;
    }
    int isolation = mysql.getTransactionIsolation();
    boolean locking =
        isolation == Connection.TRANSACTION_REPEATABLE_READ
            || isolation == Connection.TRANSACTION_SERIALIZABLE;
    if (locking && !parts.oneQueryBlock()) {
      return null;
    }
    String select = locking ? parts.select() + " FOR SHARE" : parts.select();
    List<Object[]> rows = new ArrayList<>();
    List<String> casts = new ArrayList<>();
    boolean usable = true;
    long start = System.nanoTime();
    // client-side prepared whatever the URL says (useServerPrepStmts): the values are read as
    // MySQL's text of them (the text protocol), and the binds are inlined as for the original
    com.mysql.cj.jdbc.JdbcConnection cj = mysql.unwrap(com.mysql.cj.jdbc.JdbcConnection.class);
    try (PreparedStatement ps = cj.clientPrepareStatement(select)) {
      Binder.apply(
          ps, binds, sql.sources(), sql.values(), Side.MYSQL, ctx.postgresGetsWholeSeconds());
      try (ResultSet rs = ps.executeQuery()) {
        com.mysql.cj.result.Field[] fields =
            rs.getMetaData().unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields();
        if (fields.length != parts.columns().size()) {
          usable = false; // MySQL rejects the original: let it say so
        }
        for (int i = 0; usable && i < fields.length; i++) {
          String cast = cast(fields[i], table.get().column(parts.columns().get(i)));
          usable = cast != null;
          casts.add(cast);
        }
        while (rs.next()) {
          if (!usable || rows.size() >= InsertedRowsMirror.MAX_ROWS) {
            usable = false;
            continue; // read to the end: the original would have locked every row
          }
          Object[] row = new Object[fields.length];
          for (int i = 0; i < row.length; i++) {
            Object v = value(rs, i + 1, fields[i]);
            if (v == UNUSABLE) {
              usable = false;
            }
            row[i] = v;
          }
          rows.add(row);
        }
      }
    } finally {
      ctx.metrics().statement(Side.MYSQL, System.nanoTime() - start);
    }
    if (!usable) {
      return null;
    }
    if (rows.isEmpty()) {
      results.noGeneratedKeys(); // nothing inserted: Connector/J's empty GENERATED_KEY result
      return new Ran(0, List.of(), 0);
    }
    if (rows.size() == 1 && nullIntoNotNull(rows.get(0), parts.columns(), table.get())) {
      // a one-row VALUES insert rejects NULL for a NOT NULL column even outside strict mode,
      // where INSERT ... SELECT stores the column's implicit default: run it as written
      return null;
    }
    StringBuilder values = new StringBuilder(parts.insertPrefix()).append(" VALUES ");
    StringBuilder row = new StringBuilder("(");
    for (int i = 0; i < casts.size(); i++) {
      row.append(i > 0 ? ", " : "").append(casts.get(i));
    }
    row.append(')');
    for (int r = 0; r < rows.size(); r++) {
      values.append(r > 0 ? ", " : "").append(row);
    }
    start = System.nanoTime();
    try (PreparedStatement ps =
        cj.clientPrepareStatement(values.toString(), Statement.RETURN_GENERATED_KEYS)) {
      int index = 1;
      for (Object[] r : rows) {
        for (Object v : r) {
          bind(ps, index++, v);
        }
      }
      long count = ps.executeLargeUpdate();
      List<Object> keys = results.readKeys(ps, true);
      return new Ran(count, keys, rows.size());
    } finally {
      ctx.metrics().statement(Side.MYSQL, System.nanoTime() - start);
    }
  }

  private static boolean nullIntoNotNull(Object[] row, List<String> columns, TableInfo table) {
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null) {
        Optional<ColumnInfo> c = table.column(columns.get(i));
        if (c.isEmpty() || !c.get().nullable()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * For an {@code INSERT ... SELECT} on MySQL that ran as written and inserted one row: 1 (its one
   * key is the first generated one, in every lock mode); else 0.
   */
  static long oneRow(Translation t, long count) {
    AutoIncrement ai = t.isRefused() ? null : t.autoIncrement();
    return t.kind() == StatementKind.INSERT
            && ai != null
            && !ai.suppliedByStatement()
            && ai.rowCount() == 0
            && count == 1
        ? 1
        : 0;
  }

  /**
   * Whether MySQL may interleave an INSERT ... SELECT's keys ({@code innodb_autoinc_lock_mode}).
   */
  private static boolean interleaving(Connection mysql) throws SQLException {
    Boolean known = INTERLEAVING.get(mysql);
    if (known != null) {
      return known;
    }
    boolean mode2;
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@innodb_autoinc_lock_mode")) {
      mode2 = rs.next() && rs.getInt(1) == 2;
    }
    INTERLEAVING.put(mysql, mode2); // a startup option: fixed for the connection's life
    return mode2;
  }

  // ------------------------------------------------------------------ the statement's text

  /** The statement split at its SELECT, or null when it cannot be split for sure. */
  static Parts parts(String sql) {
    return PARTS.get(sql, s -> Optional.ofNullable(split(s))).orElse(null);
  }

  private static Parts split(String sql) {
    Insert insert;
    try {
      CCJSqlParser parser = new CCJSqlParser(new StringProvider(sql));
      if (!(parser.Statement() instanceof Insert i)) {
        return null;
      }
      insert = i;
    } catch (Exception | StackOverflowError e) {
      return null;
    }
    Select select = insert.getSelect();
    if (select == null
        || select instanceof net.sf.jsqlparser.statement.select.Values
        || insert.isUseSet()
        || insert.isUseDuplicate()
        || insert.getColumns() == null
        || insert.getColumns().isEmpty()
        || insert.getModifierPriority() != null
        || insert.getReturningClause() != null) {
      return null;
    }
    int at = selectStart(sql);
    if (at < 0) {
      return null;
    }
    String text = sql.substring(at).strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    try {
      CCJSqlParser parser = new CCJSqlParser(new StringProvider(text));
      if (!(parser.Statement() instanceof Select again)
          || !again.toString().equals(select.toString())) {
        return null;
      }
    } catch (Exception | StackOverflowError e) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    for (net.sf.jsqlparser.schema.Column c : insert.getColumns()) {
      columns.add(unquote(c.getColumnName()).toLowerCase(Locale.ROOT));
    }
    boolean oneBlock =
        select instanceof PlainSelect p
            && p.getForMode() == null
            && p.getWithItemsList() == null
            && countWord(select.toString().toUpperCase(Locale.ROOT), "SELECT") == 1;
    return new Parts(sql.substring(0, at).strip(), text, oneBlock, List.copyOf(columns));
  }

  private static String unquote(String name) {
    if (name.length() >= 2
        && (name.charAt(0) == '`' || name.charAt(0) == '"')
        && name.charAt(name.length() - 1) == name.charAt(0)) {
      String q = String.valueOf(name.charAt(0));
      return name.substring(1, name.length() - 1).replace(q + q, q);
    }
    return name;
  }

  private static int countWord(String text, String word) {
    int n = 0;
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
      boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      int end = i + word.length();
      boolean after = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
      n += before && after && (i == 0 || text.charAt(i - 1) != '_') ? 1 : 0;
    }
    return n;
  }

  /**
   * Where the statement's SELECT (or WITH) keyword starts: the first such word outside quotes,
   * comments and parentheses; -1 if there is none (a parenthesized SELECT, for one).
   */
  static int selectStart(String sql) {
    int depth = 0;
    int n = sql.length();
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = closing(sql, i, c);
        if (i < 0) {
          return -1;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          return -1;
        }
        i = end + 1;
      } else if (c == '#' || (c == '-' && sql.startsWith("-- ", i))) {
        int end = sql.indexOf('\n', i);
        if (end < 0) {
          return -1;
        }
        i = end;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0
          && (i == 0 || !isWordChar(sql.charAt(i - 1)))
          && (wordAt(sql, i, "SELECT") || wordAt(sql, i, "WITH"))) {
        return i;
      }
    }
    return -1;
  }

  private static int closing(String sql, int open, char quote) {
    for (int i = open + 1; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\\' && quote != '`') {
        i++;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean wordAt(String sql, int i, String word) {
    int end = i + word.length();
    return sql.regionMatches(true, i, word, 0, word.length())
        && (end >= sql.length() || !isWordChar(sql.charAt(end)));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  // ------------------------------------------------------------------ values

  /** A value that cannot be carried exactly: the statement runs as written. */
  private static final Object UNUSABLE = new Object();

  /** A binary string's bytes, bound as such. */
  private record Bytes(byte[] bytes) {}

  /** MySQL's text of a number or temporal value, bound as a string and cast in the SQL. */
  private record Text(String text) {}

  private static final int DECIMAL = 0;
  private static final int TINY = 1;
  private static final int SHORT = 2;
  private static final int LONG = 3;
  private static final int FLOAT = 4;
  private static final int DOUBLE = 5;
  private static final int NULL = 6;
  private static final int TIMESTAMP = 7;
  private static final int LONGLONG = 8;
  private static final int INT24 = 9;
  private static final int DATE = 10;
  private static final int TIME = 11;
  private static final int DATETIME = 12;
  private static final int YEAR = 13;
  private static final int VARCHAR = 15;
  private static final int JSON = 245;
  private static final int NEWDECIMAL = 246;
  private static final int TINY_BLOB = 249;
  private static final int MEDIUM_BLOB = 250;
  private static final int LONG_BLOB = 251;
  private static final int BLOB = 252;
  private static final int VAR_STRING = 253;
  private static final int STRING = 254;
  private static final int BINARY_COLLATION = 63;
  private static final int ENUM_FLAG = 256;
  private static final int SET_FLAG = 2048;

  /** MySQL's "no fixed number of decimals" ({@code DECIMAL_NOT_SPECIFIED}). */
  private static final int NOT_FIXED_DEC = 31;

  /**
   * The VALUES expression for select item {@code f} going into {@code target}: a placeholder, cast
   * back to the item's type where its text is bound; null when the item cannot be carried.
   */
  private static String cast(com.mysql.cj.result.Field f, Optional<ColumnInfo> target) {
    int decimals = f.getDecimals();
    return switch (f.getMysqlTypeId()) {
      case TINY, SHORT, LONG, INT24, LONGLONG, YEAR -> f.isUnsigned() ? "CAST(? AS UNSIGNED)" : "?";
      case NULL -> "?";
      case DECIMAL, NEWDECIMAL ->
          decimals >= 0 && decimals <= 30 ? "CAST(? AS DECIMAL(65, " + decimals + "))" : null;
      case DOUBLE ->
          // its text in a string column depends on where the double came from (a FLOAT's prints
          // one digit fewer): carried only into a number column
          (decimals == 0 || decimals == NOT_FIXED_DEC) && numberColumn(target)
              ? "CAST(? AS DOUBLE)"
              : null;
      case DATE -> "CAST(? AS DATE)";
      case DATETIME, TIMESTAMP ->
          decimals >= 0 && decimals <= 6 ? "CAST(? AS DATETIME(" + decimals + "))" : null;
      case TIME -> decimals >= 0 && decimals <= 6 ? "CAST(? AS TIME(" + decimals + "))" : null;
      case JSON -> "CAST(? AS JSON)";
      case VARCHAR, VAR_STRING, STRING, BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> {
        if ((f.getFlags() & (ENUM_FLAG | SET_FLAG)) != 0 && !stringColumn(target)) {
          yield null; // an ENUM stored into a number is its index, not its text
        }
        yield "?";
      }
      default -> null; // FLOAT (its text is rounded), BIT, GEOMETRY, ...
    };
  }

  private static boolean numberColumn(Optional<ColumnInfo> target) {
    if (target.isEmpty()) {
      return false;
    }
    String t = target.get().mysqlType().trim().toLowerCase(Locale.ROOT);
    for (String number :
        List.of(
            "tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double")) {
      if (t.startsWith(number)) {
        return true;
      }
    }
    return false;
  }

  private static boolean stringColumn(Optional<ColumnInfo> target) {
    if (target.isEmpty()) {
      return false;
    }
    String t = target.get().mysqlType().trim().toLowerCase(Locale.ROOT);
    return t.startsWith("char")
        || t.startsWith("varchar")
        || t.contains("text")
        || t.startsWith("enum")
        || t.startsWith("set");
  }

  /** Item {@code i}'s value as it is bound again, or {@link #UNUSABLE}. */
  private static Object value(ResultSet rs, int i, com.mysql.cj.result.Field f)
      throws SQLException {
    int type = f.getMysqlTypeId();
    if (type == FLOAT) {
      return UNUSABLE;
    }
    boolean text =
        switch (type) {
          case VARCHAR, VAR_STRING, STRING, BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, JSON -> true;
          default -> false;
        };
    if (text) {
      if (f.getCollationIndex() == BINARY_COLLATION && type != JSON) {
        byte[] b = rs.getBytes(i);
        return b == null ? null : new Bytes(b);
      }
      return rs.getString(i); // decoded from the item's own character set
    }
    byte[] raw = rs.getBytes(i); // MySQL's own text of the value (the text protocol)
    if (raw == null) {
      return null;
    }
    String s = new String(raw, StandardCharsets.US_ASCII);
    if (!f.isUnsigned()
        && switch (type) {
          case TINY, SHORT, LONG, INT24, LONGLONG, YEAR -> true;
          default -> false;
        }) {
      try {
        return Long.parseLong(s); // an integer literal, as the item is an integer
      } catch (NumberFormatException e) {
        return UNUSABLE;
      }
    }
    if ((type == DATE || type == DATETIME || type == TIMESTAMP) && zeroDate(s)) {
      return UNUSABLE; // CAST of a zero date is NULL, where the column would store (or reject) it
    }
    return new Text(s);
  }

  private static boolean zeroDate(String s) {
    return s.startsWith("0000") || s.startsWith("-00", 4) || s.startsWith("-00", 7);
  }

  private static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.NULL);
    } else if (v instanceof Bytes b) {
      ps.setBytes(index, b.bytes());
    } else if (v instanceof Text t) {
      ps.setString(index, t.text());
    } else if (v instanceof Long l) {
      ps.setLong(index, l);
    } else {
      ps.setString(index, (String) v);
    }
  }
}
