package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.control.WriteWindows;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.metrics.DriverMetrics;
import io.dualwrite.driver.mirror.PostgresDdl;
import io.dualwrite.driver.mirror.SequenceKeeper;
import io.dualwrite.driver.mirror.SessionClock;
import io.dualwrite.driver.routing.Flags;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.driver.runtime.SideHealth;
import io.dualwrite.driver.vendor.MysqlForeignKeyChecks;
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
 * A {@link DualWriteConnection} as its statements' paths see it ({@link StatementContext}): its own
 * transaction state and sides, and the runtime's services, nothing else. An adapter with no state
 * of its own but the statements' discrepancy records.
 */
final class ConnectionContext implements StatementContext {
  private final DualWriteConnection conn;
  private final DriverRuntime runtime;
  private final StatementRecords records;

  ConnectionContext(DualWriteConnection conn) {
    this.conn = conn;
    this.runtime = conn.runtime();
    this.records = new StatementRecords(runtime.recorder());
  }

  @Override
  public Flags flags() {
    return conn.flags();
  }

  @Override
  public void beforeStatement() throws SQLException {
    conn.beforeStatement();
  }

  @Override
  public void checkOpen() throws SQLException {
    conn.checkOpen();
  }

  @Override
  public boolean autoCommitting() {
    return conn.autoCommitting();
  }

  @Override
  public boolean wroteInTransaction() {
    return conn.wroteInTransaction();
  }

  @Override
  public void noteWrite(Set<String> tables) {
    conn.noteWrite(tables);
  }

  @Override
  public void noteSqlTransactionStart() {
    conn.noteSqlTransactionStart();
  }

  @Override
  public void noteTransactionEnd() {
    conn.noteTransactionEnd();
  }

  @Override
  public Set<String> tablesWrittenInTransaction() {
    return conn.tablesWrittenInTransaction();
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    conn.setAutoCommit(autoCommit);
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    conn.setTransactionIsolation(level);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    conn.setReadOnly(readOnly);
  }

  @Override
  public void nextTransaction(String postgresSql) {
    conn.nextTransaction(postgresSql);
  }

  @Override
  public String takeNextTransaction() {
    return conn.takeNextTransaction();
  }

  @Override
  public void authoritativeTransactionRolledBack() {
    conn.authoritativeTransactionRolledBack();
  }

  @Override
  public SideConnections sides() {
    return conn.sides();
  }

  @Override
  public Connection mirrorConnection() {
    return conn.mirrorConnection();
  }

  @Override
  public void savepointUsed() {
    conn.savepointUsed();
  }

  @Override
  public void runMirrored(Connection oc, SideStatements statements, MirrorJournal.Step step)
      throws SQLException {
    conn.runMirrored(oc, statements, step);
  }

  @Override
  public void mirror(
      Connection oc,
      SideStatements statements,
      MirrorJournal.Step step,
      boolean mayOverlap,
      MirrorPipeline.Completion then) {
    conn.mirror(oc, statements, step, mayOverlap, then);
  }

  @Override
  public void awaitMirror() {
    conn.sides().pipeline().await();
  }

  @Override
  public void mirrorFailed(Side other, long nanos, SQLException e) {
    conn.mirrorFailed(other, nanos, e);
  }

  @Override
  public void mirrorSucceeded(Side other, long nanos) {
    conn.mirrorSucceeded(other, nanos);
  }

  @Override
  public Translation translate(String sql) {
    return conn.translate(sql);
  }

  @Override
  public SqlMode sqlMode() {
    return conn.sqlMode();
  }

  @Override
  public void sqlModeMayHaveChanged(String sql) {
    conn.sides().sqlModeMayHaveChanged(sql);
  }

  @Override
  public SchemaCatalog catalog() {
    return runtime.rewriter().catalog();
  }

  @Override
  public void schemaChanged() {
    runtime.schemaChanged();
  }

  @Override
  public SessionClock sessionClock() {
    return conn.sessionClock();
  }

  @Override
  public boolean postgresGetsWholeSeconds() {
    return runtime.mysqlGetsWholeSeconds();
  }

  @Override
  public String onOtherSide(StatementKind kind, String sql) {
    return insertOnMysqlMirror(kind)
        ? MysqlForeignKeyChecks.skipped(sql, runtime.mysqlIsMariaDb())
        : sql;
  }

  @Override
  public boolean otherSideBatchSwitchesSession(StatementKind kind) {
    return insertOnMysqlMirror(kind)
        && MysqlForeignKeyChecks.batchNeedsSessionSwitch(runtime.mysqlIsMariaDb());
  }

  /** An insert mirrored to MySQL: PostgreSQL, authoritative, has checked its foreign keys. */
  private boolean insertOnMysqlMirror(StatementKind kind) {
    return (kind == StatementKind.INSERT || kind == StatementKind.INSERT_IGNORE)
        && authoritativeSide() == Side.POSTGRES;
  }

  @Override
  public SideHealth health() {
    return runtime.health();
  }

  @Override
  public io.dualwrite.driver.runtime.PreparedTransactions preparedTransactions() {
    return runtime.preparedTransactions();
  }

  @Override
  public DriftTracker drift() {
    return runtime.drift();
  }

  @Override
  public io.dualwrite.driver.discrepancy.BackfillTables backfill() {
    return runtime.backfill();
  }

  @Override
  public WriteWindows windows() {
    return runtime.windows();
  }

  @Override
  public DriverMetrics metrics() {
    return runtime.metrics();
  }

  @Override
  public StatementRecords records() {
    return records;
  }

  @Override
  public SequenceKeeper sequences() {
    return runtime.sequences();
  }

  @Override
  public PostgresKeyColumns postgresKeyColumns() {
    return runtime.postgresKeyColumns();
  }

  @Override
  public PostgresDdl postgresDdl() {
    return runtime.postgresDdl();
  }

  @Override
  public PostgresResultShapes resultShapes() {
    return runtime.resultShapes();
  }
}
