package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint on both sides. {@link #mirror()} is null when the other side's connection was not
 * open when the savepoint was set: then everything it did came after the savepoint.
 */
final class DualWriteSavepoint implements Savepoint {
  private final Savepoint authoritative;
  private final Savepoint mirror;
  private final Side side;

  DualWriteSavepoint(Savepoint authoritative, Savepoint mirror, Side side) {
    this.authoritative = authoritative;
    this.mirror = mirror;
    this.side = side;
  }

  static DualWriteSavepoint of(Savepoint savepoint) throws SQLException {
    if (savepoint instanceof DualWriteSavepoint sp) {
      return sp;
    }
    throw new SQLException("This savepoint was not created by this dualwrite connection.", "3B001");
  }

  Savepoint authoritative() {
    return authoritative;
  }

  Savepoint mirror() {
    return mirror;
  }

  Side side() {
    return side;
  }

  @Override
  public int getSavepointId() throws SQLException {
    return authoritative.getSavepointId();
  }

  @Override
  public String getSavepointName() throws SQLException {
    return authoritative.getSavepointName();
  }

  @Override
  public String toString() {
    return "DualWriteSavepoint[" + authoritative + "]";
  }
}
