package io.dualwrite.driver.control;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.control.ControlStore.CrashDrift;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements {@link ControlStore} runs on {@code dualwrite_instances} (docs/control-store.md),
 * each on a connection of the store's pool it is given: listing and forgetting instances for {@code
 * dualwrite-admin}, writing a heartbeat and announcing written tables for the runtime's {@link
 * ControlAgent}, and opening whole-table drift ({@code dualwrite_drift}) on the written tables of
 * an instance that died. Stateless.
 */
final class InstanceRows {
  private InstanceRows() {}

  /** Every instance's last heartbeat, by name. */
  static List<InstanceStatus> list(Connection c, ControlDialect dialect) throws SQLException {
    String sql =
        "SELECT instance, started_at_ms, last_seen_ms, "
            + dialect.nowMillis()
            + " - last_seen_ms, refresh_millis, applied_version, phase, read_percent,"
            + " compare_percent, mysql_breaker, postgres_breaker, mirror_health, discrepancies,"
            + " discrepancies_dropped, drift_tables, control_outages, last_outage_start_ms,"
            + " last_outage_end_ms, last_outage_error, flags_error, written_tables,"
            + " stopped_at_ms, crash_drift_ms FROM dualwrite_instances ORDER BY instance";
    List<InstanceStatus> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Phase phase;
        try {
          phase = Phase.valueOf(rs.getString(7));
        } catch (IllegalArgumentException e) {
          phase = null;
        }
        out.add(
            new InstanceStatus(
                rs.getString(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                Instant.ofEpochMilli(rs.getLong(3)),
                Math.max(0, rs.getLong(4)),
                rs.getInt(5),
                rs.getLong(6),
                phase,
                rs.getInt(8),
                rs.getInt(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getLong(13),
                rs.getLong(14),
                rs.getInt(15),
                rs.getInt(16),
                instant(rs, 17),
                instant(rs, 18),
                rs.getString(19),
                rs.getString(20),
                rs.getString(21) == null ? List.of() : ControlStore.parseList(rs.getString(21)),
                instant(rs, 22),
                instant(rs, 23)));
      }
    }
    return out;
  }

  /** Forgets an instance (one that was shut down for good). */
  static boolean remove(Connection c, String instance) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM dualwrite_instances WHERE instance = ?")) {
      ps.setString(1, instance);
      return ps.executeUpdate() > 0;
    }
  }

  /** Writes an instance's heartbeat (update, or insert the first time). */
  static void heartbeat(Connection c, ControlDialect dialect, Heartbeat h) throws SQLException {
    String now = dialect.nowMillis();
    String update =
        "UPDATE dualwrite_instances SET last_seen_ms = "
            + now
            + ", started_at_ms = ?, refresh_millis = ?, applied_version = ?, phase = ?,"
            + " read_percent = ?, compare_percent = ?, mysql_breaker = ?, postgres_breaker = ?,"
            + " mirror_health = ?, discrepancies = ?, discrepancies_dropped = ?, drift_tables = ?,"
            + " control_outages = ?, last_outage_start_ms = ?, last_outage_end_ms = ?,"
            + " last_outage_error = ?, flags_error = ?, written_tables = ?, stopped_at_ms = "
            + stopped(h, now)
            + ", crash_drift_ms = NULL WHERE instance = ?";
    String insert =
        "INSERT INTO dualwrite_instances (last_seen_ms, started_at_ms, refresh_millis,"
            + " applied_version, phase, read_percent, compare_percent, mysql_breaker,"
            + " postgres_breaker, mirror_health, discrepancies, discrepancies_dropped,"
            + " drift_tables, control_outages, last_outage_start_ms, last_outage_end_ms,"
            + " last_outage_error, flags_error, written_tables, stopped_at_ms, instance) VALUES ("
            + now
            + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + stopped(h, now)
            + ", ?)";
    if (runHeartbeat(c, update, h) > 0) {
      return;
    }
    try {
      runHeartbeat(c, insert, h);
    } catch (SQLException e) {
      // Inserted meanwhile by a process with the same instance name: update it.
      if (runHeartbeat(c, update, h) == 0) {
        throw e;
      }
    }
  }

  private static String stopped(Heartbeat h, String now) {
    return h.stopped() ? now : "NULL";
  }

  /** The written tables as stored: a JSON array, {@code ["*"]} when too long for the column. */
  static String writtenJson(List<String> tables) {
    String json = JsonText.array(tables == null ? List.of() : tables);
    return json.length() > MAX_WRITTEN_JSON ? JsonText.array(List.of(WrittenTables.ALL)) : json;
  }

  /** MySQL's TEXT holds 65,535 bytes; table names are mostly ASCII. */
  static final int MAX_WRITTEN_JSON = 16_000;

  /**
   * Publishes the tables an instance is writing, between two heartbeats (announced as soon as a
   * write names a table not published yet).
   */
  static void announce(Connection c, String instance, List<String> tables) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE dualwrite_instances SET written_tables = ? WHERE instance = ?")) {
      ps.setString(1, writtenJson(tables));
      ps.setString(2, instance);
      ps.executeUpdate();
    }
  }

  /**
   * Opens whole-table drift on the written tables of every instance that stopped heartbeating (not
   * seen for three of its refresh intervals) without a clean stop, once per such instance (marked
   * in {@code crash_drift_ms}; a new heartbeat of the instance clears the mark). Run by every
   * instance's refresh and by {@code dualwrite-admin status} and {@code repair}; concurrent callers
   * open it once (the mark is set only if the row is unchanged, in the drift rows' transaction).
   *
   * @return the instances handled by this call
   */
  static List<CrashDrift> openCrashDrift(Connection c, ControlDialect dialect) throws SQLException {
    String now = dialect.nowMillis();
    List<Object[]> candidates = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT instance, last_seen_ms, written_tables FROM dualwrite_instances"
                    + " WHERE stopped_at_ms IS NULL AND crash_drift_ms IS NULL"
                    + " AND written_tables IS NOT NULL AND "
                    + now
                    + " - last_seen_ms > 3 * refresh_millis");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        candidates.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)});
      }
    }
    List<CrashDrift> out = new ArrayList<>();
    for (Object[] row : candidates) {
      String instance = (String) row[0];
      long lastSeen = (Long) row[1];
      List<String> tables = ControlStore.parseList((String) row[2]);
      c.setAutoCommit(false);
      try {
        int marked;
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE dualwrite_instances SET crash_drift_ms = "
                    + now
                    + " WHERE instance = ? AND last_seen_ms = ? AND crash_drift_ms IS NULL"
                    + " AND stopped_at_ms IS NULL")) {
          ps.setString(1, instance);
          ps.setLong(2, lastSeen);
          marked = ps.executeUpdate();
        }
        if (marked == 1 && !tables.isEmpty()) {
          openWholeTableDrift(c, dialect, tables, instance);
        }
        c.commit();
        if (marked == 1 && !tables.isEmpty()) {
          out.add(new CrashDrift(instance, Instant.ofEpochMilli(lastSeen), tables));
        }
      } catch (SQLException | RuntimeException e) {
        ControlStore.rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return out;
  }

  /**
   * At an instance's first heartbeat: if a previous process with the same instance name did not
   * stop cleanly and its drift was not opened yet (it restarted within three refresh intervals),
   * opens drift on that process's written tables.
   *
   * @return the tables drifted, empty if none
   */
  static List<String> openDriftOfPrevious(
      Connection c, ControlDialect dialect, String instance, long startedAtMs) throws SQLException {
    c.setAutoCommit(false);
    try {
      List<String> tables = List.of();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT written_tables FROM dualwrite_instances WHERE instance = ?"
                  + " AND started_at_ms <> ? AND stopped_at_ms IS NULL"
                  + " AND crash_drift_ms IS NULL AND written_tables IS NOT NULL FOR UPDATE")) {
        ps.setString(1, instance);
        ps.setLong(2, startedAtMs);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            tables = ControlStore.parseList(rs.getString(1));
          }
        }
      }
      if (!tables.isEmpty()) {
        openWholeTableDrift(c, dialect, tables, instance);
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE dualwrite_instances SET crash_drift_ms = "
                    + dialect.nowMillis()
                    + " WHERE instance = ?")) {
          ps.setString(1, instance);
          ps.executeUpdate();
        }
      }
      c.commit();
      return tables;
    } catch (SQLException | RuntimeException e) {
      ControlStore.rollbackQuietly(c);
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static void openWholeTableDrift(
      Connection c, ControlDialect dialect, List<String> tables, String instance)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.upsertDrift())) {
      for (String table : tables) {
        ps.setString(1, ControlStore.clip(table, ControlDialect.MAX_TABLE_NAME));
        ps.setString(2, "");
        ps.setString(3, ControlStore.clip(instance, 255));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static int runHeartbeat(Connection c, String sql, Heartbeat h) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, h.startedAtMs());
      ps.setInt(i++, h.refreshMillis());
      ps.setLong(i++, h.appliedVersion());
      ps.setString(i++, h.phase().name());
      ps.setInt(i++, h.readPercent());
      ps.setInt(i++, h.comparePercent());
      ps.setString(i++, h.mysqlBreaker());
      ps.setString(i++, h.postgresBreaker());
      ps.setString(i++, h.mirrorHealth());
      ps.setLong(i++, h.discrepancies());
      ps.setLong(i++, h.discrepanciesDropped());
      ps.setInt(i++, h.driftTables());
      ps.setInt(i++, h.controlOutages());
      setLongOrNull(ps, i++, h.lastOutageStartMs());
      setLongOrNull(ps, i++, h.lastOutageEndMs());
      ps.setString(i++, ControlStore.clip(h.lastOutageError(), 500));
      ps.setString(i++, ControlStore.clip(h.flagsError(), 500));
      ps.setString(i++, writtenJson(h.writtenTables()));
      ps.setString(i, h.instance());
      return ps.executeUpdate();
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static void setLongOrNull(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }
}
