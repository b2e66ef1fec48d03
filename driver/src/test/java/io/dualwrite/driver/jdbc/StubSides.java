package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.runtime.DriverRuntime;
import io.dualwrite.driver.runtime.VendorDrivers;
import io.dualwrite.testkit.stub.StubDriver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link DualWriteConnection} whose two sides are {@link StubDriver} connections (as the
 * benchmarks' {@code StubFixture} builds it, with {@code dualwrite.control=none}), with the stub's
 * journal on and the connection's discrepancy records collected: what a path decided is read from
 * which side ran what, in which order, and what was recorded.
 */
final class StubSides implements AutoCloseable {
  static final String MYSQL_URL = "jdbc:mysql://stub/db";
  static final String POSTGRES_URL = "jdbc:postgresql://stub/db";
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  final StubDriver driver = new StubDriver();
  final DriverRuntime runtime;
  final DualWriteConnection connection;
  private final List<Discrepancy> records = new CopyOnWriteArrayList<>();

  private StubSides(Phase phase, int readPercent) throws SQLException {
    Properties props = new Properties();
    props.setProperty("dualwrite.postgres.url", POSTGRES_URL);
    props.setProperty("dualwrite.control", "none");
    props.setProperty("dualwrite.phase", phase.name());
    props.setProperty("dualwrite.readPercent", Integer.toString(readPercent));
    // one name per runtime: its meters are registered under it
    props.setProperty("dualwrite.instance", "path-test-" + INSTANCES.incrementAndGet());
    DualWriteConfig config = DualWriteConfig.from("jdbc:dualwrite:mysql://stub/db", props);
    runtime = new DriverRuntime(config, null, new VendorDrivers(driver, driver));
    driver.journal(true);
    connection = DualWriteConnection.open(runtime, config);
    connection.discrepancyRecorder().addSink(records::add);
    driver.clearJournal(); // opening read the schema catalog: not what a test looks at
  }

  /** A connection in {@code phase} with reads sent to PostgreSQL at {@code readPercent}. */
  static StubSides open(Phase phase, int readPercent) throws SQLException {
    return new StubSides(phase, readPercent);
  }

  /** What the two sides were asked to do since the connection opened (or the last clear). */
  List<String> journal() {
    return driver.journal();
  }

  void clearJournal() {
    driver.clearJournal();
  }

  List<Discrepancy> records() {
    return List.copyOf(records);
  }

  List<DiscrepancyKind> recordKinds() {
    return records.stream().map(Discrepancy::kind).toList();
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.close();
    } finally {
      runtime.close();
    }
  }
}
