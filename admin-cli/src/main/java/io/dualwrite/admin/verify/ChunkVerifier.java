package io.dualwrite.admin.verify;

import io.dualwrite.driver.compare.ValueNormalizer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one table with a primary key by checksums of key ranges, as datafold's data-diff does
 * across databases: each server hashes the canonical text ({@link Canonical}) of every row of a
 * range with md5 and sums a 60-bit slice of each hash; only a range whose row count or sum differs
 * is split (into {@link #FANOUT} ranges, recursively) down to ranges of at most {@code leafRows}
 * rows, whose rows are read and compared as {@link TableVerifier} compares them.
 *
 * <p>Columns without a server-side canonical form (FLOAT, DOUBLE, JSON, unexpected type pairs) are
 * read with the key and hashed here, under {@link ValueNormalizer}, into a second sum per range.
 *
 * <p>Ranges are bounded by key values (after one key, up to another); this is sound only when both
 * servers order the key the same way ({@link #applies}): then a range holds the same keys on both.
 * Keys are bound with MySQL's {@code (k1 > ?) OR (k1 = ? AND k2 > ?)} form, which MySQL's range
 * optimiser reads as an index range, and PostgreSQL's row comparison {@code (k1, k2) > (?, ?)}.
 */
final class ChunkVerifier {
  static final int FANOUT = 16;

  /** Keys after {@code after} (exclusive) up to {@code upTo} (inclusive); null is unbounded. */
  record Range(List<Object> after, List<Object> upTo) {}

  /** What one range held and how it differed. */
  static final class Outcome {
    long mysqlRows;
    long pgRows;
    long missing;
    long extra;
    long changed;

    /** Ranges whose rows were read because their checksums differed. */
    long rowCompares;

    final List<KeyDiff> missingOrChanged = new ArrayList<>();
    final List<KeyDiff> extras = new ArrayList<>();

    long differences() {
      return missing + extra + changed;
    }
  }

  private final TableSpec t;
  private final int leafRows;
  private final int maxListed;
  private final boolean showValues;
  private final RowComparison rows;
  private final List<Column> keyColumns;
  private final List<Integer> clientColumns = new ArrayList<>();
  private final Map<Side, String> checksumSelect = new HashMap<>();
  private final Map<Side, String> clientSelect = new HashMap<>();

  /**
   * @param pgUtf8 whether PostgreSQL's database encoding is UTF8 (its md5 hashes that encoding,
   *     MySQL's the UTF-8 its text is converted to); otherwise text is hashed here
   * @param sha256 whether the servers hash rows with SHA-256 (MySQL without MD5) rather than md5
   */
  ChunkVerifier(
      TableSpec t,
      int leafRows,
      int maxListed,
      boolean showValues,
      boolean pgUtf8,
      boolean sha256) {
    this.t = t;
    this.leafRows = leafRows;
    this.maxListed = maxListed;
    this.showValues = showValues;
    this.rows = new RowComparison(maxListed, showValues);
    this.keyColumns = t.keyColumns();
    for (Side side : Side.values()) {
      List<String> pieces = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        Column c = t.columns().get(i);
        String piece = pgUtf8 || !isText(c) ? Canonical.piece(side, c) : null;
        if (piece == null) {
          if (side == Side.MYSQL) {
            clientColumns.add(i);
          }
        } else {
          pieces.add(piece);
        }
      }
      String sum =
          pieces.isEmpty() ? "0" : Canonical.rowHashSum(side, Canonical.join(side, pieces), sha256);
      checksumSelect.put(side, "SELECT COUNT(*), " + sum + " FROM " + t.name(side));
      if (!clientColumns.isEmpty()) {
        StringBuilder b = new StringBuilder("SELECT ").append(TableVerifier.keyList(side, t));
        for (int i : clientColumns) {
          b.append(", ").append(TableSpec.selectExpression(side, t.columns().get(i)));
        }
        clientSelect.put(side, b.append(" FROM ").append(t.name(side)).toString());
      }
    }
  }

  private static boolean isText(Column c) {
    return c.pgText();
  }

  /** Whether {@code t} can be compared by key ranges: a primary key both servers order alike. */
  static boolean applies(TableSpec t) {
    if (!t.hasPrimaryKey() || !t.problems().isEmpty()) {
      return false;
    }
    for (Column c : t.keyColumns()) {
      if (!Canonical.sameOrderOnBoth(c)) {
        return false;
      }
    }
    return true;
  }

  /** The columns hashed here rather than by the servers (MySQL's names). */
  List<String> clientHashedColumns() {
    List<String> out = new ArrayList<>();
    for (int i : clientColumns) {
      out.add(t.columns().get(i).mysqlName());
    }
    return out;
  }

  /**
   * The table's key ranges of about {@code chunkRows} of MySQL's rows each (the last one open, so
   * keys only on PostgreSQL beyond MySQL's last are in a range too).
   */
  List<Range> ranges(Connection mysql, int chunkRows) throws SQLException {
    List<Range> out = new ArrayList<>();
    List<Object> after = null;
    while (true) {
      Range rest = new Range(after, null);
      String sql =
          "SELECT "
              + TableVerifier.keyList(Side.MYSQL, t)
              + " FROM "
              + t.name(Side.MYSQL)
              + where(Side.MYSQL, rest)
              + " ORDER BY "
              + TableVerifier.keyList(Side.MYSQL, t)
              + " LIMIT 1 OFFSET "
              + (chunkRows - 1);
      List<Object> upTo = null;
      try (PreparedStatement ps = mysql.prepareStatement(sql)) {
        bind(ps, Side.MYSQL, rest);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            upTo = List.of(TableVerifier.readRow(rs, Side.MYSQL, t, true));
          }
        }
      }
      out.add(new Range(after, upTo));
      if (upTo == null) {
        return out;
      }
      after = upTo;
    }
  }

  /** Compares range {@code r}: checksums, then, where they differ, smaller ranges and rows. */
  Outcome compare(Connection mysql, Connection pg, Range r) throws SQLException {
    Outcome o = new Outcome();
    Sum my = checksum(mysql, Side.MYSQL, r);
    Sum other = checksum(pg, Side.POSTGRES, r);
    o.mysqlRows = my.rows;
    o.pgRows = other.rows;
    if (!my.equals(other)) {
      bisect(mysql, pg, r, my.rows, other.rows, o);
    }
    return o;
  }

  private void bisect(Connection mysql, Connection pg, Range r, long myRows, long pgRows, Outcome o)
      throws SQLException {
    if (Math.max(myRows, pgRows) <= leafRows) {
      compareRows(mysql, pg, r, o);
      return;
    }
    // split at the keys of the side with more rows in the range
    Side side = myRows >= pgRows ? Side.MYSQL : Side.POSTGRES;
    List<Object[]> keys = select(side == Side.MYSQL ? mysql : pg, side, r, true);
    int step = Math.max(1, (keys.size() + FANOUT - 1) / FANOUT);
    List<Object> after = r.after();
    for (int i = step - 1; ; i += step) {
      List<Object> upTo = i < keys.size() - 1 ? List.of(keys.get(i)) : r.upTo();
      Range sub = new Range(after, upTo);
      Sum a = checksum(mysql, Side.MYSQL, sub);
      Sum b = checksum(pg, Side.POSTGRES, sub);
      if (!a.equals(b)) {
        if (a.rows + b.rows >= myRows + pgRows) {
          compareRows(mysql, pg, sub, o); // cannot be split further
        } else {
          bisect(mysql, pg, sub, a.rows, b.rows, o);
        }
      }
      if (upTo == r.upTo()) {
        return;
      }
      after = upTo;
    }
  }

  /** Reads both sides' rows of {@code r} and compares them as {@link TableVerifier} does. */
  private void compareRows(Connection mysql, Connection pg, Range r, Outcome o)
      throws SQLException {
    o.rowCompares++;
    List<Object[]> mine = select(mysql, Side.MYSQL, r, false);
    List<Object[]> theirs = select(pg, Side.POSTGRES, r, false);
    Map<List<Object>, Object[]> pgRows = new HashMap<>();
    for (Object[] row : theirs) {
      pgRows.put(TableVerifier.normalize(TableVerifier.keyOf(t, row)), row);
    }
    RowComparison.Found found = rows.missingOrChanged(t, mine, pgRows, o.missingOrChanged);
    o.missing += found.missing();
    o.changed += found.changed();
    Set<List<Object>> onMysql = new HashSet<>();
    for (Object[] row : mine) {
      onMysql.add(TableVerifier.normalize(TableVerifier.keyOf(t, row)));
    }
    for (Object[] row : theirs) {
      if (!onMysql.contains(TableVerifier.normalize(TableVerifier.keyOf(t, row)))) {
        o.extra++;
        if (o.extras.size() < maxListed) {
          o.extras.add(
              new KeyDiff(
                  KeyDiff.Kind.EXTRA,
                  KeyText.formatAll(TableVerifier.keyOf(t, row)),
                  List.of(),
                  Map.of(),
                  showValues ? TableVerifier.values(t, row) : Map.of()));
        }
      }
    }
  }

  /** The rows (or keys) of {@code r} on {@code side}, in key order. */
  private List<Object[]> select(Connection c, Side side, Range r, boolean keysOnly)
      throws SQLException {
    String sql =
        "SELECT "
            + (keysOnly ? TableVerifier.keyList(side, t) : t.selectList(side))
            + " FROM "
            + t.name(side)
            + where(side, r)
            + " ORDER BY "
            + TableVerifier.keyList(side, t);
    List<Object[]> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, side, r);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(TableVerifier.readRow(rs, side, t, keysOnly));
        }
      }
    }
    return out;
  }

  /** A range's row count, server-side hash sum and client-side hash sum on one side. */
  private record Sum(long rows, BigInteger server, long client) {}

  /**
   * The checksum query of range {@code r} on {@code side}, its parameters bound by {@link #bind}.
   */
  String checksumSql(Side side, Range r) {
    return checksumSelect.get(side) + where(side, r);
  }

  private Sum checksum(Connection c, Side side, Range r) throws SQLException {
    long rows;
    BigInteger server;
    try (PreparedStatement ps = c.prepareStatement(checksumSelect.get(side) + where(side, r))) {
      bind(ps, side, r);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        rows = rs.getLong(1);
        BigDecimal s = rs.getBigDecimal(2);
        server = s == null ? BigInteger.ZERO : s.toBigIntegerExact();
      }
    }
    long client = 0;
    if (!clientColumns.isEmpty() && rows > 0) {
      try (PreparedStatement ps = c.prepareStatement(clientSelect.get(side) + where(side, r))) {
        bind(ps, side, r);
        ps.setFetchSize(Math.min(leafRows * 4, 10_000));
        try (ResultSet rs = ps.executeQuery()) {
          MessageDigest md5 = md5();
          StringBuilder text = new StringBuilder();
          while (rs.next()) {
            text.setLength(0);
            int p = 1;
            for (Column k : keyColumns) {
              piece(text, side.read(rs, p++, k));
            }
            for (int i : clientColumns) {
              piece(text, side.read(rs, p++, t.columns().get(i)));
            }
            byte[] h = md5.digest(text.toString().getBytes(StandardCharsets.UTF_8));
            long slice = 0;
            for (int b = 0; b < 8; b++) {
              slice = (slice << 8) | (h[b] & 0xff);
            }
            client += slice >>> 4; // 60 bits; the sum wraps, alike on both sides
          }
        }
      }
    }
    return new Sum(rows, server, client);
  }

  private static void piece(StringBuilder text, Object value) {
    Object v = ValueNormalizer.normalize(value);
    if (v == null) {
      text.append("n,");
    } else {
      String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
      text.append(s.length()).append(':').append(s).append(',');
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }

  /** {@code WHERE} clause of range {@code r} on {@code side} (empty when unbounded). */
  private String where(Side side, Range r) {
    List<String> parts = new ArrayList<>();
    if (r.after() != null) {
      parts.add(compare(side, ">"));
    }
    if (r.upTo() != null) {
      parts.add(compare(side, "<="));
    }
    return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
  }

  private String compare(Side side, String op) {
    int n = keyColumns.size();
    if (n > 1 && side == Side.POSTGRES) {
      String q = "?" + ", ?".repeat(n - 1);
      return "(" + TableVerifier.keyList(side, t) + ") " + op + " (" + q + ")";
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      columns.add(t.column(side, t.keyIndexes().get(i)));
    }
    return KeyBound.sql(columns, op.equals("<="));
  }

  void bind(PreparedStatement ps, Side side, Range r) throws SQLException {
    int p = 1;
    if (r.after() != null) {
      p = bindBound(ps, side, r.after(), p, false);
    }
    if (r.upTo() != null) {
      bindBound(ps, side, r.upTo(), p, true);
    }
  }

  private int bindBound(PreparedStatement ps, Side side, List<Object> key, int p, boolean upper)
      throws SQLException {
    int n = keyColumns.size();
    if (n > 1 && side == Side.POSTGRES) {
      for (int i = 0; i < n; i++) {
        side.bind(ps, p++, key.get(i), keyColumns.get(i));
      }
      return p;
    }
    for (int j : KeyBound.bindOrder(n, upper)) {
      side.bind(ps, p++, key.get(j), keyColumns.get(j));
    }
    return p;
  }
}
