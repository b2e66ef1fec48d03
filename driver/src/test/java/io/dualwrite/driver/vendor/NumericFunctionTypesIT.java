package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads of ROUND/TRUNCATE/ABS over FLOAT, DOUBLE and DECIMAL columns, served by PostgreSQL through
 * the driver at readPercent 100, have Connector/J's types and values over MySQL. The values avoid
 * ties of ROUND on a double (2.25), where MySQL and PostgreSQL round differently (a rewriter
 * matter, not a typing one).
 */
@ExtendWith(TestDatabases.class)
class NumericFunctionTypesIT {

  private static final String SELECT =
      "SELECT id, ROUND(f, 1) AS rf, ROUND(d, 2) AS rd, TRUNCATE(d, 1) AS td, ABS(d) AS ad,"
          + " ROUND(price, 1) AS rp, ROUND(price) AS rp0, TRUNCATE(price, 1) AS tp,"
          + " ABS(price) AS ap FROM nft_readings ORDER BY id";

  @Test
  void roundTruncateAndAbsReadLikeConnectorJ(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.instance", "nft")) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE nft_readings (id INT NOT NULL PRIMARY KEY, f FLOAT NULL, d DOUBLE NULL,"
                + " price DECIMAL(10,2) NULL)");
        s.execute(
            "INSERT INTO nft_readings VALUES (1, 0.1, 2.2617, 12.34), (2, 1.5, -3.5, -0.06),"
                + " (3, NULL, NULL, NULL)");
      }
    }
    List<String> differences = new ArrayList<>();
    try (Connection raw = db.openMysql();
        Connection pg =
            DualWriteTestUrls.connect(
                db, "dualwrite.instance", "nft", "dualwrite.readPercent", "100");
        Statement ms = raw.createStatement();
        Statement ps = pg.createStatement();
        ResultSet m = ms.executeQuery(SELECT);
        ResultSet p = ps.executeQuery(SELECT)) {
      assertThat(p.isWrapperFor(MysqlLookingResultSet.class)).as("served by PostgreSQL").isTrue();
      ResultSetMetaData mm = m.getMetaData();
      ResultSetMetaData pm = p.getMetaData();
      for (int i = 2; i <= mm.getColumnCount(); i++) {
        String col = mm.getColumnLabel(i);
        diff(differences, col, "type", mm.getColumnTypeName(i), pm.getColumnTypeName(i));
        diff(differences, col, "class", mm.getColumnClassName(i), pm.getColumnClassName(i));
        diff(differences, col, "scale", mm.getScale(i), pm.getScale(i));
        diff(differences, col, "signed", mm.isSigned(i), pm.isSigned(i));
      }
      int rows = 0;
      while (m.next()) {
        rows++;
        assertThat(p.next()).isTrue();
        for (int i = 2; i <= mm.getColumnCount(); i++) {
          String at = mm.getColumnLabel(i) + " row " + rows;
          Object mo = m.getObject(i);
          Object po = p.getObject(i);
          diff(differences, at, "getObject", describe(mo), describe(po));
          diff(differences, at, "getString", m.getString(i), p.getString(i));
          diff(differences, at, "getBigDecimal", m.getBigDecimal(i), p.getBigDecimal(i));
        }
      }
      assertThat(p.next()).isFalse();
      assertThat(rows).isEqualTo(3);
    }
    assertThat(differences).isEmpty();
  }

  private static String describe(Object o) {
    return o == null ? "null" : o.getClass().getName() + ":" + o;
  }

  private static void diff(List<String> out, String at, String what, Object m, Object p) {
    if (!String.valueOf(m).equals(String.valueOf(p))) {
      out.add(at + " " + what + ": mysql=" + m + " postgres=" + p);
    }
  }
}
