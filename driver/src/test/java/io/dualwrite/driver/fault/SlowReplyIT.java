package io.dualwrite.driver.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL answers a mirrored write slowly but steadily: a trigger there sends a notice every 1.5
 * s for 4.5 s, so no read waits as long as the 2 s deadline, and a socket read timeout alone would
 * hold the application's call for the whole 4.5 s. The deadline bounds the whole reply: the call
 * returns within it plus 1 s, the write is on MySQL, and the mirror's failure is recorded.
 */
@ExtendWith(TestDatabases.class)
class SlowReplyIT {
  private static final int DEADLINE_MILLIS = 2000;

  @Test
  void aReplyInPiecesHoldsAMirroredWriteNoLongerThanTheDeadline(DatabasePair db) throws Exception {
    String table = "slow_reply";
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v INT NOT NULL)");
      s.execute("INSERT INTO " + table + " VALUES (1, 0)");
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute(
          "CREATE OR REPLACE FUNCTION slow_reply_pieces() RETURNS trigger AS $$ BEGIN"
              + " RAISE NOTICE 'piece 1'; PERFORM pg_sleep(1.5);"
              + " RAISE NOTICE 'piece 2'; PERFORM pg_sleep(1.5);"
              + " RAISE NOTICE 'piece 3'; PERFORM pg_sleep(1.5);"
              + " RETURN NEW; END $$ LANGUAGE plpgsql");
      s.execute(
          "CREATE TRIGGER slow_reply_pieces BEFORE UPDATE ON "
              + table
              + " FOR EACH ROW EXECUTE FUNCTION slow_reply_pieces()");
    }
    io.dualwrite.driver.Driver.shutdown();
    Properties props =
        DualWriteTestUrls.properties(
            db,
            "dualwrite.mirrorTimeoutMillis",
            Integer.toString(DEADLINE_MILLIS),
            "dualwrite.instance",
            "slow-reply");
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    long nanos;
    try (Connection c = DriverManager.getConnection(DualWriteTestUrls.url(db), props);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      long start = System.nanoTime();
      assertThat(s.executeUpdate("UPDATE " + table + " SET v = v + 1 WHERE id = 1")).isEqualTo(1);
      nanos = System.nanoTime() - start;
    } finally {
      io.dualwrite.driver.Driver.shutdown();
      try (Connection pg = db.openPostgres();
          Statement s = pg.createStatement()) {
        s.execute("DROP TRIGGER slow_reply_pieces ON " + table);
      }
    }
    assertThat(TimeUnit.NANOSECONDS.toMillis(nanos))
        .as("the application's call: the deadline, not the 4.5 s reply")
        .isLessThanOrEqualTo(DEADLINE_MILLIS + 1000);
    assertThat(seen)
        .as("the mirror's failure, recorded")
        .anyMatch(d -> d.kind() == DiscrepancyKind.MIRROR_FAILED);
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SELECT v FROM " + table + " WHERE id = 1")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the write, on MySQL").isEqualTo(1);
    }
  }
}
