package io.dualwrite.driver.mirror;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;

/**
 * The MySQL session's current UTC offset, which {@code NOW()} and friends follow. Read from the
 * session ({@code TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())}) on first need, again after the
 * application changes {@code time_zone}, and at most once a minute otherwise (so a daylight-saving
 * change is picked up). One per application connection; not thread-safe.
 */
public final class SessionClock {
  private static final long MAX_AGE_NANOS = 60_000_000_000L;

  private ZoneOffset offset;
  private long readAt;

  public ZoneOffset offset(Connection mysql) throws SQLException {
    long now = System.nanoTime();
    if (offset == null || now - readAt > MAX_AGE_NANOS) {
      try (Statement s = mysql.createStatement();
          ResultSet rs = s.executeQuery("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())")) {
        rs.next();
        offset = ZoneOffset.ofTotalSeconds(rs.getInt(1));
        readAt = now;
      }
    }
    return offset;
  }

  /** The session's time zone changed: read it again on next use. */
  public void invalidate() {
    offset = null;
  }
}
