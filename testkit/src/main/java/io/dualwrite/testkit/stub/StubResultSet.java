package io.dualwrite.testkit.stub;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * Canned rows with no allocation per getter: column {@code c} of row {@code r} (both 1-based) is
 * the number {@code base + r + c} for the numeric getters and a constant string for {@code
 * getString}/{@code getObject}. Every getter is a field read and some arithmetic, which is the
 * floor a wrapper's forwarding is measured against.
 */
final class StubResultSet extends UnsupportedResultSet {
  private static final String[] STRINGS = {"ACADEMY DINOSAUR", "PENELOPE", "GUINESS", "x", "y"};
  private static final BigDecimal DECIMAL = new BigDecimal("4.99");
  private static final Timestamp TIMESTAMP = Timestamp.valueOf("2006-02-15 04:34:33");

  private final Statement statement;
  private final int rows;
  private final long base;
  private final String fixedString;
  private int row;
  private boolean closed;

  StubResultSet(Statement statement, int rows, long base) {
    this(statement, rows, base, null);
  }

  /** A result whose every string column is {@code fixedString} (when not null). */
  StubResultSet(Statement statement, int rows, long base, String fixedString) {
    this.statement = statement;
    this.rows = rows;
    this.base = base;
    this.fixedString = fixedString;
  }

  private void check(int column) throws SQLException {
    if (closed) {
      throw new SQLException("stub result set is closed", "S1000");
    }
    if (row < 1 || row > rows) {
      throw new SQLException("no current row", "S1000");
    }
    if (column < 1) {
      throw new SQLException("Column index out of range: " + column, "S1009");
    }
  }

  @Override
  public boolean next() throws SQLException {
    if (closed) {
      throw new SQLException("stub result set is closed", "S1000");
    }
    if (row <= rows) {
      row++;
    }
    return row <= rows;
  }

  @Override
  public int getInt(int column) throws SQLException {
    check(column);
    return (int) (base + row + column);
  }

  @Override
  public long getLong(int column) throws SQLException {
    check(column);
    return base + row + column;
  }

  @Override
  public short getShort(int column) throws SQLException {
    return (short) getInt(column);
  }

  @Override
  public double getDouble(int column) throws SQLException {
    return getLong(column);
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    return (getLong(column) & 1) == 1;
  }

  @Override
  public String getString(int column) throws SQLException {
    check(column);
    return fixedString != null ? fixedString : STRINGS[column % STRINGS.length];
  }

  @Override
  public Object getObject(int column) throws SQLException {
    return getString(column);
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    check(column);
    return DECIMAL;
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    check(column);
    return TIMESTAMP;
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws SQLException {
    if (closed) {
      throw new SQLException("stub result set is closed", "S1000");
    }
    return StubResultSetMetaData.INSTANCE;
  }

  @Override
  public boolean wasNull() {
    return false;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public int getType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getFetchSize() {
    return 0;
  }

  @Override
  public void setFetchSize(int rows) {}

  @Override
  public SQLWarning getWarnings() {
    return null;
  }

  @Override
  public void clearWarnings() {}

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
