package io.dualwrite.driver.compare;

import io.dualwrite.driver.discrepancy.Fingerprints;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the rows of the same read on both sides under {@link ValueNormalizer}'s normalisation.
 * Row order counts only when the statement has a top-level ORDER BY; otherwise rows are compared as
 * multisets. The difference is described by row counts, row numbers and column names, never by
 * values (row data is application data and is not logged).
 */
public final class ResultComparator {
  private ResultComparator() {}

  /** Null when equal, else a one-line description of the first difference. */
  public static String compare(ResultSet authoritative, ResultSet other, boolean ordered)
      throws SQLException {
    ResultSetMetaData meta = authoritative.getMetaData();
    int columns = meta.getColumnCount();
    if (other.getMetaData().getColumnCount() != columns) {
      return "column count " + columns + " vs " + other.getMetaData().getColumnCount();
    }
    String[] types = columnTypes(meta, other.getMetaData(), columns);
    List<List<Object>> a = rows(authoritative, columns, types);
    List<List<Object>> b = rows(other, columns, types);
    if (a.size() != b.size()) {
      return "row count " + a.size() + " vs " + b.size();
    }
    if (ordered) {
      for (int r = 0; r < a.size(); r++) {
        if (!a.get(r).equals(b.get(r))) {
          return "row "
              + (r + 1)
              + " differs in column "
              + firstDifference(meta, a.get(r), b.get(r));
        }
      }
      return null;
    }
    Map<List<Object>, Integer> counts = new HashMap<>();
    for (List<Object> row : a) {
      counts.merge(row, 1, Integer::sum);
    }
    int unmatched = 0;
    for (List<Object> row : b) {
      Integer n = counts.get(row);
      if (n == null || n == 0) {
        unmatched++;
      } else {
        counts.put(row, n - 1);
      }
    }
    return unmatched == 0 ? null : unmatched + " of " + b.size() + " rows differ (unordered)";
  }

  private static String firstDifference(ResultSetMetaData meta, List<Object> a, List<Object> b)
      throws SQLException {
    for (int c = 0; c < a.size(); c++) {
      if (!java.util.Objects.equals(a.get(c), b.get(c))) {
        return meta.getColumnLabel(c + 1);
      }
    }
    return "?";
  }

  /**
   * The type under which column c is normalised: YEAR or JSON when either side says so (Connector/J
   * names MySQL's types, pgjdbc {@code json}/{@code jsonb}), else the first side's type name.
   */
  public static String[] columnTypes(ResultSetMetaData a, ResultSetMetaData b, int columns)
      throws SQLException {
    String[] types = new String[columns];
    for (int c = 0; c < columns; c++) {
      String ta = a.getColumnTypeName(c + 1);
      String tb = b.getColumnTypeName(c + 1);
      types[c] = special(ta) != null ? special(ta) : special(tb) != null ? special(tb) : ta;
    }
    return types;
  }

  private static String special(String typeName) {
    if (typeName == null) {
      return null;
    }
    String t = ValueNormalizer.baseType(typeName);
    return switch (t) {
      case "year" -> "year";
      case "json", "jsonb" -> "json";
      default -> null;
    };
  }

  private static List<List<Object>> rows(ResultSet rs, int columns, String[] types)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[columns];
      for (int c = 0; c < columns; c++) {
        row[c] = ValueNormalizer.normalize(rs.getObject(c + 1), types[c]);
      }
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  /** Whether {@code sql} orders its result: an ORDER BY outside any parentheses. */
  public static boolean isOrdered(String sql) {
    String n = Fingerprints.normalizeForComparison(sql);
    int depth = 0;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && n.startsWith("order by", i) && (i == 0 || n.charAt(i - 1) == ' ')) {
        return true;
      }
    }
    return false;
  }
}
