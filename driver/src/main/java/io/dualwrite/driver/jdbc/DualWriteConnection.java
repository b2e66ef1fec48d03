package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.control.WriteWindows;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.DiscrepancyRecorder;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.driver.mirror.SessionClock;
import io.dualwrite.driver.routing.Flags;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.driver.runtime.SideHealth;
import io.dualwrite.driver.vendor.MysqlErrors;
import io.dualwrite.rewriter.SqlMode;
import io.dualwrite.rewriter.Translation;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's connection. It forwards to the authoritative side's connection and mirrors what
 * must be mirrored: transaction boundaries, savepoints, isolation, read-only, and (through its
 * statements) every write.
 *
 * <p>Flags (phase, percentages) are taken from the runtime at each transaction boundary and kept
 * until the next one, so a phase change never lands inside a transaction; when it changes the
 * authoritative side, this wrapper's delegate is switched then.
 *
 * <p>The non-authoritative side never fails the application's call: its errors are recorded as
 * discrepancies and drift, and count against its circuit breaker.
 */
public final class DualWriteConnection extends ForwardingConnection {
  private static final Logger LOG = LoggerFactory.getLogger(DualWriteConnection.class);

  private final DriverRuntime runtime;
  private final SideConnections sides;
  private final SessionClock sessionClock = new SessionClock();
  private Flags flags;
  private boolean closed;
  private final StatementContext context;
  private final MirrorJournal journal = new MirrorJournal();

  // Transaction state since the last boundary.
  private boolean inTransaction;
  private String nextTransactionSql;

  private boolean wroteInTransaction;
  private boolean sqlTransactionOpen;

  /**
   * The other side could not be reached in this transaction: its writes there are lost (recorded as
   * skipped), and the rest of the transaction does not wait on it again.
   */
  private boolean mirrorLostInTransaction;

  private final Set<String> tablesWrittenInTransaction = new LinkedHashSet<>();

  private DualWriteConnection(
      DriverRuntime runtime, SideConnections sides, Flags flags, Connection authoritative) {
    super(authoritative);
    this.runtime = runtime;
    this.sides = sides;
    this.flags = flags;
    this.context = new ConnectionContext(this);
  }

  /**
   * Opens the authoritative side now (failing with {@code 08001} if it is unreachable); the other
   * side opens on first use.
   */
  public static DualWriteConnection open(DriverRuntime runtime, DualWriteConfig config)
      throws SQLException {
    Flags flags = runtime.flags();
    SideConnections sides = new SideConnections(runtime, config, flags.phase().authoritative());
    Connection authoritative = sides.get(flags.phase().authoritative());
    runtime.ensureCatalog();
    return new DualWriteConnection(runtime, sides, flags, authoritative);
  }

  /**
   * Where this connection's discrepancies go; monitoring code may {@link
   * DiscrepancyRecorder#addSink add a sink}. Reach it with {@code
   * connection.unwrap(DualWriteConnection.class)}.
   */
  public DiscrepancyRecorder discrepancyRecorder() {
    return runtime.recorder();
  }

  /** The tables (and keys) that may differ between the sides, as this process knows them. */
  public DriftTracker drift() {
    return runtime.drift();
  }

  // ---------------------------------------------------------------- state used by statements

  /** What this connection's statements see of it. */
  StatementContext context() {
    return context;
  }

  /** The connection's transaction on the authoritative side was rolled back: end the other's. */
  void authoritativeTransactionRolledBack() {
    Side other = authoritativeSide().other();
    MirrorPipeline.Outcome inFlight = sides.pipeline().abandon();
    if (inFlight != null) {
      // Only what it says of the side's health counts; the rows it met mean nothing now.
      if (inFlight.failure() == null) {
        runtime.health().success(other, inFlight.nanos());
      } else if (SideHealth.isAvailabilityFailure(inFlight.failure())) {
        runtime.health().failure(other, inFlight.nanos(), inFlight.failure());
        sides.discard(other);
      }
    }
    Connection mirror = sides.ifOpen(other);
    try {
      if (mirror != null && !mirror.getAutoCommit()) {
        mirror.rollback();
      }
    } catch (SQLException e) {
      otherSideFailed(other, "ROLLBACK", e, false);
    }
    noteTransactionEnd();
  }

  /** A statement used a savepoint: the mirror journal cannot replay this transaction. */
  void savepointUsed() {
    sides.pipeline().await();
    journal.giveUp("the transaction uses savepoints");
  }

  DriverRuntime runtime() {
    return runtime;
  }

  SideConnections sides() {
    return sides;
  }

  /** The flags in force for this transaction. */
  Flags flags() {
    return flags;
  }

  Phase phase() {
    return flags.phase();
  }

  Side authoritativeSide() {
    return flags.phase().authoritative();
  }

  boolean wroteInTransaction() {
    return wroteInTransaction;
  }

  SessionClock sessionClock() {
    return sessionClock;
  }

  Translation translate(String sql) {
    return runtime.rewriter().translate(sql, sqlMode());
  }

  /**
   * The session's sql_mode: MySQL's answer while MySQL is open; with MySQL authoritative, MySQL is
   * opened to ask it (the statement about to be translated runs there anyway); otherwise what is
   * known without MySQL (see {@link SideConnections#sqlModeWithoutMysql}).
   */
  SqlMode sqlMode() {
    SqlMode mode = sides.mysqlSqlMode();
    if (mode != null) {
      return mode;
    }
    if (authoritativeSide() == Side.MYSQL && !closed) {
      try {
        sides.get(Side.MYSQL);
        return sides.mysqlSqlMode();
      } catch (SQLException e) {
        // the statement fails on MySQL with this error when it runs; nothing is translated
        return SqlMode.unknown("MySQL could not be opened");
      }
    }
    return sides.sqlModeWithoutMysql();
  }

  /**
   * Called before every statement: at a transaction boundary, takes the runtime's current flags and
   * switches the authoritative side if the phase says so.
   */
  void beforeStatement() throws SQLException {
    checkOpen();
    if (inTransaction || sqlTransactionOpen) {
      return;
    }
    Flags current = runtime.flags();
    if (current != flags) {
      applyFlags(current);
    }
    if (!sides.autoCommit()) {
      inTransaction = true;
    }
  }

  private void applyFlags(Flags next) throws SQLException {
    Side before = flags.phase().authoritative();
    Side after = next.phase().authoritative();
    flags = next;
    if (before != after) {
      sides.setAuthoritative(after);
      replaceDelegate(sides.get(after));
      LOG.info("connection now authoritative on {} (phase {})", after, next.phase());
    }
  }

  /** Records that a write ran on the authoritative side in the current transaction. */
  void noteWrite(Set<String> tables) {
    if (!flags.phase().mirrorsWrites()) {
      runtime.writtenTables().noteWrite(tables); // a mirrored write's window announced them
    }
    tablesWrittenInTransaction.addAll(tables);
    if (!sides.autoCommit() || sqlTransactionOpen) {
      wroteInTransaction = true;
    }
  }

  /** True when each statement commits on its own: JDBC autocommit and no SQL transaction open. */
  boolean autoCommitting() {
    return sides.autoCommit() && !sqlTransactionOpen;
  }

  /** See {@link StatementContext#nextTransaction}. */
  void nextTransaction(String postgresSql) {
    nextTransactionSql = postgresSql;
  }

  String takeNextTransaction() {
    String sql = nextTransactionSql;
    nextTransactionSql = null;
    return sql;
  }

  /** SQL {@code BEGIN}/{@code START TRANSACTION} seen: a transaction is open until it ends. */
  void noteSqlTransactionStart() {
    sqlTransactionOpen = true;
    inTransaction = true;
  }

  /** SQL {@code COMMIT}/{@code ROLLBACK} seen, or a JDBC commit/rollback: a boundary. */
  void noteTransactionEnd() {
    sides.pipeline().await();
    journal.clear();
    sqlTransactionOpen = false;
    inTransaction = false;
    wroteInTransaction = false;
    mirrorLostInTransaction = false;
    tablesWrittenInTransaction.clear();
  }

  Set<String> tablesWrittenInTransaction() {
    return tablesWrittenInTransaction;
  }

  /**
   * The non-authoritative side's connection for mirroring, or null when it must be skipped (breaker
   * open or cannot connect); the reason is recorded by the caller through {@link #skipped}.
   */
  Connection mirrorConnection() {
    sides.pipeline().await(); // the write in flight may have lost the transaction there
    Side other = authoritativeSide().other();
    SideHealth health = runtime.health();
    // Only a closed breaker lets application calls through: the background probe alone tests a
    // side that failed, so no application call waits on it.
    if (mirrorLostInTransaction || !health.isClosed(other) || !health.tryAcquire(other)) {
      return null;
    }
    long start = System.nanoTime();
    boolean opening = !sides.isOpen(other);
    try {
      Connection c = sides.get(other);
      if (opening && sqlTransactionOpen) {
        try (Statement s = c.createStatement()) {
          s.execute(other == Side.POSTGRES ? "BEGIN" : "START TRANSACTION");
        }
      }
      // The permit is consumed by the statement the caller runs next.
      return c;
    } catch (SQLException e) {
      health.failure(other, System.nanoTime() - start, e);
      sides.discard(other);
      mirrorLostInTransaction = !autoCommitting();
      return null;
    }
  }

  void runMirrored(Connection oc, SideStatements statements, MirrorJournal.Step step)
      throws SQLException {
    try {
      step.run(oc, statements);
    } catch (SQLException first) {
      recover(oc, statements, step, first);
    }
    keep(step);
  }

  /**
   * Runs a mirrored write ({@link StatementContext#mirror}): when it may, inside a transaction with
   * MySQL authoritative, on a worker while the application's next statement runs ({@link
   * MirrorPipeline}); otherwise now. {@code then} runs on the application's thread once the write,
   * and any rebuild of the other side's transaction it needed, is over.
   */
  void mirror(
      Connection oc,
      SideStatements statements,
      MirrorJournal.Step step,
      boolean mayOverlap,
      MirrorPipeline.Completion then) {
    if (mayOverlap && overlaps()) {
      sides
          .pipeline()
          .submit(
              oc,
              statements,
              step,
              (failure, nanos) -> {
                SQLException last = failure;
                if (last != null) {
                  try {
                    recover(oc, statements, step, last);
                    last = null;
                  } catch (SQLException e) {
                    last = e;
                  }
                }
                if (last == null) {
                  keep(step);
                }
                then.done(last, nanos);
              });
      return;
    }
    long start = System.nanoTime();
    SQLException failure = null;
    try {
      runMirrored(oc, statements, step);
    } catch (SQLException e) {
      failure = e;
    }
    then.done(failure, System.nanoTime() - start);
  }

  /**
   * Whether a mirrored write may run while the application's next statement does: inside a
   * transaction (an autocommit write holds its locks only until the mirror is over, see {@link
   * HeldTransaction}), with MySQL authoritative (with PostgreSQL authoritative, MySQL's count of an
   * upsert is the one the application gets), and {@code dualwrite.overlapMirror} on.
   */
  private boolean overlaps() {
    return runtime.config().overlapMirror()
        && authoritativeSide() == Side.MYSQL
        && !autoCommitting();
  }

  /**
   * The mirrored {@code step} failed with {@code first}: runs it without foreign-key checks when
   * the backfill explains the failure, or rebuilds the other side's transaction and runs it again,
   * a bounded number of times; throws the last failure.
   */
  private void recover(
      Connection oc, SideStatements statements, MirrorJournal.Step step, SQLException first)
      throws SQLException {
    if (BackfillForeignKeys.explains(first, oc, runtime.backfill(), authoritativeSide())) {
      // MySQL checked this foreign key and accepted the write; PostgreSQL lacks the parent (or
      // has children) only because the backfill has not copied those rows yet. pgjdbc's
      // autosave kept the transaction open: run the write again without foreign-key checks.
      BackfillForeignKeys.runUnchecked(oc, () -> step.run(oc, statements));
      return;
    }
    SQLException last = first;
    int attempts = SideHealth.isAvailabilityFailure(first) ? 1 : MirrorJournal.MAX_ATTEMPTS;
    for (int attempt = 0; attempt < attempts && canRebuild(last, false); attempt++) {
      try {
        Connection rebuilt = rebuildOther(last);
        step.run(rebuilt, statements);
        LOG.debug(
            "{} side: transaction rebuilt after {} (attempt {})",
            authoritativeSide().other(),
            last.getSQLState(),
            attempt + 1);
        return;
      } catch (SQLException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Whether the other side's transaction may be rebuilt after {@code e}. A deadlock or
   * serialization failure never took effect: always. A lost connection rolled back an open
   * transaction with it, so inside a transaction it may be; but not for an autocommit statement or
   * a COMMIT, which may have taken effect before the connection broke (running it again could apply
   * it twice): those are recorded. A deadline that ran out means the side is hung: never.
   */
  private boolean canRebuild(SQLException e, boolean commit) {
    if (!MirrorJournal.retryable(e) || MirrorJournal.timedOut(e) || journal.unusable() != null) {
      return false;
    }
    boolean deadlockOrSerialization = !SideHealth.isAvailabilityFailure(e);
    return deadlockOrSerialization || (!commit && !autoCommitting());
  }

  private void keep(MirrorJournal.Step step) {
    if (!autoCommitting()) {
      journal.record(step);
    }
  }

  /**
   * The other side lost its transaction (or the statement): ends it there, or opens a new
   * connection when the old one broke, and runs every statement of the transaction kept so far. The
   * authoritative side still holds its row locks, so the replay meets the rows as they were.
   */
  private Connection rebuildOther(SQLException cause) throws SQLException {
    Side other = authoritativeSide().other();
    Connection c = sides.ifOpen(other);
    if (c != null && !SideHealth.isAvailabilityFailure(cause)) {
      if (sqlTransactionOpen) {
        try (Statement s = c.createStatement()) {
          s.execute("ROLLBACK");
          s.execute(other == Side.POSTGRES ? "BEGIN" : "START TRANSACTION");
        }
      } else if (!c.getAutoCommit()) {
        c.rollback();
      }
    } else {
      runtime.health().failure(other, 0, cause);
      sides.discard(other);
      c = mirrorConnection();
      if (c == null) {
        throw cause;
      }
    }
    journal.replay(other, c);
    return c;
  }

  /**
   * Commits the other side's transaction; when it is lost there for a reason of its own, rebuilds
   * it from the statements kept and commits again, a bounded number of times.
   */
  private void commitOther(Connection mirror) throws SQLException {
    try {
      mirror.commit();
    } catch (SQLException first) {
      SQLException last = first;
      int attempts = SideHealth.isAvailabilityFailure(first) ? 1 : MirrorJournal.MAX_ATTEMPTS;
      for (int attempt = 0; attempt < attempts && canRebuild(last, true); attempt++) {
        try {
          rebuildOther(last).commit();
          return;
        } catch (SQLException e) {
          last = e;
        }
      }
      throw last;
    }
  }

  /** A mirror statement on {@code other} failed: count it, and forget a broken connection. */
  void mirrorFailed(Side other, long nanos, SQLException e) {
    runtime.health().failure(other, nanos, e);
    runtime.metrics().mirrorFailure();
    if (SideHealth.isAvailabilityFailure(e)) {
      // The connection is gone, and with it the side's open transaction.
      if (inTransaction && !tablesWrittenInTransaction.isEmpty()) {
        runtime
            .recorder()
            .record(
                DiscrepancyKind.MIRROR_FAILED,
                "(transaction)",
                "the "
                    + other
                    + " connection broke inside a transaction; its earlier writes are lost",
                tablesWrittenInTransaction,
                List.of(),
                true);
      }
      sides.discard(other);
    }
  }

  void mirrorSucceeded(Side other, long nanos) {
    runtime.health().success(other, nanos);
    runtime.metrics().mirroredWrite();
  }

  // ---------------------------------------------------------------- statements

  @Override
  public Statement createStatement() throws SQLException {
    return createStatement(
        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, getHoldability());
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return createStatement(resultSetType, resultSetConcurrency, getHoldability());
  }

  @Override
  public Statement createStatement(
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    checkOpen();
    StatementOptions options =
        StatementOptions.of(resultSetType, resultSetConcurrency, resultSetHoldability);
    Statement vendor = options.createOn(delegate);
    return new DualWriteStatement(this, vendor, options);
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepare(sql, StatementOptions.DEFAULT);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepare(sql, StatementOptions.of(resultSetType, resultSetConcurrency, getHoldability()));
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return prepare(
        sql, StatementOptions.of(resultSetType, resultSetConcurrency, resultSetHoldability));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return prepare(sql, StatementOptions.DEFAULT.withKeys(autoGeneratedKeys, null, null));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepare(
        sql,
        StatementOptions.DEFAULT.withKeys(Statement.RETURN_GENERATED_KEYS, columnIndexes, null));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepare(
        sql, StatementOptions.DEFAULT.withKeys(Statement.RETURN_GENERATED_KEYS, null, columnNames));
  }

  private PreparedStatement prepare(String sql, StatementOptions options) throws SQLException {
    checkOpen();
    return new DualWritePreparedStatement(this, sql, options);
  }

  @Override
  protected CallableStatement wrapCallableStatement(CallableStatement statement, String sql) {
    // Stored routines are not translated (the rewriter refuses CREATE PROCEDURE/FUNCTION): a call
    // runs on the authoritative side only and is recorded, with the drift it may cause.
    return new DualWriteCallableStatement(this, statement, sql);
  }

  @Override
  protected DatabaseMetaData wrapMetaData(DatabaseMetaData metaData) {
    return new DualWriteDatabaseMetaData(this, metaData);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    // The application believes it talks to MySQL: describe MySQL while MySQL is in use.
    if (flags.phase().usesMysql()) {
      return wrapMetaData(sides.get(Side.MYSQL).getMetaData());
    }
    return wrapMetaData(delegate.getMetaData());
  }

  // ---------------------------------------------------------------- transactions

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit || sides.autoCommit() || !flags.phase().mirrorsWrites()) {
      switchAutoCommit(autoCommit);
      return;
    }
    WriteWindows windows = runtime.windows(); // switching autocommit on commits
    windows.open(tablesWrittenInTransaction);
    try {
      switchAutoCommit(true);
    } finally {
      windows.close();
    }
  }

  private void switchAutoCommit(boolean autoCommit) throws SQLException {
    boolean was = sides.autoCommit();
    if (autoCommit && !was && authoritativeSide() == Side.POSTGRES) {
      commit(); // switching autocommit on commits: PostgreSQL decides first, as in commit()
    }
    Side other = authoritativeSide().other();
    Connection mirror = sides.ifOpen(other);
    // Switching autocommit on commits: the other side first, as in commit()
    if (mirror != null) {
      try {
        mirror.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        otherSideFailed(other, "setAutoCommit(" + autoCommit + ")", e, autoCommit && !was);
      }
    }
    try {
      delegate.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      if (autoCommit && !was) {
        authoritativeCommitFailed(mirror != null);
      }
      throw e;
    }
    sides.setAutoCommit(autoCommit);
    if (autoCommit && !was) {
      noteTransactionEnd(); // JDBC: switching autocommit on commits the open transaction
    }
  }

  /**
   * Commits the other side first, then the authoritative side. Until the authoritative side
   * commits, its row locks keep every other writer of these rows waiting, so no write can reach the
   * other side between the two commits; committing the other side second would let a write that
   * follows this transaction on the authoritative side (say, an update of a row it inserted) reach
   * the other side before this transaction is visible there. If the authoritative commit then
   * fails, the other side holds changes the authoritative side does not: that is recorded, with
   * drift on the transaction's tables, and repaired from the authoritative side. PostgreSQL, when
   * authoritative, decides before MySQL commits ({@link TwoPhaseCommit}) where the server allows.
   */
  @Override
  public void commit() throws SQLException {
    checkOpen();
    if (!flags.phase().mirrorsWrites()) {
      commitBoth();
      return;
    }
    WriteWindows windows = runtime.windows();
    windows.open(tablesWrittenInTransaction);
    try {
      commitBoth();
    } finally {
      windows.close();
    }
  }

  private void commitBoth() throws SQLException {
    Side other = authoritativeSide().other();
    Connection mirror = sides.ifOpen(other);
    boolean otherOpen = mirror != null && !mirror.getAutoCommit();
    String prepared = null;
    if (otherOpen && other == Side.MYSQL && !tablesWrittenInTransaction.isEmpty()) {
      try {
        prepared = TwoPhaseCommit.prepare(delegate, runtime.preparedTransactions());
      } catch (SQLException refused) {
        rollbackOther(mirror);
        noteTransactionEnd();
        throw MysqlErrors.translate(refused);
      }
    }
    boolean mirrored = false;
    if (otherOpen) {
      try {
        commitOther(mirror);
        mirrored = true;
      } catch (SQLException e) {
        otherSideFailed(other, "COMMIT", e, true);
      }
    }
    if (prepared != null) {
      try {
        TwoPhaseCommit.commitPrepared(
            delegate, prepared, runtime.preparedTransactions().orphanAfterMillis());
      } catch (SQLException e) {
        authoritativeCommitFailed(mirrored);
        noteTransactionEnd();
        throw e;
      }
      noteTransactionEnd();
      return;
    }
    try {
      delegate.commit();
    } catch (SQLException e) {
      authoritativeCommitFailed(mirrored);
      throw authoritativeSide() == Side.POSTGRES ? MysqlErrors.translate(e) : e;
    }
    noteTransactionEnd();
  }

  /** The authoritative commit failed after the other side committed: rows may now differ. */
  private void authoritativeCommitFailed(boolean otherCommitted) {
    if (otherCommitted && !tablesWrittenInTransaction.isEmpty()) {
      runtime
          .recorder()
          .record(
              DiscrepancyKind.COMMIT_FAILED,
              "COMMIT",
              "the "
                  + authoritativeSide()
                  + " commit failed after "
                  + authoritativeSide().other()
                  + " committed the transaction",
              tablesWrittenInTransaction,
              List.of(),
              true);
    }
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    // The write in flight on the other side is over, and its outcome handled, before the
    // authoritative side releases the locks it ran under.
    sides.pipeline().await();
    try {
      delegate.rollback();
    } finally {
      Connection mirror = sides.ifOpen(authoritativeSide().other());
      if (mirror != null && !mirror.getAutoCommit()) {
        rollbackOther(mirror);
      }
      noteTransactionEnd();
    }
  }

  private void rollbackOther(Connection mirror) {
    try {
      mirror.rollback();
    } catch (SQLException e) {
      otherSideFailed(authoritativeSide().other(), "ROLLBACK", e, false);
    }
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    checkOpen();
    beforeStatement();
    Savepoint own = Savepoints.set(delegate, null);
    return new DualWriteSavepoint(own, mirrorSavepoint(null), authoritativeSide());
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    checkOpen();
    beforeStatement();
    Savepoint own = Savepoints.set(delegate, name);
    return new DualWriteSavepoint(own, mirrorSavepoint(name), authoritativeSide());
  }

  /** The other side's savepoint, if that side is open; null means "not open at that time". */
  private Savepoint mirrorSavepoint(String name) {
    Side other = authoritativeSide().other();
    Connection mirror = sides.ifOpen(other);
    if (mirror == null || !flags.phase().mirrorsWrites()) {
      return null;
    }
    journal.giveUp("the transaction uses savepoints");
    try {
      return Savepoints.set(mirror, name);
    } catch (SQLException e) {
      otherSideFailed(other, "SAVEPOINT", e, false);
      return null;
    }
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    checkOpen();
    sides.pipeline().await(); // as in rollback()
    DualWriteSavepoint sp = DualWriteSavepoint.of(savepoint);
    Savepoints.rollback(delegate, sp.authoritative());
    Side other = authoritativeSide().other();
    Connection mirror = sides.ifOpen(other);
    if (mirror != null && !mirror.getAutoCommit()) {
      try {
        if (sp.mirror() != null) {
          Savepoints.rollback(mirror, sp.mirror());
        } else {
          // The other side opened after the savepoint: all its work came after it.
          mirror.rollback();
        }
      } catch (SQLException e) {
        otherSideFailed(other, "ROLLBACK TO SAVEPOINT", e, true);
      }
    }
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    checkOpen();
    DualWriteSavepoint sp = DualWriteSavepoint.of(savepoint);
    Savepoints.release(delegate, sp.authoritative());
    Side other = authoritativeSide().other();
    Connection mirror = sides.ifOpen(other);
    if (mirror != null && sp.mirror() != null) {
      try {
        Savepoints.release(mirror, sp.mirror());
      } catch (SQLException e) {
        otherSideFailed(other, "RELEASE SAVEPOINT", e, false);
      }
    }
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    delegate.setTransactionIsolation(level);
    // The other side stays at SideConnections.MIRROR_ISOLATION: it replays, it does not decide.
    sides.setIsolation(level);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    delegate.setReadOnly(readOnly);
    sides.setReadOnly(readOnly);
    forOther("setReadOnly", c -> c.setReadOnly(readOnly));
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    delegate.setHoldability(holdability);
    sides.setHoldability(holdability);
    forOther("setHoldability", c -> c.setHoldability(holdability));
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    delegate.setNetworkTimeout(executor, milliseconds);
  }

  private interface SideCall {
    void apply(Connection c) throws SQLException;
  }

  private void forOther(String what, SideCall call) {
    Side other = authoritativeSide().other();
    Connection mirror = sides.ifOpen(other);
    if (mirror != null) {
      try {
        call.apply(mirror);
      } catch (SQLException e) {
        otherSideFailed(other, what, e, false);
      }
    }
  }

  /**
   * A connection-level call failed on the non-authoritative side: the application's call still
   * succeeds; the failure is recorded, with drift for this transaction's tables when rows may now
   * differ.
   */
  private void otherSideFailed(Side other, String what, SQLException e, boolean rowsMayDiffer) {
    runtime.health().failure(other, 0, e);
    runtime
        .recorder()
        .record(
            what.equals("COMMIT") ? DiscrepancyKind.COMMIT_FAILED : DiscrepancyKind.MIRROR_FAILED,
            what,
            other + " side: " + e.getSQLState() + " " + SafeText.error(e),
            tablesWrittenInTransaction,
            List.of(),
            rowsMayDiffer && !tablesWrittenInTransaction.isEmpty());
    if (SideHealth.isAvailabilityFailure(e)) {
      sides.discard(other);
    }
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public boolean isClosed() throws SQLException {
    return closed || delegate.isClosed();
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    sides.close(authoritativeSide());
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    Connection other = sides.ifOpen(authoritativeSide().other());
    if (other != null) {
      try {
        other.abort(executor);
      } catch (SQLException e) {
        LOG.debug("abort of the other side failed", e);
      }
    }
    delegate.abort(executor);
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("The connection is closed.", "08003");
    }
  }

  @Override
  public String toString() {
    return "DualWriteConnection[phase="
        + flags.phase()
        + ", authoritative="
        + authoritativeSide()
        + "]";
  }
}
