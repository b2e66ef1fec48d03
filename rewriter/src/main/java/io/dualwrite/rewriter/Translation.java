package io.dualwrite.rewriter;

import java.util.List;
import java.util.Map;
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
  private final UncataloguedInsert uncataloguedInsert;
  private final SessionCommand session;
  private final ResultColumns resultColumns;
  private final Map<Integer, ParameterTarget> parameterTargets;

  private Translation(Builder b) {
    this.mysqlSql = b.mysqlSql;
    this.kind = b.kind;
    this.refusal = b.refusal;
    this.postgresSql = b.postgresSql;
    this.mysqlParameterCount = b.mysqlParameterCount;
    this.parameterMap = b.parameterMap == null ? NO_PARAMETERS : b.parameterMap;
    this.lockingRead = b.lockingRead;
    this.tablesRead = Set.copyOf(b.tablesRead);
    this.tablesWritten = Set.copyOf(b.tablesWritten);
    this.nonDeterministicCalls = List.copyOf(b.nonDeterministicCalls);
    this.pinned = b.pinned;
    this.autoIncrement = b.autoIncrement;
    this.uncataloguedInsert = b.uncataloguedInsert;
    this.session = b.session;
    this.resultColumns = b.resultColumns;
    this.parameterTargets = Map.copyOf(b.parameterTargets);
  }

  /** A translation of mysqlSql; every other part is empty (null, none, false) unless set. */
  static Builder builder(String mysqlSql, StatementKind kind) {
    return new Builder(mysqlSql, kind);
  }

  static Translation refused(
      String mysqlSql, StatementKind kind, Refusal refusal, int mysqlParameterCount) {
    return builder(mysqlSql, kind)
        .refusal(refusal)
        .mysqlParameterCount(mysqlParameterCount)
        .build();
  }

  /** Collects the parts of a {@link Translation}; see the accessors of the same names. */
  static final class Builder {
    private final String mysqlSql;
    private final StatementKind kind;
    private Refusal refusal;
    private String postgresSql;
    private int mysqlParameterCount;
    private int[] parameterMap;
    private boolean lockingRead;
    private Set<String> tablesRead = Set.of();
    private Set<String> tablesWritten = Set.of();
    private List<NonDeterministicCall> nonDeterministicCalls = List.of();
    private PinnedStatement pinned;
    private AutoIncrement autoIncrement;
    private UncataloguedInsert uncataloguedInsert;
    private SessionCommand session;
    private ResultColumns resultColumns;
    private Map<Integer, ParameterTarget> parameterTargets = Map.of();

    private Builder(String mysqlSql, StatementKind kind) {
      this.mysqlSql = mysqlSql;
      this.kind = kind;
    }

    Builder refusal(Refusal refusal) {
      this.refusal = refusal;
      return this;
    }

    Builder postgresSql(String postgresSql) {
      this.postgresSql = postgresSql;
      return this;
    }

    Builder mysqlParameterCount(int mysqlParameterCount) {
      this.mysqlParameterCount = mysqlParameterCount;
      return this;
    }

    Builder parameterMap(int[] parameterMap) {
      this.parameterMap = parameterMap;
      return this;
    }

    Builder parameterTargets(Map<Integer, ParameterTarget> parameterTargets) {
      this.parameterTargets = parameterTargets;
      return this;
    }

    Builder lockingRead(boolean lockingRead) {
      this.lockingRead = lockingRead;
      return this;
    }

    Builder tablesRead(Set<String> tablesRead) {
      this.tablesRead = tablesRead;
      return this;
    }

    Builder tablesWritten(Set<String> tablesWritten) {
      this.tablesWritten = tablesWritten;
      return this;
    }

    Builder nonDeterministicCalls(List<NonDeterministicCall> nonDeterministicCalls) {
      this.nonDeterministicCalls = nonDeterministicCalls;
      return this;
    }

    Builder pinned(PinnedStatement pinned) {
      this.pinned = pinned;
      return this;
    }

    Builder autoIncrement(AutoIncrement autoIncrement) {
      this.autoIncrement = autoIncrement;
      return this;
    }

    Builder uncataloguedInsert(UncataloguedInsert uncataloguedInsert) {
      this.uncataloguedInsert = uncataloguedInsert;
      return this;
    }

    Builder session(SessionCommand session) {
      this.session = session;
      return this;
    }

    Builder resultColumns(ResultColumns resultColumns) {
      this.resultColumns = resultColumns;
      return this;
    }

    Translation build() {
      return new Translation(this);
    }
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

  /**
   * The column the application's parameter {@code index} (0-based) is written into or compared
   * with, when the statement says so directly; null otherwise.
   */
  public ParameterTarget parameterTarget(int index) {
    return parameterTargets.get(index);
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

  /**
   * For an INSERT/UPSERT/REPLACE/INSERT_IGNORE into a table the catalog does not know: the table
   * and the columns the statement names (then {@link #autoIncrement()} is null because it cannot be
   * known, not because there is none); else null.
   */
  public UncataloguedInsert uncataloguedInsert() {
    return uncataloguedInsert;
  }

  /** Non-null iff {@link #kind()} is SESSION or TRANSACTION. */
  public SessionCommand session() {
    return session;
  }

  /**
   * For a SELECT: its result columns as MySQL labels them, read from the rewriter's parse tree when
   * the statement was parsed (see {@link ResultColumns}). Null for every other statement, and for a
   * SELECT whose select list cannot be read (then PostgreSQL's labels stand).
   */
  public ResultColumns resultColumns() {
    return resultColumns;
  }

  @Override
  public String toString() {
    return isRefused()
        ? "Translation[" + kind + ", refused " + refusal.code() + ": " + refusal.reason() + "]"
        : "Translation[" + kind + ", " + postgresSql + "]";
  }
}
