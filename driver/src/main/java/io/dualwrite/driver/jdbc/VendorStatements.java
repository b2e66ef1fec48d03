package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The vendor statements one statement wrapper runs on, per side: a plain statement, the prepared
 * statements it made (the one used last checked first, any others in a map made on first need), and
 * the scroll-insensitive ones compared reads rewind. Each is made on first use with the wrapper's
 * {@link StatementSettings} and remade when the side's connection changed.
 *
 * <p>Used by the application's thread, like the JDBC statement it serves, and by the mirror's
 * worker ({@link MirrorPipeline}) for the other side's statements while the application's next
 * statement runs: the methods that make or find a vendor statement are synchronized (the map of
 * prepared statements is shared by both sides); each vendor statement is used by one thread.
 */
final class VendorStatements implements SideStatements {
  private final StatementOptions options;
  private final StatementSettings settings = new StatementSettings();

  /** The plain vendor statement per side (index {@code Side.ordinal()}). */
  private final Statement[] plain = new Statement[2];

  /** The scroll-insensitive plain statement per side, for compared reads. */
  private final Statement[] rewindablePlain = new Statement[2];

  /** The prepared statement used last per side (almost always the only one). */
  private final PreparedSlot[] recent = new PreparedSlot[2];

  private Map<String, PreparedStatement> others;

  /** The vendor statement that ran last, for the wrapper's forwarding of result navigation. */
  private Statement last;

  VendorStatements(StatementOptions options) {
    this.options = options;
  }

  /** A vendor prepared statement with what it was prepared for. */
  private record PreparedSlot(String sql, boolean keys, String keyColumn, PreparedStatement ps) {
    boolean isFor(String otherSql, boolean otherKeys, String otherKeyColumn) {
      return keys == otherKeys
          && Objects.equals(keyColumn, otherKeyColumn)
          && (sql == otherSql || sql.equals(otherSql));
    }
  }

  StatementOptions options() {
    return options;
  }

  StatementSettings settings() {
    return settings;
  }

  Statement last() {
    return last;
  }

  /** Notes the vendor statement that ran last. */
  void ran(Statement s) {
    last = s;
  }

  /** Takes over a plain vendor statement the connection already made for {@code side}. */
  void adopt(Side side, Statement vendor) {
    plain[side.ordinal()] = vendor;
    last = vendor;
  }

  /** Takes over a prepared statement made for {@code sql} before this wrapper existed. */
  void adoptPrepared(
      Side side, String sql, boolean keys, String keyColumn, PreparedStatement vendor) {
    recent[side.ordinal()] = new PreparedSlot(sql, keys, keyColumn, vendor);
    last = vendor;
  }

  @Override
  public synchronized Statement plainOn(Side side, Connection c) throws SQLException {
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
  @Override
  public synchronized PreparedStatement preparedOn(
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

  synchronized Statement rewindablePlainOn(Side side, Connection c) throws SQLException {
    Statement s = rewindablePlain[side.ordinal()];
    if (s == null || s.isClosed() || s.getConnection() != c) {
      closeQuietly(s, null);
      s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
      settings.applyTo(s);
      rewindablePlain[side.ordinal()] = s;
    }
    return s;
  }

  synchronized PreparedStatement rewindablePreparedOn(Side side, Connection c, String sql)
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

  private static String cacheKey(String sql, boolean keys, String keyColumn) {
    return keys ? "K" + (keyColumn == null ? "" : keyColumn) + "\u0000" + sql : sql;
  }

  /** Cancels whatever vendor statement is running. */
  void cancel() throws SQLException {
    if (last != null) {
      last.cancel();
    }
  }

  /** Closes every vendor statement; returns the first failure, after trying them all. */
  synchronized SQLException close(SQLException failure) {
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
    return failure;
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
}
