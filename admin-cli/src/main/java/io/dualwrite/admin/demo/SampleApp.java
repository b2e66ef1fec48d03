package io.dualwrite.admin.demo;

import io.dualwrite.driver.config.DualWriteConfig;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.runtime.DriverRuntime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's application: a few threads, each with its own {@code jdbc:dualwrite:} connection,
 * inserting customers and purchases in transactions, updating purchases, and reading them back, all
 * in MySQL SQL.
 */
final class SampleApp {
  static final String[] SCHEMA = {
    "CREATE TABLE customer (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL, vip TINYINT(1) NOT NULL"
        + " DEFAULT 0, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),"
        + " UNIQUE KEY uk_customer_email (email))",
    "CREATE TABLE purchase (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " customer_id BIGINT NOT NULL, amount DECIMAL(10,2) NOT NULL,"
        + " status VARCHAR(20) NOT NULL, details JSON NULL,"
        + " updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
        + " KEY ix_purchase_customer (customer_id))"
  };

  private final String url;
  private final List<Properties> instances;
  private final List<DriverRuntime> runtimes = new ArrayList<>();
  private final List<DualWriteConfig> configs = new ArrayList<>();
  private final int threads;
  final AtomicLong writes = new AtomicLong();
  final AtomicLong reads = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicReference<String> firstError = new AtomicReference<>();
  private final List<Thread> running = new ArrayList<>();
  private volatile boolean stop;

  /**
   * @param instances the connection properties of each application instance; thread i uses instance
   *     i modulo their number
   */
  SampleApp(String url, List<Properties> instances, int threads) {
    this.url = url;
    this.instances = instances;
    this.threads = threads;
  }

  /**
   * Opens the instances: what {@code DriverManager.getConnection(url, props)} does (the same
   * configuration from the same URL and properties), but with runtimes the demo owns, so it can
   * close them (control store agents included) before the embedded servers stop.
   */
  void open() throws SQLException {
    for (Properties props : instances) {
      DualWriteConfig config = DualWriteConfig.from(url, props);
      configs.add(config);
      runtimes.add(new DriverRuntime(config, null));
    }
  }

  private Connection connect(int instance) throws SQLException {
    return DualWriteConnection.open(runtimes.get(instance), configs.get(instance));
  }

  void createSchema() throws SQLException {
    try (Connection c = connect(0);
        Statement s = c.createStatement()) {
      for (String ddl : SCHEMA) {
        s.execute(ddl);
      }
    }
  }

  void start() {
    for (int i = 0; i < threads; i++) {
      int instance = i % instances.size();
      int n = i;
      Thread t = new Thread(() -> loop(instance, n), "demo-app-" + i);
      t.setDaemon(true);
      running.add(t);
      t.start();
    }
  }

  void stop() throws InterruptedException {
    stop = true;
    for (Thread t : running) {
      t.join(10_000);
    }
  }

  /** Closes the instances' runtimes (after {@link #stop()}). */
  void close() {
    runtimes.forEach(DriverRuntime::close);
  }

  private void loop(int instance, int thread) {
    // Each thread works on the customers it created, as one user's session would: another
    // connection's uncommitted or half-mirrored rows are not part of the sample.
    List<long[]> own = new ArrayList<>();
    try (Connection c = connect(instance)) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long seq = 0;
      while (!stop) {
        try {
          int op = random.nextInt(10);
          if (op < 3 || own.isEmpty()) {
            own.add(newCustomerWithPurchase(c, thread, seq++, random));
          } else if (op < 5) {
            updatePurchase(c, random, own.get(random.nextInt(own.size()))[1]);
          } else {
            read(c, random, own.get(random.nextInt(own.size()))[0]);
          }
        } catch (SQLException e) {
          errors.incrementAndGet();
          firstError.compareAndSet(null, e.getMessage());
          if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
          }
        }
      }
    } catch (SQLException e) {
      errors.incrementAndGet();
      firstError.compareAndSet(null, e.getMessage());
    }
  }

  /** Returns the customer's and the purchase's ids. */
  private long[] newCustomerWithPurchase(Connection c, int thread, long seq, ThreadLocalRandom r)
      throws SQLException {
    c.setAutoCommit(false);
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO customer (name, email, vip) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "Customer " + thread + "-" + seq);
      ps.setString(2, "c" + thread + "-" + seq + "-" + r.nextInt(1_000_000) + "@example.com");
      // setInt, not setBoolean: the driver mirrors a Boolean parameter as boolean, which a
      // PostgreSQL smallint (TINYINT(1)) column refuses (reported to the driver owners).
      ps.setInt(3, r.nextInt(5) == 0 ? 1 : 0);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    long purchase;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO purchase (customer_id, amount, status, details) VALUES (?, ?, 'new', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, id);
      ps.setBigDecimal(2, java.math.BigDecimal.valueOf(r.nextInt(1, 100_000), 2));
      ps.setString(3, "{\"items\": " + r.nextInt(1, 9) + ", \"gift\": " + r.nextBoolean() + "}");
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        purchase = keys.getLong(1);
      }
    }
    c.commit();
    c.setAutoCommit(true);
    writes.addAndGet(2);
    return new long[] {id, purchase};
  }

  private void updatePurchase(Connection c, ThreadLocalRandom r, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE purchase SET status = ?, amount = amount + 1 WHERE id = ?")) {
      ps.setString(1, r.nextBoolean() ? "paid" : "shipped");
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    writes.incrementAndGet();
  }

  private void read(Connection c, ThreadLocalRandom r, long customer) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.name, c.vip, p.amount, p.status FROM customer c JOIN purchase p"
                + " ON p.customer_id = c.id WHERE c.id = ?")) {
      ps.setLong(1, customer);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getString(1);
        }
      }
    }
    if (r.nextInt(4) == 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT status, COUNT(*), SUM(amount), MAX(updated_at) FROM purchase"
                  + " WHERE customer_id = ? GROUP BY status ORDER BY status")) {
        ps.setLong(1, customer);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getLong(2);
          }
        }
      }
    }
    reads.incrementAndGet();
  }
}
