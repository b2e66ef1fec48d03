package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.compare.ResultComparator;
import io.dualwrite.driver.config.Redaction;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.mirror.InsertedRowsMirror;
import io.dualwrite.driver.mirror.SessionClock;
import io.dualwrite.driver.mirror.ValuePinner;
import io.dualwrite.driver.routing.ReadRouter;
import io.dualwrite.driver.routing.ReadRouter.Route;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.driver.vendor.ExpressionTypes;
import io.dualwrite.driver.vendor.MysqlColumnType;
import io.dualwrite.driver.vendor.MysqlErrors;
import io.dualwrite.driver.vendor.MysqlLookingResultSet;
import io.dualwrite.driver.vendor.MysqlResultLabels;
import io.dualwrite.rewriter.AutoIncrement;
import io.dualwrite.rewriter.Binding;
import io.dualwrite.rewriter.KeyBinding;
import io.dualwrite.rewriter.PinnedStatement;
import io.dualwrite.rewriter.SessionCommand;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetProvider;
import org.postgresql.PGResultSetMetaData;

/**
 * Runs the application's statements for one statement wrapper: decides where each one goes, runs it
 * on the authoritative side, mirrors writes to the other side, and compares reads. This is the one
 * place where a statement is decided and mirrored; {@link ReadRouter} holds the read policy and
 * {@link ResultComparator} the comparison.
 *
 * <p>Plain statements pass {@code binds == null}; prepared statements pass their recorded
 * parameters, replayed on whichever vendor statement runs (with the rewriter's parameter map on the
 * PostgreSQL side).
 *
 * <p>Not thread-safe, like the JDBC statement it serves.
 */
final class StatementEngine {

  /** Which JDBC execute method the application called. */
  enum Mode {
    QUERY,
    UPDATE,
    EXECUTE
  }

  private final DualWriteConnection conn;
  private final Statement owner;
  private final StatementOptions options;
  private final String preparedSql;
  private final StatementSettings settings;

  /** The plain vendor statement per side (index {@code Side.ordinal()}). */
  private final Statement[] plain = new Statement[2];

  /**
   * The vendor prepared statements per side: the one used last (almost always the only one) in
   * {@link #recent}, checked first; any others in a map made on first need.
   */
  private final PreparedSlot[] recent = new PreparedSlot[2];

  private Map<String, PreparedStatement> others;

  /** The last translation this engine used, and the catalog generation it was made against. */
  private String translatedSql;

  private long translatedGeneration;
  private Translation translated;

  // Results of the last execution, as the application sees them.
  private ResultSet resultSet;
  private long updateCount = -1;
  private ResultSet generatedKeys;
  private Statement lastVendor;

  /** The application's SQL of the statement running now (for MySQL's column labels). */
  private String currentSql;

  private Translation currentTranslation;

  StatementEngine(DualWriteConnection conn, Statement owner, StatementOptions options) {
    this(conn, owner, options, null);
  }

  /** For a prepared statement: {@code preparedSql} is the application's SQL. */
  StatementEngine(
      DualWriteConnection conn, Statement owner, StatementOptions options, String preparedSql) {
    this.preparedSql = preparedSql;
    this.conn = conn;
    this.owner = owner;
    this.options = options;
    this.settings = new StatementSettings();
  }

  /** The vendor SQL and key request a prepared statement starts with on the authoritative side. */
  private record Variant(String sql, boolean keys, String keyColumn) {}

  private static Variant firstVariant(DualWriteConnection conn, Translation t, StatementOptions o)
      throws SQLException {
    Side auth = conn.authoritativeSide();
    AutoIncrement ai = t.autoIncrement();
    boolean keys =
        t.kind().isWrite()
            && (o.appWantsKeys()
                || (conn.phase().mirrorsWrites() && ai != null && !ai.suppliedByStatement()));
    if (auth == Side.MYSQL) {
      String sql = t.pinned() != null && !t.isRefused() ? t.pinned().mysqlSql() : t.mysqlSql();
      return new Variant(sql, keys, null);
    }
    if (t.isRefused() || t.postgresSql() == null) {
      throw refusedOnPostgres(t);
    }
    String sql = t.pinned() != null ? t.pinned().postgresSql() : t.postgresSql();
    // Keys only from an AUTO_INCREMENT column, as from MySQL (see noGeneratedKeys)
    return new Variant(sql, keys && ai != null, keys && ai != null ? ai.column() : null);
  }

  /** Prepares the authoritative side's statement for a new prepared-statement wrapper. */
  static PreparedStatement prepareFirst(
      DualWriteConnection conn, Translation t, StatementOptions options) throws SQLException {
    conn.checkOpen();
    Variant v = firstVariant(conn, t, options);
    Connection c = conn.sides().get(conn.authoritativeSide());
    return options.prepareOn(c, v.sql(), v.keys(), v.keyColumn());
  }

  /** Takes over the statement made by {@link #prepareFirst} for the same translation. */
  void adoptPrepared(Side side, PreparedStatement ps, Translation t) throws SQLException {
    Variant v = firstVariant(conn, t, options);
    recent[side.ordinal()] = new PreparedSlot(v.sql(), v.keys(), v.keyColumn(), ps);
    rememberTranslation(preparedSql, t);
    lastVendor = ps;
  }

  /**
   * The translation of {@code sql}: the one used last when the SQL text and the schema catalog's
   * generation are the same (a prepared statement's every execution), else the rewriter's.
   */
  private Translation translate(String sql) {
    long generation = conn.runtime().rewriter().catalog().generation();
    Translation t = translated;
    if (t != null && generation == translatedGeneration && sql.equals(translatedSql)) {
      return t;
    }
    t = conn.translate(sql);
    translatedSql = sql;
    translatedGeneration = generation;
    translated = t;
    return t;
  }

  private void rememberTranslation(String sql, Translation t) {
    if (sql != null) {
      translatedSql = sql;
      translatedGeneration = conn.runtime().rewriter().catalog().generation();
      translated = t;
    }
  }

  /** A vendor prepared statement with what it was prepared for. */
  private record PreparedSlot(String sql, boolean keys, String keyColumn, PreparedStatement ps) {
    boolean isFor(String otherSql, boolean otherKeys, String otherKeyColumn) {
      return keys == otherKeys
          && java.util.Objects.equals(keyColumn, otherKeyColumn)
          && (sql == otherSql || sql.equals(otherSql));
    }
  }

  StatementOptions options() {
    return options;
  }

  private static String cacheKey(String sql, boolean keys, String keyColumn) {
    return keys ? "K" + (keyColumn == null ? "" : keyColumn) + "\u0000" + sql : sql;
  }

  /** Takes over a vendor statement the connection already made for {@code side}. */
  void adopt(Side side, Statement vendor) {
    plain[side.ordinal()] = vendor;
    lastVendor = vendor;
  }

  StatementSettings settings() {
    return settings;
  }

  /** The vendor statement that ran last, for the wrapper's forwarding of result navigation. */
  Statement lastVendor() {
    return lastVendor;
  }

  ResultSet resultSet() {
    return resultSet;
  }

  long updateCount() {
    return updateCount;
  }

  ResultSet generatedKeys() {
    return generatedKeys;
  }

  /** Called when the application moves to the next result; results of ours have only one. */
  void clearResults() {
    resultSet = null;
    updateCount = -1;
  }

  /**
   * Runs one statement.
   *
   * @param binds the recorded parameters (prepared statements) or null (plain statements)
   * @param wantsKeys the application asked for generated keys for this execution
   * @return whether the first result is a result set
   */
  boolean run(String sql, Bind[] binds, Mode mode, boolean wantsKeys) throws SQLException {
    try {
      return runDecided(sql, binds, mode, wantsKeys);
    } catch (SQLException e) {
      if (conn.authoritativeSide() == Side.POSTGRES
          && !(e instanceof java.sql.BatchUpdateException)
          && ("23505".equals(e.getSQLState()) || "22001".equals(e.getSQLState()))) {
        throw MysqlErrors.translate(e, false, statementFacts(sql, binds));
      }
      throw asApplicationSees(e);
    }
  }

  private static final java.util.regex.Pattern STRING_LITERAL =
      java.util.regex.Pattern.compile("'((?:[^'\\\\]|\\\\.|'')*)'");

  /**
   * What the failed statement wrote, for MySQL's error message: its bound strings and string
   * literals, the columns of the table it writes, and its row count when it is one row.
   */
  private MysqlErrors.StatementFacts statementFacts(String sql, Bind[] binds) {
    List<String> values = new ArrayList<>();
    if (binds != null) {
      for (Bind b : binds) {
        if (b != null && b.value() instanceof String v) {
          values.add(v);
        }
      }
    }
    java.util.regex.Matcher m = STRING_LITERAL.matcher(sql);
    while (m.find()) {
      values.add(m.group(1).replace("''", "'").replaceAll("\\\\(.)", "$1"));
    }
    java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
    int rows = 0;
    Translation t = currentTranslation;
    if (t != null && t.tablesWritten().size() == 1) {
      conn.runtime()
          .rewriter()
          .catalog()
          .table(t.tablesWritten().iterator().next())
          .ifPresent(table -> table.columns().forEach(c -> columns.put(c.name(), c.mysqlType())));
      AutoIncrement ai = t.autoIncrement();
      rows =
          ai != null
              ? (ai.rowCount() == 1 ? 1 : 0)
              : t.kind() == StatementKind.INSERT && !sql.contains("),") ? 1 : 0;
    }
    return new MysqlErrors.StatementFacts(values, columns, rows);
  }

  /**
   * With PostgreSQL authoritative, its errors reach the application as the MySQL SQLState and
   * vendor code it expects (the original chained); batch failures keep their update counts.
   */
  SQLException asApplicationSees(SQLException e) {
    if (conn.authoritativeSide() != Side.POSTGRES || e instanceof java.sql.BatchUpdateException) {
      return e;
    }
    return MysqlErrors.translate(e);
  }

  private boolean runDecided(String sql, Bind[] binds, Mode mode, boolean wantsKeys)
      throws SQLException {
    conn.beforeStatement();
    closeResults();
    currentSql = sql;
    Translation t = translate(sql);
    currentTranslation = t;
    StatementKind kind = t.kind();
    if (kind.isRead()) {
      runRead(t, binds, mode);
      return true;
    }
    if (kind == StatementKind.SESSION || kind == StatementKind.TRANSACTION) {
      return runSession(t, binds, mode);
    }
    if (mode == Mode.QUERY) {
      throw new SQLException(
          "executeQuery() was given a statement that returns no result set.", "S1009");
    }
    runWrite(t, binds, wantsKeys);
    return false;
  }

  // ------------------------------------------------------------------------------- reads

  private void runRead(Translation t, Bind[] binds, Mode mode) throws SQLException {
    DriverRuntime runtime = conn.runtime();
    Side auth = conn.authoritativeSide();
    Side other = auth.other();
    if (t.isRefused() && mysqlSessionRead(t) && conn.phase().usesMysql()) {
      // LAST_INSERT_ID(): MySQL ran every insert of this connection (as the authoritative side, or
      // as the mirror given PostgreSQL's keys through insert_id), so its answer is the right one.
      // DATABASE(), VERSION(), GET_LOCK(), @variables: only MySQL's session knows them.
      resultSet = wrapResult(executeRead(Side.MYSQL, t, binds), Side.MYSQL);
      runtime.metrics().read(Side.MYSQL);
      return;
    }
    if (t.isRefused() && auth == Side.POSTGRES) {
      throw refusedOnPostgres(t);
    }
    boolean translated = !t.isRefused() && t.postgresSql() != null;
    boolean eligible =
        !conn.wroteInTransaction()
            && !t.lockingRead()
            && !runtime.drift().anyDrifted(t.tablesRead());
    boolean otherHealthy = runtime.health().isClosed(other);
    Route route = ReadRouter.route(conn.flags(), eligible, otherHealthy);
    if (!translated && (route.compare() || route.side() != auth)) {
      // A read the flags send to PostgreSQL that it cannot run: the authoritative side answers,
      // and the operator learns of it before PostgreSQL must answer everything.
      runtime
          .recorder()
          .record(
              DiscrepancyKind.UNTRANSLATABLE,
              t.mysqlSql(),
              t.isRefused()
                  ? t.refusal().code() + ": " + t.refusal().reason()
                  : "no PostgreSQL statement",
              t.tablesRead(),
              List.of(),
              false);
      route = ReadRouter.route(conn.flags(), false, otherHealthy);
    }
    if (route.compare()) {
      runComparedRead(t, binds, auth);
      return;
    }
    if (route.side() == auth || !conn.phase().mirrorsWrites()) {
      resultSet = wrapResult(executeRead(route.side(), t, binds), route.side());
      runtime.metrics().read(route.side());
      return;
    }
    // Served by the non-authoritative side; if it fails, the authoritative side answers.
    long start = System.nanoTime();
    try {
      ResultSet rs = executeRead(other, t, binds);
      runtime.health().success(other, System.nanoTime() - start);
      resultSet = wrapResult(rs, other);
      runtime.metrics().read(other);
    } catch (SQLException e) {
      conn.mirrorFailed(other, System.nanoTime() - start, e);
      if (!io.dualwrite.driver.runtime.SideHealth.isAvailabilityFailure(e)) {
        // PostgreSQL rejected the translation: a difference the operator must see (an outage is
        // the breaker's business and is not recorded per read).
        runtime
            .recorder()
            .record(
                DiscrepancyKind.READ_MISMATCH,
                t.mysqlSql(),
                other
                    + " side failed, served by "
                    + auth
                    + ": "
                    + e.getSQLState()
                    + " "
                    + e.getMessage(),
                t.tablesRead(),
                List.of(),
                false);
      }
      resultSet = wrapResult(executeRead(auth, t, binds), auth);
      runtime.metrics().read(auth);
    }
  }

  /** A read the rewriter leaves to MySQL's session (LAST_INSERT_ID(), DATABASE(), @x, ...). */
  private static boolean mysqlSessionRead(Translation t) {
    return t.refusal().code().startsWith("driver-intercepted:");
  }

  private ResultSet executeRead(Side side, Translation t, Bind[] binds) throws SQLException {
    return executeRead(side, t, binds, false);
  }

  /**
   * Runs a read on {@code side}; with {@code rewindable}, on a scroll-insensitive vendor statement
   * whose result can be read through and rewound (for a compared read, which hands the application
   * the vendor's own result after comparing it).
   */
  private ResultSet executeRead(Side side, Translation t, Bind[] binds, boolean rewindable)
      throws SQLException {
    Connection c = conn.sides().get(side);
    long start = System.nanoTime();
    try {
      if (side == Side.MYSQL) {
        if (binds == null) {
          Statement s = rewindable ? rewindablePlainOn(side, c) : plainOn(side, c);
          s.execute(t.mysqlSql());
          lastVendor = s;
          return s.getResultSet();
        }
        PreparedStatement ps =
            rewindable
                ? rewindablePreparedOn(side, c, t.mysqlSql())
                : preparedOn(side, c, t.mysqlSql(), false, null);
        applyIdentity(ps, binds);
        ps.execute();
        lastVendor = ps;
        return ps.getResultSet();
      }
      if (binds == null && t.mysqlParameterCount() == 0) {
        Statement s = rewindable ? rewindablePlainOn(side, c) : plainOn(side, c);
        s.execute(t.postgresSql());
        lastVendor = s;
        return s.getResultSet();
      }
      PreparedStatement ps =
          rewindable
              ? rewindablePreparedOn(side, c, t.postgresSql())
              : preparedOn(side, c, t.postgresSql(), false, null);
      applyMapped(ps, binds, t.parameterMap());
      ps.execute();
      lastVendor = ps;
      return ps.getResultSet();
    } finally {
      conn.runtime().metrics().statement(side, System.nanoTime() - start);
    }
  }

  /**
   * A read run on both sides and compared. The application gets the authoritative side's own
   * result, as an uncompared read would give it (Connector/J's, or PostgreSQL's made to look like
   * it): the vendor statement is scroll-insensitive, so the result is read through for the
   * comparison and rewound.
   */
  private void runComparedRead(Translation t, Bind[] binds, Side auth) throws SQLException {
    DriverRuntime runtime = conn.runtime();
    ResultSet authRows = executeRead(auth, t, binds, true);
    Statement authVendor = lastVendor;
    Side other = auth.other();
    String difference;
    long start = System.nanoTime();
    try {
      CachedRowSet otherRows = materialize(executeRead(other, t, binds));
      runtime.health().success(other, System.nanoTime() - start);
      difference = ResultComparator.compare(authRows, otherRows, t.mysqlSql());
    } catch (SQLException e) {
      conn.mirrorFailed(other, System.nanoTime() - start, e);
      difference = other + " side failed: " + e.getSQLState() + " " + e.getMessage();
    }
    if (authRows != null) {
      authRows.beforeFirst();
    }
    lastVendor = authVendor;
    runtime.metrics().comparedRead(difference != null);
    runtime.metrics().read(auth);
    if (difference != null) {
      runtime
          .recorder()
          .record(
              DiscrepancyKind.READ_MISMATCH,
              t.mysqlSql(),
              difference,
              t.tablesRead(),
              List.of(),
              false);
    }
    resultSet = wrapResult(authRows, auth);
  }

  private static CachedRowSet materialize(ResultSet rs) throws SQLException {
    CachedRowSet rows = RowSets.FACTORY.createCachedRowSet();
    try (rs) {
      rows.populate(rs);
    }
    return rows;
  }

  /**
   * The application's view of a vendor result: MySQL's as is; PostgreSQL's made to read like
   * Connector/J's, with each column's MySQL type taken from the schema catalog when the column is a
   * plain table column (else derived from the PostgreSQL type).
   */
  /** One RowSetFactory for the JVM: {@code RowSetProvider.newFactory()} scans the class path. */
  private static final class RowSets {
    static final javax.sql.rowset.RowSetFactory FACTORY;

    static {
      try {
        FACTORY = RowSetProvider.newFactory();
      } catch (SQLException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  private ResultSet wrapResult(ResultSet rs, Side side) throws SQLException {
    if (rs == null) {
      return null;
    }
    if (side == Side.MYSQL) {
      return new DualWriteResultSet(rs, owner);
    }
    ResultShape shape = resultShape(rs);
    return new MysqlLookingResultSet(rs, shape.types(), shape.labels(), shape.notNull(), owner);
  }

  /** MySQL's labels and column types for a result of {@code currentSql} served by PostgreSQL. */
  record ResultShape(
      int columns,
      long catalogGeneration,
      List<String> labels,
      List<MysqlColumnType> types,
      List<Boolean> notNull) {}

  /**
   * The shape of this statement's result, worked out once per SQL text and catalog generation and
   * kept by the runtime: parsing the select list and looking columns up in the catalog would
   * otherwise cost more than the query.
   */
  private ResultShape resultShape(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    long generation = conn.runtime().rewriter().catalog().generation();
    String key = currentSql == null ? "" : currentSql;
    com.github.benmanes.caffeine.cache.Cache<String, ResultShape> shapes =
        conn.runtime().resultShapes();
    ResultShape shape = shapes.getIfPresent(key);
    if (shape == null || shape.columns() != columns || shape.catalogGeneration() != generation) {
      List<String> labels = currentSql == null ? null : MysqlResultLabels.of(currentSql, columns);
      List<net.sf.jsqlparser.expression.Expression> expressions =
          currentSql == null ? null : MysqlResultLabels.expressions(currentSql, columns);
      shape =
          new ResultShape(
              columns, generation, labels, mysqlTypes(rs, expressions), notNull(expressions));
      shapes.put(key, shape);
    }
    return shape;
  }

  /**
   * The MySQL type of each result column: a table column's from the schema catalog, a SUM/AVG's by
   * MySQL's typing rules ({@link ExpressionTypes}), else null (derived from PostgreSQL's type).
   */
  private List<MysqlColumnType> mysqlTypes(
      ResultSet rs, List<net.sf.jsqlparser.expression.Expression> expressions) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<MysqlColumnType> types = new ArrayList<>(n);
    PGResultSetMetaData pg =
        meta.isWrapperFor(PGResultSetMetaData.class)
            ? meta.unwrap(PGResultSetMetaData.class)
            : null;
    for (int i = 1; i <= n; i++) {
      MysqlColumnType type = null;
      if (pg != null) {
        String table = pg.getBaseTableName(i);
        String column = pg.getBaseColumnName(i);
        if (table != null && !table.isEmpty() && column != null && !column.isEmpty()) {
          type =
              conn.runtime()
                  .rewriter()
                  .catalog()
                  .table(table)
                  .flatMap(t -> t.column(column))
                  .map(c -> MysqlColumnType.parse(c.mysqlType()))
                  .orElse(null);
        }
      }
      if (type == null && expressions != null && expressions.get(i - 1) != null) {
        type =
            ExpressionTypes.of(
                expressions.get(i - 1), meta.getColumnTypeName(i), this::catalogColumnType);
      }
      types.add(type);
    }
    return types;
  }

  /** Which computed columns MySQL reports as never NULL (null: PostgreSQL's answer for all). */
  private List<Boolean> notNull(List<net.sf.jsqlparser.expression.Expression> expressions) {
    if (expressions == null) {
      return null;
    }
    // a column an outer join may fill with NULL is nullable whatever its table says
    java.util.Set<String> outerJoined = MysqlResultLabels.outerJoinedTables(currentSql);
    java.util.function.Predicate<net.sf.jsqlparser.schema.Column> notNullColumn =
        c -> {
          if (outerJoined == null) {
            return false;
          }
          if (!outerJoined.isEmpty()) {
            String q =
                c.getTable() == null || c.getTable().getName() == null
                    ? null
                    : MysqlResultLabels.unquoted(c.getTable().getName());
            if (q == null || outerJoined.contains(q)) {
              return false;
            }
          }
          io.dualwrite.rewriter.ColumnInfo info = catalogColumn(c);
          return info != null && !info.nullable();
        };
    List<Boolean> out = new ArrayList<>(expressions.size());
    for (net.sf.jsqlparser.expression.Expression e : expressions) {
      out.add(e != null && ExpressionTypes.neverNull(e, notNullColumn));
    }
    return out;
  }

  /**
   * The MySQL type of a column reference of the running read: {@code table.column} when the
   * qualifier names a table it reads, else the one table it reads that has such a column.
   */
  private MysqlColumnType catalogColumnType(net.sf.jsqlparser.schema.Column column) {
    io.dualwrite.rewriter.ColumnInfo info = catalogColumn(column);
    return info == null ? null : MysqlColumnType.parse(info.mysqlType());
  }

  private io.dualwrite.rewriter.ColumnInfo catalogColumn(net.sf.jsqlparser.schema.Column column) {
    if (currentTranslation == null) {
      return null;
    }
    String name = MysqlResultLabels.unquote(column.getColumnName()).toLowerCase(Locale.ROOT);
    Set<String> tables = currentTranslation.tablesRead();
    if (column.getTable() != null && column.getTable().getName() != null) {
      String qualifier =
          MysqlResultLabels.unquote(column.getTable().getName()).toLowerCase(Locale.ROOT);
      if (tables.contains(qualifier)) {
        tables = Set.of(qualifier);
      }
    }
    io.dualwrite.rewriter.ColumnInfo found = null;
    for (String table : tables) {
      Optional<io.dualwrite.rewriter.ColumnInfo> info =
          conn.runtime().rewriter().catalog().table(table).flatMap(t -> t.column(name));
      if (info.isPresent()) {
        if (found != null) {
          return null; // ambiguous without resolving aliases
        }
        found = info.get();
      }
    }
    return found;
  }

  // ------------------------------------------------------------------------------- writes

  private void runWrite(Translation t, Bind[] binds, boolean appWantsKeys) throws SQLException {
    DriverRuntime runtime = conn.runtime();
    Side auth = conn.authoritativeSide();
    boolean mirror = conn.phase().mirrorsWrites();
    if (t.isRefused()) {
      if (auth == Side.POSTGRES) {
        recordUntranslatableWrite(t, false);
        throw refusedOnPostgres(t);
      }
      Connection mysql = conn.sides().get(Side.MYSQL);
      updateCount =
          executeWrite(
              Side.MYSQL, mysql, t.mysqlSql(), binds, identity(binds), null, appWantsKeys, null);
      conn.noteWrite(t.tablesWritten());
      recordUntranslatableWrite(t, mirror);
      return;
    }

    Connection authConn = conn.sides().get(auth);
    Object[] computed = null;
    PinnedStatement pinned = t.pinned();
    if (pinned != null) {
      computed =
          t.nonDeterministicCalls().isEmpty()
              ? new Object[0] // pinned for another reason (a key order added to LIMIT)
              : ValuePinner.compute(
                  t.nonDeterministicCalls(),
                  clock().offset(mysqlForClock()),
                  this::mysqlLastInsertId);
    }
    AutoIncrement ai = t.autoIncrement();
    boolean keysForMirror = mirror && ai != null && !ai.suppliedByStatement();
    // PostgreSQL authoritative and the application writing its own ids: MySQL would move its
    // AUTO_INCREMENT past them, so PostgreSQL's sequence is moved too (the ids come back through
    // RETURNING).
    boolean explicitIdsOnPostgres = auth == Side.POSTGRES && ai != null && ai.suppliedByStatement();
    boolean wantKeys = appWantsKeys || keysForMirror || explicitIdsOnPostgres;
    boolean noKeys = auth == Side.POSTGRES && ai == null && t.kind().isWrite();
    if (noKeys) {
      wantKeys = false; // see noGeneratedKeys
    }
    String keyColumn = auth == Side.POSTGRES && ai != null ? ai.column() : null;

    String sql;
    int[] sources;
    Object[] values = null;
    if (auth == Side.MYSQL) {
      sql = pinned != null ? pinned.mysqlSql() : t.mysqlSql();
      sources = pinned != null ? appSources(pinned.mysqlBindings()) : identity(binds);
      if (pinned != null) {
        values = computedValues(pinned.mysqlBindings(), computed);
      }
    } else {
      sql = pinned != null ? pinned.postgresSql() : t.postgresSql();
      sources = pinned != null ? appSources(pinned.postgresBindings()) : t.parameterMap();
      if (pinned != null) {
        values = computedValues(pinned.postgresBindings(), computed);
      }
    }
    boolean ddlInTransaction = t.kind() == StatementKind.DDL && !conn.sides().autoCommit();
    if (ddlInTransaction && mirror) {
      commitMirrorBeforeDdl();
    }
    boolean holdLocks = mirror && raceCouldGoUnnoticed(t) && holdLocksUntilMirrored(authConn);
    long count;
    try {
      count =
          t.kind() == StatementKind.DDL && auth == Side.POSTGRES
              ? runtime.postgresDdl().execute(authConn, sql)
              : executeWrite(auth, authConn, sql, binds, sources, values, wantKeys, keyColumn);
    } catch (SQLException | RuntimeException e) {
      if (holdLocks) {
        endHeldTransaction(auth, authConn, true, e);
      }
      throw e;
    }
    updateCount = count;
    if (noKeys && appWantsKeys) {
      generatedKeys = noGeneratedKeys();
    }
    try {
      List<Object> keys = wantKeys ? readKeys() : null;
      if (explicitIdsOnPostgres && keys != null) {
        runtime.sequences().afterExplicitKeys(authConn, ai.table(), ai.column(), keys);
      }
      conn.noteWrite(t.tablesWritten());
      if (mirror) {
        long mirrored = mirrorWrite(t, binds, computed, keys, count);
        if (auth == Side.POSTGRES
            && mirrored >= 0
            && (t.kind() == StatementKind.UPSERT || t.kind() == StatementKind.REPLACE)
            && countsAgree(t.kind(), count, mirrored)) {
          // The application expects MySQL's affected-row count for an upsert (2 for an updated
          // row, 1 for an inserted one), which PostgreSQL does not give; MySQL, the mirror, did.
          updateCount = mirrored;
        }
      }
    } finally {
      if (holdLocks) {
        commitHeldTransaction(t, auth, authConn);
      }
    }
    if (t.kind() == StatementKind.DDL) {
      runtime.schemaChanged(); // after the mirror: in PG_PRIMARY MySQL runs the DDL second
    }
    if (ddlInTransaction) {
      // MySQL committed implicitly before and after the DDL; so does the mirror now.
      Connection other = conn.sides().ifOpen(auth.other());
      if (other != null && !other.getAutoCommit()) {
        try {
          other.commit();
        } catch (SQLException e) {
          conn.mirrorFailed(auth.other(), 0, e);
        }
      }
      conn.noteTransactionEnd();
    }
  }

  /**
   * Whether another connection's write slipped in between this write's authoritative commit and its
   * mirror could leave the sides different without either statement noticing. Not so for a plain
   * {@code INSERT ... VALUES} (no table read): until the mirror lands the new row exists on the
   * authoritative side only, so a racing statement that touches it changes a different number of
   * rows on each side, which is recorded with drift. Updates, deletes, upserts, REPLACE, INSERT
   * IGNORE and INSERT ... SELECT can be reordered silently (same counts, different values).
   */
  private static boolean raceCouldGoUnnoticed(Translation t) {
    StatementKind kind = t.kind();
    return kind.isWrite() && !(kind == StatementKind.INSERT && t.tablesRead().isEmpty());
  }

  /**
   * In autocommit mode the authoritative side would commit, and release its row locks, before the
   * mirror runs; another connection could then change the same row on both sides in between, and
   * the two databases would apply the changes in different orders (for {@code v = v + 1} after a
   * repair, or two absolute updates, the rows end different). So a mirrored autocommit write runs
   * in a transaction on the authoritative side that commits once the mirror ran: the row locks
   * order writers the same way on both sides, as they do inside application transactions. Costs two
   * round trips on MySQL ({@code SET autocommit=0/1}), one on PostgreSQL ({@code COMMIT}).
   *
   * @return whether a transaction was opened (the connection is autocommitting)
   */
  private boolean holdLocksUntilMirrored(Connection authConn) throws SQLException {
    if (!conn.autoCommitting()) {
      return false;
    }
    authConn.setAutoCommit(false);
    return true;
  }

  /**
   * Commits the authoritative side's transaction opened by {@link #holdLocksUntilMirrored} and
   * restores autocommit. When the write failed, MySQL keeps what autocommit would have kept (a
   * statement is atomic on its own, a batch keeps its rows that succeeded), while PostgreSQL's
   * transaction is aborted and rolled back, as its implicit transaction would have been.
   */
  private void endHeldTransaction(Side auth, Connection authConn, boolean failed, Exception cause)
      throws SQLException {
    try {
      if (failed && auth == Side.POSTGRES) {
        authConn.rollback();
      }
      authConn.setAutoCommit(true); // commits
    } catch (SQLException e) {
      if (cause != null) {
        cause.addSuppressed(e);
        return;
      }
      throw e;
    }
  }

  /** Ends the held transaction after the mirror ran; a failed commit there leaves drift. */
  private void commitHeldTransaction(Translation t, Side auth, Connection authConn)
      throws SQLException {
    try {
      endHeldTransaction(auth, authConn, false, null);
    } catch (SQLException e) {
      conn.runtime()
          .recorder()
          .record(
              DiscrepancyKind.COMMIT_FAILED,
              t.mysqlSql(),
              "the "
                  + auth
                  + " commit failed after the write was mirrored to "
                  + auth.other()
                  + ": "
                  + e.getMessage(),
              t.tablesWritten(),
              List.of(),
              true);
      throw e;
    }
  }

  private void commitMirrorBeforeDdl() {
    Connection other = conn.sides().ifOpen(conn.authoritativeSide().other());
    if (other == null) {
      return;
    }
    try {
      if (!other.getAutoCommit()) {
        other.commit();
      }
    } catch (SQLException e) {
      conn.mirrorFailed(conn.authoritativeSide().other(), 0, e);
    }
  }

  /** Mirrors one write; returns the other side's update count, or -1 if it did not run. */
  private long mirrorWrite(
      Translation t, Bind[] binds, Object[] computed, List<Object> keys, long authCount) {
    DriverRuntime runtime = conn.runtime();
    Side other = conn.authoritativeSide().other();
    Set<String> tables = t.tablesWritten();
    List<String> keyStrings = keyStrings(keys);
    Connection oc = conn.mirrorConnection();
    if (oc == null) {
      runtime.metrics().mirrorFailure();
      runtime
          .recorder()
          .record(
              DiscrepancyKind.MIRROR_SKIPPED,
              t.mysqlSql(),
              other + " side unavailable (circuit breaker open or connection failed)",
              tables,
              keyStrings,
              true);
      return -1;
    }
    AutoIncrement ai = t.autoIncrement();
    PinnedStatement pinned = t.pinned();
    boolean keysNeeded = ai != null && !ai.suppliedByStatement();
    String notReadBack = null;
    if (keysNeeded
        && keys != null
        && !keys.isEmpty()
        && (readBackWanted(t, authCount) || spreadKeys(t, other, keys, authCount))) {
      InsertedRowsMirror.ReadBack read = readBack(t, keys, authCount);
      if (read.rows() != null) {
        return mirrorReadBack(t, oc, read, keys.get(0), authCount, keyStrings);
      }
      notReadBack = read.reason();
    }
    if (keysNeeded && t.kind() == StatementKind.INSERT_IGNORE && keys != null) {
      if (authCount == 0) {
        keysNeeded = false; // every row was ignored: nothing was inserted, no key generated
      } else if (authCount < ai.rowCount()) {
        keys = null; // some rows were ignored: which keys belong to which rows is unknown
      }
    }
    if (keysNeeded && t.kind() == StatementKind.UPSERT && keys != null) {
      // Connector/J reports one "key" per affected-row count of an upsert (an updated row counts
      // 2), so only what the count proves was inserted is a key to write.
      if (ai.rowCount() == 1) {
        if (authCount >= 2 || keys.isEmpty()) {
          keysNeeded = false; // the existing row was updated: no key was generated
        } else {
          keys = keys.subList(0, 1);
        }
      } else if (authCount == ai.rowCount() && keys.size() >= ai.rowCount()) {
        keys = keys.subList(0, ai.rowCount()); // every row was inserted
      }
    }
    boolean keysWritten = !keysNeeded;
    boolean withKeys =
        keysNeeded
            && keys != null
            && other == Side.POSTGRES
            && ai.postgresSqlWithKeys() != null
            && keys.size() == ai.rowCount();
    Long insertId = null;
    String sql;
    Object[] values;
    int[] sources;
    if (withKeys) {
      sql = ai.postgresSqlWithKeys();
      List<KeyBinding> kb = ai.postgresKeyBindings();
      sources = new int[kb.size()];
      values = new Object[kb.size()];
      for (int i = 0; i < kb.size(); i++) {
        KeyBinding b = kb.get(i);
        if (b instanceof KeyBinding.AppParameter p) {
          sources[i] = p.index();
        } else if (b instanceof KeyBinding.ComputedValue v) {
          sources[i] = -1;
          values[i] = computed[v.callIndex()];
        } else if (b instanceof KeyBinding.GeneratedKey g) {
          sources[i] = -1;
          values[i] = keys.get(g.row());
        }
      }
      keysWritten = true;
    } else {
      if (keysNeeded && other == Side.MYSQL && consecutive(keys)) {
        // MySQL takes the next AUTO_INCREMENT value from insert_id: the first of PostgreSQL's
        // keys, the following rows get the next ones.
        insertId = ((Number) keys.get(0)).longValue();
        keysWritten = true;
      }
      if (pinned != null) {
        List<Binding> bindings =
            other == Side.POSTGRES ? pinned.postgresBindings() : pinned.mysqlBindings();
        sql = other == Side.POSTGRES ? pinned.postgresSql() : pinned.mysqlSql();
        sources = appSources(bindings);
        values = computedValues(bindings, computed);
      } else {
        sql = other == Side.POSTGRES ? t.postgresSql() : t.mysqlSql();
        sources = other == Side.POSTGRES ? t.parameterMap() : identity(binds);
        values = null;
      }
    }
    long start = System.nanoTime();
    long count;
    try {
      if (insertId != null) {
        try (Statement s = oc.createStatement()) {
          s.execute("SET insert_id = " + insertId);
        }
      }
      // The application wrote its own ids: MySQL moved its AUTO_INCREMENT past them, so
      // PostgreSQL's sequence must move too, or a later PG_PRIMARY would generate them again.
      boolean explicitIds =
          other == Side.POSTGRES && ai != null && ai.suppliedByStatement() && t.kind().isWrite();
      List<Object> explicitKeys = explicitIds ? new ArrayList<>() : null;
      count =
          t.kind() == StatementKind.DDL && other == Side.POSTGRES
              ? runtime.postgresDdl().execute(oc, sql)
              : executeMirror(
                  other,
                  oc,
                  sql,
                  binds,
                  sources,
                  values,
                  explicitIds ? ai.column() : null,
                  explicitKeys);
      if (withKeys) {
        runtime.sequences().afterExplicitKeys(oc, ai.table(), ai.column(), keys);
      } else if (explicitIds && !explicitKeys.isEmpty()) {
        runtime.sequences().afterExplicitKeys(oc, ai.table(), ai.column(), explicitKeys);
      }
      conn.mirrorSucceeded(other, System.nanoTime() - start);
    } catch (SQLException e) {
      conn.mirrorFailed(other, System.nanoTime() - start, e);
      recordMirrorFailure(t.mysqlSql(), other, e, tables, keyStrings, true);
      return -1;
    }
    if (!countsAgree(t.kind(), authCount, count)) {
      runtime
          .recorder()
          .record(
              DiscrepancyKind.ROW_COUNT_MISMATCH,
              t.mysqlSql(),
              conn.authoritativeSide() + " changed " + authCount + " rows, " + other + " " + count,
              tables,
              keyStrings,
              true);
    } else if (!keysWritten) {
      runtime
          .recorder()
          .record(
              DiscrepancyKind.MIRROR_FAILED,
              t.mysqlSql(),
              "generated keys could not be written explicitly on the "
                  + other
                  + " side; its keys may differ"
                  + (notReadBack == null ? "" : " (rows not read back: " + notReadBack + ")"),
              tables,
              keyStrings,
              true);
    }
    return count;
  }

  /**
   * Whether a write's generated keys cannot be matched to its rows, so the rows it inserted are
   * read back and written explicitly on the other side ({@link InsertedRowsMirror}): {@code INSERT
   * ... SELECT}, and an {@code INSERT IGNORE} that skipped rows or selects its rows.
   */
  private static boolean readBackWanted(Translation t, long authCount) {
    AutoIncrement ai = t.autoIncrement();
    if (authCount <= 0) {
      return false;
    }
    return switch (t.kind()) {
      case INSERT -> ai.rowCount() == 0;
      case INSERT_IGNORE -> ai.rowCount() == 0 || authCount < ai.rowCount();
      default -> false;
    };
  }

  /**
   * A multi-row {@code INSERT ... VALUES} whose PostgreSQL keys are not consecutive (another
   * session's inserts took sequence values in between): MySQL can take only a first key ({@code
   * insert_id}), so the rows are read back by their keys and written with them.
   */
  private static boolean spreadKeys(Translation t, Side other, List<Object> keys, long authCount) {
    return other == Side.MYSQL
        && t.kind() == StatementKind.INSERT
        && t.autoIncrement().rowCount() > 1
        && authCount == keys.size()
        && !consecutive(keys);
  }

  /** Reads back, on the authoritative side, the rows the write inserted. */
  private InsertedRowsMirror.ReadBack readBack(Translation t, List<Object> keys, long authCount) {
    AutoIncrement ai = t.autoIncrement();
    Optional<io.dualwrite.rewriter.TableInfo> table =
        conn.runtime().rewriter().catalog().table(ai.table());
    if (table.isEmpty()) {
      return InsertedRowsMirror.ReadBack.notProven("table " + ai.table() + " not in the catalog");
    }
    Side auth = conn.authoritativeSide();
    long start = System.nanoTime();
    try {
      Connection authConn = conn.sides().get(auth);
      if (auth == Side.POSTGRES) {
        return InsertedRowsMirror.readPostgres(authConn, table.get(), keys);
      }
      long sent = ai.rowCount() == 0 ? authCount : ai.rowCount();
      if (t.kind() == StatementKind.INSERT_IGNORE && ai.rowCount() == 0) {
        return InsertedRowsMirror.ReadBack.notProven(
            "the number of rows an INSERT IGNORE ... SELECT tried to insert is unknown");
      }
      if (ai.rowCount() > 0 && generatedKeyRows(ai) != ai.rowCount()) {
        return InsertedRowsMirror.ReadBack.notProven(
            "some rows give the AUTO_INCREMENT column a value");
      }
      if (!(keys.get(0) instanceof Number first)
          || first.longValue() <= 0
          || new java.math.BigDecimal(first.toString()).compareTo(MAX_LONG) > 0) {
        return InsertedRowsMirror.ReadBack.notProven("first generated key " + keys.get(0));
      }
      return InsertedRowsMirror.readMysql(
          authConn, table.get(), first.longValue(), sent, authCount, ai.rowCount() == 0);
    } catch (SQLException e) {
      return InsertedRowsMirror.ReadBack.notProven(
          "reading them failed: " + e.getSQLState() + " " + Redaction.oneLine(e.getMessage()));
    } finally {
      conn.runtime().metrics().statement(auth, System.nanoTime() - start);
    }
  }

  private static final java.math.BigDecimal MAX_LONG = java.math.BigDecimal.valueOf(Long.MAX_VALUE);

  /** How many VALUES rows of the insert leave the AUTO_INCREMENT column to be generated. */
  private static int generatedKeyRows(AutoIncrement ai) {
    int n = 0;
    for (KeyBinding b : ai.postgresKeyBindings()) {
      if (b instanceof KeyBinding.GeneratedKey) {
        n++;
      }
    }
    return n;
  }

  /**
   * Writes the rows read back on the other side, every column explicit. PostgreSQL's sequence is
   * then kept ahead of MySQL's keys; MySQL's {@code LAST_INSERT_ID()} is set to PostgreSQL's first
   * key, as MySQL would have set it had it generated the keys itself.
   */
  private long mirrorReadBack(
      Translation t,
      Connection oc,
      InsertedRowsMirror.ReadBack read,
      Object lastInsertId,
      long authCount,
      List<String> keyStrings) {
    DriverRuntime runtime = conn.runtime();
    Side other = conn.authoritativeSide().other();
    AutoIncrement ai = t.autoIncrement();
    long start = System.nanoTime();
    long count;
    try {
      count = InsertedRowsMirror.write(oc, other == Side.POSTGRES, read);
      if (other == Side.POSTGRES) {
        runtime.sequences().afterExplicitKeys(oc, ai.table(), ai.column(), read.keys());
      } else {
        try (PreparedStatement ps = oc.prepareStatement("DO LAST_INSERT_ID(?)")) {
          ps.setLong(1, ((Number) lastInsertId).longValue());
          ps.execute();
        }
      }
      conn.mirrorSucceeded(other, System.nanoTime() - start);
    } catch (SQLException e) {
      conn.mirrorFailed(other, System.nanoTime() - start, e);
      recordMirrorFailure(t.mysqlSql(), other, e, t.tablesWritten(), keyStrings, true);
      return -1;
    } finally {
      runtime.metrics().statement(other, System.nanoTime() - start);
    }
    if (!countsAgree(t.kind(), authCount, count)) {
      runtime
          .recorder()
          .record(
              DiscrepancyKind.ROW_COUNT_MISMATCH,
              t.mysqlSql(),
              conn.authoritativeSide() + " changed " + authCount + " rows, " + other + " " + count,
              t.tablesWritten(),
              keyStrings,
              true);
    }
    return count;
  }

  /**
   * A write the rewriter refused: one discrepancy, with drift on its tables when asked (a statement
   * that could not even be parsed names no table: then any table may differ).
   */
  private void recordUntranslatableWrite(Translation t, boolean drift) {
    Set<String> tables =
        drift && t.tablesWritten().isEmpty() ? Set.of(DriftTracker.ALL_TABLES) : t.tablesWritten();
    conn.runtime()
        .recorder()
        .record(
            DiscrepancyKind.UNTRANSLATABLE,
            t.mysqlSql(),
            t.refusal().code() + ": " + t.refusal().reason(),
            tables,
            List.of(),
            drift);
  }

  /** A mirrored statement failed on {@code other}: one discrepancy, with drift when asked. */
  private void recordMirrorFailure(
      String sql,
      Side other,
      SQLException e,
      Set<String> tables,
      List<String> keys,
      boolean drift) {
    conn.runtime()
        .recorder()
        .record(
            DiscrepancyKind.MIRROR_FAILED,
            sql,
            other + " side: " + e.getSQLState() + " " + Redaction.oneLine(e.getMessage()),
            tables,
            keys,
            drift);
  }

  /** Whether {@code keys} are numbers each one more than the last (one multi-row insert). */
  private static boolean consecutive(List<Object> keys) {
    if (keys == null || keys.isEmpty() || !(keys.get(0) instanceof Number)) {
      return false;
    }
    long first = ((Number) keys.get(0)).longValue();
    for (int i = 1; i < keys.size(); i++) {
      if (!(keys.get(i) instanceof Number n) || n.longValue() != first + i) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the two update counts describe the same change. Upserts and REPLACE count an updated
   * row twice in MySQL and once in PostgreSQL, so only "something" vs "nothing" is compared.
   */
  static boolean countsAgree(StatementKind kind, long authoritative, long mirrored) {
    return switch (kind) {
      case INSERT, UPDATE, DELETE, INSERT_IGNORE -> authoritative == mirrored;
      case UPSERT, REPLACE -> (authoritative > 0) == (mirrored > 0);
      default -> true;
    };
  }

  private long executeWrite(
      Side side,
      Connection c,
      String sql,
      Bind[] binds,
      int[] sources,
      Object[] computed,
      boolean keys,
      String keyColumn)
      throws SQLException {
    long start = System.nanoTime();
    try {
      if (binds == null && computed == null && !hasParameters(sources)) {
        Statement s = plainOn(side, c);
        long n =
            keys
                ? (keyColumn != null
                    ? s.executeLargeUpdate(sql, new String[] {keyColumn})
                    : s.executeLargeUpdate(sql, Statement.RETURN_GENERATED_KEYS))
                : executeAny(s, sql);
        lastVendor = s;
        return n;
      }
      PreparedStatement ps = preparedOn(side, c, sql, keys, keyColumn);
      apply(ps, binds, sources, computed, side);
      long n = ps.executeLargeUpdate();
      lastVendor = ps;
      return n;
    } finally {
      conn.runtime().metrics().statement(side, System.nanoTime() - start);
    }
  }

  /** DDL and other statements may return a result set; their update count is what we want. */
  private static long executeAny(Statement s, String sql) throws SQLException {
    boolean isResult = s.execute(sql);
    return isResult ? -1 : s.getLargeUpdateCount();
  }

  private long executeMirror(
      Side side, Connection c, String sql, Bind[] binds, int[] sources, Object[] values)
      throws SQLException {
    return executeMirror(side, c, sql, binds, sources, values, null, null);
  }

  /**
   * Runs a mirror statement; with {@code keyColumn}, asks the side for that column of the rows
   * written (PostgreSQL's RETURNING) and adds them to {@code keysOut}.
   */
  private long executeMirror(
      Side side,
      Connection c,
      String sql,
      Bind[] binds,
      int[] sources,
      Object[] values,
      String keyColumn,
      List<Object> keysOut)
      throws SQLException {
    long start = System.nanoTime();
    try {
      Statement ran;
      long count;
      if (binds == null && values == null && !hasParameters(sources)) {
        Statement s = plainOn(side, c);
        count =
            keyColumn == null
                ? executeAny(s, sql)
                : s.executeLargeUpdate(sql, new String[] {keyColumn});
        ran = s;
      } else {
        PreparedStatement ps = preparedOn(side, c, sql, keyColumn != null, keyColumn);
        apply(ps, binds, sources, values, side);
        count = ps.executeLargeUpdate();
        ran = ps;
      }
      if (keyColumn != null) {
        try (ResultSet keys = ran.getGeneratedKeys()) {
          while (keys != null && keys.next()) {
            keysOut.add(keys.getObject(1));
          }
        }
      }
      return count;
    } finally {
      conn.runtime().metrics().statement(side, System.nanoTime() - start);
    }
  }

  /**
   * Reads the generated keys of the last execution for the mirror, and keeps them for the
   * application's {@code getGeneratedKeys()}: the vendor's own result set rewound when it can be
   * (Connector/J's is in memory), else an in-memory copy.
   */
  private List<Object> readKeys() throws SQLException {
    ResultSet rs = lastVendor.getGeneratedKeys();
    List<Object> keys = new ArrayList<>();
    if (rs == null) {
      return keys;
    }
    if (rs.getMetaData().getColumnCount() == 0) {
      rs.close(); // a driver with nothing generated may answer with no columns at all
      return keys;
    }
    if (rs.getType() != ResultSet.TYPE_FORWARD_ONLY) {
      while (rs.next()) {
        keys.add(rs.getObject(1));
      }
      rs.beforeFirst();
      generatedKeys = new DualWriteResultSet(rs, owner);
      return keys;
    }
    CachedRowSet copy = materialize(rs);
    while (copy.next()) {
      keys.add(copy.getObject(1));
    }
    copy.beforeFirst();
    if (conn.authoritativeSide() == Side.POSTGRES && copy.getMetaData().getColumnCount() == 1) {
      // PostgreSQL's RETURNING of the AUTO_INCREMENT column, shown as Connector/J shows keys.
      generatedKeys = new MysqlLookingResultSet(copy, GENERATED_KEY_TYPE, GENERATED_KEY, owner);
    } else {
      generatedKeys = new DualWriteResultSet(copy, owner);
    }
    return keys;
  }

  /**
   * What Connector/J returns for a write that generated no key (no AUTO_INCREMENT column, or an
   * UPDATE/DELETE): an empty {@code GENERATED_KEY} result. PostgreSQL, asked for keys, would return
   * whole rows ({@code RETURNING *}).
   */
  private ResultSet noGeneratedKeys() throws SQLException {
    CachedRowSet empty = RowSets.FACTORY.createCachedRowSet();
    javax.sql.rowset.RowSetMetaDataImpl meta = new javax.sql.rowset.RowSetMetaDataImpl();
    meta.setColumnCount(1);
    meta.setColumnName(1, "GENERATED_KEY");
    meta.setColumnLabel(1, "GENERATED_KEY");
    meta.setColumnType(1, java.sql.Types.BIGINT);
    meta.setColumnTypeName(1, "BIGINT UNSIGNED");
    empty.setMetaData(meta);
    return new DualWriteResultSet(empty, owner);
  }

  /** Connector/J's generated keys: one column {@code GENERATED_KEY}, {@code BIGINT UNSIGNED}. */
  private static final List<String> GENERATED_KEY = List.of("GENERATED_KEY");

  private static final List<MysqlColumnType> GENERATED_KEY_TYPE =
      List.of(MysqlColumnType.parse("bigint unsigned"));

  private static List<String> keyStrings(List<Object> keys) {
    if (keys == null || keys.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(keys.size());
    for (Object k : keys) {
      out.add(String.valueOf(k));
    }
    return out;
  }

  // ------------------------------------------------------------------------------- batches

  /**
   * Runs a prepared-statement batch: as one batch on the authoritative side, then the rows that
   * succeeded as one batch on the other side, with per-row update counts compared. Rows of a
   * statement with non-deterministic calls each get their own computed values, as each row is one
   * execution in MySQL.
   */
  long[] runBatch(String sql, List<Bind[]> rows) throws SQLException {
    conn.beforeStatement();
    closeResults();
    if (rows.isEmpty()) {
      return new long[0];
    }
    Translation t = translate(sql);
    if (!t.kind().isWrite() && t.kind() != StatementKind.DDL && t.kind() != StatementKind.OTHER) {
      throw new SQLException(
          "Batches may hold only statements that return no result set.", "S1009");
    }
    if (!t.isRefused() && ValuePinner.needsSession(t.nonDeterministicCalls())) {
      return runRowByRow(sql, rows);
    }
    Side auth = conn.authoritativeSide();
    Side other = auth.other();
    boolean mirror = conn.phase().mirrorsWrites();
    DriverRuntime runtime = conn.runtime();
    if (t.isRefused() && auth == Side.POSTGRES) {
      throw refusedOnPostgres(t);
    }
    PinnedStatement pinned = t.isRefused() ? null : t.pinned();
    AutoIncrement ai = t.isRefused() ? null : t.autoIncrement();
    boolean keysForMirror = mirror && ai != null && !ai.suppliedByStatement();
    boolean noKeys = auth == Side.POSTGRES && ai == null && t.kind().isWrite();
    boolean wantKeys = (options.appWantsKeys() || keysForMirror) && !noKeys;
    String keyColumn = auth == Side.POSTGRES && ai != null ? ai.column() : null;
    String authSql;
    int[] authSources;
    if (auth == Side.MYSQL) {
      authSql = pinned != null ? pinned.mysqlSql() : t.mysqlSql();
      authSources = pinned != null ? appSources(pinned.mysqlBindings()) : identity(rows.get(0));
    } else {
      authSql = pinned != null ? pinned.postgresSql() : t.postgresSql();
      authSources = pinned != null ? appSources(pinned.postgresBindings()) : t.parameterMap();
    }
    List<Object[]> computed = new ArrayList<>(rows.size());
    Connection authConn = conn.sides().get(auth);
    PreparedStatement ps = preparedOn(auth, authConn, authSql, wantKeys, keyColumn);
    for (Bind[] row : rows) {
      Object[] values = null;
      if (pinned != null) {
        Object[] calls =
            t.nonDeterministicCalls().isEmpty()
                ? new Object[0]
                : ValuePinner.compute(t.nonDeterministicCalls(), clock().offset(mysqlForClock()));
        values =
            computedValues(
                auth == Side.MYSQL ? pinned.mysqlBindings() : pinned.postgresBindings(), calls);
        computed.add(calls);
      }
      apply(ps, row, authSources, values, auth);
      ps.addBatch();
    }
    long[] counts;
    SQLException failure = null;
    boolean holdLocks =
        mirror && !t.isRefused() && raceCouldGoUnnoticed(t) && holdLocksUntilMirrored(authConn);
    long start = System.nanoTime();
    try {
      counts = ps.executeLargeBatch();
    } catch (java.sql.BatchUpdateException e) {
      failure = e;
      counts = e.getLargeUpdateCounts();
    } catch (SQLException | RuntimeException e) {
      if (holdLocks) {
        endHeldTransaction(auth, authConn, true, e);
      }
      throw e;
    } finally {
      runtime.metrics().statement(auth, System.nanoTime() - start);
    }
    lastVendor = ps;
    if (noKeys && options.appWantsKeys()) {
      generatedKeys = noGeneratedKeys();
    }
    if (failure != null && holdLocks && auth == Side.POSTGRES) {
      // PostgreSQL aborted the transaction: none of the batch stays (as in its implicit
      // transaction in autocommit mode), so there is nothing to mirror.
      endHeldTransaction(auth, authConn, true, failure);
      throw failure;
    }
    try {
      List<Object> keys = null;
      if (wantKeys && failure == null) {
        keys = readKeys();
      }
      conn.noteWrite(t.tablesWritten());
      if (mirror) {
        if (t.isRefused()) {
          recordUntranslatableWrite(t, true);
        } else {
          mirrorBatch(t, rows, computed, counts, keys);
        }
      }
    } finally {
      if (holdLocks) {
        commitHeldTransaction(t, auth, authConn);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return counts;
  }

  /**
   * A batch whose statement uses {@code LAST_INSERT_ID()}: each row sees the value the previous row
   * left (an insert into an AUTO_INCREMENT table changes it), so rows run one at a time, each
   * written and mirrored like a single execution. Stops at the first failing row.
   */
  private long[] runRowByRow(String sql, List<Bind[]> rows) throws SQLException {
    long[] counts = new long[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      try {
        run(sql, rows.get(i), Mode.UPDATE, options.appWantsKeys());
      } catch (SQLException e) {
        throw new java.sql.BatchUpdateException(
            e.getMessage(),
            e.getSQLState(),
            e.getErrorCode(),
            java.util.Arrays.copyOf(counts, i),
            e);
      }
      counts[i] = updateCount;
    }
    return counts;
  }

  /**
   * MySQL's {@code LAST_INSERT_ID()} for this connection, for a write that uses it: the value is
   * read from MySQL (authoritative, or the mirror that received PostgreSQL's keys through {@code
   * insert_id}) and bound on both sides.
   */
  private long mysqlLastInsertId() throws SQLException {
    if (!conn.phase().usesMysql()) {
      throw new SQLSyntaxErrorException(
          "LAST_INSERT_ID() is MySQL's session value; MySQL is no longer used in phase "
              + conn.phase()
              + ".",
          "42000",
          1064);
    }
    boolean usable =
        conn.authoritativeSide() == Side.MYSQL || conn.runtime().health().isClosed(Side.MYSQL);
    Connection mysql = usable ? conn.sides().get(Side.MYSQL) : null;
    if (mysql == null) {
      throw new SQLException(
          "LAST_INSERT_ID() needs MySQL's session value, and MySQL is unavailable.", "08S01");
    }
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SELECT LAST_INSERT_ID()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void mirrorBatch(
      Translation t,
      List<Bind[]> rows,
      List<Object[]> computed,
      long[] authCounts,
      List<Object> keys) {
    DriverRuntime runtime = conn.runtime();
    Side other = conn.authoritativeSide().other();
    Set<String> tables = t.tablesWritten();
    Connection oc = conn.mirrorConnection();
    if (oc == null) {
      runtime.metrics().mirrorFailure();
      runtime
          .recorder()
          .record(
              DiscrepancyKind.MIRROR_SKIPPED,
              t.mysqlSql(),
              other + " side unavailable (circuit breaker open or connection failed)",
              tables,
              keyStrings(keys),
              true);
      return;
    }
    AutoIncrement ai = t.autoIncrement();
    PinnedStatement pinned = t.pinned();
    String notReadBack = null;
    if (ai != null
        && !ai.suppliedByStatement()
        && keys != null
        && batchReadBackWanted(t, authCounts)) {
      long total = 0;
      Object lastInsertId = null;
      int offset = 0;
      for (long n : authCounts) {
        if (n > 0) {
          total += n;
          lastInsertId = offset < keys.size() ? keys.get(offset) : null;
          offset += (int) Math.min(n, Integer.MAX_VALUE);
        }
      }
      InsertedRowsMirror.ReadBack read = readBackBatch(t, keys, authCounts);
      if (read.rows() != null) {
        mirrorReadBack(t, oc, read, lastInsertId, total, keyStrings(keys));
        return;
      }
      notReadBack = read.reason();
    }
    int succeeded = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (i < authCounts.length && authCounts[i] != Statement.EXECUTE_FAILED) {
        succeeded++;
      }
    }
    boolean withKeys =
        ai != null
            && !ai.suppliedByStatement()
            && other == Side.POSTGRES
            && ai.postgresSqlWithKeys() != null
            && ai.rowCount() == 1
            && keys != null
            && keys.size() == succeeded;
    boolean insertIds =
        ai != null
            && !ai.suppliedByStatement()
            && other == Side.MYSQL
            && keys != null
            && keys.size() == succeeded;
    String sql;
    if (withKeys) {
      sql = ai.postgresSqlWithKeys();
    } else if (pinned != null) {
      sql = other == Side.POSTGRES ? pinned.postgresSql() : pinned.mysqlSql();
    } else {
      sql = other == Side.POSTGRES ? t.postgresSql() : t.mysqlSql();
    }
    long start = System.nanoTime();
    long[] counts;
    List<Integer> mirroredRows = new ArrayList<>();
    List<Long> singleCounts = new ArrayList<>();
    try {
      PreparedStatement ps = preparedOn(other, oc, sql, false, null);
      int keyIndex = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (i >= authCounts.length || authCounts[i] == Statement.EXECUTE_FAILED) {
          continue;
        }
        Bind[] row = rows.get(i);
        Object[] calls = pinned != null ? computed.get(i) : null;
        int[] sources;
        Object[] values;
        if (withKeys) {
          List<KeyBinding> kb = ai.postgresKeyBindings();
          sources = new int[kb.size()];
          values = new Object[kb.size()];
          for (int k = 0; k < kb.size(); k++) {
            KeyBinding b = kb.get(k);
            if (b instanceof KeyBinding.AppParameter p) {
              sources[k] = p.index();
            } else if (b instanceof KeyBinding.ComputedValue v) {
              sources[k] = -1;
              values[k] = calls[v.callIndex()];
            } else {
              sources[k] = -1;
              values[k] = keys.get(keyIndex);
            }
          }
          keyIndex++;
        } else if (pinned != null) {
          List<Binding> bindings =
              other == Side.POSTGRES ? pinned.postgresBindings() : pinned.mysqlBindings();
          sources = appSources(bindings);
          values = computedValues(bindings, calls);
        } else {
          sources = other == Side.POSTGRES ? t.parameterMap() : identity(row);
          values = null;
        }
        apply(ps, row, sources, values, other);
        mirroredRows.add(i);
        if (insertIds) {
          // MySQL takes each row's key from insert_id; rows run one by one to set it.
          try (Statement s = oc.createStatement()) {
            s.execute("SET insert_id = " + ((Number) keys.get(keyIndex++)).longValue());
          }
          singleCounts.add(ps.executeLargeUpdate());
        } else {
          ps.addBatch();
        }
      }
      counts =
          insertIds
              ? singleCounts.stream().mapToLong(Long::longValue).toArray()
              : ps.executeLargeBatch();
      if (withKeys) {
        runtime.sequences().afterExplicitKeys(oc, ai.table(), ai.column(), keys);
      }
      conn.mirrorSucceeded(other, System.nanoTime() - start);
    } catch (SQLException e) {
      conn.mirrorFailed(other, System.nanoTime() - start, e);
      recordMirrorFailure(t.mysqlSql(), other, e, tables, keyStrings(keys), true);
      return;
    } finally {
      runtime.metrics().statement(other, System.nanoTime() - start);
    }
    for (int j = 0; j < counts.length && j < mirroredRows.size(); j++) {
      long a = authCounts[mirroredRows.get(j)];
      long b = counts[j];
      boolean unknown = a == Statement.SUCCESS_NO_INFO || b == Statement.SUCCESS_NO_INFO;
      if (!unknown && !countsAgree(t.kind(), a, b)) {
        runtime
            .recorder()
            .record(
                DiscrepancyKind.ROW_COUNT_MISMATCH,
                t.mysqlSql(),
                "batch row "
                    + mirroredRows.get(j)
                    + ": "
                    + conn.authoritativeSide()
                    + " changed "
                    + a
                    + " rows, "
                    + other
                    + " "
                    + b,
                tables,
                keyStrings(keys),
                true);
        return;
      }
    }
    if (ai != null && !ai.suppliedByStatement() && !withKeys && !insertIds) {
      runtime
          .recorder()
          .record(
              DiscrepancyKind.MIRROR_FAILED,
              t.mysqlSql(),
              "generated keys could not be written explicitly on the "
                  + other
                  + " side; its keys may differ"
                  + (notReadBack == null ? "" : " (rows not read back: " + notReadBack + ")"),
              tables,
              keyStrings(keys),
              true);
    }
  }

  /**
   * Whether a batch's rows are read back: some execution inserted rows, one could not be matched to
   * its keys (as in {@link #readBackWanted}; for INSERT IGNORE also an execution that inserted
   * nothing, as it has no key), and no execution failed or has an unknown count.
   */
  private static boolean batchReadBackWanted(Translation t, long[] authCounts) {
    int rowCount = t.autoIncrement().rowCount();
    boolean inserted = false;
    boolean unmatched = false;
    for (long n : authCounts) {
      if (n < 0) {
        return false; // failed, or SUCCESS_NO_INFO (a rewritten batch): which rows is unknown
      }
      inserted |= n > 0;
      unmatched |=
          switch (t.kind()) {
            case INSERT -> rowCount == 0;
            case INSERT_IGNORE -> rowCount == 0 || n < rowCount;
            default -> false;
          };
    }
    return inserted && unmatched;
  }

  /**
   * Reads back the rows a batch inserted. Each execution's keys are its slice of the generated keys
   * (as many as its update count, in order): on MySQL each execution's key range is read, on
   * PostgreSQL all keys at once.
   */
  private InsertedRowsMirror.ReadBack readBackBatch(
      Translation t, List<Object> keys, long[] authCounts) {
    long total = 0;
    for (long n : authCounts) {
      total += n;
    }
    if (total != keys.size()) {
      return InsertedRowsMirror.ReadBack.notProven(
          keys.size() + " generated keys for " + total + " inserted rows");
    }
    if (total > InsertedRowsMirror.MAX_ROWS) {
      return InsertedRowsMirror.ReadBack.notProven(
          total + " rows inserted (read back: 1 to " + InsertedRowsMirror.MAX_ROWS + ")");
    }
    if (conn.authoritativeSide() == Side.POSTGRES) {
      return readBack(t, keys, total);
    }
    List<InsertedRowsMirror.ReadBack> parts = new ArrayList<>();
    int offset = 0;
    for (long n : authCounts) {
      if (n == 0) {
        continue;
      }
      List<Object> slice = keys.subList(offset, offset + (int) n);
      offset += (int) n;
      InsertedRowsMirror.ReadBack part = readBack(t, slice, n);
      if (part.rows() == null) {
        return part;
      }
      parts.add(part);
    }
    return InsertedRowsMirror.ReadBack.concat(parts);
  }

  // ------------------------------------------------------------------------------- session

  private boolean runSession(Translation t, Bind[] binds, Mode mode) throws SQLException {
    SessionCommand cmd = t.session();
    Side auth = conn.authoritativeSide();
    boolean usesMysql = conn.phase().usesMysql();
    switch (cmd.handling()) {
      case AUTHORITATIVE_ONLY -> {
        // SHOW, DESCRIBE, EXPLAIN: MySQL answers as the application expects, while it is in use.
        if (usesMysql) {
          return executeOn(Side.MYSQL, t.mysqlSql(), binds, identity(binds));
        }
        if (t.postgresSql() == null) {
          throw new SQLFeatureNotSupportedException(
              "'"
                  + Redaction.oneLine(t.mysqlSql())
                  + "' has no PostgreSQL equivalent and MySQL"
                  + " is no longer used in phase "
                  + conn.phase()
                  + ".",
              "0A000");
        }
        return executeOn(Side.POSTGRES, t.postgresSql(), binds, t.parameterMap());
      }
      case MYSQL_ONLY -> {
        if (usesMysql) {
          conn.sides().rememberSessionSql(Side.MYSQL, replayKey(t), t.mysqlSql());
          if (conn.sides().isOpen(Side.MYSQL) || auth == Side.MYSQL) {
            return executeOn(Side.MYSQL, t.mysqlSql(), binds, identity(binds));
          }
        }
        updateCount = 0;
        return false;
      }
      case DRIVER_TRACKED -> {
        return runTracked(t, cmd);
      }
      case BOTH -> {
        if (cmd.type() == SessionCommand.Type.SET_FOREIGN_KEY_CHECKS) {
          return runForeignKeyChecks(t, binds, cmd);
        }
        return runOnBoth(t, binds, cmd);
      }
      default -> throw new IllegalStateException("unknown handling " + cmd.handling());
    }
  }

  /**
   * Transaction-control and USE statements written as SQL. They mean the same on both databases, so
   * the driver issues the standard form on each side it has open (the other side joins an open
   * transaction when it opens later); {@code SET autocommit} becomes the JDBC call, and {@code USE}
   * changes MySQL's default database only (PostgreSQL's database is the one in {@code
   * dualwrite.postgres.url}).
   */
  private boolean runTracked(Translation t, SessionCommand cmd) throws SQLException {
    String sql;
    switch (cmd.type()) {
      case SET_AUTOCOMMIT -> {
        conn.setAutoCommit("1".equals(cmd.argument()));
        updateCount = 0;
        return false;
      }
      case USE -> {
        if (conn.phase().usesMysql()) {
          conn.sides().get(Side.MYSQL).setCatalog(cmd.argument());
          conn.sides().rememberSessionSql(Side.MYSQL, "USE", t.mysqlSql());
        }
        updateCount = 0;
        return false;
      }
      case BEGIN -> sql = "BEGIN";
      case COMMIT -> sql = "COMMIT";
      case ROLLBACK -> sql = "ROLLBACK";
      case SAVEPOINT -> sql = "SAVEPOINT " + cmd.argument();
      case RELEASE_SAVEPOINT -> sql = "RELEASE SAVEPOINT " + cmd.argument();
      case ROLLBACK_TO_SAVEPOINT -> sql = "ROLLBACK TO SAVEPOINT " + cmd.argument();
      default ->
          throw new SQLFeatureNotSupportedException(
              "dualwrite does not handle " + cmd.type() + " statements.", "0A000");
    }
    Side auth = conn.authoritativeSide();
    Side other = auth.other();
    String authSql = auth == Side.MYSQL ? t.mysqlSql() : sql;
    executeTracked(auth, conn.sides().get(auth), authSql);
    switch (cmd.type()) {
      case BEGIN -> conn.noteSqlTransactionStart();
      case COMMIT, ROLLBACK -> conn.noteTransactionEnd();
      default -> {}
    }
    Connection oc = conn.sides().ifOpen(other);
    if (oc != null && conn.phase().mirrorsWrites()) {
      long start = System.nanoTime();
      try {
        executeTracked(other, oc, sql);
        conn.runtime().health().success(other, System.nanoTime() - start);
      } catch (SQLException e) {
        conn.mirrorFailed(other, System.nanoTime() - start, e);
        conn.runtime()
            .recorder()
            .record(
                cmd.type() == SessionCommand.Type.COMMIT
                    ? DiscrepancyKind.COMMIT_FAILED
                    : DiscrepancyKind.MIRROR_FAILED,
                t.mysqlSql(),
                other + " side: " + e.getSQLState() + " " + Redaction.oneLine(e.getMessage()),
                conn.tablesWrittenInTransaction(),
                List.of(),
                cmd.type() == SessionCommand.Type.COMMIT);
      }
    }
    updateCount = 0;
    return false;
  }

  /** Savepoint statements on PostgreSQL run outside pgjdbc's autosave (see {@link Savepoints}). */
  private void executeTracked(Side side, Connection c, String sql) throws SQLException {
    Statement s = plainOn(side, c);
    if (side == Side.POSTGRES) {
      Savepoints.withoutAutosave(c, x -> s.execute(sql));
    } else {
      s.execute(sql);
    }
    lastVendor = s;
  }

  /**
   * What a remembered session statement sets, so a later one that sets the same replaces it: the
   * variable for single settings, the statement itself for lists (whose items may depend on each
   * other, as mysqldump's saved {@code @OLD_...} values do).
   */
  private static String replayKey(Translation t) {
    SessionCommand cmd = t.session();
    return switch (cmd.type()) {
      case SET_USER_VARIABLE, SET_SESSION_VARIABLE -> cmd.type() + ":" + cmd.argument();
      case SET_FOREIGN_KEY_CHECKS -> cmd.type() + ":" + t.mysqlSql();
      default -> cmd.type().name();
    };
  }

  /**
   * {@code SET FOREIGN_KEY_CHECKS}: MySQL's session setting, and on PostgreSQL the session
   * replication role under which foreign-key triggers do not fire (so rows MySQL accepts without
   * their parents are mirrored too). A value MySQL computes ({@code = @OLD_FOREIGN_KEY_CHECKS}) is
   * read back from MySQL. PostgreSQL may refuse the role to a user that is neither a superuser nor
   * granted {@code SET ON PARAMETER session_replication_role}: that never fails the application
   * (MySQL accepts the statement from anyone), its checks stay on and it is recorded once.
   */
  private boolean runForeignKeyChecks(Translation t, Bind[] binds, SessionCommand cmd)
      throws SQLException {
    Side auth = conn.authoritativeSide();
    boolean usesMysql = conn.phase().usesMysql();
    boolean result = false;
    updateCount = 0;
    if (usesMysql) {
      conn.sides().rememberSessionSql(Side.MYSQL, replayKey(t), t.mysqlSql());
      if (conn.sides().isOpen(Side.MYSQL) || auth == Side.MYSQL) {
        result = executeOn(Side.MYSQL, t.mysqlSql(), binds, identity(binds));
      }
    }
    String pgSql = t.postgresSql();
    if (pgSql == null) {
      boolean on = true;
      if (usesMysql) {
        try (Statement s = conn.sides().get(Side.MYSQL).createStatement();
            ResultSet rs = s.executeQuery("SELECT @@SESSION.foreign_key_checks")) {
          on = !rs.next() || rs.getInt(1) != 0;
        }
      }
      pgSql = SessionCommand.foreignKeyChecksOnPostgres(on);
    }
    conn.sides().rememberBestEffortSessionSql(Side.POSTGRES, cmd.type().name(), pgSql);
    Connection pg =
        auth == Side.POSTGRES
            ? conn.sides().get(Side.POSTGRES)
            : conn.sides().ifOpen(Side.POSTGRES);
    if (pg == null || !(auth == Side.POSTGRES || conn.phase().mirrorsWrites())) {
      return result;
    }
    long start = System.nanoTime();
    try {
      // pgjdbc's autosave=always keeps a refusal from aborting an open transaction
      plainOn(Side.POSTGRES, pg).execute(pgSql);
      conn.runtime().health().success(Side.POSTGRES, System.nanoTime() - start);
    } catch (SQLException e) {
      boolean denied = "42501".equals(e.getSQLState());
      if (auth == Side.POSTGRES && !denied) {
        throw e;
      }
      if (denied && pgSql.equals(SessionCommand.foreignKeyChecksOnPostgres(true))) {
        // a user that may not set the role never left the default: checks are on already
        return auth == Side.MYSQL && result;
      }
      conn.runtime()
          .recorder()
          .record(
              DiscrepancyKind.MIRROR_FAILED,
              t.mysqlSql(),
              "POSTGRES side keeps checking foreign keys: "
                  + e.getSQLState()
                  + " "
                  + Redaction.oneLine(e.getMessage()),
              Set.of(),
              List.of(),
              false);
    }
    return auth == Side.MYSQL && result;
  }

  /** Session statements with a PostgreSQL equivalent (e.g. SET time_zone): both sides. */
  private boolean runOnBoth(Translation t, Bind[] binds, SessionCommand cmd) throws SQLException {
    Side auth = conn.authoritativeSide();
    Side other = auth.other();
    if (t.postgresSql() == null && auth == Side.POSTGRES) {
      throw refusedOnPostgres(t);
    }
    String authSql = auth == Side.MYSQL ? t.mysqlSql() : t.postgresSql();
    int[] authSources = auth == Side.MYSQL ? identity(binds) : t.parameterMap();
    boolean result = executeOn(auth, authSql, binds, authSources);
    if (cmd.type() == SessionCommand.Type.SET_TIME_ZONE) {
      clock().invalidate();
    }
    // Replayed on a side that opens later, so both sessions keep the same settings.
    conn.sides().rememberSessionSql(Side.MYSQL, replayKey(t), t.mysqlSql());
    if (t.postgresSql() != null) {
      conn.sides().rememberSessionSql(Side.POSTGRES, replayKey(t), t.postgresSql());
    }
    Connection oc = conn.sides().ifOpen(other);
    if (oc != null && conn.phase().mirrorsWrites()) {
      String otherSql = other == Side.MYSQL ? t.mysqlSql() : t.postgresSql();
      if (otherSql == null) {
        conn.runtime()
            .recorder()
            .record(
                DiscrepancyKind.UNTRANSLATABLE,
                t.mysqlSql(),
                t.isRefused() ? t.refusal().reason() : "no PostgreSQL equivalent",
                Set.of(),
                List.of(),
                false);
      } else {
        int[] sources = other == Side.MYSQL ? identity(binds) : t.parameterMap();
        long start = System.nanoTime();
        try {
          executeMirror(other, oc, otherSql, binds, sources, null);
          conn.runtime().health().success(other, System.nanoTime() - start);
        } catch (SQLException e) {
          conn.mirrorFailed(other, System.nanoTime() - start, e);
          recordMirrorFailure(t.mysqlSql(), other, e, Set.of(), List.of(), false);
        }
      }
    }
    return result;
  }

  /** Runs on one side and keeps its result as this statement's result. */
  private boolean executeOn(Side side, String sql, Bind[] binds, int[] sources)
      throws SQLException {
    Connection c = conn.sides().get(side);
    boolean isResult;
    Statement vendor;
    if (binds == null || !hasParameters(sources)) {
      vendor = plainOn(side, c);
      isResult = vendor.execute(sql);
    } else {
      PreparedStatement ps = preparedOn(side, c, sql, false, null);
      apply(ps, binds, sources, null, side);
      isResult = ps.execute();
      vendor = ps;
    }
    lastVendor = vendor;
    if (isResult) {
      resultSet = wrapResult(vendor.getResultSet(), side);
    } else {
      updateCount = vendor.getLargeUpdateCount();
    }
    return isResult;
  }

  private SessionClock clock() {
    return conn.sessionClock();
  }

  /** The MySQL connection whose clock NOW() follows (opened if needed while MySQL is in use). */
  private Connection mysqlForClock() throws SQLException {
    if (conn.phase().usesMysql()) {
      return conn.sides().get(Side.MYSQL);
    }
    return conn.sides().get(Side.POSTGRES);
  }

  private static SQLException refusedOnPostgres(Translation t) {
    return new SQLSyntaxErrorException(
        "dualwrite cannot run this statement on PostgreSQL, the authoritative database in this"
            + " phase: "
            + (t.isRefused() ? t.refusal().reason() : "it has no PostgreSQL equivalent."),
        "42000",
        1064);
  }

  // ------------------------------------------------------------------------------- vendor
  // statements

  private Statement plainOn(Side side, Connection c) throws SQLException {
    Statement s = plain[side.ordinal()];
    if (s == null || s.isClosed() || s.getConnection() != c) {
      s = options.createOn(c);
      settings.applyTo(s);
      plain[side.ordinal()] = s;
    }
    return s;
  }

  /**
   * The vendor prepared statement for {@code sql} on {@code side}, made on first use. Its
   * parameters are not cleared before reuse: every execution binds all of them again.
   */
  private PreparedStatement preparedOn(
      Side side, Connection c, String sql, boolean keys, String keyColumn) throws SQLException {
    PreparedSlot slot = recent[side.ordinal()];
    PreparedStatement ps;
    if (slot != null && slot.isFor(sql, keys, keyColumn)) {
      ps = slot.ps();
    } else {
      if (slot != null) {
        // The one used before moves to the map; the new one becomes the recent one.
        others().put(side + cacheKey(slot.sql(), slot.keys(), slot.keyColumn()), slot.ps());
      }
      String key = side + cacheKey(sql, keys, keyColumn);
      ps = others == null ? null : others.remove(key);
      slot = ps == null ? null : new PreparedSlot(sql, keys, keyColumn, ps);
    }
    if (ps == null || ps.isClosed() || ps.getConnection() != c) {
      closeQuietly(ps, null); // prepared on a connection the wrapper no longer uses for this side
      ps = options.prepareOn(c, sql, keys, keyColumn);
      settings.applyTo(ps);
      slot = new PreparedSlot(sql, keys, keyColumn, ps);
    }
    recent[side.ordinal()] = slot;
    return ps;
  }

  /** The scroll-insensitive plain statement per side, for compared reads. */
  private final Statement[] rewindablePlain = new Statement[2];

  private Statement rewindablePlainOn(Side side, Connection c) throws SQLException {
    Statement s = rewindablePlain[side.ordinal()];
    if (s == null || s.isClosed() || s.getConnection() != c) {
      closeQuietly(s, null);
      s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
      settings.applyTo(s);
      rewindablePlain[side.ordinal()] = s;
    }
    return s;
  }

  private PreparedStatement rewindablePreparedOn(Side side, Connection c, String sql)
      throws SQLException {
    String key = "scroll\u0000" + side + sql;
    PreparedStatement ps = others == null ? null : others.get(key);
    if (ps == null || ps.isClosed() || ps.getConnection() != c) {
      closeQuietly(ps, null);
      ps = c.prepareStatement(sql, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
      settings.applyTo(ps);
      others().put(key, ps);
    }
    return ps;
  }

  private Map<String, PreparedStatement> others() {
    if (others == null) {
      others = new HashMap<>();
    }
    return others;
  }

  // ------------------------------------------------------------------------------- binding

  private static final int[] NONE = new int[0];
  private static final java.time.format.DateTimeFormatter MYSQL_DATETIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final java.time.format.DateTimeFormatter MYSQL_TIME =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  /** Identity maps for up to 64 parameters, shared (callers only read them). */
  private static final int[][] IDENTITIES = new int[65][];

  static {
    for (int n = 0; n < IDENTITIES.length; n++) {
      IDENTITIES[n] = new int[n];
      for (int i = 0; i < n; i++) {
        IDENTITIES[n][i] = i;
      }
    }
  }

  static int[] identity(Bind[] binds) {
    if (binds == null) {
      return NONE;
    }
    if (binds.length < IDENTITIES.length) {
      return IDENTITIES[binds.length];
    }
    int[] map = new int[binds.length];
    for (int i = 0; i < map.length; i++) {
      map[i] = i;
    }
    return map;
  }

  /** Binding list to source indexes: app parameter index, or -1 for a computed value. */
  private static int[] appSources(List<Binding> bindings) {
    int[] sources = new int[bindings.size()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = bindings.get(i) instanceof Binding.AppParameter p ? p.index() : -1;
    }
    return sources;
  }

  private static Object[] computedValues(List<Binding> bindings, Object[] computed) {
    Object[] values = new Object[bindings.size()];
    for (int i = 0; i < values.length; i++) {
      if (bindings.get(i) instanceof Binding.ComputedValue v) {
        values[i] = computed[v.callIndex()];
      }
    }
    return values;
  }

  private static boolean hasParameters(int[] sources) {
    return sources != null && sources.length > 0;
  }

  private static void applyIdentity(PreparedStatement ps, Bind[] binds) throws SQLException {
    for (int i = 0; i < binds.length; i++) {
      bindOne(ps, i + 1, binds, i, Side.MYSQL);
    }
  }

  private static void applyMapped(PreparedStatement ps, Bind[] binds, int[] map)
      throws SQLException {
    for (int i = 0; i < map.length; i++) {
      bindOne(ps, i + 1, binds, map[i], Side.POSTGRES);
    }
  }

  /**
   * Binds parameter {@code i+1} of {@code ps} from {@code sources[i]}: an application parameter
   * index, or -1 for {@code values[i]} (a computed value or generated key).
   */
  private static void apply(
      PreparedStatement ps, Bind[] binds, int[] sources, Object[] values, Side side)
      throws SQLException {
    for (int i = 0; i < sources.length; i++) {
      if (sources[i] >= 0) {
        bindOne(ps, i + 1, binds, sources[i], side);
      } else {
        bindComputed(ps, i + 1, values[i], side);
      }
    }
  }

  /**
   * Binds a value dualwrite computed (NOW(), UUID(), a generated key). On MySQL, dates and times go
   * as their literal text: MySQL converts the text exactly, whatever Connector/J's time zone
   * settings, and Connector/J would drop fractional seconds for servers that announce an old
   * version (MariaDB announces 5.5.5).
   */
  private static void bindComputed(PreparedStatement ps, int index, Object value, Side side)
      throws SQLException {
    if (side == Side.MYSQL && value instanceof java.time.LocalDateTime t) {
      ps.setString(index, MYSQL_DATETIME.format(t));
    } else if (side == Side.MYSQL && value instanceof java.time.LocalTime t) {
      ps.setString(index, MYSQL_TIME.format(t));
    } else if (side == Side.MYSQL && value instanceof java.time.LocalDate d) {
      ps.setString(index, d.toString());
    } else {
      ps.setObject(index, value);
    }
  }

  private static void bindOne(PreparedStatement ps, int index, Bind[] binds, int source, Side side)
      throws SQLException {
    Bind b = binds == null || source >= binds.length ? null : binds[source];
    if (b == null) {
      throw new SQLException("No value specified for parameter " + (source + 1) + ".", "07001");
    }
    if (side == Side.POSTGRES) {
      b.applyToPostgres(ps, index);
    } else {
      b.applyToMysql(ps, index);
    }
  }

  // ------------------------------------------------------------------------------- lifecycle

  void closeResults() throws SQLException {
    if (resultSet != null) {
      resultSet.close();
      resultSet = null;
    }
    generatedKeys = null;
    updateCount = -1;
  }

  void close() throws SQLException {
    SQLException failure = null;
    try {
      closeResults();
    } catch (SQLException e) {
      failure = e;
    }
    for (int i = 0; i < 2; i++) {
      failure = closeQuietly(plain[i], failure);
      plain[i] = null;
      failure = closeQuietly(rewindablePlain[i], failure);
      rewindablePlain[i] = null;
      failure = closeQuietly(recent[i] == null ? null : recent[i].ps(), failure);
      recent[i] = null;
    }
    if (others != null) {
      for (PreparedStatement ps : others.values()) {
        failure = closeQuietly(ps, failure);
      }
      others = null;
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes {@code s}; returns the first failure seen so far. */
  private static SQLException closeQuietly(Statement s, SQLException failure) {
    if (s != null) {
      try {
        s.close();
      } catch (SQLException e) {
        return failure == null ? e : failure;
      }
    }
    return failure;
  }

  /** Cancels whatever vendor statement is running. */
  void cancel() throws SQLException {
    if (lastVendor != null) {
      lastVendor.cancel();
    }
  }
}
