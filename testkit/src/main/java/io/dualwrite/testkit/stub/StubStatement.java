package io.dualwrite.testkit.stub;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;

/**
 * Plain and prepared statement of {@link StubConnection}. Parameters go into preallocated arrays
 * (no allocation per {@code setXxx}); an execution costs one small result-set object, like a real
 * driver's minimum. Queries are statements that start with {@code SELECT}, {@code SHOW} or {@code
 * WITH}; everything else changes {@link StubDriver#updateCount(StubDriver.Vendor, int) one row}.
 * While the driver {@link StubDriver#watching() watches}, each execution is journaled and may fail
 * by injection before it runs.
 */
final class StubStatement extends UnsupportedPreparedStatement {
  private static final int[] NO_COUNTS = new int[0];

  private final StubConnection connection;
  private final String preparedSql;
  private final boolean preparedIsQuery;
  private final boolean preparedIsCatalog;
  private final boolean returnsKeys;
  private long[] longs = new long[16];
  private Object[] objects = new Object[16];
  private int batched;

  /** The SQL of a plain statement's batch, kept only while the driver watches. */
  private StringBuilder batchedSql;

  private ResultSet resultSet;
  private long updateCount = -1;
  private long nextKey = 1;
  private long maxRows;
  private int fetchSize;
  private int queryTimeout;
  private boolean closed;
  private boolean closeOnCompletion;
  private boolean poolable;

  StubStatement(StubConnection connection, String sql, boolean returnsKeys) {
    this.connection = connection;
    this.preparedSql = sql;
    this.preparedIsQuery = sql != null && isQuery(sql);
    this.preparedIsCatalog = sql != null && isCatalogQuery(sql);
    this.returnsKeys = returnsKeys;
  }

  static boolean isQuery(String sql) {
    int i = 0;
    while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
      i++;
    }
    return sql.regionMatches(true, i, "SELECT", 0, 6)
        || sql.regionMatches(true, i, "SHOW", 0, 4)
        || sql.regionMatches(true, i, "WITH", 0, 4);
  }

  private static boolean isCatalogQuery(String sql) {
    // no allocation: the stub must cost the same few nanoseconds raw and under dualwrite
    String needle = "information_schema";
    for (int i = 0, last = sql.length() - needle.length(); i <= last; i++) {
      if (sql.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("stub statement is closed", "HY010");
    }
  }

  private void set(int index, long value) throws SQLException {
    checkOpen();
    if (index < 1) {
      throw new SQLException("Parameter index out of range: " + index, "S1009");
    }
    if (index > longs.length) {
      longs = Arrays.copyOf(longs, index * 2);
      objects = Arrays.copyOf(objects, index * 2);
    }
    longs[index - 1] = value;
    objects[index - 1] = null;
  }

  private void set(int index, Object value) throws SQLException {
    set(index, 0L);
    objects[index - 1] = value;
  }

  /** The value bound at {@code index} (1-based) as a long, for tests. */
  long boundLong(int index) {
    return longs[index - 1];
  }

  /** The object bound at {@code index} (1-based), for tests. */
  Object boundObject(int index) {
    return objects[index - 1];
  }

  private boolean run(String sql, boolean query, boolean catalog) throws SQLException {
    checkOpen();
    if (connection.driver().watching()) {
      connection.driver().observe(connection.postgres(), sql, null);
    }
    closeResult();
    if (query && sql.startsWith("SELECT @@SESSION.sql_mode")) {
      // the driver's session probe: the server default, uncounted like catalog reads
      resultSet = new StubResultSet(this, 1, 0, "");
      updateCount = -1;
      return true;
    }
    if (!query && (sql.startsWith("SET ") || sql.startsWith("RESET "))) {
      // a session setting (the driver's lock wait on the mirror side): no rows, not a write
      updateCount = 0;
      return false;
    }
    if (query) {
      resultSet = new StubResultSet(this, catalog ? 0 : connection.driver().rows(), 0);
      connection.driver().countQuery(connection.postgres());
      updateCount = -1;
      return true;
    }
    updateCount = connection.driver().updateCount(connection.postgres());
    connection.driver().countWrite(connection.postgres());
    return false;
  }

  private void closeResult() throws SQLException {
    if (resultSet != null) {
      resultSet.close();
      resultSet = null;
    }
  }

  // ------------------------------------------------------------------ prepared execution

  @Override
  public ResultSet executeQuery() throws SQLException {
    if (!run(preparedSql, preparedIsQuery, preparedIsCatalog)) {
      throw new SQLException("not a query: " + preparedSql, "S1009");
    }
    return resultSet;
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) executeLargeUpdate();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    if (run(preparedSql, preparedIsQuery, preparedIsCatalog)) {
      throw new SQLException("a query: " + preparedSql, "S1009");
    }
    return updateCount;
  }

  @Override
  public boolean execute() throws SQLException {
    return run(preparedSql, preparedIsQuery, preparedIsCatalog);
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batched++;
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    if (connection.driver().watching()) {
      if (batchedSql == null) {
        batchedSql = new StringBuilder();
      }
      batchedSql.append(batchedSql.length() == 0 ? "" : "; ").append(sql);
    }
    batched++;
  }

  @Override
  public int[] executeBatch() throws SQLException {
    checkOpen();
    if (batched == 0) {
      return NO_COUNTS;
    }
    if (connection.driver().watching()) {
      String sql = preparedSql != null ? preparedSql : String.valueOf(batchedSql);
      int rows = batched;
      batched = 0; // a batch that fails is cleared, as pgjdbc and Connector/J clear theirs
      batchedSql = null;
      connection.driver().observe(connection.postgres(), sql, "[batch of " + rows + "] ");
      batched = rows;
    }
    batchedSql = null;
    int[] counts = new int[batched];
    Arrays.fill(counts, connection.driver().updateCount(connection.postgres()));
    for (int i = 0; i < batched; i++) {
      connection.driver().countWrite(connection.postgres());
    }
    batched = 0;
    return counts;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    int[] counts = executeBatch();
    long[] large = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      large[i] = counts[i];
    }
    return large;
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batched = 0;
    batchedSql = null;
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(objects, null);
  }

  // ------------------------------------------------------------------ plain execution

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    if (!run(sql, isQuery(sql), isCatalogQuery(sql))) {
      throw new SQLException("not a query: " + sql, "S1009");
    }
    return resultSet;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    if (run(sql, isQuery(sql), false)) {
      throw new SQLException("a query: " + sql, "S1009");
    }
    return (int) updateCount;
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return run(sql, isQuery(sql), isCatalogQuery(sql));
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return execute(sql);
  }

  // ------------------------------------------------------------------ results

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    checkOpen();
    return (int) updateCount;
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    checkOpen();
    closeResult();
    updateCount = -1;
    return false;
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return getMoreResults();
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    if (!returnsKeys || updateCount <= 0) {
      return new StubResultSet(this, 0, 0);
    }
    return new StubResultSet(this, 1, nextKey++);
  }

  // ------------------------------------------------------------------ binding

  @Override
  public void setNull(int i, int sqlType) throws SQLException {
    set(i, null);
  }

  @Override
  public void setNull(int i, int sqlType, String typeName) throws SQLException {
    set(i, null);
  }

  @Override
  public void setBoolean(int i, boolean x) throws SQLException {
    set(i, x ? 1L : 0L);
  }

  @Override
  public void setByte(int i, byte x) throws SQLException {
    set(i, (long) x);
  }

  @Override
  public void setShort(int i, short x) throws SQLException {
    set(i, (long) x);
  }

  @Override
  public void setInt(int i, int x) throws SQLException {
    set(i, (long) x);
  }

  @Override
  public void setLong(int i, long x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setFloat(int i, float x) throws SQLException {
    set(i, (long) Float.floatToIntBits(x));
  }

  @Override
  public void setDouble(int i, double x) throws SQLException {
    set(i, Double.doubleToLongBits(x));
  }

  @Override
  public void setBigDecimal(int i, BigDecimal x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setString(int i, String x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setNString(int i, String x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setBytes(int i, byte[] x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setDate(int i, Date x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setTime(int i, Time x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setTimestamp(int i, Timestamp x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setObject(int i, Object x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType) throws SQLException {
    set(i, x);
  }

  // ------------------------------------------------------------------ settings and lifecycle

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closeResult();
      closed = true;
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void cancel() {}

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    queryTimeout = seconds;
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    maxRows = max;
  }

  @Override
  public int getMaxRows() throws SQLException {
    checkOpen();
    return (int) maxRows;
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public int getResultSetType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

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
