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
}
