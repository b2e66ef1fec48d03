package io.dualwrite.driver.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.Translation;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same rows read through Connector/J from MariaDB and through pgjdbc from PostgreSQL (the
 * rewriter's DDL) compare equal where the values are equal, YEAR (a {@link java.sql.Date} against a
 * {@code smallint}) and JSON (text against a {@code jsonb} {@code PGobject}) included, and unequal
 * where one value differs.
 */
@ExtendWith(TestDatabases.class)
class ResultComparatorIT {

  static final String DDL =
      "CREATE TABLE yj (id INT NOT NULL PRIMARY KEY, yr YEAR NULL, js JSON NULL,"
          + " vc VARCHAR(40) NULL)";

  @BeforeAll
  static void create(DatabasePair db) throws SQLException {
    Translation ddl = Rewriter.builder().build().translate(DDL);
    assertThat(ddl.isRefused()).as("rewriter refusal: %s", ddl.refusal()).isFalse();
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement ms = mysql.createStatement();
        Statement ps = pg.createStatement()) {
      ms.execute(DDL);
      for (String sql : ddl.postgresSql().split(";\\s*(?=\\S)")) {
        ps.execute(sql);
      }
      for (String row :
          List.of(
              "(1, 2024, '{\"b\": [1, 2], \"a\": null}', 'x')",
              "(2, 2020, '[]', '{\"k\": 1}')",
              "(3, NULL, NULL, NULL)",
              "(4, 1999, '{\"n\": 1.5, \"s\": \"é\"}', '')")) {
        ms.execute("INSERT INTO yj VALUES " + row);
        ps.execute("INSERT INTO yj VALUES " + row);
      }
    }
  }

  @Test
  void yearAndJsonColumnsReadFromBothSidesCompareEqual(DatabasePair db) throws SQLException {
    assertThat(compare(db, "SELECT id, yr, js, vc FROM yj ORDER BY id", null)).isNull();
    assertThat(compare(db, "SELECT yr, js FROM yj", null)).isNull();
  }

  @Test
  void aDifferentYearOrJsonValueIsStillADifference(DatabasePair db) throws SQLException {
    assertThat(
            compare(
                db, "SELECT id, yr FROM yj ORDER BY id", "UPDATE yj SET yr = 2021 WHERE id = 2"))
        .isEqualTo("row 2 differs in column yr");
    assertThat(
            compare(
                db,
                "SELECT id, js FROM yj ORDER BY id",
                "UPDATE yj SET js = '{\"a\": 1, \"b\": [1, 2]}' WHERE id = 1"))
        .isEqualTo("row 1 differs in column js");
  }

  @Test
  void aVarcharThatLooksLikeJsonIsComparedAsText(DatabasePair db) throws SQLException {
    assertThat(
            compare(
                db,
                "SELECT id, vc FROM yj ORDER BY id",
                "UPDATE yj SET vc = '{\"k\":1}' WHERE id = 2"))
        .isEqualTo("row 2 differs in column vc");
  }

  /**
   * Compares MySQL's result with PostgreSQL's after running {@code pgChange} on PostgreSQL only.
   */
  private static String compare(DatabasePair db, String sql, String pgChange) throws SQLException {
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        Statement ms = mysql.createStatement();
        Statement ps = pg.createStatement()) {
      pg.setAutoCommit(false);
      try {
        if (pgChange != null) {
          ps.execute(pgChange);
        }
        try (ResultSet m = ms.executeQuery(sql);
            ResultSet p = ps.executeQuery(sql)) {
          return ResultComparator.compare(m, p, ResultComparator.isOrdered(sql));
        }
      } finally {
        pg.rollback();
      }
    }
  }
}
