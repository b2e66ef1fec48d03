package io.dualwrite.driver.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A {@link Connection} that forwards every call, with the same arguments, to a delegate connection
 * and returns its results and exceptions unchanged.
 *
 * <p>The base of dualwrite's connection wrapper (in the manner of HikariCP's {@code
 * ProxyConnection}): a subclass overrides only what dualwrite changes. Every method of {@code
 * Connection} is overridden here, the JDK's default methods ({@code beginRequest}, {@code
 * endRequest}, {@code setShardingKey}, ...) included, so the delegate's own implementation always
 * runs; {@code ForwardingCoverageTest} fails if a JDK adds a method that is not forwarded.
 *
 * <p>Objects this connection creates pass through one hook per kind, so a subclass wraps them in
 * one place: {@link #wrapStatement}, {@link #wrapPreparedStatement}, {@link #wrapCallableStatement}
 * and {@link #wrapMetaData}. Each is called only with a non-null object and by default returns it
 * unchanged. Savepoints are the delegate's own objects: a subclass that wraps them overrides {@code
 * setSavepoint}, {@code rollback(Savepoint)} and {@code releaseSavepoint} together, since the
 * delegate must get its own savepoint back.
 *
 * <p>{@link #unwrap} returns this object when it is an instance of the requested interface, and
 * otherwise the delegate's {@code unwrap}; {@link #isWrapperFor} answers accordingly without asking
 * the delegate for the interfaces this object implements itself.
 *
 * <p>Forwarding costs one field read and one interface call: no allocation, locking or logging.
 * Thread safety is the delegate's.
 */
public abstract class ForwardingConnection implements Connection {

  /** The connection every call goes to. */
  protected Connection delegate;

  /**
   * Creates a connection that forwards to {@code delegate}.
   *
   * @param delegate the connection to forward to
   * @throws NullPointerException if {@code delegate} is null
   */
  protected ForwardingConnection(Connection delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Points this wrapper at another Connection: dualwrite does so at a transaction boundary when the
   * authoritative side changes, and when a statement runs on the other side. Not thread-safe, like
   * the object it replaces.
   *
   * @param newDelegate the object every call goes to from now on
   */
  protected void replaceDelegate(Connection newDelegate) {
    this.delegate = Objects.requireNonNull(newDelegate, "delegate");
  }

  @Override
  public Statement createStatement() throws SQLException {
    Statement statement = delegate.createStatement();
    return statement == null ? null : wrapStatement(statement);
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    PreparedStatement statement = delegate.prepareStatement(sql);
    return statement == null ? null : wrapPreparedStatement(statement, sql);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    CallableStatement statement = delegate.prepareCall(sql);
    return statement == null ? null : wrapCallableStatement(statement, sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    return delegate.nativeSQL(sql);
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    delegate.setAutoCommit(autoCommit);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    return delegate.getAutoCommit();
  }

  @Override
  public void commit() throws SQLException {
    delegate.commit();
  }

  @Override
  public void rollback() throws SQLException {
    delegate.rollback();
  }

  @Override
  public void close() throws SQLException {
    delegate.close();
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    DatabaseMetaData metaData = delegate.getMetaData();
    return metaData == null ? null : wrapMetaData(metaData);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    delegate.setReadOnly(readOnly);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return delegate.isReadOnly();
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    delegate.setCatalog(catalog);
  }

  @Override
  public String getCatalog() throws SQLException {
    return delegate.getCatalog();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    delegate.setTransactionIsolation(level);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return delegate.getTransactionIsolation();
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
  public Statement createStatement(int resultSetType, int resultSetConcurrency)
      throws SQLException {
    Statement statement = delegate.createStatement(resultSetType, resultSetConcurrency);
    return statement == null ? null : wrapStatement(statement);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    PreparedStatement statement =
        delegate.prepareStatement(sql, resultSetType, resultSetConcurrency);
    return statement == null ? null : wrapPreparedStatement(statement, sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    CallableStatement statement = delegate.prepareCall(sql, resultSetType, resultSetConcurrency);
    return statement == null ? null : wrapCallableStatement(statement, sql);
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    return delegate.getTypeMap();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    delegate.setTypeMap(map);
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    delegate.setHoldability(holdability);
  }

  @Override
  public int getHoldability() throws SQLException {
    return delegate.getHoldability();
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return delegate.setSavepoint();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return delegate.setSavepoint(name);
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    delegate.rollback(savepoint);
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    delegate.releaseSavepoint(savepoint);
  }

  @Override
  public Statement createStatement(
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    Statement statement =
        delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    return statement == null ? null : wrapStatement(statement);
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    PreparedStatement statement =
        delegate.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    return statement == null ? null : wrapPreparedStatement(statement, sql);
  }

  @Override
  public CallableStatement prepareCall(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    CallableStatement statement =
        delegate.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    return statement == null ? null : wrapCallableStatement(statement, sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    PreparedStatement statement = delegate.prepareStatement(sql, autoGeneratedKeys);
    return statement == null ? null : wrapPreparedStatement(statement, sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    PreparedStatement statement = delegate.prepareStatement(sql, columnIndexes);
    return statement == null ? null : wrapPreparedStatement(statement, sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    PreparedStatement statement = delegate.prepareStatement(sql, columnNames);
    return statement == null ? null : wrapPreparedStatement(statement, sql);
  }

  @Override
  public Clob createClob() throws SQLException {
    return delegate.createClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    return delegate.createBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return delegate.createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return delegate.createSQLXML();
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    return delegate.isValid(timeout);
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    delegate.setClientInfo(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    delegate.setClientInfo(properties);
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    return delegate.getClientInfo(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    return delegate.getClientInfo();
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return delegate.createArrayOf(typeName, elements);
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return delegate.createStruct(typeName, attributes);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    delegate.setSchema(schema);
  }

  @Override
  public String getSchema() throws SQLException {
    return delegate.getSchema();
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    delegate.abort(executor);
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    delegate.setNetworkTimeout(executor, milliseconds);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    return delegate.getNetworkTimeout();
  }

  @Override
  public void beginRequest() throws SQLException {
    delegate.beginRequest();
  }

  @Override
  public void endRequest() throws SQLException {
    delegate.endRequest();
  }

  @Override
  public boolean setShardingKeyIfValid(
      ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
    return delegate.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
    return delegate.setShardingKeyIfValid(shardingKey, timeout);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey)
      throws SQLException {
    delegate.setShardingKey(shardingKey, superShardingKey);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    delegate.setShardingKey(shardingKey);
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
   * Hook: wraps the statement made by any of the {@code createStatement} overloads before the
   * application sees it. Called once per statement, never with null. The default returns {@code
   * statement} itself.
   *
   * @param statement the delegate's new statement
   * @return the statement handed to the application
   * @throws SQLException fails the {@code createStatement} call; the hook then owns {@code
   *     statement} and should close it
   */
  protected Statement wrapStatement(Statement statement) throws SQLException {
    return statement;
  }

  /**
   * Hook: wraps the statement made by any of the {@code prepareStatement} overloads before the
   * application sees it. Called once per statement, never with null. The default returns {@code
   * statement} itself.
   *
   * @param statement the delegate's new prepared statement
   * @param sql the SQL text the application passed, exactly as passed
   * @return the statement handed to the application
   * @throws SQLException fails the {@code prepareStatement} call; the hook then owns {@code
   *     statement} and should close it
   */
  protected PreparedStatement wrapPreparedStatement(PreparedStatement statement, String sql)
      throws SQLException {
    return statement;
  }

  /**
   * Hook: wraps the statement made by any of the {@code prepareCall} overloads before the
   * application sees it. Called once per statement, never with null. The default returns {@code
   * statement} itself.
   *
   * @param statement the delegate's new callable statement
   * @param sql the SQL text the application passed, exactly as passed
   * @return the statement handed to the application
   * @throws SQLException fails the {@code prepareCall} call; the hook then owns {@code statement}
   *     and should close it
   */
  protected CallableStatement wrapCallableStatement(CallableStatement statement, String sql)
      throws SQLException {
    return statement;
  }

  /**
   * Hook: wraps the delegate's {@link DatabaseMetaData} returned by {@link #getMetaData()}, e.g. in
   * a {@link ForwardingDatabaseMetaData} whose {@code getConnection()} returns this connection.
   * Called on every {@code getMetaData()} call, never with null. The default returns {@code
   * metaData} itself.
   *
   * @param metaData the delegate's metadata
   * @return the metadata handed to the application
   * @throws SQLException fails the {@code getMetaData} call
   */
  protected DatabaseMetaData wrapMetaData(DatabaseMetaData metaData) throws SQLException {
    return metaData;
  }
}
