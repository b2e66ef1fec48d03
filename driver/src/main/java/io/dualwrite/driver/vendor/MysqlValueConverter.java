package io.dualwrite.driver.vendor;

import com.mysql.cj.MysqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one column of a pgjdbc result as Connector/J would read the same value from MySQL: the Java
 * class of {@code getObject}, the text of {@code getString}, Connector/J's rules for {@code
 * getBoolean}, and the few primitives that differ.
 *
 * <p>One instance per result column, chosen once from the column's MySQL type and PostgreSQL type
 * ({@link #of}); each getter is a switch on a final field and the delegate calls the conversion
 * needs. Primitive getters allocate nothing beyond what the pgjdbc getter they call allocates,
 * except on {@code FLOAT} columns, which round through a {@link BigDecimal} to MySQL's six
 * significant digits (exactly, as MySQL's dtoa does; double arithmetic cannot promise that).
 *
 * <p>What differs, and why:
 *
 * <ul>
 *   <li>{@code tinyint(1)}: Connector/J's {@code BIT}, {@code getObject} a {@link Boolean} that is
 *       true for -1 and every positive value ({@code getBoolean} likewise, for every numeric
 *       column), where pgjdbc would give an Integer and refuse {@code getBoolean} of 2.
 *   <li>{@code bigint unsigned} (PostgreSQL {@code numeric(20,0)}): a {@link BigInteger}.
 *   <li>{@code float} (PostgreSQL {@code real}): MySQL prints a FLOAT with six significant digits
 *       and Connector/J parses that text, so {@code 1.2345679f} reads as {@code 1.23457}.
 *   <li>{@code float}, {@code double}: {@code getString} is Java's {@code String.valueOf(double)}
 *       ({@code 1.0E20}, not PostgreSQL's {@code 1e+20}).
 *   <li>{@code datetime}: a {@link LocalDateTime}; {@code datetime}, {@code timestamp}, {@code
 *       time}: {@code getString} has as many fractional digits as the column (none when the
 *       fraction is zero), PostgreSQL drops trailing zeros.
 *   <li>{@code year} (PostgreSQL {@code smallint}): a {@link Date} of 1 January ({@code
 *       yearIsDateType}), two-digit years as Connector/J reads them.
 *   <li>{@code json} (PostgreSQL {@code jsonb}): a {@link String}, not a {@code PGobject}.
 *   <li>{@code char} (PostgreSQL {@code varchar}): trailing spaces removed, as MySQL reads a CHAR.
 *   <li>binary types: {@code getString} decodes the bytes as UTF-8, PostgreSQL prints {@code \x..}.
 *   <li>a PostgreSQL {@code boolean} (a MySQL {@code tinyint(1)} seen through an expression): "1"
 *       and "0", 1 and 0.
 * </ul>
 *
 * <p>Thread safety: immutable; the result set passed in is the caller's.
 */
public final class MysqlValueConverter {

  /** How a column is read. */
  enum Kind {
    PASS,
    INT32,
    INT64,
    BOOL_FROM_NUMBER,
    BOOL_FROM_PG_BOOLEAN,
    BIG_UNSIGNED,
    BIT_BYTES,
    DECIMAL,
    FLOAT,
    DOUBLE,
    STRING,
    CHAR,
    BINARY,
    DATE,
    DATETIME,
    TIMESTAMP,
    TIME,
    /** A MySQL TIME served as a PostgreSQL interval: a duration that may lie outside a day. */
    DURATION,
    YEAR
  }

  private static final LocalDate EPOCH_DAY = LocalDate.of(1970, 1, 1);
  private static final MathContext FLT_DIG = new MathContext(6, RoundingMode.HALF_EVEN);
  private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();
  private static final Pattern FLOATING_POINT = Pattern.compile("-?\\d*\\.\\d*");
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  /** Reads every column as pgjdbc does. */
  public static final MysqlValueConverter PASS_THROUGH = new MysqlValueConverter(Kind.PASS, 0);

  private final Kind kind;

  /** A date-time's fractional-second digits; a BIT(n) column's bytes, (n + 7) / 8. */
  private final int width;

  private MysqlValueConverter(Kind kind, int width) {
    this.kind = kind;
    this.width = width;
  }

  /**
   * The converter for a column of MySQL type {@code mysql} served by PostgreSQL with type {@code
   * pgTypeName} (pgjdbc's {@code getColumnTypeName}).
   *
   * @param mysql the column's MySQL type; null means derive it from the PostgreSQL type
   * @param pgTypeName the PostgreSQL type name, e.g. {@code int2}, {@code bool}
   */
  public static MysqlValueConverter of(MysqlColumnType mysql, String pgTypeName) {
    boolean pgBoolean = "bool".equalsIgnoreCase(pgTypeName);
    if (mysql == null) {
      return pgBoolean ? new MysqlValueConverter(Kind.BOOL_FROM_PG_BOOLEAN, 0) : PASS_THROUGH;
    }
    MysqlType t = mysql.connectorType();
    Kind kind =
        switch (t) {
          case BIT ->
              mysql.name().equals("bit") && mysql.length() > 1
                  ? Kind.BIT_BYTES
                  : pgBoolean ? Kind.BOOL_FROM_PG_BOOLEAN : Kind.BOOL_FROM_NUMBER;
          case TINYINT,
              TINYINT_UNSIGNED,
              SMALLINT,
              SMALLINT_UNSIGNED,
              MEDIUMINT,
              MEDIUMINT_UNSIGNED,
              INT ->
              pgBoolean ? Kind.BOOL_FROM_PG_BOOLEAN : Kind.INT32;
          case INT_UNSIGNED, BIGINT -> Kind.INT64;
          case BIGINT_UNSIGNED -> Kind.BIG_UNSIGNED;
          case DECIMAL, DECIMAL_UNSIGNED -> Kind.DECIMAL;
          case FLOAT, FLOAT_UNSIGNED -> Kind.FLOAT;
          case DOUBLE, DOUBLE_UNSIGNED -> Kind.DOUBLE;
          case CHAR -> mysql.name().equals("char") ? Kind.CHAR : Kind.STRING;
          case VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, JSON, ENUM, SET -> Kind.STRING;
          case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> Kind.BINARY;
          case DATE -> Kind.DATE;
          case DATETIME -> Kind.DATETIME;
          case TIMESTAMP -> Kind.TIMESTAMP;
          case TIME -> "interval".equalsIgnoreCase(pgTypeName) ? Kind.DURATION : Kind.TIME;
          case YEAR -> Kind.YEAR;
          default -> Kind.PASS;
        };
    return new MysqlValueConverter(
        kind, kind == Kind.BIT_BYTES ? (mysql.length() + 7) / 8 : mysql.fractionalSecondDigits());
  }

  Kind kind() {
    return kind;
  }

  /** {@code getObject(i)} as Connector/J returns it for the MySQL type. */
  public Object getObject(ResultSet rs, int i) throws SQLException {
    switch (kind) {
      case INT32:
        {
          int v = rs.getInt(i);
          return v == 0 && rs.wasNull() ? null : Integer.valueOf(v);
        }
      case INT64:
        {
          long v = rs.getLong(i);
          return v == 0 && rs.wasNull() ? null : Long.valueOf(v);
        }
      case BOOL_FROM_NUMBER:
        {
          long v = rs.getLong(i);
          return v == 0 && rs.wasNull() ? null : Boolean.valueOf(v == -1 || v > 0);
        }
      case BOOL_FROM_PG_BOOLEAN:
        {
          boolean v = rs.getBoolean(i);
          return !v && rs.wasNull() ? null : Boolean.valueOf(v);
        }
      case BIG_UNSIGNED:
        {
          BigDecimal v = rs.getBigDecimal(i);
          return v == null ? null : v.toBigInteger();
        }
      case BIT_BYTES:
        return getBytes(rs, i);
      case DECIMAL:
        return rs.getBigDecimal(i);
      case FLOAT:
        {
          float v = rs.getFloat(i);
          return v == 0 && rs.wasNull() ? null : Float.valueOf((float) mysqlFloat(v));
        }
      case DOUBLE:
        {
          double v = rs.getDouble(i);
          return v == 0 && rs.wasNull() ? null : Double.valueOf(v);
        }
      case STRING:
        return rs.getString(i);
      case CHAR:
        return stripTrailingSpaces(rs.getString(i));
      case BINARY:
        return rs.getBytes(i);
      case DATE:
        return rs.getDate(i);
      case DATETIME:
        return rs.getObject(i, LocalDateTime.class);
      case TIMESTAMP:
        return rs.getTimestamp(i);
      case TIME:
        return rs.getTime(i);
      case DURATION:
        return getTime(rs, i);
      case YEAR:
        return getDate(rs, i);
      case PASS:
      default:
        return rs.getObject(i);
    }
  }

  /** {@code getObject(i, type)}: the conversions of this class for the types they concern. */
  public <T> T getObject(ResultSet rs, int i, Class<T> type) throws SQLException {
    if (kind == Kind.PASS || type == null) {
      return rs.getObject(i, type);
    }
    Object v;
    if (type == String.class) {
      v = getString(rs, i);
    } else if (type == Boolean.class) {
      boolean b = getBoolean(rs, i);
      v = rs.wasNull() ? null : Boolean.valueOf(b);
    } else if (type == BigInteger.class && kind == Kind.BIG_UNSIGNED
        || type == Float.class && kind == Kind.FLOAT
        || type == LocalDateTime.class && kind == Kind.DATETIME
        || type == Date.class && kind == Kind.YEAR) {
      v = getObject(rs, i);
    } else if (kind == Kind.DURATION && type == java.time.Duration.class) {
      String t = rs.getString(i);
      v = t == null ? null : duration(t);
    } else if (kind == Kind.DURATION && type == java.time.LocalTime.class) {
      Time t = getTime(rs, i);
      v = t == null ? null : t.toLocalTime();
    } else if (kind == Kind.DURATION && type == Time.class) {
      v = getTime(rs, i);
    } else if (kind == Kind.DURATION && type == Timestamp.class) {
      v = getTimestamp(rs, i);
    } else if (kind == Kind.DURATION && type == LocalDateTime.class) {
      Timestamp t = getTimestamp(rs, i);
      v = t == null ? null : t.toLocalDateTime();
    } else if (type == byte[].class && kind == Kind.BIT_BYTES) {
      v = getBytes(rs, i);
    } else if (type == LocalDate.class && kind == Kind.YEAR) {
      Date d = getDate(rs, i);
      v = d == null ? null : d.toLocalDate();
    } else {
      return rs.getObject(i, type);
    }
    return type.cast(v);
  }

  /**
   * {@code getBytes(i)} as Connector/J reads it: a BIT(n) column's number (a bigint on PostgreSQL)
   * as its (n + 7) / 8 big-endian bytes, any other column as PostgreSQL's driver reads it.
   */
  public byte[] getBytes(ResultSet rs, int i) throws SQLException {
    if (kind != Kind.BIT_BYTES) {
      return rs.getBytes(i);
    }
    long v = rs.getLong(i);
    if (v == 0 && rs.wasNull()) {
      return null;
    }
    byte[] bytes = new byte[width];
    for (int k = width - 1; k >= 0; k--, v >>>= 8) {
      bytes[k] = (byte) v;
    }
    return bytes;
  }

  /** {@code getString(i)} as Connector/J formats the MySQL value. */
  public String getString(ResultSet rs, int i) throws SQLException {
    switch (kind) {
      case BOOL_FROM_PG_BOOLEAN:
        {
          boolean v = rs.getBoolean(i);
          return !v && rs.wasNull() ? null : v ? "1" : "0";
        }
      case FLOAT:
        {
          float v = rs.getFloat(i);
          return v == 0 && rs.wasNull() ? null : String.valueOf(mysqlFloat(v));
        }
      case DOUBLE:
        {
          double v = rs.getDouble(i);
          return v == 0 && rs.wasNull() ? null : String.valueOf(v);
        }
      case DECIMAL:
        {
          String s = rs.getString(i);
          // Connector/J prints BigDecimal.toString(): 0.0000001 is 1E-7
          return s != null && (s.startsWith("0.000000") || s.startsWith("-0.000000"))
              ? new BigDecimal(s).toString()
              : s;
        }
      case BINARY:
        {
          byte[] v = rs.getBytes(i);
          return v == null ? null : new String(v, StandardCharsets.UTF_8);
        }
      case CHAR:
        return stripTrailingSpaces(rs.getString(i));
      case DATETIME:
      case TIMESTAMP:
      case TIME:
      case DURATION:
        return withFraction(rs.getString(i), width);
      case YEAR:
        {
          int v = rs.getInt(i);
          return v == 0 && rs.wasNull()
              ? null
              : String.format(Locale.ROOT, "%04d-01-01", connectorYear(v));
        }
      default:
        return rs.getString(i);
    }
  }

  /** {@code getBoolean(i)} by Connector/J's rules: -1 and positive numbers are true. */
  public boolean getBoolean(ResultSet rs, int i) throws SQLException {
    switch (kind) {
      case INT32:
      case INT64:
      case BOOL_FROM_NUMBER:
      case BIT_BYTES:
      case YEAR:
        {
          long v = rs.getLong(i);
          return v == -1 || v > 0;
        }
      case BIG_UNSIGNED:
      case DECIMAL:
        {
          BigDecimal v = rs.getBigDecimal(i);
          return v != null && (v.signum() > 0 || v.compareTo(MINUS_ONE) == 0);
        }
      case FLOAT:
        {
          double v = mysqlFloat(rs.getFloat(i));
          return v > 0 || v == -1.0d;
        }
      case DOUBLE:
        {
          double v = rs.getDouble(i);
          return v > 0 || v == -1.0d;
        }
      case STRING:
        return stringToBoolean(rs.getString(i));
      case CHAR:
        return stringToBoolean(stripTrailingSpaces(rs.getString(i)));
      case BINARY:
        {
          byte[] v = rs.getBytes(i);
          return v != null && stringToBoolean(new String(v, StandardCharsets.UTF_8));
        }
      default:
        return rs.getBoolean(i);
    }
  }

  public byte getByte(ResultSet rs, int i) throws SQLException {
    if (isText()) {
      Number n = textNumber(rs, i);
      return n == null ? 0 : (byte) checkedLong(n, Byte.MIN_VALUE, Byte.MAX_VALUE, "Byte");
    }
    return kind == Kind.BOOL_FROM_PG_BOOLEAN ? (byte) (rs.getBoolean(i) ? 1 : 0) : rs.getByte(i);
  }

  public short getShort(ResultSet rs, int i) throws SQLException {
    if (isText()) {
      Number n = textNumber(rs, i);
      return n == null ? 0 : (short) checkedLong(n, Short.MIN_VALUE, Short.MAX_VALUE, "Short");
    }
    return kind == Kind.BOOL_FROM_PG_BOOLEAN ? (short) (rs.getBoolean(i) ? 1 : 0) : rs.getShort(i);
  }

  public int getInt(ResultSet rs, int i) throws SQLException {
    if (isText()) {
      Number n = textNumber(rs, i);
      return n == null ? 0 : (int) checkedLong(n, Integer.MIN_VALUE, Integer.MAX_VALUE, "Integer");
    }
    return kind == Kind.BOOL_FROM_PG_BOOLEAN ? (rs.getBoolean(i) ? 1 : 0) : rs.getInt(i);
  }

  public long getLong(ResultSet rs, int i) throws SQLException {
    if (isText()) {
      Number n = textNumber(rs, i);
      return n == null ? 0L : checkedLong(n, Long.MIN_VALUE, Long.MAX_VALUE, "Long");
    }
    return kind == Kind.BOOL_FROM_PG_BOOLEAN ? (rs.getBoolean(i) ? 1L : 0L) : rs.getLong(i);
  }

  public float getFloat(ResultSet rs, int i) throws SQLException {
    if (isText()) {
      Number n = textNumber(rs, i);
      double d = n == null ? 0d : n.doubleValue();
      if (d < -Float.MAX_VALUE || d > Float.MAX_VALUE) {
        throw outOfRange("Float");
      }
      return (float) d;
    }
    return switch (kind) {
      case FLOAT -> (float) mysqlFloat(rs.getFloat(i));
      case DOUBLE -> {
        double d = rs.getDouble(i);
        // Connector/J's jdbcCompliantTruncationForReads: no silent Infinity
        if (d < -Float.MAX_VALUE || d > Float.MAX_VALUE) {
          throw outOfRange("Float");
        }
        yield (float) d;
      }
      case BOOL_FROM_PG_BOOLEAN -> rs.getBoolean(i) ? 1f : 0f;
      default -> rs.getFloat(i);
    };
  }

  public double getDouble(ResultSet rs, int i) throws SQLException {
    if (isText()) {
      Number n = textNumber(rs, i);
      return n == null ? 0d : n.doubleValue();
    }
    return switch (kind) {
      case FLOAT -> mysqlFloat(rs.getFloat(i));
      case BOOL_FROM_PG_BOOLEAN -> rs.getBoolean(i) ? 1d : 0d;
      default -> rs.getDouble(i);
    };
  }

  private boolean isText() {
    return kind == Kind.STRING || kind == Kind.CHAR || kind == Kind.BINARY;
  }

  /**
   * The number in a character or binary column as Connector/J's numeric value factories read it: an
   * empty value is 0 ({@code emptyStringsConvertToZero}), text with an exponent or a point is a
   * double, digits are an integer, anything else is an error. Null for SQL NULL.
   */
  private Number textNumber(ResultSet rs, int i) throws SQLException {
    String s;
    if (kind == Kind.BINARY) {
      byte[] b = rs.getBytes(i);
      s = b == null ? null : new String(b, StandardCharsets.UTF_8);
    } else {
      s = rs.getString(i);
      if (kind == Kind.CHAR) {
        s = stripTrailingSpaces(s);
      }
    }
    return s == null ? null : textToNumber(s);
  }

  /** Connector/J's {@code AbstractNumericValueFactory.createFromBytes} on a string. */
  static Number textToNumber(String s) throws SQLException {
    if (s.isEmpty()) {
      return 0L;
    }
    try {
      if (s.contains("e") || s.contains("E") || FLOATING_POINT.matcher(s).matches()) {
        return Double.parseDouble(s);
      }
      if (INTEGER.matcher(s).matches()) {
        return new BigInteger(s);
      }
    } catch (NumberFormatException e) {
      // falls through to Connector/J's error
    }
    throw new SQLException("Cannot determine value type from string '" + s + "'", "22018");
  }

  /** Connector/J's range check ({@code jdbcCompliantTruncationForReads}), then truncation. */
  private static long checkedLong(Number n, long min, long max, String type) throws SQLException {
    if (n instanceof Double d) {
      if (d.isNaN() || d < min || d > max) {
        throw outOfRange(type);
      }
      return d.longValue();
    }
    BigInteger v = n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw outOfRange(type);
    }
    return v.longValue();
  }

  private static SQLException outOfRange(String type) {
    return new SQLException("Value is outside of valid range for type java.lang." + type, "22003");
  }

  public BigDecimal getBigDecimal(ResultSet rs, int i) throws SQLException {
    switch (kind) {
      case FLOAT:
        {
          float v = rs.getFloat(i);
          return v == 0 && rs.wasNull() ? null : BigDecimal.valueOf(mysqlFloat(v));
        }
      case DOUBLE:
        {
          double v = rs.getDouble(i);
          return v == 0 && rs.wasNull() ? null : BigDecimal.valueOf(v);
        }
      case BOOL_FROM_PG_BOOLEAN:
        {
          boolean v = rs.getBoolean(i);
          return !v && rs.wasNull() ? null : v ? BigDecimal.ONE : BigDecimal.ZERO;
        }
      default:
        return rs.getBigDecimal(i);
    }
  }

  public Date getDate(ResultSet rs, int i) throws SQLException {
    if (kind == Kind.TIME) {
      // Connector/J gives a TIME's date as the epoch day
      return rs.getString(i) == null ? null : Date.valueOf(EPOCH_DAY);
    }
    if (kind != Kind.YEAR) {
      return rs.getDate(i);
    }
    int v = rs.getInt(i);
    return v == 0 && rs.wasNull() ? null : Date.valueOf(LocalDate.of(connectorYear(v), 1, 1));
  }

  /**
   * {@code getTime(i)}: a TIME served as a PostgreSQL interval is a {@code Time} within a day and,
   * as Connector/J refuses it, an error outside one (a negative duration or one of 24 hours or
   * more); other columns are pgjdbc's.
   */
  public Time getTime(ResultSet rs, int i) throws SQLException {
    if (kind != Kind.DURATION) {
      return rs.getTime(i);
    }
    String t = rs.getString(i);
    if (t == null) {
      return null;
    }
    java.time.Duration d = duration(t);
    if (d.isNegative() || d.compareTo(java.time.Duration.ofDays(1)) >= 0) {
      throw new SQLException(
          "The value '"
              + t
              + "' is an invalid TIME value. JDBC Time objects represent a wall-clock time and not"
              + " a duration as MySQL treats them. If you are treating this type as a duration,"
              + " consider retrieving this value as a string and dealing with it according to your"
              + " requirements.",
          "S1009");
    }
    return Time.valueOf(java.time.LocalTime.MIDNIGHT.plus(d));
  }

  private static final Pattern DURATION_TEXT =
      Pattern.compile("(-)?(\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

  /** PostgreSQL's text of an interval of hours ({@code -01:30:00}, {@code 276:00:00.5}). */
  static java.time.Duration duration(String text) throws SQLException {
    java.util.regex.Matcher m = DURATION_TEXT.matcher(text);
    if (!m.matches()) {
      throw new SQLException("Cannot read '" + text + "' as a TIME duration", "22007");
    }
    String fraction = m.group(5) == null ? "" : m.group(5);
    java.time.Duration d =
        java.time.Duration.ofHours(Long.parseLong(m.group(2)))
            .plusMinutes(Long.parseLong(m.group(3)))
            .plusSeconds(Long.parseLong(m.group(4)))
            .plusNanos(
                fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00000000").substring(0, 9)));
    return m.group(1) != null ? d.negated() : d;
  }

  /**
   * {@code getTimestamp(i)}: a {@code YEAR} is midnight of its 1 January, as Connector/J reads it
   * ({@code yearIsDateType}); pgjdbc cannot read a {@code smallint} as a timestamp. Other columns
   * are pgjdbc's.
   */
  public Timestamp getTimestamp(ResultSet rs, int i) throws SQLException {
    if (kind == Kind.DURATION) {
      Time t = getTime(rs, i);
      return t == null ? null : Timestamp.valueOf(EPOCH_DAY.atTime(t.toLocalTime()));
    }
    if (kind != Kind.YEAR) {
      return rs.getTimestamp(i);
    }
    Date d = getDate(rs, i);
    return d == null ? null : Timestamp.valueOf(d.toLocalDate().atStartOfDay());
  }

  /**
   * The value Connector/J reads from MySQL's text for a FLOAT: MySQL prints it with {@code FLT_DIG}
   * (6) significant digits, correctly rounded, and Connector/J parses that as a double.
   */
  public static double mysqlFloat(float f) {
    if (f == 0 || Float.isNaN(f) || Float.isInfinite(f)) {
      return f;
    }
    return new BigDecimal(f).round(FLT_DIG).doubleValue();
  }

  /** Connector/J's {@code yearIsDateType}: 0-69 are 2000-2069, 70-99 are 1970-1999. */
  static int connectorYear(int year) {
    if (year < 100) {
      return year <= 69 ? year + 2000 : year + 1900;
    }
    return year;
  }

  /**
   * Pads PostgreSQL's fraction ({@code 10:00:00.1234}) to the column's digits ({@code
   * 10:00:00.123400}), as Connector/J prints it; no fraction stays none.
   */
  static String withFraction(String s, int digits) {
    if (s == null || digits == 0) {
      return s;
    }
    int dot = s.lastIndexOf('.');
    if (dot < 0) {
      return s;
    }
    for (int k = dot + 1; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return s; // a zone offset or era follows: not a plain MySQL value
      }
    }
    int have = s.length() - dot - 1;
    if (have >= digits) {
      return s;
    }
    StringBuilder b = new StringBuilder(dot + 1 + digits).append(s);
    for (int k = have; k < digits; k++) {
      b.append('0');
    }
    return b.toString();
  }

  /**
   * MySQL removes a CHAR's trailing spaces when it is read (without PAD_CHAR_TO_FULL_LENGTH); the
   * rewriter stores CHAR as varchar, which keeps what was written.
   */
  static String stripTrailingSpaces(String s) {
    if (s == null || s.isEmpty() || s.charAt(s.length() - 1) != ' ') {
      return s;
    }
    int end = s.length() - 1;
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  /** Connector/J's {@code BooleanValueFactory.createFromBytes}. */
  static boolean stringToBoolean(String s) throws SQLException {
    if (s == null || s.isEmpty()) {
      return false; // emptyStringsConvertToZero
    }
    if (s.equalsIgnoreCase("Y")
        || s.equalsIgnoreCase("yes")
        || s.equalsIgnoreCase("T")
        || s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("N")
        || s.equalsIgnoreCase("no")
        || s.equalsIgnoreCase("F")
        || s.equalsIgnoreCase("false")) {
      return false;
    }
    try {
      if (s.contains("e") || s.contains("E") || FLOATING_POINT.matcher(s).matches()) {
        double d = Double.parseDouble(s);
        return d > 0 || d == -1.0d;
      }
      if (INTEGER.matcher(s).matches()) {
        BigInteger v = new BigInteger(s);
        return v.signum() > 0 || v.equals(BigInteger.ONE.negate());
      }
    } catch (NumberFormatException e) {
      // falls through to the error Connector/J raises
    }
    throw new SQLException("Cannot determine value type from string", "22018");
  }
}
