package io.dualwrite.driver.mirror;

import io.dualwrite.rewriter.NonDeterministicCall;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Computes, once per statement, the value of each non-deterministic call ({@code NOW()}, {@code
 * UUID()}, {@code RAND()}, ...) so the same value is bound on both sides.
 *
 * <p>Times are computed in the MySQL session's time zone, given as its current UTC offset (see
 * {@link SessionClock}), and truncated to the call's fractional digits exactly as MySQL does
 * ({@code NOW()} has none, {@code NOW(3)} milliseconds). All calls of one statement see the same
 * instant, as in MySQL (except {@code SYSDATE()}, which MySQL evaluates per call; pinning it to the
 * statement's instant is the documented difference). {@code UUID()} yields a random (version 4)
 * UUID rather than MySQL's time-based version 1: same format, same value on both sides.
 */
public final class ValuePinner {
  private ValuePinner() {}

  /** One value per call, in order; bind with {@code setObject}. */
  public static Object[] compute(List<NonDeterministicCall> calls, ZoneOffset sessionOffset) {
    Instant now = Instant.now();
    Object[] values = new Object[calls.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(calls.get(i), now, sessionOffset);
    }
    return values;
  }

  static Object value(NonDeterministicCall call, Instant now, ZoneOffset offset) {
    String fn = call.function().toUpperCase(Locale.ROOT);
    int digits = Math.max(0, Math.min(6, call.fractionalDigits()));
    return switch (fn) {
      case "NOW", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "SYSDATE" ->
          truncate(LocalDateTime.ofInstant(now, offset), digits);
      case "UTC_TIMESTAMP" -> truncate(LocalDateTime.ofInstant(now, ZoneOffset.UTC), digits);
      case "CURDATE", "CURRENT_DATE" -> LocalDate.ofInstant(now, offset);
      case "UTC_DATE" -> LocalDate.ofInstant(now, ZoneOffset.UTC);
      case "CURTIME", "CURRENT_TIME" ->
          truncate(LocalDateTime.ofInstant(now, offset), digits).toLocalTime();
      case "UTC_TIME" ->
          truncate(LocalDateTime.ofInstant(now, ZoneOffset.UTC), digits).toLocalTime();
      case "UNIX_TIMESTAMP" -> now.getEpochSecond();
      case "UUID" -> UUID.randomUUID().toString();
      case "RAND" -> ThreadLocalRandom.current().nextDouble();
      default ->
          throw new IllegalArgumentException("no value can be computed for " + call.function());
    };
  }

  private static LocalDateTime truncate(LocalDateTime t, int digits) {
    LocalDateTime seconds = t.truncatedTo(ChronoUnit.SECONDS);
    if (digits == 0) {
      return seconds;
    }
    long unit = (long) Math.pow(10, 9 - digits);
    return seconds.plusNanos((t.getNano() / unit) * unit);
  }
}
