package io.dualwrite.driver.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement-level behaviour the application's {@link DualWriteStatement} and {@link
 * DualWritePreparedStatement} share, written once (HikariCP's {@code ProxyStatement}, which its
 * prepared and callable proxies extend): every execution goes through the {@link StatementEngine};
 * results, update counts and generated keys are the engine's; settings apply to every vendor
 * statement the engine uses; afterwards the wrapper forwards to the vendor statement that ran, so
 * warnings and result navigation come from the side that answered.
 *
 * <p>What a subclass adds: how it executes (SQL text, or bound parameters) and how it runs its
 * batch. Not thread-safe, like the statements it wraps.
 *
 * @param <B> what one entry of the batch is (an SQL text, or a row of bound values)
 */
abstract class EngineStatement<B> extends ForwardingStatement {
  final DualWriteConnection conn;
  final StatementEngine engine;

  /** The batch added since the last executeBatch or clearBatch. */
  final List<B> batch = new ArrayList<>();

  private boolean closed;

  /**
   * @param vendor the authoritative side's statement the wrapper starts on
   * @param preparedSql a prepared statement's SQL; null for a plain statement
   */
  EngineStatement(
      DualWriteConnection conn, Statement vendor, StatementOptions options, String preparedSql) {
    super(vendor);
    this.conn = conn;
    this.engine =
        preparedSql == null
            ? new StatementEngine(conn.context(), this, options)
            : new StatementEngine(conn.context(), this, options, preparedSql);
  }

  /**
   * Forwards from now on to the vendor statement the engine ran last, when it is another one this
   * wrapper can stand for (see {@link #canForwardTo}).
   */
  final void followLastVendor() {
    Statement ran = engine.lastVendor();
    if (ran != null && ran != delegate && canForwardTo(ran)) {
      replaceDelegate(ran);
    }
  }

  /** Whether {@code vendor} can become the delegate (a prepared wrapper needs a prepared one). */
  boolean canForwardTo(Statement vendor) {
    return true;
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] narrow = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      narrow[i] = narrow(counts[i]);
    }
    return narrow;
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return engine.resultSet();
  }

  @Override
  public int getUpdateCount() throws SQLException {
    checkOpen();
    return narrow(engine.updateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return engine.updateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    engine.closeResults();
    return false;
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    ResultSet keys = engine.generatedKeys();
    return keys != null ? keys : new DualWriteResultSet(delegate.getGeneratedKeys(), this);
  }

  // Settings apply to every vendor statement this wrapper uses.

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    delegate.setQueryTimeout(seconds);
    engine.settings().queryTimeout(seconds);
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    delegate.setMaxRows(max);
    engine.settings().maxRows(max);
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    delegate.setLargeMaxRows(max);
    engine.settings().maxRows(max);
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    delegate.setFetchSize(rows);
    engine.settings().fetchSize(rows);
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    delegate.setFetchDirection(direction);
    engine.settings().fetchDirection(direction);
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    delegate.setMaxFieldSize(max);
    engine.settings().maxFieldSize(max);
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    delegate.setEscapeProcessing(enable);
    engine.settings().escapeProcessing(enable);
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    delegate.setPoolable(poolable);
    engine.settings().poolable(poolable);
  }

  @Override
  public void cancel() throws SQLException {
    engine.cancel();
  }

  @Override
  protected Connection wrapperConnection() {
    return conn;
  }

  @Override
  public boolean isClosed() throws SQLException {
    return closed;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    batch.clear();
    engine.close();
  }

  final void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("The statement is closed.", "HY010");
    }
    conn.checkOpen();
  }

  /** A large count as an {@code int} result: {@link Statement#SUCCESS_NO_INFO} when too large. */
  static int narrow(long count) {
    return count > Integer.MAX_VALUE ? Statement.SUCCESS_NO_INFO : (int) count;
  }
}
