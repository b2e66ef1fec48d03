package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.runtime.SideHealth;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements mirrored to the other side in the current transaction, kept so the other side's
 * copy of the transaction can be rebuilt when it is lost there for a reason the authoritative side
 * did not have: a serialization failure or deadlock ({@code 40001}, {@code 40P01}, MySQL 1213/1205)
 * or a broken connection. The authoritative side still holds its row locks (the transaction has not
 * committed there), so no other writer can have changed these rows in between: replaying the same
 * statements, with the same binds, keys and computed values, on a fresh transaction gives the same
 * result. A bounded number of attempts is made; only then is the failure recorded as drift.
 *
 * <p>Replay is given up for the rest of a transaction that used savepoints on the other side (their
 * handles would not survive it) or mirrored more than {@link #MAX_STEPS} statements.
 *
 * <p>Not thread-safe, like the connection it belongs to.
 */
final class MirrorJournal {
  /** Statements kept per transaction. */
  static final int MAX_STEPS = 10_000;

  /** Rebuilds of the other side's transaction tried for one statement or commit. */
  static final int MAX_ATTEMPTS = 3;

  /** One mirrored statement, re-runnable on a given connection. */
  @FunctionalInterface
  interface Step {
    void run(Connection c, SideStatements statements) throws SQLException;
  }

  private final List<Step> steps = new ArrayList<>();
  private String unusable;

  /** Keeps a statement that ran on the other side inside the current transaction. */
  void record(Step step) {
    if (unusable != null) {
      return;
    }
    if (steps.size() >= MAX_STEPS) {
      unusable = "more than " + MAX_STEPS + " statements in the transaction";
      steps.clear();
      return;
    }
    steps.add(step);
  }

  /** Replay is impossible for the rest of this transaction. */
  void giveUp(String why) {
    if (unusable == null) {
      unusable = why;
      steps.clear();
    }
  }

  /** Why the transaction cannot be rebuilt, or null when it can. */
  String unusable() {
    return unusable;
  }

  /** At a transaction boundary. */
  void clear() {
    steps.clear();
    unusable = null;
  }

  /**
   * Whether a failure on the other side loses that side's transaction (or statement) for a reason
   * of its own, so that running it again can succeed: a serialization failure, a deadlock, a lock
   * wait timeout, or a lost connection.
   */
  static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state)
        || "40P01".equals(state)
        || "55P03".equals(state) // PostgreSQL's lock_timeout (SideConnections.applyLockWait)
        || e.getErrorCode() == 1213
        || e.getErrorCode() == 1205
        || SideHealth.isAvailabilityFailure(e);
  }

  /**
   * Whether the failure is the deadline ({@code dualwrite.mirrorTimeoutMillis}) running out: the
   * side is hung or crawling, and trying again would only hold the application longer.
   */
  static boolean timedOut(SQLException e) {
    return SideHealth.isTimeout(e);
  }

  /**
   * Runs every kept statement on {@code c}, a fresh transaction on the other side, with statements
   * of its own (closed afterwards).
   */
  void replay(Side side, Connection c) throws SQLException {
    try (OneShot statements = new OneShot()) {
      for (Step step : steps) {
        step.run(c, statements);
      }
    }
  }

  /** Statements made for one replay and closed after it. */
  private static final class OneShot implements SideStatements, AutoCloseable {
    private final List<Statement> made = new ArrayList<>();

    @Override
    public Statement plainOn(Side side, Connection c) throws SQLException {
      Statement s = c.createStatement();
      made.add(s);
      return s;
    }

    @Override
    public PreparedStatement preparedOn(
        Side side, Connection c, String sql, boolean keys, String keyColumn) throws SQLException {
      PreparedStatement ps =
          keyColumn != null
              ? c.prepareStatement(sql, new String[] {keyColumn})
              : keys
                  ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                  : c.prepareStatement(sql);
      made.add(ps);
      return ps;
    }

    @Override
    public void close() {
      for (Statement s : made) {
        try {
          s.close();
        } catch (SQLException ignored) {
          // the replay's outcome is what matters; a statement that will not close is the
          // connection's business
        }
      }
    }
  }
}
