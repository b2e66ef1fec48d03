package io.dualwrite.driver.testing;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.testkit.DatabasePair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connection settings for the dualwrite driver over a test {@link DatabasePair}. */
public final class DualWriteTestUrls {
  private DualWriteTestUrls() {}

  /** {@code jdbc:dualwrite:mysql://...} for the pair's MySQL side. */
  public static String url(DatabasePair db) {
    return "jdbc:dualwrite:" + db.mysql().jdbcUrl().substring("jdbc:".length());
  }

  /** Credentials of both sides, static flags ({@code dualwrite.control=none}), and the extras. */
  public static Properties properties(DatabasePair db, String... extra) {
    Properties p = db.mysql().properties();
    p.setProperty("dualwrite.postgres.url", db.postgres().jdbcUrl());
    p.setProperty("dualwrite.postgres.user", db.postgres().user());
    if (db.postgres().password() != null) {
      p.setProperty("dualwrite.postgres.password", db.postgres().password());
    }
    p.setProperty("dualwrite.control", "none");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      p.setProperty(extra[i], extra[i + 1]);
    }
    return p;
  }

  /** A dualwrite connection through {@link DriverManager}. */
  public static Connection connect(DatabasePair db, String... extra) throws SQLException {
    return DriverManager.getConnection(url(db), properties(db, extra));
  }

  /**
   * A connection of a runtime of its own (instance {@code instance}, which asks PostgreSQL afresh)
   * that serves every read from PostgreSQL and compares each with MySQL's, recording discrepancies
   * into {@code seen}.
   */
  public static Connection servingEveryRead(
      DatabasePair db, String instance, java.util.List<Discrepancy> seen) throws SQLException {
    Connection c =
        connect(
            db,
            "dualwrite.instance",
            instance,
            "dualwrite.readPercent",
            "100",
            "dualwrite.comparePercent",
            "100");
    c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
    return c;
  }
}
