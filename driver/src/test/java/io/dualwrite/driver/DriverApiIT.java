package io.dualwrite.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The driver as a JDBC user meets it: DriverManager, DataSource, wrappers, metadata, metrics. */
@ExtendWith(TestDatabases.class)
class DriverApiIT {

  @Test
  void driverManagerFindsTheDriverAndBackReferencesReturnWrappers(DatabasePair db)
      throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      assertThat(DriverManager.getDriver(DualWriteTestUrls.url(db))).isInstanceOf(Driver.class);
      assertThat(s.getConnection()).isSameAs(c);
      s.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(5))");
      s.executeUpdate("INSERT INTO t (v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertThat(keys.getStatement()).isSameAs(s);
      }
      try (ResultSet rs = s.executeQuery("SELECT v FROM t")) {
        assertThat(rs.getStatement()).isSameAs(s);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
        assertThat(ps.getConnection()).isSameAs(c);
        ps.setInt(1, 1);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.getStatement()).isSameAs(ps);
          assertThat(rs.next()).isTrue();
        }
      }
      assertThat(c.getMetaData().getConnection()).isSameAs(c);
      assertThat(c.getMetaData().getDatabaseProductName()).isIn("MySQL", "MariaDB");
      assertThat(c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class)).isNotNull();
      assertThat(c.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class)).isTrue();
    }
  }

  @Test
  void shutdownStopsTheRuntimesAndALaterConnectStartsAFreshOne(DatabasePair db) throws Exception {
    String thread = "dualwrite-runtime-shutdown-it";
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.instance", "shutdown-it")) {
      assertThat(runtimeThreadAlive(thread)).isTrue();
      Driver.shutdown();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (runtimeThreadAlive(thread) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(runtimeThreadAlive(thread)).as("runtime thread after shutdown").isFalse();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue(); // an open connection keeps working
      }
    }
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.instance", "shutdown-it");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 2")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(runtimeThreadAlive(thread)).isTrue();
    }
  }

  private static boolean runtimeThreadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  @Test
  void dataSourceConnectsWithBeanProperties(DatabasePair db) throws SQLException {
    try (DualWriteDataSource ds = new DualWriteDataSource()) {
      ds.setUrl(DualWriteTestUrls.url(db));
      ds.setUser(db.mysql().user());
      ds.setPassword(db.mysql().password());
      ds.setPostgresUrl(db.postgres().jdbcUrl());
      ds.setPostgresUser(db.postgres().user());
      ds.setControl("none");
      ds.setReadPercent(0);
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(ds.toString()).doesNotContain(String.valueOf(db.mysql().password()) + "@");
    }
  }

  @Test
  void unreachableMysqlFailsConnectWith08001AndNoPassword(DatabasePair db) {
    Properties p = DualWriteTestUrls.properties(db);
    p.setProperty("password", "do-not-show-me");
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                    "jdbc:dualwrite:mysql://127.0.0.1:1/nowhere?connectTimeout=2000", p))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
        .message()
        .doesNotContain("do-not-show-me");
  }

  @Test
  void unreachablePostgresDoesNotFailTheApplicationInDualWrite(DatabasePair db)
      throws SQLException {
    Properties p =
        DualWriteTestUrls.properties(
            db, "dualwrite.postgres.url", "jdbc:postgresql://127.0.0.1:1/nowhere");
    try (Connection c = DriverManager.getConnection(DualWriteTestUrls.url(db), p);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE lonely (id INT PRIMARY KEY)");
      assertThat(s.executeUpdate("INSERT INTO lonely VALUES (1)")).isEqualTo(1);
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM lonely")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void metricsCountStatementsMirrorsAndReadsBySide(DatabasePair db) throws SQLException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (DualWriteDataSource ds = new DualWriteDataSource()) {
      ds.setUrl(DualWriteTestUrls.url(db));
      ds.setUser(db.mysql().user());
      ds.setPassword(db.mysql().password());
      ds.setPostgresUrl(db.postgres().jdbcUrl());
      ds.setPostgresUser(db.postgres().user());
      ds.setControl("none");
      ds.setReadPercent(100);
      ds.setInstance("metrics-test");
      ds.setMeterRegistry(registry);
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE m (id INT PRIMARY KEY)");
        s.executeUpdate("INSERT INTO m VALUES (1)");
        s.executeUpdate("INSERT INTO m VALUES (2)");
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM m")) {
          rs.next();
        }
      }
      // the gauges must survive a garbage collection while the runtime lives (a weakly held
      // supplier reads NaN after one); closing the last runtime of the instance removes them
      System.gc();
      assertThat(registry.get("dualwrite.breaker.state").gauge().value()).isZero();
      assertThat(registry.get("dualwrite.drift.tables").gauge().value()).isZero();
    }
    assertThat(registry.find("dualwrite.breaker.state").gauges()).isEmpty();
    assertThat(registry.get("dualwrite.mirror.writes").counter().count()).isGreaterThanOrEqualTo(2);
    assertThat(registry.get("dualwrite.reads").tag("side", "postgres").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("dualwrite.statement").tag("side", "mysql").timer().count())
        .isGreaterThanOrEqualTo(3);
  }
}
