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

  @Override
  public boolean execute() throws SQLException {
    conn.beforeStatement();
    boolean result = super.execute();
    recordUnmirrored();
    return result;
  }

  @Override
  public int executeUpdate() throws SQLException {
    conn.beforeStatement();
    int count = super.executeUpdate();
    recordUnmirrored();
    return count;
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    conn.beforeStatement();
    long count = super.executeLargeUpdate();
    recordUnmirrored();
    return count;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    conn.beforeStatement();
    ResultSet rs = super.executeQuery();
    recordUnmirrored();
    return rs;
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
