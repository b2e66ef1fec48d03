package io.dualwrite.driver.vendor;

import com.mysql.cj.jdbc.exceptions.MySQLStatementCancelledException;
import com.mysql.cj.jdbc.exceptions.MySQLTimeoutException;
import com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException;
import com.mysql.cj.jdbc.exceptions.MysqlDataTruncation;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Makes a PostgreSQL error look like the error MySQL 8 and Connector/J 9 would raise for the same
 * failure, for PG_PRIMARY and PG_ONLY, where PostgreSQL is authoritative and the application
 * (Spring's {@code SQLErrorCodeSQLExceptionTranslator}, Hibernate's MySQL dialect, hand-written
 * {@code catch} blocks) reads MySQL vendor codes and SQLStates.
 *
 * <p>Each translation has the vendor code, SQLState, exception class and message shape Connector/J
 * gives the application for that MySQL error:
 *
 * <table>
 *   <caption>PostgreSQL to MySQL</caption>
 *   <tr><th>PostgreSQL SQLState</th><th>MySQL code</th><th>SQLState</th><th>class</th></tr>
 *   <tr><td>23505 unique_violation</td><td>1062</td><td>23000</td>
 *       <td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>23503 foreign_key_violation, parent</td><td>1451</td><td>23000</td>
 *       <td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>23503 foreign_key_violation, child</td><td>1452</td><td>23000</td>
 *       <td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>23502 not_null_violation</td><td>1048</td><td>23000</td>
 *       <td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>23514 check_violation</td><td>3819 (1406 / 1264 for the CHECKs that keep a MySQL
 *       type's length or range, see {@link #checkViolation})</td><td>HY000</td>
 *       <td>SQLException</td></tr>
 *   <tr><td>22001 string_data_right_truncation</td><td>1406</td><td>22001</td>
 *       <td>MysqlDataTruncation</td></tr>
 *   <tr><td>22003 numeric_value_out_of_range</td><td>1264</td><td>22001 (sic)</td>
 *       <td>MysqlDataTruncation</td></tr>
 *   <tr><td>22007 invalid_datetime_format, 22008 datetime_field_overflow</td><td>1292</td>
 *       <td>22001 (sic)</td><td>MysqlDataTruncation</td></tr>
 *   <tr><td>22012 division_by_zero</td><td>1365</td><td>22001 (sic)</td>
 *       <td>MysqlDataTruncation</td></tr>
 *   <tr><td>21000 cardinality_violation</td><td>1242</td><td>21000</td><td>SQLException</td></tr>
 *   <tr><td>22P02 invalid_text_representation</td><td>1366</td><td>HY000</td>
 *       <td>SQLException</td></tr>
 *   <tr><td>40P01 deadlock_detected, 40001 serialization_failure</td><td>1213</td><td>40001</td>
 *       <td>MySQLTransactionRollbackException</td></tr>
 *   <tr><td>55P03 lock_not_available (lock_timeout)</td><td>1205</td><td>40001</td>
 *       <td>MySQLTransactionRollbackException</td></tr>
 *   <tr><td>55P03 lock_not_available (NOWAIT)</td><td>3572</td><td>HY000</td>
 *       <td>SQLException</td></tr>
 *   <tr><td>57014 statement_timeout</td><td>3024</td><td>HY000</td><td>SQLException</td></tr>
 *   <tr><td>57014 user request</td><td>0</td><td>null</td>
 *       <td>MySQLStatementCancelledException, or MySQLTimeoutException after a query timeout</td></tr>
 *   <tr><td>42P01 undefined_table</td><td>1146</td><td>42S02</td>
 *       <td>SQLSyntaxErrorException</td></tr>
 *   <tr><td>42703 undefined_column</td><td>1054</td><td>42S22</td>
 *       <td>SQLSyntaxErrorException</td></tr>
 * </table>
 *
 * <p>Where the table differs from MySQL's manual, it follows what Connector/J does: the server
 * reports 1205 with SQLState HY000, and Connector/J replaces HY000 by 40001 (its Bug#16634180) and
 * raises a {@code MySQLTransactionRollbackException}; any server SQLState of class 22 becomes a
 * {@code MysqlDataTruncation}, whose SQLState is always 22001 and whose message starts with "Data
 * truncation: ".
 *
 * <p>A {@link BatchUpdateException} stays one, carrying the translated codes of the statement that
 * failed and the update counts, as Connector/J's does. Every other exception is returned as it is.
 * The PostgreSQL exception is the cause of the translated one. Messages are built only from the
 * fields PostgreSQL reports (constraint, table, column, the key in the detail), as MySQL's own are;
 * nothing of the statement or its parameters is added, and the one value kept is the duplicate key
 * of a 1062, which MySQL's message shows too (PostgreSQL's invalid input value is dropped). The key
 * detail ({@code Key (col)=(v) ...}) and the texts that tell the two foreign-key cases apart are in
 * English only when the PostgreSQL server's {@code lc_messages} is English; with other languages
 * the codes, SQLStates and classes are still right and the messages are generic.
 *
 * <p>Thread-safe and stateless.
 */
public final class MysqlErrors {

  /** MySQL error numbers this class produces. */
  public static final int ER_DUP_ENTRY = 1062;

  public static final int ER_ROW_IS_REFERENCED_2 = 1451;
  public static final int ER_NO_REFERENCED_ROW_2 = 1452;
  public static final int ER_BAD_NULL_ERROR = 1048;
  public static final int ER_DATA_TOO_LONG = 1406;
  public static final int ER_WARN_DATA_OUT_OF_RANGE = 1264;
  public static final int ER_TRUNCATED_WRONG_VALUE_FOR_FIELD = 1366;
  public static final int ER_LOCK_DEADLOCK = 1213;
  public static final int ER_LOCK_WAIT_TIMEOUT = 1205;
  public static final int ER_QUERY_TIMEOUT = 3024;
  public static final int ER_LOCK_NOWAIT = 3572;
  public static final int ER_NO_SUCH_TABLE = 1146;
  public static final int ER_CHECK_CONSTRAINT_VIOLATED = 3819;
  public static final int ER_TRUNCATED_WRONG_VALUE = 1292;
  public static final int ER_DIVISION_BY_ZERO = 1365;
  public static final int ER_SUBQUERY_NO_1_ROW = 1242;
  public static final int ER_BAD_FIELD_ERROR = 1054;

  private static final Pattern KEY_DETAIL =
      Pattern.compile(
          "^Key \\((.*)\\)=\\((.*)\\) (?:already exists|is still referenced|is"
              + " referenced|is not present)",
          Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"");
  private static final Pattern INVALID_INPUT =
      Pattern.compile("^invalid input syntax for type ([^:]+):", Pattern.DOTALL);

  /** MySQL prints at most this many characters of a duplicate key value. */
  private static final int MAX_KEY_VALUE_LENGTH = 192;

  private MysqlErrors() {}

  /**
   * The exception the application would have received from MySQL through Connector/J for the
   * failure PostgreSQL reports in {@code fromPostgres}, or {@code fromPostgres} itself when there
   * is no MySQL counterpart. A query cancelled by the user is reported as Connector/J reports a
   * {@code Statement.cancel()}.
   *
   * @param fromPostgres what pgjdbc threw; may be null (returns null)
   */
  public static SQLException translate(SQLException fromPostgres) {
    return translate(fromPostgres, false);
  }

  /**
   * Like {@link #translate(SQLException)}, but a cancelled query ({@code 57014 canceling statement
   * due to user request}, which pgjdbc raises for both {@code Statement.cancel()} and an elapsed
   * {@code setQueryTimeout}) becomes Connector/J's {@code MySQLTimeoutException} when {@code
   * queryTimeoutElapsed} says the statement's query timeout had elapsed when it failed.
   */
  public static SQLException translate(SQLException fromPostgres, boolean queryTimeoutElapsed) {
    return translate(fromPostgres, queryTimeoutElapsed, null);
  }

  /**
   * What the failed statement wrote, for the parts of MySQL's message PostgreSQL's error leaves
   * out: the text values it carried (bound strings and string literals, as the application wrote
   * them), the MySQL types of the written table's columns, and how many rows it wrote (0 when
   * unknown).
   */
  public record StatementFacts(List<String> textValues, Map<String, String> columnTypes, int rows) {
    public StatementFacts {
      textValues = List.copyOf(textValues);
      columnTypes = Map.copyOf(columnTypes);
    }
  }

  /**
   * Like {@link #translate(SQLException, boolean)}, with the statement's facts: a duplicate on a
   * case-insensitive key shows the value as written (PostgreSQL's detail has it lower-cased), and
   * "Data too long" names the column when only one column of the written table has the type
   * PostgreSQL names.
   *
   * @param facts what the statement wrote; null when unknown
   */
  public static SQLException translate(
      SQLException fromPostgres, boolean queryTimeoutElapsed, StatementFacts facts) {
    if (fromPostgres == null) {
      return null;
    }
    if (fromPostgres instanceof BatchUpdateException batch) {
      return translateBatch(batch, queryTimeoutElapsed);
    }
    String state = fromPostgres.getSQLState();
    if (state == null) {
      return fromPostgres;
    }
    ServerErrorMessage server = serverMessage(fromPostgres);
    SQLException translated =
        switch (state) {
          case "23505" -> duplicateKey(server, facts);
          case "23503" -> foreignKey(server);
          case "23514" -> checkViolation(server, facts);
          case "23502" ->
              integrity(
                  "Column '" + orUnknown(column(server, fromPostgres)) + "' cannot be null",
                  ER_BAD_NULL_ERROR);
          case "22001" ->
              truncation(
                  "Data too long for column" + tooLongSuffix(server, fromPostgres, facts),
                  ER_DATA_TOO_LONG);
          case "22003" ->
              truncation(
                  "Out of range value for column" + suffix(server, fromPostgres),
                  ER_WARN_DATA_OUT_OF_RANGE);
          case "22007", "22008" -> truncation("Incorrect datetime value", ER_TRUNCATED_WRONG_VALUE);
          case "22012" -> truncation("Division by 0", ER_DIVISION_BY_ZERO);
          case "21000" ->
              new SQLException("Subquery returns more than 1 row", "21000", ER_SUBQUERY_NO_1_ROW);
          case "22P02" ->
              new SQLException(
                  incorrectValue(primaryMessage(server, fromPostgres)),
                  "HY000",
                  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD);
          case "40P01", "40001" ->
              new MySQLTransactionRollbackException(
                  "Deadlock found when trying to get lock; try restarting transaction",
                  "40001",
                  ER_LOCK_DEADLOCK);
          case "55P03" -> lockNotAvailable(primaryMessage(server, fromPostgres));
          case "57014" -> cancelled(primaryMessage(server, fromPostgres), queryTimeoutElapsed);
          case "42P01" ->
              new SQLSyntaxErrorException(
                  "Table '"
                      + orUnknown(firstQuoted(primaryMessage(server, fromPostgres)))
                      + "' doesn't exist",
                  "42S02",
                  ER_NO_SUCH_TABLE);
          case "42703" ->
              new SQLSyntaxErrorException(
                  "Unknown column '"
                      + orUnknown(undefinedColumn(primaryMessage(server, fromPostgres)))
                      + "' in 'field list'",
                  "42S22",
                  ER_BAD_FIELD_ERROR);
          default -> null;
        };
    if (translated == null) {
      return fromPostgres;
    }
    translated.initCause(fromPostgres);
    return translated;
  }

  /**
   * pgjdbc reports a failed batch as a {@link BatchUpdateException} whose message quotes the
   * statement with its bind values and whose next exception is the server's error; Connector/J
   * throws a {@code BatchUpdateException} with the failed statement's message, SQLState and code,
   * the update counts, and that error as the cause. The translation does the same, with the
   * server's error translated; no statement text is carried over.
   */
  private static SQLException translateBatch(
      BatchUpdateException batch, boolean queryTimeoutElapsed) {
    SQLException inner = batch.getNextException();
    if (inner == null && batch.getCause() instanceof SQLException cause) {
      inner = cause;
    }
    if (inner == null) {
      inner = new SQLException("Batch entry failed", batch.getSQLState(), batch.getErrorCode());
      inner.initCause(batch);
    }
    SQLException translated = translate(inner, queryTimeoutElapsed);
    if (translated == inner && inner.getSQLState() != null && !isMapped(inner.getSQLState())) {
      return batch;
    }
    return new BatchUpdateException(
        translated.getMessage(),
        translated.getSQLState(),
        translated.getErrorCode(),
        batch.getLargeUpdateCounts(),
        translated);
  }

  private static boolean isMapped(String state) {
    return switch (state) {
      case "23505",
          "23503",
          "23514",
          "23502",
          "22001",
          "22003",
          "22P02",
          "40P01",
          "40001",
          "55P03",
          "57014",
          "42P01",
          "42703" ->
          true;
      default -> false;
    };
  }

  private static final Pattern TOO_LONG_FOR_TYPE =
      Pattern.compile("value too long for type (character varying|character)\\((\\d+)\\)");

  /**
   * PostgreSQL's {@code value too long for type character varying(5)} names no column; the one
   * column of the written table with that MySQL type is the one (none or several: left out), and
   * MySQL's "at row n" is given for a one-row statement.
   */
  private static String tooLongSuffix(
      ServerErrorMessage server, SQLException e, StatementFacts facts) {
    String known = suffix(server, e);
    if (!known.isEmpty() || facts == null) {
      return known;
    }
    Matcher m = TOO_LONG_FOR_TYPE.matcher(String.valueOf(primaryMessage(server, e)));
    if (!m.find()) {
      return "";
    }
    String wanted = (m.group(1).equals("character") ? "char(" : "varchar(") + m.group(2) + ")";
    String column = null;
    for (Map.Entry<String, String> c : facts.columnTypes().entrySet()) {
      if (c.getValue().replace(" ", "").toLowerCase(java.util.Locale.ROOT).startsWith(wanted)) {
        if (column != null) {
          return "";
        }
        column = c.getKey();
      }
    }
    return column == null ? "" : " '" + column + "'" + (facts.rows() == 1 ? " at row 1" : "");
  }

  /**
   * A CHECK failed. The rewriter's DDL adds a CHECK where PostgreSQL's type is wider than MySQL's
   * ({@code octet_length(c) <= n} for BINARY/VARBINARY(n), 0..1 for BIT(1), a range for unsigned
   * integers, TINYINT, MEDIUMINT and YEAR), which PostgreSQL names {@code <table>_<column>_check}:
   * MySQL refuses such a value with "Data too long" (1406) or "Out of range value" (1264), so that
   * is what the application hears. Any other CHECK is MySQL's 3819.
   */
  private static SQLException checkViolation(ServerErrorMessage server, StatementFacts facts) {
    String constraint = server == null ? null : server.getConstraint();
    String table = server == null ? null : server.getTable();
    if (constraint != null && table != null && facts != null) {
      for (Map.Entry<String, String> c : facts.columnTypes().entrySet()) {
        if (!constraint.equals(table + "_" + c.getKey() + "_check")) {
          continue;
        }
        String type = c.getValue().toLowerCase(java.util.Locale.ROOT).strip();
        String where = " '" + c.getKey() + "'" + (facts.rows() == 1 ? " at row 1" : "");
        if (type.startsWith("binary") || type.startsWith("varbinary") || type.startsWith("bit")) {
          return truncation("Data too long for column" + where, ER_DATA_TOO_LONG);
        }
        if (type.contains("unsigned")
            || type.startsWith("tinyint")
            || type.startsWith("mediumint")
            || type.startsWith("year")) {
          return truncation("Out of range value for column" + where, ER_WARN_DATA_OUT_OF_RANGE);
        }
      }
    }
    return new SQLException(
        "Check constraint '" + orUnknown(constraint) + "' is violated.",
        "HY000",
        ER_CHECK_CONSTRAINT_VIOLATED);
  }

  private static SQLException duplicateKey(ServerErrorMessage server, StatementFacts facts) {
    String key = mysqlKeyName(server);
    String values = server == null ? null : keyValues(server.getDetail());
    if (values != null && facts != null && server.getDetail().contains("lower(")) {
      // the key folds case: MySQL shows the value the statement wrote, not the folded one
      for (String v : facts.textValues()) {
        if (v.toLowerCase(java.util.Locale.ROOT).equals(values)) {
          values = v;
          break;
        }
      }
    }
    StringBuilder message = new StringBuilder("Duplicate entry");
    if (values != null) {
      message.append(" '").append(values).append('\'');
    }
    if (key != null) {
      message.append(" for key '").append(key).append('\'');
    }
    return integrity(message.toString(), ER_DUP_ENTRY);
  }

  /**
   * MySQL 8 names the key {@code table.index}; PostgreSQL reports the constraint or unique index,
   * which the rewriter's DDL named after the MySQL key (see {@code DdlPrinter}):
   *
   * <ul>
   *   <li>{@code t_pkey} (the primary key) and {@code t_primary_ci} (the case-folded twin of a
   *       primary key on {@code _ci} text columns) are MySQL's {@code PRIMARY};
   *   <li>{@code t_col_key}, PostgreSQL's default name of a column-level {@code UNIQUE}, is MySQL's
   *       default index name {@code col} when the detail's key columns confirm it (or cannot be
   *       read); a multi-column {@code t_a_b_key}, which the rewriter does not make, is {@code
   *       a_b};
   *   <li>{@code t_col_ci}, the {@code lower(col)} (or {@code col COLLATE dualwrite_ai_ci}) index
   *       of a column-level {@code UNIQUE} on a case-insensitive column, is {@code col} when the
   *       detail's key is {@code lower(col)} (or {@code col});
   *   <li>{@code t_lowercol}, the rewriter's name for an unnamed {@code UNIQUE KEY (col)} on a
   *       case-insensitive column, is MySQL's default name {@code col} likewise;
   *   <li>{@code t_name}, any other index the rewriter made for a {@code UNIQUE KEY name}, is
   *       {@code name}.
   * </ul>
   *
   * A constraint that does not start with the table's name is used as it is.
   */
  static String mysqlKeyName(ServerErrorMessage server) {
    if (server == null || server.getConstraint() == null) {
      return null;
    }
    String constraint = server.getConstraint();
    String table = server.getTable();
    if (table == null) {
      return constraint;
    }
    return table + "." + mysqlIndexName(table, constraint, keyColumns(server.getDetail()));
  }

  /**
   * @param keyColumns the key's columns or expressions as the detail prints them ({@code
   *     lower((email)::text)}); null when the detail is missing or not in English
   */
  static String mysqlIndexName(String table, String constraint, java.util.List<String> keyColumns) {
    if (constraint.equals(table + "_pkey")) {
      return "PRIMARY";
    }
    String prefix = table + "_";
    if (!constraint.startsWith(prefix) || constraint.length() == prefix.length()) {
      return constraint;
    }
    String rest = constraint.substring(prefix.length());
    if (rest.equals("primary_ci")) {
      return "PRIMARY";
    }
    if (rest.endsWith("_key") && rest.length() > 4) {
      String base = rest.substring(0, rest.length() - 4);
      if (keyColumns == null) {
        return base;
      }
      if (base.equals(String.join("_", keyColumns))) {
        return base;
      }
    }
    if (keyColumns != null && keyColumns.size() == 1) {
      String folded = foldedColumn(keyColumns.get(0));
      if (folded != null && (rest.equals(folded + "_ci") || rest.equals("lower" + folded))) {
        return folded;
      }
      // under the accent-insensitive collation the key is the column itself
      if (rest.equals(keyColumns.get(0) + "_ci")) {
        return keyColumns.get(0);
      }
    }
    return rest;
  }

  private static final Pattern LOWER_COLUMN =
      Pattern.compile("^lower\\(+\"?([^\"():]+)\"?\\)*(?:::[a-z ]+\\)*)?$");

  /** {@code lower((email)::text)} or {@code lower(email::text)} gives {@code email}. */
  private static String foldedColumn(String expression) {
    Matcher m = LOWER_COLUMN.matcher(expression.trim());
    return m.matches() ? m.group(1) : null;
  }

  /** The key's columns of {@code Key (a, b)=(...)}, or null. */
  private static java.util.List<String> keyColumns(String detail) {
    if (detail == null) {
      return null;
    }
    Matcher m = KEY_DETAIL.matcher(detail);
    if (!m.find()) {
      return null;
    }
    return java.util.List.of(m.group(1).split(", ", -1));
  }

  /**
   * {@code Key (a, b)=(1, x) already exists.} gives {@code 1-x}, as MySQL prints a composite key;
   * null when the detail is missing (the user may not see the row) or not in this shape.
   */
  static String keyValues(String detail) {
    if (detail == null) {
      return null;
    }
    Matcher m = KEY_DETAIL.matcher(detail);
    if (!m.find()) {
      return null;
    }
    String columns = m.group(1);
    String values = m.group(2);
    int columnCount = columns.split(", ", -1).length;
    String[] parts = values.split(", ", -1);
    String joined = parts.length == columnCount ? String.join("-", parts) : values;
    if (joined.length() > MAX_KEY_VALUE_LENGTH) {
      joined = joined.substring(0, MAX_KEY_VALUE_LENGTH - 3) + "...";
    }
    return joined;
  }

  private static SQLException foreignKey(ServerErrorMessage server) {
    String detail = server == null ? null : server.getDetail();
    String message = server == null ? null : server.getMessage();
    boolean parent;
    if (detail != null && (detail.contains(" referenced from table "))) {
      parent = true;
    } else if (detail != null && detail.contains(" is not present in table ")) {
      parent = false;
    } else {
      parent = message != null && message.startsWith("update or delete on table ");
    }
    StringBuilder text =
        new StringBuilder(
            parent
                ? "Cannot delete or update a parent row: a foreign key constraint fails"
                : "Cannot add or update a child row: a foreign key constraint fails");
    if (server != null && server.getTable() != null && server.getConstraint() != null) {
      text.append(" (`")
          .append(server.getTable())
          .append("`, CONSTRAINT `")
          .append(server.getConstraint())
          .append("`)");
    }
    return integrity(text.toString(), parent ? ER_ROW_IS_REFERENCED_2 : ER_NO_REFERENCED_ROW_2);
  }

  private static SQLException integrity(String message, int code) {
    return new SQLIntegrityConstraintViolationException(message, "23000", code);
  }

  /**
   * Connector/J's shape for every server SQLState of class 22: SQLState 22001, a parameter, not a
   * read.
   */
  private static SQLException truncation(String message, int code) {
    return new MysqlDataTruncation(message, 0, true, false, 0, 0, code);
  }

  /**
   * {@code lock_timeout} ("canceling statement due to lock timeout") is MySQL's lock wait timeout;
   * {@code FOR UPDATE NOWAIT} ("could not obtain lock on row ...") is MySQL 8's 3572.
   */
  private static SQLException lockNotAvailable(String message) {
    if (message != null && message.startsWith("could not obtain lock")) {
      return new SQLException(
          "Statement aborted because lock(s) could not be acquired immediately and NOWAIT is set.",
          "HY000",
          ER_LOCK_NOWAIT);
    }
    return lockWaitTimeout();
  }

  private static SQLException lockWaitTimeout() {
    return new MySQLTransactionRollbackException(
        "Lock wait timeout exceeded; try restarting transaction", "40001", ER_LOCK_WAIT_TIMEOUT);
  }

  private static SQLException cancelled(String message, boolean queryTimeoutElapsed) {
    if (message != null && message.contains("lock timeout")) {
      return lockWaitTimeout();
    }
    if (message != null && message.contains("statement timeout")) {
      return new SQLException(
          "Query execution was interrupted, maximum statement execution time exceeded",
          "HY000",
          ER_QUERY_TIMEOUT);
    }
    return queryTimeoutElapsed
        ? new MySQLTimeoutException("Statement cancelled due to timeout or client request")
        : new MySQLStatementCancelledException("Statement cancelled due to client request");
  }

  /**
   * MySQL names the column and row ({@code Data too long for column 'c' at row 1}); PostgreSQL
   * names the column only for some errors and never the row.
   */
  private static String suffix(ServerErrorMessage server, SQLException e) {
    String column = column(server, e);
    return column == null ? "" : " '" + column + "'";
  }

  private static String column(ServerErrorMessage server, SQLException e) {
    if (server != null && server.getColumn() != null) {
      return server.getColumn();
    }
    if ("23502".equals(e.getSQLState())) {
      // null value in column "c" of relation "t" violates not-null constraint
      return firstQuoted(primaryMessage(server, e));
    }
    return null;
  }

  /**
   * {@code invalid input syntax for type integer: "abc"} gives {@code Incorrect integer value}:
   * MySQL's 1366 text without the value, which is usually a bind value.
   */
  private static String incorrectValue(String message) {
    if (message != null) {
      Matcher m = INVALID_INPUT.matcher(message);
      if (m.find()) {
        return "Incorrect " + m.group(1) + " value";
      }
    }
    return "Incorrect value";
  }

  /** {@code column "x" does not exist} or {@code column t.x does not exist} gives {@code x}. */
  private static String undefinedColumn(String message) {
    String quoted = firstQuoted(message);
    if (quoted != null) {
      return quoted;
    }
    if (message != null && message.startsWith("column ") && message.endsWith(" does not exist")) {
      String name = message.substring("column ".length(), message.length() - 15);
      int dot = name.lastIndexOf('.');
      return dot < 0 ? name : name.substring(dot + 1);
    }
    return null;
  }

  private static String firstQuoted(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = QUOTED.matcher(message);
    return m.find() ? m.group(1).replace("\"\"", "\"") : null;
  }

  private static String orUnknown(String s) {
    return s == null ? "?" : s;
  }

  private static ServerErrorMessage serverMessage(SQLException e) {
    return e instanceof PSQLException p ? p.getServerErrorMessage() : null;
  }

  /** The server's primary message without pgjdbc's {@code ERROR: } prefix and detail lines. */
  private static String primaryMessage(ServerErrorMessage server, SQLException e) {
    if (server != null && server.getMessage() != null) {
      return server.getMessage();
    }
    String m = e.getMessage();
    if (m == null) {
      return null;
    }
    if (m.startsWith("ERROR: ")) {
      m = m.substring(7);
    }
    int newline = m.indexOf('\n');
    return newline < 0 ? m : m.substring(0, newline);
  }
}
