package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.fail;

import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Runtimes with a control store over a test database pair, and direct access to its tables. */
final class ControlFixtures {
  private ControlFixtures() {}

  /** Which database of the pair holds the control store. */
  enum Store {
    /** {@code dualwrite.control=primary}: the MySQL database. */
    MYSQL,
    /** {@code dualwrite.control=<the pair's PostgreSQL URL>}. */
    POSTGRES;

    String controlProperty(DatabasePair db) {
      return this == MYSQL ? "primary" : db.postgres().jdbcUrl();
    }

    Connection open(DatabasePair db) throws SQLException {
      return this == MYSQL ? db.openMysql() : db.openPostgres();
    }
  }

  static DualWriteConfig config(DatabasePair db, Store store, String instance, String... extra)
      throws SQLException {
    Properties p =
        DualWriteTestUrls.properties(
            db,
            "dualwrite.control",
            store.controlProperty(db),
            "dualwrite.instance",
            instance,
            "dualwrite.refreshMillis",
            "200");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      p.setProperty(extra[i], extra[i + 1]);
    }
    return DualWriteConfig.from(DualWriteTestUrls.url(db), p);
  }

  static DriverRuntime runtime(DatabasePair db, Store store, String instance, String... extra)
      throws SQLException {
    return new DriverRuntime(config(db, store, instance, extra), null);
  }

  static void dropTables(DatabasePair db, Store store) throws SQLException {
    try (Connection c = store.open(db);
        Statement s = c.createStatement()) {
      for (String t :
          new String[] {
            "dualwrite_flags", "dualwrite_instances", "dualwrite_discrepancies", "dualwrite_drift"
          }) {
        s.execute("DROP TABLE IF EXISTS " + t);
      }
    }
  }

  /** Runs an update on the control database directly (as an operator would). */
  static int update(DatabasePair db, Store store, String sql, Object... args) throws SQLException {
    try (Connection c = store.open(db);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** The rows of a query on the control database, each as a list of column values. */
  static List<List<Object>> rows(DatabasePair db, Store store, String sql, Object... args)
      throws SQLException {
    try (Connection c = store.open(db);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<List<Object>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            Object v = rs.getObject(i);
            row.add(v instanceof Number num && !(v instanceof Double) ? num.longValue() : v);
          }
          out.add(row);
        }
      }
      return out;
    }
  }

  static long longValue(DatabasePair db, Store store, String sql, Object... args)
      throws SQLException {
    List<List<Object>> rows = rows(db, store, sql, args);
    if (rows.isEmpty() || rows.get(0).get(0) == null) {
      return -1;
    }
    return (Long) rows.get(0).get(0);
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Waits until {@code check} holds; fails naming {@code what} after {@code timeout}. */
  static long await(String what, Duration timeout, Check check) throws Exception {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      if (check.holds()) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      if (System.nanoTime() > deadline) {
        fail("not within " + timeout.toMillis() + " ms: " + what);
      }
      Thread.sleep(20);
    }
  }
}
