package io.dualwrite.admin.repair;

import io.dualwrite.admin.verify.Column;
import io.dualwrite.admin.verify.Side;
import io.dualwrite.admin.verify.TableSpec;
import io.dualwrite.driver.compare.ValueNormalizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes one row of the non-authoritative side equal to the authoritative one, safely while the
 * application keeps writing.
 *
 * <p>Per key, in one short transaction on each side: the authoritative row is read with {@code
 * SELECT ... FOR UPDATE} (so the application cannot change it, or insert it, until the repair
 * commits; the driver holds an application write's authoritative row locks until its mirror ran, so
 * a write that got there first is on both sides before the repair reads), the other side's row is
 * read with {@code FOR UPDATE} too, then it is inserted, updated (every written column, so MySQL's
 * ON UPDATE columns keep the authoritative value) or deleted. The other side commits first, then
 * the authoritative side releases its lock. A row that already matches is left alone, so a repair
 * run twice changes nothing the second time.
 */
public final class RowRepairer {
  /** What one key needed. */
  public enum Outcome {
    INSERTED,
    UPDATED,
    DELETED,
    UNCHANGED
  }

  private final Connection mysql;
  private final Connection pg;
  private final Side authoritative;
  private final boolean dryRun;

  public RowRepairer(Connection mysql, Connection pg, Side authoritative, boolean dryRun) {
    this.mysql = mysql;
    this.pg = pg;
    this.authoritative = authoritative;
    this.dryRun = dryRun;
  }

  private Connection on(Side side) {
    return side == Side.MYSQL ? mysql : pg;
  }

  /** Repairs the row with primary key {@code key} (values as text, in key order). */
  public Outcome repair(TableSpec t, List<String> key) throws SQLException {
    if (key.size() != t.keyIndexes().size()) {
      throw new IllegalArgumentException(
          "key "
              + key
              + " does not match the primary key "
              + t.keyNames()
              + " of "
              + t.mysqlName());
    }
    Side other = authoritative.other();
    Connection a = on(authoritative);
    Connection o = on(other);
    a.setAutoCommit(false);
    o.setAutoCommit(false);
    try {
      Object[] source = selectForUpdate(a, authoritative, t, key);
      Object[] target = selectForUpdate(o, other, t, key);
      Outcome outcome;
      if (source == null && target == null) {
        outcome = Outcome.UNCHANGED;
      } else if (source == null) {
        delete(o, other, t, key);
        outcome = Outcome.DELETED;
      } else if (target == null) {
        insert(o, other, t, source);
        outcome = Outcome.INSERTED;
      } else if (same(source, target)) {
        outcome = Outcome.UNCHANGED;
      } else {
        update(o, other, t, source, key);
        outcome = Outcome.UPDATED;
      }
      if (dryRun) {
        o.rollback();
      } else {
        o.commit();
      }
      a.commit();
      return outcome;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(o);
      rollbackQuietly(a);
      throw e;
    } finally {
      o.setAutoCommit(true);
      a.setAutoCommit(true);
    }
  }

  private static boolean same(Object[] a, Object[] b) {
    for (int c = 0; c < a.length; c++) {
      if (!Objects.equals(ValueNormalizer.normalize(a[c]), ValueNormalizer.normalize(b[c]))) {
        return false;
      }
    }
    return true;
  }

  private static String keyPredicate(Side side, TableSpec t) {
    StringBuilder b = new StringBuilder();
    for (int i : t.keyIndexes()) {
      b.append(b.length() == 0 ? "" : " AND ").append(t.column(side, i)).append(" = ?");
    }
    return b.toString();
  }

  private static int bindKey(
      PreparedStatement ps, int from, Side side, TableSpec t, List<String> key)
      throws SQLException {
    List<Column> keyColumns = t.keyColumns();
    for (int i = 0; i < keyColumns.size(); i++) {
      side.bindKeyText(ps, from++, key.get(i), keyColumns.get(i));
    }
    return from;
  }

  private static Object[] selectForUpdate(Connection c, Side side, TableSpec t, List<String> key)
      throws SQLException {
    String sql =
        "SELECT "
            + t.selectList(side)
            + " FROM "
            + t.name(side)
            + " WHERE "
            + keyPredicate(side, t)
            + " FOR UPDATE";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindKey(ps, 1, side, t, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Object[] row = new Object[t.columns().size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = side.read(rs, i + 1, t.columns().get(i));
        }
        return row;
      }
    }
  }

  private static void delete(Connection c, Side side, TableSpec t, List<String> key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + t.name(side) + " WHERE " + keyPredicate(side, t))) {
      bindKey(ps, 1, side, t, key);
      ps.executeUpdate();
    }
  }

  private static void insert(Connection c, Side side, TableSpec t, Object[] source)
      throws SQLException {
    List<Integer> cols = t.writableOn(side);
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (int i : cols) {
      names.append(names.length() == 0 ? "" : ", ").append(t.column(side, i));
      marks.append(marks.length() == 0 ? "?" : ", ?");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + t.name(side) + " (" + names + ") VALUES (" + marks + ")")) {
      int p = 1;
      for (int i : cols) {
        side.bind(ps, p++, source[i], t.columns().get(i));
      }
      ps.executeUpdate();
    }
  }

  private static void update(
      Connection c, Side side, TableSpec t, Object[] source, List<String> key) throws SQLException {
    List<Integer> cols = new ArrayList<>(t.writableOn(side));
    cols.removeAll(t.keyIndexes());
    if (cols.isEmpty()) {
      return;
    }
    StringBuilder set = new StringBuilder();
    for (int i : cols) {
      set.append(set.length() == 0 ? "" : ", ").append(t.column(side, i)).append(" = ?");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE " + t.name(side) + " SET " + set + " WHERE " + keyPredicate(side, t))) {
      int p = 1;
      for (int i : cols) {
        side.bind(ps, p++, source[i], t.columns().get(i));
      }
      bindKey(ps, p, side, t, key);
      ps.executeUpdate();
    }
  }

  /**
   * After rows were inserted with explicit keys on PostgreSQL: moves the key columns' identity
   * sequences past the largest key, so the next generated key does not collide.
   */
  public static void keepSequencesAhead(Connection pg, TableSpec t) throws SQLException {
    for (Column k : t.keyColumns()) {
      String sequence;
      try (PreparedStatement ps = pg.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
        ps.setString(1, Side.POSTGRES.quote(t.pgName()));
        ps.setString(2, k.pgName());
        try (ResultSet rs = ps.executeQuery()) {
          sequence = rs.next() ? rs.getString(1) : null;
        }
      }
      if (sequence == null) {
        continue;
      }
      String column = Side.POSTGRES.quote(k.pgName());
      try (PreparedStatement ps =
          pg.prepareStatement(
              "SELECT setval(CAST(? AS regclass), m) FROM (SELECT MAX("
                  + column
                  + ") AS m FROM "
                  + t.name(Side.POSTGRES)
                  + ") x WHERE m IS NOT NULL"
                  + " AND m > COALESCE(pg_sequence_last_value(CAST(? AS regclass)), 0)")) {
        ps.setString(1, sequence);
        ps.setString(2, sequence);
        ps.execute();
      }
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The original failure is what matters.
    }
  }
}
