package io.dualwrite.driver.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;

/**
 * A {@link Savepoint} that forwards every call to a delegate savepoint and returns its results and
 * exceptions unchanged. {@code Savepoint} is not a {@link java.sql.Wrapper}; a subclass can carry
 * whatever else it needs (e.g. the matching savepoint on another database).
 */
public abstract class ForwardingSavepoint implements Savepoint {

  /** The savepoint every call goes to. */
  protected final Savepoint delegate;

  /**
   * Creates a savepoint that forwards to {@code delegate}.
   *
   * @param delegate the savepoint to forward to
   * @throws NullPointerException if {@code delegate} is null
   */
  protected ForwardingSavepoint(Savepoint delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public int getSavepointId() throws SQLException {
    return delegate.getSavepointId();
  }

  @Override
  public String getSavepointName() throws SQLException {
    return delegate.getSavepointName();
  }
}
