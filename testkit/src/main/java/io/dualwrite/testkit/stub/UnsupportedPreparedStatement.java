package io.dualwrite.testkit.stub;

/**
 * Generated mechanically: every abstract method of {@link java.sql.PreparedStatement} throws {@link
 * java.sql.SQLFeatureNotSupportedException}, so the stub overrides only what the benchmarks and
 * tests use and any other call the driver makes fails loudly instead of answering wrongly.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedPreparedStatement implements java.sql.PreparedStatement {

  @Override
  public void addBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: addBatch");
  }

  @Override
  public void addBatch(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: addBatch");
  }

  @Override
  public void cancel() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: cancel");
  }

  @Override
  public void clearBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: clearBatch");
  }

  @Override
  public void clearParameters() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: clearParameters");
  }

  @Override
  public void clearWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: clearWarnings");
  }

  @Override
  public void closeOnCompletion() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: closeOnCompletion");
  }

  @Override
  public void close() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: close");
  }

  @Override
  public int[] executeBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: executeBatch");
  }

  @Override
  public java.sql.ResultSet executeQuery() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: executeQuery");
  }

  @Override
  public java.sql.ResultSet executeQuery(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: executeQuery");
  }

  @Override
  public int executeUpdate() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: executeUpdate");
  }

  @Override
  public int executeUpdate(java.lang.String a0, int[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: executeUpdate");
  }

  @Override
  public int executeUpdate(java.lang.String a0, java.lang.String[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: executeUpdate");
  }

  @Override
  public int executeUpdate(java.lang.String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: executeUpdate");
  }

  @Override
  public int executeUpdate(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: executeUpdate");
  }

  @Override
  public boolean execute() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: execute");
  }

  @Override
  public boolean execute(java.lang.String a0, int[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: execute");
  }

  @Override
  public boolean execute(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: execute");
  }

  @Override
  public boolean execute(java.lang.String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: execute");
  }

  @Override
  public boolean execute(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: execute");
  }

  @Override
  public java.sql.Connection getConnection() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getConnection");
  }

  @Override
  public int getFetchDirection() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getFetchDirection");
  }

  @Override
  public int getFetchSize() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getFetchSize");
  }

  @Override
  public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getGeneratedKeys");
  }

  @Override
  public int getMaxFieldSize() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getMaxFieldSize");
  }

  @Override
  public int getMaxRows() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getMaxRows");
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getMetaData");
  }

  @Override
  public boolean getMoreResults() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getMoreResults");
  }

  @Override
  public boolean getMoreResults(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getMoreResults");
  }

  @Override
  public java.sql.ParameterMetaData getParameterMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getParameterMetaData");
  }

  @Override
  public int getQueryTimeout() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getQueryTimeout");
  }

  @Override
  public int getResultSetConcurrency() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getResultSetConcurrency");
  }

  @Override
  public int getResultSetHoldability() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getResultSetHoldability");
  }

  @Override
  public int getResultSetType() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getResultSetType");
  }

  @Override
  public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getResultSet");
  }

  @Override
  public int getUpdateCount() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getUpdateCount");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getWarnings");
  }

  @Override
  public boolean isCloseOnCompletion() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isCloseOnCompletion");
  }

  @Override
  public boolean isClosed() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isClosed");
  }

  @Override
  public boolean isPoolable() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isPoolable");
  }

  @Override
  public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isWrapperFor");
  }

  @Override
  public void setArray(int a0, java.sql.Array a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setArray");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setAsciiStream");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setAsciiStream");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setAsciiStream");
  }

  @Override
  public void setBigDecimal(int a0, java.math.BigDecimal a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBigDecimal");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBinaryStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBinaryStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBinaryStream");
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBlob");
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBlob");
  }

  @Override
  public void setBlob(int a0, java.sql.Blob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBlob");
  }

  @Override
  public void setBoolean(int a0, boolean a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBoolean");
  }

  @Override
  public void setByte(int a0, byte a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setByte");
  }

  @Override
  public void setBytes(int a0, byte[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setBytes");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setCharacterStream");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setCharacterStream");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setCharacterStream");
  }

  @Override
  public void setClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setClob");
  }

  @Override
  public void setClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setClob");
  }

  @Override
  public void setClob(int a0, java.sql.Clob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setClob");
  }

  @Override
  public void setCursorName(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setCursorName");
  }

  @Override
  public void setDate(int a0, java.sql.Date a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setDate");
  }

  @Override
  public void setDate(int a0, java.sql.Date a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setDate");
  }

  @Override
  public void setDouble(int a0, double a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setDouble");
  }

  @Override
  public void setEscapeProcessing(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setEscapeProcessing");
  }

  @Override
  public void setFetchDirection(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setFetchDirection");
  }

  @Override
  public void setFetchSize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setFetchSize");
  }

  @Override
  public void setFloat(int a0, float a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setFloat");
  }

  @Override
  public void setInt(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setInt");
  }

  @Override
  public void setLong(int a0, long a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setLong");
  }

  @Override
  public void setMaxFieldSize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setMaxFieldSize");
  }

  @Override
  public void setMaxRows(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setMaxRows");
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNCharacterStream");
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNCharacterStream");
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNClob");
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNClob");
  }

  @Override
  public void setNClob(int a0, java.sql.NClob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNClob");
  }

  @Override
  public void setNString(int a0, java.lang.String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNString");
  }

  @Override
  public void setNull(int a0, int a1, java.lang.String a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNull");
  }

  @Override
  public void setNull(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setNull");
  }

  @Override
  public void setObject(int a0, java.lang.Object a1, int a2, int a3) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setObject");
  }

  @Override
  public void setObject(int a0, java.lang.Object a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setObject");
  }

  @Override
  public void setObject(int a0, java.lang.Object a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setObject");
  }

  @Override
  public void setPoolable(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setPoolable");
  }

  @Override
  public void setQueryTimeout(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setQueryTimeout");
  }

  @Override
  public void setRef(int a0, java.sql.Ref a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setRef");
  }

  @Override
  public void setRowId(int a0, java.sql.RowId a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setRowId");
  }

  @Override
  public void setSQLXML(int a0, java.sql.SQLXML a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setSQLXML");
  }

  @Override
  public void setShort(int a0, short a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setShort");
  }

  @Override
  public void setString(int a0, java.lang.String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setString");
  }

  @Override
  public void setTime(int a0, java.sql.Time a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setTime");
  }

  @Override
  public void setTime(int a0, java.sql.Time a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setTime");
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setTimestamp");
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setTimestamp");
  }

  @Override
  public void setURL(int a0, java.net.URL a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setURL");
  }

  @Override
  public void setUnicodeStream(int a0, java.io.InputStream a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: setUnicodeStream");
  }

  @Override
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: unwrap");
  }
}
