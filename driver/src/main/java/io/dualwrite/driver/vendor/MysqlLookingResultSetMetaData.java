package io.dualwrite.driver.vendor;

import io.dualwrite.driver.jdbc.ForwardingResultSetMetaData;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * PostgreSQL result metadata reported as Connector/J reports it for the MySQL column types: {@code
 * getColumnType}, {@code getColumnTypeName}, {@code getColumnClassName}, {@code getPrecision},
 * {@code getScale}, {@code getColumnDisplaySize}, {@code isSigned}, {@code isCaseSensitive}, {@code
 * isCurrency}, {@code isSearchable}, {@code getSchemaName} (Connector/J's {@code
 * databaseTerm=CATALOG} gives "") and {@code getColumnLabel} (the MySQL labels). Columns whose
 * MySQL type is unknown, and everything else ({@code isNullable}, {@code isAutoIncrement}, {@code
 * getColumnName}, {@code getTableName}, ...), are PostgreSQL's.
 *
 * <p>Immutable; built once per result set by {@link MysqlLookingResultSet}.
 */
public final class MysqlLookingResultSetMetaData extends ForwardingResultSetMetaData {

  private final MysqlColumnType[] types;
  private final String[] labels;

  MysqlLookingResultSetMetaData(
      ResultSetMetaData postgres, MysqlColumnType[] types, String[] labels) {
    super(postgres);
    this.types = types;
    this.labels = labels;
  }

  private MysqlColumnType type(int column) throws SQLException {
    if (column < 1 || column > types.length) {
      throw new SQLException("Column index out of range: " + column, "S1002");
    }
    return types[column - 1];
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    type(column);
    return labels[column - 1];
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.getColumnType(column) : t.jdbcType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.getColumnTypeName(column) : t.typeName();
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.getColumnClassName(column) : t.className();
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.getPrecision(column) : t.precision();
  }

  @Override
  public int getScale(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.getScale(column) : t.resultScale();
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.getColumnDisplaySize(column) : t.precision();
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.isSigned(column) : t.signed();
  }

  /**
   * Connector/J: numbers and dates are not case sensitive, binary strings are, character strings
   * are unless their collation ends in {@code _ci} (assumed: MySQL 8's default collation does).
   */
  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    MysqlColumnType t = type(column);
    if (t == null) {
      return delegate.isCaseSensitive(column);
    }
    return switch (t.connectorType()) {
      case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB, UNKNOWN -> true;
      default -> false;
    };
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.isCurrency(column) : false;
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.isSearchable(column) : true;
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    MysqlColumnType t = type(column);
    return t == null ? delegate.getSchemaName(column) : "";
  }
}
