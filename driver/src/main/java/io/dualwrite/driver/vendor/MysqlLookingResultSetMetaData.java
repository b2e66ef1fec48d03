package io.dualwrite.driver.vendor;

import io.dualwrite.driver.jdbc.ForwardingResultSetMetaData;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGResultSetMetaData;

/**
 * PostgreSQL result metadata reported as Connector/J reports it for the MySQL column types: {@code
 * getColumnType}, {@code getColumnTypeName}, {@code getColumnClassName}, {@code getPrecision},
 * {@code getScale}, {@code getColumnDisplaySize}, {@code isSigned}, {@code isCaseSensitive}, {@code
 * isCurrency}, {@code isSearchable}, {@code getSchemaName} (Connector/J's {@code
 * databaseTerm=CATALOG} gives "", and the database as the catalog), {@code getColumnLabel} (the
 * MySQL labels) and {@code getColumnName} (the table column's name, not the alias). Columns whose
 * MySQL type is unknown, and everything else ({@code isNullable} but for computed columns MySQL
 * knows are never NULL, {@code isAutoIncrement}, {@code getTableName}, ...), are PostgreSQL's,
 * which agree with Connector/J's for table columns.
 *
 * <p>Immutable; built once per result set by {@link MysqlLookingResultSet}.
 */
public final class MysqlLookingResultSetMetaData extends ForwardingResultSetMetaData {

  private final MysqlColumnType[] types;
  private final String[] labels;
  private final boolean[] noNulls;
  private final Statement catalogSource;
  private String catalog;

  MysqlLookingResultSetMetaData(
      ResultSetMetaData postgres,
      MysqlColumnType[] types,
      String[] labels,
      boolean[] noNulls,
      Statement statement) {
    super(postgres);
    this.types = types;
    this.labels = labels;
    this.noNulls = noNulls;
    this.catalogSource = statement;
  }

  /**
   * Connector/J: the column's own name when it is a table column ({@code SELECT id AS RowId} gives
   * {@code id}), else the label. PostgreSQL's base column name is read from its catalog by pgjdbc
   * (once per result).
   */
  @Override
  public String getColumnName(int column) throws SQLException {
    type(column);
    if (delegate.isWrapperFor(PGResultSetMetaData.class)) {
      String base = delegate.unwrap(PGResultSetMetaData.class).getBaseColumnName(column);
      if (base != null && !base.isEmpty()) {
        return base;
      }
      return labels[column - 1];
    }
    return delegate.getColumnName(column);
  }

  /**
   * Connector/J ({@code databaseTerm=CATALOG}): the database of a table column, "" for an
   * expression. The database is the connection's catalog.
   */
  @Override
  public String getCatalogName(int column) throws SQLException {
    type(column);
    String table = delegate.getTableName(column);
    if (table == null || table.isEmpty()) {
      return "";
    }
    if (catalog == null) {
      String c = catalogSource == null ? null : catalogSource.getConnection().getCatalog();
      catalog = c == null ? "" : c;
    }
    return catalog;
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
   * Connector/J: integers, floating point numbers and dates are not case sensitive, character
   * strings are unless their collation ends in {@code _ci} (assumed: MySQL 8's default collation
   * does), and everything else (decimals, binary strings) is.
   */
  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    MysqlColumnType t = type(column);
    if (t == null) {
      return delegate.isCaseSensitive(column);
    }
    return switch (t.connectorType()) {
      case BIT,
          TINYINT,
          TINYINT_UNSIGNED,
          SMALLINT,
          SMALLINT_UNSIGNED,
          INT,
          INT_UNSIGNED,
          MEDIUMINT,
          MEDIUMINT_UNSIGNED,
          BIGINT,
          BIGINT_UNSIGNED,
          FLOAT,
          FLOAT_UNSIGNED,
          DOUBLE,
          DOUBLE_UNSIGNED,
          DATE,
          YEAR,
          TIME,
          TIMESTAMP,
          DATETIME ->
          false;
      case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, JSON, ENUM, SET -> false;
      default -> true;
    };
  }

  /**
   * PostgreSQL's answer for a table column. For an expression PostgreSQL says {@code
   * columnNullableUnknown}, which Connector/J never reports (MySQL flags every result column NOT
   * NULL or not); the answer is then {@code columnNullable}, the one that is never wrong about what
   * the column may hold.
   */
  @Override
  public int isNullable(int column) throws SQLException {
    type(column);
    if (noNulls[column - 1]) {
      return columnNoNulls; // a computed column MySQL knows is never NULL (COUNT, literals, ...)
    }
    int n = delegate.isNullable(column);
    return n == columnNullableUnknown ? columnNullable : n;
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
