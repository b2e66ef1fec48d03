package io.dualwrite.driver.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's two-phase commit as {@code PG_PRIMARY} uses it (see {@code jdbc/TwoPhaseCommit}):
 * whether the server allows prepared transactions, the names the driver gives them, and the
 * resolution of those an application instance left behind when it died between PostgreSQL's {@code
 * PREPARE TRANSACTION} and its {@code COMMIT PREPARED}.
 *
 * <p>The driver only ever commits a transaction it prepared (a prepared transaction passed every
 * check PostgreSQL makes at commit, and MySQL commits between the two steps), so any process may
 * commit one whose owner is gone: a second {@code COMMIT PREPARED} of the same name fails with
 * {@code 42704} and changes nothing. One left behind holds its row locks until then; it is
 * committed once it is older than {@link #orphanAfterMillis()}, far longer than the owner's own
 * window (MySQL's commit, bounded by {@code dualwrite.mirrorTimeoutMillis}).
 */
public final class PreparedTransactions {
  private static final Logger LOG = LoggerFactory.getLogger(PreparedTransactions.class);

  /** Every transaction the driver prepares is named {@code dualwrite:<instance>:<uuid>}. */
  public static final String GID_PREFIX = "dualwrite:";

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

  private final String gidStem;
  private final long orphanAfterMillis;
  private volatile Boolean allowed;

  /** The shortest wait before a prepared transaction counts as left behind. */
  public static final long MIN_ORPHAN_MILLIS = 60_000L;

  PreparedTransactions(String instance, int mirrorTimeoutMillis) {
    this.gidStem = gidStem(instance);
    this.orphanAfterMillis = Math.max(MIN_ORPHAN_MILLIS, 10L * mirrorTimeoutMillis);
  }

  /** How the names of the transactions {@code instance} prepares begin. */
  public static String gidStem(String instance) {
    String safe = UNSAFE.matcher(instance).replaceAll("_");
    return GID_PREFIX + safe.substring(0, Math.min(safe.length(), 60)) + ":";
  }

  /** A new transaction name, unique to this commit; safe inside a SQL string literal. */
  public String newGid() {
    return gidStem + UUID.randomUUID();
  }

  /**
   * Whether the server behind {@code postgres} allows prepared transactions ({@code
   * max_prepared_transactions} above 0; PostgreSQL's default is 0). Asked once per runtime; logged
   * once when it does not, since {@code PG_PRIMARY} then cannot refuse a transaction before MySQL
   * commits it.
   */
  public boolean allowed(Connection postgres) throws SQLException {
    Boolean known = allowed;
    if (known == null) {
      try (Statement s = postgres.createStatement();
          ResultSet rs = s.executeQuery("SHOW max_prepared_transactions")) {
        known = rs.next() && Integer.parseInt(rs.getString(1).trim()) > 0;
      }
      if (!known) {
        LOG.warn(
            "PostgreSQL has max_prepared_transactions = 0: in PG_PRIMARY a transaction PostgreSQL"
                + " refuses at COMMIT (a SERIALIZABLE conflict, a deferred constraint) is then"
                + " committed on MySQL only and recorded as COMMIT_FAILED; set"
                + " max_prepared_transactions above 0 to have it refused on both sides");
      }
      allowed = known;
    }
    return known;
  }

  /** How old a prepared transaction of the driver must be to count as left behind. */
  public long orphanAfterMillis() {
    return orphanAfterMillis;
  }

  /**
   * Commits every transaction the driver prepared in {@code postgres}'s database that is older than
   * {@code olderThanMillis}: their owners are gone. Returns how many it committed.
   */
  public static int commitLeftBehind(Connection postgres, long olderThanMillis)
      throws SQLException {
    return commitLeftBehind(postgres, olderThanMillis, List.of());
  }

  /**
   * Commits every transaction the driver prepared in {@code postgres}'s database that is older than
   * {@code olderThanMillis} or was prepared by one of {@code goneInstances} (instances known to
   * have stopped without a clean stop). Returns how many it committed.
   */
  public static int commitLeftBehind(
      Connection postgres, long olderThanMillis, Collection<String> goneInstances)
      throws SQLException {
    List<String> gids = new ArrayList<>();
    try (PreparedStatement ps =
        postgres.prepareStatement(
            "SELECT gid, extract(epoch FROM now() - prepared) * 1000 FROM pg_prepared_xacts"
                + " WHERE database = current_database() AND starts_with(gid, ?)")) {
      ps.setString(1, GID_PREFIX);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String gid = rs.getString(1);
          if (rs.getDouble(2) >= olderThanMillis
              || goneInstances.stream().anyMatch(i -> gid.startsWith(gidStem(i)))) {
            gids.add(gid);
          }
        }
      }
    }
    int committed = 0;
    for (String gid : gids) {
      if (commitPrepared(postgres, gid)) {
        committed++;
        LOG.warn(
            "committed PostgreSQL transaction {}, prepared by dualwrite and left behind (its"
                + " instance stopped between PREPARE TRANSACTION and COMMIT PREPARED)",
            gid);
      }
    }
    return committed;
  }

  /**
   * {@code COMMIT PREPARED}, which PostgreSQL runs only outside a transaction block. Returns false
   * when the transaction no longer exists ({@code 42704}: another process committed it).
   */
  public static boolean commitPrepared(Connection postgres, String gid) throws SQLException {
    boolean autoCommit = postgres.getAutoCommit();
    if (!autoCommit) {
      postgres.setAutoCommit(true); // no transaction is open after PREPARE: commits nothing
    }
    try (Statement s = postgres.createStatement()) {
      s.execute("COMMIT PREPARED '" + gid.replace("'", "''") + "'");
      return true;
    } catch (SQLException e) {
      if ("42704".equals(e.getSQLState())) {
        return false;
      }
      throw e;
    } finally {
      if (!autoCommit) {
        postgres.setAutoCommit(false);
      }
    }
  }
}
