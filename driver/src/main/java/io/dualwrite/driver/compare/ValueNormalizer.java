package io.dualwrite.driver.compare;

import io.dualwrite.driver.vendor.MysqlValueConverter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import org.postgresql.util.PGobject;

/**
 * The normalisation under which a value read from MySQL and one read from PostgreSQL count as equal
 * (used by compared reads and by {@code dualwrite-admin verify}):
 *
 * <ul>
 *   <li>numbers by value: {@code 1.50} equals {@code 1.5}, an INT equals a BIGINT; booleans are the
 *       numbers 1 and 0 (MySQL's TINYINT(1));
 *   <li>date-times, dates and times at microsecond precision (MySQL's finest), time zones resolved
 *       to UTC;
 *   <li>JSON documents by value: key order and white space do not matter;
 *   <li>binary values byte for byte; strings exactly; NULL equals NULL.
 * </ul>
 *
 * <p>{@link #normalize(Object)} does not know the column's type, so it treats any string that
 * parses as a JSON object or array as JSON. {@link #normalize(Object, String)} is told the column's
 * type and applies the type-specific rules only where they belong:
 *
 * <ul>
 *   <li>{@code YEAR}: Connector/J reads a YEAR as a {@link Date} of 1 January ({@code
 *       yearIsDateType}), PostgreSQL stores it as a {@code smallint}; both become the year number.
 *       Only for a YEAR column: elsewhere the date 2024-01-01 and the number 2024 stay different.
 *   <li>{@code FLOAT} (PostgreSQL {@code real}): as MySQL's text protocol gives it, six significant
 *       digits ({@link MysqlValueConverter#mysqlFloat}), on both sides.
 *   <li>{@code JSON} (MySQL's {@code JSON}, PostgreSQL's {@code json}/{@code jsonb}): the text, or
 *       a pgjdbc {@code PGobject}'s value, compared as a JSON document. Any other type: strings are
 *       compared exactly, even when they look like JSON.
 * </ul>
 */
public final class ValueNormalizer {
  private ValueNormalizer() {}

  /** A value whose {@code equals} is the normalised equality, the column's type unknown. */
  public static Object normalize(Object v) {
    return normalize(v, null, false);
  }

  /**
   * A value whose {@code equals} is the normalised equality for a column of the given type.
   *
   * @param v the value as {@code getObject} returned it (Connector/J's or pgjdbc's)
   * @param columnType the column's type as either side names it: a MySQL {@code COLUMN_TYPE} or
   *     Connector/J type name ({@code year}, {@code YEAR}, {@code json}), or a PostgreSQL one
   *     ({@code jsonb}); case and any {@code (n)} or {@code unsigned} suffix are ignored. Null
   *     means unknown, as {@link #normalize(Object)}.
   */
  public static Object normalize(Object v, String columnType) {
    if (columnType == null) {
      return normalize(v);
    }
    String type = baseType(columnType);
    if (v instanceof String text && (type.equals("char") || type.equals("bpchar"))) {
      // a CHAR's trailing spaces are padding: MySQL strips them when it reads one, PostgreSQL's
      // character(n) pads to n
      return normalize(text.replaceAll(" +$", ""), type, false);
    }
    if (v instanceof Float f && (type.equals("float") || type.equals("float4"))) {
      // MySQL sends a FLOAT as text with six significant digits, which Connector/J reads back
      // (1234.5679 arrives as 1234.57); PostgreSQL's real arrives whole. Both as MySQL prints it.
      return normalize(MysqlValueConverter.mysqlFloat(f), type, false);
    }
    if (v instanceof byte[] bytes && type.equals("bit")) {
      // Connector/J reads a BIT(n) as its bytes; PostgreSQL's column is their number
      return strip(new BigDecimal(new BigInteger(1, bytes)));
    }
    if (v != null && type.equals("year")) {
      Integer year = year(v);
      if (year != null) {
        return strip(BigDecimal.valueOf(year.longValue()));
      }
    }
    return normalize(v, type, type.equals("json") || type.equals("jsonb"));
  }

  /**
   * The normalised value of a column of the current row, under the type its result's metadata names
   * ({@code getColumnTypeName}: Connector/J's {@code YEAR}/{@code JSON}, pgjdbc's {@code jsonb}). A
   * YEAR read from MySQL this way equals the same year read from PostgreSQL's {@code smallint} with
   * {@code normalize(rs, i)} on the other side.
   */
  public static Object normalize(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    return normalize(rs.getObject(column), rs.getMetaData().getColumnTypeName(column));
  }

  /** {@code "YEAR(4)"} is {@code year}, {@code "int(10) unsigned"} is {@code int}. */
  static String baseType(String columnType) {
    String t = columnType.trim().toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) {
      end++;
    }
    return t.substring(0, end);
  }

  /** The year of a YEAR value: Connector/J's Date or LocalDate, or PostgreSQL's number. */
  private static Integer year(Object v) {
    if (v instanceof Date d) {
      return d.toLocalDate().getYear();
    }
    if (v instanceof LocalDate d) {
      return d.getYear();
    }
    if (v instanceof Short || v instanceof Integer || v instanceof Long) {
      return ((Number) v).intValue();
    }
    if (v instanceof BigDecimal d && d.scale() <= 0) {
      return d.intValue();
    }
    if (v instanceof String s && s.matches("\\d{4}(-01-01)?")) {
      return Integer.valueOf(s.substring(0, 4));
    }
    return null;
  }

  private static Object normalize(Object v, String type, boolean json) {
    if (v == null) {
      return null;
    }
    if (v instanceof org.postgresql.util.PGInterval interval) {
      return duration(interval);
    }
    if (v instanceof PGobject pg) {
      String value = pg.getValue();
      if (value == null) {
        return null;
      }
      String pgType = pg.getType() == null ? "" : pg.getType().toLowerCase(Locale.ROOT);
      if (json || pgType.equals("json") || pgType.equals("jsonb")) {
        String canonical = JsonCanonical.canonicalize(value);
        return canonical != null ? canonical : value;
      }
      return value;
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof BigDecimal d) {
      return strip(d);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? strip(BigDecimal.valueOf(d)) : v.toString();
    }
    if (v instanceof BigInteger i) {
      return strip(new BigDecimal(i));
    }
    if (v instanceof Number n) {
      return strip(BigDecimal.valueOf(n.longValue()));
    }
    if (v instanceof Timestamp t) {
      return micros(t.toLocalDateTime());
    }
    if (v instanceof LocalDateTime t) {
      return micros(t);
    }
    if (v instanceof OffsetDateTime t) {
      return micros(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }
    if (v instanceof Date d) {
      return d.toLocalDate();
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof Time t) {
      return t.toLocalTime().truncatedTo(ChronoUnit.MICROS);
    }
    if (v instanceof LocalTime t) {
      return t.truncatedTo(ChronoUnit.MICROS);
    }
    if (v instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    String s = v.toString();
    if (json) {
      String canonical = JsonCanonical.canonicalize(s);
      return canonical != null ? canonical : s;
    }
    if (type == null && JsonCanonical.looksLikeJson(s)) {
      String canonical = JsonCanonical.canonicalize(s);
      if (canonical != null) {
        return canonical;
      }
    }
    return s;
  }

  /**
   * A PostgreSQL interval standing for a MySQL TIME (the rewriter's TIMEDIFF and SEC_TO_TIME result
   * columns): a time of day when it is one, as Connector/J's {@code Time} normalises; else MySQL's
   * text of the duration ({@code 60:00:00}, {@code -01:30:00}), which is what a TIME outside a day
   * reads as from MySQL.
   */
  private static Object duration(org.postgresql.util.PGInterval i) {
    long micros =
        Math.round(
            ((((long) i.getDays() * 24 + i.getHours()) * 60 + i.getMinutes()) * 60 + i.getSeconds())
                * 1_000_000d);
    if (i.getYears() == 0 && i.getMonths() == 0 && micros >= 0 && micros < 86_400_000_000L) {
      return LocalTime.ofNanoOfDay(micros * 1000);
    }
    long abs = Math.abs(micros);
    long seconds = abs / 1_000_000;
    long fraction = abs % 1_000_000;
    String text =
        (micros < 0 ? "-" : "")
            + String.format(
                Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    return fraction == 0 ? text : text + String.format(Locale.ROOT, ".%06d", fraction);
  }

  private static BigDecimal strip(BigDecimal d) {
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }

  private static LocalDateTime micros(LocalDateTime t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }
}
