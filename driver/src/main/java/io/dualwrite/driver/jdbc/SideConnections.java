package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.config.Redaction;
import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.driver.net.ExchangeDeadline;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.rewriter.SqlMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two vendor connections behind one application connection. Each opens on first use; the
 * session state the application has set so far (autocommit, isolation, read-only, holdability,
 * session statements such as {@code SET time_zone}) is replayed on a connection that opens late, so
 * both sides run with the same settings.
 *
 * <p>Not thread-safe, like the JDBC connection it belongs to.
 */
final class SideConnections {
  private static final Logger LOG = LoggerFactory.getLogger(SideConnections.class);

  private final DriverRuntime runtime;
  private final DualWriteConfig config;
  private Connection mysql;
  private Connection postgres;

  // Session state to replay on a late-opened side.
  private boolean autoCommit = true;

  /** The application's isolation level, applied to the authoritative side only. */
  private Integer isolation;

  /** Each side's isolation level as it opened (the server's default), by {@code Side.ordinal()}. */
  private final int[] serverIsolation = new int[2];

  /** Each open side's current isolation level, by {@code Side.ordinal()}. */
  private final int[] currentIsolation = new int[2];

  /** Each side's network timeout as it opened (the vendor's socket timeout), in milliseconds. */
  private final int[] networkTimeout = new int[2];

  /**
   * Whether each side's sockets bound a whole reply by the network timeout, by {@code
   * Side.ordinal()}: the side that is not authoritative does (see {@link ExchangeDeadline}).
   */
  private final ExchangeDeadline[] exchangeDeadline = {
    new ExchangeDeadline(false), new ExchangeDeadline(false)
  };

  private boolean mysqlServerNoted;

  /** Runs the vendor's network-timeout change on the calling thread. */
  private static final java.util.concurrent.Executor DIRECT = Runnable::run;

  /** The side whose connection takes the application's isolation level. */
  private Side authoritative;

  private boolean readOnly;
  private Integer holdability;

  /** The mirrored write in flight on the side that is not authoritative, if any. */
  private final MirrorPipeline pipeline = new MirrorPipeline();

  /** Session statements to replay on a side that opens later, by what they set, oldest first. */
  private final Map<String, SessionSql> mysqlSessionSql = new LinkedHashMap<>();

  private final Map<String, SessionSql> postgresSessionSql = new LinkedHashMap<>();

  /**
   * The MySQL session's sql_mode as MySQL last reported it (read when the connection opens, after
   * the URL's session variables and the replayed session statements, and again after any statement
   * that may have changed it); null while MySQL is not open.
   */
  private SqlMode mysqlSqlMode;

  /** The mode while MySQL is not open: unknown once a skipped statement may have changed it. */
  private SqlMode sqlModeWithoutMysql;

  /** A remembered session statement; a best-effort one may fail on replay without harm. */
  private record SessionSql(String sql, boolean bestEffort) {}

  SideConnections(DriverRuntime runtime, DualWriteConfig config, Side authoritative) {
    this.runtime = runtime;
    this.config = config;
    this.authoritative = authoritative;
  }

  /** The mirrored write in flight on the side that is not authoritative, if any. */
  MirrorPipeline pipeline() {
    return pipeline;
  }

  /**
   * Before the side that is not authoritative is handed out or changed: the write in flight there
   * is over (its completion has run), so one connection is never used by two threads.
   */
  private void settle(Side side) {
    if (side != authoritative) {
      pipeline.await();
    }
  }

  /** The connection of {@code side}, opening it if needed. */
  Connection get(Side side) throws SQLException {
    settle(side);
    Connection c = side == Side.MYSQL ? mysql : postgres;
    if (c == null) {
      c = open(side);
      if (side == Side.MYSQL) {
        mysql = c;
      } else {
        postgres = c;
      }
    }
    return c;
  }

  /** The connection of {@code side} if it is open, else null. */
  Connection ifOpen(Side side) {
    settle(side);
    return side == Side.MYSQL ? mysql : postgres;
  }

  /** The isolation level {@code side}'s connection runs at, if open (else the last it had). */
  int isolationOf(Side side) {
    return currentIsolation[side.ordinal()];
  }

  boolean isOpen(Side side) {
    return ifOpen(side) != null;
  }

  private Connection open(Side side) throws SQLException {
    boolean mirror = side != authoritative;
    ExchangeDeadline deadline = exchangeDeadline[side.ordinal()];
    deadline.enforce(mirror);
    Connection c =
        side == Side.MYSQL
            ? runtime
                .vendors()
                .openMysql(
                    config.mysqlUrl(),
                    mirror ? config.propertiesAsMirror(false) : config.mysqlProperties(),
                    deadline)
            : runtime
                .vendors()
                .openPostgres(
                    config.postgresUrl(),
                    mirror ? config.propertiesAsMirror(true) : config.postgresProperties(),
                    deadline);
    try {
      networkTimeout[side.ordinal()] =
          mirror && side == Side.MYSQL ? applicationSocketTimeout(c) : c.getNetworkTimeout();
      if (side == Side.MYSQL && !mysqlServerNoted) {
        mysqlServerNoted = true;
        try {
          runtime.noteMysqlServer(c.getMetaData().getDatabaseProductVersion());
        } catch (java.sql.SQLFeatureNotSupportedException e) {
          // a driver that cannot say: its timestamps are taken as sent
        }
      }
      if (side == Side.POSTGRES) {
        runtime.notePostgresExtensions(c);
      }
      lockWaitShortened[side.ordinal()] = false; // a new session: the server's own lock wait
      applyDeadline(side, c);
      if (!autoCommit) {
        c.setAutoCommit(false);
      }
      serverIsolation[side.ordinal()] = c.getTransactionIsolation();
      currentIsolation[side.ordinal()] = serverIsolation[side.ordinal()];
      applyIsolation(side, c);
      if (readOnly) {
        c.setReadOnly(true);
      }
      if (holdability != null) {
        c.setHoldability(holdability);
      }
      for (SessionSql replay :
          (side == Side.MYSQL ? mysqlSessionSql : postgresSessionSql).values()) {
        try (var s = c.createStatement()) {
          s.execute(replay.sql());
        } catch (SQLException e) {
          if (!replay.bestEffort()) {
            throw e;
          }
          LOG.warn(
              "{} side: session statement '{}' not replayed: {}",
              side,
              SafeText.sql(replay.sql()),
              SafeText.error(e));
        }
      }
      if (side == Side.MYSQL) {
        mysqlSqlMode = readSqlMode(c);
      }
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, side);
      throw e;
    }
    return c;
  }

  /**
   * The network timeout a MySQL connection opened as the other side would have had as the
   * application set it: its socket timeout was capped at the deadline for the handshake, and must
   * not stay so should MySQL become authoritative.
   */
  private int applicationSocketTimeout(Connection c) throws SQLException {
    String own = config.mysqlProperties().getProperty("socketTimeout");
    if (own != null) {
      try {
        return Math.max(0, Integer.parseInt(own.trim()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    int opened = c.getNetworkTimeout();
    return opened == config.mirrorTimeoutMillis() ? 0 : opened; // else the URL's own
  }

  void setAutoCommit(boolean value) {
    autoCommit = value;
  }

  boolean autoCommit() {
    return autoCommit;
  }

  /**
   * The application's isolation level: the authoritative side runs at it; the other side stays at
   * {@link #MIRROR_ISOLATION}.
   */
  void setIsolation(int level) {
    isolation = level;
    if (authoritative != null && isOpen(authoritative)) {
      currentIsolation[authoritative.ordinal()] = level; // the caller set it on that connection
    }
  }

  /**
   * The isolation level of the non-authoritative side, whatever the application asked for. The
   * mirror replays writes in the order the authoritative side's row locks gave them (each mirrored
   * statement runs while the authoritative side still holds its locks), so it must wait for a lock
   * and then see the latest committed row, as READ COMMITTED does; PostgreSQL's REPEATABLE READ and
   * SERIALIZABLE would instead abort with 40001 writes MySQL committed, and MySQL's would take gap
   * locks PostgreSQL never took (PG_PRIMARY). Reads served by the other side run at this level too.
   */
  static final int MIRROR_ISOLATION = Connection.TRANSACTION_READ_COMMITTED;

  /**
   * Makes {@code side} authoritative: at a transaction boundary where the phase moved the
   * authoritative side, each open connection takes its new role's isolation level.
   */
  void setAuthoritative(Side side) throws SQLException {
    if (side == authoritative) {
      return;
    }
    pipeline.await();
    authoritative = side;
    for (Side s : Side.values()) {
      Connection c = ifOpen(s);
      if (c != null) {
        applyIsolation(s, c);
        applyDeadline(s, c);
      }
    }
  }

  /**
   * The side that is not authoritative gets the deadline as its network timeout: a statement on a
   * hung or crawling server fails after {@code dualwrite.mirrorTimeoutMillis} (and the connection
   * with it) instead of holding the application's call and the authoritative side's row locks. That
   * bounds each whole reply, not each read ({@link ExchangeDeadline}): a reply that comes in pieces
   * cannot stretch it. The authoritative side keeps the vendor's own timeout, per read.
   */
  private void applyDeadline(Side side, Connection c) throws SQLException {
    int millis =
        side == authoritative ? networkTimeout[side.ordinal()] : config.mirrorTimeoutMillis();
    exchangeDeadline[side.ordinal()].enforce(side != authoritative);
    c.setNetworkTimeout(DIRECT, millis);
    applyLockWait(side, c);
  }

  /** Whether {@link #applyLockWait} shortened each side's lock wait, by {@code Side.ordinal()}. */
  private final boolean[] lockWaitShortened = new boolean[2];

  /**
   * The side that is not authoritative waits for a row lock at most half the deadline, and then
   * fails with the vendor's lock timeout (MySQL 1205, PostgreSQL 55P03) rather than the connection
   * timing out. A mirrored write can wait there for a lock the authoritative side never had to take
   * (MySQL locks duplicate-check and index gaps PostgreSQL does not), held by another connection
   * whose own authoritative write waits for this connection: a deadlock across the two databases
   * that neither server sees. The lock timeout is a failure the driver retries by rolling the other
   * side's transaction back and replaying it (which releases the locks the other connection waits
   * for); a timed-out connection would instead count as the side being down, and open the breaker
   * for every connection. The authoritative side keeps the server's lock wait.
   */
  private void applyLockWait(Side side, Connection c) throws SQLException {
    boolean shorten = side != authoritative;
    if (shorten == lockWaitShortened[side.ordinal()]) {
      return;
    }
    int millis = Math.max(1, config.mirrorTimeoutMillis() / 2);
    String sql =
        side == Side.MYSQL
            ? "SET SESSION innodb_lock_wait_timeout = "
                + (shorten ? Integer.toString(Math.max(1, millis / 1000)) : "DEFAULT")
            : shorten ? "SET lock_timeout = " + millis : "RESET lock_timeout";
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    if (side == Side.POSTGRES && !c.getAutoCommit()) {
      c.commit(); // at a transaction boundary: a setting made in a transaction that rolls back
      // is lost
    }
    lockWaitShortened[side.ordinal()] = shorten;
  }

  private void applyIsolation(Side side, Connection c) throws SQLException {
    int level =
        side != authoritative
            ? MIRROR_ISOLATION
            : isolation != null ? isolation : serverIsolation[side.ordinal()];
    if (currentIsolation[side.ordinal()] != level) {
      c.setTransactionIsolation(level);
      currentIsolation[side.ordinal()] = level;
    }
  }

  void setReadOnly(boolean value) {
    readOnly = value;
  }

  void setHoldability(int value) {
    holdability = value;
  }

  /**
   * Remembers a session statement to replay on {@code side} if it opens later. {@code key} names
   * what it sets: a later statement with the same key replaces it (an application that sets its
   * time zone on every checkout from its pool keeps one entry), and replay follows the order of the
   * latest statements.
   */
  void rememberSessionSql(Side side, String key, String sql) {
    remember(side, key, new SessionSql(sql, false));
  }

  /** As {@link #rememberSessionSql}, for a statement whose replay may fail (then it is logged). */
  void rememberBestEffortSessionSql(Side side, String key, String sql) {
    remember(side, key, new SessionSql(sql, true));
  }

  /** The session statements a newly opened {@code side} would replay, in order. */
  java.util.List<String> replayed(Side side) {
    return (side == Side.MYSQL ? mysqlSessionSql : postgresSessionSql)
        .values().stream().map(SessionSql::sql).toList();
  }

  private void remember(Side side, String key, SessionSql sql) {
    Map<String, SessionSql> m = side == Side.MYSQL ? mysqlSessionSql : postgresSessionSql;
    m.remove(key);
    m.put(key, sql);
  }

  /** The SQL MySQL answers with the session's sql_mode. */
  static final String SQL_MODE_QUERY = "SELECT @@SESSION.sql_mode";

  /** MySQL's current sql_mode; unknown (so nothing is translated) when it cannot be read. */
  private static SqlMode readSqlMode(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SQL_MODE_QUERY)) {
      return rs.next() ? SqlMode.of(rs.getString(1)) : SqlMode.unknown("no answer from MySQL");
    } catch (SQLException | RuntimeException e) {
      LOG.debug("reading MySQL's sql_mode failed: {}", Redaction.oneLine(e.getMessage()));
      return SqlMode.unknown("MySQL's sql_mode could not be read");
    }
  }

  /** The mode MySQL reported; null while MySQL is not open. */
  SqlMode mysqlSqlMode() {
    return mysql == null ? null : mysqlSqlMode;
  }

  /**
   * The mode while MySQL is not open: the server default unless the URL sets sql_mode (the value
   * MySQL would make of it is learnt when MySQL opens) or a statement that may have changed it was
   * not run on MySQL.
   */
  SqlMode sqlModeWithoutMysql() {
    if (sqlModeWithoutMysql == null) {
      String url = config.mysqlUrl() + " " + config.mysqlProperties().keySet();
      String values = String.valueOf(config.mysqlProperties().get("sessionVariables"));
      sqlModeWithoutMysql =
          (url + values).toLowerCase(java.util.Locale.ROOT).contains("sql_mode")
              ? SqlMode.unknown("the URL sets sql_mode and MySQL is not open")
              : SqlMode.DEFAULT;
    }
    return sqlModeWithoutMysql;
  }

  /**
   * After {@code sql}, which may have changed the session's sql_mode: asks MySQL again, or, when
   * MySQL is not open (the statement was not run there) and it names sql_mode, takes the mode as
   * unknown.
   */
  void sqlModeMayHaveChanged(String sql) {
    if (mysql != null) {
      mysqlSqlMode = readSqlMode(mysql);
    } else if (sql.toLowerCase(java.util.Locale.ROOT).contains("sql_mode")) {
      sqlModeWithoutMysql = SqlMode.unknown("sql_mode was set while MySQL was not open");
    }
  }

  /** Forgets a side whose connection broke, so the next use opens a new one. */
  void discard(Side side) {
    settle(side);
    Connection c = ifOpen(side);
    if (side == Side.MYSQL) {
      mysql = null;
    } else {
      postgres = null;
    }
    if (c != null) {
      closeQuietly(c, side);
    }
  }

  /** Closes both; the first failure of {@code authoritative} is thrown, the other side's logged. */
  void close(Side authoritative) throws SQLException {
    pipeline.await();
    SQLException failure = null;
    for (Side side : Side.values()) {
      Connection c = ifOpen(side);
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (SQLException e) {
        if (side == authoritative) {
          failure = e;
        } else {
          LOG.debug("closing the {} side failed", side, e);
        }
      }
    }
    mysql = null;
    postgres = null;
    if (failure != null) {
      throw failure;
    }
  }

  private static void closeQuietly(Connection c, Side side) {
    try {
      c.close();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("closing the {} side failed: {}", side, Redaction.oneLine(e.getMessage()));
    }
  }
}
