package io.dualwrite.driver.control;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dualwrite.driver.Phase;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.runtime.VendorDrivers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

/**
 * The control store's tables ({@code dualwrite_flags}, {@code dualwrite_instances}, {@code
 * dualwrite_discrepancies}, {@code dualwrite_drift}, {@code dualwrite_backfill}; schema in
 * docs/control-store.md) and every statement run on them, for MySQL and PostgreSQL. The driver's
 * runtime uses it through {@link ControlAgent}; {@code dualwrite-admin} uses the public methods, so
 * no SQL is written twice.
 *
 * <p>Connections come from a HikariCP pool of at most two, with a two-second connection timeout and
 * validation on borrow; the vendor drivers are used directly (no {@code DriverManager} lookup).
 * Thread-safe. Closing closes the pool.
 */
public final class ControlStore implements AutoCloseable {
  /**
   * The tables of the store, lower case. Application statements that name one are refused by the
   * driver (see docs/control-store.md, "Who may change the store").
   */
  public static final Set<String> TABLES =
      Set.of(
          "dualwrite_flags",
          "dualwrite_instances",
          "dualwrite_discrepancies",
          "dualwrite_drift",
          "dualwrite_backfill");

  static final String FLAGS_COLUMNS =
      "phase, read_percent, compare_percent, version, updated_at_ms, updated_by";

  private final HikariDataSource pool;
  private final ControlDialect dialect;
  private final ControlLocation location;

  /** How long the runtime's pool waits for a connection: the agent retries at its next refresh. */
  static final long RUNTIME_CONNECTION_TIMEOUT_MILLIS = 2000;

  private ControlStore(
      ControlLocation location,
      VendorDrivers vendors,
      String poolName,
      long connectionTimeoutMillis) {
    this.location = location;
    this.dialect = location.dialect();
    HikariConfig hc = new HikariConfig();
    hc.setPoolName(poolName);
    hc.setDataSource(new ControlDataSource(location, vendors));
    hc.setMaximumPoolSize(2);
    hc.setMinimumIdle(0);
    hc.setConnectionTimeout(connectionTimeoutMillis);
    hc.setValidationTimeout(1000);
    hc.setIdleTimeout(60_000);
    hc.setMaxLifetime(600_000);
    hc.setKeepaliveTime(0);
    // Start even when the database is down: the runtime keeps its flags and retries.
    hc.setInitializationFailTimeout(-1);
    hc.setAutoCommit(true);
    this.pool = new HikariDataSource(hc);
  }

  /**
   * Opens the control store at {@code jdbcUrl} ({@code jdbc:mysql:} or {@code jdbc:postgresql:})
   * with the vendor driver's {@code props} (user, password, ...), creating the tables if they do
   * not exist.
   *
   * @throws SQLException {@code 22023} for another kind of URL; the database's error if it cannot
   *     be reached or the tables cannot be created
   */
  public static ControlStore open(String jdbcUrl, Properties props) throws SQLException {
    return open(jdbcUrl, props, Duration.ofMillis(RUNTIME_CONNECTION_TIMEOUT_MILLIS));
  }

  /**
   * As {@link #open(String, Properties)}, waiting up to {@code connectionWait} for a connection
   * (each attempt still bounded by the vendor driver's 2 s connect timeout, retried by the pool):
   * for tools such as dualwrite-admin, where one slow first connection must not end the command.
   */
  public static ControlStore open(String jdbcUrl, Properties props, Duration connectionWait)
      throws SQLException {
    return openAndCreate(
        ControlLocation.of(jdbcUrl, props), "dualwrite-control", connectionWait.toMillis());
  }

  /**
   * Opens the control store a driver with {@code config} uses ({@code dualwrite.control}: primary
   * is the MySQL database of the URL, or the given JDBC URL), creating the tables if needed.
   *
   * @throws SQLException {@code 22023} when the configuration has {@code dualwrite.control=none}
   */
  public static ControlStore open(DualWriteConfig config) throws SQLException {
    return openAndCreate(
        ControlLocation.of(config), "dualwrite-control", RUNTIME_CONNECTION_TIMEOUT_MILLIS);
  }

  private static ControlStore openAndCreate(
      ControlLocation location, String poolName, long connectionTimeoutMillis) throws SQLException {
    ControlStore store =
        new ControlStore(location, new VendorDrivers(), poolName, connectionTimeoutMillis);
    try {
      store.ensureSchema();
      return store;
    } catch (SQLException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** For the runtime: no I/O here (the agent creates the tables on its first refresh). */
  static ControlStore forRuntime(ControlLocation location, VendorDrivers vendors, String poolName) {
    return new ControlStore(location, vendors, poolName, RUNTIME_CONNECTION_TIMEOUT_MILLIS);
  }

  /** The database and dialect, without credentials. */
  public String describe() {
    return location.toString();
  }

  // ------------------------------------------------------------------------------ schema

  /**
   * Creates the tables and indexes if they do not exist. Safe with many instances at once: each
   * statement is idempotent, and the race PostgreSQL reports as an error is retried.
   */
  public void ensureSchema() throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : dialect.createStatements()) {
        for (int attempt = 1; ; attempt++) {
          try {
            s.execute(ddl);
            break;
          } catch (SQLException e) {
            if (attempt >= 5 || !dialect.isConcurrentCreate(e)) {
              throw e;
            }
            sleepQuietly(50L * attempt);
          }
        }
      }
      addMissingColumns(c, s);
    }
  }

  /**
   * A store created by an older version lacks the crash-recovery columns of {@code
   * dualwrite_instances}: adds them (once; concurrent instances may race, the loser's duplicate
   * column error is ignored).
   */
  private void addMissingColumns(Connection c, Statement s) throws SQLException {
    StringBuilder probe = new StringBuilder("SELECT ");
    for (int i = 0; i < ControlDialect.ADDED_INSTANCE_COLUMNS.size(); i++) {
      probe.append(i == 0 ? "" : ", ").append(ControlDialect.ADDED_INSTANCE_COLUMNS.get(i).get(0));
    }
    probe.append(" FROM dualwrite_instances WHERE 1 = 0");
    try (ResultSet rs = s.executeQuery(probe.toString())) {
      return; // all present
    } catch (SQLException missing) {
      // fall through: add what is missing
    }
    for (List<String> col : ControlDialect.ADDED_INSTANCE_COLUMNS) {
      try {
        s.execute(dialect.addInstanceColumn(col.get(0), col.get(1)));
      } catch (SQLException e) {
        if (!dialect.isDuplicateColumn(e) && !dialect.isConcurrentCreate(e)) {
          throw e;
        }
      }
    }
  }

  // ------------------------------------------------------------------------------- flags

  /** The fleet's flags, or empty when no instance has created them yet. */
  public Optional<StoredFlags> flags() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return readFlags(c);
    }
  }

  private Optional<StoredFlags> readFlags(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT " + FLAGS_COLUMNS + " FROM dualwrite_flags WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      String phase = rs.getString(1);
      Phase p;
      try {
        p = Phase.valueOf(phase.trim());
      } catch (IllegalArgumentException e) {
        throw new SQLException(
            "dualwrite_flags holds an unknown phase '" + phase + "'", "22023", e);
      }
      int read = rs.getInt(2);
      int compare = rs.getInt(3);
      if (read < 0 || read > 100 || compare < 0 || compare > 100) {
        throw new SQLException(
            "dualwrite_flags holds percentages out of 0-100: read " + read + ", compare " + compare,
            "22023");
      }
      return Optional.of(
          new StoredFlags(
              p,
              read,
              compare,
              rs.getLong(4),
              Instant.ofEpochMilli(rs.getLong(5)),
              rs.getString(6)));
    }
  }

  /**
   * The flags, created at version 1 from the given values if the row does not exist (many instances
   * may race: one insert wins, every caller returns the same row).
   */
  StoredFlags flagsOrCreate(Phase phase, int readPercent, int comparePercent, String createdBy)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      Optional<StoredFlags> existing = readFlags(c);
      if (existing.isPresent()) {
        return existing.get();
      }
      flagsOrCreateOn(c, phase, readPercent, comparePercent, clip(createdBy, 255));
      return readFlags(c)
          .orElseThrow(() -> new SQLException("dualwrite_flags row vanished after insert"));
    }
  }

  /**
   * Sets the fleet's flags, whatever they were, as a new version. Instances apply it at their next
   * refresh and report it in their heartbeat.
   *
   * @return the stored flags with the new version
   */
  public StoredFlags setFlags(Phase phase, int readPercent, int comparePercent, String updatedBy)
      throws SQLException {
    return writeFlags(OptionalLong.empty(), phase, readPercent, comparePercent, updatedBy)
        .orElseThrow(() -> new SQLException("dualwrite_flags could not be updated"));
  }

  /**
   * Sets the flags only if the stored version is still {@code expectedVersion} (so a guard rail
   * checked against that version still holds).
   *
   * @return the new flags, or empty when another change came first
   */
  public Optional<StoredFlags> setFlagsIfVersion(
      long expectedVersion, Phase phase, int readPercent, int comparePercent, String updatedBy)
      throws SQLException {
    return writeFlags(
        OptionalLong.of(expectedVersion), phase, readPercent, comparePercent, updatedBy);
  }

  private Optional<StoredFlags> writeFlags(
      OptionalLong expected, Phase phase, int read, int compare, String updatedBy)
      throws SQLException {
    if (phase == null) {
      throw new IllegalArgumentException("phase");
    }
    if (read < 0 || read > 100 || compare < 0 || compare > 100) {
      throw new IllegalArgumentException("percentages must be 0-100");
    }
    String by = clip(updatedBy == null ? "unknown" : updatedBy, 255);
    try (Connection c = pool.getConnection()) {
      if (expected.isEmpty()) {
        flagsOrCreateOn(c, phase, read, compare, by);
      }
      c.setAutoCommit(false);
      try {
        String sql =
            "UPDATE dualwrite_flags SET phase = ?, read_percent = ?, compare_percent = ?,"
                + " version = version + 1, updated_at_ms = "
                + dialect.nowMillis()
                + ", updated_by = ? WHERE id = 1"
                + (expected.isPresent() ? " AND version = ?" : "");
        int n;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, phase.name());
          ps.setInt(2, read);
          ps.setInt(3, compare);
          ps.setString(4, by);
          if (expected.isPresent()) {
            ps.setLong(5, expected.getAsLong());
          }
          n = ps.executeUpdate();
        }
        Optional<StoredFlags> result = n == 1 ? readFlags(c) : Optional.empty();
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private void flagsOrCreateOn(Connection c, Phase phase, int read, int compare, String by)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.insertFlagsIfAbsent())) {
      ps.setString(1, phase.name());
      ps.setInt(2, read);
      ps.setInt(3, compare);
      ps.setString(4, by);
      ps.executeUpdate();
    }
  }

  // --------------------------------------------------------------------------- instances

  /** Every instance's last heartbeat, by name. */
  public List<InstanceStatus> instances() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return InstanceRows.list(c, dialect);
    }
  }

  /** Forgets an instance (one that was shut down for good). */
  public boolean removeInstance(String instance) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return InstanceRows.remove(c, instance);
    }
  }

  /** Writes an instance's heartbeat (update, or insert the first time). */
  void heartbeat(Heartbeat h) throws SQLException {
    try (Connection c = pool.getConnection()) {
      InstanceRows.heartbeat(c, dialect, h);
    }
  }

  /** The written tables as stored: a JSON array, {@code ["*"]} when too long for the column. */
  static String writtenJson(List<String> tables) {
    return InstanceRows.writtenJson(tables);
  }

  /**
   * Publishes the tables an instance is writing, between two heartbeats (announced as soon as a
   * write names a table not published yet).
   */
  void announce(String instance, List<String> tables) throws SQLException {
    try (Connection c = pool.getConnection()) {
      InstanceRows.announce(c, instance, tables);
    }
  }

  /** An instance whose written tables were turned into drift because it died. */
  public record CrashDrift(String instance, Instant lastSeen, List<String> tables) {}

  /**
   * Opens whole-table drift on the written tables of every instance that stopped heartbeating (not
   * seen for three of its refresh intervals) without a clean stop, once per such instance (marked
   * in {@code crash_drift_ms}; a new heartbeat of the instance clears the mark). Run by every
   * instance's refresh and by {@code dualwrite-admin status} and {@code repair}; concurrent callers
   * open it once (the mark is set only if the row is unchanged, in the drift rows' transaction).
   *
   * @return the instances handled by this call
   */
  public List<CrashDrift> openCrashDrift() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return InstanceRows.openCrashDrift(c, dialect);
    }
  }

  /**
   * At an instance's first heartbeat: if a previous process with the same instance name did not
   * stop cleanly and its drift was not opened yet (it restarted within three refresh intervals),
   * opens drift on that process's written tables.
   *
   * @return the tables drifted, empty if none
   */
  List<String> openDriftOfPrevious(String instance, long startedAtMs) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return InstanceRows.openDriftOfPrevious(c, dialect, instance, startedAtMs);
    }
  }

  // ------------------------------------------------------------------------ discrepancies

  /** Rows last seen at or after {@code since}, newest first, at most {@code limit}. */
  public List<DiscrepancyRow> discrepancies(Instant since, int limit) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return DiscrepancyRows.list(c, since, limit);
    }
  }

  /**
   * Discrepancies last seen at or after {@code since}, per fingerprint and kind across the fleet,
   * most frequent first.
   */
  public List<DiscrepancySummary> discrepancySummary(Instant since) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return DiscrepancyRows.summary(c, since);
    }
  }

  /** Deletes rows last seen before {@code before} (retention); returns how many. */
  public int purgeDiscrepancies(Instant before) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return DiscrepancyRows.purge(c, before);
    }
  }

  /**
   * Writes one flush window in one transaction: each group adds to the row its kind and fingerprint
   * opened earlier ({@code openRows}, by id) or inserts a new one; a dropped-records summary; the
   * drift pairs. {@code openRows} is updated only after the commit.
   */
  void writeBatch(
      DiscrepancyBuffer.Batch batch,
      String instance,
      Map<DiscrepancyBuffer.GroupKey, OpenRow> openRows)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      DiscrepancyRows.writeWindow(c, dialect, batch, instance, openRows);
    }
  }

  /** A discrepancy row this instance may still add occurrences to. */
  record OpenRow(long id, long openedAtMillis) {}

  // -------------------------------------------------------------------------------- drift

  /** Every drift row, by table and key. */
  public List<DriftEntry> drift() throws SQLException {
    List<DriftEntry> out = new ArrayList<>();
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT table_name, row_key, first_seen_ms, last_seen_ms, instance"
                    + " FROM dualwrite_drift ORDER BY table_name, row_key");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new DriftEntry(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5)));
      }
    }
    return out;
  }

  /** The tables with drift anywhere in the fleet (what instances route on). */
  Set<String> driftTables() throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT DISTINCT table_name FROM dualwrite_drift");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** {@link #clearDrift(String, Collection, Instant)} up to the database's clock now. */
  public int clearDrift(String table, Collection<String> keys) throws SQLException {
    return clearDrift(table, keys, null);
  }

  /**
   * Marks drift repaired: the given keys of {@code table} (all its rows, including the whole-table
   * marker, when {@code keys} is empty), last seen at or before {@code notAfter}. Take {@code
   * notAfter} from {@link #databaseNow()} before reading the authoritative rows: drift opened again
   * while the repair ran is newer and stays. Instances stop routing around the table at their next
   * refresh once no row of it is left.
   *
   * @param notAfter null for the database's clock now
   * @return rows deleted
   */
  public int clearDrift(String table, Collection<String> keys, Instant notAfter)
      throws SQLException {
    String limit = notAfter == null ? dialect.nowMillis() : "?";
    try (Connection c = pool.getConnection()) {
      if (keys == null || keys.isEmpty()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM dualwrite_drift WHERE table_name = ? AND last_seen_ms <= " + limit)) {
          ps.setString(1, table);
          if (notAfter != null) {
            ps.setLong(2, notAfter.toEpochMilli());
          }
          return ps.executeUpdate();
        }
      }
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM dualwrite_drift WHERE table_name = ? AND row_key = ?"
                  + " AND last_seen_ms <= "
                  + limit)) {
        for (String key : keys) {
          ps.setString(1, table);
          ps.setString(2, key);
          if (notAfter != null) {
            ps.setLong(3, notAfter.toEpochMilli());
          }
          ps.addBatch();
        }
        int n = 0;
        for (int r : ps.executeBatch()) {
          n += Math.max(0, r);
        }
        c.commit();
        return n;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  // ----------------------------------------------------------------------------- backfill

  /** Every part of every table {@code dualwrite-admin backfill} knows, by table and part. */
  public List<BackfillPart> backfillParts() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return BackfillRows.list(c, dialect, null);
    }
  }

  /** The parts of one table. */
  public List<BackfillPart> backfillParts(String table) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return BackfillRows.list(c, dialect, table);
    }
  }

  /**
   * The tables with a part not complete: what instances keep reads on MySQL for and expect fewer
   * rows on PostgreSQL in, and what {@code set-phase} and {@code set-read-percent} refuse over.
   */
  public Set<String> incompleteBackfillTables() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return BackfillRows.incompleteTables(c);
    }
  }

  /**
   * Registers a table as {@code boundaries.size() + 1} parts (state PENDING, nothing copied) in one
   * transaction: part {@code i} holds the keys after boundary {@code i - 1} up to boundary {@code
   * i}, the first part from the table's first key, the last to its last key. No boundary: one part,
   * the whole table.
   *
   * @return false, with nothing written, when the table has a part already
   */
  public boolean registerBackfillParts(
      String table, List<List<String>> boundaries, long rowsEstimate) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return BackfillRows.insertParts(
          c, dialect, clip(table, ControlDialect.MAX_TABLE_NAME), boundaries, rowsEstimate);
    }
  }

  /**
   * Forgets a table's parts (to copy it again from its first key), unless a process holds a lease
   * on one that has not expired.
   *
   * @return false when a live lease holds a part
   */
  public boolean forgetBackfill(String table) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return BackfillRows.deleteUnleased(c, dialect, table);
    }
  }

  /**
   * Leases a part to {@code owner} for {@code millis} by the store's clock, if it is not complete
   * and has no other live lease (or already has this owner's); a PENDING part becomes COPYING.
   */
  public boolean leaseBackfill(String table, int part, String owner, long millis)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      return BackfillRows.lease(c, dialect, table, part, owner, millis);
    }
  }

  /**
   * Records the last key copied and the counts, and extends the lease by {@code leaseMillis}; with
   * {@code complete}, marks the part COMPLETE and ends the lease.
   *
   * @return false when {@code owner} no longer holds the lease (nothing written)
   */
  public boolean checkpointBackfill(
      String table,
      int part,
      String owner,
      List<String> lastKey,
      long rowsCopied,
      long chunks,
      long leaseMillis,
      boolean complete)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      return BackfillRows.checkpoint(
          c, dialect, table, part, owner, lastKey, rowsCopied, chunks, leaseMillis, complete);
    }
  }

  /** Ends {@code owner}'s lease on a part (the checkpoint stays). */
  public void releaseBackfill(String table, int part, String owner) throws SQLException {
    try (Connection c = pool.getConnection()) {
      BackfillRows.release(c, table, part, owner);
    }
  }

  /**
   * Sends every incomplete part back to its first key: writes were not mirrored meanwhile (the
   * fleet left DUAL_WRITE), so what was copied is no longer current.
   *
   * @return parts restarted
   */
  public int restartIncompleteBackfill() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return BackfillRows.restartIncomplete(c, dialect);
    }
  }

  /** The control database's clock (what {@code last_seen} columns are written with). */
  public Instant databaseNow() throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + dialect.nowMillis());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Instant.ofEpochMilli(rs.getLong(1));
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "ControlStore[" + describe() + "]";
  }

  // ------------------------------------------------------------------------------ helpers

  static List<String> parseList(String json) {
    try {
      return JsonText.parseArray(json);
    } catch (IllegalArgumentException e) {
      return List.of(json);
    }
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // the connection is broken; the pool will discard it
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
