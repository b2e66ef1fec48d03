package io.dualwrite.driver.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.compare.ResultComparator;
import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.driver.routing.ReadRouter;
import io.dualwrite.driver.routing.ReadRouter.Route;
import io.dualwrite.driver.runtime.SideHealth;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.rowset.CachedRowSet;

/**
 * The read path: where a read goes ({@link ReadRouter} decides from the flags, the transaction and
 * drift), running it there, falling back to the authoritative side when the other side fails, and
 * running it on both sides and comparing the results ({@link ResultComparator}) for the share of
 * reads the flags compare.
 *
 * <p>Not thread-safe, like the JDBC statement it serves.
 */
final class ReadPath {
  private final StatementContext ctx;
  private final VendorStatements vendor;
  private final StatementResults results;

  ReadPath(StatementContext ctx, VendorStatements vendor, StatementResults results) {
    this.ctx = ctx;
    this.vendor = vendor;
    this.results = results;
  }

  void run(Translation t, Bind[] binds) throws SQLException {
    Side auth = ctx.authoritativeSide();
    Side other = auth.other();
    if (t.isRefused() && mysqlSessionRead(t) && ctx.phase().usesMysql()) {
      // LAST_INSERT_ID(): MySQL ran every insert of this connection (as the authoritative side, or
      // as the mirror given PostgreSQL's keys through insert_id), so its answer is the right one.
      // DATABASE(), VERSION(), GET_LOCK(), @variables: only MySQL's session knows them.
      serve(Side.MYSQL, t, binds);
      return;
    }
    if (t.isRefused() && auth == Side.POSTGRES) {
      throw Refusals.onPostgres(t);
    }
    boolean translated = !t.isRefused() && t.postgresSql() != null;
    boolean eligible =
        !ctx.wroteInTransaction()
            && !t.lockingRead()
            && !ctx.drift().anyDrifted(t.tablesRead())
            && !ctx.backfill().anyIncomplete(t.tablesRead());
    boolean otherHealthy = ctx.health().isClosed(other);
    Route route = ReadRouter.route(ctx.flags(), eligible, otherHealthy);
    if (!translated && (route.compare() || route.side() != auth)) {
      // A read the flags send to PostgreSQL that it cannot run: the authoritative side answers,
      // and the operator learns of it before PostgreSQL must answer everything.
      ctx.records().untranslatableRead(t);
      route = ReadRouter.route(ctx.flags(), false, otherHealthy);
    }
    if (route.compare()) {
      runCompared(t, binds, auth);
      return;
    }
    if (route.side() == auth || !ctx.phase().mirrorsWrites()) {
      serve(route.side(), t, binds);
      return;
    }
    // Served by the non-authoritative side; if it fails, the authoritative side answers.
    long start = System.nanoTime();
    try {
      ResultSet rs = execute(other, t, binds, false);
      ctx.health().success(other, System.nanoTime() - start);
      results.resultSet(rs, other, t);
      ctx.metrics().read(other);
    } catch (SQLException e) {
      ctx.mirrorFailed(other, System.nanoTime() - start, e);
      if (!SideHealth.isAvailabilityFailure(e)) {
        // PostgreSQL rejected the translation: a difference the operator must see (an outage is
        // the breaker's business and is not recorded per read).
        ctx.records().readFailedOnOther(t, other, auth, e);
      }
      serve(auth, t, binds);
    }
  }

  /**
   * Pauses before each new look at a difference, in milliseconds: 1.26 s in all at most, only while
   * every look still finds the same rows differing the same way.
   */
  private static final long[] RECHECK_PAUSES_MILLIS = {10, 50, 200, 1000};

  /** Looks given to a statement whose difference was recorded in the last minute. */
  private static final int LOOKS_AFTER_RECORDED = 2;

  /**
   * Statements (their MySQL text) whose difference was recorded in the last minute: a difference
   * that stood through every look is most likely real, and its next ones need not stall their
   * application calls for the longest looks again.
   */
  private static final Cache<String, Boolean> RECENTLY_RECORDED =
      Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  /**
   * A difference seen once may be a write in flight: the two reads run one after the other, and a
   * transaction commits on PostgreSQL a moment before MySQL in DUAL_WRITE (MySQL first in
   * PG_PRIMARY), so a read in between sees its rows on one side only. Both sides are read again
   * after growing pauses ({@link #RECHECK_PAUSES_MILLIS}, only for a read that differed). The
   * difference stands only when every look finds one and some row differs the same way in all of
   * them ({@code rows}: {@link ResultComparator#differingRows}, null when unknown): a scan over
   * rows that are being updated finds another row in flight each time, a row written wrong is wrong
   * each time. The later looks are there for writers held up between their two commits (MySQL's
   * commit waiting on a slow disk flush held two writers' rows different for over 60 ms on a loaded
   * 2-core machine, `ReadRoutingIT`); a statement recorded in the last minute gets the first two
   * looks only. The application's result is not touched: these reads run on statements of their
   * own, closed here. Inside a REPEATABLE READ transaction the same snapshots give the same
   * difference, which is then recorded as before.
   */
  private String recheck(
      Translation t, Bind[] binds, Side auth, String difference, java.util.Set<List<Object>> rows) {
    String seen = difference;
    java.util.Set<List<Object>> persistent = rows;
    int looks =
        RECENTLY_RECORDED.getIfPresent(t.mysqlSql()) != null
            ? LOOKS_AFTER_RECORDED
            : RECHECK_PAUSES_MILLIS.length;
    for (int look = 0; look < looks; look++) {
      try {
        Thread.sleep(RECHECK_PAUSES_MILLIS[look]);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return seen;
      }
      try (Statement a = ownStatement(auth, t, binds);
          Statement o = ownStatement(auth.other(), t, binds)) {
        CachedRowSet authRows = StatementResults.materialize(run(a, auth, t));
        CachedRowSet otherRows = StatementResults.materialize(run(o, auth.other(), t));
        seen = ResultComparator.compare(authRows, otherRows, t.mysqlSql());
        if (seen != null && persistent != null) {
          authRows.beforeFirst();
          otherRows.beforeFirst();
          persistent.retainAll(ResultComparator.differingRows(authRows, otherRows));
        }
      } catch (SQLException e) {
        return seen; // the last difference stands
      }
      if (seen == null || (persistent != null && persistent.isEmpty())) {
        return null;
      }
    }
    RECENTLY_RECORDED.put(t.mysqlSql(), Boolean.TRUE);
    return seen;
  }

  /** Binds the read's parameters for {@code side}: MySQL's as given, PostgreSQL's mapped. */
  private void bind(PreparedStatement ps, Side side, Translation t, Bind[] binds)
      throws SQLException {
    boolean mysql = side == Side.MYSQL;
    Binder.apply(
        ps,
        binds,
        mysql ? Binder.identity(binds) : t.parameterMap(),
        null,
        side,
        ctx.postgresGetsWholeSeconds(),
        mysql ? null : t);
  }

  /** A statement of its own on {@code side} for {@code t}, its parameters bound. */
  private Statement ownStatement(Side side, Translation t, Bind[] binds) throws SQLException {
    Connection c = ctx.sides().get(side);
    boolean mysql = side == Side.MYSQL;
    String sql = mysql ? t.mysqlSql() : t.postgresSql();
    if (binds == null && (mysql || t.mysqlParameterCount() == 0)) {
      return c.createStatement();
    }
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      bind(ps, side, t, binds);
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
    return ps;
  }

  private static ResultSet run(Statement s, Side side, Translation t) throws SQLException {
    if (s instanceof PreparedStatement ps) {
      return ps.executeQuery();
    }
    return s.executeQuery(side == Side.MYSQL ? t.mysqlSql() : t.postgresSql());
  }

  private void serve(Side side, Translation t, Bind[] binds) throws SQLException {
    results.resultSet(execute(side, t, binds, false), side, t);
    ctx.metrics().read(side);
  }

  /** A read the rewriter leaves to MySQL's session (LAST_INSERT_ID(), DATABASE(), @x, ...). */
  static boolean mysqlSessionRead(Translation t) {
    return t.refusal().code().startsWith("driver-intercepted:");
  }

  /**
   * Runs a read on {@code side}; with {@code rewindable}, on a scroll-insensitive vendor statement
   * whose result can be read through and rewound (for a compared read, which hands the application
   * the vendor's own result after comparing it).
   */
  private ResultSet execute(Side side, Translation t, Bind[] binds, boolean rewindable)
      throws SQLException {
    Connection c = ctx.sides().get(side);
    boolean mysql = side == Side.MYSQL;
    String sql = mysql ? t.mysqlSql() : t.postgresSql();
    long start = System.nanoTime();
    try {
      if (binds == null && (mysql || t.mysqlParameterCount() == 0)) {
        Statement s = rewindable ? vendor.rewindablePlainOn(side, c) : vendor.plainOn(side, c);
        boolean rows = s.execute(sql);
        vendor.ran(s);
        return rows ? s.getResultSet() : noRows(s);
      }
      PreparedStatement ps =
          rewindable
              ? vendor.rewindablePreparedOn(side, c, sql)
              : vendor.preparedOn(side, c, sql, false, null);
      bind(ps, side, t, binds);
      boolean rows = ps.execute();
      vendor.ran(ps);
      return rows ? ps.getResultSet() : noRows(ps);
    } finally {
      ctx.metrics().statement(side, System.nanoTime() - start);
    }
  }

  /**
   * A SELECT that gave no rows but an update count ({@code SELECT ... INTO OUTFILE}, {@code INTO
   * @v}): the count is the statement's result, as Connector/J reports it.
   */
  private ResultSet noRows(Statement s) throws SQLException {
    results.updateCount(s.getUpdateCount());
    return null;
  }

  /**
   * A read run on both sides and compared. The application gets the authoritative side's own
   * result, as an uncompared read would give it (Connector/J's, or PostgreSQL's made to look like
   * it): the vendor statement is scroll-insensitive, so the result is read through for the
   * comparison and rewound.
   */
  private void runCompared(Translation t, Bind[] binds, Side auth) throws SQLException {
    ResultSet authRows = execute(auth, t, binds, true);
    Statement authVendor = vendor.last();
    Side other = auth.other();
    String difference;
    CachedRowSet otherRows = null;
    long start = System.nanoTime();
    try {
      otherRows = StatementResults.materialize(execute(other, t, binds, false));
      ctx.health().success(other, System.nanoTime() - start);
      difference = ResultComparator.compare(authRows, otherRows, t.mysqlSql());
    } catch (SQLException e) {
      ctx.mirrorFailed(other, System.nanoTime() - start, e);
      difference = other + " side failed: " + e.getSQLState() + " " + SafeText.error(e);
    }
    if (authRows != null) {
      authRows.beforeFirst();
    }
    if (difference != null && !difference.startsWith(other + " side failed")) {
      java.util.Set<List<Object>> rows = null;
      if (authRows != null && otherRows != null) {
        otherRows.beforeFirst();
        rows = ResultComparator.differingRows(authRows, otherRows);
        authRows.beforeFirst();
      }
      difference = recheck(t, binds, auth, difference, rows);
    }
    vendor.ran(authVendor);
    ctx.metrics().comparedRead(difference != null);
    ctx.metrics().read(auth);
    if (difference != null) {
      ctx.records().readMismatch(t, difference);
    }
    results.resultSet(authRows, auth, t);
  }
}
