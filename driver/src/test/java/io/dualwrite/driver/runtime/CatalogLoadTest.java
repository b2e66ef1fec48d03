package io.dualwrite.driver.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.testkit.stub.StubDriver;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Reading MySQL's schema runs on the application's thread (first connection, DDL, an unknown
 * table). In PG_PRIMARY MySQL is the other side, so the read must be bounded by {@code
 * dualwrite.mirrorTimeoutMillis} and skipped while MySQL's breaker is open: issue 13, a MySQL that
 * accepted connections and never answered held the first {@code connect} forever.
 */
class CatalogLoadTest {
  /** A MySQL driver whose server never answers: every connect times out. Records the callers'. */
  private static final class SilentMysql implements java.sql.Driver {
    final Thread caller = Thread.currentThread();
    final List<Properties> connects = new CopyOnWriteArrayList<>();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
      if (Thread.currentThread() == caller) { // not the runtime's background probe
        connects.add(info);
      }
      throw new SQLException(
          "Communications link failure", "08S01", new SocketTimeoutException("Read timed out"));
    }

    @Override
    public boolean acceptsURL(String url) {
      return true;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
      return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
      return 9;
    }

    @Override
    public int getMinorVersion() {
      return 4;
    }

    @Override
    public boolean jdbcCompliant() {
      return false;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }
  }

  private static DriverRuntime runtime(String phase, SilentMysql mysql) throws SQLException {
    Properties props = new Properties();
    props.setProperty("dualwrite.postgres.url", "jdbc:postgresql://stub/db");
    props.setProperty("dualwrite.control", "none");
    props.setProperty("dualwrite.phase", phase);
    props.setProperty("dualwrite.mirrorTimeoutMillis", "1500");
    props.setProperty("dualwrite.instance", "catalog-load-" + phase);
    DualWriteConfig config = DualWriteConfig.from("jdbc:dualwrite:mysql://stub/db", props);
    return new DriverRuntime(config, null, new VendorDrivers(mysql, new StubDriver()));
  }

  @Test
  void pgPrimaryReadsMysqlsSchemaWithinTheDeadlineAndNotWhileItsBreakerIsOpen() throws Exception {
    SilentMysql mysql = new SilentMysql();
    try (DriverRuntime runtime = runtime("PG_PRIMARY", mysql)) {
      runtime.ensureCatalog();
      assertThat(mysql.connects).hasSize(1);
      assertThat(mysql.connects.get(0).getProperty("connectTimeout"))
          .as("Connector/J's connect timeout capped at the deadline")
          .isEqualTo("1500");
      assertThat(runtime.health().isClosed(Side.MYSQL)).as("a timeout opens the breaker").isFalse();
      runtime.ensureCatalog();
      assertThat(mysql.connects).as("not tried again while the breaker is open").hasSize(1);
    }
  }

  @Test
  void dualWriteReadsMysqlsSchemaWithTheApplicationsOwnSettings() throws Exception {
    SilentMysql mysql = new SilentMysql();
    try (DriverRuntime runtime = runtime("DUAL_WRITE", mysql)) {
      runtime.ensureCatalog();
      runtime.ensureCatalog();
      assertThat(mysql.connects).as("MySQL is authoritative: tried each time").hasSize(2);
      assertThat(mysql.connects.get(0).getProperty("connectTimeout")).isNull();
      assertThat(runtime.health().isClosed(Side.MYSQL)).isTrue();
    }
  }
}
