package io.dualwrite.admin.backfill;

import io.dualwrite.admin.backfill.TableInfo.Col;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a table into key ranges of about equal row counts for {@code backfill --parts}: counts the
 * rows, then walks MySQL's primary key index, each step reading the key {@code rows / parts}
 * entries after the previous boundary ({@code ORDER BY key LIMIT 1 OFFSET n}, bounded with {@link
 * ChunkCopier#afterPredicate} as chunks are). The boundaries are keys that existed when read; a
 * range is valid whatever is inserted or deleted later (each part runs from the previous boundary,
 * exclusive, to its own, inclusive, and the first and last are open), only less even.
 */
final class KeySplit {
  private KeySplit() {}

  /**
   * The last key of each part but the last: at most {@code parts - 1} keys in ascending order,
   * fewer when the table has fewer rows than parts. Reads in one autocommit transaction per query,
   * without locks.
   */
  static List<List<String>> boundaries(Connection mysql, TableInfo t, int parts)
      throws SQLException {
    List<List<String>> out = new ArrayList<>();
    if (parts <= 1) {
      return out;
    }
    long rows = countRows(mysql, t);
    long step = step(rows, parts);
    if (step <= 0) {
      return out;
    }
    List<String> after = List.of();
    for (int i = 1; i < parts; i++) {
      List<String> next = keyAt(mysql, t, after, step - 1);
      if (next == null) {
        break; // rows were deleted meanwhile: fewer parts
      }
      out.add(next);
      after = next;
    }
    return out;
  }

  /**
   * Rows per part: {@code rows / parts} rounded up; 0 when there are fewer rows than parts (then
   * one part is enough).
   */
  static long step(long rows, int parts) {
    if (parts <= 1 || rows < parts) {
      return 0;
    }
    return (rows + parts - 1) / parts;
  }

  /** The key {@code skip} entries after {@code after} in key order (null past the last). */
  static String keyAtSql(TableInfo t, boolean fromStart) {
    StringBuilder sql = new StringBuilder("SELECT ");
    List<Col> keys = t.keyColumns();
    StringBuilder list = new StringBuilder();
    for (Col k : keys) {
      list.append(list.length() > 0 ? ", " : "").append(TableInfo.mq(k.mysqlName()));
    }
    sql.append(list)
        .append(" FROM ")
        .append(TableInfo.mq(t.mysqlName()))
        .append(" FORCE INDEX (PRIMARY)");
    if (!fromStart) {
      sql.append(" WHERE ").append(ChunkCopier.afterPredicate(t));
    }
    return sql.append(" ORDER BY ").append(list).append(" LIMIT 1 OFFSET ?").toString();
  }

  private static List<String> keyAt(Connection mysql, TableInfo t, List<String> after, long skip)
      throws SQLException {
    try (PreparedStatement ps = mysql.prepareStatement(keyAtSql(t, after.isEmpty()))) {
      int p = ChunkCopier.bindKey(ps, 1, t, after, false);
      ps.setLong(p, skip);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        List<String> key = new ArrayList<>();
        List<Col> keys = t.keyColumns();
        for (int j = 0; j < keys.size(); j++) {
          key.add(ChunkCopier.keyText(rs, j + 1, keys.get(j)));
        }
        return key;
      }
    }
  }

  /**
   * An exact count: MySQL's {@code table_rows} is an estimate that MySQL 8 and later also cache for
   * a day, far off for a table just loaded.
   */
  private static long countRows(Connection mysql, TableInfo t) throws SQLException {
    try (PreparedStatement ps =
            mysql.prepareStatement("SELECT COUNT(*) FROM " + TableInfo.mq(t.mysqlName()));
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
