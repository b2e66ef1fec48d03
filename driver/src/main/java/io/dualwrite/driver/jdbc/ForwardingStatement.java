package io.dualwrite.driver.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Objects;

/**
 * A {@link Statement} that forwards every call, with the same arguments, to a delegate statement
 * and returns its results and exceptions unchanged.
 *
 * <p>The base of dualwrite's statement wrappers (in the manner of HikariCP's {@code
 * ProxyStatement}); {@link ForwardingPreparedStatement} and {@link ForwardingCallableStatement}
 * extend it, as the JDBC interfaces do. Every method of {@code Statement} is overridden here, the
 * JDK's default methods ({@code enquoteLiteral}, {@code enquoteIdentifier}, {@code
 * isSimpleIdentifier}, {@code enquoteNCharLiteral}, the {@code Large} update-count methods)
 * included, so the delegate's own implementation always runs; {@code ForwardingCoverageTest} fails
 * if a JDK adds a method that is not forwarded.
 *
 * <p>Hooks, so that a subclass keeps the application on its wrappers:
 *
 * <ul>
 *   <li>{@link #wrapResultSet}: every {@link ResultSet} the statement returns ({@code
 *       executeQuery}, {@code getResultSet}, {@code getGeneratedKeys}, and in the subclasses the
 *       prepared {@code executeQuery()}) passes through it;
 *   <li>{@link #wrapperConnection}: what {@link #getConnection()} returns.
 * </ul>
 *
 * <p>{@link #unwrap} returns this object when it is an instance of the requested interface, and
 * otherwise the delegate's {@code unwrap}; {@link #isWrapperFor} answers accordingly without asking
 * the delegate for the interfaces this object implements itself.
 *
 * <p>Forwarding costs one field read and one interface call: no allocation, locking or logging.
 * Thread safety is the delegate's.
 */
public abstract class ForwardingStatement implements Statement {

  /** The statement every call goes to. */
  protected Statement delegate;

  /**
   * Creates a statement that forwards to {@code delegate}.
   *
   * @param delegate the statement to forward to
   * @throws NullPointerException if {@code delegate} is null
   */
  protected ForwardingStatement(Statement delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Points this wrapper at another Statement: dualwrite does so at a transaction boundary when the
   * authoritative side changes, and when a statement runs on the other side. Not thread-safe, like
   * the object it replaces.
   *
   * @param newDelegate the object every call goes to from now on
   */
  protected void replaceDelegate(Statement newDelegate) {
    this.delegate = Objects.requireNonNull(newDelegate, "delegate");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    return wrapIfPresent(delegate.executeQuery(sql));
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return delegate.executeUpdate(sql);
  }

  @Override
  public void close() throws SQLException {
    delegate.close();
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    return delegate.getMaxFieldSize();
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    delegate.setMaxFieldSize(max);
  }

  @Override
  public int getMaxRows() throws SQLException {
    return delegate.getMaxRows();
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    delegate.setMaxRows(max);
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    delegate.setEscapeProcessing(enable);
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    return delegate.getQueryTimeout();
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    delegate.setQueryTimeout(seconds);
  }

  @Override
  public void cancel() throws SQLException {
    delegate.cancel();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return delegate.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    delegate.clearWarnings();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    delegate.setCursorName(name);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return delegate.execute(sql);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    return wrapIfPresent(delegate.getResultSet());
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return delegate.getUpdateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return delegate.getMoreResults();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    delegate.setFetchDirection(direction);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    return delegate.getFetchDirection();
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    delegate.setFetchSize(rows);
  }

  @Override
  public int getFetchSize() throws SQLException {
    return delegate.getFetchSize();
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    return delegate.getResultSetConcurrency();
  }

  @Override
  public int getResultSetType() throws SQLException {
    return delegate.getResultSetType();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    delegate.addBatch(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    delegate.clearBatch();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return delegate.executeBatch();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrapperConnection();
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return delegate.getMoreResults(current);
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    return wrapIfPresent(delegate.getGeneratedKeys());
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return delegate.executeUpdate(sql, autoGeneratedKeys);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return delegate.executeUpdate(sql, columnIndexes);
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return delegate.executeUpdate(sql, columnNames);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return delegate.execute(sql, autoGeneratedKeys);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return delegate.execute(sql, columnIndexes);
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return delegate.execute(sql, columnNames);
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    return delegate.getResultSetHoldability();
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    delegate.setPoolable(poolable);
  }

  @Override
  public boolean isPoolable() throws SQLException {
    return delegate.isPoolable();
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    delegate.closeOnCompletion();
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    return delegate.isCloseOnCompletion();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    return delegate.getLargeUpdateCount();
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    delegate.setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    return delegate.getLargeMaxRows();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    return delegate.executeLargeBatch();
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return delegate.executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return delegate.executeLargeUpdate(sql, autoGeneratedKeys);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return delegate.executeLargeUpdate(sql, columnIndexes);
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return delegate.executeLargeUpdate(sql, columnNames);
  }

  @Override
  public String enquoteLiteral(String val) throws SQLException {
    return delegate.enquoteLiteral(val);
  }

  @Override
  public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
    return delegate.enquoteIdentifier(identifier, alwaysQuote);
  }

  @Override
  public boolean isSimpleIdentifier(String identifier) throws SQLException {
    return delegate.isSimpleIdentifier(identifier);
  }

  @Override
  public String enquoteNCharLiteral(String val) throws SQLException {
    return delegate.enquoteNCharLiteral(val);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }

  /**
   * Hook: wraps every result set this statement returns ({@code executeQuery}, {@code
   * getResultSet}, {@code getGeneratedKeys}; in {@link ForwardingPreparedStatement} and {@link
   * ForwardingCallableStatement} also {@code executeQuery()}), e.g. in a {@link
   * ForwardingResultSet} whose {@code getStatement()} returns this statement. Called with each
   * non-null result set the delegate returns; a null ({@code getResultSet()} when the current
   * result is an update count) is returned as null without calling the hook. It runs on every such
   * call, so a subclass that must hand back the same wrapper for repeated {@code getResultSet()}
   * calls keeps the last one. The default returns {@code resultSet} itself.
   *
   * @param resultSet the delegate's result set
   * @return the result set handed to the application
   * @throws SQLException fails the call that produced {@code resultSet}
   */
  protected ResultSet wrapResultSet(ResultSet resultSet) throws SQLException {
    return resultSet;
  }

  /**
   * Hook: the connection {@link #getConnection()} returns. A subclass returns the wrapper
   * connection that created this statement, so the application never sees the vendor connection.
   * The default returns the delegate's {@code getConnection()}.
   *
   * @return the connection handed to the application
   * @throws SQLException as {@link Statement#getConnection()}
   */
  protected Connection wrapperConnection() throws SQLException {
    return delegate.getConnection();
  }

  /** Applies {@link #wrapResultSet} to a non-null result set; shared with the subclasses. */
  final ResultSet wrapIfPresent(ResultSet resultSet) throws SQLException {
    return resultSet == null ? null : wrapResultSet(resultSet);
  }
}
