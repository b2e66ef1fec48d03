package io.dualwrite.driver.net;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a side's connection bounds each whole reply by its network timeout (the side is not
 * authoritative: {@code dualwrite.mirrorTimeoutMillis}), or each read alone (the vendor's own
 * socket timeout, for the authoritative side).
 *
 * <p>A socket's read timeout is an idle timeout: it restarts at every byte that arrives. A server
 * or path that answers slowly but steadily (a reply that comes in pieces, each within the timeout)
 * holds a statement for as long as it likes: seen with a reply of two pieces 1.5 s apart under a 2
 * s timeout, which took 3.2 s and did not fail. {@link DeadlineSocket} counts the time spent
 * waiting for a reply since the request was written, and fails the read once the timeout is used
 * up, so the deadline is a deadline.
 *
 * <p>One object per side of a dualwrite connection, shared by every socket the vendor driver opens
 * for it (pgjdbc's cancel requests included); {@link #enforce} follows the side's role, which
 * changes at a transaction boundary. The vendor drivers instantiate their socket factories by class
 * name, so the object reaches them through {@link #registerFor} (pgjdbc passes the connection's
 * properties to its factory) or {@link #openingHere} (Connector/J opens on the calling thread).
 */
public final class ExchangeDeadline {

  /** The connection property that names the registered object for pgjdbc's socket factory. */
  static final String TOKEN_PROPERTY = "dualwrite.exchangeDeadline";

  private static final Map<String, ExchangeDeadline> REGISTERED = new ConcurrentHashMap<>();
  private static final AtomicLong TOKENS = new AtomicLong();
  private static final ThreadLocal<ExchangeDeadline> OPENING_HERE = new ThreadLocal<>();

  private volatile boolean enforced;

  /**
   * @param enforced whether a whole reply is bounded from the start (the side opens as the one that
   *     is not authoritative)
   */
  public ExchangeDeadline(boolean enforced) {
    this.enforced = enforced;
  }

  /** Bounds each whole reply (true) or each read (false) from the next read on. */
  public void enforce(boolean on) {
    enforced = on;
  }

  public boolean enforced() {
    return enforced;
  }

  /**
   * Makes this object reachable from pgjdbc's socket factory while a connection opens with {@code
   * props}: a token goes into them; {@link Registration#close} removes it once the connection is
   * open (the factory has looked it up by then).
   */
  public Registration registerFor(Properties props) {
    String token = Long.toString(TOKENS.incrementAndGet());
    REGISTERED.put(token, this);
    props.setProperty(TOKEN_PROPERTY, token);
    return () -> REGISTERED.remove(token);
  }

  /** The object registered under the token in {@code props}, or null. */
  static ExchangeDeadline registeredIn(Properties props) {
    String token = props == null ? null : props.getProperty(TOKEN_PROPERTY);
    return token == null ? null : REGISTERED.get(token);
  }

  /**
   * Makes this object reachable from Connector/J's socket factory while a connection opens on this
   * thread.
   */
  public Registration openingHere() {
    OPENING_HERE.set(this);
    return OPENING_HERE::remove;
  }

  /** The object of the connection opening on this thread, or null. */
  static ExchangeDeadline openingOnThisThread() {
    return OPENING_HERE.get();
  }

  /** Ends a registration; never fails. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
