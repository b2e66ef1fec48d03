package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.Translation;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One table with every MySQL type the rewriter maps, created on MariaDB as written and on
 * PostgreSQL with the rewriter's translated DDL, the same rows on both; the same SELECT read
 * through Connector/J on MariaDB and through {@link MysqlLookingResultSet} on PostgreSQL must give
 * the same values, classes, texts and metadata for every column and row.
 *
 * <p>Where MariaDB (the stand-in) differs from MySQL 8, the wrapper follows MySQL 8 and the test
 * says so: MariaDB's JSON is a LONGTEXT (COLUMN_TYPE {@code longtext}; Connector/J metadata {@code
 * LONGTEXT}), MySQL 8's is {@code JSON} — the caller passes {@code json}, as it would read from
 * MySQL 8's information_schema, and the metadata of that column is checked against MySQL 8's
 * (Connector/J {@code JSON}, {@code LONGVARCHAR}, {@code java.lang.String}) instead of MariaDB's.
 *
 * <p>Not verified here: MariaDB reports a TEXT column's length as 65535 bytes (Connector/J: {@code
 * TEXT}, precision 16383), and the wrapper matches that. If MySQL 8 reports TEXT lengths multiplied
 * by the character set's 4 bytes, Connector/J on MySQL 8 names TINYTEXT/TEXT/MEDIUMTEXT one size
 * up; only a MySQL 8 run (Testcontainers) can settle it.
 */
@ExtendWith(TestDatabases.class)
class MysqlLookingResultSetIT {

  static final String DDL =
      "CREATE TABLE everything ("
          + " id INT NOT NULL PRIMARY KEY,"
          + " flag TINYINT(1),"
          + " ti TINYINT,"
          + " tiu TINYINT UNSIGNED,"
          + " si SMALLINT,"
          + " siu SMALLINT UNSIGNED,"
          + " mi MEDIUMINT,"
          + " miu MEDIUMINT UNSIGNED,"
          + " i INT,"
          + " iu INT UNSIGNED,"
          + " bi BIGINT,"
          + " biu BIGINT UNSIGNED,"
          + " dec1 DECIMAL(10,2),"
          + " dec7 DECIMAL(12,7),"
          + " decu DECIMAL(8,3) UNSIGNED,"
          + " f FLOAT,"
          + " d DOUBLE,"
          + " c CHAR(5),"
          + " vc VARCHAR(20),"
          + " tt TINYTEXT,"
          + " tx TEXT,"
          + " mt MEDIUMTEXT,"
          + " lt LONGTEXT,"
          + " vb VARBINARY(16),"
          + " bl BLOB,"
          + " dt DATE,"
          + " dtm DATETIME,"
          + " dtm6 DATETIME(6),"
          + " ts TIMESTAMP NULL,"
          + " ts3 TIMESTAMP(3) NULL,"
          + " tm TIME,"
          + " tm6 TIME(6),"
          + " yr YEAR,"
          + " js JSON,"
          + " en ENUM('small','medium','large'),"
          + " st SET('a','b','c')"
          + ")";

  static final String COLUMNS =
      "id, flag, ti, tiu, si, siu, mi, miu, i, iu, bi, biu, dec1, dec7, decu, f, d, c, vc, tt, tx,"
          + " mt, lt, vb, bl, dt, dtm, dtm6, ts, ts3, tm, tm6, yr, js, en, st";

  static final Object[][] ROWS = {
    // all NULL
    {
      1, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null
    },
    // minimums, negatives, fractions, unicode
    {
      2,
      1,
      -128,
      0,
      -32768,
      0,
      -8388608,
      0,
      -2147483648,
      0L,
      Long.MIN_VALUE,
      "0",
      "-12345678.90",
      "-0.0000001",
      "0.001",
      1.23456789f,
      -0.1d,
      "abc",
      "héllo wörld ✓",
      "",
      "日本語 😀 ünïcödé",
      "medium",
      "long",
      new byte[] {0, (byte) 0xff, 0x10},
      new byte[] {(byte) 0xde, (byte) 0xad},
      "2024-05-01",
      "2024-05-01 10:00:00",
      "2024-05-01 10:00:00.123400",
      "2024-05-01 10:00:00",
      "2024-05-01 10:00:00.500",
      "10:00:00",
      "23:59:59.000001",
      2024,
      "{\"a\": 1, \"b\": [true, null]}",
      "medium",
      "a,c"
    },
    // maximums, zero fractions, empty strings
    {
      3,
      0,
      127,
      255,
      32767,
      65535,
      8388607,
      16777215,
      2147483647,
      4294967295L,
      Long.MAX_VALUE,
      "18446744073709551615",
      "99999999.99",
      "12345.6789012",
      "99999.999",
      3.4e38f,
      1.7976931348623157e308d,
      "",
      "",
      "x",
      "",
      "",
      "",
      new byte[0],
      new byte[0],
      "1000-01-01",
      "9999-12-31 23:59:59",
      "2024-12-31 23:59:59.000000",
      "2038-01-19 03:14:07",
      "1999-01-01 00:00:00.000",
      "00:00:00",
      "00:00:00",
      2155,
      "[]",
      "small",
      ""
    },
    // odd boolean-ish values and round numbers
    {
      4,
      -1,
      2,
      1,
      1,
      1,
      1,
      1,
      1,
      1L,
      1L,
      "1",
      "0.00",
      "0.0000000",
      "0.000",
      -3.25f,
      1e20d,
      "12345",
      "0",
      "true",
      "yes",
      "1.5",
      "-1",
      new byte[] {0x41},
      new byte[] {0x42},
      "2000-02-29",
      "2000-02-29 00:00:00",
      "2000-02-29 00:00:00.000001",
      "1970-01-01 00:00:01",
      "2000-02-29 12:34:56.789",
      "12:34:56",
      "12:34:56.5",
      1901,
      "{\"k\": \"v\"}",
      "large",
      "a,b,c"
    },
    {
      5,
      2,
      -1,
      128,
      -1,
      2,
      -1,
      3,
      -1,
      5L,
      -1L,
      "9223372036854775808",
      "-1.00",
      "-1.0000000",
      "1.500",
      1e-7f,
      2.5e-300d,
      "a b  ",
      " lead",
      "no",
      "n",
      "F",
      "-0.5",
      new byte[] {1, 2},
      new byte[] {3},
      "2024-01-01",
      "2024-01-01 00:00:00",
      "2024-01-01 00:00:00.999999",
      "2024-01-01 00:00:00",
      "2024-01-01 00:00:00.001",
      "01:02:03",
      "01:02:03.100000",
      2000,
      "null",
      "small",
      "b"
    },
    {
      6,
      -5,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0L,
      0L,
      "18446744073709551614",
      "12.5",
      "0.0000010",
      "0.000",
      0f,
      0d,
      "   ",
      "trailing ",
      "T",
      "false",
      "Y",
      "N",
      new byte[] {0},
      new byte[] {0},
      "1999-12-31",
      "1999-12-31 23:59:59",
      "1999-12-31 23:59:59.100000",
      "1999-12-31 23:59:59",
      "1999-12-31 23:59:59.990",
      "23:59:59",
      "23:59:59.999999",
      1999,
      "{\"n\": 1.5}",
      "medium",
      "c"
    },
  };

  private static List<MysqlColumnType> types;

  @BeforeAll
  static void createAndFill(DatabasePair db) throws SQLException {
    Translation ddl = Rewriter.builder().build().translate(DDL);
    assertThat(ddl.isRefused()).as("rewriter refusal: %s", ddl.refusal()).isFalse();
    String insert =
        "INSERT INTO everything ("
            + COLUMNS
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(ROWS[0].length, "?"))
            + ")";
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      try (Statement s = mysql.createStatement()) {
        s.execute(DDL);
      }
      try (Statement s = pg.createStatement()) {
        for (String sql : ddl.postgresSql().split(";\\s*(?=\\S)")) {
          s.execute(sql);
        }
      }
      for (Connection c : new Connection[] {mysql, pg}) {
        boolean isPg = c == pg;
        try (PreparedStatement ps = c.prepareStatement(insert)) {
          for (Object[] row : ROWS) {
            for (int k = 0; k < row.length; k++) {
              bind(ps, k + 1, row[k], isPg);
            }
            ps.executeUpdate();
          }
        }
      }
      types = new ArrayList<>();
      try (PreparedStatement ps =
          mysql.prepareStatement(
              "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS"
                  + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'everything'"
                  + " ORDER BY ORDINAL_POSITION")) {
        ps.setString(1, db.name());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            // MySQL 8 reports json; MariaDB longtext
            String columnType = rs.getString(1).equals("js") ? "json" : rs.getString(2);
            types.add(MysqlColumnType.parse(columnType));
          }
        }
      }
    }
  }

  /** Binds a row value the way an application would: typed setters, text for temporal values. */
  private static void bind(PreparedStatement ps, int i, Object v, boolean pg) throws SQLException {
    if (v == null) {
      ps.setNull(i, java.sql.Types.NULL);
    } else if (v instanceof Integer n) {
      ps.setInt(i, n);
    } else if (v instanceof Long n) {
      ps.setLong(i, n);
    } else if (v instanceof Float n) {
      ps.setFloat(i, n);
    } else if (v instanceof Double n) {
      ps.setDouble(i, n);
    } else if (v instanceof byte[] b) {
      ps.setBytes(i, b);
    } else {
      String s = (String) v;
      if (pg) {
        // pgjdbc sends setString as varchar, which PostgreSQL does not cast implicitly to
        // numeric, date or jsonb; the driver core binds by the column type, here: unknown
        ps.setObject(i, s, java.sql.Types.OTHER);
      } else {
        ps.setString(i, s);
      }
    }
  }

  private static final String SELECT =
      "SELECT " + COLUMNS.replace("id,", "id AS RowId,") + " FROM everything ORDER BY id";

  @Test
  void everyGetterAndMetadataReadsLikeConnectorJ(DatabasePair db) throws SQLException {
    List<String> labels = new ArrayList<>();
    for (String c : COLUMNS.split(",\\s*")) {
      labels.add(c.equals("id") ? "RowId" : c);
    }
    SoftAssertions soft = new SoftAssertions();
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement ms = mysql.createStatement();
        Statement ps = pg.createStatement();
        ResultSet m = ms.executeQuery(SELECT);
        ResultSet p = new MysqlLookingResultSet(ps.executeQuery(SELECT), types, labels, ps)) {
      assertThat(p.getStatement()).isSameAs(ps);
      ResultSetMetaData mm = m.getMetaData();
      ResultSetMetaData pm = p.getMetaData();
      assertThat(pm.getColumnCount()).isEqualTo(mm.getColumnCount()).isEqualTo(types.size());
      for (int i = 1; i <= mm.getColumnCount(); i++) {
        String col = mm.getColumnLabel(i);
        soft.assertThat(pm.getColumnLabel(i)).as("label %d", i).isEqualTo(col);
        if (col.equals("js")) {
          // MariaDB's JSON is LONGTEXT; MySQL 8 + Connector/J report JSON
          soft.assertThat(pm.getColumnTypeName(i)).isEqualTo("JSON");
          soft.assertThat(pm.getColumnType(i)).isEqualTo(java.sql.Types.LONGVARCHAR);
          soft.assertThat(pm.getColumnClassName(i)).isEqualTo("java.lang.String");
          continue;
        }
        soft.assertThat(pm.getColumnType(i)).as("%s type", col).isEqualTo(mm.getColumnType(i));
        soft.assertThat(pm.getColumnTypeName(i))
            .as("%s type name", col)
            .isEqualTo(mm.getColumnTypeName(i));
        soft.assertThat(pm.getColumnClassName(i))
            .as("%s class name", col)
            .isEqualTo(mm.getColumnClassName(i));
        soft.assertThat(pm.getPrecision(i)).as("%s precision", col).isEqualTo(mm.getPrecision(i));
        soft.assertThat(pm.getScale(i)).as("%s scale", col).isEqualTo(mm.getScale(i));
        soft.assertThat(pm.getColumnDisplaySize(i))
            .as("%s display size", col)
            .isEqualTo(mm.getColumnDisplaySize(i));
        soft.assertThat(pm.isSigned(i)).as("%s signed", col).isEqualTo(mm.isSigned(i));
        soft.assertThat(pm.isNullable(i)).as("%s nullable", col).isEqualTo(mm.isNullable(i));
        soft.assertThat(pm.isAutoIncrement(i))
            .as("%s auto increment", col)
            .isEqualTo(mm.isAutoIncrement(i));
        soft.assertThat(pm.getColumnName(i)).as("%s name", col).isEqualTo(mm.getColumnName(i));
        soft.assertThat(pm.getTableName(i)).as("%s table", col).isEqualTo(mm.getTableName(i));
        soft.assertThat(pm.getSchemaName(i)).as("%s schema", col).isEqualTo(mm.getSchemaName(i));
        soft.assertThat(pm.getCatalogName(i)).as("%s catalog", col).isEqualTo(mm.getCatalogName(i));
        soft.assertThat(pm.isReadOnly(i)).as("%s read only", col).isEqualTo(mm.isReadOnly(i));
        soft.assertThat(pm.isCaseSensitive(i))
            .as("%s case sensitive", col)
            .isEqualTo(mm.isCaseSensitive(i));
      }
      int row = 0;
      while (m.next()) {
        row++;
        assertThat(p.next()).as("PostgreSQL row %d", row).isTrue();
        for (int col = 1; col <= mm.getColumnCount(); col++) {
          final int i = col;
          String at = mm.getColumnLabel(i) + " row " + m.getInt(1);
          Object mo = m.getObject(i);
          Object po = p.getObject(i);
          soft.assertThat(describe(po)).as("getObject %s", at).isEqualTo(describe(mo));
          soft.assertThat(p.wasNull()).as("wasNull %s", at).isEqualTo(m.wasNull());
          soft.assertThat(p.getString(i)).as("getString %s", at).isEqualTo(m.getString(i));
          soft.assertThat(p.getString(mm.getColumnLabel(i)))
              .as("getString by label %s", at)
              .isEqualTo(m.getString(mm.getColumnLabel(i)));
          soft.assertThat(outcome(() -> p.getBoolean(i)))
              .as("getBoolean %s", at)
              .isEqualTo(outcome(() -> m.getBoolean(i)));
          String kind = kindOf(mm.getColumnTypeName(i));
          if (kind.equals("number")) {
            soft.assertThat(outcome(() -> p.getInt(i)))
                .as("getInt %s", at)
                .isEqualTo(outcome(() -> m.getInt(i)));
            soft.assertThat(outcome(() -> p.getLong(i)))
                .as("getLong %s", at)
                .isEqualTo(outcome(() -> m.getLong(i)));
            soft.assertThat(outcome(() -> p.getDouble(i)))
                .as("getDouble %s", at)
                .isEqualTo(outcome(() -> m.getDouble(i)));
            soft.assertThat(outcome(() -> p.getFloat(i)))
                .as("getFloat %s", at)
                .isEqualTo(outcome(() -> m.getFloat(i)));
            soft.assertThat(outcome(() -> p.getBigDecimal(i)))
                .as("getBigDecimal %s", at)
                .isEqualTo(outcome(() -> m.getBigDecimal(i)));
          } else if (kind.equals("temporal")) {
            soft.assertThat(outcome(() -> p.getTimestamp(i)))
                .as("getTimestamp %s", at)
                .isEqualTo(outcome(() -> m.getTimestamp(i)));
            soft.assertThat(outcome(() -> p.getDate(i)))
                .as("getDate %s", at)
                .isEqualTo(outcome(() -> m.getDate(i)));
          } else if (kind.equals("year")) {
            soft.assertThat(p.getInt(i)).as("getInt %s", at).isEqualTo(m.getInt(i));
            soft.assertThat(p.getDate(i)).as("getDate %s", at).isEqualTo(m.getDate(i));
            soft.assertThat(outcome(() -> p.getTimestamp(i)))
                .as("getTimestamp %s", at)
                .isEqualTo(outcome(() -> m.getTimestamp(i)));
          }
        }
      }
      assertThat(p.next()).isFalse();
      assertThat(row).isEqualTo(ROWS.length);
    }
    soft.assertAll();
  }

  @Test
  void unknownTypesAreDerivedFromPostgresAndLabelsDefaultToPostgres(DatabasePair db)
      throws SQLException {
    String sql = "SELECT i, bi, dec1, vc, dtm, flag = 1 AS is_set, js FROM everything WHERE id = 2";
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet p = new MysqlLookingResultSet(s.executeQuery(sql), null, null)) {
      assertThat(p.next()).isTrue();
      assertThat(p.getObject(1)).isEqualTo(-2147483648);
      assertThat(p.getObject(2)).isEqualTo(Long.MIN_VALUE);
      assertThat(p.getObject(3)).isEqualTo(new java.math.BigDecimal("-12345678.90"));
      assertThat(p.getObject(4)).isEqualTo("héllo wörld ✓");
      assertThat(p.getObject(5)).isEqualTo(java.time.LocalDateTime.of(2024, 5, 1, 10, 0, 0));
      assertThat(p.getObject(6)).isEqualTo(Boolean.TRUE);
      assertThat(p.getString(6)).isEqualTo("1");
      assertThat(p.getInt("IS_SET")).isEqualTo(1);
      assertThat(p.getObject(7)).isInstanceOf(String.class);
      ResultSetMetaData md = p.getMetaData();
      assertThat(md.getColumnLabel(6)).isEqualTo("is_set");
      assertThat(md.getColumnTypeName(6)).isEqualTo("BIT");
      assertThat(md.getColumnTypeName(5)).isEqualTo("DATETIME");
      assertThat(md.getColumnTypeName(7)).isEqualTo("JSON");
      assertThat(md.getColumnTypeName(1)).isEqualTo("INT");
    }
  }

  @Test
  void numericGettersOnTextAndBinaryColumnsConvertAsConnectorJ(DatabasePair db)
      throws SQLException {
    String sql = "SELECT c, vc, tt, tx, mt, lt, vb, bl, en, st FROM everything ORDER BY id";
    List<MysqlColumnType> known = new ArrayList<>();
    for (String c : "c, vc, tt, tx, mt, lt, vb, bl, en, st".split(", ")) {
      known.add(types.get(Arrays.asList(COLUMNS.split(",\\s*")).indexOf(c)));
    }
    SoftAssertions soft = new SoftAssertions();
    for (List<MysqlColumnType> given : java.util.Arrays.asList(known, null)) {
      try (Connection mysql = db.openMysql();
          Connection pg = db.openPostgres();
          Statement ms = mysql.createStatement();
          Statement ps = pg.createStatement();
          ResultSet m = ms.executeQuery(sql);
          ResultSet p = new MysqlLookingResultSet(ps.executeQuery(sql), given, null, ps)) {
        int row = 0;
        while (m.next()) {
          row++;
          assertThat(p.next()).isTrue();
          for (int col = 1; col <= 10; col++) {
            final int i = col;
            if (given == null && i == 1) {
              // CHAR is a varchar on PostgreSQL: without its MySQL type its spaces are not stripped
              continue;
            }
            String at =
                m.getMetaData().getColumnLabel(i)
                    + " row "
                    + row
                    + (given == null ? " (types unknown)" : "");
            soft.assertThat(outcome(() -> p.getInt(i)))
                .as("getInt %s", at)
                .isEqualTo(outcome(() -> m.getInt(i)));
            soft.assertThat(outcome(() -> p.getLong(i)))
                .as("getLong %s", at)
                .isEqualTo(outcome(() -> m.getLong(i)));
            soft.assertThat(outcome(() -> p.getShort(i)))
                .as("getShort %s", at)
                .isEqualTo(outcome(() -> m.getShort(i)));
            soft.assertThat(outcome(() -> p.getDouble(i)))
                .as("getDouble %s", at)
                .isEqualTo(outcome(() -> m.getDouble(i)));
            soft.assertThat(outcome(() -> p.getBoolean(i)))
                .as("getBoolean %s", at)
                .isEqualTo(outcome(() -> m.getBoolean(i)));
          }
        }
      }
    }
    soft.assertAll();
  }

  /**
   * The catalog does not know the table (loaded before it existed): every column whose MySQL type
   * can be told from PostgreSQL's reads as Connector/J reads it. Not derivable, and left out:
   * TINYINT(1) ({@code smallint} like TINYINT, SMALLINT and YEAR: read as TINYINT), the unsigned
   * types other than BIGINT UNSIGNED (one size up on PostgreSQL), MEDIUMINT, SMALLINT, YEAR, the
   * TEXT sizes and CHAR/ENUM/SET/VARBINARY (stored as text/varchar/bytea).
   */
  @Test
  void columnsOfATableTheCatalogDoesNotKnowReadAsConnectorJWhereTheTypeIsDerivable(DatabasePair db)
      throws SQLException {
    String columns = "id, ti, i, bi, biu, dec1, dec7, f, d, vc, tx, bl, dt, dtm, dtm6, tm, tm6";
    String sql = "SELECT " + columns + " FROM everything ORDER BY id";
    SoftAssertions soft = new SoftAssertions();
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement ms = mysql.createStatement();
        Statement ps = pg.createStatement();
        ResultSet m = ms.executeQuery(sql);
        ResultSet p = new MysqlLookingResultSet(ps.executeQuery(sql), null, null, ps)) {
      ResultSetMetaData mm = m.getMetaData();
      ResultSetMetaData pm = p.getMetaData();
      for (int i = 1; i <= mm.getColumnCount(); i++) {
        String col = mm.getColumnLabel(i);
        soft.assertThat(pm.getColumnTypeName(i))
            .as("%s type name", col)
            .isEqualTo(mm.getColumnTypeName(i));
        soft.assertThat(pm.getColumnType(i)).as("%s type", col).isEqualTo(mm.getColumnType(i));
        soft.assertThat(pm.getColumnClassName(i))
            .as("%s class name", col)
            .isEqualTo(mm.getColumnClassName(i));
        soft.assertThat(pm.isSigned(i)).as("%s signed", col).isEqualTo(mm.isSigned(i));
      }
      while (m.next()) {
        assertThat(p.next()).isTrue();
        for (int col = 1; col <= mm.getColumnCount(); col++) {
          final int i = col;
          String at = mm.getColumnLabel(i) + " row " + m.getInt(1);
          soft.assertThat(describe(p.getObject(i)))
              .as("getObject %s", at)
              .isEqualTo(describe(m.getObject(i)));
          soft.assertThat(p.getString(i)).as("getString %s", at).isEqualTo(m.getString(i));
          soft.assertThat(outcome(() -> p.getBoolean(i)))
              .as("getBoolean %s", at)
              .isEqualTo(outcome(() -> m.getBoolean(i)));
        }
      }
      assertThat(p.next()).isFalse();
    }
    soft.assertAll();
  }

  @Test
  void expressionsAreNeverOfUnknownNullabilityAndStringExpressionsAreVarchar(DatabasePair db)
      throws SQLException {
    String sql = "SELECT 'x' AS letter, UNHEX('41') AS b, vc FROM everything WHERE id = 2";
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement ms = mysql.createStatement();
        Statement ps = pg.createStatement();
        ResultSet m = ms.executeQuery(sql);
        ResultSet p =
            new MysqlLookingResultSet(
                ps.executeQuery(
                    "SELECT 'x'::text AS letter, decode('41', 'hex') AS b, vc FROM everything"
                        + " WHERE id = 2"),
                null,
                null,
                ps)) {
      ResultSetMetaData mm = m.getMetaData();
      ResultSetMetaData pm = p.getMetaData();
      for (int i = 1; i <= 2; i++) {
        assertThat(pm.getColumnTypeName(i)).isEqualTo(mm.getColumnTypeName(i));
        assertThat(pm.getColumnType(i)).isEqualTo(mm.getColumnType(i));
        assertThat(pm.isNullable(i)).isNotEqualTo(ResultSetMetaData.columnNullableUnknown);
      }
      assertThat(pm.isNullable(3)).isEqualTo(mm.isNullable(3));
      assertThat(m.next()).isTrue();
      assertThat(p.next()).isTrue();
      assertThat(p.getString(2)).isEqualTo(m.getString(2)).isEqualTo("A");
    }
  }

  @Test
  void labelsReadFromTheMysqlStatementAreConnectorJs(DatabasePair db) throws SQLException {
    String sql =
        "SELECT id AS RowId, COUNT(*), 'x', 1 + 1, MAX(vc) AS LongestName, `dtm`"
            + " FROM everything GROUP BY id, dtm ORDER BY id";
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement ms = mysql.createStatement();
        Statement ps = pg.createStatement();
        ResultSet m = ms.executeQuery(sql);
        ResultSet raw = ps.executeQuery(sql.replace('`', '"'))) {
      ResultSet p =
          new MysqlLookingResultSet(
              raw,
              null,
              Rewriter.builder()
                  .build()
                  .translate(sql)
                  .resultColumns()
                  .labels(raw.getMetaData().getColumnCount()),
              ps);
      for (int i = 1; i <= m.getMetaData().getColumnCount(); i++) {
        assertThat(p.getMetaData().getColumnLabel(i))
            .as("label %d", i)
            .isEqualTo(m.getMetaData().getColumnLabel(i));
      }
      assertThat(m.next()).isTrue();
      assertThat(p.next()).isTrue();
      assertThat(p.getLong("COUNT(*)")).isEqualTo(m.getLong("COUNT(*)")).isEqualTo(1L);
    }
  }

  @Test
  void labelsPostgresCannotSpellAreTakenFromTheCaller(DatabasePair db) throws SQLException {
    String sql = "SELECT COUNT(*), MAX(vc) AS LongestName FROM everything";
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement ms = mysql.createStatement();
        Statement ps = pg.createStatement();
        ResultSet m = ms.executeQuery(sql);
        ResultSet p =
            new MysqlLookingResultSet(
                ps.executeQuery(sql),
                List.of(MysqlColumnType.parse("bigint"), MysqlColumnType.parse("varchar(20)")),
                List.of("COUNT(*)", "LongestName"))) {
      assertThat(m.next()).isTrue();
      assertThat(p.next()).isTrue();
      for (int i = 1; i <= 2; i++) {
        assertThat(p.getMetaData().getColumnLabel(i)).isEqualTo(m.getMetaData().getColumnLabel(i));
        assertThat(p.getMetaData().getColumnTypeName(i))
            .isEqualTo(m.getMetaData().getColumnTypeName(i));
        assertThat(p.getMetaData().getColumnName(i)).isEqualTo(m.getMetaData().getColumnName(i));
        assertThat(p.getMetaData().getCatalogName(i)).isEqualTo(m.getMetaData().getCatalogName(i));
      }
      assertThat(p.getObject("count(*)")).isEqualTo(m.getObject("count(*)")).isEqualTo(6L);
      assertThat(p.getString("longestname")).isEqualTo(m.getString("longestname"));
      assertThat(p.findColumn("LONGESTNAME")).isEqualTo(m.findColumn("LONGESTNAME")).isEqualTo(2);
    }
  }

  @Test
  void aTypeOrLabelListOfTheWrongSizeIsRefused(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1, 2")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new MysqlLookingResultSet(rs, List.of(MysqlColumnType.parse("int")), null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2 columns");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new MysqlLookingResultSet(rs, null, List.of("a", "b", "c")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String kindOf(String mysqlTypeName) {
    if (mysqlTypeName.equals("YEAR")) {
      return "year";
    }
    if (Set.of("DATE", "DATETIME", "TIMESTAMP", "TIME").contains(mysqlTypeName)) {
      return "temporal";
    }
    if (mysqlTypeName.matches(
        "(TINYINT|SMALLINT|MEDIUMINT|INT|BIGINT|DECIMAL|FLOAT|DOUBLE|BIT)( UNSIGNED)?")) {
      return "number";
    }
    return "other";
  }

  /** Value and class, arrays by content. */
  private static String describe(Object o) {
    if (o == null) {
      return "null";
    }
    String v = o instanceof byte[] b ? Arrays.toString(b) : Objects.toString(o);
    return o.getClass().getName() + ":" + v;
  }

  interface Getter {
    Object get() throws SQLException;
  }

  /** The value, or "threw" when the getter refuses (both drivers refuse e.g. a word as boolean). */
  private static String outcome(Getter g) {
    try {
      return describe(g.get());
    } catch (SQLException | RuntimeException e) {
      return "threw";
    }
  }
}
