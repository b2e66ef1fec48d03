package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.control.WriteWindows;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.metrics.DriverMetrics;
import io.dualwrite.driver.mirror.PostgresDdl;
import io.dualwrite.driver.mirror.SequenceKeeper;
import io.dualwrite.driver.mirror.SessionClock;
import io.dualwrite.driver.routing.Flags;
import io.dualwrite.driver.runtime.SideHealth;
import io.dualwrite.driver.vendor.PostgresKeyColumns;
import io.dualwrite.driver.vendor.PostgresResultShapes;
import io.dualwrite.rewriter.SchemaCatalog;
import io.dualwrite.rewriter.SqlMode;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * What a statement's paths ({@link ReadPath}, {@link WritePath}, {@link MirrorPath}, {@link
 * BatchPath}, {@link SessionPath}) see of their connection: its transaction state, its two sides,
 * and the runtime services they use. {@link DualWriteConnection} implements it; nothing else of the
 * connection or the runtime is reachable from a path.
 */
interface StatementContext {

  // ------------------------------------------------------------------ phase and flags

  /** The flags in force for this transaction. */
  Flags flags();

  default Phase phase() {
    return flags().phase();
  }

  default Side authoritativeSide() {
    return flags().phase().authoritative();
  }

  // ------------------------------------------------------------------ transaction state

  /** At a transaction boundary, takes the runtime's current flags; fails if closed. */
  void beforeStatement() throws SQLException;

  void checkOpen() throws SQLException;

  /** True when each statement commits on its own: JDBC autocommit and no SQL transaction open. */
  boolean autoCommitting();

  boolean wroteInTransaction();

  /** Records that a write ran on the authoritative side in the current transaction. */
  void noteWrite(Set<String> tables);

  void noteSqlTransactionStart();

  void noteTransactionEnd();

  Set<String> tablesWrittenInTransaction();

  /**
   * The authoritative side rolled back the whole open transaction on its own (MySQL does for a
   * deadlock): the other side's copy is rolled back at once, before any other writer's mirror can
   * wait on its row locks or this connection's next statements land in it.
   */
  void authoritativeTransactionRolledBack();

  /** The application's {@code setAutoCommit}, for {@code SET autocommit} written as SQL. */
  void setAutoCommit(boolean autoCommit) throws SQLException;

  /** The application's {@code setTransactionIsolation}, for {@code SET SESSION TRANSACTION}. */
  void setTransactionIsolation(int level) throws SQLException;

  /** The application's {@code setReadOnly}, for {@code SET SESSION TRANSACTION READ ONLY}. */
  void setReadOnly(boolean readOnly) throws SQLException;

  /**
   * PostgreSQL's {@code SET TRANSACTION} to run when the next SQL {@code BEGIN} has started a
   * transaction there ({@code SET TRANSACTION} without scope, written in autocommit mode), or null.
   */
  void nextTransaction(String postgresSql);

  /** The {@link #nextTransaction} waiting, cleared; null when none. */
  String takeNextTransaction();

  // ------------------------------------------------------------------ the two sides

  SideConnections sides();

  /**
   * The non-authoritative side's connection for mirroring, or null when it must be skipped (breaker
   * open or cannot connect).
   */
  Connection mirrorConnection();

  /** The transaction set a savepoint: its other side's copy can no longer be rebuilt. */
  void savepointUsed();

  /**
   * Runs a statement on the other side's connection {@code oc} and keeps it for replay while a
   * transaction is open. When the other side loses the statement or its transaction for a reason of
   * its own ({@link MirrorJournal#retryable}), its transaction is rebuilt from the statements kept
   * so far and the statement runs again, a bounded number of times; the last failure is thrown.
   */
  void runMirrored(Connection oc, SideStatements statements, MirrorJournal.Step step)
      throws SQLException;

  /**
   * Mirrors a write through {@link #runMirrored}: now, or, when {@code mayOverlap} and inside a
   * transaction with MySQL authoritative, on a worker while the application's next statement runs
   * ({@link MirrorPipeline}). {@code then} gets the outcome on the application's thread, at the
   * latest before the other side is used again. {@code step} must own everything it reads: the
   * application may change its statement's parameters as soon as the call returns.
   */
  void mirror(
      Connection oc,
      SideStatements statements,
      MirrorJournal.Step step,
      boolean mayOverlap,
      MirrorPipeline.Completion then);

  /**
   * Waits for the mirrored write in flight, if any, and runs its completion: before a statement's
   * vendor statements are closed.
   */
  void awaitMirror();

  /** A statement on {@code other} failed: count it, and forget a broken connection. */
  void mirrorFailed(Side other, long nanos, SQLException e);

  void mirrorSucceeded(Side other, long nanos);

  // ------------------------------------------------------------------ runtime services

  /** The translation of {@code sql} under the session's current sql_mode. */
  Translation translate(String sql);

  /** The session's sql_mode, as the rewriter reads statements under it. */
  SqlMode sqlMode();

  /**
   * After {@code sql} ran, which may have changed the session's sql_mode: MySQL is asked for it
   * again (when MySQL is not open and the statement names sql_mode, the mode becomes unknown).
   */
  void sqlModeMayHaveChanged(String sql);

  SchemaCatalog catalog();

  /** After DDL: the schema catalog is re-read. */
  void schemaChanged();

  SessionClock sessionClock();

  /**
   * Whether timestamps bound for PostgreSQL drop their fractional seconds: Connector/J sends the
   * MySQL side whole seconds (a MariaDB server), so that is what MySQL stores, whichever side is
   * authoritative; PostgreSQL gets the same value so that both sides store one value.
   */
  boolean postgresGetsWholeSeconds();

  /**
   * The SQL a mirrored statement of {@code kind} runs on the other side: on MySQL an insert runs
   * without foreign key checks ({@link io.dualwrite.driver.vendor.MysqlForeignKeyChecks}); anything
   * else as it is.
   */
  String onOtherSide(StatementKind kind, String sql);

  /**
   * Whether a mirrored batch of {@code kind} runs with its SQL as it is and the other side's
   * session without foreign key checks around it ({@link
   * io.dualwrite.driver.vendor.MysqlForeignKeyChecks#offAround}) rather than with {@link
   * #onOtherSide}'s SQL: an insert batch in PG_PRIMARY on MariaDB.
   */
  boolean otherSideBatchSwitchesSession(StatementKind kind);

  SideHealth health();

  /** PostgreSQL's two-phase commit ({@link TwoPhaseCommit}). */
  io.dualwrite.driver.runtime.PreparedTransactions preparedTransactions();

  DriftTracker drift();

  /** The tables being backfilled: reads stay on MySQL, fewer rows on PostgreSQL are expected. */
  io.dualwrite.driver.discrepancy.BackfillTables backfill();

  DriverMetrics metrics();

  /** The runtime's writes in flight between the two sides (a clean stop at JVM exit). */
  WriteWindows windows();

  StatementRecords records();

  SequenceKeeper sequences();

  /** PostgreSQL's generated-key columns of tables MySQL's schema does not know. */
  PostgresKeyColumns postgresKeyColumns();

  PostgresDdl postgresDdl();

  PostgresResultShapes resultShapes();
}
