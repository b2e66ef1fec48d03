package io.dualwrite.driver.mirror;

import io.dualwrite.rewriter.NonDeterministicCall;
import java.sql.SQLException;
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

  /** What only the MySQL session knows, read when a statement needs it. */
  @FunctionalInterface
  public interface MysqlSession {
    /** MySQL's {@code LAST_INSERT_ID()} for this connection, now. */
    long lastInsertId() throws SQLException;
  }

  private static final MysqlSession NO_SESSION =
      () -> {
        throw new SQLException("LAST_INSERT_ID() needs the MySQL session", "0A000");
      };

  /** One value per call, in order; bind with {@code setObject}. */
  public static Object[] compute(List<NonDeterministicCall> calls, ZoneOffset sessionOffset) {
    try {
      return compute(calls, sessionOffset, NO_SESSION);
    } catch (SQLException e) {
      throw new IllegalArgumentException("no value can be computed for LAST_INSERT_ID()", e);
    }
  }

  /**
   * One value per call, in order; {@code LAST_INSERT_ID()} comes from {@code session}, read once
   * per statement (MySQL gives every call of a statement the value from before it).
   */
  public static Object[] compute(
      List<NonDeterministicCall> calls, ZoneOffset sessionOffset, MysqlSession session)
      throws SQLException {
    Instant now = Instant.now();
    Object[] values = new Object[calls.size()];
    Long lastInsertId = null;
    for (int i = 0; i < values.length; i++) {
      NonDeterministicCall call = calls.get(i);
      if (call.function().equalsIgnoreCase(LAST_INSERT_ID)) {
        if (lastInsertId == null) {
          lastInsertId = session.lastInsertId();
        }
        values[i] = lastInsertId;
      } else {
        values[i] = value(call, now, sessionOffset);
      }
    }
    return values;
  }

  /** The name of the one call whose value comes from the MySQL session. */
  public static final String LAST_INSERT_ID = "LAST_INSERT_ID";

  /** Whether a statement's calls include one the MySQL session must answer. */
  public static boolean needsSession(List<NonDeterministicCall> calls) {
    for (NonDeterministicCall c : calls) {
      if (c.function().equalsIgnoreCase(LAST_INSERT_ID)) {
        return true;
      }
    }
    return false;
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
