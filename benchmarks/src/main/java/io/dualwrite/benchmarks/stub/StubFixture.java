package io.dualwrite.benchmarks.stub;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.driver.runtime.VendorDrivers;
import io.dualwrite.testkit.stub.StubDriver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Raw stub connections and dualwrite connections over the same {@link StubDriver}, so a benchmark
 * can run the same JDBC calls with and without dualwrite and nothing else differs.
 */
public final class StubFixture implements AutoCloseable {
  public static final String MYSQL_URL = "jdbc:mysql://stub/db";
  public static final String POSTGRES_URL = "jdbc:postgresql://stub/db";

  private final StubDriver driver;
  private final DriverRuntime runtime;
  private final DualWriteConfig config;

  private StubFixture(StubDriver driver, DualWriteConfig config) {
    this.driver = driver;
    this.config = config;
    this.runtime = new DriverRuntime(config, null, new VendorDrivers(driver, driver));
  }

  /** dualwrite in {@code phase} with {@code readPercent}, over a stub driver for both sides. */
  public static StubFixture open(Phase phase, int readPercent) throws SQLException {
    Properties props = new Properties();
    props.setProperty("dualwrite.postgres.url", POSTGRES_URL);
    props.setProperty("dualwrite.control", "none");
    props.setProperty("dualwrite.phase", phase.name());
    props.setProperty("dualwrite.readPercent", Integer.toString(readPercent));
    props.setProperty("dualwrite.instance", "benchmark");
    return new StubFixture(
        new StubDriver(), DualWriteConfig.from("jdbc:dualwrite:mysql://stub/db", props));
  }

  public StubDriver driver() {
    return driver;
  }

  public DriverRuntime runtime() {
    return runtime;
  }

  /** A stub connection standing for the raw MySQL driver. */
  public Connection rawMysql() throws SQLException {
    return driver.connect(MYSQL_URL, new Properties());
  }

  /** A stub connection standing for the raw PostgreSQL driver. */
  public Connection rawPostgres() throws SQLException {
    return driver.connect(POSTGRES_URL, new Properties());
  }

  /** A dualwrite connection whose two sides are stub connections. */
  public Connection dualwrite() throws SQLException {
    return DualWriteConnection.open(runtime, config);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
