package io.dualwrite.driver.mirror;

import io.dualwrite.rewriter.ColumnInfo;
import io.dualwrite.rewriter.TableInfo;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Mirrors the rows an {@code INSERT} wrote on the authoritative side by reading them back there and
 * inserting exactly those rows, every column with an explicit value, on the other side. Used where
 * the generated keys cannot be matched to the statement's rows: {@code INSERT ... SELECT} into an
 * AUTO_INCREMENT table (which row got which key depends on each database's row order), and a
 * multi-row {@code INSERT IGNORE} that skipped some rows (which rows were skipped is not in the
 * update count).
 *
 * <p>The rows are read on the authoritative connection, in the transaction that wrote them (the
 * driver holds an autocommit write's transaction open until its mirror ran), so they are visible to
 * the read and locked against every other writer. A read-back is used only when it provably returns
 * exactly the inserted rows; otherwise {@link ReadBack#rows()} is null with the reason, and the
 * caller mirrors the statement as before and records the difference.
 *
 * <p><b>MySQL authoritative.</b> MySQL reports only the first generated key; the rows are
 * identified by the AUTO_INCREMENT range the statement was allocated: {@code [first, first + (sent
 * - 1) * auto_increment_increment]}, where {@code sent} is the number of rows the statement tried
 * to insert. InnoDB allocates one statement's keys as one run of that step when the number of rows
 * is known in advance ({@code INSERT ... VALUES}, every {@code innodb_autoinc_lock_mode}), and for
 * {@code INSERT ... SELECT} under the table-level AUTO-INC lock in lock modes 0 and 1. The
 * statement's own rows are therefore all in the range, and the read (a consistent read: it never
 * waits for another transaction, except under SERIALIZABLE, where InnoDB makes it a locking read)
 * must find exactly as many rows of that step in it as MySQL reported inserted: any other row in
 * the range (committed by another transaction, or an older row a skipped row collided with) makes
 * the counts differ.
 *
 * <p>In lock mode 2 (MySQL 8's default) an {@code INSERT ... SELECT}'s keys may interleave with a
 * concurrent statement's, so its rows are not one run; but its keys still only increase from the
 * first, so every row it inserted has a key at or above the first, and all of them are visible to
 * the read (it runs in the transaction that wrote them). The read takes every row from the first
 * key on, and the rows are used only when exactly as many are found as MySQL reported inserted: the
 * statement's own rows are then all there is, since any other visible row (another transaction's,
 * committed in between or before with a larger key) would make one more. Another transaction's
 * uncommitted rows are invisible to the consistent read, so they cannot be taken for the
 * statement's. Under SERIALIZABLE (where InnoDB makes the read a locking one, which would lock the
 * table's end against other inserts until commit) the rows are not read back.
 *
 * <p><b>PostgreSQL authoritative.</b> PostgreSQL returns every inserted row's key ({@code
 * RETURNING}); the rows are read by those keys. Also used for a multi-row {@code INSERT ... VALUES}
 * whose keys are not consecutive (concurrent sessions interleave sequence values), which MySQL's
 * {@code insert_id} cannot reproduce.
 *
 * <p>Values cross as MySQL's column type dictates (the rewriter's catalog): integers of every width
 * (TINYINT(1), BIT(1) and YEAR included) as numbers, DECIMAL and BIGINT UNSIGNED as {@code
 * BigDecimal}, FLOAT and DOUBLE as their exact binary value (a MySQL FLOAT is read widened to
 * DOUBLE, as MySQL's text of a FLOAT is rounded), dates, times and JSON as their text read on the
 * source side (no time zone conversion by either driver), strings as strings, binary strings as
 * bytes. A table with a column of any other type is not read back.
 */
public final class InsertedRowsMirror {

  /**
   * The most rows one statement's read-back holds in memory; a statement that inserted more is
   * mirrored as before, and recorded.
   */
  public static final int MAX_ROWS = 10_000;

  private InsertedRowsMirror() {}

  /**
   * The rows read back, or why they were not.
   *
   * @param table the table, as the catalog knows it
   * @param columns the columns written, in {@link #values} order
   * @param values one array per row, ordered by key
   * @param keys each row's AUTO_INCREMENT value (Long), in row order
   * @param reason why no rows are given (null when they are)
   */
  public record ReadBack(
      TableInfo table,
      List<ColumnInfo> columns,
      List<Object[]> values,
      List<Object> keys,
      String reason) {

    /** No rows: {@code reason} says why. */
    public static ReadBack notProven(String reason) {
      return new ReadBack(null, null, null, null, reason);
    }

    /** The rows of several read-backs of one table, in order. */
    public static ReadBack concat(List<ReadBack> parts) {
      List<Object[]> values = new ArrayList<>();
      List<Object> keys = new ArrayList<>();
      for (ReadBack p : parts) {
        values.addAll(p.values());
        keys.addAll(p.keys());
      }
      ReadBack first = parts.get(0);
      return new ReadBack(first.table(), first.columns(), values, keys, null);
    }

    /** The rows, or null when they could not be proven to be exactly the inserted ones. */
    public List<Object[]> rows() {
      return values;
    }
  }

  /** How one column's value is read on either side and bound on the other. */
  enum Family {
    /** Every integer type up to BIGINT, TINYINT(1)/BOOL, BIT(n) and YEAR: a long. */
    INTEGER,
    /** BIGINT UNSIGNED (and SERIAL), DECIMAL: a BigDecimal. */
    DECIMAL,
    FLOAT,
    DOUBLE,
    STRING,
    BYTES,
    /** DATE, DATETIME, TIMESTAMP, TIME and JSON: the source side's text of the value. */
    TEXT;

    /** The family of a MySQL column type ({@code information_schema} COLUMN_TYPE), or null. */
    static Family of(String mysqlType) {
      String t = mysqlType.trim().toLowerCase(Locale.ROOT);
      int end = 0;
      while (end < t.length()
          && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) {
        end++;
      }
      String base = t.substring(0, end);
      boolean unsigned = t.contains("unsigned");
      return switch (base) {
        case "tinyint", "bool", "boolean", "smallint", "mediumint", "int", "integer", "year" ->
            INTEGER;
        // BIT(n) is a bigint on PostgreSQL up to 63 bits; BIT(64) is not translated
        case "bit" -> t.replace(" ", "").equals("bit(64)") ? null : INTEGER;
        case "bigint" -> unsigned ? DECIMAL : INTEGER;
        case "serial", "decimal", "dec", "numeric", "fixed" -> DECIMAL;
        case "float" -> t.matches("float\\s*\\(\\s*(2[5-9]|[3-5][0-9])\\s*\\).*") ? DOUBLE : FLOAT;
        case "double", "real" -> DOUBLE;
        case "char",
            "nchar",
            "varchar",
            "nvarchar",
            "tinytext",
            "text",
            "mediumtext",
            "longtext",
            "enum",
            "set" ->
            STRING;
        case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> BYTES;
        case "date", "datetime", "timestamp", "time", "json" -> TEXT;
        default -> null;
      };
    }
  }

  // ------------------------------------------------------------------------------- reading

  /**
   * Reads back the rows a MySQL {@code INSERT} just wrote on {@code mysql}.
   *
   * @param firstKey the first generated key MySQL reported (Connector/J's first generated key)
   * @param sent the number of rows the statement tried to insert
   * @param inserted the number of rows MySQL reported inserted
   * @param bulk whether the number of rows was unknown to MySQL in advance ({@code INSERT ...
   *     SELECT}), so its keys are one run only under the table-level AUTO-INC lock
   */
  public static ReadBack readMysql(
      Connection mysql, TableInfo table, long firstKey, long sent, long inserted, boolean bulk)
      throws SQLException {
    return readMysql(mysql, table, firstKey, sent, inserted, bulk, Long.MAX_VALUE);
  }

  /**
   * As {@link #readMysql(Connection, TableInfo, long, long, long, boolean)}, with {@code below}: a
   * key no row of the statement reaches (the next statement's first key in a batch of {@code INSERT
   * ... SELECT}s, whose executions allocate keys one after the other), which bounds the read of an
   * interleaved statement's rows from above.
   */
  public static ReadBack readMysql(
      Connection mysql,
      TableInfo table,
      long firstKey,
      long sent,
      long inserted,
      boolean bulk,
      long below)
      throws SQLException {
    ColumnInfo key = table.autoIncrementColumn().orElse(null);
    String problem = check(table, key, inserted);
    if (problem != null) {
      return ReadBack.notProven(problem);
    }
    if (sent < inserted || sent > MAX_ROWS) {
      return ReadBack.notProven("the statement tried to insert " + sent + " rows");
    }
    return onMysqlTable(
        mysql,
        table.name(),
        name ->
            readMysqlRange(mysql, table, key, name, firstKey, sent, inserted, bulk, below, false));
  }

  /**
   * Reads back the rows a multi-row MySQL {@code INSERT ... ON DUPLICATE KEY UPDATE} inserted:
   * every row in the key range the statement was allocated, {@code [firstKey, firstKey + (sent - 1)
   * * auto_increment_increment]} (InnoDB allocates a statement of known row count one run of keys,
   * and a row that updated instead hands its key to the next row), however many there are: the
   * update count does not tell how many rows were inserted (an updated row counts 2, an unchanged
   * one 0 or 1). A row in the range can only be the statement's: the AUTO_INCREMENT counter was
   * above every older key.
   *
   * @param firstKey the first key MySQL generated for the statement (its LAST_INSERT_ID)
   * @param sent the number of rows of the statement's VALUES
   */
  public static ReadBack readMysqlUpserted(
      Connection mysql, TableInfo table, long firstKey, long sent) throws SQLException {
    ColumnInfo key = table.autoIncrementColumn().orElse(null);
    String problem = check(table, key, sent);
    if (problem != null) {
      return ReadBack.notProven(problem);
    }
    return onMysqlTable(
        mysql,
        table.name(),
        name ->
            readMysqlRange(
                mysql, table, key, name, firstKey, sent, sent, false, Long.MAX_VALUE, true));
  }

  private static ReadBack readMysqlRange(
      Connection mysql,
      TableInfo table,
      ColumnInfo key,
      String tableName,
      long firstKey,
      long sent,
      long inserted,
      boolean bulk,
      long below,
      boolean atMost)
      throws SQLException {
    List<ColumnInfo> columns = table.columns();
    // lock mode 2 (MySQL 8's default): an INSERT ... SELECT's keys may interleave with another
    // statement's, so its rows are not one run; they are all at or above its first key, though
    boolean interleaved = bulk && interleavingLockMode(mysql);
    if (interleaved && mysql.getTransactionIsolation() == Connection.TRANSACTION_SERIALIZABLE) {
      return ReadBack.notProven(
          "innodb_autoinc_lock_mode is 2 and the transaction SERIALIZABLE: reading every key from"
              + " the statement's first on would lock out other inserts");
    }
    StringBuilder sql =
        new StringBuilder("SELECT @@innodb_autoinc_lock_mode, @@auto_increment_increment, ");
    sql.append(mysqlQuote(key.name()));
    for (ColumnInfo c : columns) {
      sql.append(", ").append(mysqlRead(c));
    }
    String k = mysqlQuote(key.name());
    sql.append(" FROM ")
        .append(mysqlQuote(tableName))
        .append(" WHERE ")
        .append(k)
        .append(
            interleaved
                ? " >= ? AND " + k + " < ? ORDER BY " + k + " LIMIT ?"
                : " BETWEEN ? AND ? + ? * @@auto_increment_increment ORDER BY " + k);
    List<Object[]> rows = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    try (PreparedStatement ps = mysql.prepareStatement(sql.toString())) {
      ps.setLong(1, firstKey);
      if (interleaved) {
        ps.setLong(2, below);
        ps.setLong(3, inserted + 1); // one more than inserted: enough to see any other row
      } else {
        ps.setLong(2, firstKey);
        ps.setLong(3, sent - 1);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int lockMode = rs.getInt(1);
          long increment = rs.getLong(2);
          if (bulk && !interleaved && lockMode != 0 && lockMode != 1) {
            return ReadBack.notProven("innodb_autoinc_lock_mode changed to " + lockMode);
          }
          long id = rs.getLong(3);
          if (increment > 1 && Math.floorMod(id - firstKey, increment) != 0) {
            continue; // another auto_increment_offset's key: not allocated by this statement
          }
          if (keys.size() >= inserted) {
            return ReadBack.notProven(
                interleaved
                    ? "innodb_autoinc_lock_mode is 2 and more than "
                        + inserted
                        + " rows have a key from the statement's first key on (another"
                        + " statement's rows among them)"
                    : "more than " + inserted + " rows in the statement's key range");
          }
          Object[] row = new Object[columns.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = read(rs, i + 4, family(columns.get(i)), true);
          }
          rows.add(row);
          keys.add(id);
        }
      }
    }
    if (rows.size() != inserted && !atMost) {
      return ReadBack.notProven(
          interleaved
              ? "innodb_autoinc_lock_mode is 2 and "
                  + rows.size()
                  + " rows have a key from the statement's first key on, "
                  + inserted
                  + " inserted"
              : rows.size() + " rows in the statement's key range, " + inserted + " inserted");
    }
    return new ReadBack(table, columns, rows, keys, null);
  }

  /** Whether InnoDB may interleave an INSERT ... SELECT's keys with another statement's. */
  private static boolean interleavingLockMode(Connection mysql) throws SQLException {
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@innodb_autoinc_lock_mode")) {
      int mode = rs.next() ? rs.getInt(1) : -1;
      return mode != 0 && mode != 1;
    }
  }

  /** Reads back the rows a PostgreSQL {@code INSERT} wrote on {@code pg}, by their keys. */
  public static ReadBack readPostgres(Connection pg, TableInfo table, List<Object> keys)
      throws SQLException {
    ColumnInfo key = table.autoIncrementColumn().orElse(null);
    String problem = check(table, key, keys.size());
    if (problem != null) {
      return ReadBack.notProven(problem);
    }
    Set<Long> wanted = new HashSet<>();
    for (Object k : keys) {
      if (!(k instanceof Number n) || !wanted.add(n.longValue())) {
        return ReadBack.notProven("the returned keys are not distinct numbers");
      }
    }
    List<ColumnInfo> columns = table.columns();
    StringBuilder sql = new StringBuilder("SELECT ").append(pgQuote(key.name()));
    for (ColumnInfo c : columns) {
      sql.append(", ").append(pgRead(c));
    }
    String k = pgQuote(key.name());
    sql.append(" FROM ")
        .append(pgQuote(table.name()))
        .append(" WHERE ")
        .append(k)
        .append(" = ANY(?) ORDER BY ")
        .append(k);
    List<Object[]> rows = new ArrayList<>();
    List<Object> found = new ArrayList<>();
    try (PreparedStatement ps = pg.prepareStatement(sql.toString())) {
      ps.setArray(1, pg.createArrayOf("bigint", wanted.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rows.size() >= keys.size()) {
            return ReadBack.notProven("more rows than keys returned");
          }
          Object[] row = new Object[columns.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = read(rs, i + 2, family(columns.get(i)), false);
          }
          rows.add(row);
          found.add(rs.getLong(1));
        }
      }
    }
    if (rows.size() != keys.size()) {
      return ReadBack.notProven(rows.size() + " rows found for " + keys.size() + " keys");
    }
    return new ReadBack(table, columns, rows, found, null);
  }

  /** Why a table's rows cannot be read back for {@code inserted} rows (null: they can). */
  private static String check(TableInfo table, ColumnInfo key, long inserted) {
    if (key == null || family(key) != Family.INTEGER && family(key) != Family.DECIMAL) {
      return "no integer AUTO_INCREMENT column known for " + table.name();
    }
    if (inserted <= 0 || inserted > MAX_ROWS) {
      return inserted + " rows inserted (read back: 1 to " + MAX_ROWS + ")";
    }
    for (ColumnInfo c : table.columns()) {
      if (family(c) == null) {
        return "column " + c.name() + " has type " + c.mysqlType() + ", which is not read back";
      }
    }
    return null;
  }

  private static Family family(ColumnInfo c) {
    return Family.of(c.mysqlType());
  }

  /** The select-list expression for column {@code c} on MySQL. */
  private static String mysqlRead(ColumnInfo c) {
    String q = mysqlQuote(c.name());
    return switch (family(c)) {
      // BIT(n) and YEAR as plain numbers (Connector/J reads them as bytes and dates)
      case INTEGER -> "CAST(" + q + " AS SIGNED)";
      // exact decimal text (BIGINT UNSIGNED beyond Long.MAX_VALUE included)
      case DECIMAL -> "CAST(" + q + " AS CHAR)";
      // MySQL's own text of the value: no time zone or calendar conversion by Connector/J
      case TEXT -> "CAST(" + q + " AS CHAR)";
      // widened exactly to DOUBLE: MySQL prints a FLOAT rounded to 6 digits, a DOUBLE exactly
      case FLOAT -> "(" + q + " + 0e0)";
      default -> q;
    };
  }

  /** The select-list expression for column {@code c} on PostgreSQL. */
  private static String pgRead(ColumnInfo c) {
    String q = pgQuote(c.name());
    return family(c) == Family.TEXT ? "CAST(" + q + " AS text)" : q;
  }

  private static Object read(ResultSet rs, int index, Family family, boolean fromMysql)
      throws SQLException {
    Object value =
        switch (family) {
          case INTEGER -> rs.getLong(index);
          case DECIMAL -> {
            String text = rs.getString(index);
            yield text == null ? null : new BigDecimal(text);
          }
          case FLOAT -> fromMysql ? (float) rs.getDouble(index) : rs.getFloat(index);
          case DOUBLE -> rs.getDouble(index);
          case STRING, TEXT -> rs.getString(index);
          case BYTES -> rs.getBytes(index);
        };
    return rs.wasNull() ? null : value;
  }

  // ------------------------------------------------------------------------------- writing

  /**
   * Inserts the rows read back into the same table on {@code target} (PostgreSQL when {@code
   * toPostgres}, else MySQL), every column with its explicit value, as one batch.
   *
   * @param mysqlInsert what becomes of the {@code INSERT} on MySQL before it runs (e.g. {@link
   *     io.dualwrite.driver.vendor.MysqlForeignKeyChecks#skipped})
   * @return the number of rows inserted
   */
  public static long write(
      Connection target, boolean toPostgres, ReadBack read, UnaryOperator<String> mysqlInsert)
      throws SQLException {
    if (toPostgres) {
      return writeInto(target, true, pgQuote(read.table().name()), read, UnaryOperator.identity());
    }
    return onMysqlTable(
        target,
        read.table().name(),
        name -> writeInto(target, false, mysqlQuote(name), read, mysqlInsert));
  }

  private static long writeInto(
      Connection target,
      boolean toPostgres,
      String table,
      ReadBack read,
      UnaryOperator<String> insert)
      throws SQLException {
    List<ColumnInfo> columns = read.columns();
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (ColumnInfo c : columns) {
      if (names.length() > 0) {
        names.append(", ");
        marks.append(", ");
      }
      names.append(toPostgres ? pgQuote(c.name()) : mysqlQuote(c.name()));
      marks.append('?');
    }
    String sql = insert.apply("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
    long count = 0;
    try (PreparedStatement ps = target.prepareStatement(sql)) {
      for (Object[] row : read.rows()) {
        for (int i = 0; i < row.length; i++) {
          bind(ps, i + 1, row[i], family(columns.get(i)), toPostgres);
        }
        ps.addBatch();
      }
      for (int n : ps.executeBatch()) {
        count += n == Statement.SUCCESS_NO_INFO ? 1 : n;
      }
    }
    return count;
  }

  /**
   * Gives the rows read back their MySQL keys on PostgreSQL, after the statement itself ran there
   * (inserting them with keys of PostgreSQL's sequence): each row, found by a unique key of the
   * table other than its AUTO_INCREMENT column whose values it has (all not NULL), gets the key
   * MySQL gave it. Used for a multi-row upsert, whose update part must run as the statement says
   * and whose inserted rows cannot be told from its update count.
   *
   * @return whether every row now has its MySQL key on PostgreSQL
   */
  public static boolean rekeyPostgres(Connection pg, ReadBack read) throws SQLException {
    TableInfo table = read.table();
    ColumnInfo key = table.autoIncrementColumn().orElseThrow();
    List<ColumnInfo> columns = read.columns();
    List<List<Integer>> uniqueKeys = new ArrayList<>();
    for (List<String> unique : table.uniqueKeys()) {
      List<Integer> positions = new ArrayList<>();
      for (String name : unique) {
        for (int i = 0; i < columns.size(); i++) {
          if (columns.get(i).name().equalsIgnoreCase(name)) {
            positions.add(i);
          }
        }
      }
      if (positions.size() == unique.size()
          && unique.stream().noneMatch(n -> n.equalsIgnoreCase(key.name()))) {
        uniqueKeys.add(positions);
      }
    }
    if (read.rows().isEmpty()) {
      return true; // every row updated one that was there: no key was generated
    }
    String k = pgQuote(key.name());
    for (int r = 0; r < read.rows().size(); r++) {
      Object[] row = read.rows().get(r);
      List<Integer> unique =
          uniqueKeys.stream()
              .filter(u -> u.stream().allMatch(i -> row[i] != null))
              .findFirst()
              .orElse(null);
      if (unique == null) {
        return false; // no unique key identifies the row
      }
      StringBuilder sql =
          new StringBuilder("UPDATE ")
              .append(pgQuote(table.name()))
              .append(" SET ")
              .append(k)
              .append(" = ? WHERE ")
              .append(k)
              .append(" <> ?");
      for (int i : unique) {
        sql.append(" AND ").append(pgQuote(columns.get(i).name())).append(" = ?");
      }
      try (PreparedStatement ps = pg.prepareStatement(sql.toString())) {
        long id = ((Number) read.keys().get(r)).longValue();
        ps.setLong(1, id);
        ps.setLong(2, id);
        int p = 3;
        for (int i : unique) {
          bind(ps, p++, row[i], family(columns.get(i)), true);
        }
        ps.executeUpdate();
      }
    }
    StringBuilder check =
        new StringBuilder("SELECT count(*) FROM ")
            .append(pgQuote(table.name()))
            .append(" WHERE ")
            .append(k)
            .append(" IN (");
    for (int r = 0; r < read.keys().size(); r++) {
      check.append(r > 0 ? ", ?" : "?");
    }
    try (PreparedStatement ps = pg.prepareStatement(check.append(")").toString())) {
      for (int r = 0; r < read.keys().size(); r++) {
        ps.setLong(r + 1, ((Number) read.keys().get(r)).longValue());
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) == read.keys().size();
      }
    }
  }

  private static void bind(
      PreparedStatement ps, int index, Object value, Family family, boolean toPostgres)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
      return;
    }
    switch (family) {
      case INTEGER -> ps.setLong(index, (Long) value);
      case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
      case FLOAT -> ps.setFloat(index, (Float) value);
      case DOUBLE -> ps.setDouble(index, (Double) value);
      case STRING -> ps.setString(index, (String) value);
      case BYTES -> ps.setBytes(index, (byte[]) value);
      case TEXT -> {
        if (toPostgres) {
          // untyped: PostgreSQL reads the text as the column's type (timestamp, date, jsonb, ...)
          ps.setObject(index, value, Types.OTHER);
        } else {
          ps.setString(index, (String) value);
        }
      }
    }
  }

  /** A statement on one MySQL table, given its name. */
  @FunctionalInterface
  private interface OnTable<T> {
    T run(String tableName) throws SQLException;
  }

  /**
   * Runs {@code body} with the catalog's (lower-case) name of a MySQL table; if MySQL has no table
   * of that name (its table names are case-sensitive where lower_case_table_names is 0), with the
   * table's own name, found case-insensitively in the current database.
   */
  private static <T> T onMysqlTable(Connection mysql, String name, OnTable<T> body)
      throws SQLException {
    try {
      return body.run(name);
    } catch (SQLException e) {
      if (e.getErrorCode() != ER_NO_SUCH_TABLE) {
        throw e;
      }
      String actual = null;
      try (PreparedStatement ps =
          mysql.prepareStatement(
              "SELECT TABLE_NAME FROM information_schema.TABLES"
                  + " WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = ?")) {
        ps.setString(1, name.toLowerCase(Locale.ROOT));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            actual = rs.getString(1);
            if (rs.next()) {
              throw e; // two tables differing only in case: which one is unknown
            }
          }
        }
      }
      if (actual == null || actual.equals(name)) {
        throw e;
      }
      return body.run(actual);
    }
  }

  /** MySQL's "Table ... doesn't exist". */
  private static final int ER_NO_SUCH_TABLE = 1146;

  private static String mysqlQuote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static String pgQuote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
