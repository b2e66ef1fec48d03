package io.dualwrite.rewriter;

/**
 * The column an application's {@code ?} is written into or compared with, when the statement says
 * so directly ({@code INSERT ... VALUES (?)}, {@code SET c = ?}, {@code c = ?}, {@code c IN (?,
 * ?)}): MySQL converts the value to that column's type, so the driver binds the other side the
 * value MySQL would store or compare, whatever setter the application used (a string into a binary
 * column is its bytes; bytes into a text column are text).
 *
 * @param mysqlType the column's MySQL type as information_schema gives it, e.g. {@code binary(4)}
 * @param assigned whether the value is stored into the column (else it is compared with it)
 */
public record ParameterTarget(String mysqlType, boolean assigned) {

  /** BINARY, VARBINARY or a BLOB: MySQL stores a string's bytes in its connection character set. */
  public boolean isBinary() {
    return TypeMapping.isBinary(mysqlType);
  }

  /** BIT(n): a number on PostgreSQL, bytes to the application. */
  public boolean isBit() {
    return TypeMapping.isBit(mysqlType);
  }

  /** CHAR, VARCHAR, a TEXT, ENUM or SET. */
  public boolean isText() {
    return TypeMapping.isText(mysqlType);
  }

  /**
   * The text MySQL stores for a string written into this column: a SET's members in definition
   * order once each, an ENUM's member as defined (matched ignoring case); the string itself for any
   * other column, for comparisons and for values that are not members.
   */
  public String storedText(String value) {
    return assigned ? ColumnLiterals.storedText(mysqlType, value) : value;
  }

  private static final java.util.regex.Pattern FRACTION =
      java.util.regex.Pattern.compile("(.*\\d:\\d{1,2}:\\d{1,2})\\.(\\d+)\\s*");

  /**
   * A date-time or time text stored into this column as a server that cuts fractional seconds
   * beyond the column's precision stores it (MariaDB: {@code '10:11:12.999'} into {@code TIME} is
   * 10:11:12, where PostgreSQL rounds to 10:11:13); the text itself for any other column or value.
   */
  public String truncatedTemporalText(String value) {
    String base = TypeMapping.baseType(mysqlType);
    if (!assigned
        || !(base.equals("datetime") || base.equals("timestamp") || base.equals("time"))) {
      return value;
    }
    java.util.regex.Matcher m = FRACTION.matcher(value);
    if (!m.matches()) {
      return value;
    }
    int fsp = TypeMapping.firstArgument(mysqlType);
    String digits = m.group(2);
    if (digits.length() <= fsp) {
      return value;
    }
    return fsp == 0 ? m.group(1) : m.group(1) + "." + digits.substring(0, fsp);
  }

  private static final java.util.regex.Pattern DATE_TIME =
      java.util.regex.Pattern.compile(
          "\\s*(\\d{1,4})-(\\d{1,2})-(\\d{1,2})[ T]+(\\d{1,2}):(\\d{1,2}):(\\d{1,2})");
  private static final java.util.regex.Pattern TIME =
      java.util.regex.Pattern.compile("\\s*(-)?(?:(\\d+) +)?(\\d+):(\\d{1,2}):(\\d{1,2})");

  /**
   * The fractional-second precision of the date-time or time column this value is stored into (0
   * for {@code DATETIME}, 3 for {@code TIME(3)}), or -1 for any other column and for comparisons.
   */
  public int storedFractionDigits() {
    String base = TypeMapping.baseType(mysqlType);
    if (!assigned
        || !(base.equals("datetime") || base.equals("timestamp") || base.equals("time"))) {
      return -1;
    }
    return Math.min(6, Math.max(0, TypeMapping.firstArgument(mysqlType)));
  }

  /**
   * The nanoseconds of a second MySQL keeps of {@code nanos} (0..999,999,999) in a column of {@code
   * fsp} fractional digits: first rounded half up to microseconds (Connector/J rounds a bound
   * value's nanoseconds so; MySQL rounds a text's 7th to 9th digits so), then half up to fsp
   * digits. 1,000,000,000 means the value rounds up to the next second. PostgreSQL rounds the
   * microseconds half away from its epoch 2000-01-01 instead, i.e. down for a tie before 2000.
   */
  public static int roundedNanos(int nanos, int fsp) {
    long micros = (nanos + 500L) / 1000L;
    long scale = 1;
    for (int i = fsp; i < 6; i++) {
      scale *= 10;
    }
    micros = (micros + scale / 2) / scale * scale;
    return (int) (micros * 1000L);
  }

  /**
   * A date-time or time text stored into this column as MySQL stores it, for a server that rounds
   * fractional seconds beyond the column's precision (MySQL: {@code '1999-12-31 23:59:59.0005'}
   * into {@code DATETIME(3)} is {@code .001}, where PostgreSQL rounds a tie before 2000 down): the
   * text with exactly the column's digits, rounded as {@link #roundedNanos}, a carry included
   * ({@code '10:00:59.5'} into {@code TIME} is {@code 10:01:00}); the text itself for any other
   * column or value, and for a text whose carry it cannot place.
   */
  public String roundedTemporalText(String value) {
    int fsp = storedFractionDigits();
    if (fsp < 0) {
      return value;
    }
    java.util.regex.Matcher m = FRACTION.matcher(value);
    if (!m.matches()) {
      return value;
    }
    String digits = m.group(2);
    if (digits.length() <= fsp) {
      return value;
    }
    String nine =
        digits.length() >= 9 ? digits.substring(0, 9) : (digits + "00000000").substring(0, 9);
    int nanos = roundedNanos(Integer.parseInt(nine), fsp);
    String whole = m.group(1);
    if (nanos == 1_000_000_000) {
      whole =
          TypeMapping.baseType(mysqlType).equals("time")
              ? nextTimeSecond(whole)
              : nextSecond(whole);
      if (whole == null) {
        return value;
      }
      nanos = 0;
    }
    return fsp == 0
        ? whole
        : whole + "." + String.format(java.util.Locale.ROOT, "%09d", nanos).substring(0, fsp);
  }

  /** {@code whole} (a date and a time of day) one second later, or null if it is not one. */
  private static String nextSecond(String whole) {
    java.util.regex.Matcher m = DATE_TIME.matcher(whole);
    if (!m.matches()) {
      return null;
    }
    try {
      java.time.LocalDateTime t =
          java.time.LocalDateTime.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)),
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  Integer.parseInt(m.group(6)))
              .plusSeconds(1);
      if (t.getYear() > 9999) {
        return null; // out of MySQL's range: MySQL decides, the text goes as written
      }
      return String.format(
          java.util.Locale.ROOT,
          "%04d-%02d-%02d %02d:%02d:%02d",
          t.getYear(),
          t.getMonthValue(),
          t.getDayOfMonth(),
          t.getHour(),
          t.getMinute(),
          t.getSecond());
    } catch (java.time.DateTimeException e) {
      return null; // a zero date or an invalid one: MySQL decides, the text goes as written
    }
  }

  /**
   * {@code whole} (a MySQL duration {@code [-][D ]H:MM:SS}) one second further from zero, as MySQL
   * rounds a negative duration's magnitude ({@code '23:59:59.5'} into {@code TIME} is {@code
   * 24:00:00}), or null if it is not one.
   */
  private static String nextTimeSecond(String whole) {
    java.util.regex.Matcher m = TIME.matcher(whole);
    if (!m.matches() || whole.length() > 40) {
      return null;
    }
    long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long seconds =
        days * 86_400
            + Long.parseLong(m.group(3)) * 3600
            + Long.parseLong(m.group(4)) * 60
            + Long.parseLong(m.group(5))
            + 1;
    return String.format(
        java.util.Locale.ROOT,
        "%s%02d:%02d:%02d",
        m.group(1) == null ? "" : "-",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60);
  }

  /**
   * What MySQL stores for a string written into a {@code YEAR} column: one or two digits are a year
   * of 2000-2069 (0-69) or 1970-1999 (70-99); the string itself otherwise.
   */
  public String yearText(String value) {
    if (!assigned || !TypeMapping.baseType(mysqlType).equals("year")) {
      return value;
    }
    String v = value.trim();
    if (!v.matches("\\d{1,2}")) {
      return value;
    }
    int y = Integer.parseInt(v);
    return Integer.toString(y < 70 ? 2000 + y : 1900 + y);
  }

  /**
   * The length a value stored into a {@code BINARY(n)} column is padded to with zero bytes, as
   * MySQL does; -1 for every other column and for comparisons.
   */
  public int paddedLength() {
    if (!assigned || !TypeMapping.baseType(mysqlType).equals("binary")) {
      return -1;
    }
    return mysqlType.indexOf('(') < 0
        ? 1
        : TypeMapping.firstArgument(mysqlType); // BINARY is BINARY(1)
  }
}
