package io.dualwrite.testkit.stub;

/**
 * Generated mechanically: every abstract method of {@link java.sql.Connection} throws {@link
 * java.sql.SQLFeatureNotSupportedException}, so the stub overrides only what the benchmarks and
 * tests use and any other call the driver makes fails loudly instead of answering wrongly.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedConnection implements java.sql.Connection {

  @Override
  public void abort(java.util.concurrent.Executor a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: abort");
  }

  @Override
  public void clearWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: clearWarnings");
  }

  @Override
  public void close() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: close");
  }

  @Override
  public void commit() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: commit");
  }

  @Override
  public java.sql.Array createArrayOf(java.lang.String a0, java.lang.Object[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createArrayOf");
  }

  @Override
  public java.sql.Blob createBlob() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createBlob");
  }

  @Override
  public java.sql.Clob createClob() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createClob");
  }

  @Override
  public java.sql.NClob createNClob() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createNClob");
  }

  @Override
  public java.sql.SQLXML createSQLXML() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createSQLXML");
  }

  @Override
  public java.sql.Statement createStatement() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createStatement");
  }

  @Override
  public java.sql.Statement createStatement(int a0, int a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createStatement");
  }

  @Override
  public java.sql.Statement createStatement(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createStatement");
  }

  @Override
  public java.sql.Struct createStruct(java.lang.String a0, java.lang.Object[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: createStruct");
  }

  @Override
  public boolean getAutoCommit() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getAutoCommit");
  }

  @Override
  public java.lang.String getCatalog() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getCatalog");
  }

  @Override
  public java.util.Properties getClientInfo() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getClientInfo");
  }

  @Override
  public java.lang.String getClientInfo(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getClientInfo");
  }

  @Override
  public int getHoldability() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getHoldability");
  }

  @Override
  public java.sql.DatabaseMetaData getMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getMetaData");
  }

  @Override
  public int getNetworkTimeout() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getNetworkTimeout");
  }

  @Override
  public java.lang.String getSchema() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getSchema");
  }

  @Override
  public int getTransactionIsolation() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getTransactionIsolation");
  }

  @Override
  public java.util.Map<java.lang.String, java.lang.Class<?>> getTypeMap()
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getTypeMap");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getWarnings");
  }

  @Override
  public boolean isClosed() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isClosed");
  }

  @Override
  public boolean isReadOnly() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isReadOnly");
  }

  @Override
  public boolean isValid(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isValid");
  }

  @Override
  public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isWrapperFor");
  }

  @Override
  public java.lang.String nativeSQL(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: nativeSQL");
  }

  @Override
  public java.sql.CallableStatement prepareCall(java.lang.String a0, int a1, int a2, int a3)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareCall");
  }

  @Override
  public java.sql.CallableStatement prepareCall(java.lang.String a0, int a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareCall");
  }

  @Override
  public java.sql.CallableStatement prepareCall(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareCall");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, java.lang.String[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1, int a2, int a3)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: prepareStatement");
  }

  @Override
  public void releaseSavepoint(java.sql.Savepoint a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: releaseSavepoint");
  }

  @Override
  public void rollback() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: rollback");
  }

  @Override
  public void rollback(java.sql.Savepoint a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: rollback");
  }

  @Override
  public void setAutoCommit(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setAutoCommit");
  }

  @Override
  public void setCatalog(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setCatalog");
  }

  @Override
  public void setClientInfo(java.lang.String a0, java.lang.String a1)
      throws java.sql.SQLClientInfoException {
    throw new UnsupportedOperationException("stub: setClientInfo");
  }

  @Override
  public void setClientInfo(java.util.Properties a0) throws java.sql.SQLClientInfoException {
    throw new UnsupportedOperationException("stub: setClientInfo");
  }

  @Override
  public void setHoldability(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setHoldability");
  }

  @Override
  public void setNetworkTimeout(java.util.concurrent.Executor a0, int a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNetworkTimeout");
  }

  @Override
  public void setReadOnly(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setReadOnly");
  }

  @Override
  public java.sql.Savepoint setSavepoint() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setSavepoint");
  }

  @Override
  public java.sql.Savepoint setSavepoint(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setSavepoint");
  }

  @Override
  public void setSchema(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setSchema");
  }

  @Override
  public void setTransactionIsolation(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setTransactionIsolation");
  }

  @Override
  public void setTypeMap(java.util.Map<java.lang.String, java.lang.Class<?>> a0)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setTypeMap");
  }

  @Override
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: unwrap");
  }
}
