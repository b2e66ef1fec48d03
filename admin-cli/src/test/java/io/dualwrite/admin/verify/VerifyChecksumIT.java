package io.dualwrite.admin.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code verify}'s checksums of key ranges: equal data of every mapped type gives equal checksums
 * on both servers (no range needs its rows read), and a single value changed in any column type
 * changes its range's checksum, so that it is found down to its key with ranges of one row.
 */
@ExtendWith(TestDatabases.class)
class VerifyChecksumIT {

  private static final String EVERY_TYPE =
      "CREATE TABLE every_type (id BIGINT NOT NULL PRIMARY KEY, ti TINYINT, b1 TINYINT(1),"
          + " bit1 BIT(1), si SMALLINT UNSIGNED, mi MEDIUMINT, i INT UNSIGNED, bi BIGINT UNSIGNED,"
          + " dec4 DECIMAL(12,4), f FLOAT, d DOUBLE, dt DATE, dtm DATETIME(6), ts TIMESTAMP(3) NULL,"
          + " tm TIME(6), yr YEAR, ch CHAR(10), vc VARCHAR(40), tx TEXT, bin BINARY(4),"
          + " vb VARBINARY(16), bl BLOB, js JSON, en ENUM('a','b','c'), st SET('x','y','z'),"
          + " bits BIT(10))";

  /** A value per column changed on PostgreSQL, each in its own row: column -> SET expression. */
  private static final Map<String, String> ONE_CHANGE_PER_TYPE = new LinkedHashMap<>();

  static {
    ONE_CHANGE_PER_TYPE.put("ti", "ti + 1");
    ONE_CHANGE_PER_TYPE.put("b1", "1 - b1");
    ONE_CHANGE_PER_TYPE.put("bit1", "1 - bit1");
    ONE_CHANGE_PER_TYPE.put("si", "si + 1");
    ONE_CHANGE_PER_TYPE.put("mi", "mi - 1");
    ONE_CHANGE_PER_TYPE.put("i", "i + 1");
    ONE_CHANGE_PER_TYPE.put("bi", "bi + 1");
    ONE_CHANGE_PER_TYPE.put("dec4", "dec4 + 0.0001");
    ONE_CHANGE_PER_TYPE.put("f", "f + 0.001");
    ONE_CHANGE_PER_TYPE.put("d", "d + 0.000000001");
    ONE_CHANGE_PER_TYPE.put("dt", "dt + 1");
    ONE_CHANGE_PER_TYPE.put("dtm", "dtm + interval '1 microsecond'");
    ONE_CHANGE_PER_TYPE.put("ts", "ts + interval '1 millisecond'");
    ONE_CHANGE_PER_TYPE.put("tm", "tm + interval '1 microsecond'");
    ONE_CHANGE_PER_TYPE.put("yr", "yr + 1");
    ONE_CHANGE_PER_TYPE.put("ch", "upper(ch)");
    ONE_CHANGE_PER_TYPE.put("vc", "vc || ' '");
    ONE_CHANGE_PER_TYPE.put("tx", "tx || 'x'");
    ONE_CHANGE_PER_TYPE.put("bin", "decode('010203ff', 'hex')");
    ONE_CHANGE_PER_TYPE.put("vb", "vb || decode('00', 'hex')");
    ONE_CHANGE_PER_TYPE.put("bl", "decode('ff', 'hex') || bl");
    ONE_CHANGE_PER_TYPE.put("js", "'{\"n\": -1, \"s\": \"x\"}'");
    ONE_CHANGE_PER_TYPE.put("en", "'c'");
    ONE_CHANGE_PER_TYPE.put("st", "'x'");
    ONE_CHANGE_PER_TYPE.put("bits", "bits # 4");
  }

  private static void everyTypeTable(DatabasePair db) throws SQLException {
    drop(db, "every_type");
    try (Connection dw = DualWriteTestUrls.connect(db);
        Statement s = dw.createStatement()) {
      s.execute(EVERY_TYPE);
      for (int id = 1; id <= 60; id++) {
        s.executeUpdate(
            "INSERT INTO every_type VALUES ("
                + id
                + ", "
                + (id - 30)
                + ", "
                + (id % 2)
                + ", b'"
                + (id % 2)
                + "', "
                + (65000 + id)
                + ", "
                + (-8000000 - id)
                + ", "
                + (4000000000L + id)
                + ", "
                + "18446744073709550"
                + (100 + id)
                + ", "
                + id
                + ".1200, "
                + (id == 13 ? "3.4E38" : String.valueOf(id * 1.25))
                + ", "
                + (id == 5
                    ? "-1.7976931348623157E308"
                    : id == 7
                        ? "1.5E-300"
                        : id == 9
                            ? "0"
                            : id == 11 ? "123456789.123456789e100" : String.valueOf(id * -0.1))
                + ", '2024-02-"
                + (1 + id % 28)
                + "', '2024-03-01 10:11:12."
                + (100000 + id)
                + "', '2024-03-02 00:00:0"
                + (id % 10)
                + ".5', '12:34:56."
                + (200000 + id)
                + "', "
                + (1990 + id)
                + ", 'ch"
                + id
                + "', "
                + (id == 59 ? "NULL" : "'vc " + id + " é'")
                + ", 'long text "
                + id
                + " ✓', X'01020304', X'0a0b"
                + String.format("%02x", id)
                + "', X'ffee00"
                + String.format("%02x", id)
                + "', '{\"n\": "
                + id
                + ", \"s\": \"x\"}', '"
                + (id % 2 == 0 ? "a" : "b")
                + "', 'x,y', "
                + (id * 17)
                + ")");
      }
    }
  }

  @Test
  void equalRowsOfEveryMappedTypeHaveEqualChecksumsOnBothServers(DatabasePair db)
      throws SQLException {
    everyTypeTable(db);
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      TableSpec t = SchemaReader.table(mysql, pg, "every_type");
      assertThat(ChunkVerifier.applies(t)).isTrue();
      ChunkVerifier v =
          new ChunkVerifier(
              t, 1, 100, false, ChecksumRun.postgresUtf8(pg), ChecksumRun.mysqlWithoutMd5(mysql));
      // JSON has no text form both servers print alike: hashed by verify
      assertThat(v.clientHashedColumns()).containsExactly("js");
      List<ChunkVerifier.Range> ranges = v.ranges(mysql, 7);
      assertThat(ranges).hasSize(9);
      long rows = 0;
      for (ChunkVerifier.Range r : ranges) {
        ChunkVerifier.Outcome o = v.compare(mysql, pg, r);
        assertThat(o.rowCompares).as("range %s read row by row", r).isZero();
        assertThat(o.differences()).isZero();
        rows += o.mysqlRows;
      }
      assertThat(rows).isEqualTo(60);
    }
    Result r = CliRun.run("", AdminArgs.of(db, "verify", "--table=every_type"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("60 rows on MySQL, 60 on PostgreSQL: equal");
  }

  @Test
  void aSingleValueChangedInAnyColumnTypeIsFoundByItsChecksum(DatabasePair db) throws SQLException {
    everyTypeTable(db);
    int id = 2;
    Map<Integer, String> changed = new LinkedHashMap<>();
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      for (Map.Entry<String, String> e : ONE_CHANGE_PER_TYPE.entrySet()) {
        id += 2;
        assertThat(
                s.executeUpdate(
                    "UPDATE every_type SET "
                        + e.getKey()
                        + " = "
                        + e.getValue()
                        + " WHERE id = "
                        + id))
            .isEqualTo(1);
        changed.put(id, e.getKey());
      }
      // NULL on MySQL, the empty string on PostgreSQL
      assertThat(s.executeUpdate("UPDATE every_type SET vc = '' WHERE id = 59")).isEqualTo(1);
      changed.put(59, "vc");
    }
    // ranges of one row: a value is found only if its row's checksum differs
    Result r =
        CliRun.run(
            "",
            AdminArgs.of(db, "verify", "--table=every_type", "--chunk-rows=16", "--chunk-size=1"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DIFFERENCES);
    for (Map.Entry<Integer, String> e : changed.entrySet()) {
      assertThat(r.out())
          .contains("changed: id=" + e.getKey() + " (columns: " + e.getValue() + ")");
    }
    Result json =
        CliRun.run("", AdminArgs.of(db, "verify", "--json", "--table=every_type", "--threads=3"));
    Map<String, Object> doc = MiniJson.object(json.out());
    @SuppressWarnings("unchecked")
    Map<String, Object> table = ((List<Map<String, Object>>) doc.get("tables")).get(0);
    assertThat(table.get("changed")).isEqualTo((long) changed.size());
    assertThat(table.get("missing")).isEqualTo(0L);
    assertThat(table.get("extra")).isEqualTo(0L);
  }

  @Test
  void hundredThousandRowsWithACompositeKeyMissingExtraAndChangedRows(DatabasePair db)
      throws SQLException {
    drop(db, "big", "digits");
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute("CREATE TABLE digits (n INT PRIMARY KEY)");
      s.execute("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
      s.execute(
          "CREATE TABLE big (a INT NOT NULL, b INT NOT NULL, v VARCHAR(20), amount DECIMAL(10,2),"
              + " at DATETIME(6), f DOUBLE, PRIMARY KEY (a, b))");
      s.execute(
          "INSERT INTO big SELECT n DIV 100, n MOD 100, CONCAT('v', n), (n MOD 10000) / 100,"
              + " TIMESTAMPADD(MICROSECOND, n * 1001, '2024-01-01 00:00:00'), n * 0.5 FROM"
              + " (SELECT d1.n + 10 * d2.n + 100 * d3.n + 1000 * d4.n + 10000 * d5.n AS n"
              + " FROM digits d1, digits d2, digits d3, digits d4, digits d5) x");
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("CREATE TABLE digits (n integer PRIMARY KEY)");
      s.execute("INSERT INTO digits SELECT generate_series(0, 9)");
      s.execute(
          "CREATE TABLE big (a integer NOT NULL, b integer NOT NULL, v varchar(20),"
              + " amount numeric(12,4), at timestamp(6), f double precision, PRIMARY KEY (a, b))");
      s.execute(
          "INSERT INTO big SELECT n / 100, n % 100, 'v' || n, (n % 10000) / 100.0,"
              + " timestamp '2024-01-01' + n * 1001 * interval '1 microsecond', n * 0.5"
              + " FROM generate_series(0, 99999) n");
    }
    Result equal = CliRun.run("", AdminArgs.of(db, "verify", "--table=big", "--table=digits"));
    assertThat(equal.exitCode()).as(equal.all()).isEqualTo(ExitCodes.OK);
    assertThat(equal.out()).contains("100,000 rows on MySQL, 100,000 on PostgreSQL: equal");

    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      TableSpec t = SchemaReader.table(mysql, pg, "big");
      ChunkVerifier v =
          new ChunkVerifier(t, 1000, 10, false, true, ChecksumRun.mysqlWithoutMd5(mysql));
      List<ChunkVerifier.Range> ranges = v.ranges(mysql, 10_000);
      assertThat(ranges).hasSize(11);
      // DECIMAL(10,2) against numeric(12,4): equal by value, so equal checksums
      for (ChunkVerifier.Range r : ranges) {
        ChunkVerifier.Outcome o = v.compare(mysql, pg, r);
        assertThat(o.rowCompares).as("range %s read row by row", r).isZero();
      }
      // MySQL reads a range of the composite key as an index range, not the whole table
      ChunkVerifier.Range middle = ranges.get(5);
      try (PreparedStatement ps =
          mysql.prepareStatement("EXPLAIN " + v.checksumSql(Side.MYSQL, middle))) {
        v.bind(ps, Side.MYSQL, middle);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          if (hasColumn(rs, "type")) {
            // MariaDB's (and MySQL's traditional) table
            assertThat(rs.getString("type")).isEqualTo("range");
            assertThat(rs.getString("key")).isEqualTo("PRIMARY");
            assertThat(rs.getLong("rows")).isLessThan(30_000);
          } else {
            // MySQL 9's tree: "-> Index range scan on big using PRIMARY over (...)"
            assertThat(rs.getString(1)).contains("range scan on big using PRIMARY");
          }
        }
      }
      try (Statement s = pg.createStatement()) {
        s.executeUpdate("UPDATE big SET amount = amount + 0.01 WHERE a = 500 AND b = 7");
        s.executeUpdate("UPDATE big SET f = f + 0.25 WHERE a = 42 AND b = 0");
        s.executeUpdate("DELETE FROM big WHERE a = 999 AND b = 99");
        s.executeUpdate("INSERT INTO big (a, b, v) VALUES (123, 100, 'ghost'), (5000, 0, 'end')");
      }
    }
    Result r = CliRun.run("", AdminArgs.of(db, "verify", "--table=big", "--threads=2"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out())
        .contains("changed: a=500, b=7 (columns: amount)")
        .contains("changed: a=42, b=0 (columns: f)")
        .contains("missing on PostgreSQL: a=999, b=99")
        .contains("extra on PostgreSQL: a=123, b=100")
        .contains("extra on PostgreSQL: a=5000, b=0");
    Result json = CliRun.run("", AdminArgs.of(db, "verify", "--json", "--table=big"));
    Map<String, Object> doc = MiniJson.object(json.out());
    @SuppressWarnings("unchecked")
    Map<String, Object> table = ((List<Map<String, Object>>) doc.get("tables")).get(0);
    assertThat(table.get("changed")).isEqualTo(2L);
    assertThat(table.get("missing")).isEqualTo(1L);
    assertThat(table.get("extra")).isEqualTo(2L);

    // the old row-by-row comparison finds the same
    Result rows = CliRun.run("", AdminArgs.of(db, "verify", "--table=big", "--mode=rows"));
    assertThat(rows.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(rows.out()).contains("2 changed").contains("missing on PostgreSQL: a=999, b=99");
  }

  private static boolean hasColumn(ResultSet rs, String label) throws SQLException {
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      if (rs.getMetaData().getColumnLabel(i).equalsIgnoreCase(label)) {
        return true;
      }
    }
    return false;
  }

  private static void drop(DatabasePair db, String... tables) throws SQLException {
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement m = mysql.createStatement();
        Statement p = pg.createStatement()) {
      for (String t : tables) {
        m.execute("DROP TABLE IF EXISTS " + t);
        p.execute("DROP TABLE IF EXISTS " + t);
      }
    }
  }
}
