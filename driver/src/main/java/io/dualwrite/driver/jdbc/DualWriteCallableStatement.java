package io.dualwrite.driver.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The application's {@link CallableStatement}. Stored routines are not translated (the rewriter
 * refuses CREATE PROCEDURE/FUNCTION, so they do not exist on PostgreSQL): a call runs on the
 * authoritative side only, and while writes are mirrored each execution is recorded as a skipped
 * mirror, since what the routine changed is unknown to the driver.
 */
final class DualWriteCallableStatement extends ForwardingCallableStatement {
  private final DualWriteConnection conn;
  private final String sql;

  DualWriteCallableStatement(DualWriteConnection conn, CallableStatement delegate, String sql) {
    super(delegate);
    this.conn = conn;
    this.sql = sql;
  }

  private void recordUnmirrored() {
    if (conn.phase().mirrorsWrites()) {
      new StatementRecords(conn.runtime().recorder()).routineCallNotMirrored(sql);
    }
  }

  /** One execution of the routine call, as the vendor statement runs it. */
  @FunctionalInterface
  private interface Execution<T> {
    T run() throws SQLException;
  }

  /** Runs {@code execution} on the authoritative side, then records that it was not mirrored. */
  private <T> T call(Execution<T> execution) throws SQLException {
    conn.beforeStatement();
    T result = execution.run();
    recordUnmirrored();
    return result;
  }

  @Override
  public boolean execute() throws SQLException {
    return call(super::execute);
  }

  @Override
  public int executeUpdate() throws SQLException {
    return call(super::executeUpdate);
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return call(super::executeLargeUpdate);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return call(super::executeQuery);
  }

  @Override
  protected ResultSet wrapResultSet(ResultSet resultSet) {
    return new DualWriteResultSet(resultSet, this);
  }

  @Override
  protected Connection wrapperConnection() {
    return conn;
  }
}
