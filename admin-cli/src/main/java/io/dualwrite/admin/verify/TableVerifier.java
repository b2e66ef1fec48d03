package io.dualwrite.admin.verify;

import io.dualwrite.driver.compare.ValueNormalizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Compares one table on both sides, under the normalisation of compared reads ({@link
 * ValueNormalizer}).
 *
 * <p>With a primary key, in two keyset-paginated passes, so that the two databases never have to
 * agree on how keys sort (MySQL's collations are not PostgreSQL's): MySQL's rows chunk by chunk,
 * each chunk's keys looked up on PostgreSQL (missing and changed keys); then PostgreSQL's keys
 * chunk by chunk, looked up on MySQL (extra keys). Without a primary key, both sides' rows are
 * compared as multisets of whole rows.
 */
public final class TableVerifier {
  /** Told after every chunk; decides itself how often to print. */
  public interface Listener {
    void chunk(TableSpec table, long rowsRead, long differences, long elapsedNanos);
  }

  private final Connection mysql;
  private final Connection pg;
  private final int chunkSize;
  private final int maxListed;
  private final boolean showValues;
  private final LongSupplier nanoTime;
  private final Listener listener;
  private final RowComparison rows;

  public TableVerifier(
      Connection mysql,
      Connection pg,
      int chunkSize,
      int maxListed,
      boolean showValues,
      LongSupplier nanoTime,
      Listener listener) {
    this.mysql = mysql;
    this.pg = pg;
    this.chunkSize = chunkSize;
    this.maxListed = maxListed;
    this.showValues = showValues;
    this.nanoTime = nanoTime;
    this.listener = listener;
    this.rows = new RowComparison(maxListed, showValues);
  }

  public TableResult verify(TableSpec t) throws SQLException {
    long start = nanoTime.getAsLong();
    if (!t.problems().isEmpty()) {
      return new TableResult(
          t, 0, 0, 0, 0, 0, List.of(), String.join("; ", t.problems()), elapsed(start));
    }
    return t.hasPrimaryKey() ? byKey(t, start) : byRow(t, start);
  }

  private long elapsed(long start) {
    return nanoTime.getAsLong() - start;
  }

  // --------------------------------------------------------------------- with a primary key

  private TableResult byKey(TableSpec t, long start) throws SQLException {
    Counts n = new Counts();
    List<KeyDiff> listed = new ArrayList<>();
    List<Column> keyColumns = t.keyColumns();

    // Pass 1: MySQL's rows, looked up on PostgreSQL.
    List<Object> after = null;
    while (true) {
      List<Object[]> chunk = keysetChunk(mysql, Side.MYSQL, t, after, false);
      if (chunk.isEmpty()) {
        break;
      }
      n.mysqlRows += chunk.size();
      List<List<Object>> keys = new ArrayList<>(chunk.size());
      for (Object[] row : chunk) {
        keys.add(keyOf(t, row));
      }
      Map<List<Object>, Object[]> pgRows = new HashMap<>();
      for (Object[] row : lookup(pg, Side.POSTGRES, t, keys, false)) {
        pgRows.put(normalizedKey(t, row), row);
      }
      RowComparison.Found found = rows.missingOrChanged(t, chunk, pgRows, listed);
      n.missing += found.missing();
      n.changed += found.changed();
      listener.chunk(t, n.mysqlRows, n.total(), elapsed(start));
      if (chunk.size() < chunkSize) {
        break;
      }
      after = keys.get(keys.size() - 1);
    }

    // Pass 2: PostgreSQL's keys, looked up on MySQL.
    after = null;
    while (true) {
      List<Object[]> chunk = keysetChunk(pg, Side.POSTGRES, t, after, true);
      if (chunk.isEmpty()) {
        break;
      }
      n.pgRows += chunk.size();
      List<List<Object>> keys = new ArrayList<>(chunk.size());
      for (Object[] row : chunk) {
        keys.add(Arrays.asList(row));
      }
      Set<List<Object>> onMysql = new HashSet<>();
      for (Object[] row : lookup(mysql, Side.MYSQL, t, keys, true)) {
        onMysql.add(normalize(Arrays.asList(row)));
      }
      for (List<Object> key : keys) {
        if (!onMysql.contains(normalize(key))) {
          n.extra++;
          if (listed.size() < maxListed) {
            Object[] full = showValues ? fullRow(pg, Side.POSTGRES, t, key) : null;
            listed.add(
                new KeyDiff(
                    KeyDiff.Kind.EXTRA,
                    KeyText.formatAll(key),
                    List.of(),
                    Map.of(),
                    full == null ? Map.of() : values(t, full)));
          }
        }
      }
      listener.chunk(t, n.mysqlRows + n.pgRows, n.total(), elapsed(start));
      if (chunk.size() < chunkSize) {
        break;
      }
      after = keys.get(keys.size() - 1);
    }
    return new TableResult(
        t, n.mysqlRows, n.pgRows, n.missing, n.extra, n.changed, listed, null, elapsed(start));
  }

  /** Every column's value as text, or only {@code only}'s when not empty. */
  static Map<String, String> values(TableSpec t, Object[] row, List<String> only) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int c = 0; c < row.length; c++) {
      String name = t.columns().get(c).mysqlName();
      if (only.isEmpty() || only.contains(name)) {
        out.put(name, KeyText.format(row[c]));
      }
    }
    return out;
  }

  static Map<String, String> values(TableSpec t, Object[] row) {
    return values(t, row, List.of());
  }

  private Object[] fullRow(Connection c, Side side, TableSpec t, List<Object> key)
      throws SQLException {
    List<Object[]> rows = lookup(c, side, t, List.of(key), false);
    return rows.isEmpty() ? null : rows.get(0);
  }

  static List<Object> keyOf(TableSpec t, Object[] row) {
    List<Object> key = new ArrayList<>(t.keyIndexes().size());
    for (int i : t.keyIndexes()) {
      key.add(row[i]);
    }
    return key;
  }

  static List<Object> normalizedKey(TableSpec t, Object[] row) {
    return normalize(keyOf(t, row));
  }

  static List<Object> normalize(List<Object> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(ValueNormalizer.normalize(v));
    }
    return out;
  }

  /**
   * The next chunk of {@code side}'s rows (or only key columns when {@code keysOnly}) in key order,
   * after key {@code after} (values read from the same side), or the first chunk when null.
   */
  private List<Object[]> keysetChunk(
      Connection c, Side side, TableSpec t, List<Object> after, boolean keysOnly)
      throws SQLException {
    List<Column> keyColumns = t.keyColumns();
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(keysOnly ? keyList(side, t) : t.selectList(side))
        .append(" FROM ")
        .append(t.name(side));
    boolean rowComparison = side == Side.POSTGRES && keyColumns.size() > 1;
    if (after != null && rowComparison) {
      // (k1, k2, ...) > (?, ?, ...): one index range scan on PostgreSQL, where the OR form below
      // is planned as a scan of the whole key range for every chunk (tpcc's composite keys)
      sql.append(" WHERE (").append(keyList(side, t)).append(") > (");
      for (int i = 0; i < keyColumns.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append(")");
    } else if (after != null) {
      sql.append(" WHERE ");
      // (k1 > ?) OR (k1 = ? AND k2 > ?) OR ...: understood by both, and by MySQL's range optimiser.
      for (int i = 0; i < keyColumns.size(); i++) {
        sql.append(i == 0 ? "(" : " OR (");
        for (int j = 0; j < i; j++) {
          sql.append(t.column(side, t.keyIndexes().get(j))).append(" = ? AND ");
        }
        sql.append(t.column(side, t.keyIndexes().get(i))).append(" > ?)");
      }
    }
    sql.append(" ORDER BY ").append(keyList(side, t)).append(" LIMIT ").append(chunkSize);
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      if (after != null && rowComparison) {
        for (int i = 0; i < keyColumns.size(); i++) {
          side.bind(ps, i + 1, after.get(i), keyColumns.get(i));
        }
      } else if (after != null) {
        int p = 1;
        for (int i = 0; i < keyColumns.size(); i++) {
          for (int j = 0; j <= i; j++) {
            side.bind(ps, p++, after.get(j), keyColumns.get(j));
          }
        }
      }
      return rows(ps, side, t, keysOnly);
    }
  }

  /**
   * The rows (or key columns) of {@code side} whose keys are {@code keys} (read on either side).
   */
  private List<Object[]> lookup(
      Connection c, Side side, TableSpec t, List<List<Object>> keys, boolean keysOnly)
      throws SQLException {
    List<Column> keyColumns = t.keyColumns();
    boolean composite = keyColumns.size() > 1;
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(keysOnly ? keyList(side, t) : t.selectList(side))
        .append(" FROM ")
        .append(t.name(side))
        .append(" WHERE ");
    sql.append(composite ? "(" + keyList(side, t) + ")" : keyList(side, t)).append(" IN (");
    String tuple =
        composite
            ? "(" + String.join(", ", java.util.Collections.nCopies(keyColumns.size(), "?")) + ")"
            : "?";
    for (int k = 0; k < keys.size(); k++) {
      sql.append(k == 0 ? "" : ", ").append(tuple);
    }
    sql.append(")");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (List<Object> key : keys) {
        for (int i = 0; i < keyColumns.size(); i++) {
          side.bind(ps, p++, key.get(i), keyColumns.get(i));
        }
      }
      return rows(ps, side, t, keysOnly);
    }
  }

  static String keyList(Side side, TableSpec t) {
    StringBuilder b = new StringBuilder();
    for (int i : t.keyIndexes()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(t.column(side, i));
    }
    return b.toString();
  }

  private static List<Object[]> rows(PreparedStatement ps, Side side, TableSpec t, boolean keysOnly)
      throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(readRow(rs, side, t, keysOnly));
      }
    }
    return out;
  }

  static Object[] readRow(ResultSet rs, Side side, TableSpec t, boolean keysOnly)
      throws SQLException {
    if (keysOnly) {
      Object[] row = new Object[t.keyIndexes().size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = side.read(rs, i + 1, t.columns().get(t.keyIndexes().get(i)));
      }
      return row;
    }
    Object[] row = new Object[t.columns().size()];
    for (int c = 0; c < row.length; c++) {
      row[c] = side.read(rs, c + 1, t.columns().get(c));
    }
    return row;
  }

  // ------------------------------------------------------------------ without a primary key

  private TableResult byRow(TableSpec t, long start) throws SQLException {
    // Normalised row -> count on MySQL minus count on PostgreSQL, plus one raw row to show.
    Map<List<Object>, long[]> balance = new HashMap<>();
    Map<List<Object>, Object[]> sample = new HashMap<>();
    long mysqlRows = scan(mysql, Side.MYSQL, t, balance, sample, +1, start, 0);
    long pgRows = scan(pg, Side.POSTGRES, t, balance, sample, -1, start, mysqlRows);
    long missing = 0;
    long extra = 0;
    List<KeyDiff> listed = new ArrayList<>();
    for (Map.Entry<List<Object>, long[]> e : balance.entrySet()) {
      long b = e.getValue()[0];
      if (b == 0) {
        continue;
      }
      if (b > 0) {
        missing += b;
      } else {
        extra -= b;
      }
      for (long k = 0; k < Math.abs(b) && listed.size() < maxListed; k++) {
        Map<String, String> v = showValues ? values(t, sample.get(e.getKey())) : Map.of();
        listed.add(
            b > 0
                ? new KeyDiff(KeyDiff.Kind.MISSING, List.of(), List.of(), v, Map.of())
                : new KeyDiff(KeyDiff.Kind.EXTRA, List.of(), List.of(), Map.of(), v));
      }
    }
    return new TableResult(t, mysqlRows, pgRows, missing, extra, 0, listed, null, elapsed(start));
  }

  private long scan(
      Connection c,
      Side side,
      TableSpec t,
      Map<List<Object>, long[]> balance,
      Map<List<Object>, Object[]> sample,
      int sign,
      long start,
      long before)
      throws SQLException {
    long n = 0;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT " + t.selectList(side) + " FROM " + t.name(side))) {
        while (rs.next()) {
          Object[] row = readRow(rs, side, t, false);
          List<Object> key = normalize(Arrays.asList(row));
          balance.computeIfAbsent(key, k -> new long[1])[0] += sign;
          if (showValues) {
            sample.putIfAbsent(key, row);
          }
          if (++n % chunkSize == 0) {
            listener.chunk(t, before + n, 0, elapsed(start));
          }
        }
      }
    }
    return n;
  }

  private static final class Counts {
    long mysqlRows;
    long pgRows;
    long missing;
    long extra;
    long changed;

    long total() {
      return missing + extra + changed;
    }
  }
}
