package io.dualwrite.driver.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dualwrite.driver.DualWriteDataSource;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A data source with the control store in the MySQL database (the default), and everything the
 * driver logs meanwhile (slf4j-simple writes to {@code System.err}), so that a test can assert that
 * a value appears in no record and no log line.
 */
final class ExposureFixture implements AutoCloseable {
  final DatabasePair db;
  final String instance;
  final DualWriteDataSource ds = new DualWriteDataSource();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream originalErr = System.err;

  ExposureFixture(DatabasePair db, String instance, String... extra) {
    this.db = db;
    this.instance = instance;
    ds.setUrl(DualWriteTestUrls.url(db));
    Properties p =
        DualWriteTestUrls.properties(
            db,
            "dualwrite.control",
            "primary",
            "dualwrite.instance",
            instance,
            "dualwrite.refreshMillis",
            "200");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      p.setProperty(extra[i], extra[i + 1]);
    }
    p.stringPropertyNames().forEach(name -> ds.setProperty(name, p.getProperty(name)));
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (log) {
              log.write(b);
            }
            originalErr.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (log) {
              log.write(b, off, len);
            }
            originalErr.write(b, off, len);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  Connection connect() throws SQLException {
    return ds.getConnection();
  }

  /** What the driver logged since the fixture started. */
  String log() {
    synchronized (log) {
      return log.toString(StandardCharsets.UTF_8);
    }
  }

  /** Every column of this instance's discrepancy rows, as text, one string per row. */
  List<String> storedRecords() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.openMysql();
        PreparedStatement ps =
            c.prepareStatement("SELECT * FROM dualwrite_discrepancies WHERE instance = ?")) {
      ps.setString(1, instance);
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            b.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i));
            b.append(" | ");
          }
          out.add(b.toString());
        }
      }
    }
    return out;
  }

  /** Waits until a stored record of this instance contains every one of {@code parts}. */
  String awaitRecord(String... parts) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      for (String r : storedRecords()) {
        boolean all = true;
        for (String p : parts) {
          all &= r.contains(p);
        }
        if (all) {
          return r;
        }
      }
      if (System.nanoTime() > deadline) {
        fail("no stored record with " + List.of(parts) + " in " + storedRecords());
      }
      Thread.sleep(50);
    }
  }

  /** None of {@code values} in any stored record or in the log. */
  void assertNowhere(String... values) throws SQLException {
    List<String> records = storedRecords();
    String logged = log();
    for (String v : values) {
      assertThat(records).as("stored records").noneMatch(r -> r.contains(v));
      assertThat(logged).as("log lines").doesNotContain(v);
    }
  }

  @Override
  public void close() {
    ds.close();
    System.setErr(originalErr);
  }
}
