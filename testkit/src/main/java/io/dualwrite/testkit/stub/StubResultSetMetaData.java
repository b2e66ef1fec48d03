package io.dualwrite.testkit.stub;

import java.sql.SQLException;
import java.sql.Types;

/**
 * Metadata of {@link StubResultSet}: a column count and generic column descriptions, and no
 * PostgreSQL-specific interface, so dualwrite's PostgreSQL result adapter finds no catalog types.
 */
final class StubResultSetMetaData extends UnsupportedResultSetMetaData {
  static final StubResultSetMetaData INSTANCE = new StubResultSetMetaData();
  static final int COLUMNS = 3;

  private StubResultSetMetaData() {}

  private static void check(int column) throws SQLException {
    if (column < 1 || column > COLUMNS) {
      throw new SQLException("Column index out of range: " + column, "S1009");
    }
  }

  @Override
  public int getColumnCount() {
    return COLUMNS;
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    check(column);
    return "c" + column;
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return getColumnLabel(column);
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    check(column);
    return column == 3 ? Types.VARCHAR : Types.BIGINT;
  }

  /** PostgreSQL's names (dualwrite maps them to MySQL types for PostgreSQL-served reads). */
  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return getColumnType(column) == Types.VARCHAR ? "varchar" : "int8";
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return getColumnType(column) == Types.VARCHAR ? "java.lang.String" : "java.lang.Long";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return getColumnType(column) == Types.VARCHAR ? 255 : 19;
  }

  @Override
  public int getScale(int column) throws SQLException {
    check(column);
    return 0;
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return getPrecision(column);
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public String getTableName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public int isNullable(int column) throws SQLException {
    check(column);
    return columnNullableUnknown;
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
