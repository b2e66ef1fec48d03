package io.dualwrite.driver.jdbc;

import java.sql.ResultSet;
import java.sql.Statement;

/** A result set whose {@code getStatement()} is the application's statement wrapper. */
final class DualWriteResultSet extends ForwardingResultSet {
  private final Statement owner;

  DualWriteResultSet(ResultSet delegate, Statement owner) {
    super(delegate);
    this.owner = owner;
  }

  @Override
  protected Statement wrapperStatement() {
    return owner;
  }
}
