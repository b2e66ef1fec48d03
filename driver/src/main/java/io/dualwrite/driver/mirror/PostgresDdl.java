package io.dualwrite.driver.mirror;

import java.sql.Connection;
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

  private static boolean isForeignKey(String sql) {
    String u = sql.toUpperCase(Locale.ROOT);
    return u.startsWith("ALTER TABLE ") && u.contains(" FOREIGN KEY ");
  }
}
