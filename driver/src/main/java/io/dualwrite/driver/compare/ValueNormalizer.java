package io.dualwrite.driver.compare;

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
 */
public final class ValueNormalizer {
  private ValueNormalizer() {}

  /** A value whose {@code equals} is the normalised equality. */
  public static Object normalize(Object v) {
    if (v == null) {
      return null;
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
    if (JsonCanonical.looksLikeJson(s)) {
      String canonical = JsonCanonical.canonicalize(s);
      if (canonical != null) {
        return canonical;
      }
    }
    return s;
  }

  private static BigDecimal strip(BigDecimal d) {
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }

  private static LocalDateTime micros(LocalDateTime t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }
}
