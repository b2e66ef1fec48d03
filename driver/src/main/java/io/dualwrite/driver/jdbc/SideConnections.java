package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.config.Redaction;
import io.dualwrite.driver.runtime.DriverRuntime;
import java.sql.Connection;
import java.sql.SQLException;
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
  private Integer isolation;
  private boolean readOnly;
  private Integer holdability;

  /** Session statements to replay on a side that opens later, by what they set, oldest first. */
  private final Map<String, SessionSql> mysqlSessionSql = new LinkedHashMap<>();

  private final Map<String, SessionSql> postgresSessionSql = new LinkedHashMap<>();

  /** A remembered session statement; a best-effort one may fail on replay without harm. */
  private record SessionSql(String sql, boolean bestEffort) {}

  SideConnections(DriverRuntime runtime, DualWriteConfig config) {
    this.runtime = runtime;
    this.config = config;
  }

  /** The connection of {@code side}, opening it if needed. */
  Connection get(Side side) throws SQLException {
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
    return side == Side.MYSQL ? mysql : postgres;
  }

  boolean isOpen(Side side) {
    return ifOpen(side) != null;
  }

  private Connection open(Side side) throws SQLException {
    Connection c =
        side == Side.MYSQL
            ? runtime.vendors().openMysql(config.mysqlUrl(), config.mysqlProperties())
            : runtime.vendors().openPostgres(config.postgresUrl(), config.postgresProperties());
    try {
      if (!autoCommit) {
        c.setAutoCommit(false);
      }
      if (isolation != null) {
        c.setTransactionIsolation(isolation);
      }
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
              replay.sql(),
              e.getMessage());
        }
      }
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, side);
      throw e;
    }
    return c;
  }

  void setAutoCommit(boolean value) {
    autoCommit = value;
  }

  boolean autoCommit() {
    return autoCommit;
  }

  void setIsolation(int level) {
    isolation = level;
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

  /** Forgets a side whose connection broke, so the next use opens a new one. */
  void discard(Side side) {
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
