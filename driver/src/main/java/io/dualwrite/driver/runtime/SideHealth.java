package io.dualwrite.driver.runtime;

import io.dualwrite.driver.Phase.Side;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Resilience4j circuit breaker per side, consulted for the side that is not authoritative. Only
 * availability failures count (connection errors, timeouts, server shutdown, too many connections):
 * a constraint violation on the mirror is drift, not an outage.
 *
 * <p>Settings (documented in the README): a window of the last 20 calls, opening at 50 % failures
 * once 5 calls were made, or at once after 3 consecutive connection failures; staying open 5
 * seconds, then half-open with 2 probe calls. A background probe (see {@link DriverRuntime}) makes
 * those calls when the application sends no writes.
 */
public final class SideHealth {
  static final Duration OPEN_DURATION = Duration.ofSeconds(5);

  private final Map<Side, CircuitBreaker> breakers = new EnumMap<>(Side.class);

  public SideHealth(String instance) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(20)
            .minimumNumberOfCalls(3)
            .failureRateThreshold(50)
            .waitDurationInOpenState(OPEN_DURATION)
            .permittedNumberOfCallsInHalfOpenState(2)
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .recordException(SideHealth::isAvailabilityFailure)
            .build();
    for (Side side : Side.values()) {
      breakers.put(
          side,
          CircuitBreaker.of("dualwrite-" + side.name().toLowerCase() + "-" + instance, config));
    }
  }

  public CircuitBreaker breaker(Side side) {
    return breakers.get(side);
  }

  /** Whether calls to {@code side} may proceed now (takes a half-open permit if half-open). */
  public boolean tryAcquire(Side side) {
    return breakers.get(side).tryAcquirePermission();
  }

  /** Whether {@code side} is healthy enough to serve reads: its breaker is closed. */
  public boolean isClosed(Side side) {
    return breakers.get(side).getState() == CircuitBreaker.State.CLOSED;
  }

  public void success(Side side, long nanos) {
    breakers.get(side).onSuccess(nanos, TimeUnit.NANOSECONDS);
  }

  public void failure(Side side, long nanos, Throwable error) {
    breakers.get(side).onError(nanos, TimeUnit.NANOSECONDS, error);
  }

  /** Releases a permit taken by {@link #tryAcquire} for a call that was not made. */
  public void release(Side side) {
    breakers.get(side).releasePermission();
  }

  /** 0 closed, 1 half-open, 2 open (or disabled/forced states), for the metrics gauge. */
  public int stateCode(Side side) {
    return switch (breakers.get(side).getState()) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      default -> 2;
    };
  }

  /** Failures that say the side is unavailable, as opposed to a statement-level error. */
  public static boolean isAvailabilityFailure(Throwable t) {
    if (t instanceof SQLTimeoutException
        || t instanceof SQLRecoverableException
        || t instanceof SQLTransientConnectionException) {
      return true;
    }
    if (t instanceof SQLException e) {
      String state = e.getSQLState();
      if (state != null
          && (state.startsWith("08")
              || state.equals("57P01")
              || state.equals("57P02")
              || state.equals("57P03")
              || state.equals("53300")
              || state.equals("57014"))) {
        return true;
      }
      return e.getCause() instanceof java.io.IOException;
    }
    return t instanceof java.io.IOException;
  }
}
