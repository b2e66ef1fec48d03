package io.dualwrite.driver.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;

/**
 * One recorded {@code setXxx} call of a prepared statement, replayable on either vendor's
 * statement. Streams, readers, blobs and clobs are read into memory when bound (up to {@link
 * #MAX_STREAM_BYTES}), since the same value must be sent to both sides.
 */
record Bind(Kind kind, Object value, int intArg, Object extra) {

  /**
   * The most a streamed parameter (InputStream, Reader, Blob, Clob) may hold: 64 MiB. A larger
   * value fails the {@code setXxx} call with SQLState 22001, before anything was executed.
   */
  static final int MAX_STREAM_BYTES = 64 * 1024 * 1024;

  enum Kind {
    NULL,
    NULL_TYPED_NAME,
    BOOLEAN,
    BYTE,
    SHORT,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    BIG_DECIMAL,
    STRING,
    NSTRING,
    BYTES,
    DATE,
    DATE_CAL,
    TIME,
    TIME_CAL,
    TIMESTAMP,
    TIMESTAMP_CAL,
    OBJECT,
    OBJECT_TYPED,
    OBJECT_TYPED_SCALE,
    OBJECT_SQLTYPE,
    OBJECT_SQLTYPE_SCALE,
    ASCII_STREAM,
    BINARY_STREAM,
    CHARACTER_STREAM,
    NCHARACTER_STREAM,
    URL,
    ARRAY,
    REF,
    ROWID,
    SQLXML
  }

  /**
   * This value with its own copy of anything the application could change after the call returned
   * (a {@code byte[]}, a {@code java.util.Date} or {@code Calendar}): the mirror may bind it later,
   * on another thread ({@link MirrorPipeline}).
   */
  Bind detached() {
    Object v = copyOf(value);
    Object e = copyOf(extra);
    return v == value && e == extra ? this : new Bind(kind, v, intArg, e);
  }

  /** {@code binds} with each value {@link #detached()}; null stays null. */
  static Bind[] detached(Bind[] binds) {
    if (binds == null) {
      return null;
    }
    Bind[] copy = new Bind[binds.length];
    for (int i = 0; i < binds.length; i++) {
      copy[i] = binds[i] == null ? null : binds[i].detached();
    }
    return copy;
  }

  private static Object copyOf(Object o) {
    if (o instanceof byte[] b) {
      return b.clone();
    }
    if (o instanceof java.util.Date d) {
      return d.clone(); // Timestamp keeps its nanos
    }
    if (o instanceof Calendar c) {
      return c.clone();
    }
    return o;
  }

  /**
   * Applies this value at {@code index} (1-based) of a PostgreSQL statement. MySQL's booleans are
   * TINYINT(1) columns, which the rewriter maps to {@code smallint}: a boolean bound by the
   * application (as every ORM binds flags) goes as 1 or 0, as MySQL stores it.
   */
  void applyToPostgres(PreparedStatement target, int index) throws SQLException {
    switch (kind) {
      case BOOLEAN -> target.setShort(index, (short) (((Boolean) value) ? 1 : 0));
      // Connector/J sends a float as its decimal text ("0.1"), which MySQL reads as that decimal
      // number; pgjdbc would send the float's binary value (0.10000000149011612 in a DOUBLE)
      case FLOAT -> target.setDouble(index, Double.parseDouble(Float.toString((Float) value)));
      case NULL, NULL_TYPED_NAME -> {
        if (intArg == Types.BOOLEAN || intArg == Types.BIT) {
          target.setNull(index, Types.SMALLINT);
        } else if (intArg == Types.BLOB) {
          // pgjdbc types a BLOB null as oid (large objects); MySQL's BLOBs are bytea here
          target.setNull(index, Types.BINARY);
        } else if (intArg == Types.CLOB || intArg == Types.NCLOB) {
          target.setNull(index, Types.VARCHAR); // likewise: TEXT columns, not oid
        } else {
          applyTo(target, index);
        }
      }
      case OBJECT, OBJECT_TYPED, OBJECT_TYPED_SCALE, OBJECT_SQLTYPE, OBJECT_SQLTYPE_SCALE -> {
        boolean booleanType =
            (kind == Kind.OBJECT_TYPED || kind == Kind.OBJECT_TYPED_SCALE)
                && (intArg == Types.BOOLEAN || intArg == Types.BIT);
        if (value instanceof Boolean b) {
          target.setShort(index, (short) (b ? 1 : 0));
        } else if (kind == Kind.OBJECT && value instanceof Float f) {
          target.setDouble(index, Double.parseDouble(Float.toString(f)));
        } else if (booleanType && value instanceof Number n) {
          target.setShort(index, (short) (n.intValue() != 0 ? 1 : 0));
        } else {
          applyTo(target, index);
        }
      }
      default -> applyTo(target, index);
    }
  }

  /**
   * This value as MySQL converts it for the column it is written into or compared with: a string
   * into a binary column is its bytes in the connection's character set (UTF-8; PostgreSQL would
   * read the text as bytea's escape format, where a backslash means something), bytes into a text
   * column are their text when they are valid UTF-8 (PostgreSQL would refuse bytea for text), and a
   * value stored into {@code BINARY(n)} is padded with zero bytes to n, as MySQL pads it; a string
   * into a SET, ENUM or YEAR column is the text MySQL stores; with {@code truncatesFractions}
   * (MariaDB), a date-time or time string loses the fractional digits beyond the column's
   * precision, as MariaDB cuts them where PostgreSQL would round; without (MySQL), a date-time or
   * time string or object is rounded half up to the column's precision, as MySQL rounds it where
   * PostgreSQL would round a tie before 2000 down ({@link
   * io.dualwrite.rewriter.ParameterTarget#roundedNanos}).
   */
  Bind forTarget(io.dualwrite.rewriter.ParameterTarget target, boolean truncatesFractions) {
    if (value instanceof String s
        && (kind == Kind.STRING || kind == Kind.NSTRING || kind == Kind.OBJECT)) {
      String stored =
          target.yearText(
              truncatesFractions ? target.truncatedTemporalText(s) : target.roundedTemporalText(s));
      if (!stored.equals(s)) {
        return new Bind(Kind.STRING, stored, 0, null);
      }
    }
    if (!truncatesFractions) {
      int fsp = target.storedFractionDigits();
      if (fsp >= 0) {
        return roundedTo(fsp);
      }
    }
    if (target.isBit()) {
      return forBit(target.assigned());
    }
    if (target.isBinary()) {
      byte[] bytes =
          value instanceof String s
                  && (kind == Kind.STRING
                      || kind == Kind.NSTRING
                      || kind == Kind.CHARACTER_STREAM
                      || kind == Kind.NCHARACTER_STREAM
                      || kind == Kind.OBJECT)
              ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : value instanceof byte[] b ? b : null;
      if (bytes == null) {
        return this;
      }
      int padded = target.paddedLength();
      if (padded > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, padded);
      }
      return bytes == value ? this : new Bind(Kind.BYTES, bytes, 0, null);
    }
    if (target.isText()
        && value instanceof String s
        && (kind == Kind.STRING || kind == Kind.NSTRING || kind == Kind.OBJECT)) {
      String stored = target.storedText(s);
      return stored.equals(s) ? this : new Bind(Kind.STRING, stored, 0, null);
    }
    if (target.isText() && value instanceof byte[] b) {
      try {
        String text =
            java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(b))
                .toString();
        return new Bind(Kind.STRING, text, 0, null);
      } catch (java.nio.charset.CharacterCodingException e) {
        return this; // MySQL refuses it in strict mode; PostgreSQL refuses bytea for text: recorded
      }
    }
    return this;
  }

  /**
   * This value for a BIT column, a bigint on PostgreSQL: bytes are their big-endian number (as
   * Connector/J's {@code getBytes} gives them back), a boolean 1 or 0 (also "true"/"false" bound as
   * {@code Types.BOOLEAN}), an integer bound as {@code Types.BIT} itself, a typed NULL a bigint
   * NULL, and a string stored into the column (also one bound with a character SQL type) its UTF-8
   * bytes' number ({@code setString("9")} stores 57, as MySQL does); a compared string stays a
   * string (MySQL compares its number). Bytes beyond 8 are left for MySQL to refuse.
   */
  private Bind forBit(boolean assigned) {
    if (kind == Kind.NULL || kind == Kind.NULL_TYPED_NAME) {
      return new Bind(Kind.NULL, null, Types.BIGINT, null); // setNull(i, Types.BINARY) too
    }
    boolean typed = kind == Kind.OBJECT_TYPED || kind == Kind.OBJECT_TYPED_SCALE;
    boolean characterTarget =
        typed
            && java.util.Set.of(
                    Types.CHAR,
                    Types.VARCHAR,
                    Types.LONGVARCHAR,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.LONGNVARCHAR)
                .contains(intArg);
    byte[] bytes = null;
    if (value instanceof byte[] b) {
      bytes = b;
    } else if (assigned
        && value instanceof String s
        && (kind == Kind.STRING
            || kind == Kind.NSTRING
            || kind == Kind.OBJECT
            || characterTarget)) {
      bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } else if (value instanceof Boolean b) {
      return new Bind(Kind.LONG, b ? 1L : 0L, 0, null);
    } else if (typed
        && intArg == Types.BOOLEAN
        && value instanceof String s
        && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return new Bind(Kind.LONG, s.equalsIgnoreCase("true") ? 1L : 0L, 0, null);
    } else if (typed
        && intArg == Types.BIT
        && (value instanceof Integer
            || value instanceof Long
            || value instanceof Short
            || value instanceof Byte
            || value instanceof java.math.BigInteger)) {
      // setObject(5, Types.BIT): Connector/J sends the number, not its truth
      return new Bind(Kind.LONG, ((Number) value).longValue(), 0, null);
    }
    if (bytes == null || bytes.length > 8) {
      return this;
    }
    return new Bind(
        Kind.LONG,
        bytes.length == 0 ? 0L : new java.math.BigInteger(1, bytes).longValue(),
        0,
        null);
  }

  /**
   * This value, when it is a date-time or a time of day, with its fractional seconds rounded as
   * MySQL rounds them into a column of {@code fsp} digits; this value itself otherwise (and a time
   * of day that would round past midnight, which PostgreSQL's time rounds to 24:00:00 as MySQL
   * does).
   */
  private Bind roundedTo(int fsp) {
    if (value instanceof Timestamp t) {
      int nanos = io.dualwrite.rewriter.ParameterTarget.roundedNanos(t.getNanos(), fsp);
      if (nanos == t.getNanos()) {
        return this;
      }
      long seconds = Math.floorDiv(t.getTime(), 1000L);
      Timestamp r = new Timestamp((seconds + (nanos == 1_000_000_000 ? 1 : 0)) * 1000L);
      r.setNanos(nanos % 1_000_000_000);
      return new Bind(kind, r, intArg, extra);
    }
    if (value instanceof java.time.LocalDateTime t) {
      int nanos = io.dualwrite.rewriter.ParameterTarget.roundedNanos(t.getNano(), fsp);
      return nanos == t.getNano()
          ? this
          : new Bind(kind, t.withNano(0).plusNanos(nanos), intArg, extra);
    }
    if (value instanceof java.time.OffsetDateTime t) {
      int nanos = io.dualwrite.rewriter.ParameterTarget.roundedNanos(t.getNano(), fsp);
      return nanos == t.getNano()
          ? this
          : new Bind(kind, t.withNano(0).plusNanos(nanos), intArg, extra);
    }
    if (value instanceof java.time.LocalTime t) {
      int nanos = io.dualwrite.rewriter.ParameterTarget.roundedNanos(t.getNano(), fsp);
      java.time.LocalTime r = t.withNano(0).plusNanos(nanos);
      return nanos == t.getNano() || r.isBefore(t) ? this : new Bind(kind, r, intArg, extra);
    }
    return this;
  }

  /**
   * This value with the fractional seconds of a timestamp dropped, as Connector/J drops them before
   * sending a timestamp to a server that announces a version older than 5.6.4 (MariaDB announces
   * 5.5.5-...): what the MySQL side stored, whatever the column's precision.
   */
  Bind withoutFractionalSeconds() {
    if (value instanceof Timestamp t && t.getNanos() != 0) {
      Timestamp whole = new Timestamp(t.getTime() - t.getNanos() / 1_000_000);
      whole.setNanos(0);
      return new Bind(kind, whole, intArg, extra);
    }
    if (value instanceof java.time.LocalDateTime t && t.getNano() != 0) {
      return new Bind(kind, t.withNano(0), intArg, extra);
    }
    if (value instanceof java.time.LocalTime t && t.getNano() != 0) {
      return new Bind(kind, t.withNano(0), intArg, extra);
    }
    return this;
  }

  /**
   * Applies this value at {@code index} (1-based) of a MySQL statement, exactly as the application
   * bound it: the authoritative side stores what Connector/J alone would have sent. (For a server
   * that announces a version older than 5.6.4, as MariaDB does, Connector/J drops fractional
   * seconds; the PostgreSQL side is then sent whole seconds too, see {@link
   * #withoutFractionalSeconds}.)
   */
  void applyToMysql(PreparedStatement target, int index) throws SQLException {
    applyTo(target, index);
  }

  /**
   * Applies this value at {@code index} (1-based) of {@code target}, as the application bound it.
   */
  void applyTo(PreparedStatement target, int index) throws SQLException {
    switch (kind) {
      case NULL -> target.setNull(index, intArg);
      case NULL_TYPED_NAME -> target.setNull(index, intArg, (String) extra);
      case BOOLEAN -> target.setBoolean(index, (Boolean) value);
      case BYTE -> target.setByte(index, (Byte) value);
      case SHORT -> target.setShort(index, (Short) value);
      case INT -> target.setInt(index, (Integer) value);
      case LONG -> target.setLong(index, (Long) value);
      case FLOAT -> target.setFloat(index, (Float) value);
      case DOUBLE -> target.setDouble(index, (Double) value);
      case BIG_DECIMAL -> target.setBigDecimal(index, (BigDecimal) value);
      case STRING -> target.setString(index, (String) value);
      case NSTRING -> target.setNString(index, (String) value);
      case BYTES -> target.setBytes(index, (byte[]) value);
      case DATE -> target.setDate(index, (Date) value);
      case DATE_CAL -> target.setDate(index, (Date) value, (Calendar) extra);
      case TIME -> target.setTime(index, (Time) value);
      case TIME_CAL -> target.setTime(index, (Time) value, (Calendar) extra);
      case TIMESTAMP -> target.setTimestamp(index, (Timestamp) value);
      case TIMESTAMP_CAL -> target.setTimestamp(index, (Timestamp) value, (Calendar) extra);
      case OBJECT -> target.setObject(index, value);
      case OBJECT_TYPED -> target.setObject(index, value, intArg);
      case OBJECT_TYPED_SCALE -> target.setObject(index, value, intArg, (Integer) extra);
      case OBJECT_SQLTYPE -> target.setObject(index, value, (SQLType) extra);
      case OBJECT_SQLTYPE_SCALE -> {
        Object[] typeAndScale = (Object[]) extra;
        target.setObject(index, value, (SQLType) typeAndScale[0], (Integer) typeAndScale[1]);
      }
      case ASCII_STREAM -> {
        byte[] bytes = (byte[]) value;
        target.setAsciiStream(index, new ByteArrayInputStream(bytes), bytes.length);
      }
      case BINARY_STREAM -> target.setBytes(index, (byte[]) value);
      case CHARACTER_STREAM -> {
        String s = (String) value;
        target.setCharacterStream(index, new StringReader(s), s.length());
      }
      case NCHARACTER_STREAM -> {
        String s = (String) value;
        target.setNCharacterStream(index, new StringReader(s), s.length());
      }
      case URL -> target.setURL(index, (URL) value);
      case ARRAY -> target.setArray(index, (Array) value);
      case REF -> target.setRef(index, (Ref) value);
      case ROWID -> target.setRowId(index, (RowId) value);
      case SQLXML -> target.setSQLXML(index, (SQLXML) value);
    }
  }

  /** The value as the same Java object both sides get, for keys and discrepancy detail. */
  Object javaValue() {
    return switch (kind) {
      case NULL, NULL_TYPED_NAME -> null;
      default -> value;
    };
  }

  static Bind of(Kind kind, Object value) {
    return new Bind(kind, value, 0, null);
  }

  static byte[] readAll(InputStream in, long declaredLength) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      byte[] bytes =
          declaredLength >= 0
              ? in.readNBytes((int) Math.min(declaredLength, MAX_STREAM_BYTES + 1L))
              : in.readNBytes(MAX_STREAM_BYTES + 1);
      if (bytes.length > MAX_STREAM_BYTES) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new SQLException("Cannot read the stream bound as a parameter", "22000", e);
    }
  }

  static String readAll(Reader reader, long declaredLength) throws SQLException {
    if (reader == null) {
      return null;
    }
    try {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[8192];
      long remaining = declaredLength >= 0 ? declaredLength : Long.MAX_VALUE;
      int n;
      while (remaining > 0
          && (n = reader.read(buf, 0, (int) Math.min(buf.length, remaining))) > 0) {
        b.append(buf, 0, n);
        remaining -= n;
        if (b.length() > MAX_STREAM_BYTES / 2) {
          throw tooLarge();
        }
      }
      return b.toString();
    } catch (IOException e) {
      throw new SQLException("Cannot read the reader bound as a parameter", "22000", e);
    }
  }

  static byte[] readAll(Blob blob) throws SQLException {
    if (blob == null) {
      return null;
    }
    if (blob.length() > MAX_STREAM_BYTES) {
      throw tooLarge();
    }
    return blob.getBytes(1, (int) blob.length());
  }

  static String readAll(Clob clob) throws SQLException {
    if (clob == null) {
      return null;
    }
    if (clob.length() > MAX_STREAM_BYTES / 2) {
      throw tooLarge();
    }
    return clob.getSubString(1, (int) clob.length());
  }

  static String readAll(NClob clob) throws SQLException {
    return readAll((Clob) clob);
  }

  private static SQLException tooLarge() {
    return new SQLException(
        "A streamed parameter is larger than dualwrite's limit of "
            + (MAX_STREAM_BYTES / (1024 * 1024))
            + " MiB: it must be sent identically to both databases, so it is buffered in memory.",
        "22001");
  }

  static SQLException unsupported(String what) {
    return new SQLFeatureNotSupportedException(
        what + " is not supported by dualwrite: the value cannot be sent to both databases.",
        "0A000");
  }
}
