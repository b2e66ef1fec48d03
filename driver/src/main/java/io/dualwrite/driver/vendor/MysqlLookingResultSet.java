package io.dualwrite.driver.vendor;

import io.dualwrite.driver.jdbc.ForwardingResultSet;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGResultSetMetaData;

/**
 * A pgjdbc result that reads like Connector/J's result for the same query on MySQL: the values of
 * {@code getObject}, {@code getString}, {@code getBoolean} and the other getters {@link
 * MysqlValueConverter} converts, the column labels, and the {@link ResultSetMetaData} ({@link
 * MysqlLookingResultSetMetaData}). For PG_PRIMARY and PG_ONLY reads, and for reads served by
 * PostgreSQL under {@code dualwrite.readPercent}.
 *
 * <p>The MySQL column types come from the caller, one per result column ({@code information_schema}
 * {@code COLUMN_TYPE} through {@link MysqlColumnType#parse}); a null list or a null entry means
 * "unknown", and the type is then derived from the PostgreSQL type by inverting the rewriter's DDL
 * mapping ({@link MysqlColumnType#fromPostgres}).
 *
 * <p>Labels: MySQL returns a column label as the query wrote it ({@code SELECT id AS userId} gives
 * {@code userId}); PostgreSQL folds an unquoted alias to lower case ({@code userid}), and the
 * original spelling cannot be recovered from PostgreSQL's result. The caller, who has the MySQL
 * statement, passes the labels MySQL would give ({@code mysqlLabels}); null means "use
 * PostgreSQL's". {@link #findColumn} and every getter by label look the label up among these, case
 * insensitively, as Connector/J does; a label not among them is looked up by PostgreSQL.
 *
 * <p>Cost: the converters are chosen once, here; a getter by index is one array read and one switch
 * on top of the pgjdbc call. Getters that need no conversion (streams, {@code getTimestamp}, ...)
 * are forwarded unchanged by {@link ForwardingResultSet}.
 *
 * <p>Not thread-safe, like the result set it wraps.
 */
public class MysqlLookingResultSet extends ForwardingResultSet {

  private final MysqlValueConverter[] converters;
  private final MysqlLookingResultSetMetaData metaData;
  private final String[] labels;
  private final Statement owner;
  private Map<String, Integer> labelIndex;

  /**
   * Wraps {@code postgres}.
   *
   * @param postgres the pgjdbc result set
   * @param mysqlTypes the MySQL type of each result column, in order; null, or null entries, for
   *     unknown
   * @param mysqlLabels the labels MySQL would report, in order; null to keep PostgreSQL's
   * @param owner what {@link #getStatement()} returns (the application's statement wrapper); null
   *     for the PostgreSQL statement
   * @throws SQLException if the PostgreSQL metadata cannot be read
   * @throws IllegalArgumentException if a list's size is not the column count
   */
  public MysqlLookingResultSet(
      ResultSet postgres,
      List<MysqlColumnType> mysqlTypes,
      List<String> mysqlLabels,
      Statement owner)
      throws SQLException {
    this(postgres, mysqlTypes, mysqlLabels, null, owner);
  }

  /**
   * As the four-argument constructor, with {@code notNull}: per column, true where MySQL reports
   * the column as never NULL though PostgreSQL does not (computed columns); null for none.
   */
  public MysqlLookingResultSet(
      ResultSet postgres,
      List<MysqlColumnType> mysqlTypes,
      List<String> mysqlLabels,
      List<Boolean> notNull,
      Statement owner)
      throws SQLException {
    super(postgres);
    ResultSetMetaData pg = postgres.getMetaData();
    int n = pg.getColumnCount();
    if (mysqlTypes != null && mysqlTypes.size() != n) {
      throw new IllegalArgumentException(
          "mysqlTypes has " + mysqlTypes.size() + " entries for " + n + " columns");
    }
    if (mysqlLabels != null && mysqlLabels.size() != n) {
      throw new IllegalArgumentException(
          "mysqlLabels has " + mysqlLabels.size() + " entries for " + n + " columns");
    }
    MysqlColumnType[] types = new MysqlColumnType[n];
    this.converters = new MysqlValueConverter[n];
    this.labels = new String[n];
    for (int i = 0; i < n; i++) {
      String pgType = pg.getColumnTypeName(i + 1);
      MysqlColumnType t = mysqlTypes == null ? null : mysqlTypes.get(i);
      if (t == null) {
        t =
            MysqlColumnType.fromPostgres(
                pgType,
                pg.getPrecision(i + 1),
                pg.getScale(i + 1),
                isTableColumn(pg, i + 1, pgType));
      }
      types[i] = t;
      converters[i] = MysqlValueConverter.of(t, pgType);
      String label = mysqlLabels == null ? null : mysqlLabels.get(i);
      labels[i] = label != null ? label : pg.getColumnLabel(i + 1);
    }
    this.owner = owner;
    boolean[] noNulls = new boolean[n];
    if (notNull != null && notNull.size() == n) {
      for (int i = 0; i < n; i++) {
        noNulls[i] = Boolean.TRUE.equals(notNull.get(i));
      }
    }
    this.metaData =
        new MysqlLookingResultSetMetaData(
            pg, types, labels, noNulls, owner != null ? owner : postgres.getStatement());
  }

  /** Same as the four-argument constructor with no owner statement. */
  public MysqlLookingResultSet(
      ResultSet postgres, List<MysqlColumnType> mysqlTypes, List<String> mysqlLabels)
      throws SQLException {
    this(postgres, mysqlTypes, mysqlLabels, null);
  }

  /**
   * Whether a {@code text}/{@code varchar}/{@code bytea} result column is a table's column (pgjdbc
   * knows its base column; the engine has usually asked already, so pgjdbc's field metadata is
   * cached), not an expression. Other types do not need to know.
   */
  private static boolean isTableColumn(ResultSetMetaData pg, int column, String pgType)
      throws SQLException {
    if (!"text".equalsIgnoreCase(pgType)
        && !"varchar".equalsIgnoreCase(pgType)
        && !"bytea".equalsIgnoreCase(pgType)) {
      return true;
    }
    if (!pg.isWrapperFor(PGResultSetMetaData.class)) {
      return true;
    }
    String base = pg.unwrap(PGResultSetMetaData.class).getBaseColumnName(column);
    return base != null && !base.isEmpty();
  }

  private MysqlValueConverter converter(int columnIndex) throws SQLException {
    if (columnIndex < 1 || columnIndex > converters.length) {
      throw new SQLException(
          "Column Index out of range, " + columnIndex + " > " + converters.length + ".", "S1009");
    }
    return converters[columnIndex - 1];
  }

  @Override
  protected Statement wrapperStatement() throws SQLException {
    return owner != null ? owner : super.wrapperStatement();
  }

  @Override
  public ResultSetMetaData getMetaData() {
    return metaData;
  }

  /**
   * The first column whose MySQL label equals {@code columnLabel} ignoring case (Connector/J's
   * rule), else PostgreSQL's answer.
   */
  @Override
  public int findColumn(String columnLabel) throws SQLException {
    Map<String, Integer> index = labelIndex;
    if (index == null) {
      index = new HashMap<>(labels.length * 2);
      for (int i = labels.length - 1; i >= 0; i--) {
        index.put(labels[i].toLowerCase(Locale.ROOT), i + 1);
      }
      labelIndex = index;
    }
    Integer i = columnLabel == null ? null : index.get(columnLabel.toLowerCase(Locale.ROOT));
    return i != null ? i : delegate.findColumn(columnLabel);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return converter(columnIndex).getObject(delegate, columnIndex);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    return converter(columnIndex).getObject(delegate, columnIndex, type);
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    return map == null || map.isEmpty()
        ? getObject(columnIndex)
        : delegate.getObject(columnIndex, map);
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    return converter(columnIndex).getString(delegate, columnIndex);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    return converter(columnIndex).getTime(delegate, columnIndex);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    return converter(columnIndex).getBytes(delegate, columnIndex);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    return converter(columnIndex).getBoolean(delegate, columnIndex);
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    return converter(columnIndex).getByte(delegate, columnIndex);
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    return converter(columnIndex).getShort(delegate, columnIndex);
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    return converter(columnIndex).getInt(delegate, columnIndex);
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    return converter(columnIndex).getLong(delegate, columnIndex);
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    return converter(columnIndex).getFloat(delegate, columnIndex);
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    return converter(columnIndex).getDouble(delegate, columnIndex);
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    return converter(columnIndex).getBigDecimal(delegate, columnIndex);
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    return converter(columnIndex).getDate(delegate, columnIndex);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return converter(columnIndex).getTimestamp(delegate, columnIndex);
  }

  // Every getter and updater by label goes through findColumn and the getter by index.

  @Override
  public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    return getByte(findColumn(columnLabel));
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    return getShort(findColumn(columnLabel));
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    return getFloat(findColumn(columnLabel));
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Deprecated(since = "1.2")
  @Override
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    return getBigDecimal(findColumn(columnLabel), scale);
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    return getBytes(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    return getDate(findColumn(columnLabel));
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    return getTime(findColumn(columnLabel));
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return getTimestamp(findColumn(columnLabel));
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return getAsciiStream(findColumn(columnLabel));
  }

  @Deprecated(since = "1.2")
  @Override
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    return getUnicodeStream(findColumn(columnLabel));
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    return getBinaryStream(findColumn(columnLabel));
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(findColumn(columnLabel));
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return getBigDecimal(findColumn(columnLabel));
  }

  @Override
  public void updateNull(String columnLabel) throws SQLException {
    updateNull(findColumn(columnLabel));
  }

  @Override
  public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    updateBoolean(findColumn(columnLabel), x);
  }

  @Override
  public void updateByte(String columnLabel, byte x) throws SQLException {
    updateByte(findColumn(columnLabel), x);
  }

  @Override
  public void updateShort(String columnLabel, short x) throws SQLException {
    updateShort(findColumn(columnLabel), x);
  }

  @Override
  public void updateInt(String columnLabel, int x) throws SQLException {
    updateInt(findColumn(columnLabel), x);
  }

  @Override
  public void updateLong(String columnLabel, long x) throws SQLException {
    updateLong(findColumn(columnLabel), x);
  }

  @Override
  public void updateFloat(String columnLabel, float x) throws SQLException {
    updateFloat(findColumn(columnLabel), x);
  }

  @Override
  public void updateDouble(String columnLabel, double x) throws SQLException {
    updateDouble(findColumn(columnLabel), x);
  }

  @Override
  public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    updateBigDecimal(findColumn(columnLabel), x);
  }

  @Override
  public void updateString(String columnLabel, String x) throws SQLException {
    updateString(findColumn(columnLabel), x);
  }

  @Override
  public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    updateBytes(findColumn(columnLabel), x);
  }

  @Override
  public void updateDate(String columnLabel, Date x) throws SQLException {
    updateDate(findColumn(columnLabel), x);
  }

  @Override
  public void updateTime(String columnLabel, Time x) throws SQLException {
    updateTime(findColumn(columnLabel), x);
  }

  @Override
  public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    updateTimestamp(findColumn(columnLabel), x);
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
    updateAsciiStream(findColumn(columnLabel), x, length);
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, int length)
      throws SQLException {
    updateBinaryStream(findColumn(columnLabel), x, length);
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader, int length)
      throws SQLException {
    updateCharacterStream(findColumn(columnLabel), reader, length);
  }

  @Override
  public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
    updateObject(findColumn(columnLabel), x, scaleOrLength);
  }

  @Override
  public void updateObject(String columnLabel, Object x) throws SQLException {
    updateObject(findColumn(columnLabel), x);
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(columnLabel), map);
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    return getRef(findColumn(columnLabel));
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    return getBlob(findColumn(columnLabel));
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    return getClob(findColumn(columnLabel));
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    return getArray(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel, Calendar cal) throws SQLException {
    return getDate(findColumn(columnLabel), cal);
  }

  @Override
  public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    return getTime(findColumn(columnLabel), cal);
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(columnLabel), cal);
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    return getURL(findColumn(columnLabel));
  }

  @Override
  public void updateRef(String columnLabel, Ref x) throws SQLException {
    updateRef(findColumn(columnLabel), x);
  }

  @Override
  public void updateBlob(String columnLabel, Blob x) throws SQLException {
    updateBlob(findColumn(columnLabel), x);
  }

  @Override
  public void updateClob(String columnLabel, Clob x) throws SQLException {
    updateClob(findColumn(columnLabel), x);
  }

  @Override
  public void updateArray(String columnLabel, Array x) throws SQLException {
    updateArray(findColumn(columnLabel), x);
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    return getRowId(findColumn(columnLabel));
  }

  @Override
  public void updateRowId(String columnLabel, RowId x) throws SQLException {
    updateRowId(findColumn(columnLabel), x);
  }

  @Override
  public void updateNString(String columnLabel, String nString) throws SQLException {
    updateNString(findColumn(columnLabel), nString);
  }

  @Override
  public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
    updateNClob(findColumn(columnLabel), nClob);
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    return getNClob(findColumn(columnLabel));
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    return getSQLXML(findColumn(columnLabel));
  }

  @Override
  public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
    updateSQLXML(findColumn(columnLabel), xmlObject);
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    return getNString(findColumn(columnLabel));
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return getNCharacterStream(findColumn(columnLabel));
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader reader, long length)
      throws SQLException {
    updateNCharacterStream(findColumn(columnLabel), reader, length);
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, long length)
      throws SQLException {
    updateAsciiStream(findColumn(columnLabel), x, length);
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, long length)
      throws SQLException {
    updateBinaryStream(findColumn(columnLabel), x, length);
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader, long length)
      throws SQLException {
    updateCharacterStream(findColumn(columnLabel), reader, length);
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream, long length)
      throws SQLException {
    updateBlob(findColumn(columnLabel), inputStream, length);
  }

  @Override
  public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
    updateClob(findColumn(columnLabel), reader, length);
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
    updateNClob(findColumn(columnLabel), reader, length);
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException {
    updateNCharacterStream(findColumn(columnLabel), reader);
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    updateAsciiStream(findColumn(columnLabel), x);
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    updateBinaryStream(findColumn(columnLabel), x);
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException {
    updateCharacterStream(findColumn(columnLabel), reader);
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
    updateBlob(findColumn(columnLabel), inputStream);
  }

  @Override
  public void updateClob(String columnLabel, Reader reader) throws SQLException {
    updateClob(findColumn(columnLabel), reader);
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader) throws SQLException {
    updateNClob(findColumn(columnLabel), reader);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    updateObject(findColumn(columnLabel), x, targetSqlType, scaleOrLength);
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType)
      throws SQLException {
    updateObject(findColumn(columnLabel), x, targetSqlType);
  }
}
