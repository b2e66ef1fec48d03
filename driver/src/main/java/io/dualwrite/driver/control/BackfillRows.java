package io.dualwrite.driver.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements on {@code dualwrite_backfill} (docs/control-store.md): registering a table's key
 * ranges, leasing one to a process, checkpointing the last key copied, completing and releasing it.
 * A lease only keeps two processes from doing the same work: copying a range twice is safe.
 */
final class BackfillRows {
  private BackfillRows() {}

  private static final String COLUMNS =
      "table_name, part, state, range_start, range_end, checkpoint_key, rows_copied, chunks,"
          + " rows_estimate, lease_owner, lease_until_ms, registered_at_ms, updated_at_ms,"
          + " completed_at_ms";

  static List<BackfillPart> list(Connection c, ControlDialect dialect, String table)
      throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + ", "
            + dialect.nowMillis()
            + " FROM dualwrite_backfill"
            + (table == null ? "" : " WHERE table_name = ?")
            + " ORDER BY table_name, part";
    List<BackfillPart> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (table != null) {
        ps.setString(1, table);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long now = rs.getLong(15);
          Instant until = instant(rs, 11);
          out.add(
              new BackfillPart(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getString(3),
                  keys(rs.getString(4)),
                  keys(rs.getString(5)),
                  keys(rs.getString(6)),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  rs.getString(10),
                  until,
                  until == null || until.toEpochMilli() < now,
                  instant(rs, 12),
                  instant(rs, 13),
                  instant(rs, 14)));
        }
      }
    }
    return out;
  }

  static Set<String> incompleteTables(Connection c) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT table_name FROM dualwrite_backfill WHERE state <> 'COMPLETE'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * Registers a table as consecutive key ranges in one transaction: part {@code i} runs from
   * boundary {@code i - 1} (exclusive; the first key for part 0) to boundary {@code i} (inclusive;
   * the last key for the last part). Returns false, with nothing written, when the table has a part
   * already (another process registered it first: its split stands).
   */
  static boolean insertParts(
      Connection c,
      ControlDialect dialect,
      String table,
      List<List<String>> boundaries,
      long estimate)
      throws SQLException {
    int parts = boundaries.size() + 1;
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(dialect.insertBackfill())) {
      for (int i = 0; i < parts; i++) {
        ps.setString(1, table);
        ps.setInt(2, i);
        ps.setString(3, i == 0 ? null : json(boundaries.get(i - 1)));
        ps.setString(4, i == parts - 1 ? null : json(boundaries.get(i)));
        ps.setLong(5, estimate / parts + (i < estimate % parts ? 1 : 0));
        try {
          ps.executeUpdate();
        } catch (SQLException e) {
          if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            c.rollback();
            return false; // a duplicate key: registered meanwhile
          }
          throw e;
        }
      }
      c.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      ControlStore.rollbackQuietly(c);
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Deletes a table's parts unless a live lease holds one; returns false when one does. */
  static boolean deleteUnleased(Connection c, ControlDialect dialect, String table)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT COUNT(*) FROM dualwrite_backfill WHERE table_name = ? AND lease_owner IS NOT"
                  + " NULL AND lease_until_ms >= "
                  + dialect.nowMillis())) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            c.rollback();
            return false;
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM dualwrite_backfill WHERE table_name = ?")) {
        ps.setString(1, table);
        ps.executeUpdate();
      }
      c.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      ControlStore.rollbackQuietly(c);
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  static boolean lease(
      Connection c, ControlDialect dialect, String table, int part, String owner, long millis)
      throws SQLException {
    String now = dialect.nowMillis();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE dualwrite_backfill SET lease_owner = ?, lease_until_ms = "
                + now
                + " + ?, state = CASE WHEN state = 'PENDING' THEN 'COPYING' ELSE state END,"
                + " updated_at_ms = "
                + now
                + " WHERE table_name = ? AND part = ? AND state <> 'COMPLETE' AND (lease_owner IS"
                + " NULL OR lease_owner = ? OR lease_until_ms < "
                + now
                + ")")) {
      ps.setString(1, ControlStore.clip(owner, 255));
      ps.setLong(2, millis);
      ps.setString(3, table);
      ps.setInt(4, part);
      ps.setString(5, ControlStore.clip(owner, 255));
      return ps.executeUpdate() == 1;
    }
  }

  static boolean checkpoint(
      Connection c,
      ControlDialect dialect,
      String table,
      int part,
      String owner,
      List<String> key,
      long rowsCopied,
      long chunks,
      long leaseMillis,
      boolean complete)
      throws SQLException {
    String now = dialect.nowMillis();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE dualwrite_backfill SET checkpoint_key = ?, rows_copied = ?, chunks = ?,"
                + " updated_at_ms = "
                + now
                + (complete
                    ? ", state = 'COMPLETE', completed_at_ms = "
                        + now
                        + ", lease_owner = NULL, lease_until_ms = NULL"
                    : ", lease_until_ms = " + now + " + ?")
                + " WHERE table_name = ? AND part = ? AND lease_owner = ?")) {
      int i = 1;
      ps.setString(i++, key == null || key.isEmpty() ? null : json(key));
      ps.setLong(i++, rowsCopied);
      ps.setLong(i++, chunks);
      if (!complete) {
        ps.setLong(i++, leaseMillis);
      }
      ps.setString(i++, table);
      ps.setInt(i++, part);
      ps.setString(i, ControlStore.clip(owner, 255));
      return ps.executeUpdate() == 1;
    }
  }

  static void release(Connection c, String table, int part, String owner) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE dualwrite_backfill SET lease_owner = NULL, lease_until_ms = NULL"
                + " WHERE table_name = ? AND part = ? AND lease_owner = ?")) {
      ps.setString(1, table);
      ps.setInt(2, part);
      ps.setString(3, ControlStore.clip(owner, 255));
      ps.executeUpdate();
    }
  }

  /** Every incomplete part back to its start, nothing copied (its copy is no longer current). */
  static int restartIncomplete(Connection c, ControlDialect dialect) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE dualwrite_backfill SET state = 'PENDING', checkpoint_key = NULL,"
                + " rows_copied = 0, chunks = 0, updated_at_ms = "
                + dialect.nowMillis()
                + " WHERE state <> 'COMPLETE'")) {
      return ps.executeUpdate();
    }
  }

  private static String json(List<String> key) {
    return key == null || key.isEmpty() ? null : JsonText.array(key);
  }

  private static List<String> keys(String json) {
    return json == null ? List.of() : JsonText.parseArray(json);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
