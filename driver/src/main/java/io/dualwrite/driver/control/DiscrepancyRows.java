package io.dualwrite.driver.control;

import io.dualwrite.driver.control.ControlStore.OpenRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements {@link ControlStore} runs on {@code dualwrite_discrepancies} (and the drift pairs
 * a flush window carries), each on a connection of the store's pool it is given: listing,
 * summarising and purging rows for {@code dualwrite-admin}, and writing one flush window for the
 * runtime's {@link ControlAgent}. Stateless.
 */
final class DiscrepancyRows {
  private DiscrepancyRows() {}

  /** Rows last seen at or after {@code since}, newest first, at most {@code limit}. */
  static List<DiscrepancyRow> list(Connection c, Instant since, int limit) throws SQLException {
    String sql =
        "SELECT id, first_seen_ms, last_seen_ms, instance, kind, fingerprint, occurrences,"
            + " sql_text, detail, table_names, row_keys FROM dualwrite_discrepancies"
            + " WHERE last_seen_ms >= ? ORDER BY last_seen_ms DESC, id DESC LIMIT ?";
    List<DiscrepancyRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, since == null ? 0 : since.toEpochMilli());
      ps.setInt(2, Math.max(0, limit));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DiscrepancyRow(
                  rs.getLong(1),
                  Instant.ofEpochMilli(rs.getLong(2)),
                  Instant.ofEpochMilli(rs.getLong(3)),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getLong(7),
                  rs.getString(8),
                  rs.getString(9),
                  ControlStore.parseList(rs.getString(10)),
                  ControlStore.parseList(rs.getString(11))));
        }
      }
    }
    return out;
  }

  /**
   * Discrepancies last seen at or after {@code since}, per fingerprint and kind across the fleet,
   * most frequent first.
   */
  static List<DiscrepancySummary> summary(Connection c, Instant since) throws SQLException {
    String sql =
        "SELECT g.fingerprint, g.kind, g.total, g.row_count, g.instance_count, g.first_seen,"
            + " g.last_seen, d.sql_text, d.detail FROM (SELECT fingerprint, kind,"
            + " SUM(occurrences) AS total, COUNT(*) AS row_count,"
            + " COUNT(DISTINCT instance) AS instance_count, MIN(first_seen_ms) AS first_seen,"
            + " MAX(last_seen_ms) AS last_seen, MIN(id) AS sample_id"
            + " FROM dualwrite_discrepancies WHERE last_seen_ms >= ? GROUP BY fingerprint, kind) g"
            + " JOIN dualwrite_discrepancies d ON d.id = g.sample_id"
            + " ORDER BY g.total DESC, g.fingerprint, g.kind";
    List<DiscrepancySummary> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, since == null ? 0 : since.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DiscrepancySummary(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  Instant.ofEpochMilli(rs.getLong(6)),
                  Instant.ofEpochMilli(rs.getLong(7)),
                  rs.getString(8),
                  rs.getString(9)));
        }
      }
    }
    return out;
  }

  /** Deletes rows last seen before {@code before} (retention); returns how many. */
  static int purge(Connection c, Instant before) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM dualwrite_discrepancies WHERE last_seen_ms < ?")) {
      ps.setLong(1, before.toEpochMilli());
      return ps.executeUpdate();
    }
  }

  /**
   * Writes one flush window in one transaction: each group adds to the row its kind and fingerprint
   * opened earlier ({@code openRows}, by id) or inserts a new one; a dropped-records summary; the
   * drift pairs. {@code openRows} is updated only after the commit.
   */
  static void writeWindow(
      Connection c,
      ControlDialect dialect,
      DiscrepancyBuffer.Batch batch,
      String instance,
      Map<DiscrepancyBuffer.GroupKey, OpenRow> openRows)
      throws SQLException {
    Map<DiscrepancyBuffer.GroupKey, OpenRow> opened = new HashMap<>();
    Set<DiscrepancyBuffer.GroupKey> gone = new LinkedHashSet<>();
    c.setAutoCommit(false);
    try {
      for (DiscrepancyBuffer.Group g : batch.groups()) {
        DiscrepancyBuffer.GroupKey key = g.key();
        OpenRow row = openRows.get(key);
        if (row != null && addToRow(c, row.id(), g.count(), g.last())) {
          continue;
        }
        if (row != null) {
          gone.add(key);
        }
        long id =
            insertRow(
                c,
                g.first().time(),
                g.last(),
                instance,
                g.first().kind().name(),
                g.first().fingerprint(),
                g.count(),
                g.first().sql(),
                g.first().detail(),
                JsonText.array(g.first().tables()),
                JsonText.array(g.first().keys()));
        opened.put(key, new OpenRow(id, System.currentTimeMillis()));
      }
      if (batch.dropped() > 0) {
        insertRow(
            c,
            batch.firstDropped(),
            batch.lastDropped(),
            instance,
            DiscrepancyBuffer.DROPPED_KIND,
            DiscrepancyBuffer.DROPPED_FINGERPRINT,
            batch.dropped(),
            null,
            batch.droppedDetail(),
            "[]",
            "[]");
      }
      if (!batch.drift().isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsertDrift())) {
          for (DiscrepancyBuffer.DriftKey k : batch.drift()) {
            ps.setString(1, k.table());
            ps.setString(2, k.key());
            ps.setString(3, ControlStore.clip(instance, 255));
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      ControlStore.rollbackQuietly(c);
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    gone.forEach(openRows::remove);
    openRows.putAll(opened);
  }

  private static boolean addToRow(Connection c, long id, long count, Instant last)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE dualwrite_discrepancies SET occurrences = occurrences + ?,"
                + " last_seen_ms = GREATEST(last_seen_ms, ?) WHERE id = ?")) {
      ps.setLong(1, count);
      ps.setLong(2, last.toEpochMilli());
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  private static long insertRow(
      Connection c,
      Instant first,
      Instant last,
      String instance,
      String kind,
      String fingerprint,
      long count,
      String sql,
      String detail,
      String tables,
      String keys)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dualwrite_discrepancies (first_seen_ms, last_seen_ms, instance, kind,"
                + " fingerprint, occurrences, sql_text, detail, table_names, row_keys)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      ps.setLong(1, first.toEpochMilli());
      ps.setLong(2, last.toEpochMilli());
      ps.setString(3, ControlStore.clip(instance, 255));
      ps.setString(4, kind);
      ps.setString(5, ControlStore.clip(fingerprint, 64));
      ps.setLong(6, count);
      ps.setString(7, DiscrepancyBuffer.truncate(sql));
      ps.setString(8, DiscrepancyBuffer.truncate(detail));
      ps.setString(9, DiscrepancyBuffer.truncate(tables));
      ps.setString(10, keys.length() > DiscrepancyBuffer.MAX_TEXT ? "[]" : keys);
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        if (!rs.next()) {
          throw new SQLException("no id generated for a dualwrite_discrepancies row");
        }
        return rs.getLong(1);
      }
    }
  }
}
