package io.dualwrite.driver.mirror;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a translated DDL statement on PostgreSQL one statement at a time (the rewriter may turn one
 * MySQL statement into several, separated by {@code ;\n}), and keeps foreign keys whose referenced
 * table does not exist yet for later: MySQL scripts create tables in any order under {@code
 * FOREIGN_KEY_CHECKS=0}. A pending key is added as soon as a later DDL statement succeeds and its
 * table exists, {@code NOT VALID} (rows written meanwhile are not re-checked, as MySQL does not
 * check rows that existed while checks were off). One instance per driver runtime.
 */
public final class PostgresDdl {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresDdl.class);

  private final List<String> pendingForeignKeys = new ArrayList<>();

  /** Runs {@code postgresSql}; returns the update count of its last statement. */
  public long execute(Connection pg, String postgresSql) throws SQLException {
    long count = 0;
    for (String sql : postgresSql.split(";\n")) {
      if (sql.isBlank()) {
        continue;
      }
      try (Statement s = pg.createStatement()) {
        count = s.execute(sql) ? -1 : s.getLargeUpdateCount();
      } catch (SQLException e) {
        if (isForeignKey(sql) && "42P01".equals(e.getSQLState())) {
          defer(sql);
          continue;
        }
        if ("2BP01".equals(e.getSQLState()) && isDropTable(sql) && foreignKeyChecksOff(pg)) {
          detachReferencingKeys(pg, sql);
          try (Statement s = pg.createStatement()) {
            count = s.execute(sql) ? -1 : s.getLargeUpdateCount();
          }
          continue;
        }
        throw e;
      }
    }
    retryPending(pg);
    return count;
  }

  /** Whether foreign keys are waiting for their referenced tables. */
  public synchronized List<String> pending() {
    return List.copyOf(pendingForeignKeys);
  }

  private synchronized void defer(String sql) {
    LOG.info("foreign key waits for its referenced table: {}", sql);
    pendingForeignKeys.add(sql);
  }

  private void retryPending(Connection pg) {
    List<String> todo;
    synchronized (this) {
      if (pendingForeignKeys.isEmpty()) {
        return;
      }
      todo = new ArrayList<>(pendingForeignKeys);
    }
    for (String sql : todo) {
      try (Statement s = pg.createStatement()) {
        s.execute(sql + " NOT VALID");
        synchronized (this) {
          pendingForeignKeys.remove(sql);
        }
      } catch (SQLException e) {
        if (!"42P01".equals(e.getSQLState())) {
          LOG.warn("pending foreign key cannot be added ({}): {}", e.getSQLState(), sql);
          synchronized (this) {
            pendingForeignKeys.remove(sql);
          }
        }
      }
    }
  }

  private static final java.util.regex.Pattern DROP_TABLE =
      java.util.regex.Pattern.compile(
          "(?is)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.+?)\\s*(?:RESTRICT|CASCADE)?\\s*");

  private static boolean isDropTable(String sql) {
    return DROP_TABLE.matcher(sql).matches();
  }

  /** Whether the session runs with MySQL's FOREIGN_KEY_CHECKS=0 (the replica role). */
  private static boolean foreignKeyChecksOff(Connection pg) throws SQLException {
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('session_replication_role')")) {
      return rs.next() && "replica".equals(rs.getString(1));
    }
  }

  /**
   * With FOREIGN_KEY_CHECKS=0 MySQL drops a table other tables reference and leaves their keys
   * pointing at it (mysqldump drops and re-creates every table that way); PostgreSQL refuses
   * (2BP01). The referencing keys are dropped here and kept pending, so they come back when the
   * table is created again.
   */
  private void detachReferencingKeys(Connection pg, String dropSql) throws SQLException {
    java.util.regex.Matcher m = DROP_TABLE.matcher(dropSql);
    if (!m.matches()) {
      return;
    }
    List<String> dropped = new ArrayList<>();
    for (String name : m.group(1).split(",")) {
      dropped.add(name.trim());
    }
    String query =
        "SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)"
            + " FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid = to_regclass(?)"
            + " AND c.conrelid <> c.confrelid";
    List<String[]> keys = new ArrayList<>();
    try (java.sql.PreparedStatement ps = pg.prepareStatement(query)) {
      for (String table : dropped) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
      }
    }
    for (String[] key : keys) {
      if (dropped.contains(key[0])) {
        continue; // dropped with its table
      }
      try (Statement s = pg.createStatement()) {
        s.execute("ALTER TABLE " + key[0] + " DROP CONSTRAINT " + key[1]);
      }
      defer("ALTER TABLE " + key[0] + " ADD CONSTRAINT " + key[1] + " " + key[2]);
    }
  }

  private static boolean isForeignKey(String sql) {
    String u = sql.toUpperCase(Locale.ROOT);
    return u.startsWith("ALTER TABLE ") && u.contains(" FOREIGN KEY ");
  }
}
