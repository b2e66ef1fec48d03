package io.dualwrite.testkit.stub;

/**
 * Generated mechanically: every abstract method of {@link java.sql.ResultSetMetaData} throws {@link
 * java.sql.SQLFeatureNotSupportedException}, so the stub overrides only what the benchmarks and
 * tests use and any other call the driver makes fails loudly instead of answering wrongly.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedResultSetMetaData implements java.sql.ResultSetMetaData {

  @Override
  public java.lang.String getCatalogName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getCatalogName");
  }

  @Override
  public java.lang.String getColumnClassName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getColumnClassName");
  }

  @Override
  public int getColumnCount() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getColumnCount");
  }

  @Override
  public int getColumnDisplaySize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getColumnDisplaySize");
  }

  @Override
  public java.lang.String getColumnLabel(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getColumnLabel");
  }

  @Override
  public java.lang.String getColumnName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getColumnName");
  }

  @Override
  public java.lang.String getColumnTypeName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getColumnTypeName");
  }

  @Override
  public int getColumnType(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getColumnType");
  }

  @Override
  public int getPrecision(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getPrecision");
  }

  @Override
  public int getScale(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getScale");
  }

  @Override
  public java.lang.String getSchemaName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getSchemaName");
  }

  @Override
  public java.lang.String getTableName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: getTableName");
  }

  @Override
  public boolean isAutoIncrement(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isAutoIncrement");
  }

  @Override
  public boolean isCaseSensitive(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isCaseSensitive");
  }

  @Override
  public boolean isCurrency(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isCurrency");
  }

  @Override
  public boolean isDefinitelyWritable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isDefinitelyWritable");
  }

  @Override
  public int isNullable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isNullable");
  }

  @Override
  public boolean isReadOnly(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isReadOnly");
  }

  @Override
  public boolean isSearchable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isSearchable");
  }

  @Override
  public boolean isSigned(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isSigned");
  }

  @Override
  public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isWrapperFor");
  }

  @Override
  public boolean isWritable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: isWritable");
  }

  @Override
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("stub: unwrap");
  }
}
