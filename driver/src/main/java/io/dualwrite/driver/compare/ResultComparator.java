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

  /**
   * Compares the results of {@code sql} on both sides: in order when it has a top-level ORDER BY,
   * where rows that differ only by the order of ties (equal ORDER BY keys, each database free to
   * order them its own way) are equal when the keys are columns of the result.
   *
   * <p>A top-level LIMIT picks rows each database is free to choose among: with no ORDER BY any
   * rows, with one the rows tied with the last row's keys. Such a result is compared by what the
   * query fixes: the row count without ORDER BY; with one, the rows before the last keys and the
   * keys of every row (only the row count when the keys are not result columns).
   *
   * @return null when equal, else a one-line description of the first difference
   */
  public static String compare(ResultSet authoritative, ResultSet other, String sql)
      throws SQLException {
    if (sql != null && isLimited(sql)) {
      return compareLimited(authoritative, other, sql);
    }
    return compare(authoritative, other, isOrdered(sql), sql);
  }

  /**
   * The rows one result has and the other has not (as many times as it has them more), each tagged
   * with its side ({@code "a"} or {@code "b"}) and normalised as {@link #compare} normalises them;
   * a column count that differs is one entry of its own. Two looks at the same read share an entry
   * only when the same row differs the same way both times.
   */
  public static java.util.Set<List<Object>> differingRows(ResultSet a, ResultSet b)
      throws SQLException {
    Read read = read(a, b);
    java.util.Set<List<Object>> out = new java.util.HashSet<>();
    if (read.a() == null) {
      out.add(List.of("columns", read.difference()));
      return out;
    }
    Map<List<Object>, Integer> counts = new HashMap<>();
    read.a().forEach(r -> counts.merge(r, 1, Integer::sum));
    read.b().forEach(r -> counts.merge(r, -1, Integer::sum));
    counts.forEach(
        (row, n) -> {
          for (int i = 0; i < Math.abs(n); i++) {
            List<Object> tagged = new ArrayList<>(row.size() + 2);
            tagged.add(n > 0 ? "a" : "b");
            tagged.add(i);
            tagged.addAll(row);
            out.add(tagged);
          }
        });
    return out;
  }

  /**
   * The comparison of a result cut by a top-level LIMIT: see {@link #compare(ResultSet, ResultSet,
   * String)}.
   */
  private static String compareLimited(ResultSet authoritative, ResultSet other, String sql)
      throws SQLException {
    Read read = read(authoritative, other);
    if (read.difference() != null) {
      return read.difference();
    }
    ResultSetMetaData meta = read.meta();
    List<List<Object>> a = read.a();
    List<List<Object>> b = read.b();
    int[] keys = isOrdered(sql) ? keyColumns(orderKeys(sql), meta) : null;
    if (keys == null || a.isEmpty()) {
      return null;
    }
    if (!sameKeys(a, b, keys)) {
      return "the ORDER BY keys differ (LIMIT)";
    }
    List<Object> last = keysOf(a.get(a.size() - 1), keys);
    List<List<Object>> fixedA = new ArrayList<>();
    List<List<Object>> fixedB = new ArrayList<>();
    for (int r = 0; r < a.size(); r++) {
      if (!keysOf(a.get(r), keys).equals(last)) {
        fixedA.add(a.get(r));
        fixedB.add(b.get(r));
      }
    }
    return unorderedDifference(fixedA, fixedB);
  }

  /** Both results read and normalised, or the column or row count in which they differ. */
  private record Read(
      ResultSetMetaData meta, List<List<Object>> a, List<List<Object>> b, String difference) {}

  private static Read read(ResultSet authoritative, ResultSet other) throws SQLException {
    ResultSetMetaData meta = authoritative.getMetaData();
    int columns = meta.getColumnCount();
    if (other.getMetaData().getColumnCount() != columns) {
      return new Read(
          meta,
          null,
          null,
          "column count " + columns + " vs " + other.getMetaData().getColumnCount());
    }
    String[] types = columnTypes(meta, other.getMetaData(), columns);
    List<List<Object>> a = rows(authoritative, columns, types);
    List<List<Object>> b = rows(other, columns, types);
    String difference = a.size() != b.size() ? "row count " + a.size() + " vs " + b.size() : null;
    return new Read(meta, a, b, difference);
  }

  private static List<Object> keysOf(List<Object> row, int[] keys) {
    List<Object> out = new ArrayList<>(keys.length);
    for (int k : keys) {
      out.add(row.get(k));
    }
    return out;
  }

  /** Null when equal, else a one-line description of the first difference. */
  public static String compare(ResultSet authoritative, ResultSet other, boolean ordered)
      throws SQLException {
    return compare(authoritative, other, ordered, null);
  }

  private static String compare(
      ResultSet authoritative, ResultSet other, boolean ordered, String sql) throws SQLException {
    Read read = read(authoritative, other);
    if (read.difference() != null) {
      return read.difference();
    }
    ResultSetMetaData meta = read.meta();
    List<List<Object>> a = read.a();
    List<List<Object>> b = read.b();
    if (ordered) {
      for (int r = 0; r < a.size(); r++) {
        if (!a.get(r).equals(b.get(r))) {
          String difference =
              "row " + (r + 1) + " differs in column " + firstDifference(meta, a.get(r), b.get(r));
          if (sql == null || unorderedDifference(a, b) != null) {
            return difference;
          }
          int[] keys = keyColumns(orderKeys(sql), meta);
          if (keys == null) {
            return difference
                + " (the same rows in another order; the ORDER BY keys are not all result"
                + " columns, so ties cannot be told from a different order)";
          }
          return sameKeys(a, b, keys) ? null : difference + " (the same rows, ordered differently)";
        }
      }
      return null;
    }
    return unorderedDifference(a, b);
  }

  private static String unorderedDifference(List<List<Object>> a, List<List<Object>> b) {
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

  /** Whether both sequences of rows have the same ORDER BY key values, row by row. */
  private static boolean sameKeys(List<List<Object>> a, List<List<Object>> b, int[] keys) {
    for (int r = 0; r < a.size(); r++) {
      for (int k : keys) {
        if (!java.util.Objects.equals(a.get(r).get(k), b.get(r).get(k))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The result column (0-based) of each ORDER BY key: a position ({@code ORDER BY 2}) or a name
   * matching a column label (qualifier and quotes ignored); null when a key is an expression or
   * names no result column.
   */
  private static int[] keyColumns(List<String> keys, ResultSetMetaData meta) throws SQLException {
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    int columns = meta.getColumnCount();
    int[] out = new int[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      String key = keys.get(k);
      int found = -1;
      if (key.chars().allMatch(Character::isDigit)) {
        int position = Integer.parseInt(key);
        found = position >= 1 && position <= columns ? position - 1 : -1;
      } else {
        for (int c = 1; c <= columns && found < 0; c++) {
          if (key.equalsIgnoreCase(meta.getColumnLabel(c))
              || key.equalsIgnoreCase(meta.getColumnName(c))) {
            found = c - 1;
          }
        }
      }
      if (found < 0) {
        return null;
      }
      out[k] = found;
    }
    return out;
  }

  /**
   * The keys of {@code sql}'s top-level ORDER BY, each a column name (unqualified, unquoted) or a
   * position; null when there is none or a key is an expression.
   */
  static List<String> orderKeys(String sql) {
    String n = Fingerprints.normalizeForComparison(sql);
    int from = orderByEnd(n);
    if (from < 0) {
      return null;
    }
    String clause = n.substring(from);
    for (String end : new String[] {" limit ", " for update", " for share", " lock in "}) {
      int at = clause.indexOf(end);
      if (at >= 0) {
        clause = clause.substring(0, at);
      }
    }
    List<String> keys = new ArrayList<>();
    for (String part : clause.split(",")) {
      String key =
          part.trim()
              .replaceAll("\\s+nulls\\s+(first|last)$", "")
              .replaceAll("\\s+(asc|desc)$", "")
              .trim();
      if (!key.matches("[`\"]?[a-z0-9_$]+[`\"]?(\\.[`\"]?[a-z0-9_$]+[`\"]?)?")) {
        return null;
      }
      String last = key.substring(key.lastIndexOf('.') + 1);
      keys.add(last.replace("`", "").replace("\"", ""));
    }
    return keys;
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
   * The type under which column c is normalised: YEAR, JSON or CHAR when either side says so
   * (Connector/J names MySQL's types, pgjdbc {@code json}/{@code jsonb}/{@code bpchar}), else the
   * first side's type name.
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
      case "char", "bpchar" -> "char";
      case "bit" -> "bit";
      default -> null;
    };
  }

  private static List<List<Object>> rows(ResultSet rs, int columns, String[] types)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[columns];
      for (int c = 0; c < columns; c++) {
        row[c] = ValueNormalizer.normalize(value(rs, c + 1, types[c]), types[c]);
      }
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  /**
   * {@code getObject}, or the text of a TIME outside a day, which Connector/J (and the driver's
   * reading of PostgreSQL's interval, as Connector/J's) cannot give as a {@code Time}.
   */
  private static Object value(ResultSet rs, int column, String type) throws SQLException {
    try {
      return rs.getObject(column);
    } catch (SQLException e) {
      if ("S1009".equals(e.getSQLState()) && ValueNormalizer.baseType(type).equals("time")) {
        return rs.getString(column);
      }
      throw e;
    }
  }

  /** Whether {@code sql} orders its result: an ORDER BY outside any parentheses. */
  public static boolean isOrdered(String sql) {
    return orderByEnd(Fingerprints.normalizeForComparison(sql)) >= 0;
  }

  /** Whether {@code sql} cuts its result with a LIMIT outside any parentheses. */
  static boolean isLimited(String sql) {
    String n = Fingerprints.normalizeForComparison(sql);
    int depth = 0;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && n.startsWith("limit ", i) && i > 0 && n.charAt(i - 1) == ' ') {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the keys of the top-level ORDER BY of normalised SQL {@code n} start (just past {@code
   * order by}), or -1 when there is none.
   */
  private static int orderByEnd(String n) {
    int depth = 0;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && n.startsWith("order by", i) && (i == 0 || n.charAt(i - 1) == ' ')) {
        return i + "order by".length();
      }
    }
    return -1;
  }
}
