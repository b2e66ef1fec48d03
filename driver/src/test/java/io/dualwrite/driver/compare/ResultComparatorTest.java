package io.dualwrite.driver.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {

  /** An in-memory, forward-only result with columns id (INT) and status (VARCHAR). */
  private static ResultSet rows(Object[]... rows) {
    String[] labels = {"id", "status"};
    String[] types = {"INT", "VARCHAR"};
    ResultSetMetaData meta =
        (ResultSetMetaData)
            Proxy.newProxyInstance(
                ResultComparatorTest.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getColumnCount" -> 2;
                      case "getColumnLabel", "getColumnName" -> labels[(Integer) args[0] - 1];
                      case "getColumnTypeName" -> types[(Integer) args[0] - 1];
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    int[] at = {-1};
    return (ResultSet)
        Proxy.newProxyInstance(
            ResultComparatorTest.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "next" -> ++at[0] < rows.length;
                  case "getObject" -> rows[at[0]][(Integer) args[0] - 1];
                  case "getMetaData" -> meta;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static final Object[][] MYSQL = {{1, "a"}, {2, "a"}, {3, "b"}};
  private static final Object[][] TIES_SWAPPED = {{2, "a"}, {1, "a"}, {3, "b"}};
  private static final Object[][] KEYS_DIFFER = {{3, "b"}, {1, "a"}, {2, "a"}};

  @Test
  void tiesOfTheOrderByKeysInAnotherOrderAreEqual() throws SQLException {
    assertThat(
            ResultComparator.compare(
                rows(MYSQL), rows(TIES_SWAPPED), "SELECT id, status FROM t ORDER BY status"))
        .isNull();
    assertThat(
            ResultComparator.compare(
                rows(MYSQL),
                rows(TIES_SWAPPED),
                "SELECT id, status FROM t ORDER BY `status` ASC LIMIT 10"))
        .isNull();
  }

  @Test
  void theSameRowsOrderedDifferentlyByTheKeysDiffer() throws SQLException {
    assertThat(
            ResultComparator.compare(
                rows(MYSQL), rows(KEYS_DIFFER), "SELECT id, status FROM t ORDER BY status"))
        .isEqualTo("row 1 differs in column id (the same rows, ordered differently)");
  }

  @Test
  void keysThatAreNotResultColumnsCannotExcuseAnOrder() throws SQLException {
    assertThat(
            ResultComparator.compare(
                rows(MYSQL), rows(TIES_SWAPPED), "SELECT id, status FROM t ORDER BY created_at"))
        .startsWith("row 1 differs in column id (the same rows in another order;");
    assertThat(
            ResultComparator.compare(
                rows(MYSQL), rows(TIES_SWAPPED), "SELECT id, status FROM t ORDER BY lower(status)"))
        .startsWith("row 1 differs in column id (the same rows in another order;");
  }

  @Test
  void differentRowsStayADifferenceWhateverTheOrder() throws SQLException {
    Object[][] other = {{1, "a"}, {2, "z"}, {3, "b"}};
    assertThat(
            ResultComparator.compare(
                rows(MYSQL), rows(other), "SELECT id, status FROM t ORDER BY status"))
        .isEqualTo("row 2 differs in column status");
    assertThat(
            ResultComparator.compare(rows(MYSQL), rows(TIES_SWAPPED), "SELECT id, status FROM t"))
        .isNull();
  }

  @Test
  void aLimitWithoutOrderByFixesOnlyTheRowCount() throws SQLException {
    Object[][] otherRows = {{7, "q"}, {8, "r"}, {9, "s"}};
    assertThat(
            ResultComparator.compare(
                rows(MYSQL), rows(otherRows), "SELECT id, status FROM t LIMIT 3"))
        .isNull();
    assertThat(
            ResultComparator.compare(
                rows(MYSQL), rows(new Object[][] {{1, "a"}}), "SELECT id, status FROM t LIMIT 3"))
        .isEqualTo("row count 3 vs 1");
    // a LIMIT inside a subquery does not cut the result
    assertThat(
            ResultComparator.compare(
                rows(MYSQL),
                rows(otherRows),
                "SELECT id, status FROM (SELECT id, status FROM t LIMIT 3) x"))
        .isEqualTo("3 of 3 rows differ (unordered)");
  }

  @Test
  void aLimitCutThroughTiesMayPickOtherTiedRowsButNothingElse() throws SQLException {
    // ORDER BY status LIMIT 2 on rows (1,a) (2,a) (3,a): either two of the three tied rows
    Object[][] mysql = {{1, "b"}, {2, "c"}, {3, "c"}};
    Object[][] otherTie = {{1, "b"}, {4, "c"}, {5, "c"}};
    String sql = "SELECT id, status FROM t ORDER BY status LIMIT 3";
    assertThat(ResultComparator.compare(rows(mysql), rows(otherTie), sql)).isNull();
    Object[][] otherFirst = {{9, "b"}, {2, "c"}, {3, "c"}};
    assertThat(ResultComparator.compare(rows(mysql), rows(otherFirst), sql))
        .isEqualTo("1 of 1 rows differ (unordered)");
    Object[][] otherKeys = {{1, "b"}, {2, "c"}, {3, "d"}};
    assertThat(ResultComparator.compare(rows(mysql), rows(otherKeys), sql))
        .isEqualTo("the ORDER BY keys differ (LIMIT)");
  }
}
