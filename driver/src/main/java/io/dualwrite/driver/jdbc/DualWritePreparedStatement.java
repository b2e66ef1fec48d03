package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.jdbc.StatementEngine.Mode;
import io.dualwrite.rewriter.Translation;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
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
import java.sql.Types;
import java.util.Arrays;
import java.util.Calendar;

/**
 * The application's {@link PreparedStatement}. Every {@code setXxx} is recorded (see {@link Bind})
 * so the same values can be sent to whichever side runs the statement and to the mirror, through
 * the rewriter's parameter map; executions go through the {@link StatementEngine}. The
 * statement-level behaviour (results, settings, closing) is {@link EngineStatement}'s; the methods
 * a prepared statement inherits from {@code Statement} with SQL text forward to the vendor's
 * prepared statement, which refuses them as JDBC says.
 */
final class DualWritePreparedStatement extends EngineStatement<Bind[]>
    implements PreparedStatement {
  private final String sql;
  private Bind[] binds;

  DualWritePreparedStatement(DualWriteConnection conn, String sql, StatementOptions options)
      throws SQLException {
    this(conn, sql, options, conn.translate(sql));
  }

  private DualWritePreparedStatement(
      DualWriteConnection conn, String sql, StatementOptions options, Translation t)
      throws SQLException {
    super(conn, StatementEngine.prepareFirst(conn.context(), t, options), options, sql);
    this.sql = sql;
    this.engine.adoptPrepared(StatementEngine.firstSide(conn.context(), t), prepared(), t);
    this.binds = new Bind[Math.max(0, t.mysqlParameterCount())];
  }

  /** The delegate, always a prepared statement (see {@link #canForwardTo}). */
  private PreparedStatement prepared() {
    return (PreparedStatement) delegate;
  }

  @Override
  boolean canForwardTo(Statement vendor) {
    return vendor instanceof PreparedStatement;
  }

  private void bind(int parameterIndex, Bind value) throws SQLException {
    checkOpen();
    if (parameterIndex < 1) {
      throw new SQLException("Parameter index out of range: " + parameterIndex, "S1009");
    }
    if (parameterIndex > binds.length) {
      binds = Arrays.copyOf(binds, parameterIndex);
    }
    binds[parameterIndex - 1] = value;
  }

  private static Bind nullOf(int sqlType) {
    return new Bind(Bind.Kind.NULL, null, sqlType, null);
  }

  private static Bind object(Object x) throws SQLException {
    if (x instanceof InputStream in) {
      return stream(Bind.Kind.BINARY_STREAM, in, -1);
    }
    if (x instanceof Reader r) {
      return reader(Bind.Kind.CHARACTER_STREAM, r, -1);
    }
    if (x instanceof Blob b) {
      return Bind.of(Bind.Kind.BYTES, Bind.readAll(b));
    }
    if (x instanceof Clob c) {
      return Bind.of(Bind.Kind.STRING, Bind.readAll(c));
    }
    if (x instanceof byte[] bytes) {
      return Bind.of(Bind.Kind.BYTES, bytes.clone());
    }
    return Bind.of(Bind.Kind.OBJECT, x);
  }

  private static Bind stream(Bind.Kind kind, InputStream in, long length) throws SQLException {
    if (in == null) {
      return nullOf(kind == Bind.Kind.ASCII_STREAM ? Types.LONGVARCHAR : Types.LONGVARBINARY);
    }
    return Bind.of(kind, Bind.readAll(in, length));
  }

  private static Bind reader(Bind.Kind kind, Reader reader, long length) throws SQLException {
    if (reader == null) {
      return nullOf(Types.LONGVARCHAR);
    }
    return Bind.of(kind, Bind.readAll(reader, length));
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    bind(parameterIndex, new Bind(Bind.Kind.NULL, null, sqlType, null));
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.BOOLEAN, x));
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.BYTE, x));
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.SHORT, x));
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.INT, x));
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.LONG, x));
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.FLOAT, x));
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.DOUBLE, x));
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.DECIMAL) : Bind.of(Bind.Kind.BIG_DECIMAL, x));
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.VARCHAR) : Bind.of(Bind.Kind.STRING, x));
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.VARBINARY) : Bind.of(Bind.Kind.BYTES, x.clone()));
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.DATE) : Bind.of(Bind.Kind.DATE, x));
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.TIME) : Bind.of(Bind.Kind.TIME, x));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.TIMESTAMP) : Bind.of(Bind.Kind.TIMESTAMP, x));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    bind(parameterIndex, stream(Bind.Kind.ASCII_STREAM, x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    bind(parameterIndex, stream(Bind.Kind.BINARY_STREAM, x, length));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    bind(
        parameterIndex,
        x == null
            ? nullOf(targetSqlType)
            : new Bind(Bind.Kind.OBJECT_TYPED, x, targetSqlType, null));
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.NULL) : object(x));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length)
      throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.CHARACTER_STREAM, reader, length));
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.REF, x));
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    bind(
        parameterIndex, x == null ? nullOf(Types.BLOB) : Bind.of(Bind.Kind.BYTES, Bind.readAll(x)));
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    bind(
        parameterIndex,
        x == null ? nullOf(Types.CLOB) : Bind.of(Bind.Kind.STRING, Bind.readAll(x)));
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.ARRAY, x));
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.DATE) : new Bind(Bind.Kind.DATE_CAL, x, 0, cal));
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.TIME) : new Bind(Bind.Kind.TIME_CAL, x, 0, cal));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    bind(
        parameterIndex,
        x == null ? nullOf(Types.TIMESTAMP) : new Bind(Bind.Kind.TIMESTAMP_CAL, x, 0, cal));
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    bind(parameterIndex, new Bind(Bind.Kind.NULL_TYPED_NAME, null, sqlType, typeName));
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    bind(parameterIndex, x == null ? nullOf(Types.VARCHAR) : Bind.of(Bind.Kind.URL, x));
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.ROWID, x));
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    bind(
        parameterIndex, value == null ? nullOf(Types.NVARCHAR) : Bind.of(Bind.Kind.NSTRING, value));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.NCHARACTER_STREAM, value, length));
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    bind(
        parameterIndex,
        value == null ? nullOf(Types.NCLOB) : Bind.of(Bind.Kind.NSTRING, Bind.readAll(value)));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.CHARACTER_STREAM, reader, length));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    bind(parameterIndex, stream(Bind.Kind.BINARY_STREAM, inputStream, length));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.NCHARACTER_STREAM, reader, length));
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    bind(parameterIndex, Bind.of(Bind.Kind.SQLXML, xmlObject));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    bind(
        parameterIndex,
        x == null
            ? nullOf(targetSqlType)
            : new Bind(Bind.Kind.OBJECT_TYPED_SCALE, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    bind(parameterIndex, stream(Bind.Kind.ASCII_STREAM, x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    bind(parameterIndex, stream(Bind.Kind.BINARY_STREAM, x, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.CHARACTER_STREAM, reader, length));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    bind(parameterIndex, stream(Bind.Kind.ASCII_STREAM, x, -1));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    bind(parameterIndex, stream(Bind.Kind.BINARY_STREAM, x, -1));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.CHARACTER_STREAM, reader, -1));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.NCHARACTER_STREAM, value, -1));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.CHARACTER_STREAM, reader, -1));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    bind(parameterIndex, stream(Bind.Kind.BINARY_STREAM, inputStream, -1));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    bind(parameterIndex, reader(Bind.Kind.NCHARACTER_STREAM, reader, -1));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    bind(
        parameterIndex,
        new Bind(
            Bind.Kind.OBJECT_SQLTYPE_SCALE, x, 0, new Object[] {targetSqlType, scaleOrLength}));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    bind(parameterIndex, new Bind(Bind.Kind.OBJECT_SQLTYPE, x, 0, targetSqlType));
  }

  @Override
  @Deprecated(since = "1.2")
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw Bind.unsupported("setUnicodeStream");
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(binds, null);
  }

  private boolean run(Mode mode) throws SQLException {
    checkOpen();
    boolean result = engine.run(sql, binds, mode, engine.options().appWantsKeys());
    followLastVendor();
    return result;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    run(Mode.QUERY);
    return engine.resultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    run(Mode.UPDATE);
    return narrow(engine.updateCount());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    run(Mode.UPDATE);
    return engine.updateCount();
  }

  @Override
  public boolean execute() throws SQLException {
    return run(Mode.EXECUTE);
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batch.add(binds.clone());
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    try {
      long[] counts = engine.runBatch(sql, batch);
      followLastVendor();
      return counts;
    } finally {
      batch.clear();
    }
  }

  // The vendor statement that ran last describes the result and the parameters.

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return prepared().getMetaData();
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return prepared().getParameterMetaData();
  }

  @Override
  public String toString() {
    return "DualWritePreparedStatement[" + sql + "]";
  }
}
