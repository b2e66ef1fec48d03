package io.dualwrite.driver.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * BIT(n) columns (a bigint with an n-bit CHECK on PostgreSQL): every way an application writes one
 * stores the same number on both sides without a discrepancy, and a read PostgreSQL serves gives
 * the application what Connector/J gives for MySQL's column (bytes from getObject, the number from
 * getLong and getString, BIT metadata), so a compared read finds nothing to record.
 */
@ExtendWith(TestDatabases.class)
class BitColumnsIT {

  private static final String READ = "SELECT id, f, w FROM bits_it WHERE id < 90 ORDER BY id";

  @Test
  void writesStoreTheSameNumberAndReadsFromPostgresLookLikeConnectorJs(DatabasePair db)
      throws SQLException {
    List<Discrepancy> records = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db)) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE bits_it (id INT PRIMARY KEY, f BIT(8) NOT NULL DEFAULT b'101',"
                + " w BIT(12) NULL)");
        s.executeUpdate("INSERT INTO bits_it VALUES (1, b'10000001', x'0800'), (2, 'A', NULL)");
        s.executeUpdate("INSERT INTO bits_it (id) VALUES (3)");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO bits_it VALUES (?, ?, ?)")) {
        ps.setInt(1, 4);
        ps.setInt(2, 200);
        ps.setBytes(3, new byte[] {0x0F, (byte) 0xFF});
        ps.executeUpdate();
        ps.setInt(1, 5);
        ps.setString(2, "9"); // its byte, 57, as MySQL stores it
        ps.setBoolean(3, true);
        ps.executeUpdate();
        ps.setInt(1, 6);
        ps.setObject(2, new byte[] {(byte) 0xFE});
        ps.setNull(3, java.sql.Types.BIT);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE bits_it SET f = f | ?, w = ? WHERE id = ?")) {
        ps.setInt(1, 64);
        ps.setBytes(2, new byte[] {0x01, 0x02});
        ps.setInt(3, 2);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
    assertThat(records).as("discrepancies").isEmpty();
    assertThat(rows(db.openMysql(), "SELECT id, f + 0, w + 0 FROM bits_it ORDER BY id"))
        .containsExactly("1 129 2048", "2 65 258", "3 5 null", "4 200 4095", "5 57 1", "6 254 null")
        .isEqualTo(rows(db.openPostgres(), "SELECT id, f, w FROM bits_it ORDER BY id"));

    // a row only PostgreSQL has proves which side served the read
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate("INSERT INTO bits_it VALUES (99, 1, 1)");
    }
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.readPercent", "100");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT f FROM bits_it WHERE id = 99")) {
      assertThat(rs.next()).as("served by PostgreSQL").isTrue();
    }
    // bytes compared with a BIT: MySQL 9.7.4 compares the numbers (MariaDB 10.11 the bytes)
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.readPercent", "100");
        PreparedStatement ps = c.prepareStatement("SELECT id FROM bits_it WHERE f = ?")) {
      ps.setBytes(1, new byte[] {(byte) 0xC8});
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(4);
        assertThat(rs.next()).isFalse();
      }
    }
    List<String> mysql;
    try (Connection m = db.openMysql();
        Statement s = m.createStatement();
        ResultSet rs = s.executeQuery(READ)) {
      mysql = asTheApplicationSeesIt(rs);
    }
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.readPercent", "100");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(READ)) {
      assertThat(asTheApplicationSeesIt(rs)).isEqualTo(mysql);
    }
    assertThat(mysql.get(0)).startsWith("BIT -7 java.lang.Boolean 8");
    assertThat(mysql).contains("1 f 81 129 129 true 81", "3 w null 0 null false null");

    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.comparePercent", "100")) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(READ)) {
        while (rs.next()) {
          rs.getObject(2);
        }
      }
    }
    assertThat(records).as("a compared read of BIT columns").isEmpty();
  }

  @Test
  void typedBindsUpsertsAndAggregatesOfBitColumns(DatabasePair db) throws SQLException {
    List<Discrepancy> records = new CopyOnWriteArrayList<>();
    // the connection of the reads below: its driver runtime learns the new table from its DDL
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.readPercent", "100")) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(records::add);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE bits_more (id INT PRIMARY KEY, f BIT(8) NULL, w BIT(12) NULL)");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO bits_more VALUES (?, ?, ?)")) {
        ps.setInt(1, 1);
        ps.setObject(2, 5, java.sql.Types.BIT); // the number, not its truth
        ps.setObject(3, "7", java.sql.Types.VARCHAR); // its byte, 55
        ps.executeUpdate();
        ps.setInt(1, 2);
        ps.setObject(2, "true", java.sql.Types.BOOLEAN);
        ps.setNull(3, java.sql.Types.BINARY);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO bits_more (id, f) VALUES (?, 0) ON DUPLICATE KEY UPDATE f = ?")) {
        ps.setInt(1, 1);
        ps.setBytes(2, new byte[] {0x42});
        ps.executeUpdate();
        ps.setInt(1, 2);
        ps.setString(2, "C");
        ps.executeUpdate();
      }
    }
    assertThat(records).as("discrepancies").isEmpty();
    assertThat(rows(db.openMysql(), "SELECT id, f + 0, w + 0 FROM bits_more ORDER BY id"))
        .containsExactly("1 66 55", "2 67 null")
        .isEqualTo(rows(db.openPostgres(), "SELECT id, f, w FROM bits_more ORDER BY id"));

    // MAX of a BIT is a BIT in MySQL 9.7.4 (its bytes); a UNION's column is read as its number
    String aggregates = "SELECT MAX(f) AS mf, MIN(w) AS mw FROM bits_more";
    String union = "SELECT f AS u FROM bits_more UNION ALL SELECT w FROM bits_more ORDER BY 1";
    try (Connection m = db.openMysql();
        Connection c = DualWriteTestUrls.connect(db, "dualwrite.readPercent", "100")) {
      // (MariaDB 10.11's MAX of a BIT is the decimal text of its number, not MySQL's bytes)
      if (!io.dualwrite.testkit.TestServers.get().isMariaDb()) {
        try (Statement sm = m.createStatement();
            ResultSet rm = sm.executeQuery(aggregates);
            Statement sc = c.createStatement();
            ResultSet rc = sc.executeQuery(aggregates)) {
          assertThat(asTheApplicationSeesIt(rc, "mf")).isEqualTo(asTheApplicationSeesIt(rm, "mf"));
        }
      }
      try (Statement sm = m.createStatement();
          ResultSet rm = sm.executeQuery(union);
          Statement sc = c.createStatement();
          ResultSet rc = sc.executeQuery(union)) {
        List<String> mysql = new ArrayList<>();
        List<String> served = new ArrayList<>();
        while (rm.next() && rc.next()) {
          mysql.add(rm.getLong(1) + " " + rm.getString(1));
          served.add(rc.getLong(1) + " " + rc.getString(1));
        }
        assertThat(served).isEqualTo(mysql).contains("55 55", "67 67");
      }
    }
  }

  /** Metadata of f and w, then per row and BIT column: getObject, getString, getLong, ... */
  private static List<String> asTheApplicationSeesIt(ResultSet rs, String first)
      throws SQLException {
    assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo(first);
    List<String> out = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(md.getColumnTypeName(i) + " " + md.getColumnClassName(i) + " " + md.getPrecision(i));
    }
    while (rs.next()) {
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object o = rs.getObject(i);
        out.add(
            (o instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(o))
                + " "
                + rs.getLong(i)
                + " "
                + rs.getString(i));
      }
    }
    return out;
  }

  private static List<String> asTheApplicationSeesIt(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 2; i <= 3; i++) {
      out.add(
          md.getColumnTypeName(i)
              + " "
              + md.getColumnType(i)
              + " "
              + md.getColumnClassName(i)
              + " "
              + md.getPrecision(i));
    }
    while (rs.next()) {
      for (int i = 2; i <= 3; i++) {
        Object o = rs.getObject(i);
        byte[] bytes = rs.getBytes(i);
        out.add(
            rs.getInt(1)
                + " "
                + md.getColumnLabel(i)
                + " "
                + (o == null ? null : HexFormat.of().formatHex((byte[]) o))
                + " "
                + rs.getLong(i)
                + " "
                + rs.getString(i)
                + " "
                + rs.getBoolean(i)
                + " "
                + (bytes == null ? null : HexFormat.of().formatHex(bytes)));
      }
    }
    return out;
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (c;
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
    }
    return out;
  }
}
