package io.dualwrite.rewriter;

import java.util.List;
import java.util.Set;

/**
 * The immutable result of translating one MySQL statement: the PostgreSQL SQL, or a refusal, plus
 * what the driver needs to route and mirror it. Instances are cached and shared between threads.
 */
public final class Translation {
  private static final int[] NO_PARAMETERS = new int[0];

  private final String mysqlSql;
  private final StatementKind kind;
  private final Refusal refusal;
  private final String postgresSql;
  private final int mysqlParameterCount;
  private final int[] parameterMap;
  private final boolean lockingRead;
  private final Set<String> tablesRead;
  private final Set<String> tablesWritten;
  private final List<NonDeterministicCall> nonDeterministicCalls;
  private final PinnedStatement pinned;
  private final AutoIncrement autoIncrement;
  private final SessionCommand session;

  Translation(
      String mysqlSql,
      StatementKind kind,
      Refusal refusal,
      String postgresSql,
      int mysqlParameterCount,
      int[] parameterMap,
      boolean lockingRead,
      Set<String> tablesRead,
      Set<String> tablesWritten,
      List<NonDeterministicCall> nonDeterministicCalls,
      PinnedStatement pinned,
      AutoIncrement autoIncrement,
      SessionCommand session) {
    this.mysqlSql = mysqlSql;
    this.kind = kind;
    this.refusal = refusal;
    this.postgresSql = postgresSql;
    this.mysqlParameterCount = mysqlParameterCount;
    this.parameterMap = parameterMap == null ? NO_PARAMETERS : parameterMap;
    this.lockingRead = lockingRead;
    this.tablesRead = Set.copyOf(tablesRead);
    this.tablesWritten = Set.copyOf(tablesWritten);
    this.nonDeterministicCalls = List.copyOf(nonDeterministicCalls);
    this.pinned = pinned;
    this.autoIncrement = autoIncrement;
    this.session = session;
  }

  static Translation refused(
      String mysqlSql, StatementKind kind, Refusal refusal, int mysqlParameterCount) {
    return new Translation(
        mysqlSql,
        kind,
        refusal,
        null,
        mysqlParameterCount,
        null,
        false,
        Set.of(),
        Set.of(),
        List.of(),
        null,
        null,
        null);
  }

  /** The input, unchanged. */
  public String mysqlSql() {
    return mysqlSql;
  }

  /** What the statement does (known for most refused statements too, else OTHER). */
  public StatementKind kind() {
    return kind;
  }

  /** True when the statement has no faithful PostgreSQL translation; see {@link #refusal()}. */
  public boolean isRefused() {
    return refusal != null;
  }

  /** Why the statement was refused; null unless refused. */
  public Refusal refusal() {
    return refusal;
  }

  /**
   * The PostgreSQL statement, with {@code ?} placeholders only. Null when refused, or when nothing
   * must run on PostgreSQL (see {@link #session()}). For DDL only, it may hold several statements
   * separated by {@code ;} (e.g. CREATE TABLE followed by CREATE INDEX); DML is always one
   * statement.
   */
  public String postgresSql() {
    return postgresSql;
  }

  /** The number of {@code ?} parameters in the input. */
  public int mysqlParameterCount() {
    return mysqlParameterCount;
  }

  /**
   * For each {@code ?} of {@link #postgresSql()} in order, the 0-based index of the application's
   * MySQL parameter bound there (identity unless the order changes, e.g. {@code LIMIT ?, ?} becomes
   * {@code LIMIT ? OFFSET ?}, or a parameter is used twice). The array is shared: do not modify it.
   */
  public int[] parameterMap() {
    return parameterMap;
  }

  /** SELECT ... FOR UPDATE / LOCK IN SHARE MODE / FOR SHARE. */
  public boolean lockingRead() {
    return lockingRead;
  }

  /** Lower-case unqualified names of the tables read. */
  public Set<String> tablesRead() {
    return tablesRead;
  }

  /** Lower-case names of the tables written (for DDL: created, altered or dropped). */
  public Set<String> tablesWritten() {
    return tablesWritten;
  }

  /** Non-deterministic calls in a write, in textual order; empty for reads. */
  public List<NonDeterministicCall> nonDeterministicCalls() {
    return nonDeterministicCalls;
  }

  /**
   * When {@link #nonDeterministicCalls()} is non-empty: both sides with each such call replaced by
   * a {@code ?}, and the binding plan. Null when there are no such calls.
   */
  public PinnedStatement pinned() {
    return pinned;
  }

  /**
   * The table's AUTO_INCREMENT column when the write is an INSERT/UPSERT/REPLACE/INSERT_IGNORE into
   * a table that has one (needs the catalog), else null.
   */
  public AutoIncrement autoIncrement() {
    return autoIncrement;
  }

  /** Non-null iff {@link #kind()} is SESSION or TRANSACTION. */
  public SessionCommand session() {
    return session;
  }

  @Override
  public String toString() {
    return isRefused()
        ? "Translation[" + kind + ", refused " + refusal.code() + ": " + refusal.reason() + "]"
        : "Translation[" + kind + ", " + postgresSql + "]";
  }
}
