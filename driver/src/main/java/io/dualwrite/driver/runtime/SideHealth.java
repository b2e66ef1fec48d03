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
 * <p>Settings (documented in docs/driver.md): a window of the last 20 calls, opening once 3 calls
 * were made when 50 % of them failed or were slow (over half of {@code
 * dualwrite.mirrorTimeoutMillis}); staying open 5 seconds, then half-open with 2 probe calls, which
 * only the background probe (see {@link DriverRuntime}) makes: application calls never wait on a
 * side that is not known to be healthy.
 */
public final class SideHealth {
  static final Duration OPEN_DURATION = Duration.ofSeconds(5);

  private final Map<Side, CircuitBreaker> breakers = new EnumMap<>(Side.class);
  private final long deadlineNanos;

  public SideHealth(String instance, int deadlineMillis) {
    this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(20)
            .minimumNumberOfCalls(3)
            .failureRateThreshold(50)
            // a crawling side opens it too: half the deadline is slow
            .slowCallDurationThreshold(Duration.ofMillis(Math.max(50, deadlineMillis / 2)))
            .slowCallRateThreshold(50)
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

  /**
   * Counts a failed call. A call that ran out of its deadline opens the breaker at once: the side
   * is hung or too slow, and waiting for a failure rate over the window would let more application
   * calls wait the whole deadline on it. A deadline is a timeout the vendor reports ({@link
   * #isTimeout}), or a failure that came only after the whole deadline: pgjdbc's {@code
   * loginTimeout} ends a connection attempt to a server that never answers with a plain 08001.
   */
  public void failure(Side side, long nanos, Throwable error) {
    CircuitBreaker breaker = breakers.get(side);
    breaker.onError(nanos, TimeUnit.NANOSECONDS, error);
    boolean deadline = isTimeout(error) || (nanos >= deadlineNanos && isAvailabilityFailure(error));
    if (deadline && breaker.getState() == CircuitBreaker.State.CLOSED) {
      breaker.transitionToOpenState();
    }
  }

  /**
   * Whether a failure is a deadline running out ({@code dualwrite.mirrorTimeoutMillis}, set as the
   * connection's network timeout, or a vendor's connect or login timeout).
   */
  public static boolean isTimeout(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
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
